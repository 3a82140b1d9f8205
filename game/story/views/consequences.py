"""What a policy does, beside today's: the year at the port, what lies beyond it (the street scans
reported so far, one scraped search), and every traveller the player met, with their face and what
the policy changed for them. Shared by the board, the threshold lab, the record and the sandbox."""
from __future__ import annotations

from typing import Any

from game.sim.port import HORIZONS

from ..board import BEYOND_FIGURES, FIGURE_HORIZON, figures
from ..numbers import Numbers
from ..screen import Item, Words, column, pair, panel, row, text


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


def traveller_rows(world: Any, met: list[str], mine: Any) -> list[Item]:
    """Each traveller met: their face, and their outcome today and under the player's policy."""
    content = world.content
    rows = []
    for traveller_id in met:
        traveller = content.travellers[traveller_id]
        then, now = world.crossing(traveller_id, world.default_policy), world.crossing(traveller_id, mine)
        same = then.summary == now.summary
        words = Words.of("board.traveller_same" if same else "board.traveller_line",
                         {"name": Words(traveller.name), "before": Words(then.summary), "after": Words(now.summary)})
        face = Item("portrait", data={"face": traveller.face, "behaviour": tuple(traveller.behaviour), "height": 64,
                                      "width": 64, "scales": True})
        rows.append(row(face, Item("text", (words,), "small" if same else "accent"), weights=(1, 6), min_width=48))
    return rows


def consequences(world: Any, mine: Any, figure_ids: tuple[str, ...], numbers: Numbers,
                 met: list[str] | None = None) -> Item:
    """A panel: a year at the port (today | yours), beyond the port, and the travellers met."""
    year = [f for f in figure_ids if f not in BEYOND_FIGURES]
    beyond = [f for f in figure_ids if f in BEYOND_FIGURES]
    header = pair(Words.of("board.figure"), Words.of("board.today"), Words.of("board.yours"), role="small_muted")
    parts: list[Item] = []
    if year:
        parts += [text("board.year_heading", "subheading"), header, *figure_rows(world, mine, tuple(year), numbers)]
    if beyond:
        parts += [text("board.beyond_heading", "subheading")]
        if not year:
            parts.append(header)
        parts += figure_rows(world, mine, tuple(beyond), numbers)
    if met:
        parts += [text("board.travellers_heading", "accent"), *traveller_rows(world, met, mine)]
    return panel(column(*parts))
