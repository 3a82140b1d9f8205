"""The lane: the traveller moves station by station; each shows what happened and the record so far
(see game.story.views.lane, which says what the screen holds).

Left and right (keys, stick, d-pad) walk back and forth; Continue or a tap on the next station's marker
moves on. The map is a painted item: the traveller walks across it (at once, with reduced motion). The
record's countdowns change every second; only their words are set again then, the layout is kept.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterator

import pygame

from game.story.crossing import Beat, Crossing
from game.story.numbers import Numbers
from game.story.screen import Item, Screen
from game.story.views import lane as view

from .. import input as I, theme
from ..layout import ACTION_GAP, BOTTOM, GAP, MARGIN, TOP, Flow, Layout, lay_out
from ..port import MAP_HEIGHT, MAP_W, PortMap, traveller_at
from ..scene import Button, Context
from ..screens import ScreenScene
from . import registry
from .record import painters as crossing_painters

WALK_SECONDS = 0.8


class CrossingScene(ScreenScene):
    """A scene about one traveller's crossing (the given one, the run's, or the first), under the run's policy."""

    def __init__(self, ctx: Context, traveller: str | None = None):
        super().__init__(ctx)
        self.choose_traveller(traveller or ctx.run.traveller or view.first_traveller(ctx.content))

    def choose_traveller(self, traveller_id: str) -> None:
        ctx = self.ctx
        self.traveller = view.traveller(ctx.content, traveller_id)
        self.crossing: Crossing = ctx.world.crossing(traveller_id, ctx.run.policy(ctx.world))
        self._screens.clear()

    def numbers(self) -> Numbers:
        return Numbers(self.ctx.t)

    def memo(self, key: tuple, build: Callable[[], Screen]) -> Screen:
        return super().memo((self.traveller.id, *key), build)

    def painters(self):
        return crossing_painters(self.ctx)


class LaneScene(CrossingScene):
    name = "lane"

    def __init__(self, ctx: Context, traveller: str | None = None):
        self.index = 0
        self.walk_from = 0
        self.walk_t = 1.0
        self.seconds = 0.0  # since the traveller reached the port: the record's retention counts down from it
        self.map = PortMap()
        self._fits: dict[tuple, tuple[int, bool]] = {}
        super().__init__(ctx, traveller)

    def choose_traveller(self, traveller_id: str) -> None:
        super().choose_traveller(traveller_id)
        self.stations = view.stations(self.ctx.content, traveller_id)
        self.index = self.walk_from = 0
        self.walk_t = 1.0

    @property
    def beat(self) -> Beat:
        return self.crossing.beat_at(self.stations[self.index].id)

    # -- the screen ---------------------------------------------------------------------------
    def build(self, seconds: int) -> Screen:
        height, loose = self.fit()
        return view.lane_screen(self.ctx.world, self.traveller.id, self.crossing, self.index, seconds,
                                self.numbers(), height, loose)

    def screen(self) -> Screen:
        second = int(self.seconds)
        return self.memo((self.index, *self.fit(), second), lambda: self.build(second))

    def fit(self) -> tuple[int, bool]:
        """The map's height and whether the station's parts go one under another: the tallest map (up to
        the port's own proportions) with which every station of this traveller fits on one page beside
        the record, so the map keeps its size as the traveller walks; where the text is too large for the
        station and the record side by side, the smallest map and the station's parts loose, so the
        first page holds the map and as much of the station as fits."""
        key = (self.traveller.id, self.ctx.text.scale, self.ctx.run.prefs.language)
        if key not in self._fits:
            self._fits[key] = self._fit()
        return self._fits[key]

    def _fit(self) -> tuple[int, bool]:
        flow = Flow(self.ctx)
        width = theme.CANVAS[0] - 2 * MARGIN
        probe, most = view.MAP_MIN, view.MAP_MAX
        need = 0
        for i in range(len(self.stations)):
            screen = view.lane_screen(self.ctx.world, self.traveller.id, self.crossing, i, 0, self.numbers(), probe)
            row = screen.body[0]
            if flow.stacks(row, width):
                return view.MAP_MIN, True
            weights = row.data["weights"]
            left = int((width - GAP * (len(weights) - 1)) * weights[0] / sum(weights))
            most = min(most, round(left * MAP_HEIGHT / MAP_W))
            actions = flow.flow_controls(screen.actions, 0, 0, width)[1]
            need = max(need, flow.place(row.items[0], 0, 0, left)[1] - probe + actions)
        room = theme.CANVAS[1] - TOP - BOTTOM - ACTION_GAP - need
        return max(view.MAP_MIN, min(most, room)), False

    def laid_out(self) -> tuple[Screen, Layout]:
        """As a ScreenScene lays out, except that a screen that differs only in its countdowns keeps the
        layout: the countdowns' words are set again in their boxes (laid out afresh if one would wrap
        differently)."""
        screen = self.screen()
        where = (self.ctx.text.scale, self.ctx.run.prefs.language, self.page)
        if self._cache is not None:
            key, cached, layout = self._cache
            if cached is screen and key[1:] == where:
                return screen, layout
            still = _still(screen)
            if key == (still, *where) and self._recount(layout, screen):
                self._cache = (key, screen, layout)
                return screen, layout
        layout = lay_out(self.ctx, screen, self.page)
        if self.page >= len(layout.pages):
            self.page = 0
            layout = lay_out(self.ctx, screen, 0)
        self._cache = ((_still(screen), self.ctx.text.scale, self.ctx.run.prefs.language, self.page), screen, layout)
        return screen, layout

    def _recount(self, layout: Layout, screen: Screen) -> bool:
        """Set each countdown's new words in its laid-out cell; False if one no longer fits its cell."""
        live = {i.data["live"]: i for item in screen.body for i in item.walk() if _live(i)}
        flow = Flow(self.ctx)
        for page in layout.pages:
            for box in page:
                if not _live(box.item):
                    continue
                new = live.get(box.item.data["live"])
                if new is None or len(new.words) != len(box.item.words):
                    return False
                cells = []
                for (cell, lines), words in zip(box.cells, new.words[1:]):
                    wrapped, split = flow.wrap(flow.say(words), "value", cell.w)
                    if split or len(wrapped) != len(lines):
                        return False
                    cells.append((cell, wrapped))
                box.cells, box.item = cells, new
        return True

    def layout(self) -> None:
        """The screen's controls, and a touch target on each station's marker (reached by left and right
        on keys and gamepads, and by Tab)."""
        wanted = self.focused_key()
        super().layout()
        _, laid = self.laid_out()
        the_map = next((b for b in laid.boxes(self.page) if b.item.kind == "map"), None)
        if the_map is not None:
            say = Flow(self.ctx).words
            for i, rect in enumerate(PortMap.station_rects(the_map.rect, the_map.item.data)):
                label = say(Item("text", (view.station_words(self.stations[i]),)))
                self.buttons.append(Button(f"station:{i}", rect, label, self._goto(i), visible=False))
        if wanted and wanted.startswith("station:"):
            self.focus_key(wanted)

    def actions(self) -> dict[str, Callable[[], None]]:
        return {"continue": self.forward, "info": self.show_sources, "back": self.back}

    def painters(self):
        return {**super().painters(), "map": self.paint_map}

    def paint_map(self, surface: pygame.Surface, rect: pygame.Rect, item: Item) -> None:
        focused = self.focused_key() or ""
        station = int(focused.split(":")[1]) if focused.startswith("station:") else None
        data = item.data
        at = traveller_at(data["stations"], self.walk_from, self.index, self.walk_t, data["lane"])
        self.map.paint(surface, self.ctx, rect, data, Flow(self.ctx).say, at, station)

    def states(self) -> Iterator[str]:
        """Every station of every traveller, each as it stands when the traveller has arrived."""
        for traveller_id in view.traveller_ids(self.ctx.content):
            self.choose_traveller(traveller_id)
            for i in range(len(self.stations)):
                self.index = self.walk_from = i
                self.page = 0
                yield f"{traveller_id} at {self.stations[i].id}"

    # -- moving ---------------------------------------------------------------------------------
    def _goto(self, i: int):
        def go() -> None:
            if i <= self.index + 1:
                self.walk_to(i)
        return go

    def handle(self, intent: I.Intent) -> None:
        if intent.kind == I.RIGHT:
            self.forward()
        elif intent.kind == I.LEFT:
            self.walk_to(self.index - 1)
        elif intent.kind in (I.UP, I.DOWN):
            self.cycle_focus(1 if intent.kind == I.DOWN else -1, panel_only=True)
        else:
            super().handle(intent)

    def cycle_focus(self, step: int, panel_only: bool = False) -> None:
        count = sum(1 for b in self.buttons if not b.key.startswith("station:")) if panel_only else len(self.buttons)
        if count:
            self.focus = (min(self.focus, count - 1) + step) % count

    def forward(self) -> None:
        if self.index == len(self.stations) - 1:
            self.ctx.stack.push(registry.make_scene("outcome", self.ctx, traveller=self.traveller.id))
        else:
            self.walk_to(self.index + 1)

    def walk_to(self, i: int) -> None:
        if 0 <= i < len(self.stations) and i != self.index:
            self.walk_from, self.index = self.index, i
            self.walk_t = 1.0 if self.ctx.run.prefs.reduced_motion else 0.0
            self.page = 0
            self.refresh()

    def show_sources(self) -> None:
        facts, assumed = view.sources(self.ctx.world, self.traveller.id, self.crossing, self.index)
        self.ctx.stack.push(registry.make_scene("source", self.ctx, facts=facts, assumptions=assumed))

    def update(self, dt: float) -> bool:
        """Walk the traveller; and let time pass, so the record's retention counts down second by second."""
        before = int(self.seconds)
        self.seconds += dt
        if int(self.seconds) != before:
            self.dirty = True
        if self.walk_t < 1.0:
            self.walk_t = min(1.0, self.walk_t + dt / WALK_SECONDS)
            return True
        return False


def _live(item: Item) -> bool:
    return isinstance(item.data, dict) and "live" in item.data


def _still(screen: Screen) -> Screen:
    """The screen without its countdowns' words: what its layout depends on."""
    def still(item: Item) -> Item:
        if _live(item):
            return replace(item, words=item.words[:1])
        if item.items:
            return replace(item, items=tuple(still(i) for i in item.items))
        return item
    return replace(screen, body=tuple(still(i) for i in screen.body))
