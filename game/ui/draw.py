"""Drawing helpers the painters share: panels, score scales, synthetic faces."""
from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from . import theme
from .scene import Context
from .text import Rendered

SKIN = [(255, 224, 196), (241, 194, 150), (224, 172, 122), (198, 134, 88), (141, 85, 54), (92, 56, 36)]
HAIR = {"black": (30, 26, 24), "brown": (96, 62, 36), "grey": (170, 170, 176), "blond": (222, 190, 110),
        "red": (170, 72, 40)}
SHIRT = {"blue": (70, 120, 200), "green": (60, 150, 90), "red": (190, 70, 70), "purple": (130, 90, 180),
         "orange": (220, 130, 50), "teal": (40, 150, 150)}


def panel(surface: pygame.Surface, rect: pygame.Rect, ctx: Context, fill=None) -> None:
    p = ctx.palette
    pygame.draw.rect(surface, fill or p.panel, rect, border_radius=theme.RADIUS)
    pygame.draw.rect(surface, p.panel_edge, rect, width=2, border_radius=theme.RADIUS)


BAR_H, BAR_GAP_ABOVE, BAR_GAP_BELOW = 14, 14, 4  # the bar, the room for the pointers above it, and below
LABEL_GAP = 12  # between two labels in a row
MIN_BAR = 160   # the shortest bar worth drawing between its ends' labels


@dataclass(frozen=True)
class ScaleLabels:
    """The words and numbers a score scale carries, translated and formatted by the caller."""

    low: str          # the scale's ends, e.g. "-2" and "10"
    high: str
    threshold: str    # "Threshold 4.3"
    no_match: str     # "← No match", the side below the threshold
    match: str        # "Match →", the side above


def spread(wanted: list[tuple[int, int]], left: int, right: int, gap: int = LABEL_GAP) -> list[int]:
    """Left edges for labels (wanted left edge, width), in order, nudged apart so none overlaps the next and
    kept between left and right while there is room."""
    xs: list[int] = []
    end = left - gap  # right edge of the label before
    for x, w in wanted:
        xs.append(max(x, end + gap))
        end = xs[-1] + w
    start = right + gap  # left edge of the label after
    for i in range(len(xs) - 1, -1, -1):
        xs[i] = min(xs[i], start - gap - wanted[i][1])
        start = xs[i]
    return xs


def _fitting(ctx: Context, rows: list[tuple[list[str], int]], width: int, height: int, fixed: int) -> int:
    """The largest text size (before the player's scale) at which each row of labels fits side by side
    in `width`, and the rows with `fixed` pixels of drawing between them fit in `height`: the chosen
    text size if it fits, smaller only where the scale's rectangle is too small for it. Each row is its
    labels and the room it needs besides them."""
    size = theme.SIZE["small"]
    while size > 8:
        font = ctx.text.font(size, "bold")
        wide = max(sum(font.size(t)[0] for t in row) + LABEL_GAP * (len(row) - 1) + extra for row, extra in rows)
        if wide <= width and 2 * font.get_linesize() + fixed <= height:
            break
        size -= 1
    return size


def score_bar(surface: pygame.Surface, ctx: Context, rect: pygame.Rect, threshold: float,
              marks: list[tuple[float, str]], labels: ScaleLabels, lo: float = -2.0, hi: float = 10.0) -> None:
    """A score means nothing without its scale: the bar runs between its labelled ends, the threshold is a
    labelled line, the sides say 'no match' and 'match' in words (and the no-match side is hatched), and
    each score in `marks` points at the bar with its value. Every label is measured and kept inside `rect`
    (a row of labels too wide for it is set smaller); labels that would collide are nudged apart and keep a
    pointer to their place, so nothing overlaps however close the values sit."""
    p = ctx.palette
    clip = surface.get_clip()
    surface.set_clip(rect.clip(clip) if clip else rect)  # a guard: everything below is placed inside anyway
    ends = [labels.low, labels.high]
    rows = [([labels.threshold, *(t for _, t in marks)], 0), ([labels.no_match, labels.match], 20),
            (ends, 20 + MIN_BAR)]  # the ends beside a bar no shorter than MIN_BAR
    size = _fitting(ctx, rows, rect.w, rect.h, BAR_H + BAR_GAP_ABOVE + BAR_GAP_BELOW)
    low, high = (ctx.text.render(t, size, p.muted, "semibold") for t in ends)
    line = ctx.text.font(size, "bold").get_linesize()
    bar = pygame.Rect(rect.left + low.get_width() + 10, rect.top + line + BAR_GAP_ABOVE, 0, BAR_H)
    bar.width = max(1, rect.right - high.get_width() - 10 - bar.left)
    surface.blit(low, low.get_rect(midright=(bar.left - 10, bar.centery)))
    surface.blit(high, high.get_rect(midleft=(bar.right + 10, bar.centery)))

    def x_of(v: float) -> int:
        return bar.left + round((min(max(v, lo), hi) - lo) / (hi - lo) * bar.w)
    tx = x_of(threshold)
    pygame.draw.rect(surface, p.bad, (bar.left, bar.top, tx - bar.left, bar.h))
    pygame.draw.rect(surface, p.good, (tx, bar.top, bar.right - tx, bar.h))
    for hx in range(bar.left + 6, tx - 12, 16):  # hatch the no-match side so the halves differ without colour
        pygame.draw.line(surface, p.shadow, (hx, bar.bottom - 3), (hx + 8, bar.top + 3), 3)
    pygame.draw.line(surface, p.text, (tx, bar.top - 4), (tx, bar.bottom + 4), 5)
    for v, _ in marks:  # a pointer onto the bar and a line across it
        x = x_of(v)
        pygame.draw.polygon(surface, p.text, [(x - 8, bar.top - 9), (x + 8, bar.top - 9), (x, bar.top)])
        pygame.draw.line(surface, p.shadow, (x, bar.top), (x, bar.bottom), 7)
        pygame.draw.line(surface, p.text, (x, bar.top), (x, bar.bottom), 3)
    # the row above: the threshold and every score, each label reaching away from the threshold (the
    # threshold's own away from the nearest score), nudged apart if they still meet, with a line to its place
    nearest = min((v for v, _ in marks), key=lambda v: abs(v - threshold), default=None)
    lean = 0 if nearest is None else (-1 if nearest >= threshold else 1)  # -1: end at x; 1: start at x
    items = [(tx, lean, 5, labels.threshold)] + [(x_of(v), 1 if v >= threshold else -1, 3, text) for v, text in marks]
    items = sorted(((x, side, stroke, ctx.text.render(text, size, p.text, "bold")) for x, side, stroke, text in items),
                   key=lambda item: item[:2])  # at one x, a label ending there comes before one starting there
    wanted = [(x - (img.get_width() // 2 if side == 0 else 0 if side > 0 else img.get_width()), img.get_width())
              for x, side, _, img in items]
    for (x, _, stroke, img), left in zip(items, spread(wanted, rect.left, rect.right)):
        surface.blit(img, (left, rect.top))
        foot = (min(max(x, left), left + img.get_width()), rect.top + line)
        pygame.draw.line(surface, p.text, foot, (x, bar.top - (4 if stroke == 5 else 9)), stroke)  # thick: threshold
    # the row below: which side is which, in words, either side of the threshold line
    sides = [ctx.text.render(labels.no_match, size, p.bad, "semibold"),
             ctx.text.render(labels.match, size, p.good, "semibold")]
    wanted = [(tx - 10 - sides[0].get_width(), sides[0].get_width()), (tx + 10, sides[1].get_width())]
    for img, left in zip(sides, spread(wanted, rect.left, rect.right, gap=20)):
        surface.blit(img, (left, bar.bottom + BAR_GAP_BELOW))
    surface.set_clip(clip)


MOODS = ("calm", "waiting", "worry", "relief")


def face(surface: pygame.Surface, rect: pygame.Rect, spec, behaviour=(), blur: bool = False,
         mood: str | None = None) -> None:
    """A stylised synthetic face drawn from shapes (never a photo of anyone), drawn once and reused. A
    `mood` (one of MOODS) sets the eyebrows and the mouth, so a face reacts to what happens to it."""
    key = (spec.skin, spec.hair, spec.hair_colour, spec.age, spec.shirt, tuple(behaviour), rect.w, rect.h, blur,
           mood)
    image = _FACES.get(key)
    if image is None:
        image = pygame.Surface(rect.size, pygame.SRCALPHA).convert_alpha()
        _draw_face(image, image.get_rect(), spec, behaviour, mood)
        if blur:
            small = pygame.transform.smoothscale(image, (max(1, rect.w // 10), max(1, rect.h // 10)))
            image = pygame.transform.smoothscale(small, rect.size)
        _FACES.keep(key, image)
    surface.blit(image, rect)


# faces drawn at every size text scaling asks for, in four moods: kept by bytes, the least recently
# drawn dropped first, so weeks of visitors cannot fill memory with them
_FACES = Rendered(budget=6 * 1024 * 1024)


def clear_faces() -> None:
    _FACES.clear()


def _draw_face(surface: pygame.Surface, rect: pygame.Rect, spec, behaviour, mood: str | None = None) -> None:
    cx, cy = rect.centerx, rect.centery
    r = min(rect.w, rect.h) // 2
    skin = SKIN[spec.skin]
    hair = HAIR[spec.hair_colour]
    scale = 0.8 if spec.age == "child" else 1.0
    hr = int(r * 0.62 * scale)
    head = pygame.Rect(0, 0, int(hr * 1.7), int(hr * 2.05))
    head.center = (cx, cy - int(r * 0.08))
    # shoulders
    pygame.draw.ellipse(surface, SHIRT[spec.shirt], (cx - int(r * 0.95 * scale), head.bottom - int(hr * 0.25),
                                                     int(r * 1.9 * scale), int(r * 1.1)))
    if spec.hair in ("long", "covered"):
        colour = (60, 80, 120) if spec.hair == "covered" else hair
        pygame.draw.ellipse(surface, colour, head.inflate(int(hr * 0.5), int(hr * 0.7)).move(0, int(hr * 0.25)))
    pygame.draw.ellipse(surface, skin, head)
    if spec.hair in ("short", "curly", "bun"):
        top = pygame.Rect(head.left - 4, head.top - 6, head.w + 8, int(head.h * 0.5))
        pygame.draw.ellipse(surface, hair, top)
        pygame.draw.rect(surface, skin, (head.left + 8, head.top + int(head.h * 0.3), head.w - 16, int(head.h * 0.25)))
        if spec.hair == "curly":
            for dx in range(-2, 3):
                pygame.draw.circle(surface, hair, (cx + dx * head.w // 5, head.top + 4), max(6, hr // 4))
        if spec.hair == "bun":
            pygame.draw.circle(surface, hair, (cx, head.top - hr // 4), hr // 3)
    if spec.hair == "long":
        pygame.draw.ellipse(surface, hair, (head.left - 4, head.top - 6, head.w + 8, int(head.h * 0.42)))
        pygame.draw.rect(surface, skin, (head.left + 10, head.top + int(head.h * 0.28), head.w - 20, int(head.h * 0.2)))
    if spec.hair == "covered":
        pygame.draw.ellipse(surface, (60, 80, 120), (head.left - 6, head.top - 8, head.w + 12, int(head.h * 0.45)))
    eye_y = head.top + int(head.h * 0.5)
    eye_dx = head.w // 5
    ink = (34, 30, 30)
    if "sunglasses" in behaviour:
        for sx in (cx - eye_dx, cx + eye_dx):
            pygame.draw.ellipse(surface, (20, 20, 26), (sx - hr // 3, eye_y - hr // 6, hr * 2 // 3, hr // 3 + 4))
        pygame.draw.line(surface, (20, 20, 26), (cx - eye_dx + hr // 3, eye_y), (cx + eye_dx - hr // 3, eye_y), 3)
    elif "looking_down" in behaviour:
        for sx in (cx - eye_dx, cx + eye_dx):
            pygame.draw.arc(surface, ink, (sx - 9, eye_y - 2, 18, 10), 3.4, 6.0, 3)
    else:
        for sx in (cx - eye_dx, cx + eye_dx):
            pygame.draw.circle(surface, (255, 255, 255), (sx, eye_y), max(4, hr // 7))
            pygame.draw.circle(surface, ink, (sx, eye_y + 1), max(2, hr // 12))
    if spec.age == "older":
        for sx in (cx - eye_dx, cx + eye_dx):
            pygame.draw.arc(surface, (120, 90, 70), (sx - 12, eye_y + 6, 24, 10), 3.5, 5.9, 2)
    mouth_y = head.top + int(head.h * 0.74)
    if "mask" in behaviour:
        pygame.draw.ellipse(surface, (200, 215, 230), (head.left + 6, eye_y + hr // 4, head.w - 12, int(head.h * 0.42)))
    elif mood is not None:
        _mouth(surface, mood, cx, mouth_y, hr, ink)
    else:
        pygame.draw.arc(surface, ink, (cx - hr // 3, mouth_y - hr // 6, hr * 2 // 3, hr // 3), 3.5, 5.9, 3)
    if "hat" in behaviour:
        brim_y = head.top + int(head.h * 0.28)
        pygame.draw.ellipse(surface, (120, 86, 52), (head.left - hr // 2, brim_y - 10, head.w + hr, 26))
        pygame.draw.rect(surface, (140, 100, 60), (head.left + 6, head.top - hr // 3, head.w - 12, brim_y - head.top + hr // 3),
                         border_radius=12)
    if mood is not None:  # over a hat's brim, so the mood always reads
        _brows(surface, mood, cx, eye_y, eye_dx, hr, ink)


def _brows(surface: pygame.Surface, mood: str, cx: int, eye_y: int, eye_dx: int, hr: int, ink) -> None:
    """Eyebrows, thick enough to read on a 64-pixel face: level (calm), raised (waiting), the inner ends
    lifted (worry), lifted high and arched (relief)."""
    width = max(3, hr // 7)
    half = max(5, hr // 4)
    above = max(6, hr // 4)
    for side in (-1, 1):
        sx = cx + side * eye_dx
        inner, outer = sx - side * half, sx + side * half
        if mood == "worry":  # the inner ends lifted, the outer ones dropped
            pygame.draw.line(surface, ink, (inner, eye_y - above - hr // 5), (outer, eye_y - above + hr // 10), width)
        elif mood == "relief":
            box = pygame.Rect(0, 0, 2 * half, max(6, hr // 3))
            box.midtop = (sx, eye_y - above - hr // 6)
            pygame.draw.arc(surface, ink, box, 0.3, 2.84, width)
        else:
            lift = hr // 10 if mood == "waiting" else 0
            pygame.draw.line(surface, ink, (inner, eye_y - above - lift), (outer, eye_y - above - lift), width)


def _mouth(surface: pygame.Surface, mood: str, cx: int, mouth_y: int, hr: int, ink) -> None:
    """A gentle smile (calm), a level line (waiting), a frown (worry), a wide open smile (relief)."""
    width = max(3, hr // 9)
    if mood == "waiting":
        pygame.draw.line(surface, ink, (cx - hr // 4, mouth_y), (cx + hr // 4, mouth_y), width)
    elif mood == "worry":
        box = pygame.Rect(0, 0, hr * 3 // 4, hr * 2 // 5)
        box.midtop = (cx, mouth_y - hr // 10)
        pygame.draw.arc(surface, ink, box, 0.3, 2.84, width)
    elif mood == "relief":  # a half moon, flat side up: an open smile
        a, b, top = hr // 2, hr // 3, mouth_y - hr // 8
        points = [(cx + round(a * math.cos(math.pi * i / 12)), top + round(b * math.sin(math.pi * i / 12)))
                  for i in range(13)]
        pygame.draw.polygon(surface, ink, points)
    else:
        box = pygame.Rect(0, 0, hr * 3 // 4, hr * 2 // 5)
        box.midbottom = (cx, mouth_y + hr // 8)
        pygame.draw.arc(surface, ink, box, 3.44, 5.98, width)
