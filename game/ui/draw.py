"""Drawing helpers shared by scenes: panels, buttons, text blocks, score bars, synthetic faces."""
from __future__ import annotations

import pygame

from . import theme
from .scene import Button, Context

SKIN = [(255, 224, 196), (241, 194, 150), (224, 172, 122), (198, 134, 88), (141, 85, 54), (92, 56, 36)]
HAIR = {"black": (30, 26, 24), "brown": (96, 62, 36), "grey": (170, 170, 176), "blond": (222, 190, 110),
        "red": (170, 72, 40)}
SHIRT = {"blue": (70, 120, 200), "green": (60, 150, 90), "red": (190, 70, 70), "purple": (130, 90, 180),
         "orange": (220, 130, 50), "teal": (40, 150, 150)}


class Layer:
    """A full-screen drawing kept between frames and repainted only when its key changes
    (what a screen shows that no frame-to-frame state touches)."""

    def __init__(self) -> None:
        self.key: object = None
        self.surface: pygame.Surface | None = None

    def blit(self, target: pygame.Surface, key: object, paint) -> None:
        if self.surface is None or self.surface.get_size() != target.get_size():
            self.surface, self.key = pygame.Surface(target.get_size(), 0, target), None
        if key != self.key:
            paint(self.surface)
            self.key = key
        target.blit(self.surface, (0, 0))


def panel(surface: pygame.Surface, rect: pygame.Rect, ctx: Context, fill=None) -> None:
    p = ctx.palette
    pygame.draw.rect(surface, fill or p.panel, rect, border_radius=theme.RADIUS)
    pygame.draw.rect(surface, p.panel_edge, rect, width=2, border_radius=theme.RADIUS)


def button(surface: pygame.Surface, b: Button, ctx: Context, focused: bool) -> None:
    """A button: filled when primary, a thick accent ring plus an arrow when focused (not colour alone)."""
    p = ctx.palette
    fill = p.accent if b.primary else p.panel
    fg = p.accent_text if b.primary else p.text
    pygame.draw.rect(surface, fill, b.rect, border_radius=theme.RADIUS)
    pygame.draw.rect(surface, p.panel_edge if not b.primary else p.accent, b.rect, width=2,
                     border_radius=theme.RADIUS)
    if focused:
        ring = b.rect.inflate(14, 14)
        pygame.draw.rect(surface, p.text if b.primary else p.accent, ring, width=theme.FOCUS_WIDTH,
                         border_radius=theme.RADIUS + 6)
    label = ctx.text.render(b.label, b.size, fg, "semibold", max(b.rect.w - 40, 40), "center")
    surface.blit(label, label.get_rect(center=b.rect.center))
    if focused:
        cx, cy = b.rect.left + 18, b.rect.centery
        if label.get_width() + 80 < b.rect.w:
            pygame.draw.polygon(surface, fg, [(cx, cy - 10), (cx + 12, cy), (cx, cy + 10)])


def buttons(surface: pygame.Surface, scene) -> None:
    for i, b in enumerate(scene.buttons):
        if b.visible:
            button(surface, b, scene.ctx, i == scene.focus)


def text_block(surface: pygame.Surface, ctx: Context, text: str, pos: tuple[int, int], width: int,
               size: str = "body", colour=None, weight: str = "regular") -> int:
    """Draw wrapped text; return the y just below it, so blocks can be stacked."""
    image = ctx.text.render(text, theme.SIZE[size], colour or ctx.palette.text, weight, width)
    surface.blit(image, pos)
    return pos[1] + image.get_height()


def fit_button_width(ctx: Context, label: str, minimum: int = 260, size: str = "body") -> int:
    return max(minimum, ctx.text.font(theme.SIZE[size], "semibold").size(label)[0] + 80)


def score_bar(surface: pygame.Surface, ctx: Context, rect: pygame.Rect, score: float | None,
              threshold: float, lo: float = -2.0, hi: float = 10.0, labels: tuple[str, str, str] = ("", "", "")) -> None:
    """A horizontal scale with the threshold as a line and the score as a marker.

    Above the threshold is 'match', below is 'no match'; both sides are labelled in words.
    """
    p = ctx.palette
    def x_of(v: float) -> int:
        return rect.left + round((min(max(v, lo), hi) - lo) / (hi - lo) * rect.w)
    tx = x_of(threshold)
    pygame.draw.rect(surface, p.panel, rect, border_radius=8)
    pygame.draw.rect(surface, p.bad, (rect.left, rect.top, tx - rect.left, rect.h), border_radius=8)
    pygame.draw.rect(surface, p.good, (tx, rect.top, rect.right - tx, rect.h), border_radius=8)
    # hatch the no-match side so the halves differ without colour
    for hx in range(rect.left + 6, tx - 4, 18):
        pygame.draw.line(surface, p.shadow, (hx, rect.bottom - 4), (hx + 10, rect.top + 4), 3)
    pygame.draw.line(surface, p.text, (tx, rect.top - 14), (tx, rect.bottom + 14), 5)
    below, above, thr = labels
    size = theme.SIZE["small"]
    if below:
        img = ctx.text.render(below, size, p.text, "semibold")
        surface.blit(img, (rect.left, rect.bottom + 10))
    if above:
        img = ctx.text.render(above, size, p.text, "semibold")
        surface.blit(img, (rect.right - img.get_width(), rect.bottom + 10))
    if thr:
        img = ctx.text.render(thr, size, p.text)
        surface.blit(img, (min(max(tx - img.get_width() // 2, rect.left), rect.right - img.get_width()),
                           rect.top - 20 - img.get_height()))
    if score is not None:
        sx = x_of(score)
        pts = [(sx, rect.centery - rect.h), (sx + 16, rect.centery), (sx, rect.centery + rect.h), (sx - 16, rect.centery)]
        pygame.draw.polygon(surface, p.text, pts)
        pygame.draw.polygon(surface, p.shadow, pts, 3)


def face(surface: pygame.Surface, rect: pygame.Rect, spec, behaviour=(), blur: bool = False) -> None:
    """A stylised synthetic face drawn from shapes (never a photo of anyone), drawn once and reused."""
    key = (spec.skin, spec.hair, spec.hair_colour, spec.age, spec.shirt, tuple(behaviour), rect.w, rect.h, blur)
    image = _FACES.get(key)
    if image is None:
        image = pygame.Surface(rect.size, pygame.SRCALPHA).convert_alpha()
        _draw_face(image, image.get_rect(), spec, behaviour)
        if blur:
            small = pygame.transform.smoothscale(image, (max(1, rect.w // 10), max(1, rect.h // 10)))
            image = pygame.transform.smoothscale(small, rect.size)
        _FACES[key] = image
    surface.blit(image, rect)


_FACES: dict[tuple, pygame.Surface] = {}


def _draw_face(surface: pygame.Surface, rect: pygame.Rect, spec, behaviour) -> None:
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
    else:
        pygame.draw.arc(surface, ink, (cx - hr // 3, mouth_y - hr // 6, hr * 2 // 3, hr // 3), 3.5, 5.9, 3)
    if "hat" in behaviour:
        brim_y = head.top + int(head.h * 0.28)
        pygame.draw.ellipse(surface, (120, 86, 52), (head.left - hr // 2, brim_y - 10, head.w + hr, 26))
        pygame.draw.rect(surface, (140, 100, 60), (head.left + 6, head.top - hr // 3, head.w - 12, brim_y - head.top + hr // 3),
                         border_radius=12)
