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
    """Lay out (key, label, action, primary) buttons left to right, each as wide as its label needs.

    Buttons that would run past the canvas's right margin wrap onto rows above `y`, so the last row
    stays where the screen expects its buttons and none leaves the canvas at large text sizes."""
    height = max(theme.MIN_TARGET, ctx.text.line_height(theme.SIZE["body"], "semibold") + 36)
    widths = [draw.fit_button_width(ctx, label) for _, label, _, _ in specs]
    room = theme.CANVAS[0] - MARGIN - (MARGIN if align in ("right", "center") else x)
    rows: list[list[int]] = [[]]
    for i, w in enumerate(widths):
        used = sum(widths[j] for j in rows[-1]) + gap * len(rows[-1])
        if rows[-1] and used + w > room:
            rows.append([])
        rows[-1].append(i)
    buttons = []
    for r, row in enumerate(rows):
        total = sum(widths[i] for i in row) + gap * (len(row) - 1)
        left = {"right": theme.CANVAS[0] - MARGIN - total, "center": (theme.CANVAS[0] - total) // 2}.get(align, x)
        top = y - (len(rows) - 1 - r) * (height + 16)
        for i in row:
            key, label, action, primary = specs[i]
            buttons.append(Button(key, pygame.Rect(left, top, widths[i], height), label, action, primary))
            left += widths[i] + gap
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
