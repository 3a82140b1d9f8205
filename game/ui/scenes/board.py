"""The oversight board: one question at a time, with voices on more than one side, and the
consequences of the current answer shown at once, for the port's year and for the travellers met.
"""
from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.sim.port import HORIZONS
from game.story import assumptions, cite
from game.story.board import BEYOND_FIGURES, FIGURE_HORIZON, figures
from game.story.labels import choice_values

from .. import draw, theme
from ..scene import Button, Context, Scene
from . import registry
from .common import MARGIN, bottom_y, button_row
from .numbers import count, filled
from .record import duration

LEFT_W = 560                      # column A: the options
VOICES_X, VOICES_W = MARGIN + LEFT_W + 30, 540   # column B: the voices
RIGHT_X = VOICES_X + VOICES_W + 30              # column C: the consequences
PAGE_W = 1720


class BoardScene(Scene):
    """Question `index` of the board. Choosing an option re-runs the model at once."""

    name = "board"

    def __init__(self, ctx: Context, index: int | None = None, standalone: bool = False):
        super().__init__(ctx)
        questions = ctx.content.questions
        self.index = index if index is not None else next(
            (i for i, q in enumerate(questions.values()) if q.kind == "choice"), 0)
        self.standalone = standalone  # opened from the sandbox: one question, then back
        self.words = draw.Layer()
        self.question_ids = list(ctx.content.questions)
        self.world = ctx.world
        self.board = ctx.run.board_state(self.world)

    @property
    def question(self):
        return self.ctx.content.questions[self.question_ids[self.index]]

    def layout(self) -> None:
        ctx = self.ctx
        q = self.question
        self.buttons = []
        y = self.options_top()
        chosen = self.board.decisions[q.id]
        for i, option in enumerate(q.options):
            label = filled(ctx, option.label, choice_values(self.world.model, option.set))
            height = max(theme.MIN_TARGET, ctx.text.render(label, theme.SIZE["body"], (0, 0, 0), "semibold",
                                                           LEFT_W - 40).get_height() + 28)
            self.buttons.append(Button(f"option:{i}", pygame.Rect(MARGIN, y, LEFT_W, height), label,
                                       self._chooser(i), primary=i == chosen))
            y += height + 16
        last = self.index == len(self.question_ids) - 1
        if self.standalone:
            specs = [("done", ctx.t("sandbox.done"), self.ctx.stack.pop, True)]
        else:
            specs = [("next", ctx.t("board.to_record" if last else "board.next"), self.next, True),
                     ("previous", ctx.t("board.previous"), self.previous, False)]
        specs.append(("info", ctx.t("common.how_do_we_know"), self.show_sources, False))
        if self.question.kind == "threshold_lab" or self.voices_shown() < len(q.voices):
            specs.append(("voices", ctx.t("board.voices"), self.show_voices, False))
        self.buttons += button_row(ctx, specs, bottom_y(ctx))
        self.focus = chosen

    def options_top(self) -> int:
        ctx = self.ctx
        title = ctx.text.render(ctx.t(self.question.title), theme.SIZE["heading"], (0, 0, 0), "bold", PAGE_W)
        prompt = ctx.text.render(ctx.t(self.question.prompt), theme.SIZE["body"], (0, 0, 0), "regular", PAGE_W)
        return 70 + title.get_height() + 12 + prompt.get_height() + 28

    def _chooser(self, i: int):
        def choose() -> None:
            self.board.decisions[self.question.id] = i
            self.layout()
            self.focus = i
        return choose

    def next(self) -> None:
        if self.index == len(self.question_ids) - 1:
            self.ctx.stack.replace(registry.make_scene("record", self.ctx))
        else:
            self.ctx.stack.replace(registry.make_scene(self._scene_for(self.index + 1), self.ctx, index=self.index + 1))

    def previous(self) -> None:
        if self.index == 0:
            self.ctx.stack.pop()
        else:
            self.ctx.stack.replace(registry.make_scene(self._scene_for(self.index - 1), self.ctx, index=self.index - 1))

    def back(self) -> None:
        if self.standalone:
            self.ctx.stack.pop()
        else:
            self.previous()

    def show_voices(self) -> None:
        self.ctx.stack.push(registry.make_scene("voices", self.ctx, question=self.question.id))

    def _scene_for(self, index: int) -> str:
        kind = self.ctx.content.questions[self.question_ids[index]].kind
        return "lab" if kind == "threshold_lab" else "board"

    def show_sources(self) -> None:
        facts = [*self.question.facts, *figure_facts(self.ctx, self.question.figures)]
        self.ctx.stack.push(registry.make_scene("source", self.ctx, facts=list(dict.fromkeys(facts)),
                                                assumptions=assumptions.question(self.world.model, self.question)))

    # -- drawing ---------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """The words of the question (title, prompt, voices) are drawn once and reused; buttons, the
        model's numbers and the lab's threshold are drawn on top every frame."""
        ctx = self.ctx
        self.words.blit(surface, (id(ctx.palette), ctx.text.scale, ctx.run.prefs.language, self.index),
                        self.draw_static)
        top = self.options_top()
        draw.buttons(surface, self)
        self.draw_dynamic(surface, top)
        self.draw_consequences(surface, pygame.Rect(RIGHT_X, top, theme.CANVAS[0] - RIGHT_X - 40,
                                                    bottom_y(ctx) - top - 24))

    def draw_static(self, surface: pygame.Surface) -> None:
        ctx, p = self.ctx, self.ctx.palette
        surface.fill(p.background)
        step = ctx.t("board.step", n=self.index + 1, total=len(self.question_ids))
        draw.text_block(surface, ctx, step, (MARGIN, 40), 800, "small", p.accent, "semibold")
        y = draw.text_block(surface, ctx, ctx.t(self.question.title), (MARGIN, 70), PAGE_W, "heading", weight="bold")
        draw.text_block(surface, ctx, ctx.t(self.question.prompt), (MARGIN, y + 12), PAGE_W, "body", p.muted)
        self.draw_left(surface, self.options_top())

    def draw_dynamic(self, surface: pygame.Surface, top: int) -> None:
        """Parts that move between decisions (the lab's threshold); the board has none."""

    def draw_left(self, surface: pygame.Surface, top: int) -> None:
        """Column B: the voices (the options in column A are buttons)."""
        self.draw_voices(surface, self.voices_rect())

    def voices_rect(self) -> pygame.Rect:
        top = self.options_top()
        return pygame.Rect(VOICES_X, top, VOICES_W, bottom_y(self.ctx) - top - 24)

    def _voice_images(self, width: int) -> list[tuple[pygame.Surface, pygame.Surface | None]]:
        """Each voice as reported speech (never in quotation marks), and its source line where the words
        do not already name it."""
        ctx, p = self.ctx, self.ctx.palette
        images = []
        for voice in self.question.voices:
            words = ctx.text.render(cite.voice_text(ctx.t, ctx.content.sources, voice), theme.SIZE["small"], p.text,
                                    "regular", width)
            source = attribution(ctx, voice)
            images.append((words, ctx.text.render(source, theme.SIZE["small"], p.muted, "italic", width)
                           if source else None))
        return images

    def voices_shown(self) -> int:
        """How many voices fit whole in the column; the rest are read in 'What people have said'."""
        rect, ctx = self.voices_rect(), self.ctx
        y = rect.y + ctx.text.line_height(theme.SIZE["body"], "semibold")
        room = rect.bottom - ctx.text.line_height(theme.SIZE["small"]) - 8  # keep a line for "n more"
        images = self._voice_images(rect.w - 22)
        for shown, (words, source) in enumerate(images):
            y += 8 + words.get_height() + (2 + source.get_height() if source else 0) + 6
            if y > (rect.bottom if shown == len(images) - 1 else room):
                return shown
        return len(images)

    def draw_voices(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """The voices that fit whole, each with a bar beside it; then how many more there are."""
        ctx, p = self.ctx, self.ctx.palette
        clip = surface.get_clip()
        surface.set_clip(rect)
        y = draw.text_block(surface, ctx, ctx.t("board.voices"), rect.topleft, rect.w, "body", p.accent, "semibold")
        images = self._voice_images(rect.w - 22)
        shown = self.voices_shown()
        for words, source in images[:shown]:
            top = y + 8
            surface.blit(words, (rect.x + 22, top))
            y = top + words.get_height()
            if source:
                surface.blit(source, (rect.x + 22, y + 2))
                y += 2 + source.get_height()
            pygame.draw.rect(surface, p.panel_edge, (rect.x, top + 2, 6, y - top - 2))
            y += 6
        if shown < len(images):
            draw.text_block(surface, ctx, ctx.t("voices.more" if shown else "voices.all", n=len(images) - shown),
                            (rect.x + 22, y + 8), rect.w - 22, "small", p.muted, "italic")
        surface.set_clip(clip)

    def draw_consequences(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        mine = self.board.policy(self.world.model, self.ctx.content.questions)
        draw_consequences(surface, self.ctx, mine, rect, tuple(self.question.figures))


def attribution(ctx: Context, voice) -> str:
    """The short line under a voice: its source, or nothing when the reported speech already names it
    (the words say who spoke, their role, the outlet and when)."""
    return cite.voice_source(ctx.t, ctx.content.sources, voice)


def figure_facts(ctx: Context, figure_ids) -> list[str]:
    """The facts the given consequences rest on, in order, once each."""
    table = ctx.content.files["questions.yaml"].figure_facts
    return list(dict.fromkeys(fact for fid in figure_ids for fact in table.get(fid, ())))


def figure_label(ctx: Context, fid: str) -> str:
    if fid in FIGURE_HORIZON:
        return ctx.t("figure.photos_after", duration=duration(ctx, HORIZONS[FIGURE_HORIZON[fid]]))
    return ctx.t(f"figure.{fid}")


@dataclass(frozen=True)
class Row:
    label: str
    before: str   # under today's policy, as shown
    after: str    # under the player's policy, as shown
    rising: bool


def consequence_rows(ctx: Context, mine, figure_ids: tuple[str, ...]) -> list[Row]:
    """Each figure's label and its value today and under `mine`, formatted as the player reads them."""
    before, after = figures(ctx.world.year(ctx.world.default_policy)), figures(ctx.world.year(mine))
    return [Row(figure_label(ctx, fid), count(ctx, before[fid]), count(ctx, after[fid]), after[fid] > before[fid])
            for fid in figure_ids]


def draw_consequences(surface: pygame.Surface, ctx: Context, mine, rect: pygame.Rect,
                      figure_ids: tuple[str, ...], travellers: bool = True) -> None:
    """Today's policy beside the player's: the year at the port, then the travellers met."""
    p, world = ctx.palette, ctx.world
    draw.panel(surface, rect, ctx)
    clip = surface.get_clip()
    surface.set_clip(rect.inflate(-6, -6))
    today = world.default_policy
    x = rect.x + 24
    rows = consequence_rows(ctx, mine, figure_ids)
    has_year = any(fid not in BEYOND_FIGURES for fid in figure_ids)
    heading = "board.year_heading" if has_year else "board.beyond_heading"
    y = draw.text_block(surface, ctx, ctx.t(heading), (x, rect.y + 16), rect.w - 48, "large", weight="bold")
    headers = (ctx.t("board.today"), ctx.t("board.yours"))
    col_w = 16 + max(ctx.text.font(theme.SIZE["small"], "bold").size(text)[0]
                     for text in [*headers, *(r.before for r in rows), *(r.after for r in rows)])
    col_today, col_mine = rect.right - 24 - 2 * col_w, rect.right - 24 - col_w
    for label, cx in zip(headers, (col_today, col_mine)):
        image = ctx.text.render(label, theme.SIZE["small"], p.muted, "semibold", col_w, "right")
        surface.blit(image, (cx + col_w - image.get_width(), y + 4))
    y += 40
    stacked = col_today - x - 10 < 240  # large text: the label on its own line, the numbers under it
    year_rows = [r for fid, r in zip(figure_ids, rows) if fid not in BEYOND_FIGURES]
    beyond_rows = [r for fid, r in zip(figure_ids, rows) if fid in BEYOND_FIGURES]
    for row in year_rows:
        y = _draw_row(surface, ctx, row, x, y, rect, col_today, col_mine, col_w, stacked)
    if beyond_rows and has_year:  # not a year at the port: their own heading says what they count
        y = draw.text_block(surface, ctx, ctx.t("board.beyond_heading"), (x, y + 14), rect.w - 48, "body",
                            weight="bold") + 6
        for row in beyond_rows:
            y = _draw_row(surface, ctx, row, x, y, rect, col_today, col_mine, col_w, stacked)
    if not travellers:
        surface.set_clip(clip)
        return
    y = draw.text_block(surface, ctx, ctx.t("board.travellers_heading"), (x, y + 14), rect.w - 48, "body",
                        p.accent, "semibold") + 6
    met = ctx.run.met or list(ctx.content.travellers)[:1]
    line_h = ctx.text.line_height(theme.SIZE["small"])
    for shown, traveller_id in enumerate(met):
        if y + 2 * line_h > rect.bottom - 8 and shown < len(met):
            draw.text_block(surface, ctx, ctx.t("board.more", n=len(met) - shown), (x, y + 4), rect.w - 48, "small",
                            p.muted)
            break
        then = world.crossing(traveller_id, today)
        now = world.crossing(traveller_id, mine)
        same = then.summary == now.summary
        line = ctx.t("board.traveller_same" if same else "board.traveller_line",
                     name=ctx.t(ctx.content.travellers[traveller_id].name),
                     before=ctx.t(then.summary), after=ctx.t(now.summary))
        y = draw.text_block(surface, ctx, line, (x, y + 4), rect.w - 48, "small", p.text if same else p.accent,
                            "regular" if same else "semibold")
    surface.set_clip(clip)


def _draw_row(surface: pygame.Surface, ctx: Context, row: Row, x: int, y: int, rect: pygame.Rect, col_today: int,
              col_mine: int, col_w: int, stacked: bool) -> int:
    """One consequence: its label, today's figure and the player's; a changed row is marked by an arrow."""
    p = ctx.palette
    changed = row.before != row.after
    label = ctx.text.render(row.label, theme.SIZE["small"], p.text, "regular",
                            rect.w - 48 if stacked else col_today - x - 10)
    values_y = y + label.get_height() if stacked else y
    value_h = ctx.text.line_height(theme.SIZE["small"], "bold")
    row_h = (label.get_height() + value_h if stacked else max(label.get_height(), value_h)) + 6
    if changed:
        pygame.draw.rect(surface, p.background, (rect.x + 8, y - 2, rect.w - 16, row_h), border_radius=8)
    surface.blit(label, (x, y))
    for value, cx, weight in ((row.before, col_today, "regular"), (row.after, col_mine, "bold")):
        image = ctx.text.render(value, theme.SIZE["small"], p.accent if changed and weight == "bold" else p.text, weight)
        surface.blit(image, (cx + col_w - image.get_width(), values_y))
    if changed:  # an arrow says which way it moved, so the change does not rest on colour
        ax, ay, up = col_mine + 4, values_y + 15, row.rising
        tip, base = (ay - 9, ay + 7) if up else (ay + 9, ay - 7)
        pygame.draw.polygon(surface, p.accent, [(ax, tip), (ax - 8, base), (ax + 8, base)])
    return y + row_h
