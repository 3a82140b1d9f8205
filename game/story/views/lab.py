"""The threshold lab: genuine and impostor score curves for each group, the threshold on them, and what
it does each day at the port, by group, and over a year, recomputed by the model as the line moves.

The curves come from the model here (game.sim), as plain points for the painter: scores along the
chart and heights from 0 to 1. Every label (the sides of the line, the threshold, the legend) is an
item the layout measures; only the lines and markers are drawn.
"""
from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from game.sim import genuine_curve, impostor_curve, policy_threshold

from ..board import BoardState
from ..numbers import Numbers
from ..screen import Item, Screen, Words, choice, column, grid, pair, panel, row, text
from .board import actions, continued, header, option_words, question_at, voices
from .consequences import figure_rows

SCORE_LO, SCORE_HI = -3.0, 11.0  # the chart's score axis
SCORE_STEP = 0.1                  # a curve's points, in score
CHART_HEIGHT = 176
SWATCH = {"height": 30, "width": 64}
LAB_FIGURES = ("held_in_secondary", "impostors_caught", "impostors_missed")
# a stranger's chance below this reads "< one in 1,000,000": past it the figures say nothing more to a reader,
# and the column keeps its width while the line is dragged
RAREST = 1e-6


def lab_index(content: Any) -> int:
    return next(i for i, q in enumerate(content.questions.values()) if q.kind == "threshold_lab")


def algorithm_slot(question: Any) -> str:
    """The board's slot for "Which algorithm?" (game.story.code.decision_slots)."""
    return f"{question.id}.algorithm"


def cycle_algorithm(question: Any, board: BoardState) -> None:
    """"Which algorithm?" pressed: the next of NIST's range, round to the first."""
    slot = algorithm_slot(question)
    board.decisions[slot] = (board.decisions.get(slot, 0) + 1) % len(question.algorithm)


def algorithm_count(question: Any) -> int:
    return len(question.algorithm)


def threshold_of(world: Any, board: BoardState) -> float:
    """The score threshold the board's decisions set: a dragged one, or the chosen preset's."""
    return policy_threshold(world.model, board.policy(world.model, world.content.questions))


def warm(world: Any, board: BoardState, score: float) -> None:
    """Work out the year at another threshold ahead of time, so a drag there only reads the result."""
    world.year(board.policy(world.model, world.content.questions).replace(threshold_score=score))


@lru_cache(maxsize=8)
def curves(world: Any, profile: str) -> tuple[dict[str, Any], ...]:
    """Each group's genuine and impostor score curves under an algorithm profile, as (score, height)
    points, heights scaled so the tallest curve reaches 1. Genuine faces are a middle-aged photo in
    fair light, as most crossings are."""
    model = world.model
    photo_age = world.content.model.traffic.photo_age_years.values["middle"]
    shapes = []
    for group in model.groups:
        shapes.append((genuine_curve(model, group, photo_age, "fair", (), profile), impostor_curve(model, group, profile)))
    top = max(1 / sd for pair_of in shapes for _, sd in pair_of)
    steps = round((SCORE_HI - SCORE_LO) / SCORE_STEP)
    scores = [SCORE_LO + i * SCORE_STEP for i in range(steps + 1)]

    def points(mean: float, sd: float) -> tuple[tuple[float, float], ...]:
        return tuple((s, math.exp(-0.5 * ((s - mean) / sd) ** 2) / sd / top) for s in scores)
    return tuple({"genuine": points(*genuine), "impostor": points(*impostor)} for genuine, impostor in shapes)


def chart(world: Any, profile: str, threshold: float) -> Item:
    return Item("chart", (Words("lab.chart"),), key="chart",
                data={"painter": "curves", "height": CHART_HEIGHT, "low": SCORE_LO, "high": SCORE_HI,
                      "threshold": threshold, "curves": curves(world, profile)})


def chart_labels(threshold: float, numbers: Numbers) -> Item:
    """Under the chart: which side of the line is which, and where the line sits."""
    return row(Item("text", (Words("lab.no_match_side"),), "strong"),
               Item("text", (Words.of("lab.threshold", {"score": numbers.decimal(threshold, 2)}),), "value",
                    data={"align": "center"}),
               Item("text", (Words("lab.match_side"),), "strong", data={"align": "right"}),
               min_width=120)


def legend(world: Any) -> Item:
    """What the lines are: solid for genuine pairs, dashed for impostor pairs; then each group's colour
    and marker shape, and its name."""
    keys = [key({"line": "solid"}, "lab.genuine_key"), key({"line": "dashed"}, "lab.impostor_key")]
    keys += [key({"group": i}, world.model_group_label(group)) for i, group in enumerate(world.model.groups)]
    return grid(*keys, min_width=330)


def key(swatch: dict[str, Any], text_id: str) -> Item:
    return row(Item("chart", data={"painter": "swatch", **swatch, **SWATCH}), text(text_id, "small"),
               weights=(1, 4), min_width=48)


def group_table(world: Any, policy: Any, numbers: Numbers) -> Item:
    """Each day at the port: people wrongly not matched, overall and by group, and a stranger's chance
    to pass as someone of the group. A day is the year's share (expected counts grow with days)."""
    year = world.year(policy)

    def value(figure: str) -> Words:
        return Words.of("board.value", {"value": figure})
    rows = [pair(Words("lab.everyone"), value(numbers.count(year.false_non_matches / year.days)), Words("lab.none"))]
    for group in world.model.groups:
        figures = year.by_group[group]
        chance = Words.of("lab.rarer", {"n": numbers.count(1 / RAREST)}) if 0 < figures.fmr < RAREST else \
            value(numbers.one_in(figures.fmr))
        rows.append(pair(Words(world.model_group_label(group)), value(numbers.count(figures.false_non_matches / year.days)),
                         chance))
    heading = pair(Words("lab.table_heading"), Words("lab.misses_per_day"), Words("lab.stranger_passes"), role="strong")
    return column(heading, *rows)


def algorithm(question: Any, board: BoardState) -> Item:
    """"Which algorithm?": one button that steps through the ends and middle of NIST's ranges."""
    chosen = question.algorithm[board.decisions.get(algorithm_slot(question), 0)]
    return Item("button", (Words.of("lab.which", {"question": Words(question.algorithm_label),
                                                  "answer": Words(chosen.label)}),), key="algorithm")


@lru_cache(maxsize=8)
def fixed_parts(world: Any, index: int, numbers: Numbers, standalone: bool) -> dict[str, Any]:
    """The parts a dragged line does not change (the question, the legend, the note, the voices and the
    actions), made once per question and language: a drag then builds only what moved, and the layout
    sees the rest is the same."""
    content = world.content
    question = question_at(content, index)
    words = [option_words(world, option, numbers) for option in question.options]
    return {"header": header(content, question, index, numbers), "legend": legend(world), "options": words,
            "note": text("lab.per_day_note", "small_muted"), "voices": tuple(voices(content, question, numbers)),
            "actions": actions(content, index, standalone)}


def lab_screen(world: Any, board: BoardState, index: int, numbers: Numbers, standalone: bool = False) -> Screen:
    content, model = world.content, world.model
    question = question_at(content, index)
    fixed = fixed_parts(world, index, numbers, standalone)
    policy = board.policy(model, content.questions)
    threshold = policy_threshold(model, policy)
    preset = board.decisions.get(question.id, 0) if board.threshold_score is None else None
    presets = [choice(f"option:{i}", words, i == preset) for i, words in enumerate(fixed["options"])]
    # both kinds of error beside the line that trades them: the groups' table and the year's figures
    left = column(chart(world, policy.effective_profile(model), threshold), chart_labels(threshold, numbers),
                  fixed["legend"], algorithm(question, board) if question.algorithm else None, fixed["note"])
    # one panel: the groups' errors each day, then the year's figures, today beside yours
    year = [pair(Words("board.year_heading"), Words("board.today"), Words("board.yours"), role="strong"),
            *figure_rows(world, policy, LAB_FIGURES, numbers)]
    right = panel(column(group_table(world, policy, numbers), *year))
    body = (fixed["header"],
            grid(*presets, min_width=380),
            continued(row(left, right, weights=(3, 4), min_width=420)),
            *fixed["voices"])
    return Screen("lab", body, fixed["actions"], focus="chart")
