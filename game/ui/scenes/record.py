"""Shared pieces of the lane and the outcome: status badges, camera shots, and the record panel."""
from __future__ import annotations

from typing import NamedTuple

import pygame

from game.story.crossing import RecordLine, Shot
from game.sim.policy import retention_values

from .. import draw, theme
from ..scene import Context
from .numbers import count, filled

HOURS_PER_DAY, HOURS_PER_WEEK, HOURS_PER_YEAR = 24, 24 * 7, 24 * 365


def duration(ctx: Context, hours: float) -> str:
    """A length of time in words: hours, days, weeks or years, as the size suits, singular for one."""
    for unit, size in (("years", HOURS_PER_YEAR), ("weeks", HOURS_PER_WEEK), ("days", HOURS_PER_DAY), ("hours", 1)):
        n = hours / size
        if hours >= size and n == round(n):
            return ctx.t(f"record.{unit}{'_one' if n == 1 else ''}", n=count(ctx, n))
    return ctx.t("record.hours", n=count(ctx, hours))


def draw_status(surface: pygame.Surface, ctx: Context, status: str, label: str, top_right: tuple[int, int]) -> None:
    """A badge with a shape and a word: a tick for ok, a triangle for alert, a circle for information."""
    p = ctx.palette
    colour = {"ok": p.good, "alert": p.bad}.get(status, p.muted)
    image = ctx.text.render(label, theme.SIZE["body"], colour, "bold")
    x, y = top_right
    rect = pygame.Rect(0, 0, image.get_width() + 70, max(48, image.get_height() + 8))
    rect.topright = (x, y)
    pygame.draw.rect(surface, p.shadow, rect, border_radius=24)
    pygame.draw.rect(surface, colour, rect, 3, border_radius=24)
    cx, cy = rect.left + 28, rect.centery
    if status == "ok":
        pygame.draw.lines(surface, colour, False, [(cx - 11, cy), (cx - 3, cy + 9), (cx + 12, cy - 9)], 5)
    elif status == "alert":
        pygame.draw.polygon(surface, colour, [(cx, cy - 14), (cx + 14, cy + 12), (cx - 14, cy + 12)], 4)
        pygame.draw.line(surface, colour, (cx, cy - 4), (cx, cy + 4), 3)
    else:
        pygame.draw.circle(surface, colour, (cx, cy), 13, 3)
        pygame.draw.line(surface, colour, (cx, cy - 2), (cx, cy + 7), 3)
    surface.blit(image, (rect.left + 50, rect.centery - image.get_height() // 2))


FACES, FACE_GAP = (160, 128, 96, 72, 56, 40), 12  # a row's face sizes, largest first, and the gap after it
SCALE_LO, SCALE_HI = -2.0, 10.0  # the matcher's similarity scores run roughly between these
SCALE_GAP = 6  # between the rows and the scale
BESIDE_MIN_W = 900  # a panel this wide can hold the scale beside the rows


def _decimal(ctx: Context, value: float, places: int) -> str:
    """A score as the player's language writes decimals (the separator numbers.py uses)."""
    return f"{round(value, places) + 0.0:.{places}f}".replace(".", ctx.t("numbers.decimal"))


def _shot_words(ctx: Context, shot: Shot, score: str | None, scale: dict[str, str] | None,
                brief: bool = False) -> tuple[str, tuple]:
    """The row's result in words and its colour: the image, then why it failed or what the match said
    (with the scale and threshold spelled out when no scale is drawn; `brief` leaves out 'usable image'
    where a score already says so)."""
    p = ctx.palette
    usable = shot.captured and shot.quality_ok
    parts = [] if brief and score is not None else \
        [ctx.t("shot.captured" if usable else ("shot.poor_quality" if shot.captured else "shot.missed"))]
    if shot.cause:  # e.g. no camera, a hat; or "No match: the document's photo is missing from the gallery"
        parts.append(ctx.t(shot.cause))
    if score is not None:
        result = ctx.t("shot.match" if shot.matched else "shot.no_match")
        parts.append(ctx.t("shot.score_words", score=score, result=result, **scale) if scale else
                     ctx.t("shot.score", score=score, result=result))
    colour = p.text if not usable else (p.bad if shot.matched is False else p.good)
    return " · ".join(parts), colour


def _rows(ctx: Context, shots: tuple[Shot, ...], words: list[tuple[str, tuple]], width: int, face: int) -> list[int]:
    """Each row's height: its face, or its name and words beside the face if they are taller."""
    small, text, w = theme.SIZE["small"], ctx.palette.text, width - face - FACE_GAP
    return [max(face + 10, ctx.text.render(ctx.t(shot.who), small, text, "bold", w).get_height() +
                ctx.text.render(said, small, colour, "regular", w).get_height())
            for shot, (said, colour) in zip(shots, words)]


class _Plan(NamedTuple):
    place: str                      # where the scale goes: "below" or "beside" the rows, or "words" (not drawn)
    words: list[tuple[str, tuple]]  # each row's result in words, and its colour
    face: int
    rows: list[int]                 # the height of each row shown: all, unless there is too little room
    width: int                      # the rows' width


def _plan(ctx: Context, shots: tuple[Shot, ...], scores: list[str | None], in_words: dict[str, str],
          rect: pygame.Rect) -> _Plan:
    """The scale below the rows if there is room, else beside them on a wide panel, then the same with
    fewer words; failing all, no scale but the scale said in words. Each with the largest face that fits.
    If none fits, the one that shows the most whole rows, leaving a line to count the rest; only a lone row
    that cannot fit whole is cut."""
    options = [("below", False), ("beside", False), ("below", True), ("beside", True), ("words", False)]
    line, most = ctx.text.line_height(theme.SIZE["small"]), None  # most: (rank, plan) showing the most
    for place, brief in options if any(scores) else options[:1]:
        if place == "beside" and rect.w < BESIDE_MIN_W:
            continue
        width = rect.w // 2 - SCALE_GAP if place == "beside" else rect.w
        height = rect.h - (draw.score_bar_height(ctx) + SCALE_GAP if place == "below" and any(scores) else 0)
        words = [_shot_words(ctx, s, score, in_words if place == "words" else None, brief)
                 for s, score in zip(shots, scores)]
        for face in FACES:
            rows = _rows(ctx, shots, words, width, face)
            if sum(rows) <= height:
                return _Plan(place, words, face, rows, width)
        shown = max(1, sum(1 for k in range(1, len(rows) + 1) if sum(rows[:k]) + line <= height))  # one, if cut
        rank = (shown, rect.h - sum(rows[:shown]))  # the most rows; then the least cut (the scale may go)
        if most is None or rank > most[0]:
            most = (rank, _Plan(place, words, face, rows[:shown], width))
    return most[1]


def _draw_row(surface: pygame.Surface, ctx: Context, shot: Shot, words: tuple[str, tuple], face: int,
              rect: pygame.Rect) -> None:
    """One person: the face, framed by whether the image is usable and crossed out if none was taken;
    the name; the result in words."""
    p = ctx.palette
    portrait = pygame.Rect(rect.x, rect.y, face, face)
    pygame.draw.rect(surface, p.background, portrait, border_radius=8)
    draw.face(surface, portrait.inflate(-8, -8), shot.face, shot.behaviour, blur=not shot.captured)
    pygame.draw.rect(surface, p.good if shot.captured and shot.quality_ok else p.bad, portrait, 4, border_radius=8)
    if not shot.captured:
        pygame.draw.line(surface, p.bad, portrait.topleft, portrait.bottomright, 4)
    x, width = portrait.right + FACE_GAP, rect.right - portrait.right - FACE_GAP
    y = draw.text_block(surface, ctx, ctx.t(shot.who), (x, rect.y), width, "small", weight="bold")
    draw.text_block(surface, ctx, words[0], (x, y), width, "small", words[1])


def draw_shots(surface: pygame.Surface, ctx: Context, shots: tuple[Shot, ...], threshold: float | None,
               rect: pygame.Rect) -> None:
    """What the cameras got, one person a row: the face and the result in words. Every score also sits on one
    shared scale, with its ends, the threshold and the match and no-match sides labelled, because a bare
    number means nothing to a student; where there is no room for the scale, it is said in words."""
    if not shots:
        return
    values = [s.score if threshold is not None else None for s in shots]
    places = 2 if any(v is not None and f"{v:.1f}" == f"{threshold:.1f}" for v in values) else 1  # not 4.3 vs 4.3
    scores = [None if v is None else _decimal(ctx, v, places) for v in values]
    low, high = count(ctx, SCALE_LO), count(ctx, SCALE_HI)
    said = None if threshold is None else _decimal(ctx, threshold, places)
    plan = _plan(ctx, shots, scores, {"threshold": said, "low": low, "high": high}, rect)
    top, clip = rect.y, surface.get_clip()
    surface.set_clip(rect.clip(clip) if clip else rect)
    for shot, words, row_h in zip(shots, plan.words, plan.rows):
        _draw_row(surface, ctx, shot, words, plan.face, pygame.Rect(rect.x, top, plan.width, row_h))
        top += row_h
    if len(plan.rows) < len(shots):  # too little room for everyone (large text): say so rather than cut a row
        top = draw.text_block(surface, ctx, ctx.t("shot.more", n=count(ctx, len(shots) - len(plan.rows))),
                              (rect.x, top), plan.width, "small", ctx.palette.muted)
    scores = scores[:len(plan.rows)]  # only the people shown are marked on the scale
    h = draw.score_bar_height(ctx)
    scale = pygame.Rect(rect.x, top + SCALE_GAP, rect.w, h) if plan.place == "below" else \
        pygame.Rect(rect.centerx + SCALE_GAP, rect.y + max(0, (top - rect.y - h) // 2), rect.w // 2 - SCALE_GAP, h)
    if any(scores) and plan.place != "words" and rect.contains(scale):  # not for a lone row cut short
        labels = draw.ScaleLabels(low, high, ctx.t("shot.threshold", score=said), ctx.t("shot.no_match_side"),
                                  ctx.t("shot.match_side"))
        marks = [(v, score) for v, score in zip(values, scores) if score is not None]
        draw.score_bar(surface, ctx, scale, threshold, marks, labels, SCALE_LO, SCALE_HI)
    surface.set_clip(clip)


def time_left(ctx: Context, seconds: float) -> str:
    """What is left of a retention period, counting down: h:mm:ss within a day, then days or years."""
    if seconds <= 0:
        return ctx.t("record.deleted")
    if seconds >= 2 * 3600 * HOURS_PER_YEAR:
        return ctx.t("record.left", time=ctx.t("record.years", n=count(ctx, int(seconds / 3600 / HOURS_PER_YEAR))))
    days, rest = divmod(int(seconds), 86400)
    clock = f"{rest // 3600}:{rest % 3600 // 60:02d}:{rest % 60:02d}"
    if days:
        clock = ctx.t("record.days_clock", n=count(ctx, days), clock=clock)
    return ctx.t("record.left", time=clock)


def draw_record(surface: pygame.Surface, ctx: Context, records: tuple[RecordLine, ...], rect: pygame.Rect,
                elapsed_seconds: float = 0.0) -> None:
    """The record that follows the traveller: each system, what it holds, how long (counting down from
    the moment of the crossing, `elapsed_seconds` ago), and who may read it."""
    p = ctx.palette
    draw.panel(surface, rect, ctx)
    clip = surface.get_clip()
    surface.set_clip(rect.inflate(-6, -6))
    y = draw.text_block(surface, ctx, ctx.t("record.heading"), (rect.x + 24, rect.y + 16), rect.w - 48, "large",
                        weight="bold") + 6
    if not records:
        draw.text_block(surface, ctx, ctx.t("record.empty"), (rect.x + 24, y), rect.w - 48, "small", p.muted)
    width = rect.w - 48
    for shown, line in enumerate(records):
        what = ctx.t(line.what)
        if line.people:
            what = ctx.t("record.about", what=what, people=", ".join(ctx.t(name) for name in line.people))
        kept = filled(ctx, line.retention_label, retention_values(ctx.world.model, line.retention))
        stated = ctx.world.model.records.retentions[line.retention].hours
        if stated is not None and stated.source:  # a sourced end date counts down; no date, no countdown
            kept = f"{kept} ({time_left(ctx, line.retention_hours * 3600 - elapsed_seconds)})"
        readers = ctx.t("record.readers", readers="; ".join(ctx.t(r) for r in line.readers))
        blocks = [(ctx.t(line.system), p.accent, "semibold"), (what, p.text, "regular"),
                  (f"{kept} · {readers}", p.muted, "regular")]
        images = [ctx.text.render(text, theme.SIZE["small"], colour, weight, width) for text, colour, weight in blocks]
        height = sum(image.get_height() for image in images) + 8
        more = len(records) - shown
        if shown and y + height > rect.bottom - 10:
            text = ctx.t("record.more_one") if more == 1 else ctx.t("record.more", n=more)
            draw.text_block(surface, ctx, text, (rect.x + 24, y + 4), width, "small",
                            p.text, "italic")
            break
        y += 8
        for image in images:
            surface.blit(image, (rect.x + 24, y))
            y += image.get_height()
    surface.set_clip(clip)
