"""The sandbox: every decision on one screen, each a choice that steps through its options, with a
year at the port under the policy beside today's, following every change at once."""
from __future__ import annotations

from typing import Any

from ..board import BoardState
from ..numbers import Numbers
from ..screen import Item, Screen, button, column, grid, row, text
from .consequences import consequences
from .record import RECORD_FIGURES, chosen_answer, policy_of


def sandbox_screen(world: Any, board: BoardState, numbers: Numbers) -> Screen:
    questions = world.content.questions
    decisions = [column(text(question.short, "small"),
                        Item("choice", chosen_answer(world, board, question, numbers), "body", qid))
                 for qid, question in questions.items()]
    heading = row(text("sandbox.title", "heading"), text("sandbox.intro", "small_muted"), weights=(2, 3), min_width=300)
    mine = policy_of(world, board)
    body = (heading, row(grid(*decisions, min_width=320), consequences(world, mine, RECORD_FIGURES, numbers),
                         weights=(3, 2), min_width=500))
    actions = (button("record", "sandbox.done", primary=True), button("lab", "sandbox.lab"))
    return Screen("sandbox", body, actions, focus=next(iter(questions), None))


def next_option(world: Any, board: BoardState, qid: str) -> None:
    """Step a decision to its next option, wrapping round; a new threshold option forgets a dragged one."""
    question = world.content.questions[qid]
    board.decisions[qid] = (board.decisions[qid] + 1) % len(question.options)
    if question.kind == "threshold_lab":
        board.threshold_score = None
