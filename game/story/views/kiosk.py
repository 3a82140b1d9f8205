"""The kiosk's record: what a museum visitor's two answers did, on one screen they can take in at a glance.

Their answers first, then the traveller they crossed as (their face, what the answers changed for them,
their records on a timeline beside today's), then a year at the port under the answers beside today's,
only the figures the path's questions move. No decision code and no prompts for a class: the next visitor
starts again from here ("Start again").
"""
from __future__ import annotations

from typing import Any

from ..board import BoardState, default_decisions
from ..numbers import Numbers
from ..run import path_questions, path_settings
from ..screen import Item, Screen, button, column, grid, joined, panel, row, text
from .board import question_at
from .consequences import consequences
from .lab import algorithm_slot
from .record import chosen_answer, policy_of

ANSWER_MIN_WIDTH = 360  # the two answers side by side on a wide screen at standard text


def path_figures(content: Any, path: str) -> tuple[str, ...]:
    """The year's figures the path's record shows: those its settings name, else every figure its
    questions show, each once, in the order asked."""
    named = path_settings(content, path).figures
    asked = [question_at(content, i) for i in path_questions(content, path)]
    return tuple(named) or tuple(dict.fromkeys(fid for question in asked for fid in question.figures))


def answer(world: Any, board: BoardState, question: Any, numbers: Numbers) -> Item:
    """A question by its short name, and the answer chosen; the lab's algorithm on a line of its own, only
    when the visitor chose another than today's (the kiosk's first step of the lab does not offer it)."""
    parts = chosen_answer(world, board, question, numbers)
    slot = algorithm_slot(question)
    if question.algorithm and board.decisions.get(slot) == default_decisions(world.model, world.content.questions)[slot]:
        parts = parts[:-1]
    return column(text(question.short, "small_muted"), *(joined((part,), "strong") for part in parts))


def answers_panel(world: Any, board: BoardState, path: str, numbers: Numbers) -> Item:
    """Each question the path asked, with the answer chosen."""
    content = world.content
    asked = [question_at(content, i) for i in path_questions(content, path)]
    return panel(grid(*(answer(world, board, q, numbers) for q in asked), min_width=ANSWER_MIN_WIDTH))


def kiosk_record_screen(world: Any, board: BoardState, met: list[str], numbers: Numbers, path: str = "kiosk") -> Screen:
    mine = policy_of(world, board)
    effect = consequences(world, mine, path_figures(world.content, path), numbers, met)
    body = (text("kiosk_path.record_heading", "heading"),
            row(answers_panel(world, board, path, numbers), effect, weights=(2, 3), min_width=420))
    # "title", as the full record's "Back to the start": a fresh run for the next visitor (Game.reset)
    actions = (button("title", "kiosk_path.again", primary=True), button("info", "common.how_do_we_know"))
    return Screen("record", body, actions, focus="title")
