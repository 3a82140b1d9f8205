"""The class check: a few multiple-choice questions before the lane and again, in other words, after
the record, one to a screen. Nothing is stored: the answers travel in the student's code (game.story.code).

Read top to bottom: where in the lesson it is and which question of how many; the question; its
options; on the first, what the check is for and that nothing is kept; Next (or Done on the last).
"""
from __future__ import annotations

from typing import Any

from ..numbers import Numbers
from ..screen import Screen, Words, button, choice, column, text


def check_items(content: Any) -> list[Any]:
    return list(content.class_check.values())


def check_screen(content: Any, when: str, index: int, answers: dict[str, int], numbers: Numbers) -> Screen:
    """Question `index` of the check `when` ("before" or "after"); `answers`: those given so far."""
    items = check_items(content)
    item = items[index]
    ask = getattr(item, when)
    chosen = answers.get(item.id)
    step = text("check_screen.step", "muted", n=numbers.count(index + 1), total=numbers.count(len(items)))
    intro = (text(f"check_screen.intro_{when}", "small_muted"),) if index == 0 else ()
    options = column(*(choice(f"answer:{i}", Words(option), i == chosen) for i, option in enumerate(ask.options)))
    last = index == len(items) - 1
    actions = (button("next", "check_screen.done" if last else "check_screen.next", primary=True),
               button("back", "common.back"))
    # the question and its options first, so large text still shows them together; then what the check is for
    body = (text(f"check_screen.heading_{when}", "heading"), step, text(ask.prompt, "subheading"), options, *intro)
    return Screen("check", body, actions, focus=f"answer:{chosen}" if chosen is not None else "answer:0")


def score(content: Any, when: str, answers: dict[str, int]) -> int:
    """Right answers among `answers` (item id -> option index) to the check `when`."""
    return sum(item.right(when, answers.get(item.id)) for item in check_items(content))
