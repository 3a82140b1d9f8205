"""Painters for the pieces the lane and the outcome share (game.story.views.crossing says what they hold):
a status badge's shape, a shot's framed face, the score scale, and a record's timeline (its axis and its
bars, game.story.views.timeline). Each draws inside the rectangle the
layout gave its item; the words beside them are items the layout measured.
"""
from __future__ import annotations

import math
from typing import Callable

import pygame

from game.story.screen import Item

from .. import draw, theme
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
    draw.face(surface, portrait.inflate(-8, -8), data["face"], data["behaviour"], blur=not data["captured"],
              mood=data.get("mood"))
    pygame.draw.rect(surface, p.good if data["usable"] else p.bad, portrait, 4, border_radius=8)
    if not data["captured"]:
        pygame.draw.line(surface, p.bad, portrait.topleft, portrait.bottomright, 4)


def paint_scale(surface: pygame.Surface, ctx: Context, rect: pygame.Rect, item: Item) -> None:
    """Every score on one scale, with its ends, the threshold and the match and no-match sides labelled."""
    data, say = item.data, Flow(ctx).say
    labels = draw.ScaleLabels(data["low"], data["high"], say(data["threshold_words"]), say(data["no_match"]),
                              say(data["match"]))
    draw.score_bar(surface, ctx, rect, data["threshold"], list(data["marks"]), labels, data["lo"], data["hi"])


def _x_of(rect: pygame.Rect, span: tuple[float, float], hours: float) -> int:
    """Where `hours` after the crossing sits on a logarithmic axis spanning `rect`'s width."""
    lo, hi = (math.log10(v) for v in span)
    at = (math.log10(min(max(hours, span[0]), span[1])) - lo) / (hi - lo)
    return rect.left + round(at * (rect.w - 1))


def paint_timeline_axis(surface: pygame.Surface, ctx: Context, rect: pygame.Rect, item: Item) -> None:
    """The time axis: a line with a tick at each labelled duration, the labels taking turns above and below
    the line so that neighbours close on a logarithmic scale (15 and 75 years) never meet."""
    p, data = ctx.palette, item.data
    ticks = [(_x_of(rect, data["span"], h), label) for h, label in data["ticks"]]
    rows = [[t for i, t in enumerate(ticks) if i % 2 == side] for side in (0, 1)]
    size = theme.SIZE["small"]
    while size > 8:  # the chosen text size, smaller only if the rectangle is too small for it
        font = ctx.text.font(size, "semibold")
        wide = max(sum(font.size(label)[0] for _, label in row) + draw.LABEL_GAP * len(row) for row in rows)
        if 2 * font.get_linesize() + TICK <= rect.h and wide <= rect.w:
            break
        size -= 1
    line = ctx.text.font(size, "semibold").get_linesize()
    mid = rect.top + line + TICK // 2
    pygame.draw.line(surface, p.muted, (rect.left, mid), (rect.right - 1, mid), 2)
    for x, _ in ticks:
        pygame.draw.line(surface, p.text, (x, mid - TICK // 2), (x, mid + TICK // 2), 3)
    for side, row in enumerate(rows):
        images = [ctx.text.render(label, size, p.text, "semibold") for _, label in row]
        wanted = [(x - img.get_width() // 2, img.get_width()) for (x, _), img in zip(row, images)]
        y = rect.top if side == 0 else mid + TICK // 2
        for img, left in zip(images, draw.spread(wanted, rect.left, rect.right)):
            surface.blit(img, (left, y))


TICK = 16  # the ticks' length across the axis line


def paint_timeline_bar(surface: pygame.Surface, ctx: Context, rect: pygame.Rect, item: Item) -> None:
    """A record's life on the axis: filled from the crossing to its deletion, with a stroke where it ends;
    deleted at once, a cross at the start; with no end date, to the edge with an arrow and the words. Where
    another policy (today's) ended it elsewhere, that bar is drawn as an outline behind it."""
    p, data = ctx.palette, item.data
    span = data["span"]
    for hours in data["ticks"]:  # faint guides under the axis's ticks
        x = _x_of(rect, span, hours)
        pygame.draw.line(surface, p.panel_edge, (x, rect.top), (x, rect.bottom - 1), 2)
    pygame.draw.line(surface, p.panel_edge, (rect.left, rect.centery), (rect.right - 1, rect.centery), 2)
    body = rect.inflate(0, -max(6, rect.h // 5))
    _paint_bar(surface, ctx, rect, body, data)
    if "was" in data:  # today's bar as an outline over it: a light line edged in dark, seen on fill and ground
        was = data["was"]
        end = rect.right - 1 if was is None else _x_of(rect, span, max(was, span[0]))
        outline = pygame.Rect(rect.left, rect.top + 1, max(8, end - rect.left), rect.h - 2)
        pygame.draw.rect(surface, p.shadow, outline, 6)
        pygame.draw.rect(surface, p.text, outline.inflate(-2, -2), 2)


def _paint_bar(surface: pygame.Surface, ctx: Context, rect: pygame.Rect, body: pygame.Rect, data: dict) -> None:
    p, span = ctx.palette, data["span"]
    arrow = body.h // 2 + 4
    end = data["end"]
    if end == 0:
        cx, cy, r = rect.left + body.h // 2, rect.centery, body.h // 2 - 2
        pygame.draw.line(surface, p.accent, (cx - r, cy - r), (cx + r, cy + r), 4)
        pygame.draw.line(surface, p.accent, (cx - r, cy + r), (cx + r, cy - r), 4)
        return
    if end is None:
        tip = rect.right - 1
        pygame.draw.rect(surface, p.accent, (rect.left, body.top, tip - arrow - rect.left, body.h))
        pygame.draw.polygon(surface, p.accent, [(tip - arrow, rect.top), (tip, rect.centery), (tip - arrow, rect.bottom - 1)])
        word = Flow(ctx).say(data["open"])
        size = theme.SIZE["small"]
        while size > 8 and ctx.text.font(size, "bold").get_linesize() > body.h + 4:
            size -= 1
        image = ctx.text.render(word, size, p.accent_text, "bold")
        if image.get_width() + 2 * arrow < tip - rect.left:
            surface.blit(image, image.get_rect(midright=(tip - arrow - 8, rect.centery)))
        return
    x = max(rect.left + 4, _x_of(rect, span, end))
    pygame.draw.rect(surface, p.accent, (rect.left, body.top, x - rect.left, body.h))
    pygame.draw.line(surface, p.text, (x, rect.top), (x, rect.bottom - 1), 4)  # deleted here


def painters(ctx: Context) -> dict[str, Painter]:
    """The painters a crossing's screens name in their items' data."""
    def bound(paint):
        return lambda surface, rect, item: paint(surface, ctx, rect, item)
    return {"status": bound(paint_status), "shot": bound(paint_shot), "scale": bound(paint_scale),
            "timeline_axis": bound(paint_timeline_axis), "timeline_bar": bound(paint_timeline_bar)}

