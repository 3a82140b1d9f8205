"""Fonts and text: wrapped, cached surfaces, so a still screen costs nothing to redraw."""
from __future__ import annotations

from collections import OrderedDict
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
        key = (text, round(size * self.scale), tuple(colour), weight, width, align)
        image = _RENDERED.get(key)
        return image if image is not None else _RENDERED.keep(key, _render(*key))

    def line_height(self, size: int, weight: str = "regular") -> int:
        return self.font(size, weight).get_linesize()


def clear_fonts() -> None:
    """Fonts die with pygame.font; forget them when pygame shuts down."""
    _font.cache_clear()


def clear_pictures() -> None:
    _RENDERED.clear()


class Rendered:
    """Rendered text kept by what it says and how, the least recently drawn dropped first once the
    surfaces hold more than `budget` bytes. Bounded by bytes, not by count: a kiosk that shows every
    screen in two languages and four text sizes would otherwise keep hundreds of megabytes of lines
    (and the allocator keeps what a count-bounded cache churns through)."""

    def __init__(self, budget: int):
        self.budget = budget
        self.bytes = 0
        self._kept: OrderedDict[tuple, pygame.Surface] = OrderedDict()

    def get(self, key: tuple) -> pygame.Surface | None:
        image = self._kept.get(key)
        if image is not None:
            self._kept.move_to_end(key)
        return image

    def keep(self, key: tuple, image: pygame.Surface) -> pygame.Surface:
        self._kept[key] = image
        self.bytes += _size(image)
        while self.bytes > self.budget and len(self._kept) > 1:
            self.bytes -= _size(self._kept.popitem(last=False)[1])
        return image

    def clear(self) -> None:
        self._kept.clear()
        self.bytes = 0


def _size(image: pygame.Surface) -> int:
    return image.get_pitch() * image.get_height()


# a screen's lines take 1-2 MB (about 4 at 200%): this keeps the last few screens; more only held memory
_RENDERED = Rendered(budget=12 * 1024 * 1024)


@lru_cache(maxsize=64)
def _font(size: int, weight: str) -> pygame.font.Font:
    return pygame.font.Font(str(FONT_DIR / FONT_FILES[weight]), size)


def _render(text: str, size: int, colour: tuple, weight: str, width: int, align: str) -> pygame.Surface:
    font = _font(size, weight)
    font.align = {"left": pygame.FONT_LEFT, "center": pygame.FONT_CENTER, "right": pygame.FONT_RIGHT}[align]
    image = font.render(text, True, colour, None, width)
    # in the display's own pixel format, blits take SDL's fast path (most of a frame is text blits)
    return image.convert_alpha() if pygame.display.get_surface() is not None else image
