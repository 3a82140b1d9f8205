"""The threshold lab: genuine and impostor score curves per group, a threshold to drag, and the
errors per day at the port, overall and by group, recomputed by the model as the line moves.

Drag with mouse or touch; with keys or a gamepad, focus the chart and press left or right.
"""
from __future__ import annotations

import math

import pygame

from game.sim import genuine_curve, impostor_curve, policy_threshold
from game.story.code import THRESHOLD_LOW, THRESHOLD_STEP, THRESHOLD_STEPS
from game.story.labels import choice_values

from .. import draw, input as I, theme
from ..scene import Button, Context
from .board import VOICES_W, VOICES_X, BoardScene, draw_consequences
from .common import MARGIN, bottom_y
from .numbers import count, filled, one_in

SCORE_LO, SCORE_HI = -3.0, 11.0
MIN_CHART_H = 200
CHART_W = VOICES_X + VOICES_W - MARGIN
GAP = 14
LABEL_ROOM = 50  # under the chart: the threshold's label
LAB_FIGURES = ("held_in_secondary", "impostors_caught", "impostors_missed")
GROUP_STYLES = [(120, 190, 255), (255, 170, 90), (190, 150, 255), (110, 220, 160)]


class LabScene(BoardScene):
    name = "lab"

    def __init__(self, ctx: Context, index: int | None = None, standalone: bool = False):
        questions = list(ctx.content.questions)
        lab_index = next(i for i, q in enumerate(questions) if ctx.content.questions[q].kind == "threshold_lab")
        super().__init__(ctx, lab_index if index is None else index, standalone)
        self.curves: dict[tuple, list[tuple[float, float]]] = {}
        self.charts: dict[tuple, pygame.Surface] = {}
        # the drag grid, nearest to today's threshold first
        grid = [round(THRESHOLD_LOW + i * THRESHOLD_STEP, 2) for i in range(THRESHOLD_STEPS + 1)]
        self._warm = sorted(grid, key=lambda score: abs(score - self.threshold()))

    # -- layout and input ------------------------------------------------------------------
    def chart_rect(self) -> pygame.Rect:
        return pygame.Rect(MARGIN, self.options_top(), CHART_W, self.chart_height())

    def preset_height(self) -> int:
        """Tall enough for the longest preset label in this language and text size."""
        width = (CHART_W - 16 * (len(self.question.options) - 1)) // max(1, len(self.question.options)) - 24
        labels = [filled(self.ctx, o.label, choice_values(self.world.model, o.set)) for o in self.question.options]
        return max(theme.MIN_TARGET, max(self.ctx.text.render(label, theme.SIZE["small"], (0, 0, 0), "semibold",
                                                              width).get_height() for label in labels) + 20)

    def below_chart(self) -> list[int]:
        """Heights stacked under the chart: threshold label, presets, the algorithm choice, the note."""
        note = self.ctx.text.render(self.ctx.t("lab.per_day_note"), theme.SIZE["small"], (0, 0, 0), "regular", CHART_W)
        algorithm = theme.MIN_TARGET + GAP if self.question.algorithm else 0
        return [LABEL_ROOM, self.preset_height() + GAP, algorithm, note.get_height()]

    def chart_height(self) -> int:
        """The chart takes what the stack under it leaves, down to the bottom buttons."""
        room = bottom_y(self.ctx) - 16 - self.options_top()
        return max(MIN_CHART_H, room - sum(self.below_chart()))

    def layout(self) -> None:
        super().layout()
        chart = self.chart_rect()
        # the options become a row of presets under the chart
        presets = [b for b in self.buttons if b.key.startswith("option:")]
        x, width = MARGIN, (CHART_W - 16 * (len(presets) - 1)) // max(1, len(presets))
        for b in presets:
            b.rect = pygame.Rect(x, chart.bottom + LABEL_ROOM, width, self.preset_height())
            b.size = theme.SIZE["small"]
            x += width + 16
            b.primary = b.primary and self.board.threshold_score is None
        if self.question.algorithm:  # "Which algorithm?": one button that steps through NIST's range
            y = chart.bottom + sum(self.below_chart()[:2])
            self.buttons.insert(len(presets), Button("algorithm", pygame.Rect(MARGIN, y, CHART_W, theme.MIN_TARGET),
                                                     self.algorithm_label(), self.next_algorithm))
        self.buttons.insert(0, Button("chart", chart, self.ctx.t("lab.chart"), lambda: None, visible=False))
        self.focus = 0

    def algorithm_slot(self) -> str:
        return f"{self.question.id}.algorithm"

    def algorithm_label(self) -> str:
        option = self.question.algorithm[self.board.decisions.get(self.algorithm_slot(), 0)]
        return f"{self.ctx.t(self.question.algorithm_label)} {self.ctx.t(option.label)}"

    def next_algorithm(self) -> None:
        slot = self.algorithm_slot()
        self.board.decisions[slot] = (self.board.decisions.get(slot, 0) + 1) % len(self.question.algorithm)
        self.layout()
        self.focus_key("algorithm")
        self.dirty = True

    def handle(self, intent: I.Intent) -> None:
        if intent.kind in (I.LEFT, I.RIGHT) and self.focused_key() == "chart":
            self.set_threshold(self.threshold() + (THRESHOLD_STEP if intent.kind == I.RIGHT else -THRESHOLD_STEP))
        elif intent.kind in (I.PRESS, I.DRAG) and intent.pos and self.chart_rect().collidepoint(intent.pos):
            self.focus = 0
            self.set_threshold(self.score_at(intent.pos[0]))
        else:
            super().handle(intent)

    def _chooser(self, i: int):
        choose = super()._chooser(i)

        def preset() -> None:
            self.board.threshold_score = None
            choose()
        return preset

    def idle(self) -> None:
        """While nothing is drawn, work out the year for one more threshold on the drag grid, so a
        drag later only reads results (the model is exact either way)."""
        if self._warm:
            model, questions = self.world.model, self.ctx.content.questions
            self.world.year(self.board.policy(model, questions).replace(threshold_score=self._warm.pop(0)))

    def set_threshold(self, score: float) -> None:
        top = THRESHOLD_LOW + THRESHOLD_STEP * THRESHOLD_STEPS
        snapped = THRESHOLD_LOW + round((min(max(score, THRESHOLD_LOW), top) - THRESHOLD_LOW) / THRESHOLD_STEP) * THRESHOLD_STEP
        self.board.threshold_score = round(snapped, 2)
        for b in self.buttons:
            if b.key.startswith("option:"):
                b.primary = False
        self.dirty = True

    def threshold(self) -> float:
        return policy_threshold(self.world.model, self.board.policy(self.world.model, self.ctx.content.questions))

    def score_at(self, x: float) -> float:
        chart = self.chart_rect()
        return SCORE_LO + (x - chart.left) / chart.w * (SCORE_HI - SCORE_LO)

    def x_of(self, score: float) -> int:
        chart = self.chart_rect()
        return chart.left + round((score - SCORE_LO) / (SCORE_HI - SCORE_LO) * chart.w)

    # -- drawing -----------------------------------------------------------------------------
    def draw_left(self, surface: pygame.Surface, top: int) -> None:
        chart = self.chart_rect()
        note_y = chart.bottom + sum(self.below_chart()[:3])
        draw.text_block(surface, self.ctx, self.ctx.t("lab.per_day_note"), (MARGIN, note_y), CHART_W, "small",
                        self.ctx.palette.muted)

    def draw_dynamic(self, surface: pygame.Surface, top: int) -> None:
        """The chart and the threshold on it, which a drag moves every frame."""
        ctx, p = self.ctx, self.ctx.palette
        chart = self.chart_rect()
        policy = self.board.policy(self.world.model, ctx.content.questions)
        surface.blit(self._chart_image(chart, policy.effective_profile(self.world.model)), chart)
        t = self.threshold()
        tx = self.x_of(t)
        pygame.draw.line(surface, p.text, (tx, chart.top + 8), (tx, chart.bottom - 8), 5)
        for side, text_id, anchor in ((-1, "lab.no_match_side", "right"), (1, "lab.match_side", "left")):
            image = ctx.text.render(ctx.t(text_id), theme.SIZE["small"], p.text, "semibold")
            x = tx - 14 - image.get_width() if side < 0 else tx + 14
            surface.blit(image, (x, chart.top + 10))
        label = ctx.text.render(ctx.t("lab.threshold", score=f"{t:.2f}"), theme.SIZE["small"], p.accent, "bold")
        surface.blit(label, (min(max(tx - label.get_width() // 2, chart.left), chart.right - label.get_width()),
                             chart.bottom + 6))
        if self.focused_key() == "chart":
            pygame.draw.rect(surface, p.accent, chart.inflate(12, 12), theme.FOCUS_WIDTH, theme.RADIUS + 6)

    def draw_consequences(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """Column C: errors per day by group at this threshold, then the year's key figures."""
        policy = self.board.policy(self.world.model, self.ctx.content.questions)
        draw.panel(surface, rect, self.ctx)
        bottom = self._group_table(surface, rect.inflate(-48, -32), policy, list(self.world.model.groups))
        draw_consequences(surface, self.ctx, policy, pygame.Rect(rect.x, bottom + 12, rect.w, rect.bottom - bottom - 12),
                          LAB_FIGURES, travellers=False)

    def _chart_image(self, chart: pygame.Rect, profile: str) -> pygame.Surface:
        """The curves, legend and key, drawn once per profile and look; only the threshold moves on top."""
        ctx = self.ctx
        key = (profile, id(ctx.palette), ctx.text.scale, ctx.run.prefs.language, chart.size)
        if key not in self.charts:
            image = pygame.Surface(chart.size, pygame.SRCALPHA).convert_alpha()
            local = image.get_rect()
            pygame.draw.rect(image, ctx.palette.panel, local, border_radius=theme.RADIUS)
            groups = list(self.world.model.groups)
            for gi, group in enumerate(groups):
                colour = GROUP_STYLES[gi % len(GROUP_STYLES)]
                genuine = self._curve("genuine", group, profile, chart)
                pygame.draw.lines(image, colour, False, [(x - chart.x, y - chart.y) for x, y in genuine], 3)
                impostor = [(x - chart.x, y - chart.y) for x, y in self._curve("impostor", group, profile, chart)]
                for a, b in zip(impostor[::2], impostor[1::2]):  # dashed: impostor curves
                    pygame.draw.line(image, colour, a, b, 3)
                for curve in (genuine, impostor):  # each group's own marker at its peak: not colour alone
                    px, py = min(curve, key=lambda point: point[1])
                    if curve is genuine:
                        px, py = px - chart.x, py - chart.y
                    _marker(image, gi, (px, py - 12), colour)
            self._legend(image, local, groups)
            self.charts[key] = image
        return self.charts[key]

    def _curve(self, kind: str, group: str, profile: str, chart: pygame.Rect) -> list[tuple[float, float]]:
        key = (kind, group, profile, chart.topleft, chart.size)
        if key not in self.curves:
            model = self.world.model
            if kind == "impostor":
                mean, sd = impostor_curve(model, group, profile)
            else:
                traffic = self.ctx.content.model.traffic
                mean, sd = genuine_curve(model, group, traffic.photo_age_years.values["middle"], "fair", (), profile)
            peak = 1 / math.sqrt(2 * math.pi)
            points = []
            for x in range(chart.left, chart.right, 4):
                z = (self.score_at(x) - mean) / sd
                density = math.exp(-0.5 * z * z) / math.sqrt(2 * math.pi) / sd
                points.append((x, chart.bottom - 40 - density / peak * (chart.h - 90)))
            self.curves[key] = points
        return self.curves[key]

    def _legend(self, surface: pygame.Surface, chart: pygame.Rect, groups: list[str]) -> None:
        ctx, p = self.ctx, self.ctx.palette
        names = [ctx.text.render(ctx.t(self.world.model_group_label(g)), theme.SIZE["small"] - 4, p.text) for g in groups]
        width = max(image.get_width() for image in names) + 70
        box = pygame.Rect(chart.right - width - 12, chart.top + 12, width, sum(i.get_height() + 2 for i in names) + 16)
        pygame.draw.rect(surface, p.background, box, border_radius=8)
        x, y = box.x + 10, box.y + 8
        for gi, image in enumerate(names):
            colour = GROUP_STYLES[gi % len(GROUP_STYLES)]
            pygame.draw.line(surface, colour, (x, y + 14), (x + 36, y + 14), 4)
            _marker(surface, gi, (x + 18, y + 14), colour)
            surface.blit(image, (x + 46, y))
            y += image.get_height() + 2
        key = ctx.text.render(ctx.t("lab.legend"), theme.SIZE["small"] - 4, p.text, "italic", 300)
        backing = key.get_rect(topleft=(chart.left + 16, chart.top + 12)).inflate(16, 10)
        pygame.draw.rect(surface, p.background, backing, border_radius=8)
        surface.blit(key, (chart.left + 16, chart.top + 12))

    def _group_table(self, surface: pygame.Surface, rect: pygame.Rect, policy, groups: list[str]) -> int:
        """People wrongly not matched per day, and a stranger's chance to pass, per group; returns the bottom."""
        ctx, p = self.ctx, self.ctx.palette
        year = self.world.year(policy)  # expected counts grow with days, so a day is the year's share
        size = theme.SIZE["small"] - 2
        widths = (rect.w - 350, 130, 220)
        columns = (rect.x, rect.x + widths[0], rect.x + widths[0] + widths[1])
        y = draw.text_block(surface, ctx, ctx.t("lab.table_heading"), rect.topleft, rect.w, "body", weight="bold")
        row_bottom = y
        for text, x, w in zip((ctx.t("lab.group"), ctx.t("lab.misses_per_day"), ctx.t("lab.stranger_passes")),
                              columns, widths):
            image = ctx.text.render(text, size, p.muted, "semibold", w - 12)
            surface.blit(image, (x, y + 6))
            row_bottom = max(row_bottom, y + 6 + image.get_height())
        y = row_bottom + 8
        rows = [(ctx.t("lab.everyone"), year.false_non_matches / year.days, None)]
        rows += [(ctx.t(self.world.model_group_label(g)), year.by_group[g].false_non_matches / year.days,
                  year.by_group[g].fmr) for g in groups]
        for name, misses, fmr in rows:
            cells = (name, count(ctx, misses), one_in(ctx, fmr) if fmr is not None else "—")
            height = 0
            for text, x, w in zip(cells, columns, widths):
                image = ctx.text.render(text, size, p.text, "regular", w - 12)
                surface.blit(image, (x, y))
                height = max(height, image.get_height())
            y += height + 2
        return y


def _marker(surface: pygame.Surface, index: int, at: tuple[float, float], colour) -> None:
    """A shape per group (circle, square, triangle, diamond), so the curves differ without colour."""
    x, y = int(at[0]), int(at[1])
    shape = index % 4
    if shape == 0:
        pygame.draw.circle(surface, colour, (x, y), 7)
    elif shape == 1:
        pygame.draw.rect(surface, colour, (x - 6, y - 6, 13, 13))
    elif shape == 2:
        pygame.draw.polygon(surface, colour, [(x, y - 8), (x + 8, y + 6), (x - 8, y + 6)])
    else:
        pygame.draw.polygon(surface, colour, [(x, y - 8), (x + 8, y), (x, y + 8), (x - 8, y)])
