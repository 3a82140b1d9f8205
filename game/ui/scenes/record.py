"""Shared pieces of the lane and the outcome: status badges, camera shots, and the record panel."""
from __future__ import annotations

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


def draw_shots(surface: pygame.Surface, ctx: Context, shots: tuple[Shot, ...], threshold: float | None,
               rect: pygame.Rect) -> None:
    """What the cameras got, one person a row: the face framed, the result in words, the score on a scale."""
    p = ctx.palette
    if not shots:
        return
    row_h = min(rect.h // len(shots), 170)
    size = row_h - 10
    stacked = row_h >= 150  # room to put the score scale under the words, full width
    text_w = rect.w - size - 14 if stacked else max(180, int((rect.w - size) * 0.42))
    clip = surface.get_clip()
    for i, shot in enumerate(shots):
        top = rect.y + i * row_h
        surface.set_clip(pygame.Rect(rect.x, top, rect.w, row_h).clip(clip) if clip else None)
        portrait = pygame.Rect(rect.x, top, size, size)
        pygame.draw.rect(surface, p.background, portrait, border_radius=8)
        draw.face(surface, portrait.inflate(-8, -8), shot.face, shot.behaviour, blur=not shot.captured)
        usable = shot.captured and shot.quality_ok
        frame = p.good if usable else p.bad
        pygame.draw.rect(surface, frame, portrait, 4, border_radius=8)
        if not shot.captured:
            pygame.draw.line(surface, p.bad, portrait.topleft, portrait.bottomright, 4)
        x = portrait.right + 14
        result = "shot.captured" if usable else ("shot.poor_quality" if shot.captured else "shot.missed")
        y = draw.text_block(surface, ctx, ctx.t(shot.who), (x, top), text_w, "small", weight="bold")
        words = ctx.t(result) + (f" · {ctx.t(shot.cause)}" if shot.cause else "")
        y = draw.text_block(surface, ctx, words, (x, y), text_w, "small", frame if usable else p.text)
        if shot.score is not None and threshold is not None:
            if stacked:
                bar = pygame.Rect(x + 10, max(y + 50, top + size - 30), rect.right - x - 30, 16)
            else:
                bar_x = x + text_w + 16
                bar = pygame.Rect(bar_x, top + size // 2 + 4, rect.right - bar_x - 20, 16)
            word = ctx.t("shot.match" if shot.matched else "shot.no_match")
            draw.score_bar(surface, ctx, bar, shot.score, threshold,
                           labels=("", "", ctx.t("shot.score", score=f"{shot.score:.1f}", result=word)))
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
        if ctx.world.model.records.retentions[line.retention].hours.source:  # a sourced end date counts down
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
