"""What the camera sees (game.story.views.lane camera_view says what it holds): a view through the
windshield with every occupant in their seat, or the person on foot at the counter, in the crossing's
light and weather; each face drawn as it sits (a hat's brim, sunglasses, a child below the frame).

Once the camera has fired, each face is boxed with a word: a solid box and a tick for a face found, a
dashed box and a cross with the cause for none, so the result never rests on colour. The scene passes
`flash` (1 at the shutter, falling to 0) for the camera's flash; with reduced motion it stays 0.
"""
from __future__ import annotations

from typing import Callable

import pygame

from game.story.screen import Item

from . import draw, theme
from .scene import Context

# where each seat's face sits in the windshield, as fractions of the glass (seen from the camera, in front
# of the car: the driver, on the car's left, is on the picture's right), and its size against the front row's
SEATS = {"driver": (0.74, 0.58, 1.0), "front": (0.26, 0.58, 1.0), "rear-left": (0.57, 0.34, 0.66),
         "rear-middle": (0.50, 0.32, 0.66), "rear-right": (0.43, 0.34, 0.66), "person": (0.5, 0.5, 1.0)}
SKY = {"daylight": (150, 192, 226), "glare": (214, 226, 236), "night": (14, 18, 34), "rain": (96, 110, 128),
       "tint": (150, 192, 226)}
SHADE = {"night": (0, 0, 16, 105), "tint": (10, 14, 20, 125), "rain": (40, 50, 66, 50)}  # over the glass
CHILD_DROP = 0.55  # a child's face sits this much of its size lower: below the frame's edge
LABEL_MAX_SCALE = 1.5


def paint_camera(surface: pygame.Surface, ctx: Context, rect: pygame.Rect, item: Item,
                 say: Callable, flash: float = 0.0) -> None:
    data = item.data
    clip = surface.get_clip()
    surface.set_clip(rect.clip(clip) if clip else rect)
    conditions = data["conditions"]
    pygame.draw.rect(surface, SKY[conditions], rect)
    if data["setting"] == "car":
        faces = _car_view(surface, rect, data["people"], conditions)
    else:
        faces = _counter_view(surface, rect, data["people"], conditions)
    if data["fired"]:
        for person, box in zip(data["people"], faces):
            if person["found"] is not None:  # the back row's words above its faces, the front row's below
                _face_box(surface, ctx, box, rect, person["found"], say(person["label"]),
                          person["seat"].startswith("rear"))
    elif data["camera"]:
        _viewfinder(surface, rect, ctx.palette)
    if flash > 0:
        veil = _overlay(("flash",), rect.size, lambda s: s.fill((255, 255, 255)), alpha=False)
        veil.set_alpha(round(230 * flash))
        surface.blit(veil, rect.topleft)
    surface.set_clip(clip)
    pygame.draw.rect(surface, ctx.palette.panel_edge, rect, 2, border_radius=6)


_OVERLAYS: dict[tuple, pygame.Surface] = {}


def clear_overlays() -> None:
    _OVERLAYS.clear()
OVERLAYS_KEPT = 16  # a few sizes of a few kinds: made once, not every frame (a kiosk runs for weeks)


def _overlay(kind: tuple, size: tuple[int, int], paint: Callable[[pygame.Surface], None],
             alpha: bool = True) -> pygame.Surface:
    """A translucent layer (night's shade, the glare's band, the flash) of this size, made once."""
    key = (*kind, size)
    layer = _OVERLAYS.get(key)
    if layer is None:
        if len(_OVERLAYS) >= OVERLAYS_KEPT:
            _OVERLAYS.clear()
        layer = _OVERLAYS[key] = pygame.Surface(size, pygame.SRCALPHA) if alpha else pygame.Surface(size)
        paint(layer)
    return layer


def _glare(band: pygame.Surface) -> None:
    gw, gh = band.get_size()
    pygame.draw.polygon(band, (255, 255, 244, 190), [(gw * 0.15, 0), (gw * 0.55, 0), (gw * 0.35, gh), (0, gh)])
    pygame.draw.polygon(band, (255, 255, 244, 120), [(gw * 0.62, 0), (gw * 0.74, 0), (gw * 0.56, gh), (gw * 0.44, gh)])


def _face(surface: pygame.Surface, box: pygame.Rect, person: dict) -> None:
    mood = person.get("mood")
    draw.face(surface, box, person["face"], person["behaviour"], **({"mood": mood} if mood else {}))


def _car_view(surface: pygame.Surface, rect: pygame.Rect, people: tuple, conditions: str) -> list[pygame.Rect]:
    """The front of a car filling the view: its roof, the windshield with everyone behind it, the dashboard
    and hood (which hide a child sitting low). Returns each person's face rectangle."""
    w, h = rect.size
    body = pygame.Rect(rect.x + w // 14, rect.y + h // 16, w - w // 7, h)
    pygame.draw.rect(surface, (70, 78, 92), body, border_radius=h // 5)
    glass = pygame.Rect(body.x + body.w // 16, body.y + h // 14, body.w - body.w // 8, int(h * 0.64))
    inside = (60, 66, 78) if conditions != "night" else (24, 26, 36)
    pygame.draw.rect(surface, inside, glass, border_radius=h // 10)
    full = min(glass.h * 0.66, glass.w * 0.26)
    faces: dict[int, pygame.Rect] = {}
    order = sorted(range(len(people)), key=lambda i: SEATS[people[i]["seat"]][1])  # the back row first
    seat_back = (90, 96, 110) if conditions != "night" else (40, 42, 54)
    for i in order:
        person = people[i]
        fx, fy, size = SEATS[person["seat"]]
        side = int(full * size)
        box = pygame.Rect(0, 0, side, side)
        box.center = (glass.x + int(glass.w * fx), glass.y + int(glass.h * fy))
        if "child_height" in person["behaviour"]:
            box.y += int(side * CHILD_DROP)
        if size == 1.0:  # a front seat's back, behind the person
            pygame.draw.rect(surface, seat_back, box.inflate(side // 6, 0).move(0, side // 3), border_radius=side // 5)
        _face(surface, box, person)
        faces[i] = box
    shade = SHADE.get(conditions)
    if shade:
        surface.blit(_overlay(("shade", shade), glass.size, lambda s: s.fill(shade)), glass.topleft)
    if conditions == "glare":  # a bright band across the glass
        surface.blit(_overlay(("glare",), glass.size, _glare), glass.topleft)
    if conditions == "rain":
        for n in range(0, glass.w, max(8, glass.w // 30)):
            x = glass.x + n
            y = glass.y + (n * 37) % max(1, glass.h - 16)
            pygame.draw.line(surface, (200, 214, 230), (x, y), (x - 3, y + 14), 2)
    pygame.draw.rect(surface, (190, 200, 214), glass, 3, border_radius=h // 10)  # the windshield's frame
    dash = pygame.Rect(body.x, glass.bottom, body.w, body.bottom - glass.bottom)
    pygame.draw.rect(surface, (70, 78, 92), dash)  # the dashboard and hood: a child below the frame is behind it
    pygame.draw.line(surface, (40, 44, 54), (body.x, glass.bottom + 2), (body.right, glass.bottom + 2), 4)
    for lx in (body.x + body.w // 10, body.right - body.w // 10):  # headlights, lit at night
        lit = (255, 244, 200) if conditions in ("night", "rain") else (214, 220, 228)
        pygame.draw.circle(surface, lit, (lx, dash.y + (rect.bottom - dash.y) // 2), max(6, h // 16))
    return [faces[i] for i in range(len(people))]


def _counter_view(surface: pygame.Surface, rect: pygame.Rect, people: tuple, conditions: str) -> list[pygame.Rect]:
    """Someone walking up to the counter, face on: a wall behind, the counter's edge in front."""
    w, h = rect.size
    pygame.draw.rect(surface, (120, 132, 150), rect)
    for x in range(rect.x, rect.right, max(30, w // 12)):  # the wall's panels
        pygame.draw.line(surface, (104, 116, 134), (x, rect.y), (x, rect.bottom), 2)
    side = int(h * 0.8)
    faces = []
    for n, person in enumerate(people):
        box = pygame.Rect(0, 0, side, side)
        box.center = (rect.x + w * (n + 1) // (len(people) + 1), rect.y + h // 2 + h // 20)
        _face(surface, box, person)
        faces.append(box)
    pygame.draw.rect(surface, (70, 78, 92), (rect.x, rect.bottom - h // 8, w, h // 8))
    return faces


def _viewfinder(surface: pygame.Surface, rect: pygame.Rect, p: theme.Palette) -> None:
    """Corner brackets: a camera about to take the picture."""
    inner = rect.inflate(-24, -24)
    arm = max(14, min(inner.w, inner.h) // 8)
    for (cx, cy), (dx, dy) in (((inner.left, inner.top), (1, 1)), ((inner.right, inner.top), (-1, 1)),
                               ((inner.left, inner.bottom), (1, -1)), ((inner.right, inner.bottom), (-1, -1))):
        pygame.draw.line(surface, p.text, (cx, cy), (cx + arm * dx, cy), 4)
        pygame.draw.line(surface, p.text, (cx, cy), (cx, cy + arm * dy), 4)


def _face_box(surface: pygame.Surface, ctx: Context, box: pygame.Rect, bounds: pygame.Rect, found: bool,
              label: str, above: bool = False) -> None:
    """A box round the face, solid with a tick when found, dashed with a cross when not, and its word on a
    tag beneath it (or above it, when asked or when there is no room below), set smaller where it must fit."""
    p = ctx.palette
    colour = p.good if found else p.bad
    frame = box.inflate(-box.w // 8, -box.h // 8)
    if found:
        pygame.draw.rect(surface, p.shadow, frame.inflate(4, 4), 6)
        pygame.draw.rect(surface, colour, frame, 4)
    else:
        _dashed(surface, frame, colour, p.shadow)
    mark = pygame.Rect(frame.right - 26, frame.top + 4, 22, 22)
    pygame.draw.rect(surface, p.shadow, mark, border_radius=4)
    if found:
        pygame.draw.lines(surface, colour, False, [(mark.x + 4, mark.centery), (mark.x + 9, mark.bottom - 5),
                                                   (mark.right - 4, mark.y + 5)], 3)
    else:
        pygame.draw.line(surface, colour, (mark.x + 5, mark.y + 5), (mark.right - 5, mark.bottom - 5), 3)
        pygame.draw.line(surface, colour, (mark.right - 5, mark.y + 5), (mark.x + 5, mark.bottom - 5), 3)
    room = max(frame.w + 24, 96)
    image = _fitted(ctx, label, room)
    tag = image.get_rect(midtop=(frame.centerx, frame.bottom + 4)).inflate(10, 4)
    if above or tag.bottom > bounds.bottom - 2:
        tag.bottom = frame.top - 4 if frame.top - 4 - tag.h > bounds.top else bounds.bottom - 2
    tag = tag.clamp(bounds)
    pygame.draw.rect(surface, p.shadow, tag, border_radius=6)
    pygame.draw.rect(surface, colour, tag, 2, border_radius=6)
    surface.blit(image, image.get_rect(center=tag.center))


def _fitted(ctx: Context, label: str, width: int) -> pygame.Surface:
    """The label on one line at the small size (up to a limit as the text grows), smaller if it must be,
    wrapped onto two lines as a last resort."""
    size = theme.SIZE["small"] * min(ctx.text.scale, LABEL_MAX_SCALE) / ctx.text.scale
    for _ in range(4):
        image = ctx.text.render(label, size, ctx.palette.text, "semibold")
        if image.get_width() <= width:
            return image
        size *= 0.88
    return ctx.text.render(label, size, ctx.palette.text, "semibold", width=width, align="center")


def _dashed(surface: pygame.Surface, rect: pygame.Rect, colour, shadow) -> None:
    step, dash = 16, 9
    for edge in ((rect.topleft, rect.topright), (rect.bottomleft, rect.bottomright),
                 (rect.topleft, rect.bottomleft), (rect.topright, rect.bottomright)):
        (x0, y0), (x1, y1) = edge
        length = max(abs(x1 - x0), abs(y1 - y0))
        for s in range(0, length, step):
            e = min(length, s + dash)
            a = (x0 + (x1 - x0) * s // length, y0 + (y1 - y0) * s // length)
            b = (x0 + (x1 - x0) * e // length, y0 + (y1 - y0) * e // length)
            pygame.draw.line(surface, shadow, a, b, 7)
            pygame.draw.line(surface, colour, a, b, 4)
