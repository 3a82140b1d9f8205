"""The threshold lab: genuine and impostor score curves for each group, the threshold on them, and what
it does each day at the port, by group, and over a year, recomputed by the model as the line moves.

The curves come from the model here (game.sim), as plain points for the painter: scores along the
chart and heights from 0 to 1. Every label (the sides of the line, the threshold, the legend) is an
item the layout measures; only the lines and markers are drawn.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from game.sim import fmr_at, genuine_curve, impostor_curve, policy_threshold

from ..board import BoardState
from ..numbers import Numbers
from ..screen import Item, Screen, Words, button, choice, column, grid, pair, panel, row, text
from ..speech import person
from .board import actions, header, option_words, question_at, voices
from .consequences import figure_rows
from .crossing import continues

SCORE_LO, SCORE_HI = -3.0, 11.0  # the chart's score axis
SCORE_STEP = 0.1                  # a curve's points, in score
CHART_HEIGHT = 240
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


def chart(world: Any, profile: str, threshold: float, mark: dict[str, Any] | None = None) -> Item:
    """The curves and the line; `mark`, a traveller's face at their score (plain data: score, face and
    behaviour)."""
    data = {"painter": "curves", "height": CHART_HEIGHT, "low": SCORE_LO, "high": SCORE_HI,
            "threshold": threshold, "curves": curves(world, profile)}
    if mark is not None:
        data["mark"] = mark
    return Item("chart", (Words("lab.chart"),), key="chart", data=data)


def chart_said(world: Any, policy: Any, threshold: float, numbers: Numbers) -> dict[str, tuple[Words, ...]]:
    """What the chart shows, in words, for self-voicing (game/story/speech.py): where the line is, and what it
    does each day to everyone and to each group, the figures of the groups' table. In the screen's `extra`,
    by the chart's key: the chart's data stays plain numbers for its painter."""
    year = world.year(policy)
    said = [Words.of("speech.lab_line", {"score": numbers.decimal(threshold, 2)}),
            Words.of("speech.lab_everyone", {"misses": numbers.count(year.false_non_matches / year.days)})]
    for group in world.model.groups:
        figures = year.by_group[group]
        chance = Words.of("lab.rarer", {"n": numbers.count(1 / RAREST)}) if 0 < figures.fmr < RAREST else \
            numbers.one_in(figures.fmr)
        said.append(Words.of("speech.lab_group", {"group": Words(world.model_group_label(group)), "chance": chance,
                                                  "misses": numbers.count(figures.false_non_matches / year.days)}))
    return {"chart": tuple(said)}


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
def fixed_parts(world: Any, index: int, numbers: Numbers, standalone: bool,
                order: tuple[int, ...] = ()) -> dict[str, Any]:
    """The parts a dragged line does not change (the question, the legend, the note, the voices and the
    actions), made once per question and language: a drag then builds only what moved, and the layout
    sees the rest is the same."""
    content = world.content
    question = question_at(content, index)
    words = [option_words(world, option, numbers) for option in question.options]
    return {"header": header(content, question, index, numbers, order), "legend": legend(world), "options": words,
            "note": text("lab.per_day_note", "small_muted"),
            "voices": (voices(content, question, numbers),),
            "actions": actions(content, index, standalone, numbers, order)}


# -- the guided challenge before free play ----------------------------------------------------------
CATCH, ALGORITHM, OVER = range(3)  # the challenge's steps; past the last, free play
STEPS = ("challenge.catch.title", "challenge.algorithm.title", "challenge.over.title")  # each step's title
FREE = len(STEPS)


@dataclass
class Challenge:
    """Where the player is in the lab's challenge. The run keeps it, so the lab opened again goes on
    from there, or straight to free play once it is done or skipped."""

    step: int = CATCH
    done: bool = False            # the step's goal met: its result and "Next step" show
    algorithm: int | None = None  # the algorithm chosen when the algorithm step began

    @property
    def free(self) -> bool:
        return self.step >= FREE

    def key(self) -> tuple:
        return self.step, self.done, self.algorithm


def lookalike_pass(world: Any, question: Any, policy: Any) -> float:
    """The chance that someone with a lookalike's passport, as the challenge's impostor has, passes the
    policy's line (the sampler draws impostors from the same lookalike curve)."""
    model = world.model
    traveller = world.content.travellers[question.challenge.impostor]
    mean, sd = impostor_curve(model, traveller.group or model.groups[0], policy.effective_profile(model),
                              traveller.face.age, lookalike=True)
    return fmr_at(policy_threshold(model, policy), mean, sd)


def goal_met(world: Any, question: Any, board: BoardState, challenge: Challenge) -> bool:
    """Whether the step's goal is met now: the line lets few enough lookalikes pass, or another
    algorithm than the one the step began with is chosen. The last step has no goal."""
    if challenge.step == CATCH:
        policy = board.policy(world.model, world.content.questions)
        return lookalike_pass(world, question, policy) <= 1 / question.challenge.pass_one_in
    if challenge.step == ALGORITHM:
        return board.decisions.get(algorithm_slot(question), 0) != challenge.algorithm
    return challenge.step == OVER


def impostor_score(world: Any, question: Any) -> tuple[Any, float | None]:
    """The challenge's impostor and his score at today's policy, from his seeded crossing (None when
    the camera got no usable image of him)."""
    traveller = world.content.travellers[question.challenge.impostor]
    shot = next((s for s in world.crossing(traveller.id).shots if s.who == traveller.name), None)
    return traveller, shot.score if shot is not None else None


def mark(traveller: Any, score: float | None) -> dict[str, Any] | None:
    """The chart's mark for a traveller's score, in plain data (the painter draws the face)."""
    if score is None:
        return None
    return {"score": score, "face": asdict(traveller.face), "behaviour": tuple(traveller.behaviour)}


def misses_per_day(world: Any, policy: Any, group: str) -> float:
    year = world.year(policy)
    return year.by_group[group].false_non_matches / year.days


def gap(world: Any, policy: Any, group: str) -> float:
    """How many times as often `group` is wrongly not matched as the model's reference group."""
    by_group = world.year(policy).by_group
    reference = by_group[world.model.groups[0]].fnmr
    return by_group[group].fnmr / reference if reference else math.nan


def affected_group(world: Any, question: Any) -> str:
    """The group of the traveller whose misses the challenge counts (Sofía's)."""
    return world.content.travellers[question.challenge.affected].group or world.model.groups[0]


def catch_lines(world: Any, question: Any, challenge: Challenge, numbers: Numbers, policy: Any) -> list[Item]:
    """Catch people like Luis: the goal, Luis's own score beside his face, how many like him pass at
    this line; once met, what the line costs Sofía's group each day, beside today's rules."""
    traveller, score = impostor_score(world, question)
    lines = [] if challenge.done else [
        text("challenge.catch.goal", goal=numbers.one_in(1 / question.challenge.pass_one_in))]
    if score is None:
        said = Words("challenge.catch.luis_unseen")
    else:
        under = score < policy_threshold(world.model, policy)
        said = Words.of("challenge.catch.luis_under" if under else "challenge.catch.luis_over",
                        {"score": numbers.decimal(score, 2)})
    face = Item("portrait", data={"face": traveller.face, "behaviour": tuple(traveller.behaviour),
                                  "height": 64, "width": 64, "scales": True, "said": person(Words(traveller.name))})
    lines.append(row(face, Item("text", (said,), "small"), weights=(1, 6), min_width=48))
    lines.append(text("challenge.catch.now", "strong", now=numbers.one_in(lookalike_pass(world, question, policy))))
    if challenge.done:
        group = affected_group(world, question)
        lines.append(text("challenge.catch.done", "accent", group=Words(world.model_group_label(group)),
                          held=numbers.count(misses_per_day(world, policy, group)),
                          today=numbers.count(misses_per_day(world, world.default_policy, group))))
    return lines


def algorithm_lines(world: Any, question: Any, board: BoardState, challenge: Challenge, numbers: Numbers,
                    policy: Any) -> list[Item]:
    """Try another algorithm: the goal, then how many times as often Sofía's group is wrongly not matched
    as the reference group; once met, the same at the algorithm the step began with."""
    group, slot = affected_group(world, question), algorithm_slot(question)
    lines = [] if challenge.done else [text("challenge.algorithm.goal", button=Words(question.algorithm_label))]
    lines.append(text("challenge.algorithm.now", "strong",
                      algorithm=Words(question.algorithm[board.decisions.get(slot, 0)].label),
                      group=Words(world.model_group_label(group)),
                      reference=Words(world.model_group_label(world.model.groups[0])),
                      times=numbers.times(gap(world, policy, group))))
    if challenge.done:
        first = challenge.algorithm or 0
        then = BoardState({**board.decisions, slot: first}, board.threshold_score)
        lines.append(text("challenge.algorithm.done", "accent", first=Words(question.algorithm[first].label),
                          times=numbers.times(gap(world, then.policy(world.model, world.content.questions), group))))
    return lines


def challenge_panel(world: Any, question: Any, board: BoardState, challenge: Challenge, numbers: Numbers,
                    policy: Any, compact: bool = False) -> Item:
    """The step: what to do and what the line does now; once the goal is met, what it cost (in place of
    what to do, so the button to the next step stays on the page) and that button."""
    heading = column(text("challenge.step", "label", n=numbers.count(challenge.step + 1),
                          total=numbers.count(len(STEPS))), text(STEPS[challenge.step], "subheading"))
    if challenge.step == CATCH:
        lines = catch_lines(world, question, challenge, numbers, policy)
    elif challenge.step == ALGORITHM:
        lines = algorithm_lines(world, question, board, challenge, numbers, policy)
    else:
        lines = [text("challenge.over.body")]
    if challenge.done:
        last = challenge.step == OVER
        lines.append(button("challenge_next", "challenge.free" if last else "challenge.next", primary=True))
    elif challenge.step < OVER and not compact:  # in the step, not among the actions: they stay on one row
        lines.append(button("challenge_skip", "challenge.skip"))
    return panel(column(heading, *lines))


def challenge_focus(challenge: Challenge) -> str:
    """Where focus lands as a step opens: on what the step asks the player to use."""
    return {CATCH: "chart", ALGORITHM: "algorithm", OVER: "challenge_next"}.get(challenge.step, "chart")


def lab_screen(world: Any, board: BoardState, index: int, numbers: Numbers, standalone: bool = False,
               challenge: Challenge | None = None, order: tuple[int, ...] = (), compact: bool = False) -> Screen:
    """The lab in free play; or, while `challenge` is not done, the challenge's step before the chart
    (Luis's face on it in the first step, "Which algorithm?" under it), the question's prompt left to
    the step's words, the presets below; "Skip to free play" in the step. `compact` (a kiosk's short
    path): no "Which algorithm?" before the step that uses it, no presets in the first step, and no way aside
    to free play ("Next question" goes on; free play follows the challenge's last step)."""
    content, model = world.content, world.model
    question = question_at(content, index)
    fixed = fixed_parts(world, index, numbers, standalone, order)
    policy = board.policy(model, content.questions)
    threshold = policy_threshold(model, policy)
    preset = board.decisions.get(question.id, 0) if board.threshold_score is None else None
    presets = grid(*(choice(f"option:{i}", words, i == preset) for i, words in enumerate(fixed["options"])),
                   min_width=380)
    profile = policy.effective_profile(model)
    said = chart_said(world, policy, threshold, numbers)
    which = algorithm(question, board) if question.algorithm else None
    if challenge is not None and not challenge.free and question.challenge is not None:
        shown = mark(*impostor_score(world, question)) if challenge.step == CATCH else None
        note = (fixed["note"],) if challenge.step != CATCH else ()  # the groups matter from the second step
        if compact and challenge.step == CATCH:  # a kiosk's first step: the algorithm waits for its own step
            which = None
        lab = column(chart(world, profile, threshold, shown), chart_labels(threshold, numbers), which,
                     fixed["legend"], *note)
        step = challenge_panel(world, question, board, challenge, numbers, policy, compact)
        header = column(*fixed["header"].items[:2])  # the step says what to do with the chart
        # the step first, so that text large enough to stack the columns still reads it before the chart
        # a kiosk visitor drags the line in the first step; the presets come with the steps after it
        below = () if compact and challenge.step == CATCH else (presets,)
        body = (header, continues(row(step, lab, weights=(4, 3), min_width=420)), *below, *fixed["voices"])
        return Screen("lab", body, fixed["actions"], focus=challenge_focus(challenge), extra={"said": said})
    # both kinds of error beside the line that trades them: the groups' table and the year's figures
    left = column(chart(world, profile, threshold), chart_labels(threshold, numbers), fixed["legend"], which,
                  fixed["note"])
    # one panel: the groups' errors each day, then the year's figures, today beside yours
    year = [pair(Words("board.year_heading"), Words("board.today"), Words("board.yours"), role="strong"),
            *figure_rows(world, policy, LAB_FIGURES, numbers)]
    right = panel(column(group_table(world, policy, numbers), *year))
    body = (fixed["header"], presets, continues(row(left, right, weights=(3, 4), min_width=420)), *fixed["voices"])
    return Screen("lab", body, fixed["actions"], focus="chart", extra={"said": said})
