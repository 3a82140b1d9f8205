"""`face-value words [--path class|kiosk] [--lang en|es]`: how long a shorter path takes a reading player.

The path (content/scenes.yaml `class_path` or `kiosk_path`) is played headless through the real scenes,
pressing buttons by keyboard as a player would: from the title, on the class path each traveller in turn,
on the kiosk path (a kiosk game) one traveller as a visitor chooses (every step of the lane, a prediction
answered with its first choice, until the outcome), then the path's questions of the board, then the
record. Each distinct screen is counted once: the words laid out on all its pages, in the
chosen language, and the presses made on it (a page turned is a press). Minutes: the words at the
path's reading speed, plus its seconds a press. Words painted inside charts and maps are not counted.
Of the words shown, the new ones are those in texts not shown before on the path: a button, a legend
or a record panel met again is shown again but hardly read again. The new words are what a student
reads: the minutes and the bound on words count them.

Exit status 1 when the path is over either bound, as `model --calibration` does for its bands.
"""
from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from game.content import Content
from game.story.numbers import for_language
from game.story.run import SHORT_PATHS, path_settings
from game.story.views.choose import offered
from game.story.screen import Screen, Words

PATHS = SHORT_PATHS
MAX_PRESSES = 400  # a walk that has not reached the record by then is stuck: said, not looped forever
A_WORD = re.compile(r"\w")
HEADINGS = ("title", "heading", "subheading")


@dataclass
class Visit:
    """One distinct screen on the path: its scene, what it shows (its first heading), its pages, the
    presses made on it, the words on all its pages, and how many of them are in texts new on the path."""

    scene: str
    shows: str
    pages: int
    presses: int
    words: int
    new: int = 0


@dataclass
class Walk:
    """The path's screens (`visits`), and apart from them the class check's (`check`): the lesson plan
    gives the check its own minutes, before and after play, so the path's bounds are for the play."""

    visits: list[Visit]
    words_per_minute: float
    seconds_per_press: float
    check: list[Visit] = field(default_factory=list)

    @property
    def check_new(self) -> int:
        return sum(v.new for v in self.check)

    @property
    def check_minutes(self) -> float:
        return self.reading(self.check_new) + self.pressing(sum(v.presses for v in self.check))

    def reading(self, words: int) -> float:
        """Minutes to read `words` new words at the path's speed."""
        return words / self.words_per_minute

    def pressing(self, presses: int) -> float:
        return presses * self.seconds_per_press / 60

    @property
    def words(self) -> int:
        return sum(v.words for v in self.visits)

    @property
    def new(self) -> int:
        return sum(v.new for v in self.visits)

    @property
    def presses(self) -> int:
        return sum(v.presses for v in self.visits)

    @property
    def reading_minutes(self) -> float:
        return self.reading(self.new)

    @property
    def pressing_minutes(self) -> float:
        return self.pressing(self.presses)

    @property
    def minutes(self) -> float:
        return self.reading_minutes + self.pressing_minutes


class StuckError(RuntimeError):
    """The path could not go on: a screen changed in a way the walker cannot get past."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--path", choices=PATHS, default="class", help="the path to measure (default: class)")
    parser.add_argument("--lang", default="en", help="language of the screens and the summary")
    parser.add_argument("--seed", type=int, default=1, help="one seed gives one run (default 1)")
    parser.add_argument("--traveller", help="on the kiosk path, the traveller the visitor chooses (default: the first)")


def run(content: Content, args: argparse.Namespace) -> int:
    choices = offered(content, args.path)
    if args.traveller is not None and (args.path != "kiosk" or args.traveller not in choices):
        print(f"words: --traveller chooses one of the kiosk path's travellers ({', '.join(choices)}); "
              f"got {args.traveller!r}" if args.path == "kiosk" else "words: --traveller is for --path kiosk")
        return 2
    try:
        walk = walk_path(content, args.lang, args.seed, args.path, args.traveller)
    except StuckError as stuck:
        print(f"words: {stuck}")
        return 1
    report = table(content, walk, args.lang, args.path)
    print(report)
    return 0 if within(content, walk, args.path) else 1


def within(content: Content, walk: Walk, path_name: str = "class") -> bool:
    """The path reads at most its words and takes at most its minutes."""
    path = path_settings(content, path_name)
    return walk.new <= path.max_words and walk.minutes <= path.max_minutes


def table(content: Content, walk: Walk, lang: str, path_name: str) -> str:
    """The path screen by screen, then the totals and the bounds, in `lang`."""
    n = for_language(content, lang)
    t = n.t
    path = path_settings(content, path_name)
    width = max([len(t("words.screen"))] + [len(f"{v.scene}: {v.shows}") for v in walk.visits])
    heads = (t("words.pages"), t("words.presses"), t("words.count"), t("words.new"))
    kiosk = path_name == "kiosk"
    lines = [t("kiosk_path.words_heading") if kiosk else t("words.heading", path=path_name), "",
             f"{t('words.screen'):<{width}}  " + "  ".join(f"{h:>8}" for h in heads)]
    for v in walk.visits:
        cells = (n.count(v.pages), n.count(v.presses), n.count(v.words), n.count(v.new))
        lines.append(f"{v.scene + ': ' + v.shows:<{width}}  " + "  ".join(f"{c:>8}" for c in cells))
    lines += ["", t("words.total", words=n.count(walk.words), presses=n.count(walk.presses),
                    screens=n.count(len(walk.visits)), new=n.count(walk.new)),
              t("words.minutes", minutes=n.decimal(walk.minutes), reading=n.decimal(walk.reading_minutes),
                rate=n.count(path.words_per_minute), pressing=n.decimal(walk.pressing_minutes),
                seconds=n.count(path.seconds_per_press)),
              t("kiosk_path.words_bounds" if kiosk else "words.bounds", words=n.count(path.max_words),
                minutes=n.count(path.max_minutes)),
              t("words.within" if within(content, walk, path_name) else "words.over")]
    if walk.check:
        lines += ["", t("words.check", screens=n.count(len(walk.check)), new=n.count(walk.check_new),
                        minutes=n.decimal(walk.check_minutes))]
    return "\n".join(lines)


# -- the walk ---------------------------------------------------------------------------------------
def walk_path(content: Content, lang: str = "en", seed: int = 1, path_name: str = "class",
              traveller: str | None = None) -> Walk:
    """Play a path headless through the real scenes and measure every screen on it: the class path
    crosses as each of its travellers; the kiosk path (in a kiosk game) as `traveller`, else the first
    it offers."""
    from game.ui.runtime import Game, init_pygame, shutdown
    init_pygame(headless=True)
    try:
        kiosk = path_name == "kiosk"
        walker = Walker(Game(content, seed=seed, lang=lang, kiosk=kiosk, path=path_name))
        path = path_settings(content, path_name)
        crossing = [traveller or offered(content, path_name)[0]] if kiosk else list(path.travellers)
        walker.press("start")
        for n, who in enumerate(crossing):
            walker.until("choose", walker.forward)  # on the class path, the check before play comes first
            walker.press(who)
            walker.until("outcome", walker.forward)
            walker.press("next" if n + 1 < len(crossing) else "board")
        walker.until("record", walker.forward)
        walker.seen()
        if "check_after" in (b.key for b in walker.scene.buttons):  # the class check, after play
            walker.press("check_after")
            walker.until("record", walker.forward)
        play = [v for v in walker.visits if v.scene != "check"]
        check = [v for v in walker.visits if v.scene == "check"]
        return Walk(play, path.words_per_minute, path.seconds_per_press, check)
    finally:
        shutdown()


class Walker:
    """Presses buttons on a running game as the keyboard does (Tab to a control, Enter: the intents the
    game's input mapper makes of those keys), noting each distinct screen it meets: its words on every
    page and the presses made on it."""

    def __init__(self, game: Any):
        from game.ui import input as intents
        self.intents = intents
        self.game = game
        self.visits: list[Visit] = []
        self._by_screen: dict[tuple, Visit] = {}
        self._read_on: dict[tuple, int] = {}  # the scene object each screen was first read on
        self._shown: set[str] = set()  # every text shown so far on the path
        self._presses = 0

    @property
    def scene(self) -> Any:
        return self.game.scene

    def until(self, name: str, step) -> None:
        """Note each screen and take `step` on it until the scene `name` is on top."""
        while self.scene.name != name:
            if self._presses > MAX_PRESSES:
                raise StuckError(f"no {name} screen after {MAX_PRESSES} presses; at {self.scene.name}")
            before = self.seen()
            step()
            if self.state() == before:
                raise StuckError(f"on {self.scene.name}, a press changed nothing; controls: "
                                 f"{[b.key for b in self.scene.buttons]}")

    def forward(self) -> None:
        """The way on: a question's first answer (a prediction, or any choices with none chosen yet),
        else the screen's primary button, else the control it focuses on arrival."""
        screen = self.scene.screen()
        body = [i for item in screen.body for i in item.walk()]
        choices = [i for i in body if i.kind == "choice" and i.key]
        if choices and not any(c.selected for c in choices):
            self.press(choices[0].key)
            return
        primary = next((i.key for i in screen.actions if i.kind == "button" and i.role == "primary"), None)
        key = primary or screen.focus or next((i.key for i in screen.controls() if i.key), None)
        if key is None:
            raise StuckError(f"{self.scene.name} has no control to go on with")
        self.press(key)

    # -- what is on screen -------------------------------------------------------------------------
    def state(self) -> tuple:
        """What tells one screen from another: the scene, the text ids it shows (not their values, which
        a countdown changes every second); and, to see that a press did something, which scene object
        it is and which choices are chosen."""
        screen = self.scene.screen()
        chosen = tuple(c.key for c in screen.controls() if c.selected)
        return (self.scene.name, signature(screen), id(self.scene), chosen)

    def seen(self) -> tuple:
        """Note the screen on top, once (the same screen with another choice ticked is the same screen);
        its state."""
        state = self.state()
        key = state[:2]
        if key not in self._by_screen:
            screen, laid = self.scene.laid_out()
            pages = len(laid.pages)
            texts = {" ".join(box_text(b)): read_as(b) for b in laid_boxes(laid)}
            new = sum(count_words([text]) for text, known in texts.items() if known not in self._shown)
            self._shown.update(texts.values())
            visit = Visit(self.scene.name, self.shows(screen), pages, pages - 1, laid_words(laid), new)
            self._by_screen[key] = visit
            self._read_on[key] = state[2]
            self.visits.append(visit)
        self._current = self._by_screen[key]
        self._again = self._read_on[key] != state[2]
        return state

    def shows(self, screen: Screen) -> str:
        """A screen's first heading, in the game's language, to name it in the table."""
        say = self.game.ctx.t
        for item in screen.body:
            for i in item.walk():
                if i.kind == "text" and i.role in HEADINGS and i.words:
                    return _say(say, i.words[0])
        return screen.name

    # -- pressing ------------------------------------------------------------------------------------
    def press(self, key: str) -> None:
        """Tab to the control `key` (turning pages to reach it, as a player would) and press Enter."""
        self.seen()
        scene = self.scene
        for _ in range(12):  # a page turned to reach a control: counted with the pages when first read
            keys = [b.key for b in scene.buttons]
            if key in keys or "more" not in keys:
                break
            self._focus("more")
            self._send(self.intents.CONFIRM)
            self._current.presses += self._again
        if key not in [b.key for b in scene.buttons]:
            raise StuckError(f"{scene.name} has no {key!r}; it has {[b.key for b in scene.buttons]}")
        self._focus(key)
        self._send(self.intents.CONFIRM)
        self._current.presses += 1
        self._presses += 1

    def _focus(self, key: str) -> None:
        """Tab until `key` has the focus."""
        scene = self.scene
        for _ in range(len(scene.buttons) + 1):
            if scene.focused_key() == key:
                return
            self._send(self.intents.NEXT)
        raise StuckError(f"could not focus {key!r} on {scene.name}")

    def _send(self, kind: str) -> None:
        self.game.send(self.intents.Intent(kind))
        self.game.step(1 / 60)
        for _ in range(180):  # let anything that moves come to rest, as the real loop would
            if not self.game.animating:
                break
            self.game.step(1 / 60)


def signature(screen: Screen) -> tuple:
    """Every item's kind and text ids, in order."""
    return tuple((i.kind, *(x for w in i.words for x in w.ids()))
                 for item in (*screen.body, *screen.actions) for i in item.walk())


def laid_boxes(laid: Any) -> list:
    """The boxes of every page of a layout, and its actions once (they are the same on each page)."""
    return [b for page in laid.pages for b in page] + list(laid.actions)


def laid_words(laid: Any) -> int:
    return sum(count_words(box_text(b)) for b in laid_boxes(laid))


def box_text(box: Any) -> list[str]:
    return [*box.lines, *(line for _, lines in box.cells for line in lines)]


def read_as(box: Any) -> str:
    """What a student reads a box as: its text; a countdown (a record's time left, changing every
    second) by its label alone, so the same record met a second later is not read again."""
    live = isinstance(box.item.data, dict) and "live" in box.item.data
    return " ".join(box.lines) if live else " ".join(box_text(box))


def count_words(lines: Iterable[str]) -> int:
    return sum(1 for line in lines for token in line.split() if A_WORD.search(token))


def _say(t, words: Words) -> str:
    return t(words.id, **{k: _say(t, v) if isinstance(v, Words) else v for k, v in words.values})

