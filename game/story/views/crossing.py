"""Pieces the lane and the outcome share, as screen items: a status badge (a shape and a word), what
the cameras got (each person's face and the result in words, every score on one labelled scale), and
the record that follows the traveller (each system, what it holds, how long, who may read it).

Every number is formatted here with `Numbers`; the UI paints the shapes (the badge's, the framed faces,
the scale) inside the rectangles the layout gives them.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Iterable

from game.sim.policy import retention_values

from ..crossing import Beat, RecordLine, Shot
from ..numbers import HOURS_PER_YEAR, Numbers
from ..screen import Item, Words, column, panel, row, text

SCALE_LO, SCALE_HI = -2.0, 10.0  # the matcher's similarity scores run roughly between these
FACE = 80                        # a shot's face, canvas pixels at standard text
BADGE = 36                       # a status badge's shape
SCALE_HEIGHT = 104               # the scale: a row of values, the bar, a row of side words (grows with the text)
RECORD_MIN_WIDTH = 380           # the narrowest column of record entries


def continues(item: Item) -> Item:
    """A row whose columns stay side by side when it pages: each continues in its place on the next page
    (the layout's `continues` hint), so the station and its record are never pulled apart."""
    return replace(item, data={**item.data, "continues": True})


# -- status ---------------------------------------------------------------------------------------
def status_badge(status: str, label: Words, *more: Words) -> Item:
    """A shape (a tick for ok, a triangle for alert, a circle for information) and a word, and any more words
    after it: never colour alone."""
    role = {"ok": "ok", "alert": "alert"}.get(status, "strong")
    shape = Item("chart", data={"painter": "status", "status": status, "height": BADGE, "width": BADGE,
                                "scales": True})
    return row(shape, Item("text", (label, *more), role), weights=(1, 12), min_width=1)  # the word close by the shape


# -- the cameras -----------------------------------------------------------------------------------
def score_places(shots: Iterable[Shot], threshold: float | None) -> int:
    """One decimal, or two where a score would read the same as the threshold (not 4.3 against 4.3)."""
    return places_for((s.score for s in shots if s.score is not None), threshold)


def places_for(scores: Iterable[float], threshold: float | None) -> int:
    """score_places for bare scores (a prediction's)."""
    if threshold is None:
        return 1
    return 2 if any(f"{score:.1f}" == f"{threshold:.1f}" for score in scores) else 1


def _decimal(numbers: Numbers, value: float, places: int) -> str:
    return numbers.decimal(round(value, places) + 0.0, places)  # never "-0.0"


def shot_words(shot: Shot, score: str | None) -> tuple[tuple[Words, ...], str]:
    """The result in words, and its role: the image (when no score says it), why it failed, what the match said."""
    usable = shot.captured and shot.quality_ok
    parts: list[Words] = []
    if score is None:
        parts.append(Words("shot.captured" if usable else ("shot.poor_quality" if shot.captured else "shot.missed")))
    if shot.cause:  # e.g. no camera, a hat; or "No match: the document's photo is missing from the gallery"
        parts.append(Words(shot.cause))
    if score is not None:
        result = Words("shot.match" if shot.matched else "shot.no_match")
        parts.append(Words.of("shot.score", {"score": score, "result": result}))
    role = "small" if not usable or shot.matched is None else ("ok" if shot.matched else "alert")
    return tuple(parts), role


def shot_row(shot: Shot, score: str | None) -> Item:
    """One person: the face (framed by whether the image is usable, crossed out if none was taken), the
    name, the result in words."""
    face = Item("chart", data={"painter": "shot", "face": shot.face, "behaviour": tuple(shot.behaviour),
                               "captured": shot.captured, "usable": shot.captured and shot.quality_ok,
                               "height": FACE, "width": FACE, "scales": True})
    words, role = shot_words(shot, score)
    return row(face, column(text(shot.who, "strong"), Item("text", words, role)), weights=(1, 4), min_width=FACE)


def shot_line(shot: Shot, score: str | None) -> Item:
    """One person as a line of words, where a camera's view above already shows their face."""
    words, role = shot_words(shot, score)
    return Item("text", (Words(shot.who), *words), role)


def shots(shots_: tuple[Shot, ...], threshold: float | None, numbers: Numbers, faces: bool = True) -> list[Item]:
    """Every person before the camera, a row each (with their face, or a line of words where `faces` is
    False), then every score on one labelled scale."""
    places = score_places(shots_, threshold)
    scored = threshold is not None
    scores = [_decimal(numbers, s.score, places) if scored and s.score is not None else None for s in shots_]
    person = shot_row if faces else shot_line
    items = [person(s, score) for s, score in zip(shots_, scores)]
    marks = tuple((s.score, score) for s, score in zip(shots_, scores) if score is not None)
    if marks:
        items.append(scale(threshold, marks, numbers, places))
    return items


def scale(threshold: float, marks: tuple[tuple[float, str], ...], numbers: Numbers, places: int) -> Item:
    """A score means nothing without its scale: its ends, the threshold and which side is a match, labelled."""
    said = _decimal(numbers, threshold, places)
    return Item("chart", data={
        "painter": "scale", "height": SCALE_HEIGHT, "scales": True, "threshold": threshold, "marks": marks,
        "lo": SCALE_LO, "hi": SCALE_HI, "low": numbers.count(SCALE_LO), "high": numbers.count(SCALE_HI),
        "threshold_words": Words.of("shot.threshold", {"score": said}),
        "said": Words.of("shot.threshold", {"score": said}),  # for self-voicing: the shots' words say the scores
        "no_match": Words("shot.no_match_side"), "match": Words("shot.match_side")})


def comparison(rows: tuple[tuple[float, float, float], ...], numbers: Numbers) -> list[Item]:
    """The same match rate against galleries of growing size: why false candidates grow with it. A line
    for each gallery: its size, the strangers expected as candidates, the chance of at least one (lines,
    not a table's columns, so the long figures wrap at any width and in any language)."""
    def cell(label: str, value: str) -> Words:
        return Words.of("beat.cell", {"label": Words(label), "value": value})
    return [Item("text", (cell("beat.gallery_size", numbers.count(size)),
                          cell("beat.gallery_expected", numbers.count(expected)),
                          cell("beat.gallery_chance", numbers.percent(chance) if chance >= 0.01
                               else numbers.one_in(chance))), "small")
            for size, expected, chance in rows]


def line_words(line: Any, numbers: Numbers) -> Words:
    """A beat's sentence, the model's numbers formatted for reading."""
    return Words.of(line.text, numbers.values(line.values))


def beat_lines(beat: Beat, numbers: Numbers) -> list[Item]:
    return [Item("text", (line_words(line, numbers),), "body" if i == 0 else "small") for i, line in enumerate(beat.lines)]


# -- the record ------------------------------------------------------------------------------------
def listing(names: Iterable[str], list_id: str) -> Words:
    """Names (text ids) as one list in words: 'a; b; c' is '{first}; {rest}' nested; none says so."""
    names = list(names)
    if not names:
        return Words("record.nobody")
    words = Words(names[-1])
    for name in reversed(names[:-1]):
        words = Words.of(list_id, {"first": Words(name), "rest": words})
    return words


def time_left(numbers: Numbers, seconds: float) -> Words:
    """What is left of a retention period, counting down: h:mm:ss within a day, then days, then years."""
    if seconds <= 0:
        return Words("record.deleted")
    if seconds >= 2 * 3600 * HOURS_PER_YEAR:
        years = Words.of("record.years", {"n": numbers.count(int(seconds / 3600 / HOURS_PER_YEAR))})
        return Words.of("record.left", {"time": years})
    days, rest = divmod(int(seconds), 86400)
    clock: str | Words = f"{rest // 3600}:{rest % 3600 // 60:02d}:{rest % 60:02d}"
    if days:
        clock = Words.of("record.days_clock", {"n": numbers.count(days), "clock": clock})
    return Words.of("record.left", {"time": clock})


def counts_down(world: Any, line: RecordLine) -> bool:
    """A sourced end date counts down; no date, no countdown."""
    stated = world.model.records.retentions[line.retention].hours
    return stated is not None and bool(stated.source)


def countdown(world: Any, line: RecordLine, elapsed_seconds: float, numbers: Numbers) -> Words | None:
    if not counts_down(world, line):
        return None
    return time_left(numbers, line.retention_hours * 3600 - elapsed_seconds)


def _line(words: tuple[Words, ...], role: str, live: str | None = None) -> Item:
    """A line of a record entry: a table row's label and values, close under the one before."""
    data = {"changed": False, "rising": False}
    if live:
        data["live"] = live
    return Item("pair", words, role, data=data)


def holds(line: RecordLine) -> Words:
    """What a record holds and, when not only the traveller's, about whom (or "everyone in the car")."""
    what = Words(line.what)
    if line.people:
        what = Words.of("record.about", {"what": what, "people": listing(line.people, "record.people_list")})
    return what


def readers_words(readers: tuple[str, ...]) -> Words:
    """Who may read a record, as a list the language joins."""
    return Words.of("record.readers", {"readers": listing(readers, "record.reader_list")})


def record_entry(world: Any, line: RecordLine, numbers: Numbers, elapsed_seconds: float = 0.0,
                 live: str | None = None) -> Item:
    """One record: the system (and what is left of its time, counting down), what it holds and about whom,
    how long it is kept, and who may read it. `live` names the countdown, which changes every second."""
    what = holds(line)
    kept = Words.of(line.retention_label, numbers.values(retention_values(world.model, line.retention)))
    readers = readers_words(line.readers)
    left = countdown(world, line, elapsed_seconds, numbers)
    system = _line((Words(line.system), *((left,) if left is not None else ())), "label", live if left else None)
    # how long and who may read it, a line each: as the outcome's timeline says them
    return column(system, _line((what,), "small"), _line((kept,), "small_muted"), _line((readers,), "small_muted"))


def record_entries(world: Any, records: tuple[RecordLine, ...], numbers: Numbers, elapsed_seconds: float = 0.0,
                   live: bool = False) -> list[Item]:
    if not records:
        return [text("record.empty", "small_muted")]
    return [record_entry(world, line, numbers, elapsed_seconds, f"record:{i}" if live else None)
            for i, line in enumerate(records)]


def record_panel(world: Any, records: tuple[RecordLine, ...], numbers: Numbers, elapsed_seconds: float = 0.0,
                 live: bool = False, before: tuple[Item, ...] = (), wide: bool = False) -> Item:
    """The record that follows the traveller: a heading and anything the screen puts first, then every
    record, one under another, or (`wide`) in a grid as wide as there is room for. Paged by whole records
    when it must be; the heading never stands alone at the foot of a page."""
    entries = record_entries(world, records, numbers, elapsed_seconds, live)
    head = (text("record.heading", "subheading"), *before)
    if wide:  # two records side by side where there is room: a row for each two, so pages break between rows
        rows = [row(*entries[i:i + 2], *([column()] if len(entries[i:i + 2]) == 1 else []), weights=(1, 1),
                    min_width=RECORD_MIN_WIDTH) for i in range(0, len(entries), 2)]
        return panel(column(*head), *rows)
    first = entries[0].items if entries[0].kind == "column" else (entries[0],)
    return panel(column(_line((Words("record.heading"),), "primary"), *first), *entries[1:])
