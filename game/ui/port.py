"""The port seen from above, drawn in code: lanes, booths, cameras, and the traveller moving through.

The static map is drawn once into a cached surface; each frame only blits it and draws the
traveller and the station markers on top, which keeps frame time low on a full-screen map.
"""
from __future__ import annotations

import math

import pygame

from . import theme
from .scene import Context

MAP_HEIGHT = 520
BORDER_X = 150
PED_Y, CAR_Y, OUT_Y = 100, 262, 410
ROAD_HALF = 44
WALK_HALF = 22
LABEL_W = 230
TRAVELLER_OFFSET = 95  # the traveller waits just before a station's marker, so its number stays visible


def lane_y(lane: str) -> int:
    return {"pedestrian": PED_Y, "vehicle": CAR_Y, "outbound": OUT_Y}.get(lane, CAR_Y)


def half_width(y: int) -> int:
    return WALK_HALF if y == PED_Y else ROAD_HALF


class PortMap:
    """Caches the static map per setting, palette and language; draws markers and the traveller."""

    def __init__(self) -> None:
        self._cache: dict[tuple, pygame.Surface] = {}

    def background(self, ctx: Context, setting: str = "port") -> pygame.Surface:
        key = (setting, ctx.palette, ctx.run.prefs.language, ctx.text.scale)
        if key not in self._cache:
            self._cache.clear()
            draw = {"port": self._draw_port, "street": self._draw_street, "search": self._draw_search}[setting]
            self._cache[key] = draw(ctx)
        return self._cache[key]

    def _draw_port(self, ctx: Context) -> pygame.Surface:
        p = ctx.palette
        w = theme.CANVAS[0]
        surface = pygame.Surface((w, MAP_HEIGHT)).convert()
        surface.fill(p.grass)
        for y in (CAR_Y, OUT_Y):
            pygame.draw.rect(surface, p.road, (0, y - ROAD_HALF, w, ROAD_HALF * 2))
            for x in range(0, w, 80):
                pygame.draw.line(surface, p.lane_mark, (x, y - ROAD_HALF), (x + 40, y - ROAD_HALF), 3)
                pygame.draw.line(surface, p.lane_mark, (x, y + ROAD_HALF), (x + 40, y + ROAD_HALF), 3)
        building = pygame.Rect(620, PED_Y - 62, 780, 124)
        pygame.draw.rect(surface, p.building, building, border_radius=10)
        pygame.draw.rect(surface, p.panel_edge, building, 3, border_radius=10)
        pygame.draw.rect(surface, (128, 136, 150), (0, PED_Y - WALK_HALF, w, WALK_HALF * 2))
        lot = pygame.Rect(1610, CAR_Y - ROAD_HALF - 96, 290, 78)
        pygame.draw.rect(surface, p.road, lot, border_radius=6)
        pygame.draw.rect(surface, p.road, (1640, lot.bottom, 60, CAR_Y - ROAD_HALF - lot.bottom))
        for x in range(lot.left + 36, lot.right, 64):
            pygame.draw.line(surface, p.lane_mark, (x, lot.top + 6), (x, lot.bottom - 6), 2)
        for y in range(0, MAP_HEIGHT, 28):
            pygame.draw.line(surface, p.warn, (BORDER_X, y), (BORDER_X, y + 16), 5)
        for x in range(300, w - 100, 340):
            _arrow(surface, (x + 120, CAR_Y), 1, p.lane_mark)
            _arrow(surface, (x + 40, OUT_Y), -1, p.lane_mark)
        small = theme.SIZE["small"]
        mexico = ctx.text.render(ctx.t("port.mexico"), small, p.text, "semibold")
        self._label(surface, ctx, "port.mexico", (BORDER_X - 16 - mexico.get_width(), MAP_HEIGHT - 44))
        self._label(surface, ctx, "port.us", (BORDER_X + 16, MAP_HEIGHT - 44))
        self._label(surface, ctx, "port.pedestrian", (BORDER_X + 16, PED_Y - WALK_HALF - 40))
        self._label(surface, ctx, "port.inbound", (BORDER_X + 16, CAR_Y - ROAD_HALF - 40))
        self._label(surface, ctx, "port.outbound", (600, OUT_Y + ROAD_HALF + 8))
        self._label(surface, ctx, "port.building", (building.x + 16, building.y + 6))
        self._label(surface, ctx, "port.secondary", (lot.x + 12, lot.y + 8))
        return surface

    def _draw_street(self, ctx: Context) -> pygame.Surface:
        """A city street seen from above: blocks, sidewalks, one road."""
        p = ctx.palette
        surface = pygame.Surface((theme.CANVAS[0], MAP_HEIGHT)).convert()
        surface.fill((70, 76, 88))
        pygame.draw.rect(surface, p.road, (0, CAR_Y - ROAD_HALF * 2, theme.CANVAS[0], ROAD_HALF * 4))
        for x in range(0, theme.CANVAS[0], 80):
            pygame.draw.line(surface, p.warn, (x, CAR_Y), (x + 40, CAR_Y), 4)
        for x in range(40, theme.CANVAS[0], 300):
            for y, h in ((40, CAR_Y - ROAD_HALF * 2 - 60), (CAR_Y + ROAD_HALF * 2 + 40, 160)):
                pygame.draw.rect(surface, p.building, (x, y, 240, h), border_radius=8)
                pygame.draw.rect(surface, p.panel_edge, (x, y, 240, h), 3, border_radius=8)
        self._label(surface, ctx, "port.city", (40, MAP_HEIGHT - 50))
        return surface

    def _draw_search(self, ctx: Context) -> pygame.Surface:
        """A wall of tiny faces: the gallery a one-to-many search runs against."""
        p = ctx.palette
        surface = pygame.Surface((theme.CANVAS[0], MAP_HEIGHT)).convert()
        surface.fill(p.background)
        from .draw import SKIN
        for row, y in enumerate(range(30, MAP_HEIGHT - 60, 46)):
            for col, x in enumerate(range(700, theme.CANVAS[0] - 30, 40)):
                colour = SKIN[(row * 7 + col * 3) % len(SKIN)]
                pygame.draw.circle(surface, colour, (x, y + 18), 14)
                pygame.draw.circle(surface, p.shadow, (x - 5, y + 15), 2)
                pygame.draw.circle(surface, p.shadow, (x + 5, y + 15), 2)
        self._label(surface, ctx, "port.gallery", (700, MAP_HEIGHT - 50))
        return surface

    def _label(self, surface: pygame.Surface, ctx: Context, text_id: str, at: tuple[int, int]) -> None:
        image = ctx.text.render(ctx.t(text_id), theme.SIZE["small"], ctx.palette.text, "semibold")
        backing = image.get_rect(topleft=at).inflate(12, 4)
        pygame.draw.rect(surface, ctx.palette.shadow, backing, border_radius=6)
        surface.blit(image, at)

    def draw(self, surface: pygame.Surface, ctx: Context, setting: str, stations: list, current: int,
             traveller_pos: tuple[float, float], vehicle: bool, focus_station: int | None) -> None:
        """The map, each station's equipment, a numbered marker and name, and the traveller."""
        surface.blit(self.background(ctx, setting), (0, 0))
        p = ctx.palette
        for i, station in enumerate(stations):
            x, y = station.position
            _equipment(surface, station.kind, (x, y), p)
            here, done = i == current, i < current
            fill = p.accent if here else (p.muted if done else p.panel)
            pygame.draw.circle(surface, fill, (x, y), 26)
            pygame.draw.circle(surface, p.text, (x, y), 26, 3)
            number = ctx.text.render(str(i + 1), theme.SIZE["small"], p.accent_text if here or done else p.text, "bold")
            surface.blit(number, number.get_rect(center=(x, y)))
            if focus_station == i:
                pygame.draw.circle(surface, p.text, (x, y), 36, theme.FOCUS_WIDTH)
            name = ctx.text.render(ctx.t(station.title), theme.SIZE["small"] - 4, p.text,
                                   "bold" if here else "semibold", LABEL_W, "center")
            box = name.get_rect(midtop=(x, y + half_width(y) + 6)).inflate(10, 2)
            pygame.draw.rect(surface, p.shadow, box, border_radius=6)
            if here:
                pygame.draw.rect(surface, p.accent, box, 2, border_radius=6)
            surface.blit(name, name.get_rect(center=box.center))
        x, y = traveller_pos
        if vehicle:
            _car(surface, (x, y), p)
        else:
            pygame.draw.circle(surface, p.accent, (int(x), int(y)), 18)
            pygame.draw.circle(surface, p.text, (int(x), int(y)), 18, 3)


def _arrow(surface: pygame.Surface, at: tuple[int, int], direction: int, colour) -> None:
    x, y = at
    pygame.draw.line(surface, colour, (x - 30 * direction, y), (x + 20 * direction, y), 4)
    pygame.draw.polygon(surface, colour, [(x + 30 * direction, y), (x + 14 * direction, y - 10), (x + 14 * direction, y + 10)])


def _car(surface: pygame.Surface, at: tuple[float, float], p: theme.Palette) -> None:
    x, y = int(at[0]), int(at[1])
    body = pygame.Rect(0, 0, 120, 60)
    body.center = (x, y)
    pygame.draw.rect(surface, p.shadow, body.move(4, 5), border_radius=16)
    pygame.draw.rect(surface, p.accent, body, border_radius=16)
    pygame.draw.rect(surface, p.text, body, 3, border_radius=16)
    pygame.draw.rect(surface, (60, 90, 130), (body.right - 42, body.top + 8, 20, body.h - 16), border_radius=5)
    pygame.draw.rect(surface, (60, 90, 130), (body.left + 14, body.top + 10, 16, body.h - 20), border_radius=5)


def _equipment(surface: pygame.Surface, kind: str, at: tuple[int, int], p: theme.Palette) -> None:
    """A small top-down drawing of what stands at a station."""
    x, y = at
    if kind == "rpm":
        for dy in (-ROAD_HALF - 14, ROAD_HALF + 2):
            pygame.draw.rect(surface, (220, 222, 228), (x - 16, y + dy, 32, 14), border_radius=4)
            pygame.draw.rect(surface, p.shadow, (x - 16, y + dy, 32, 14), 2, border_radius=4)
    elif kind in ("plate", "face", "scan"):
        edge = y - half_width(y)
        beam = pygame.Surface((120, 2 * half_width(y)), pygame.SRCALPHA)
        pygame.draw.polygon(beam, (255, 236, 160, 90), [(60, 0), (0, beam.get_height()), (120, beam.get_height())])
        surface.blit(beam, (x - 60 - 50, edge))
        pygame.draw.rect(surface, (225, 228, 234), (x - 64, edge - 10, 28, 16), border_radius=4)
        pygame.draw.rect(surface, p.shadow, (x - 64, edge - 10, 28, 16), 2, border_radius=4)
    elif kind == "booth":
        booth = pygame.Rect(x + 40, y + ROAD_HALF - 34, 52, 40)
        pygame.draw.rect(surface, p.building, booth, border_radius=6)
        pygame.draw.rect(surface, p.text, booth, 2, border_radius=6)
    elif kind == "queue" and y != PED_Y:
        direction = 1 if x < theme.CANVAS[0] // 2 else -1
        for i in range(2):
            car = pygame.Rect(0, 0, 64, 44)
            car.center = (x - direction * (190 + i * 80), y)
            pygame.draw.rect(surface, p.muted, car, border_radius=10)


def ease(t: float) -> float:
    """Smooth start and stop for movement between stations."""
    t = min(max(t, 0.0), 1.0)
    return 0.5 - 0.5 * math.cos(math.pi * t)
