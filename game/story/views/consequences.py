"""What a policy does, beside today's: the year at the port, what lies beyond it (the street scans
reported so far, one scraped search), and every traveller the player met, with their face and what
the policy changed for them that they can see (game.story.people): their outcome, their faces' matches,
the street scan, and their records' times and readers on a timeline. Shared by the board, the threshold
lab, the record and the sandbox."""
from __future__ import annotations

from typing import Any

from game.sim.port import HORIZONS

from ..board import BEYOND_FIGURES, FIGURE_HORIZON, figures
from ..numbers import Numbers
from ..people import mood, touched_most, touches, visible_state
from ..screen import Item, Words, column, pair, panel, row, text
from ..speech import person
from .timeline import timeline


def figure_label(numbers: Numbers, fid: str) -> Words:
    if fid in FIGURE_HORIZON:
        return Words.of("figure.photos_after", {"duration": numbers.duration(HORIZONS[FIGURE_HORIZON[fid]])})
    return Words.of(f"figure.{fid}")


def figure_rows(world: Any, mine: Any, figure_ids: tuple[str, ...], numbers: Numbers) -> list[Item]:
    """Each figure as a row: its label, today's value and the player's, marked when it moved."""
    before, after = figures(world.year(world.default_policy)), figures(world.year(mine))
    rows = []
    for fid in figure_ids:
        b, a = numbers.count(before[fid]), numbers.count(after[fid])
        rows.append(pair(figure_label(numbers, fid), Words.of("board.value", {"value": b}),
                         Words.of("board.value", {"value": a}), changed=a != b, rising=after[fid] > before[fid]))
    return rows


FACE = 64        # a traveller's face in a row, at standard text
FACE_FULL = 96   # on the record, where each traveller has a panel of their own
LINE_GAP = 10    # between the lines about one traveller, closer than between travellers


def face_item(traveller: Any, mood: str | None, size: int = FACE) -> Item:
    """A traveller's face, its expression what happened to them."""
    return Item("portrait", data={"face": traveller.face, "behaviour": tuple(traveller.behaviour), "height": size,
                                  "width": size, "scales": True, "mood": mood,
                                  "said": person(Words(traveller.name), mood)})


def change_lines(world: Any, traveller_id: str, mine: Any, numbers: Numbers, full: bool = False,
                 nothing: str = "people.nothing") -> list[Item]:
    """What the player's policy changes for the traveller that they can see, beside today's, a line each:
    the outcome, each person's camera result, the street scan, and the records whose time or readers
    moved, on a timeline (`full`: every record, what moved marked)."""
    before, after = visible_state(world, traveller_id), visible_state(world, traveller_id, mine)
    lines: list[Item] = []
    if before.summary != after.summary:
        lines.append(text("people.outcome", "accent", before=Words(before.summary), after=Words(after.summary)))
    for (who, was), (_, now) in zip(before.faces, after.faces):
        if was != now:
            lines.append(text("people.face", "small", who=Words(who), before=Words(was), after=Words(now)))
    if before.street != after.street and before.street and after.street:
        lines.append(text("people.street", "small", before=Words(before.street), after=Words(after.street)))
    if full or before.records != after.records:
        today = world.crossing(traveller_id, world.default_policy).records
        lines.append(timeline(world, world.crossing(traveller_id, mine).records, numbers, today,
                              heading="timeline.compare_heading" if full else None, changed_only=not full,
                              heading_role="strong"))
    if before == after:
        lines.append(text(nothing, "small_muted"))
    return lines


def traveller_rows(world: Any, met: list[str], mine: Any, numbers: Numbers, question: Any = None,
                   full: bool = False) -> list[Item]:
    """Each traveller met: their face (relieved or worried under the player's policy), their name and what
    the policy changes for them beside today. With a `question` that changes nothing for anyone met, the
    traveller it changes most as well, said to be someone the player has not met."""
    content = world.content
    shown = [(tid, None) for tid in met]
    if question is not None and not any(touches(world, question, tid) for tid in met):
        other = touched_most(world, question)
        if other is not None:
            shown.append((other, Words.of("people.not_met", {"name": Words(content.travellers[other].name)})))
    rows = []
    for traveller_id, note in shown:
        traveller = content.travellers[traveller_id]
        crossing = world.crossing(traveller_id, mine)
        same = crossing.summary == world.crossing(traveller_id, world.default_policy).summary
        outcome = (Words.of("people.same_outcome", {"outcome": Words(crossing.summary)}),) if same else ()
        name = Item("text", (note or Words(traveller.name), *outcome), "strong")
        lines = change_lines(world, traveller_id, mine, numbers, full,
                             "people.other_answers" if note else "people.nothing")
        size = FACE_FULL if full else FACE
        said = Item("column", items=(name, *lines), data={"gap": LINE_GAP})
        rows.append(row(face_item(traveller, mood(crossing), size), said, weights=(1, 6), min_width=size * 3 // 4))
    return rows


def consequences(world: Any, mine: Any, figure_ids: tuple[str, ...], numbers: Numbers,
                 met: list[str] | None = None, question: Any = None) -> Item:
    """A panel: the travellers met, a year at the port (today | yours), and beyond the port."""
    year = [f for f in figure_ids if f not in BEYOND_FIGURES]
    beyond = [f for f in figure_ids if f in BEYOND_FIGURES]
    header = pair(Words.of("board.figure"), Words.of("board.today"), Words.of("board.yours"), role="small_muted")
    table: list[Item] = []
    if year:
        table += [text("board.year_heading", "subheading"), header, *figure_rows(world, mine, tuple(year), numbers)]
    if beyond:
        table += [text("board.beyond_heading", "subheading")]
        if not year:
            table.append(header)
        table += figure_rows(world, mine, tuple(beyond), numbers)
    parts: list[Item] = []
    if met:  # the people first: what a decision does to someone met, then to a year of traffic
        people = traveller_rows(world, met, mine, numbers, question)  # the heading stays with the first
        parts += [column(text("board.travellers_heading", "accent"), people[0]), *people[1:]]
    parts.append(column(*table))  # one table, its headings with its rows and its columns aligned
    return panel(column(*parts))
