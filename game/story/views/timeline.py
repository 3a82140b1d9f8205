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
from ..screen import Item, Words, column, row, text
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
          compare: bool = False, brief: bool = False, read: bool = False,
          also: tuple[RecordLine, ...] = ()) -> Item:
    """One record: its system and how long it is kept, the bar, what it holds and who may read it. With
    `compare`, what today's policy did instead where it differs (`before` None: today made no such record);
    `brief`, only what differs (the system, its time, the bar, and who may now or no longer read it);
    `read` (just read in full on the lane), the system, the bar and what it holds, to tell it from another
    record of the same system. `also`: more records of the system, kept alike and read by the same, whose
    holdings follow this one's."""
    kept = Words.of(line.retention_label, numbers.values(retention_values(world.model, line.retention)))
    readers = readers_words(line.readers)
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
    held = tuple(Item("text", (holds(r),), "small_muted") for r in (line, *also))
    said = () if brief else (*held, Item("text", (readers,), "small_muted"))
    drawn = bar(kept_hours(line.retention_hours), was)
    parts = (label, drawn, *held) if read else (label, Item("text", (kept,), "small"), drawn, *said, moved)
    return Item("column", items=tuple(p for p in parts if p is not None), data=TIGHT)


def readers_moved(line: RecordLine, before: RecordLine) -> Item | None:
    """Who may read the record now and could not under today's policy, and who no longer may: in words."""
    added = [r for r in line.readers if r not in before.readers]
    removed = [r for r in before.readers if r not in line.readers]
    parts = ([Words.of("timeline.readers_added", {"readers": listing(added, "record.reader_list")})] if added else []) + \
        ([Words.of("timeline.readers_removed", {"readers": listing(removed, "record.reader_list")})] if removed else [])
    return Item("text", tuple(parts), "strong") if parts else None


def balance(sizes: list[int]) -> int:
    """Where to cut a list of entries (`sizes`: each one's lines) into two columns of nearly equal height."""
    return min(range(1, len(sizes)), key=lambda cut: (max(sum(sizes[:cut]), sum(sizes[cut:])), -cut))


def alike(records: list[RecordLine], before: dict[tuple, RecordLine] | None = None) -> list[tuple[RecordLine, ...]]:
    """Records in groups, in order of first appearance: those of one system kept for the same time and read by
    the same agencies (a photo added to the crossing record is in that record) together; beside today's
    records (`before`, by system and what they hold), only where today's policy also kept them alike (or
    made neither)."""
    groups: dict[tuple, list[RecordLine]] = {}
    for r in records:
        old = (before or {}).get((r.system, r.what))
        kept_today = None if old is None else (old.retention, old.readers)
        groups.setdefault((r.system, r.retention, r.readers, kept_today), []).append(r)
    return [tuple(g) for g in groups.values()]


def same(line: RecordLine, before: RecordLine | None) -> bool:
    return before is not None and before.retention == line.retention and before.readers == line.readers


def timeline(world: Any, records: tuple[RecordLine, ...], numbers: Numbers,
             today: tuple[RecordLine, ...] | None = None, heading: str | None = "timeline.heading",
             changed_only: bool = False, heading_role: str = "subheading", split: bool = False,
             seen: tuple[RecordLine, ...] = ()) -> Item:
    """Every record on the one axis (or, `changed_only`, those that differ from today's); beside `today`'s
    records when given (what moved is said in words, and a record today's policy made that this one does
    not is listed as gone). `split`: the records in two columns side by side, each under its own axis, so
    a wide screen holds them all at once (on a narrow one the second column follows the first). `seen`:
    records the player has just read in full on the lane, each now only its system, time and bar."""
    head = column(text(heading, heading_role), axis(numbers)) if heading else axis(numbers)
    if not records and not today:
        return column(head, text("record.empty", "small_muted"))
    before = {(r.system, r.what): r for r in today or ()}
    mine = {(r.system, r.what) for r in records}
    shown = [r for r in records if not (changed_only and same(r, before.get((r.system, r.what))))]
    read = {(r.system, r.what) for r in seen}
    entries = [entry(world, group[0], numbers, before.get((group[0].system, group[0].what)), today is not None,
                     changed_only, all((r.system, r.what) in read for r in group), group[1:])
               for group in alike(shown, before)]
    gone = [Item("text", (Words(r.system), Words("timeline.gone")), "small") for key, r in before.items()
            if key not in mine]
    if not entries and not heading:  # only records that are gone: words, no empty axis
        return Item("column", items=tuple(gone), data=CLOSE)
    if split and len(entries) > 1:
        half = balance([len(e.items) for e in entries])
        # each axis held to its first record, so no page ends on an axis alone
        halves = tuple(Item("column", items=(Item("column", items=(axis(numbers), part[0]), data=CLOSE), *part[1:]),
                            data=CLOSE) for part in (entries[:half], entries[half:]))
        named = (text(heading, heading_role),) if heading else ()
        return Item("column", items=(*named, row(*halves, weights=(1, 1)), *gone), data=CLOSE)
    return Item("column", items=(head, *entries, *gone), data=CLOSE)
