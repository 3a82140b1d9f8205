"""The outcome card: what was captured, the match score against the threshold, and the record left behind.

A time-lapse row shows which parts of the record still exist after a day, a year, ten years and more.
"""
from __future__ import annotations

import pygame

from game.story import assumptions

from .. import draw, theme
from ..scene import Button, Context
from . import registry
from .common import MARGIN, bottom_y, button_row
from .lane import CrossingScene
from .record import draw_record, draw_shots, draw_status, duration

LATER_HOURS = (24, 24 * 365, 24 * 365 * 10, 24 * 365 * 75)
LATER_X, LATER_Y, LATER_W = 1190, 770, 332


class OutcomeScene(CrossingScene):
    name = "outcome"

    def __init__(self, ctx: Context, traveller: str | None = None):
        super().__init__(ctx, traveller)
        self.later: int | None = None

    def layout(self) -> None:
        ctx = self.ctx
        specs = [("board", ctx.t("outcome.board"), self.to_board, True),
                 ("next", ctx.t("outcome.another"), self.another, False),
                 ("info", ctx.t("common.how_do_we_know"), self.show_sources, False),
                 ("title", ctx.t("common.to_title"), self.to_title, False)]
        self.buttons = button_row(ctx, specs, bottom_y(ctx))
        for i, hours in enumerate(LATER_HOURS):
            label = ctx.t("outcome.after", duration=duration(ctx, hours))
            rect = pygame.Rect(LATER_X + (i % 2) * (LATER_W + 16), LATER_Y + (i // 2) * (theme.MIN_TARGET - 8),
                               LATER_W, theme.MIN_TARGET - 16)
            self.buttons.append(Button(f"later:{i}", rect, label, self._later(i), primary=i == self.later,
                                       size=theme.SIZE["small"]))

    def _later(self, i: int):
        def show() -> None:
            self.later = None if self.later == i else i
            focus = self.focus
            self.layout()
            self.focus = focus
        return show

    def another(self) -> None:
        self.ctx.stack.replace(registry.make_scene("choose", self.ctx))

    def to_board(self) -> None:
        first = next(iter(self.ctx.content.questions.values()))
        self.ctx.stack.push(registry.make_scene("lab" if first.kind == "threshold_lab" else "board", self.ctx))

    def to_title(self) -> None:
        self.ctx.stack.reset(registry.make_scene("title", self.ctx))

    def back(self) -> None:
        self.ctx.stack.pop()

    def show_sources(self) -> None:
        facts = ["one-to-one", "citizen-photos", "noncitizen-photos", "sharing-request"]
        lane = self.traveller.lane
        assumed = assumptions.crossing(self.ctx.world.model, assumptions.lane_kinds(self.ctx.content, lane).values(),
                                       lane, self.crossing.records)
        self.ctx.stack.push(registry.make_scene("source", self.ctx, facts=facts, assumptions=assumed))

    def draw(self, surface: pygame.Surface) -> None:
        ctx, p = self.ctx, self.ctx.palette
        surface.fill(p.background)
        crossing = self.crossing
        name = ctx.t(self.traveller.name)
        y = draw.text_block(surface, ctx, ctx.t("outcome.heading", name=name), (MARGIN, 40), 1100, "heading",
                            weight="bold")
        y = draw.text_block(surface, ctx, ctx.t(crossing.reason), (MARGIN, y), 1500, "body", p.muted)
        draw_status(surface, ctx, "ok" if crossing.released else "alert", ctx.t(crossing.summary),
                    (theme.CANVAS[0] - MARGIN, 60))
        left = pygame.Rect(MARGIN - 40, y + 20, 1130 - MARGIN + 40, bottom_y(ctx) - y - 50)
        row_tops = [b.rect.top for b in self.buttons if b.visible and b.rect.left < left.right]
        left.height = min(left.height, min(row_tops, default=left.bottom + 16) - 16 - left.top)  # buttons wrapped
        draw.panel(surface, left, ctx)
        ty = draw.text_block(surface, ctx, ctx.t("outcome.captured"), (left.x + 24, left.y + 16), left.w - 48,
                             "large", weight="bold")
        draw_shots(surface, ctx, crossing.shots, crossing.threshold,
                   pygame.Rect(left.x + 24, ty + 16, left.w - 48, left.bottom - ty - 32))
        records = crossing.records
        if self.later is not None:
            hours = LATER_HOURS[self.later]
            records = tuple(r for r in records if r.retention_hours is None or r.retention_hours > hours)
        right = pygame.Rect(LATER_X, y + 20, theme.CANVAS[0] - LATER_X - 50, LATER_Y - y - 70)
        draw_record(surface, ctx, records, right, 3600 * LATER_HOURS[self.later] if self.later is not None else 0.0)
        hint = "outcome.later_hint" if self.later is None else "outcome.later_showing"
        draw.text_block(surface, ctx, ctx.t(hint), (LATER_X, LATER_Y - 42), right.w, "small", p.muted)
        draw.buttons(surface, self)
