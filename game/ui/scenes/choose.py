"""Choose a traveller: a card per composite character, with a synthetic portrait."""
from __future__ import annotations

import pygame

from .. import draw, theme
from ..scene import Button, Scene
from .common import MARGIN, bottom_y, button_row, page
from . import registry

COLUMNS = 5
CARD_GAP = 32


class ChooseScene(Scene):
    name = "choose"

    def layout(self) -> None:
        ctx = self.ctx
        travellers = list(ctx.content.travellers.values())
        width = (theme.CANVAS[0] - 2 * MARGIN - CARD_GAP * (COLUMNS - 1)) // COLUMNS
        rows = max(1, (len(travellers) + COLUMNS - 1) // COLUMNS)
        top = 250
        height = min(330, (bottom_y(ctx) - 40 - top - CARD_GAP * (rows - 1)) // rows)
        self.buttons = []
        for i, traveller in enumerate(travellers):
            col, row = i % COLUMNS, i // COLUMNS
            rect = pygame.Rect(MARGIN + col * (width + CARD_GAP), top + row * (height + CARD_GAP), width, height)
            self.buttons.append(Button(traveller.id, rect, ctx.t(traveller.name), self._chooser(traveller.id)))
        self.buttons += button_row(ctx, [("back", ctx.t("common.back"), self.back, False)], bottom_y(ctx))

    def _chooser(self, traveller_id: str):
        def choose() -> None:
            self.ctx.run.meet(traveller_id)
            self.ctx.stack.push(registry.make_scene("lane", self.ctx, traveller=traveller_id))
        return choose

    def draw(self, surface: pygame.Surface) -> None:
        ctx, p = self.ctx, self.ctx.palette
        page(surface, ctx, ctx.t("choose.heading"), ctx.t("choose.intro"))
        for i, b in enumerate(self.buttons):
            if b.key not in ctx.content.travellers:
                draw.button(surface, b, ctx, i == self.focus)
                continue
            traveller = ctx.content.travellers[b.key]
            focused = i == self.focus
            draw.panel(surface, b.rect, ctx)
            if focused:
                pygame.draw.rect(surface, p.accent, b.rect.inflate(14, 14), theme.FOCUS_WIDTH, theme.RADIUS + 6)
            portrait = pygame.Rect(b.rect.x + 16, b.rect.y + 16, 110, 125)
            draw.face(surface, portrait, traveller.face, traveller.behaviour)
            text_x = portrait.right + 14
            width = b.rect.right - text_x - 12
            y = draw.text_block(surface, ctx, ctx.t(f"category.{traveller.category}"), (text_x, b.rect.y + 20), width,
                                "small", p.text, "semibold")
            draw.text_block(surface, ctx, ctx.t("lane.composite"), (text_x, y + 6), width, "small", p.muted,
                            "italic")
            y = draw.text_block(surface, ctx, b.label, (b.rect.x + 16, portrait.bottom + 10), b.rect.w - 32, "body",
                                weight="bold")
            draw.text_block(surface, ctx, ctx.t(f"lane.{traveller.lane}"), (b.rect.x + 16, y + 2), b.rect.w - 32,
                            "small", p.muted)
