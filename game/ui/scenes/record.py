"""Painters for the pieces the lane and the outcome share (game.story.views.crossing says what they hold):
a status badge's shape, a shot's framed face, and the score scale. Each draws inside the rectangle the
layout gave its item; the words beside them are items the layout measured.
"""
from __future__ import annotations

from typing import Callable

import pygame

from game.story.screen import Item

from .. import draw
from ..layout import Flow
from ..scene import Context

Painter = Callable[[pygame.Surface, pygame.Rect, Item], None]


def paint_status(surface: pygame.Surface, ctx: Context, rect: pygame.Rect, item: Item) -> None:
    """A badge's shape, so a status never rests on colour: a tick for ok, a triangle for alert, a circle
    with a stroke for information."""
    p = ctx.palette
    status = item.data["status"]
    colour = {"ok": p.good, "alert": p.bad}.get(status, p.muted)
    size = min(rect.w, rect.h)
    cx, cy, r = rect.x + size // 2, rect.y + size // 2, size // 2 - 2
    width = max(3, size // 10)
    if status == "ok":
        pygame.draw.circle(surface, p.shadow, (cx, cy), r)
        pygame.draw.lines(surface, colour, False, [(cx - r * 11 // 20, cy), (cx - r // 7, cy + r * 9 // 20),
                                                   (cx + r * 12 // 20, cy - r * 9 // 20)], width + 1)
    elif status == "alert":
        pygame.draw.polygon(surface, colour, [(cx, cy - r), (cx + r, cy + r * 4 // 5), (cx - r, cy + r * 4 // 5)], width)
        pygame.draw.line(surface, colour, (cx, cy - r // 3), (cx, cy + r // 4), width)
    else:
        pygame.draw.circle(surface, colour, (cx, cy), r, width)
        pygame.draw.line(surface, colour, (cx, cy - r // 8), (cx, cy + r // 2), width)
        pygame.draw.circle(surface, colour, (cx, cy - r * 2 // 5), max(2, width // 2 + 1))


def paint_shot(surface: pygame.Surface, ctx: Context, rect: pygame.Rect, item: Item) -> None:
    """One person's face as the camera got it: framed by whether the image is usable, blurred and crossed
    out when no image was taken."""
    p = ctx.palette
    data = item.data
    size = min(rect.w, rect.h)
    portrait = pygame.Rect(rect.x, rect.y, size, size)
    pygame.draw.rect(surface, p.background, portrait, border_radius=8)
    draw.face(surface, portrait.inflate(-8, -8), data["face"], data["behaviour"], blur=not data["captured"])
    pygame.draw.rect(surface, p.good if data["usable"] else p.bad, portrait, 4, border_radius=8)
    if not data["captured"]:
        pygame.draw.line(surface, p.bad, portrait.topleft, portrait.bottomright, 4)


def paint_scale(surface: pygame.Surface, ctx: Context, rect: pygame.Rect, item: Item) -> None:
    """Every score on one scale, with its ends, the threshold and the match and no-match sides labelled."""
    data, say = item.data, Flow(ctx).say
    labels = draw.ScaleLabels(data["low"], data["high"], say(data["threshold_words"]), say(data["no_match"]),
                              say(data["match"]))
    draw.score_bar(surface, ctx, rect, data["threshold"], list(data["marks"]), labels, data["lo"], data["hi"])


def painters(ctx: Context) -> dict[str, Painter]:
    """The painters a crossing's screens name in their items' data."""
    def bound(paint):
        return lambda surface, rect, item: paint(surface, ctx, rect, item)
    return {"status": bound(paint_status), "shot": bound(paint_shot), "scale": bound(paint_scale)}

