"""Pieces several scenes share: the page frame, a row of buttons, and the dimmed overlay."""
from __future__ import annotations

import pygame

from .. import draw, theme
from ..scene import Button, Context, Scene

MARGIN = 96


def page(surface: pygame.Surface, ctx: Context, heading: str, intro: str = "") -> int:
    """Background, heading and an optional intro; returns the y where content may start."""
    p = ctx.palette
    surface.fill(p.background)
    pygame.draw.rect(surface, p.accent, (MARGIN, 64, 120, 8))
    y = 84
    y = draw.text_block(surface, ctx, heading, (MARGIN, y), theme.CANVAS[0] - 2 * MARGIN, "heading",
                        weight="bold")
    if intro:
        y = draw.text_block(surface, ctx, intro, (MARGIN, y + 8), 1400, "body", p.muted)
    return y + theme.SPACE


def button_row(ctx: Context, specs: list[tuple[str, str, object, bool]], y: int, x: int = MARGIN,
               align: str = "left", gap: int = 28) -> list[Button]:
    """Lay out (key, label, action, primary) buttons left to right, each as wide as its label needs."""
    height = max(theme.MIN_TARGET, ctx.text.line_height(theme.SIZE["body"], "semibold") + 36)
    widths = [draw.fit_button_width(ctx, label) for _, label, _, _ in specs]
    total = sum(widths) + gap * (len(widths) - 1)
    if align == "right":
        x = theme.CANVAS[0] - MARGIN - total
    elif align == "center":
        x = (theme.CANVAS[0] - total) // 2
    buttons = []
    for (key, label, action, primary), w in zip(specs, widths):
        buttons.append(Button(key, pygame.Rect(x, y, w, height), label, action, primary))
        x += w + gap
    return buttons


def bottom_y(ctx: Context) -> int:
    height = max(theme.MIN_TARGET, ctx.text.line_height(theme.SIZE["body"], "semibold") + 36)
    return theme.CANVAS[1] - 56 - height


class Dialog(Scene):
    """A panel over the scene beneath, which the game draws dimmed; Back closes it."""

    overlay = True
    width = 1100

    def panel_rect(self, height: int) -> pygame.Rect:
        rect = pygame.Rect(0, 0, self.width, height)
        rect.center = (theme.CANVAS[0] // 2, theme.CANVAS[1] // 2)
        return rect
