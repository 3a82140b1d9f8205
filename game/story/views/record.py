"""The record: what the player's choices did. The decision code to hand in, the policy in words, a
year at the port under it beside today's, every traveller the player met with what the policy
changed for them and their records on a timeline (today's marked beside), who is held in secondary
by group, and prompts to discuss.

Read top to bottom (and page by page when the text is large), what matters comes first: the code
and the policy with its consequences, then the people, then the questions for the class.
"""
from __future__ import annotations

from typing import Any

from game.sim.policy import Policy

from .. import assumptions
from ..board import BoardState, group_figures
from ..code import AFTER, BEFORE, Codebook
from ..labels import choice_values
from ..numbers import Numbers
from ..screen import Item, Screen, Words, button, column, grid, joined, pair, panel, row, text
from .check import score
from .consequences import consequences, traveller_rows

RECORD_FIGURES = ("held_in_secondary", "false_non_matches", "delay_hours", "impostors_caught", "impostors_missed",
                  "photos_years_10", "records_ice_standing", "street_false_candidates",
                  "search_false_leads")


def policy_of(world: Any, board: BoardState) -> Policy:
    """The policy the board's decisions make."""
    return board.policy(world.model, world.content.questions)


def chosen_answer(world: Any, board: BoardState, question: Any, numbers: Numbers) -> tuple[Words, ...]:
    """The player's answer to a question in words, the model's numbers filled in: the option chosen
    (or the threshold they dragged), and for the lab, the algorithm chosen with it."""
    if question.kind == "threshold_lab" and board.threshold_score is not None:
        parts = [Words.of("record.dragged", {"score": numbers.decimal(board.threshold_score, 2)})]
    else:
        option = question.options[board.decisions[question.id]]
        parts = [Words.of(option.label, numbers.values(choice_values(world.model, option.set)))]
    if question.algorithm:  # the lab's "Which algorithm?" belongs with the threshold
        parts.append(Words(question.algorithm[board.decisions.get(f"{question.id}.algorithm", 0)].label))
    return tuple(parts)


def decision_code(world: Any, board: BoardState, check: dict[str, dict[str, int]] | None = None) -> str:
    """The board's choices, and the class check's answers if given, as a code (game.story.code)."""
    check = check or {}
    return Codebook.of(world.content).encode(board.decisions, board.threshold_score, check.get(BEFORE),
                                             check.get(AFTER))


def how_we_know(world: Any) -> tuple[list[str], list[str]]:
    """The facts the record's figures rest on (in order, once each), and what the model assumes there."""
    table = world.content.files["questions.yaml"].figure_facts
    facts = list(dict.fromkeys(fact for fid in RECORD_FIGURES for fact in table.get(fid, ())))
    return facts, assumptions.record_screen(world.model)


def code_block(code: str) -> Item:
    """The code, in its groups of five: easy to read aloud or copy by hand. Read aloud, it is spelled
    character by character, a pause between the groups (an engine would say 300 as a number)."""
    spelled = ". ".join(", ".join(group) for group in code.split())
    shown = Item("text", (Words.of("record.code", {"code": code}),), "heading",
                 data={"said": Words.of("record.code", {"code": spelled})})
    return column(text("record.code_label", "small_muted"), shown)


def check_line(content: Any, check: dict[str, dict[str, int]], numbers: Numbers) -> Item:
    """After the check's second round, the student's two scores (the code carries the answers)."""
    total = len(content.class_check)
    return text("check_screen.result", "small", before=numbers.count(score(content, BEFORE, check[BEFORE])),
                after=numbers.count(score(content, AFTER, check[AFTER])), total=numbers.count(total))


def policy_panel(world: Any, board: BoardState, numbers: Numbers) -> Item:
    """Each question's short name and the answer chosen, two to a line where there is room."""
    answers = [column(text(question.short, "small_muted"), joined(chosen_answer(world, board, question, numbers),
                                                                 "strong"))
               for question in world.content.questions.values()]
    return panel(column(text("record.your_policy", "subheading"), grid(*answers, min_width=300)))


def groups_panel(world: Any, mine: Policy, numbers: Numbers) -> Item:
    """Held in secondary per 100,000 people of each group, today and under the player's policy."""
    today, yours = group_figures(world.year(world.default_policy)), group_figures(world.year(mine))
    rows = []
    for group in world.model.groups:
        b, a = today[group]["secondary_per_100k"], yours[group]["secondary_per_100k"]
        before, after = numbers.count(b), numbers.count(a)
        rows.append(pair(Words(world.model_group_label(group)), Words.of("board.value", {"value": before}),
                         Words.of("board.value", {"value": after}), changed=before != after, rising=a > b))
    header = pair(Words.of("lab.group"), Words.of("board.today"), Words.of("board.yours"), role="small_muted")
    return panel(column(text("record.by_group", "strong", per=numbers.count(1e5)), header, *rows))


PERSON_MIN_WIDTH = 640  # a traveller and their timeline: two to a line on a wide screen at standard text


def travellers_blocks(world: Any, met: list[str], mine: Policy, numbers: Numbers) -> list[Item]:
    """Every traveller met, in a panel each: their face, what the policy changed for them and every record
    of theirs on a timeline, today's marked beside it; two to a line where there is room, the heading
    with the first line."""
    if not met:
        return []
    people = [panel(r) for r in traveller_rows(world, met, mine, numbers, full=True)]
    lines = [row(*people[i:i + 2], *([column()] if len(people[i:i + 2]) == 1 else []), weights=(1, 1),
                 min_width=PERSON_MIN_WIDTH) for i in range(0, len(people), 2)]
    return [column(text("board.travellers_heading", "accent"), lines[0]), *lines[1:]]


def discuss_panel(world: Any) -> Item:
    prompts = world.content.files["questions.yaml"].discussion
    return panel(column(text("record.discuss_heading", "accent"), *(text(p, "small") for p in prompts)))


def record_screen(world: Any, board: BoardState, met: list[str], numbers: Numbers,
                  guesses: Item | None = None, check: dict[str, dict[str, int]] | None = None,
                  checked: bool = False) -> Screen:
    """`guesses`: the tally of the player's predictions in the lane (game.story.views.predict), if any.
    `check`: the class check's answers on the class path (None elsewhere): until its second round is
    seen through to Done (`checked`), "Check what you learned" comes first (a round left half way
    keeps its answers); then the scores show under the code."""
    mine = policy_of(world, board)
    checking = check is not None and not checked
    result = check_line(world.content, check, numbers) if check is not None and checked else None
    top = row(column(text("record.title", "heading"), text("record.code_hint", "small_muted"), result),
              code_block(decision_code(world, board, check)), weights=(2, 1), min_width=300)
    choices = row(policy_panel(world, board, numbers), consequences(world, mine, RECORD_FIGURES, numbers),
                  weights=(1, 1), min_width=500)
    people = travellers_blocks(world, met, mine, numbers)
    closing = row(groups_panel(world, mine, numbers), discuss_panel(world), weights=(1, 1), min_width=500)
    body = tuple(i for i in (top, choices, *people, guesses, closing) if i is not None)
    first = (button("check_after", "check_screen.open_after", primary=True),) if checking else ()
    actions = (*first, button("sandbox", "record.sandbox", primary=not checking),
               button("info", "common.how_do_we_know"), button("sources", "record.sources"),
               button("title", "common.to_title"))
    return Screen("record", body, actions, focus="check_after" if checking else "sandbox")
