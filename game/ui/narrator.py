"""Read aloud (issue 14): the screen spoken as the player moves through it, in the player's language.

What is said comes from game.story.speech (the screen is data, so every screen can be spoken); how it
is said from game.ui.voice (the platform's own engine, interruptible). Each frame the narrator looks at
the top scene: a new screen, page or heading says the heading, the lines under it (up to the first
control) and the focused control; focus moving says the
new control, cutting off the last; new controls in the same place (a question the lane asks) say
the lines that came with them; a control whose words change under the player (the lab's chart as
its line is dragged) is said again, at most once a second. R reads the whole screen; Shift+R repeats.
"""
from __future__ import annotations

import re
from typing import Any, Callable

from game.story import speech
from game.story.screen import Screen

from .screens import TERM

AGAIN_AFTER_S = 1.0  # a control whose words keep changing (a dragged line) is said at most this often
OPENING_LINES = 3    # on arriving, the lines under the heading said before the focused control
SILENT = ("attract", "attract_call")  # the kiosk playing itself to nobody: a museum hall is not talked at
NEW_LINES = 6        # of what appeared with new controls, at most this many lines (R reads the rest)


SENTENCE = re.compile(r"(?<=[.!?])\s+")


def changed(before: str, now: str) -> str:
    """`now` from its first sentence that differs from `before`: a dragged line says "The line is at
    4.31 ...", not again what the chart is."""
    old, new = SENTENCE.split(before), SENTENCE.split(now)
    same = 0
    while same < min(len(old), len(new)) - 1 and old[same] == new[same]:
        same += 1
    return " ".join(new[same:])


class Narrator:
    def __init__(self, ctx: Any, engine_finder: Callable[[], Any] | None = None):
        self.ctx = ctx
        self._find = engine_finder
        self._voice: Any = None  # game.ui.voice.Voice, made when read aloud is first on
        self._place: tuple | None = None  # (scene, page, heading) last spoken
        self._focus: tuple[str | None, str] | None = None  # (focused key, what it said)
        self._controls: tuple = ()       # the screen's controls: new ones mean something new was asked
        self._reading: list[str] = []    # the whole screen as last read, to tell what is new
        self._last: list[str] = []
        self._said_at = -AGAIN_AFTER_S
        self.clock = 0.0

    @property
    def voice(self) -> Any:
        """The engine is looked for the first time read aloud is on: a game never read aloud loads none of
        it (nor the subprocess machinery, which would slow the first frame)."""
        if self._voice is None:
            from . import voice
            self._voice = voice.Voice((self._find or voice.find_engine)())
        return self._voice

    @property
    def on(self) -> bool:
        return bool(self.ctx.run.prefs.read_aloud)

    @property
    def missing(self) -> bool:
        """Read aloud is on, and this computer has no engine: the screen says so, the game goes on silent."""
        return self.on and not self.voice.available

    # -- what to say -----------------------------------------------------------------------------
    def _say(self) -> speech.Say:
        return speech.sayer(self.ctx.t)

    def focused_words(self, scene: Any, screen: Screen) -> str:
        key = scene.focused_key()
        if key is None:
            return ""
        item = next((i for top in (*screen.body, *screen.actions) for i in top.walk() if i.key == key), None)
        if item is not None:
            return speech.utterance(item, self._say(), screen)
        if key.startswith(TERM):  # a glossary term's target: the term and its sentence
            return speech.term(key[len(TERM):], self._say())
        # a control the layout adds (More, for the next page): its label, as shown
        return next((b.label for b in scene.buttons if b.key == key), "")

    # -- each frame --------------------------------------------------------------------------------
    def follow(self, scene: Any, dt: float) -> None:
        """Speak what changed on the top scene since the last frame."""
        self.clock += dt
        if not self.on:
            if self._voice is not None and self._voice.speaking:
                self._voice.stop()
            self._place = self._focus = None
            return
        if scene is not None and scene.name in SILENT:  # the last visitor's sentence stops; the next arrival
            self.stop()                                    # starts afresh
            self._place = self._focus = None
            return
        if scene is None or not hasattr(scene, "screen"):
            return
        screen = scene.screen()
        # a new scene, page or heading (the lane's next station, the board's next question) is a new place
        title = speech.heading(screen, self._say())
        place = (id(scene), getattr(scene, "page", 0), title)
        key = scene.focused_key()
        words = self.focused_words(scene, screen)
        controls = tuple(i.key for i in screen.controls())
        if place != self._place:
            self._reading = speech.reading(screen, self._say())
            self.speak([title, *self.opening(screen, title), words])
        elif controls != self._controls:  # the same place asks something new (the lane's guess): what is new
            reading = speech.reading(screen, self._say())
            labels = self.control_words(screen)
            new = [line for line in reading if line not in self._reading and line not in labels and line != words]
            self._reading = reading
            self.speak([*new[:NEW_LINES], words])
        elif self._focus is None or key != self._focus[0]:
            self.speak([words])
        elif words != self._focus[1] and self.clock - self._said_at >= AGAIN_AFTER_S:
            self.speak([changed(self._focus[1], words)])
        else:
            self.voice.update()
            return
        self._place, self._focus, self._controls = place, (key, words), controls

    def control_words(self, screen: Screen) -> set[str]:
        """What each control says: lines of a reading that are controls, not news."""
        say = self._say()
        return {speech.utterance(i, say, screen) for i in screen.controls()}

    def opening(self, screen: Screen, title: str) -> list[str]:
        """What follows the heading before any control (a station's news, a question's prompt): a few
        lines, so arriving somewhere says what happened there; R reads the rest."""
        controls = self.control_words(screen)
        after = self._reading[self._reading.index(title) + 1:] if title in self._reading else self._reading
        lines = []
        for line in after:
            if line in controls:
                break
            lines.append(line)
        return lines[:OPENING_LINES]

    def speak(self, texts: list[str]) -> None:
        """Say these now, cutting off whatever was being said."""
        texts = [t for t in texts if t and t.strip()]
        lang = self.ctx.run.prefs.language
        self._last = texts
        self._said_at = self.clock
        self.voice.say(texts, lang)
        self.voice.update()

    def read_screen(self, scene: Any) -> None:
        if self.on and hasattr(scene, "screen"):
            self.speak(speech.reading(scene.screen(), self._say()))

    def repeat(self) -> None:
        if self.on and self._last:
            self.speak(list(self._last))

    def stop(self) -> None:
        if self._voice is not None:
            self._voice.stop()
