"""The outcome: what was decided about the traveller and why; what the cameras did (everyone's face, the
result in words, every score on a labelled scale); and what the databases did: every record made, how
long it is kept and who may read it, and, after a chosen time, which of them would still be stored.
"""
from __future__ import annotations

from typing import Any

from game.sim.port import HORIZONS

from .. import assumptions
from ..crossing import Crossing
from ..numbers import Numbers
from ..screen import Screen, Words, button, choice, column, panel, row, text
from .crossing import continues, record_panel, shots, status_badge

# "after ...": a day, a year, ten years, seventy-five years (the model's horizons for stored photos)
LATER = ("day-1", "year-1", "years-10", "years-75")
SOURCES = ["one-to-one", "citizen-photos", "noncitizen-photos", "sharing-request"]


def later_hours(i: int) -> float:
    return HORIZONS[LATER[i]]


def kept_after(crossing: Crossing, hours: float | None) -> tuple:
    """The records that would still be stored `hours` after the crossing (all of them, for None)."""
    if hours is None:
        return crossing.records
    return tuple(r for r in crossing.records if r.retention_hours is None or r.retention_hours > hours)


def camera_threshold(crossing: Crossing) -> float:
    """The threshold the traveller's faces were matched against (the street's and a search's are their own)."""
    return next((b.threshold for b in crossing.beats if b.shots and b.threshold is not None), crossing.threshold)


def outcome_screen(world: Any, traveller_id: str, crossing: Crossing, later: int | None, numbers: Numbers) -> Screen:
    traveller = world.content.travellers[traveller_id]
    decided = column(text("outcome.heading", "heading", name=Words(traveller.name)),
                     status_badge("ok" if crossing.released else "alert", Words(crossing.summary)),
                     text(crossing.reason, "muted"))
    cameras = panel(text("outcome.captured", "subheading"), *shots(crossing.shots, camera_threshold(crossing), numbers))
    hours = None if later is None else later_hours(later)
    choices = row(*(choice(f"later:{i}", Words.of("outcome.after", {"duration": numbers.duration(later_hours(i))}),
                           later == i) for i in range(len(LATER))))
    hint = text("outcome.later_hint" if later is None else "outcome.later_showing", "small_muted")
    record = record_panel(world, kept_after(crossing, hours), numbers, 3600 * (hours or 0.0), before=(hint, choices),
                          wide=True)
    actions = (button("board", "outcome.board", primary=True), button("next", "outcome.another"),
               button("info", "common.how_do_we_know"), button("title", "common.to_title"))
    body = continues(row(column(decided, cameras), record, weights=(1, 2), min_width=420))
    return Screen("outcome", (body,), actions, focus="board")


def board_scene(content: Any) -> str:
    """The board opens on its first question: the threshold lab, or a question with options."""
    first = next(iter(content.questions.values()))
    return "lab" if first.kind == "threshold_lab" else "board"


def sources(world: Any, traveller_id: str, crossing: Crossing) -> tuple[list[str], list[str]]:
    """'How do we know?' on the outcome: the matching and storing facts, and what the model assumes for the lane."""
    lane = world.content.travellers[traveller_id].lane
    kinds = assumptions.lane_kinds(world.content, lane).values()
    return list(SOURCES), assumptions.crossing(world.model, kinds, lane, crossing.records)
