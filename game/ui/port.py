"""The port seen from above, drawn in code: lanes, booths, cameras, and the traveller moving through.

The map is a `map` item: it is painted inside the rectangle the layout gives it, the port's own
coordinates (1920 by 520, the positions in content/stations.yaml) scaled to fit. What does not move
(ground, roads, equipment, place names) is drawn once into a cached surface for that size; each frame
only blits it and draws the station markers and the traveller on top, which keeps frame time low.

Place names are measured text: each is kept inside the map and clear of the others and of the
station markers, or left out when there is no room (the stations' names are items beside the map).
"""
from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import pygame

from . import theme
from .scene import Context

MAP_W, MAP_HEIGHT = 1920, 520  # the port's own coordinates
BORDER_X = 150
PED_Y, CAR_Y, OUT_Y = 100, 262, 410
ROAD_HALF = 44
WALK_HALF = 22
MARKER = 26  # a station marker's radius at full size
TRAVELLER_OFFSET = 95  # the traveller waits just before a station's marker, so its number stays visible
LABEL_SCALE_MAX = 1.25  # place names on the map grow with the text up to this; the legend carries the rest
LOT = (1610, CAR_Y - ROAD_HALF - 96, 290, 78)  # the secondary inspection lot (x, y, w, h)
LOT_ENTRY_X = 1670
CAR_GAP = 84  # port units between queued cars


@dataclass(frozen=True)
class Motion:
    """What moves on the map besides the traveller, each from 0 to 1 (1 at once with reduced motion): the
    camera's flash fading, the line of cars growing while the car is held, the cars going by meanwhile."""

    flash: float = 0.0
    queue: float = 1.0
    drift: float = 0.0


def lane_y(lane: str) -> int:
    return {"pedestrian": PED_Y, "vehicle": CAR_Y, "outbound": OUT_Y}.get(lane, CAR_Y)


def half_width(y: int) -> int:
    return WALK_HALF if y == PED_Y else ROAD_HALF


class Frame:
    """The port's coordinates inside a rectangle on the canvas."""

    def __init__(self, rect: pygame.Rect):
        self.rect = rect
        self.sx, self.sy = rect.w / MAP_W, rect.h / MAP_HEIGHT
        self.s = min(self.sx, self.sy)

    def x(self, x: float) -> int:
        return round(x * self.sx)

    def y(self, y: float) -> int:
        return round(y * self.sy)

    def point(self, p: tuple[float, float]) -> tuple[int, int]:
        return self.x(p[0]), self.y(p[1])

    def on_canvas(self, p: tuple[float, float]) -> tuple[int, int]:
        x, y = self.point(p)
        return x + self.rect.x, y + self.rect.y

    def box(self, x: float, y: float, w: float, h: float) -> pygame.Rect:
        left, top = self.point((x, y))
        return pygame.Rect(left, top, max(1, self.x(x + w) - left), max(1, self.y(y + h) - top))

    def size(self, n: float, least: float = 1) -> int:
        return max(round(least), round(n * self.s))

    def marker(self) -> int:
        return self.size(MARKER, 18)


# the still maps drawn lately, shared by every lane (a lane is a new scene for each traveller; its own
# cache made the same map again each time), the least recently used dropped first
BACKGROUNDS_KEPT = 4
_BACKGROUNDS: OrderedDict[tuple, pygame.Surface] = OrderedDict()


def clear_backgrounds() -> None:
    """They are in the display's pixel format: forget them when pygame shuts down."""
    _BACKGROUNDS.clear()


class PortMap:
    """Keeps the still map per setting, size, palette and language; draws markers and the traveller."""

    def background(self, ctx: Context, rect: pygame.Rect, data: dict, say) -> pygame.Surface:
        key = (data["setting"], rect.size, ctx.palette, ctx.run.prefs.language, ctx.text.scale, data["stations"],
               data["labels"])
        if key in _BACKGROUNDS:
            _BACKGROUNDS.move_to_end(key)
        else:
            while len(_BACKGROUNDS) >= BACKGROUNDS_KEPT:
                _BACKGROUNDS.popitem(last=False)
            frame = Frame(pygame.Rect(0, 0, *rect.size))
            surface = pygame.Surface(rect.size).convert()
            paint = {"port": _draw_port, "street": _draw_street, "search": _draw_search}[data["setting"]]
            anchors = paint(surface, ctx, frame)
            for kind, at in ((s[1], s[0]) for s in data["stations"]):
                _equipment(surface, kind, at, frame, ctx.palette)
            markers = [_marker_rect(frame, s[0]) for s in data["stations"]]
            _place_labels(surface, ctx, frame, [(say(w), a) for w, a in zip(data["labels"], anchors)], markers)
            _BACKGROUNDS[key] = surface
        return _BACKGROUNDS[key]

    def paint(self, surface: pygame.Surface, ctx: Context, rect: pygame.Rect, data: dict, say,
              traveller: tuple[float, float], focus_station: int | None, motion: Motion = Motion()) -> None:
        """The map, each station's numbered marker (filled when passed, the current one in the accent),
        the cars that come through while the traveller is held (with their number in words), the camera's
        flash, and the traveller, all inside `rect`."""
        surface.blit(self.background(ctx, rect, data, say), rect.topleft)
        p = ctx.palette
        frame = Frame(rect)
        clip = surface.get_clip()
        surface.set_clip(rect.clip(clip) if clip else rect)
        radius = frame.marker()
        current = data["current"]
        for i, (at, _kind, number) in enumerate(data["stations"]):
            centre = frame.on_canvas(at)
            here, done = i == current, i < current
            fill = p.accent if here else (p.muted if done else p.panel)
            pygame.draw.circle(surface, fill, centre, radius)
            pygame.draw.circle(surface, p.text, centre, radius, 3)
            image = ctx.text.render(number, round(radius * 1.1 / ctx.text.scale), p.accent_text if here or done else p.text,
                                    "bold")
            surface.blit(image, image.get_rect(center=centre))
            if focus_station == i:
                pygame.draw.circle(surface, p.text, centre, radius + 10, theme.FOCUS_WIDTH)
        pygame.draw.rect(surface, p.panel_edge, rect, 2)  # the map's edge, where its ground meets the page
        if data.get("cars"):
            _cars_meanwhile(surface, ctx, frame, data, traveller, motion, say)
        if motion.flash > 0 and data.get("camera"):
            _flash(surface, frame, data["stations"][current][0], motion.flash)
        at = frame.on_canvas(traveller)
        if data["vehicle"]:
            _car(surface, at, frame, p)
        else:
            r = frame.size(18, 9)
            pygame.draw.circle(surface, p.accent, at, r)
            pygame.draw.circle(surface, p.text, at, r, 3)
        surface.set_clip(clip)

    @staticmethod
    def station_rects(rect: pygame.Rect, data: dict) -> list[pygame.Rect]:
        """A touch target around each station's marker, inside the map."""
        frame = Frame(rect)
        side = max(theme.MIN_TARGET, 2 * frame.marker() + 24)
        targets = []
        for at, _kind, _number in data["stations"]:
            target = pygame.Rect(0, 0, side, side)
            target.center = frame.on_canvas(at)
            targets.append(target.clamp(rect))
        return targets


def _marker_rect(frame: Frame, at: tuple[int, int]) -> pygame.Rect:
    r = frame.marker() + 6
    x, y = frame.point(at)
    return pygame.Rect(x - r, y - r, 2 * r, 2 * r)


# -- place names: measured, inside the map, clear of each other and of the markers -------------------
def _place_labels(surface: pygame.Surface, ctx: Context, frame: Frame, labels: list[tuple[str, tuple]],
                  markers: list[pygame.Rect]) -> None:
    """Each (text, anchor) where its anchor asks, moved inside the map; left out if it would still meet a
    label already placed or a station marker. An anchor is (x, y, align): align "left" starts the label
    at x, "right" ends it there."""
    p = ctx.palette
    full = theme.SIZE["small"] * min(ctx.text.scale, LABEL_SCALE_MAX) / ctx.text.scale
    bounds = frame.rect
    taken = list(markers)
    for words, (x, y, align) in labels:
        for size in (full, full * 0.85, full * 0.7):  # a little smaller where the full size has no room
            image = ctx.text.render(words, size, p.text, "semibold")
            rect = image.get_rect(topleft=(x, y)) if align == "left" else image.get_rect(topright=(x, y))
            backing = rect.inflate(12, 4)
            if align == "right" and backing.left < bounds.left:  # it would cross to the wrong side of its anchor
                continue
            backing = backing.clamp(bounds)
            if bounds.contains(backing) and not any(backing.colliderect(other) for other in taken):
                taken.append(backing)
                pygame.draw.rect(surface, p.shadow, backing, border_radius=6)
                surface.blit(image, image.get_rect(center=backing.center))
                break


# -- the settings --------------------------------------------------------------------------------
def _draw_port(surface: pygame.Surface, ctx: Context, f: Frame) -> list[tuple[int, int, str]]:
    """The port: the border, the pedestrian walkway, the roads in and out, the building and the lot.
    Returns where its place names go (map_labels' order in game.story.views.lane)."""
    p = ctx.palette
    w, h = surface.get_size()
    surface.fill(p.grass)
    for y in (CAR_Y, OUT_Y):
        pygame.draw.rect(surface, p.road, f.box(0, y - ROAD_HALF, MAP_W, ROAD_HALF * 2))
        for x in range(0, MAP_W, 80):
            for edge in (y - ROAD_HALF, y + ROAD_HALF):
                pygame.draw.line(surface, p.lane_mark, f.point((x, edge)), f.point((x + 40, edge)), 3)
    building = f.box(620, PED_Y - 62, 780, 124)
    pygame.draw.rect(surface, p.building, building, border_radius=10)
    pygame.draw.rect(surface, p.panel_edge, building, 3, border_radius=10)
    pygame.draw.rect(surface, (128, 136, 150), f.box(0, PED_Y - WALK_HALF, MAP_W, WALK_HALF * 2))
    lot = f.box(*LOT)
    pygame.draw.rect(surface, p.road, lot, border_radius=6)
    pygame.draw.rect(surface, p.road, (f.x(1640), lot.bottom, f.x(60), f.y(CAR_Y - ROAD_HALF) - lot.bottom))
    for x in range(1610 + 36, 1610 + 290, 64):
        pygame.draw.line(surface, p.lane_mark, (f.x(x), lot.top + 6), (f.x(x), lot.bottom - 6), 2)
    for y in range(0, MAP_HEIGHT, 28):
        pygame.draw.line(surface, p.warn, f.point((BORDER_X, y)), f.point((BORDER_X, y + 16)), 5)
    for x in range(300, MAP_W - 100, 340):
        _arrow(surface, f.point((x + 120, CAR_Y)), 1, p.lane_mark, f)
        _arrow(surface, f.point((x + 40, OUT_Y)), -1, p.lane_mark, f)
    border = f.x(BORDER_X)
    return [(border - 12, h - f.size(44, 30), "right"), (border + 12, h - f.size(44, 30), "left"),
            (border + 12, f.y(PED_Y - WALK_HALF) - f.size(40, 26), "left"),
            (border + 12, f.y(CAR_Y - ROAD_HALF) - f.size(40, 26), "left"),
            (f.x(600), f.y(OUT_Y + ROAD_HALF) + 6, "left"),
            (building.x + 12, building.y + 4, "left"), (lot.x + 8, lot.y + 4, "left")]


def _draw_street(surface: pygame.Surface, ctx: Context, f: Frame) -> list[tuple[int, int, str]]:
    """A city street seen from above: blocks, sidewalks, one road."""
    p = ctx.palette
    surface.fill((70, 76, 88))
    pygame.draw.rect(surface, p.road, f.box(0, CAR_Y - ROAD_HALF * 2, MAP_W, ROAD_HALF * 4))
    for x in range(0, MAP_W, 80):
        pygame.draw.line(surface, p.warn, f.point((x, CAR_Y)), f.point((x + 40, CAR_Y)), 4)
    for x in range(40, MAP_W, 300):
        for y, h in ((40, CAR_Y - ROAD_HALF * 2 - 60), (CAR_Y + ROAD_HALF * 2 + 40, 160)):
            block = f.box(x, y, 240, h)
            pygame.draw.rect(surface, p.building, block, border_radius=8)
            pygame.draw.rect(surface, p.panel_edge, block, 3, border_radius=8)
    return [(f.x(40), surface.get_height() - f.size(50, 34), "left")]


def _draw_search(surface: pygame.Surface, ctx: Context, f: Frame) -> list[tuple[int, int, str]]:
    """A wall of tiny faces: the gallery a one-to-many search runs against."""
    from .draw import SKIN
    p = ctx.palette
    surface.fill(p.background)
    r = f.size(14, 5)
    for row, y in enumerate(range(30, MAP_HEIGHT - 60, 46)):
        for col, x in enumerate(range(700, MAP_W - 30, 40)):
            cx, cy = f.point((x, y + 18))
            pygame.draw.circle(surface, SKIN[(row * 7 + col * 3) % len(SKIN)], (cx, cy), r)
            eye = max(1, r // 7)
            pygame.draw.circle(surface, p.shadow, (cx - r // 3, cy - r // 5), eye)
            pygame.draw.circle(surface, p.shadow, (cx + r // 3, cy - r // 5), eye)
    return [(f.x(700), surface.get_height() - f.size(50, 34), "left")]


def _arrow(surface: pygame.Surface, at: tuple[int, int], direction: int, colour, f: Frame) -> None:
    x, y = at
    a, b, c, d = (f.size(n) for n in (30, 20, 14, 10))
    pygame.draw.line(surface, colour, (x - a * direction, y), (x + b * direction, y), 4)
    pygame.draw.polygon(surface, colour, [(x + a * direction, y), (x + c * direction, y - d), (x + c * direction, y + d)])


def _car(surface: pygame.Surface, at: tuple[int, int], f: Frame, p: theme.Palette) -> None:
    body = pygame.Rect(0, 0, f.size(120, 48), f.size(60, 24))
    body.center = at
    pygame.draw.rect(surface, p.shadow, body.move(4, 5), border_radius=body.h // 4)
    pygame.draw.rect(surface, p.accent, body, border_radius=body.h // 4)
    pygame.draw.rect(surface, p.text, body, 3, border_radius=body.h // 4)
    glass = (60, 90, 130)
    pygame.draw.rect(surface, glass, (body.right - body.w * 7 // 20, body.top + body.h // 7, body.w // 6,
                                      body.h * 5 // 7), border_radius=5)
    pygame.draw.rect(surface, glass, (body.left + body.w // 9, body.top + body.h // 6, body.w // 8,
                                      body.h * 2 // 3), border_radius=5)


def _equipment(surface: pygame.Surface, kind: str, at: tuple[int, int], f: Frame, p: theme.Palette) -> None:
    """A small top-down drawing of what stands at a station."""
    x, y = at
    if kind == "rpm":
        for dy in (-ROAD_HALF - 14, ROAD_HALF + 2):
            post = f.box(x - 16, y + dy, 32, 14)
            pygame.draw.rect(surface, (220, 222, 228), post, border_radius=4)
            pygame.draw.rect(surface, p.shadow, post, 2, border_radius=4)
    elif kind in ("plate", "face", "scan"):
        edge = y - half_width(y)
        beam = pygame.Surface((f.x(120) or 1, f.y(2 * half_width(y)) or 1), pygame.SRCALPHA)
        bw, bh = beam.get_size()
        pygame.draw.polygon(beam, (255, 236, 160, 90), [(bw // 2, 0), (0, bh), (bw, bh)])
        surface.blit(beam, f.point((x - 60 - 50, edge)))
        camera = f.box(x - 64, edge - 10, 28, 16)
        pygame.draw.rect(surface, (225, 228, 234), camera, border_radius=4)
        pygame.draw.rect(surface, p.shadow, camera, 2, border_radius=4)
    elif kind == "booth":
        booth = f.box(x + 40, y + ROAD_HALF - 34, 52, 40)
        pygame.draw.rect(surface, p.building, booth, border_radius=6)
        pygame.draw.rect(surface, p.text, booth, 2, border_radius=6)
    elif kind == "queue" and y != PED_Y:
        direction = 1 if x < MAP_W // 2 else -1
        for i in range(2):
            car = pygame.Rect(0, 0, f.size(64, 24), f.size(44, 16))
            car.center = f.point((x - direction * (190 + i * 80), y))
            pygame.draw.rect(surface, p.muted, car, border_radius=car.h // 4)


def _flash(surface: pygame.Surface, f: Frame, at: tuple[int, int], strength: float) -> None:
    """Rays from the camera at a station as it takes its picture."""
    x, y = at
    centre = f.on_canvas((x - 50, y - half_width(y)))
    reach = f.size(70, 24)
    glow = pygame.Surface((2 * reach, 2 * reach), pygame.SRCALPHA)
    pygame.draw.circle(glow, (255, 255, 230, round(200 * strength)), (reach, reach), reach)
    surface.blit(glow, (centre[0] - reach, centre[1] - reach))
    for n in range(8):
        a = n * math.pi / 4
        inner, outer = reach * 0.45, reach * (0.8 + 0.4 * strength)
        pygame.draw.line(surface, (255, 255, 255), (centre[0] + inner * math.cos(a), centre[1] + inner * math.sin(a)),
                         (centre[0] + outer * math.cos(a), centre[1] + outer * math.sin(a)), 3)


def _cars_meanwhile(surface: pygame.Surface, ctx: Context, f: Frame, data: dict, traveller: tuple[float, float],
                    motion: Motion, say) -> None:
    """While the car is held: the line behind it grows, car by car, back to the map's edge (the words say how
    many). While it waits in secondary: the cars the lane lets through meanwhile, going by on the road."""
    p = ctx.palette
    stations = data["stations"]
    direction = 1 if stations[-1][0][0] >= stations[0][0][0] else -1
    y = lane_y(data["lane"])
    if data.get("secondary"):
        start, end = stations[0][0][0], stations[-1][0][0]
        xs = [start + ((k * CAR_GAP * 2 + motion.drift * CAR_GAP * 2) % max(1, end - start)) for k in range(data["cars"])]
        xs = [x for x in xs if start <= x <= end][: max(1, int((end - start) // (CAR_GAP * 2)))]
    else:
        room = int(abs(traveller[0] - (0 if direction > 0 else MAP_W)) // CAR_GAP) - 1
        shown = min(room, math.ceil(data["cars"] * motion.queue))
        xs = [traveller[0] - direction * CAR_GAP * (k + 1) for k in range(max(0, shown))]
    for x in xs:
        car = pygame.Rect(0, 0, f.size(64, 24), f.size(40, 14))
        car.center = f.on_canvas((x, y))
        pygame.draw.rect(surface, p.muted, car, border_radius=car.h // 4)
        pygame.draw.rect(surface, p.shadow, car, 2, border_radius=car.h // 4)
    if data.get("cars_words") is None:
        return
    size = theme.SIZE["small"] * min(ctx.text.scale, LABEL_SCALE_MAX) / ctx.text.scale
    image = ctx.text.render(say(data["cars_words"]), size, p.text, "bold")
    anchor = f.on_canvas((traveller[0], y + half_width(y) + 10))
    tag = image.get_rect(midtop=anchor).inflate(12, 4).clamp(f.rect)
    pygame.draw.rect(surface, p.shadow, tag, border_radius=6)
    pygame.draw.rect(surface, p.warn, tag, 2, border_radius=6)
    surface.blit(image, image.get_rect(center=tag.center))


def ease(t: float) -> float:
    """Smooth start and stop for movement between stations."""
    t = min(max(t, 0.0), 1.0)
    return 0.5 - 0.5 * math.cos(math.pi * t)


def traveller_at(stations: tuple, walk_from: int, index: int, t: float, lane: str,
                 secondary: float = 0.0) -> tuple[float, float]:
    """Where the traveller is, in the port's coordinates: between two stations, `t` of the way (eased),
    waiting just before the marker so its number stays visible; then, sent to secondary, `secondary` of
    the way from the last station into the secondary lot (along the road, then up its drive)."""
    a, b = stations[walk_from][0][0], stations[index][0][0]
    first, last = stations[0][0][0], stations[-1][0][0]
    direction = 1 if last >= first else -1  # outbound traffic drives right to left
    here = (a + (b - a) * ease(t) - direction * TRAVELLER_OFFSET, lane_y(lane))
    if secondary <= 0:
        return here
    lot_y = LOT[1] + LOT[3] / 2
    path = [here, (LOT_ENTRY_X, here[1]), (LOT_ENTRY_X, lot_y), (LOT[0] + LOT[2] * 0.6, lot_y)]
    lengths = [math.dist(p, q) for p, q in zip(path, path[1:])]
    left = ease(secondary) * sum(lengths)
    for (p, q), length in zip(zip(path, path[1:]), lengths):
        if left <= length and length:
            k = left / length
            return (p[0] + (q[0] - p[0]) * k, p[1] + (q[1] - p[1]) * k)
        left -= length
    return path[-1]


__all__: list[Any] = ["PortMap", "Frame", "Motion", "ease", "lane_y", "traveller_at", "MAP_HEIGHT", "TRAVELLER_OFFSET"]
