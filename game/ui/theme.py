"""Colours, sizes and spacing: the one place the look is decided.

Colours meet WCAG AA against the background they sit on (tests/ui/test_theme.py checks the
pairs). Meaning never rests on colour alone: every status also has a word and a shape.
"""
from __future__ import annotations

from dataclasses import dataclass

CANVAS = (1920, 1080)
# the font files, by weight: listed in game.content.assets, which `face-value validate` checks
from game.content.assets import FONT_FILES  # noqa: E402,F401 (re-exported for game.ui.text)

Colour = tuple[int, int, int]


@dataclass(frozen=True)
class Palette:
    background: Colour
    panel: Colour
    panel_edge: Colour
    text: Colour
    muted: Colour
    accent: Colour        # focus ring, highlights
    accent_text: Colour   # text drawn on an accent fill
    good: Colour
    bad: Colour
    warn: Colour
    road: Colour
    lane_mark: Colour
    grass: Colour
    building: Colour
    shadow: Colour
    groups: tuple[Colour, ...]  # the threshold lab's curves, one per group (each also has its own marker shape)


STANDARD = Palette(
    background=(16, 27, 42), panel=(29, 45, 66), panel_edge=(70, 96, 128),
    text=(242, 245, 248), muted=(184, 198, 214), accent=(255, 200, 87), accent_text=(16, 27, 42),
    good=(110, 220, 160), bad=(255, 138, 128), warn=(255, 200, 87),
    road=(52, 58, 70), lane_mark=(226, 230, 236), grass=(38, 74, 62), building=(88, 104, 128),
    shadow=(8, 14, 22),
    groups=((120, 190, 255), (255, 170, 90), (190, 150, 255), (110, 220, 160)),
)
HIGH_CONTRAST = Palette(
    background=(0, 0, 0), panel=(18, 18, 18), panel_edge=(255, 255, 255),
    text=(255, 255, 255), muted=(235, 235, 235), accent=(255, 230, 0), accent_text=(0, 0, 0),
    good=(120, 255, 170), bad=(255, 150, 150), warn=(255, 230, 0),
    road=(40, 40, 40), lane_mark=(255, 255, 255), grass=(0, 60, 30), building=(90, 90, 90),
    shadow=(0, 0, 0),
    groups=((90, 200, 255), (255, 170, 40), (225, 160, 255), (80, 255, 160)),
)

# Type sizes in canvas pixels at text scale 1.0.
SIZE = {"small": 26, "body": 30, "large": 38, "heading": 52, "title": 96}
SPACE = 24            # base spacing unit
RADIUS = 14
MIN_TARGET = 88       # smallest touch target, canvas pixels (about 9 mm on a 24" kiosk)
FOCUS_WIDTH = 5


def relative_luminance(colour: Colour) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Colour, b: Colour) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_pairs(p: Palette) -> list[tuple[str, Colour, Colour]]:
    """Every (foreground, background) pair the UI draws text in, for the contrast test."""
    pairs = []
    for bg_name in ("background", "panel"):
        bg = getattr(p, bg_name)
        for fg_name in ("text", "muted", "accent", "good", "bad", "warn"):
            pairs.append((f"{fg_name} on {bg_name}", getattr(p, fg_name), bg))
    pairs.append(("accent_text on accent", p.accent_text, p.accent))
    return pairs


def graphic_pairs(p: Palette) -> list[tuple[str, Colour, Colour]]:
    """Lines drawn on a panel (the lab's group curves), for the contrast test: at least 4.5:1, and 7:1
    in high contrast."""
    return [(f"group {i} on panel", colour, p.panel) for i, colour in enumerate(p.groups)]
