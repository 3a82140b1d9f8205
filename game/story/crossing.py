"""A traveller's crossing as a sequence of beats, one per station, ready to be shown.

The model (game/sim) decides what happens; this module only arranges its outcome into what
each station says, which faces it shows, and what the record holds by then. No pygame here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Line:
    """One sentence: a text id and the model's numbers to fill its placeholders."""

    text: str
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Shot:
    """One person before a camera: was a usable image taken, and how did it score?"""

    who: str                  # text id of the person's name or seat
    seat: str | None
    face: Any                 # schema.Face, for drawing
    behaviour: tuple[str, ...]
    captured: bool
    quality_ok: bool
    cause: str | None         # text id: why capture or quality failed
    score: float | None       # similarity against the document photo
    matched: bool | None


@dataclass(frozen=True)
class RecordLine:
    """What one system holds about the traveller, for how long, and who may read it."""

    system: str               # text id
    what: str                 # text id
    retention_hours: float | None   # None: no end is set in our sources
    readers: tuple[str, ...]  # text ids


@dataclass(frozen=True)
class Beat:
    station: str
    status: str               # "ok", "alert" or "info": drawn with a shape and a word, not colour alone
    status_label: str         # text id
    lines: tuple[Line, ...]
    shots: tuple[Shot, ...] = ()
    threshold: float | None = None
    records: tuple[RecordLine, ...] = ()
    facts: tuple[str, ...] = ()
    delay_seconds: float = 0.0


@dataclass(frozen=True)
class Crossing:
    traveller: str
    seed: int
    beats: tuple[Beat, ...]
    released: bool
    threshold: float

    def beat_at(self, station: str) -> Beat:
        return next(b for b in self.beats if b.station == station)

    @property
    def records(self) -> tuple[RecordLine, ...]:
        return self.beats[-1].records if self.beats else ()

    @property
    def shots(self) -> tuple[Shot, ...]:
        for beat in reversed(self.beats):
            if beat.shots:
                return beat.shots
        return ()
