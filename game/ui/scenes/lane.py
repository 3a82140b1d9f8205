"""The lane: the traveller moves station by station; each shows what happened and the record so far.

Left and right (keys, stick, d-pad) walk back and forth; Continue or a tap on the next station
moves on. Everything shown comes from the crossing the model sampled for this seed.
"""
from __future__ import annotations

import pygame

from game.story import assumptions
from game.story.crossing import Beat, Crossing

from .. import draw, input as I, theme
from ..port import MAP_HEIGHT, TRAVELLER_OFFSET, PortMap, ease, lane_y
from ..scene import Button, Context, Scene
from . import registry
from .common import button_row
from .record import draw_record, draw_shots, draw_status

PANEL_TOP = MAP_HEIGHT + 16
WALK_SECONDS = 0.8


class CrossingScene(Scene):
    """A scene about one traveller's crossing (the given one, the run's, or the first), under the run's policy."""

    def __init__(self, ctx: Context, traveller: str | None = None):
        super().__init__(ctx)
        content = ctx.content
        self.traveller = content.travellers[traveller or ctx.run.traveller or next(iter(content.travellers))]
        self.crossing: Crossing = ctx.world.crossing(self.traveller.id, ctx.run.policy(ctx.world))


class LaneScene(CrossingScene):
    name = "lane"

    def __init__(self, ctx: Context, traveller: str | None = None):
        super().__init__(ctx, traveller)
        self.stations = self._stations()
        self.index = 0
        self.walk_from = self.index
        self.walk_t = 1.0
        self.map = PortMap()
        self.seconds = 0.0  # since the traveller reached the port: the record's retention counts down from it

    def _stations(self) -> list:
        content = self.ctx.content
        lane = content.lanes[self.traveller.lane]
        chain, current = [], lane.first
        while current:
            chain.append(content.stations[current])
            current = content.stations[current].next
        return chain

    @property
    def beat(self) -> Beat:
        return self.crossing.beat_at(self.stations[self.index].id)

    def layout(self) -> None:
        ctx = self.ctx
        last = self.index == len(self.stations) - 1
        specs = [("continue", ctx.t("lane.see_outcome" if last else "common.continue"), self.forward, True),
                 ("info", ctx.t("common.how_do_we_know"), self.show_sources, False),
                 ("back", ctx.t("lane.leave"), self.back, False)]
        self.buttons = button_row(ctx, specs, theme.CANVAS[1] - 40 - theme.MIN_TARGET, x=40)
        # station markers are tappable too, but reached by keys through left and right
        for i, station in enumerate(self.stations):
            x, y = station.position
            self.buttons.append(Button(f"station:{i}", pygame.Rect(x - 60, y - 60, 120, 150), ctx.t(station.title),
                                       self._goto(i), visible=False))
        self.focus = 0

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
            self.layout()

    def show_sources(self) -> None:
        record_facts = [line.fact for line in self.beat.records if line.fact]
        facts = list(dict.fromkeys([*self.beat.facts, *record_facts]))
        assumed = assumptions.station(self.ctx.world.model, self.stations[self.index].kind, self.traveller.lane,
                                      self.beat.records)
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

    def traveller_pos(self) -> tuple[float, float]:
        a = self.stations[self.walk_from].position[0]
        b = self.stations[self.index].position[0]
        first, last = self.stations[0].position[0], self.stations[-1].position[0]
        direction = 1 if last >= first else -1  # outbound traffic drives right to left
        x = a + (b - a) * ease(self.walk_t) - direction * TRAVELLER_OFFSET
        return (x, lane_y(self.traveller.lane))

    def draw(self, surface: pygame.Surface) -> None:
        ctx, p = self.ctx, self.ctx.palette
        surface.fill(p.background)
        station_focus = None
        if self.buttons and self.buttons[self.focus].key.startswith("station:"):
            station_focus = int(self.buttons[self.focus].key.split(":")[1])
        lane = self.traveller.lane
        setting = lane if lane in ("street", "search") else "port"
        self.map.draw(surface, ctx, setting, self.stations, self.index, self.traveller_pos(),
                      lane in ("vehicle", "outbound", "street"), station_focus)
        self._draw_heading(surface)
        station = self.stations[self.index]
        beat = self.beat
        left = pygame.Rect(40, PANEL_TOP, 1120, theme.CANVAS[1] - PANEL_TOP - 60 - theme.MIN_TARGET)
        draw.panel(surface, left, ctx)
        clip = surface.get_clip()
        surface.set_clip(left.inflate(-8, -8))
        y = draw.text_block(surface, ctx, ctx.t(station.title), (left.x + 28, left.y + 16), left.w - 300,
                            "large", weight="bold")
        draw_status(surface, ctx, beat.status, ctx.t(beat.status_label), (left.right - 28, left.y + 22))
        text_width = left.w - 56 if not beat.shots else 560
        for i, line in enumerate(beat.lines):
            size, colour = ("body", p.text) if i == 0 else ("small", p.text)
            y = draw.text_block(surface, ctx, ctx.t(line.text, **line.values), (left.x + 28, y + 8), text_width,
                                size, colour) + 2
        if beat.shots:
            shots_h = (left.h - 90) if not beat.comparison else 124
            draw_shots(surface, ctx, beat.shots, beat.threshold,
                       pygame.Rect(left.x + 600, left.y + 80, left.w - 610, shots_h))
            if beat.comparison:
                self._draw_comparison(surface, beat.comparison,
                                      pygame.Rect(left.x + 600, left.y + 80 + shots_h, left.w - 620, 0))
        surface.set_clip(clip)
        right = pygame.Rect(1190, PANEL_TOP, theme.CANVAS[0] - 1230, theme.CANVAS[1] - PANEL_TOP - 40)
        panel_buttons = [b.rect for b in self.buttons if b.visible]
        if panel_buttons and max(r.right for r in panel_buttons) > right.left - 16:  # large text: keep clear
            right.height = min(r.top for r in panel_buttons) - 16 - right.top
        draw_record(surface, ctx, beat.records, right, self.seconds)
        draw.buttons(surface, self)

    def _draw_comparison(self, surface: pygame.Surface, rows, rect: pygame.Rect) -> None:
        """The same match rate against galleries of growing size: why false candidates grow with it."""
        ctx, p = self.ctx, self.ctx.palette
        size = theme.SIZE["small"] - 2
        widths = (rect.w * 0.42, rect.w * 0.3, rect.w * 0.28)
        headers = (ctx.t("beat.gallery_size"), ctx.t("beat.gallery_expected"), ctx.t("beat.gallery_chance"))
        y = rect.y
        for cells, colour, weight in [(headers, p.muted, "semibold")] + [(row, p.text, "regular") for row in rows]:
            x, height = rect.x, 0
            for text, w in zip(cells, widths):
                image = ctx.text.render(text, size, colour, weight, int(w) - 8)
                surface.blit(image, (x, y))
                x, height = x + int(w), max(height, image.get_height())
            y += height + 2

    def _draw_heading(self, surface: pygame.Surface) -> None:
        ctx, p = self.ctx, self.ctx.palette
        label = f"{ctx.t(self.traveller.name)} · {ctx.t('lane.' + self.traveller.lane)}"
        image = ctx.text.render(label, theme.SIZE["body"], p.text, "semibold")
        backing = image.get_rect(topright=(theme.CANVAS[0] - 30, 18)).inflate(24, 10)
        pygame.draw.rect(surface, p.shadow, backing, border_radius=10)
        surface.blit(image, image.get_rect(center=backing.center))
