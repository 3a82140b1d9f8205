"""A shift in the booth: the player is the officer for a short stream of cars (see game.story.views.shift,
which says what each screen holds, and game.sim.shift, which draws the stream and scores the decisions).

Release, check by hand and secondary are the bottom row's buttons, so every device reaches them on every
page. Time moves only with a decision (the booth's minutes), never with the wall clock. Sounds name what
the screen also says in words: a car's scores (match / no match) as it arrives, then the decision.
"""
from __future__ import annotations

from typing import Callable, Iterator

import pygame

from game.story.numbers import Numbers
from game.story.screen import Item, Screen
from game.story.shift import ShiftRun
from game.story.views import shift as view

from .. import theme
from ..camera import paint_camera
from ..layout import Flow
from ..scene import Context
from ..screens import ScreenScene
from . import registry
from .record import painters as crossing_painters

DECISION_SOUND = {"release": "release", "check": "tick", "secondary": "secondary"}
QUEUE_ROWS = 2  # the line drawn in rows, so a long one still shows car by car


class ShiftScene(ScreenScene):
    name = "shift"

    def __init__(self, ctx: Context, stream: int = 0):
        super().__init__(ctx)
        self.run = ShiftRun(ctx.world, ctx.world.default_policy, stream)

    def numbers(self) -> Numbers:
        return Numbers(self.ctx.t)

    def screen(self) -> Screen:
        run = self.run
        key = (run.stream, run.phase, tuple(run.decisions))
        return self.memo(key, lambda: view.shift_screen(run, self.numbers()))

    def actions(self) -> dict[str, Callable[[], None]]:
        return {"begin": self.begin, "next": self.next_car, "info": self.show_sources, "title": self.to_title,
                "lab": self.to_lab, "again": self.again,
                **{key: self._decide(key) for key in view.DECISION_KEYS}}

    def painters(self):
        return {**crossing_painters(self.ctx), "queue": self.paint_queue, "camera": self.paint_camera}

    def paint_camera(self, surface: pygame.Surface, rect: pygame.Rect, item: Item) -> None:
        paint_camera(surface, self.ctx, rect, item, Flow(self.ctx).say)

    def states(self) -> Iterator[str]:
        """The start, every car at the booth and every decision's result (each car decided in turn by each
        of the three, so every verdict shows), and the end of the shift."""
        keys = view.DECISION_KEYS
        self.run = ShiftRun(self.ctx.world, self.ctx.world.default_policy, self.run.stream)
        self.page = 0
        yield "start"
        self.run.begin()
        for i in range(len(self.run.shift.vehicles)):
            self.page = 0
            yield f"car {i + 1}"
            self.run.decide(keys[i % len(keys)])
            self.page = 0
            yield f"car {i + 1} after {self.run.decisions[-1]}"
            self.run.next()
        self.page = 0
        yield "summary"

    # -- the shift --------------------------------------------------------------------------------
    def begin(self) -> None:
        self.run.begin()
        self.arrive()

    def arrive(self) -> None:
        """A car at the booth: its scores sound as they show (any non-match first: it is what asks for a look)."""
        results = [p.matched for p in self.run.vehicle.people if p.matched is not None]
        if results:
            self.ctx.sound.play("match" if all(results) else "no_match")
        self.page = 0
        self.refresh()
        self.focus_key("release")

    def _decide(self, decision: str) -> Callable[[], None]:
        def decide() -> None:
            if self.run.phase != "car":
                return
            self.run.decide(decision)
            self.ctx.sound.play(DECISION_SOUND[decision])
            self.page = 0
            self.refresh()
            self.focus_key("next")
        return decide

    def next_car(self) -> None:
        self.run.next()
        if self.run.phase == "car":
            self.arrive()
        else:
            self.page = 0
            self.refresh()
            self.focus_key("lab")

    def again(self) -> None:
        self.run = self.run.again()
        self._screens.clear()
        self.page = 0
        self.refresh()
        self.focus_key("begin")

    def to_lab(self) -> None:
        self.ctx.stack.push(registry.make_scene("lab", self.ctx, standalone=True))

    def to_title(self) -> None:
        self.ctx.stack.reset(registry.make_scene("title", self.ctx))

    def show_sources(self) -> None:
        facts, assumed = view.sources(self.run)
        self.ctx.stack.push(registry.make_scene("source", self.ctx, facts=facts, assumptions=assumed))

    # -- the line, drawn ------------------------------------------------------------------------------
    def paint_queue(self, surface: pygame.Surface, rect: pygame.Rect, item: Item) -> None:
        """The booth at the top left, the car at it (when one is), then a car shape for each car in line, in
        rows as the width allows; where more wait than the rows hold, three dots after the last. The count
        is also in words below."""
        p = self.ctx.palette
        row_h = rect.h // QUEUE_ROWS
        car_w, car_h, gap = row_h * 5 // 4, row_h * 5 // 8, max(4, row_h // 6)
        booth = pygame.Rect(rect.x, rect.y + row_h // 8, row_h * 5 // 8, row_h * 3 // 4)
        pygame.draw.rect(surface, p.panel_edge, booth, border_radius=6)
        pygame.draw.rect(surface, p.text, booth, 3, border_radius=6)
        pygame.draw.line(surface, p.text, (booth.x - 4, booth.y), (booth.right + 4, booth.y), 5)  # the roof
        first = booth.right + gap
        if item.data["at_booth"]:
            _car(surface, pygame.Rect(first, booth.centery - car_h // 2, car_w, car_h), p, p.accent)
            first += car_w + gap * 3
        slots = [(x, rect.y + r * row_h + (row_h - car_h) // 2)
                 for r in range(QUEUE_ROWS)
                 for x in range(first if r == 0 else booth.right + gap, rect.right - car_w + 1, car_w + gap)]
        cars = item.data["cars"]
        shown = cars if cars <= len(slots) else max(0, len(slots) - 1)
        for x, y in slots[:shown]:
            _car(surface, pygame.Rect(x, y, car_w, car_h), p, p.muted)
        if shown < cars:
            x, y = slots[shown]
            for d in range(3):
                pygame.draw.circle(surface, p.text, (x + car_w // 4 + d * car_w // 4, y + car_h // 2),
                                   max(3, row_h // 14))


def _car(surface: pygame.Surface, body: pygame.Rect, p: theme.Palette, colour) -> None:
    """A car seen from the side, facing the booth: a body, a cabin with a window, two wheels."""
    pygame.draw.rect(surface, colour, body.inflate(0, -body.h // 3).move(0, body.h // 6), border_radius=body.h // 5)
    cabin = pygame.Rect(body.x + body.w // 6, body.y, body.w // 2, body.h // 2)
    pygame.draw.rect(surface, colour, cabin, border_top_left_radius=body.h // 4, border_top_right_radius=body.h // 4)
    pygame.draw.rect(surface, p.background, cabin.inflate(-body.w // 10, -body.h // 6).move(0, body.h // 20),
                     border_radius=4)
    r = max(3, body.h // 6)
    for cx in (body.x + body.w // 4, body.right - body.w // 4):
        pygame.draw.circle(surface, p.background, (cx, body.bottom - r), r)
        pygame.draw.circle(surface, p.text, (cx, body.bottom - r), r, max(2, r // 3))
