"""'How close is the model?': each public figure the model also produces, the model's figure under
today's rules, its band, and why the band is where it is; reached from 'How do we know?' and from
the limits page."""
from __future__ import annotations

import pygame

from game.sim.calibration import Check, calibration
from game.story import cite

from .. import draw, theme
from ..scene import Context, Scene
from .common import MARGIN, bottom_y, button_row, page
from .numbers import count, decimal, percent, times

COLUMN_GAP = 48


def formatted(ctx: Context, quantity: str, value: float) -> str:
    """A figure in the unit its quantity is read in: a share, a factor or a count."""
    if quantity.endswith("_share"):
        return percent(ctx, value)
    if quantity == "fmr_ratio":
        return times(ctx, value)
    if quantity.endswith("_per_million") and value < 100:  # a rate, not people: keep its decimal
        return decimal(ctx, value)
    return count(ctx, value)


class CalibrationScene(Scene):
    """The calibration table in plain words, paged in two columns so it fits at every text size."""

    name = "calibration"

    def __init__(self, ctx: Context):
        super().__init__(ctx)
        world = ctx.world
        self.checks = calibration(world.model, world.default_policy)
        self.page_index = 0

    def entry(self, check: Check) -> list[tuple[str, str, str]]:
        """(text, colour role, weight) lines for one figure; the verdict is a word, not colour alone."""
        ctx = self.ctx
        quantity = ctx.world.model.calibration[check.id].quantity
        source = ctx.content.sources[check.source]
        if quantity == "fmr_ratio":  # NIST reports a range by algorithm, not one figure: show the range
            value = ctx.t("calibration.range", low=formatted(ctx, quantity, check.low),
                          high=formatted(ctx, quantity, check.high))
        else:
            value = formatted(ctx, quantity, check.public)
        reported = ctx.t("calibration.public", value=value)
        reported += f" · {cite.publication(ctx.t, source)}, {cite.date(ctx.t, source)}"
        figures = " · ".join((ctx.t("calibration.model", value=formatted(ctx, quantity, check.model)),
                              ctx.t("calibration.band", low=formatted(ctx, quantity, check.low),
                                    high=formatted(ctx, quantity, check.high))))
        verdict = ctx.t("calibration.inside" if check.inside else "calibration.outside")
        return [(ctx.t(check.label), "text", "semibold"), (reported, "text", "regular"),
                (figures, "text", "regular"), (verdict, "accent", "bold"), (ctx.t(check.reason), "muted", "regular")]

    def column_width(self) -> int:
        return (theme.CANVAS[0] - 2 * MARGIN - COLUMN_GAP) // 2

    def top(self) -> int:
        surface = pygame.Surface((1, 1))
        return page(surface, self.ctx, self.ctx.t("calibration.heading"), self.ctx.t("calibration.intro"))

    def pages(self) -> list[list[list[Check]]]:
        """Checks split into pages of two columns, each column filled to the bottom before the next."""
        width, room = self.column_width(), bottom_y(self.ctx) - 24 - self.top()
        pages: list[list[list[Check]]] = [[[]]]
        used = 0
        for check in self.checks:
            height = self.entry_height(check, width)
            if pages[-1][-1] and used + height > room:
                if len(pages[-1]) == 2:
                    pages.append([[]])
                else:
                    pages[-1].append([])
                used = 0
            pages[-1][-1].append(check)
            used += height
        return pages

    def entry_height(self, check: Check, width: int) -> int:
        return sum(self.ctx.text.render(text, theme.SIZE["small"], (0, 0, 0), weight, width).get_height()
                   for text, _, weight in self.entry(check)) + 22

    def layout(self) -> None:
        ctx = self.ctx
        specs = [("back", ctx.t("common.back"), self.back, True)]
        total = len(self.pages())
        if total > 1:
            specs.append(("more", ctx.t("source.more", page=self.page_index + 1, pages=total), self.next_page, False))
        self.buttons = button_row(ctx, specs, bottom_y(ctx))

    def next_page(self) -> None:
        self.page_index = (self.page_index + 1) % len(self.pages())
        self.layout()
        self.focus_key("more")

    def draw(self, surface: pygame.Surface) -> None:
        ctx, p = self.ctx, self.ctx.palette
        top = page(surface, ctx, ctx.t("calibration.heading"), ctx.t("calibration.intro"))
        width = self.column_width()
        colours = {"text": p.text, "accent": p.accent, "muted": p.muted}
        pages = self.pages()
        for column, checks in enumerate(pages[min(self.page_index, len(pages) - 1)]):
            x, y = MARGIN + column * (width + COLUMN_GAP), top
            for check in checks:
                for text, role, weight in self.entry(check):
                    if role == "accent":  # a shape beside the verdict: a filled dot inside, a ring outside
                        line_h = ctx.text.line_height(theme.SIZE["small"], weight)
                        centre = (x + 10, y + line_h // 2)
                        pygame.draw.circle(surface, p.accent, centre, 9, 0 if check.inside else 3)
                        y = draw.text_block(surface, ctx, text, (x + 28, y), width - 28, "small", colours[role], weight)
                    else:
                        y = draw.text_block(surface, ctx, text, (x, y), width, "small", colours[role], weight)
                y += 22
        draw.buttons(surface, self)
