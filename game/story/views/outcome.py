"""The outcome: what was decided about the traveller and why, and what it means for them (their face
relieved or worried, a line about their day); what the cameras did (everyone's face, the result in
words, every score on a labelled scale); and what the databases did: every record made on one timeline
from an hour to a hundred years, each bar ending where the record is deleted, with who may read it.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from .. import assumptions
from ..crossing import Crossing, RecordLine
from ..numbers import Numbers
from ..people import mood
from ..screen import Item, Screen, Words, button, column, panel, row, text
from ..speech import person
from .crossing import continues, shots, status_badge
from .timeline import timeline

SOURCES = ["one-to-one", "citizen-photos", "noncitizen-photos", "sharing-request"]
PORTRAIT = 112  # the traveller's face beside the decision, at standard text


def camera_threshold(crossing: Crossing) -> float:
    """The threshold the traveller's faces were matched against (the street's and a search's are their own)."""
    return next((b.threshold for b in crossing.beats if b.shots and b.threshold is not None), crossing.threshold)


def with_mood(item: Item, feeling: str) -> Item:
    """The item with every face in it wearing `feeling` (the shots' painter and portraits read data["mood"])."""
    if item.kind in ("portrait", "chart") and isinstance(item.data, dict) and "face" in item.data:
        return replace(item, data={**item.data, "mood": feeling})
    if item.items:
        return replace(item, items=tuple(with_mood(i, feeling) for i in item.items))
    return item


def after_line(traveller_id: str, crossing: Crossing) -> Item:
    """What the decision means for the traveller's day, in a sentence."""
    return text(f"traveller.{traveller_id}.after_{'released' if crossing.released else 'held'}", "body")


def outcome_screen(world: Any, traveller_id: str, crossing: Crossing, numbers: Numbers,
                   compact: bool = False, seen: tuple[RecordLine, ...] = ()) -> Screen:
    """`compact` (a kiosk's short path): without the cameras' shots, which the lane has just shown, and the
    records under what was decided, two columns wide, those `seen` in full on the lane now only their
    system, time and bar."""
    traveller = world.content.travellers[traveller_id]
    feeling = mood(crossing)
    face = Item("portrait", data={"face": traveller.face, "behaviour": tuple(traveller.behaviour), "height": PORTRAIT,
                                  "width": PORTRAIT, "scales": True, "mood": feeling,
                                  "said": person(Words(traveller.name), feeling)})
    said = column(status_badge("ok" if crossing.released else "alert", Words(crossing.summary)),
                  after_line(traveller_id, crossing), text(crossing.reason, "muted"))
    decided = row(face, said, weights=(1, 4), min_width=PORTRAIT // 2)
    cameras = panel(text("outcome.captured", "subheading"),
                    *(with_mood(i, feeling) for i in shots(crossing.shots, camera_threshold(crossing), numbers)))
    record = panel(timeline(world, crossing.records, numbers, split=compact, seen=seen))
    actions = (button("board", "outcome.board", primary=True), button("next", "outcome.another"),
               button("info", "common.how_do_we_know"), button("title", "common.to_title"))
    # compact: what was decided over the records, the records two columns wide, so one page holds them
    body = column(decided, record) if compact else continues(row(column(decided, cameras), record, weights=(1, 1),
                                                                    min_width=480))
    return Screen("outcome", (text("outcome.heading", "heading", name=Words(traveller.name)), body), actions,
                  focus="board")


def board_scene(content: Any) -> str:
    """The board opens on its first question: the threshold lab, or a question with options."""
    first = next(iter(content.questions.values()))
    return "lab" if first.kind == "threshold_lab" else "board"


def sources(world: Any, traveller_id: str, crossing: Crossing) -> tuple[list[str], list[str]]:
    """'How do we know?' on the outcome: the matching and storing facts, and what the model assumes for the lane."""
    lane = world.content.travellers[traveller_id].lane
    kinds = assumptions.lane_kinds(world.content, lane).values()
    return list(SOURCES), assumptions.crossing(world.model, kinds, lane, crossing.records)
