"""Small screens over others (quit, 'What people have said', 'How do we know?'), settings, and the
sources and limits of the model; each drawn from its screen (game.story.views.dialogs, .settings)."""
from __future__ import annotations

import math
from typing import Callable, Iterator

import pygame

from game.story.numbers import Numbers
from game.story.prefs import REGISTRY as PREFS
from game.story.views.dialogs import (SOURCES_TABS, every_assumption, quit_screen, source_screen, sources_screen,
                                      still_there_screen, term_screen, voices_screen)
from game.story.views.settings import settings_screen

from .. import input as I
from ..scene import Context
from ..screens import ScreenScene
from . import registry

PASSING = (I.POINT, I.PRESS, I.DRAG)  # a pointer on its way: a touch acts when it lifts (TAP), not before


class ConfirmQuitScene(ScreenScene):
    name = "quit"
    overlay = True

    def screen(self):
        return quit_screen()

    def actions(self) -> dict[str, Callable[[], None]]:
        return {"no": self.back, "yes": self.quit}

    def quit(self) -> None:
        self.ctx.quit_requested = True


class StillThereScene(ScreenScene):
    """'Still there?': the kiosk left alone counts down (Game watches `remaining` and starts over when it
    runs out). Any input keeps the visitor's place: the prompt closes and nothing else changes; a touch
    closes it when the finger lifts, so the same touch never reaches the screen beneath."""

    name = "still_there"
    overlay = True

    def __init__(self, ctx: Context, seconds: float | None = None):
        super().__init__(ctx)
        self.remaining = ctx.content.scenes.kiosk.prompt_seconds if seconds is None else seconds
        self._shade: pygame.Surface | None = None

    def enter(self) -> None:
        super().enter()
        self.ctx.sound.play("tick")  # heard by someone turned away; the screen says the same

    def shown(self) -> int:
        """The whole seconds left, as the screen says them."""
        return max(0, math.ceil(self.remaining))

    def screen(self):
        seconds = self.shown()
        return self.memo((seconds,), lambda: still_there_screen(Numbers(self.ctx.t), seconds))

    def actions(self) -> dict[str, Callable[[], None]]:
        return {"stay": self.back}

    def handle(self, intent: I.Intent) -> None:
        if intent.kind not in PASSING:
            self.ctx.sound.play("tap")
            self.back()

    def update(self, dt: float) -> bool:
        before = self.shown()
        self.remaining -= dt
        if self.shown() != before:
            self.dirty = True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        """Over another dialog (a visitor left "How do we know?" open), that dialog is dimmed too."""
        if len(self.ctx.stack.visible()) > 2:
            if self._shade is None or self._shade.get_size() != surface.get_size():
                self._shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            self._shade.fill((*self.ctx.palette.shadow, 160))
            surface.blit(self._shade, (0, 0))
        super().draw(surface)

    def states(self) -> Iterator[str]:
        for seconds in (self.ctx.content.scenes.kiosk.prompt_seconds, 1):
            self.remaining = seconds
            yield f"{seconds:g} seconds left"


class SourceScene(ScreenScene):
    """'How do we know?': the facts behind a screen or a number, each with its source; then what the
    model assumes there, where no source gives the number (`assumptions`: paths, game.story.assumptions)."""

    name = "source"
    overlay = True

    def __init__(self, ctx: Context, facts: list[str] | None = None, assumptions: list[str] | None = None):
        super().__init__(ctx)
        self.facts = facts or ([] if assumptions else [next(iter(ctx.content.facts))])
        self.assumptions = list(assumptions or [])
        self._screen = None

    def screen(self):
        if self._screen is None:  # the screen holds text ids only, so one serves every language
            world = self.ctx.world if self.assumptions else None  # the model is built only when needed
            self._screen = source_screen(self.ctx.content, world, self.facts, self.assumptions)
        return self._screen

    def actions(self) -> dict[str, Callable[[], None]]:
        return {"close": self.back, "calibration": self.show_calibration}

    def show_calibration(self) -> None:
        self.ctx.stack.push(registry.make_scene("calibration", self.ctx))

    def states(self) -> Iterator[str]:
        """One fact (as it opens from a station), every fact, and every fact with every assumption."""
        everything = list(self.ctx.content.facts)
        for name, facts, assumed in (("one fact", everything[:1], []), ("every fact", everything, []),
                                     ("every fact and assumption", everything, every_assumption(self.ctx.world))):
            self.facts, self.assumptions, self._screen, self.page = facts, assumed, None, 0
            yield name


class TermScene(ScreenScene):
    """A glossary term, opened from the word on any screen: the term and its one sentence."""

    name = "term"
    overlay = True
    glossary = False  # the term's own words are not marked again inside its explanation

    def __init__(self, ctx: Context, term: str | None = None):
        super().__init__(ctx)
        self.term = term or ctx.content.scenes.glossary[0]

    def screen(self):
        return self.memo((self.term,), lambda: term_screen(self.term))

    def actions(self) -> dict[str, Callable[[], None]]:
        return {"close": self.back}

    def states(self) -> Iterator[str]:
        for term in self.ctx.content.scenes.glossary:
            self.term, self.page = term, 0
            yield term


class VoicesScene(ScreenScene):
    """What people have said about one question: reported speech, each with the citation it rests on."""

    name = "voices"
    overlay = True

    def __init__(self, ctx: Context, question: str | None = None):
        super().__init__(ctx)
        self.question = ctx.content.questions[question or next(iter(ctx.content.questions))]

    def screen(self):
        return voices_screen(self.ctx.content, self.question.id)

    def actions(self) -> dict[str, Callable[[], None]]:
        return {"close": self.back}

    def states(self) -> Iterator[str]:
        for question in self.ctx.content.questions.values():
            self.question, self.page = question, 0
            yield question.id


class SettingsScene(ScreenScene):
    """Each preference is one button that cycles through its choices."""

    name = "settings"

    def screen(self):
        return settings_screen(self.ctx.run.prefs)

    def actions(self) -> dict[str, Callable[[], None]]:
        return {"back": self.back, **{spec.name: self._cycler(spec.name) for spec in PREFS}}

    def _cycler(self, name: str) -> Callable[[], None]:
        def cycle() -> None:
            self.ctx.run.prefs = self.ctx.run.prefs.cycle(name)
            self.ctx.apply_prefs()
            self.refresh()
        return cycle


class SourcesListScene(ScreenScene):
    """Where the model is simpler than reality, and every source the game cites: two tabs. Choosing the
    tab shown again turns its pages, as "More" does."""

    name = "sources"

    def __init__(self, ctx: Context):
        super().__init__(ctx)
        self.showing = "limits"

    def screen(self):
        return sources_screen(self.ctx.content, self.showing)

    def actions(self) -> dict[str, Callable[[], None]]:
        return {"calibration": self.show_calibration, "back": self.back,
                **{tab: self._shower(tab) for tab in SOURCES_TABS}}

    def show_calibration(self) -> None:
        self.ctx.stack.push(registry.make_scene("calibration", self.ctx))

    def _shower(self, tab: str) -> Callable[[], None]:
        def show() -> None:
            if tab == self.showing:
                self.next_page()
            else:
                self.showing, self.page = tab, 0
            self.refresh()
            self.focus_key(tab)
        return show

    def states(self) -> Iterator[str]:
        for tab in SOURCES_TABS:
            self.showing, self.page = tab, 0
            yield tab
