"""Data you can see age: a traveller's records on one time axis that runs from an hour to a hundred
years, a bar per record that ends where the record is deleted (open, with an arrow and a word, where
no end date is published), each bar named by its system, with how long it is kept and who may read it
in words beside it.

The words are text items the flow layout wraps at any text size; the axis and the bars are drawn
items ("timeline_axis", "timeline_bar") that share one scale, so the bars line up under the axis's
labelled ticks. Beside another policy's records (today's), a bar that moved says so in words and
marks where it ended before.
"""
from __future__ import annotations

from typing import Any

from game.sim.policy import retention_values

from ..crossing import RecordLine
from ..numbers import HOURS_PER_YEAR, Numbers
from ..people import kept_hours
from ..screen import Item, Words, column, text
from .crossing import holds, listing, readers_words

SPAN = (1.0, 100.0 * HOURS_PER_YEAR)  # the axis: an hour to a hundred years, on a logarithmic scale
TICKS = (12.0, 336.0, 15.0 * HOURS_PER_YEAR, 75.0 * HOURS_PER_YEAR)  # citizens' photos, non-citizens', Mobile Fortify, IDENT
BAR = 34        # a bar's height at standard text: room for the word on an open-ended bar
AXIS = 84       # the axis: two rows of tick labels and the ticks (grows with the text)
TIGHT = {"gap": 6}   # the lines of one record
CLOSE = {"gap": 12}  # one record and the next


def axis(numbers: Numbers) -> Item:
    """The time axis, its ticks labelled with durations in words."""
    return Item("chart", data={"painter": "timeline_axis", "height": AXIS, "scales": True, "span": SPAN,
                               "ticks": tuple((h, numbers.duration(h)) for h in TICKS)})


def bar(end: float | None, was: float | None | str = "same") -> Item:
    """One record's bar: from the crossing to `end` hours (None: no end date). `was` is where it ended
    under the other policy, when that differs ("same" when it does not)."""
    data = {"painter": "timeline_bar", "height": BAR, "scales": True, "span": SPAN, "ticks": TICKS, "end": end,
            "open": Words("timeline.no_end")}
    if was != "same":
        data["was"] = was
    return Item("chart", data=data)


def entry(world: Any, line: RecordLine, numbers: Numbers, before: RecordLine | None = None,
          compare: bool = False, brief: bool = False) -> Item:
    """One record: its system and how long it is kept, the bar, what it holds and who may read it. With
    `compare`, what today's policy did instead where it differs (`before` None: today made no such record);
    `brief`, only what differs (the system, its time, the bar, and who may now or no longer read it)."""
    kept = Words.of(line.retention_label, numbers.values(retention_values(world.model, line.retention)))
    readers = readers_words(line.readers)
    what = holds(line)
    was: float | None | str = "same"
    if compare and before is None:
        kept = Words.of("timeline.new", {"kept": kept})
    elif compare and before is not None:
        if before.retention != line.retention:
            old = Words.of(before.retention_label, numbers.values(retention_values(world.model, before.retention)))
            kept = Words.of("timeline.was", {"now": kept, "before": old})
            was = kept_hours(before.retention_hours)
    moved = readers_moved(line, before) if compare and before is not None else None
    label = Item("text", (Words(line.system),), "label")
    # how long, what it holds and who may read it a line each, worded as the lane's record says them: read
    # there once
    said = () if brief else (Item("text", (what,), "small_muted"), Item("text", (readers,), "small_muted"))
    parts = (label, Item("text", (kept,), "small"), bar(kept_hours(line.retention_hours), was), *said, moved)
    return Item("column", items=tuple(p for p in parts if p is not None), data=TIGHT)


def readers_moved(line: RecordLine, before: RecordLine) -> Item | None:
    """Who may read the record now and could not under today's policy, and who no longer may: in words."""
    added = [r for r in line.readers if r not in before.readers]
    removed = [r for r in before.readers if r not in line.readers]
    parts = ([Words.of("timeline.readers_added", {"readers": listing(added, "record.reader_list")})] if added else []) + \
        ([Words.of("timeline.readers_removed", {"readers": listing(removed, "record.reader_list")})] if removed else [])
    return Item("text", tuple(parts), "strong") if parts else None


def same(line: RecordLine, before: RecordLine | None) -> bool:
    return before is not None and before.retention == line.retention and before.readers == line.readers


def timeline(world: Any, records: tuple[RecordLine, ...], numbers: Numbers,
             today: tuple[RecordLine, ...] | None = None, heading: str | None = "timeline.heading",
             changed_only: bool = False, heading_role: str = "subheading") -> Item:
    """Every record on the one axis (or, `changed_only`, those that differ from today's); beside `today`'s
    records when given (what moved is said in words, and a record today's policy made that this one does
    not is listed as gone)."""
    head = column(text(heading, heading_role), axis(numbers)) if heading else axis(numbers)
    if not records and not today:
        return column(head, text("record.empty", "small_muted"))
    before = {(r.system, r.what): r for r in today or ()}
    mine = {(r.system, r.what) for r in records}
    shown = [r for r in records if not (changed_only and same(r, before.get((r.system, r.what))))]
    entries = [entry(world, r, numbers, before.get((r.system, r.what)), today is not None, changed_only) for r in shown]
    gone = [Item("text", (Words(r.system), Words("timeline.gone")), "small") for key, r in before.items()
            if key not in mine]
    if not entries and not heading:  # only records that are gone: words, no empty axis
        return Item("column", items=tuple(gone), data=CLOSE)
    return Item("column", items=(head, *entries, *gone), data=CLOSE)
