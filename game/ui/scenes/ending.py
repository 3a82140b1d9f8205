"""The record (what the player's choices did, a decision code, prompts to discuss) and the sandbox."""
from __future__ import annotations

import pygame

from game.story import assumptions
from game.story.board import group_figures
from game.story.code import encode
from game.story.labels import choice_values

from .. import draw, theme
from ..scene import Button, Context, Scene
from . import registry
from .board import draw_consequences, figure_facts
from .common import MARGIN, bottom_y, button_row
from .numbers import count, filled

RECORD_FIGURES = ("held_in_secondary", "false_non_matches", "delay_hours", "impostors_caught", "impostors_missed",
                  "photos_years_10", "records_ice_standing", "street_false_candidates",
                  "search_false_leads")
COLUMN_W = 560


def chosen_label(ctx: Context, board, question) -> str:
    """The player's answer to a question in words, with the model's numbers filled in."""
    if question.kind == "threshold_lab" and board.threshold_score is not None:
        label = ctx.t("record.dragged", score=f"{board.threshold_score:.2f}")
    else:
        option = question.options[board.decisions[question.id]]
        label = filled(ctx, option.label, choice_values(ctx.world.model, option.set))
    if question.algorithm:  # the lab's "Which algorithm?" belongs with the threshold
        label += " · " + ctx.t(question.algorithm[board.decisions.get(f"{question.id}.algorithm", 0)].label)
    return label


class RecordScene(Scene):
    """The end screen: the player's policy, its consequences, prompts, the code, the sources."""

    name = "record"

    def __init__(self, ctx: Context):
        super().__init__(ctx)
        self.world = ctx.world
        self.board = ctx.run.board_state(self.world)
        self.page = draw.Layer()

    def code(self) -> str:
        return encode(self.ctx.content.questions, self.board.decisions, self.board.threshold_score)

    def policy(self):
        return self.board.policy(self.world.model, self.ctx.content.questions)

    def layout(self) -> None:
        ctx = self.ctx
        specs = [("sandbox", ctx.t("record.sandbox"), self.sandbox, True),
                 ("info", ctx.t("common.how_do_we_know"), self.show_facts, False),
                 ("sources", ctx.t("record.sources"), self.sources, False),
                 ("title", ctx.t("common.to_title"), self.to_title, False)]
        self.buttons = button_row(ctx, specs, bottom_y(ctx))

    def sandbox(self) -> None:
        self.ctx.stack.push(registry.make_scene("sandbox", self.ctx))

    def show_facts(self) -> None:
        facts = figure_facts(self.ctx, RECORD_FIGURES)
        self.ctx.stack.push(registry.make_scene("source", self.ctx, facts=facts,
                                                assumptions=assumptions.record_screen(self.world.model)))

    def sources(self) -> None:
        self.ctx.stack.push(registry.make_scene("sources", self.ctx))

    def to_title(self) -> None:
        game = self.ctx.services.get("game")
        if game is not None:
            game.reset()
        else:
            self.ctx.stack.reset(registry.make_scene("title", self.ctx))

    def back(self) -> None:
        self.sandbox()

    def draw(self, surface: pygame.Surface) -> None:
        """Everything but the buttons depends only on the choices (the code) and the look: drawn once."""
        ctx = self.ctx
        self.page.blit(surface, (id(ctx.palette), ctx.text.scale, ctx.run.prefs.language, self.code()),
                       self._draw_page)
        draw.buttons(surface, self)

    def _draw_page(self, surface: pygame.Surface) -> None:
        ctx, p = self.ctx, self.ctx.palette
        surface.fill(p.background)
        y = draw.text_block(surface, ctx, ctx.t("record.title"), (MARGIN, 40), 1100, "heading", weight="bold")
        self._draw_code(surface, pygame.Rect(theme.CANVAS[0] - MARGIN - 600, 24, 600, 170))
        top = max(y, 200) + 10
        column = pygame.Rect(MARGIN - 40, top, COLUMN_W, bottom_y(ctx) - top - 30)
        self._draw_policy(surface, column)
        middle = pygame.Rect(column.right + 24, top, 700, column.h)
        draw_consequences(surface, ctx, self.policy(), middle, RECORD_FIGURES)
        right = pygame.Rect(middle.right + 24, top, theme.CANVAS[0] - middle.right - 24 - 40, column.h)
        self._draw_groups_and_prompts(surface, right)

    def _draw_code(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        ctx, p = self.ctx, self.ctx.palette
        draw.panel(surface, rect, ctx)
        label = ctx.text.render(ctx.t("record.code_label"), theme.SIZE["small"], p.muted, "semibold")
        surface.blit(label, (rect.x + 24, rect.y + 12))
        code = self.code()
        spaced = f"{code[:4]} {code[4:]}"
        image = ctx.text.render(spaced, theme.SIZE["heading"], p.accent, "bold")
        surface.blit(image, (rect.x + 24, rect.y + 40))
        hint = ctx.text.render(ctx.t("record.code_hint"), theme.SIZE["small"] - 4, p.muted, "regular", rect.w - 48)
        surface.blit(hint, (rect.x + 24, rect.y + 44 + image.get_height()))

    def _draw_policy(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        ctx, p = self.ctx, self.ctx.palette
        draw.panel(surface, rect, ctx)
        clip = surface.get_clip()
        surface.set_clip(rect.inflate(-6, -6))
        y = draw.text_block(surface, ctx, ctx.t("record.your_policy"), (rect.x + 24, rect.y + 16), rect.w - 48,
                            "large", weight="bold") + 4
        for qid, question in ctx.content.questions.items():
            y = draw.text_block(surface, ctx, ctx.t(question.short), (rect.x + 24, y + 6), rect.w - 48, "small",
                                p.muted)
            y = draw.text_block(surface, ctx, chosen_label(ctx, self.board, question), (rect.x + 24, y),
                                rect.w - 48, "small", p.text, "semibold")
        surface.set_clip(clip)

    def _draw_groups_and_prompts(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        ctx, p = self.ctx, self.ctx.palette
        draw.panel(surface, rect, ctx)
        clip = surface.get_clip()
        surface.set_clip(rect.inflate(-6, -6))
        x, width = rect.x + 24, rect.w - 48
        y = draw.text_block(surface, ctx, ctx.t("record.by_group", per=count(ctx, 1e5)), (x, rect.y + 16), width,
                            "small", weight="bold") + 2
        today = group_figures(self.world.year(self.world.default_policy))
        mine = group_figures(self.world.year(self.policy()))
        for group in self.world.model.groups:
            line = ctx.t("record.group_line", group=ctx.t(self.world.model_group_label(group)),
                         before=count(ctx, today[group]["secondary_per_100k"]),
                         after=count(ctx, mine[group]["secondary_per_100k"]))
            y = draw.text_block(surface, ctx, line, (x, y + 4), width, "small")
        y = draw.text_block(surface, ctx, ctx.t("record.discuss_heading"), (x, y + 24), width, "body",
                            p.accent, "semibold")
        for prompt in ctx.content.files["questions.yaml"].discussion:
            y = draw.text_block(surface, ctx, "• " + ctx.t(prompt), (x, y + 8), width, "small")
        surface.set_clip(clip)


class SandboxScene(Scene):
    """Every decision on one screen: each button cycles its options; the consequences follow at once."""

    name = "sandbox"

    def __init__(self, ctx: Context):
        super().__init__(ctx)
        self.world = ctx.world
        self.board = ctx.run.board_state(self.world)

    def layout(self) -> None:
        ctx = self.ctx
        focus = self.focus
        self.buttons = []
        y = 200
        for qid, question in ctx.content.questions.items():
            label = chosen_label(ctx, self.board, question)
            self.buttons.append(Button(qid, pygame.Rect(MARGIN + 420, y, 520, 68), label, self._cycler(qid),
                                       size=theme.SIZE["small"]))
            y += 80
        specs = [("record", ctx.t("sandbox.done"), self.back, True),
                 ("lab", ctx.t("sandbox.lab"), self.lab, False)]
        self.buttons += button_row(ctx, specs, bottom_y(ctx))
        self.focus = min(focus, len(self.buttons) - 1)

    def _cycler(self, qid: str):
        def cycle() -> None:
            question = self.ctx.content.questions[qid]
            self.board.decisions[qid] = (self.board.decisions[qid] + 1) % len(question.options)
            if question.kind == "threshold_lab":
                self.board.threshold_score = None
            self.layout()
        return cycle

    def lab(self) -> None:
        self.ctx.stack.push(registry.make_scene("lab", self.ctx, standalone=True))

    def draw(self, surface: pygame.Surface) -> None:
        ctx, p = self.ctx, self.ctx.palette
        surface.fill(p.background)
        y = draw.text_block(surface, ctx, ctx.t("sandbox.title"), (MARGIN, 40), 1700, "heading", weight="bold")
        draw.text_block(surface, ctx, ctx.t("sandbox.intro"), (MARGIN, y + 4), 940, "small", p.muted)
        for qid, question in ctx.content.questions.items():
            button = next(b for b in self.buttons if b.key == qid)
            draw.text_block(surface, ctx, ctx.t(question.short), (MARGIN, button.rect.y + 2), 400, "small",
                            p.text)
        policy = self.board.policy(self.world.model, ctx.content.questions)
        draw_consequences(surface, ctx, policy, pygame.Rect(MARGIN + 980, 180, theme.CANVAS[0] - MARGIN - 980 - 50,
                                                            bottom_y(ctx) - 210), RECORD_FIGURES)
        draw.buttons(surface, self)
