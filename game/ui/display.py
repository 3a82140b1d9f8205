"""The window and the fixed 1920x1080 canvas, scaled to fit and letterboxed."""
from __future__ import annotations

import pygame

from .theme import CANVAS


class Display:
    """Owns the window; scenes draw on `canvas`, `present` fits it into the window."""

    def __init__(self, size: tuple[int, int] | None = None, fullscreen: bool = False, title: str = ""):
        flags = pygame.FULLSCREEN if fullscreen else pygame.RESIZABLE
        pygame.display.set_icon(_icon())  # our own, drawn in code (and faster than pygame's default file)
        self.window = pygame.display.set_mode((0, 0) if fullscreen else (size or (1280, 720)), flags)
        pygame.display.set_caption(title)
        self._own_canvas = pygame.Surface(CANVAS, 0, self.window)  # the window's pixel format, no conversion
        self._scaled: pygame.Surface | None = None
        self.canvas = self._pick_canvas()

    def _pick_canvas(self) -> pygame.Surface:
        """At exactly 1920x1080 scenes draw straight into the window: no copy per frame."""
        return self.window if self.window.get_size() == CANVAS else self._own_canvas

    def refresh(self) -> None:
        """Pick up a resized window."""
        self.window = pygame.display.get_surface()
        self._scaled = None
        self.canvas = self._pick_canvas()

    def viewport(self) -> pygame.Rect:
        """Where the canvas sits in the window, keeping its aspect ratio."""
        ww, wh = self.window.get_size()
        scale = min(ww / CANVAS[0], wh / CANVAS[1])
        w, h = max(1, round(CANVAS[0] * scale)), max(1, round(CANVAS[1] * scale))
        return pygame.Rect((ww - w) // 2, (wh - h) // 2, w, h)

    def to_canvas(self, pos: tuple[float, float]) -> tuple[float, float] | None:
        """Window pixels to canvas pixels; None in the letterbox bars."""
        view = self.viewport()
        if not view.collidepoint(pos):
            return None
        return ((pos[0] - view.x) * CANVAS[0] / view.w, (pos[1] - view.y) * CANVAS[1] / view.h)

    def present(self) -> None:
        view = self.viewport()
        if self.canvas is self.window:
            pass
        elif view.size == CANVAS:
            self.window.blit(self.canvas, view)
        else:
            if self._scaled is None or self._scaled.get_size() != view.size:
                self._scaled = pygame.Surface(view.size, 0, self.window)
            pygame.transform.smoothscale(self.canvas, view.size, self._scaled)
            self.window.fill((0, 0, 0))
            self.window.blit(self._scaled, view)
        pygame.display.flip()

    def window_size(self) -> tuple[int, int]:
        return self.window.get_size()


def _icon() -> pygame.Surface:
    """A face under camera brackets, in the theme's colours."""
    from .theme import STANDARD
    icon = pygame.Surface((32, 32))
    icon.fill(STANDARD.background)
    pygame.draw.circle(icon, STANDARD.text, (16, 17), 8)
    for x, y, dx, dy in ((3, 3, 1, 1), (28, 3, -1, 1), (3, 28, 1, -1), (28, 28, -1, -1)):
        pygame.draw.line(icon, STANDARD.accent, (x, y), (x + 6 * dx, y), 2)
        pygame.draw.line(icon, STANDARD.accent, (x, y), (x, y + 6 * dy), 2)
    return icon
