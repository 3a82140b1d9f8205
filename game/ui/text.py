"""Fonts and text: wrapped, cached surfaces, so a still screen costs nothing to redraw."""
from __future__ import annotations

from functools import lru_cache

import pygame

from game.content.assets import FONT_DIR  # the fonts' folder and files are checked by `face-value validate`

from .theme import FONT_FILES


class Text:
    """Renders text at a size scaled by the player's text-scale preference."""

    def __init__(self, scale: float = 1.0):
        self.scale = scale

    def font(self, size: int, weight: str = "regular") -> pygame.font.Font:
        return _font(round(size * self.scale), weight)

    def render(self, text: str, size: int, colour: tuple, weight: str = "regular",
               width: int = 0, align: str = "left") -> pygame.Surface:
        """A surface holding `text`, wrapped to `width` pixels when width > 0."""
        return _render(text, round(size * self.scale), tuple(colour), weight, width, align)

    def line_height(self, size: int, weight: str = "regular") -> int:
        return self.font(size, weight).get_linesize()


def clear_caches() -> None:
    """Fonts die with pygame.font; forget them when pygame shuts down."""
    _font.cache_clear()
    _render.cache_clear()


@lru_cache(maxsize=64)
def _font(size: int, weight: str) -> pygame.font.Font:
    return pygame.font.Font(str(FONT_DIR / FONT_FILES[weight]), size)


@lru_cache(maxsize=2048)
def _render(text: str, size: int, colour: tuple, weight: str, width: int, align: str) -> pygame.Surface:
    font = _font(size, weight)
    font.align = {"left": pygame.FONT_LEFT, "center": pygame.FONT_CENTER, "right": pygame.FONT_RIGHT}[align]
    image = font.render(text, True, colour, None, width)
    # in the display's own pixel format, blits take SDL's fast path (most of a frame is text blits)
    return image.convert_alpha() if pygame.display.get_surface() is not None else image
