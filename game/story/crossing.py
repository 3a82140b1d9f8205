"""A traveller's crossing as a sequence of beats, one per station, ready to be shown.

The model (game/sim) decides what happens; this module only arranges its outcome into what
each station says, which faces it shows, and what the record holds by then. No pygame here.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class Line:
    """One sentence: a text id and the model's numbers to fill its placeholders (raw numbers: the view
    formats them in the reader's language)."""

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
    retention_hours: float
    retention: str            # retention id (records.yaml); its label is filled by sim.retention_values
    retention_label: str      # text id
    readers: tuple[str, ...]  # text ids
    people: tuple[str, ...] = ()  # text ids of whose record this is, when not only the traveller's
    fact: str | None = None       # the fact that says this system keeps it


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
    # gallery size, strangers expected as candidates, chance of at least one: the model's numbers
    # (formatted by the view, in the reader's language)
    comparison: tuple[tuple[float, float, float], ...] = ()
    # how long the car stands here beyond a clear crossing (an alarm, a manual check, secondary), and
    # how many cars come through the lane meanwhile: one per booth inspection (model.port.booth_seconds)
    held_seconds: float = 0.0
    cars_meanwhile: float = 0.0


@dataclass(frozen=True)
class Crossing:
    traveller: str
    seed: int
    beats: tuple[Beat, ...]
    released: bool
    threshold: float
    summary: str              # text id of the decision, e.g. model.decision.released
    reason: str               # text id of why
    shots: tuple[Shot, ...] = ()  # everyone in the story, whether or not a camera ran (the traveller first)
    conditions: str = "daylight"  # what the cameras look through: glare, night, rain, tint

    def beat_at(self, station: str) -> Beat:
        return next(b for b in self.beats if b.station == station)

    @property
    def records(self) -> tuple[RecordLine, ...]:
        return self.beats[-1].records if self.beats else ()



# -- from the model's story to beats ------------------------------------------------------------
# which model event each kind of station shows (stations.yaml kinds -> StationEvent.station)
EVENT_FOR_KIND = {"queue": "queue", "rpm": "rpm", "plate": "plate", "face": "face", "booth": "booth",
                  "counter": "counter", "xray": "xray", "decision": "decision", "exit": "decision",
                  "stop": None, "scan": "street", "search": "search", "review": "decision"}
# where a record is first written: system id -> station kinds, in lane order
WRITTEN_AT = {"tecs": ("plate", "booth", "counter", "exit"), "tvs": ("face",), "mobile-fortify": ("scan",),
              "clearview": ("search",)}
HELD_DECISIONS = {"model.decision.secondary", "model.decision.held", "model.decision.named"}


def build_crossing(content: Any, model: Any, policy: Any, traveller: Any, seed: int) -> Crossing:
    """Sample the traveller's story under `policy` and lay it out station by station."""
    from game.sim import policy_threshold, sample_crossing  # the model stays a leaf dependency

    story = sample_crossing(model, policy, traveller, seed)
    stations = lane_stations(content, traveller.lane)
    shots = tuple(_shot(traveller, person) for person in story.people)
    records: list[RecordLine] = []
    pending = _merge_people(traveller, story.records)
    beats = []
    for index, station in enumerate(stations):
        event = story.event(EVENT_FOR_KIND[station.kind]) if EVENT_FOR_KIND[station.kind] else None
        last = index == len(stations) - 1
        for entry, people in list(pending.items()):
            if last or station.kind in WRITTEN_AT.get(entry.system, ()):
                records.append(_record_line(model, entry, people))
                del pending[entry]
        beat = _beat(station, event, story, shots, tuple(records))
        if station.kind in ("scan", "review"):
            beat = replace(beat, comparison=_gallery_sizes(model, story))
        held = _held_seconds(model, station.kind, event, story)
        if held:
            beat = replace(beat, held_seconds=held, cars_meanwhile=held / model.port["booth_seconds"])
        beats.append(beat)
    return Crossing(traveller.id, seed, tuple(beats), story.decision not in HELD_DECISIONS,
                    policy_threshold(model, policy), story.decision, story.reason, shots, traveller.conditions)


def _held_seconds(model: Any, kind: str, event: Any, story: Any) -> float:
    """The time the model adds at this station: the radiation alarm's check, the officer's manual checks,
    or the wait in secondary (where the lane moves on without the car)."""
    if event is None:
        return 0.0
    if kind == "rpm" and event.outcome.endswith("nuisance"):
        return event.seconds
    if kind in ("booth", "counter"):
        return event.details.get("manual_checks", 0) * model.port["manual_check_seconds"]
    if kind in ("decision", "exit") and story.decision == "model.decision.secondary":
        return model.port["secondary_minutes"] * 60.0
    return 0.0


def _gallery_sizes(model: Any, story: Any) -> tuple[tuple[float, float, float], ...]:
    """Why false candidates grow with the gallery: the same match rate against one photo (the port's
    one-to-one check), the biometric database, and the scraped internet."""
    from game.sim import one_to_many
    event = story.event("street") or story.event("search")
    if event is None or "fmr" not in event.details:
        return ()
    rows = []
    for size in (1, model.search["street_gallery"], model.search["scraped_gallery"]):
        expected, at_least_one = one_to_many(event.details["fmr"], size)
        rows.append((float(size), float(expected), float(at_least_one)))
    return tuple(rows)


def lane_stations(content: Any, lane: str) -> list:
    """A lane's stations in the order the traveller passes them."""
    chain, current = [], content.lanes[lane].first
    while current:
        chain.append(content.stations[current])
        current = content.stations[current].next
    return chain


def _who(traveller: Any, who: str) -> tuple[str, Any]:
    if who == "traveller":
        return traveller.name, traveller
    companion = traveller.companions[int(who.split("-")[1])]
    return companion.name or f"seat.{companion.seat}", companion


def _shot(traveller: Any, person: Any) -> Shot:
    name, source = _who(traveller, person.who)
    cause = person.cause or (person.outcome if not person.captured else None)  # e.g. no camera in this lane
    return Shot(name, person.seat, source.face, tuple(source.behaviour), person.captured, person.quality_ok,
                cause, person.score, person.matched)


EVERYONE = "record.everyone"  # a record kept about everyone in a car of three or more: said so, not listed


def _merge_people(traveller: Any, records: list) -> dict[Any, tuple[str, ...]]:
    """One line per identical record, naming everyone it is kept about (the traveller alone: no names;
    everyone in a car of three or more: "everyone in the car")."""
    merged: dict[Any, list[str]] = {}
    for who, entry in records:
        merged.setdefault(entry, []).append(_who(traveller, who)[0])
    aboard = len({who for who, _ in records})

    def named(names: list[str]) -> tuple[str, ...]:
        if names == [traveller.name]:
            return ()
        return (EVERYONE,) if len(names) == aboard >= 3 else tuple(names)
    return {entry: named(names) for entry, names in merged.items()}


def _record_line(model: Any, entry: Any, people: tuple[str, ...]) -> RecordLine:
    system = model.records.systems[entry.system].label
    readers = tuple(model.records.readers[r].label for r in entry.readers)
    label = model.records.retentions[entry.retention].label
    return RecordLine(system, entry.what, entry.retention_hours, entry.retention, label, readers, people,
                      model.records.systems[entry.system].fact)


def _beat(station: Any, event: Any, story: Any, shots: tuple[Shot, ...],
          records: tuple[RecordLine, ...]) -> Beat:
    lines = [Line(station.body)]
    status, label = "info", "beat.info"
    show_shots: tuple[Shot, ...] = ()
    threshold = None
    delay = 0.0
    if event is not None:
        details = event.details
        values = _values(details, event.seconds)
        if not said_already(station.kind, event.outcome):
            lines.append(Line(event.outcome, values))
        delay = event.seconds
        if station.kind in ("face", "scan", "search", "review"):
            show_shots = shots
            threshold = details.get("threshold", story.people[0].threshold if story.people else None)
        if station.kind in ("face",):
            ok = all(s.matched for s in shots)
            status, label = ("ok", "beat.ok") if ok else ("alert", "beat.alert")
            if not any(s.captured for s in shots) and event.outcome.endswith("no-outbound-camera"):
                status, label, show_shots = "info", "beat.info", ()
        elif station.kind == "rpm":
            status, label = ("alert", "beat.alarm") if event.outcome.endswith("nuisance") else ("ok", "beat.clear")
            if details.get("own_treatment"):
                lines.append(Line("beat.rpm_treatment"))
        elif station.kind in ("booth", "counter"):
            if details.get("sentri"):
                lines.append(Line("beat.sentri", {"seconds": details["sentri_seconds_saved"]}))
            lines.append(Line("beat.rfid" if details.get("rfid") else "beat.typed"))
        elif station.kind in ("scan", "search"):
            if "gallery" in details:
                lines.append(Line("beat.gallery", values))
        elif station.kind in ("decision", "exit", "review"):
            held = story.decision in HELD_DECISIONS
            status, label = ("alert" if held else "ok"), story.decision
            lines.append(Line(story.reason, values))
            if story.delay_seconds > 60:
                lines.append(Line("beat.delay", {"minutes": story.delay_seconds / 60}))
    fact_ids = tuple(station.facts)
    return Beat(station.id, status, label, tuple(lines), show_shots, threshold, records, fact_ids, delay)


def said_already(kind: str, outcome: str) -> bool:
    """Outcomes the station already says in words, by its status badge (every face matched or not; a quiet
    radiation monitor) or its description (waiting in line), so the station does not say them twice."""
    return (kind == "face" and outcome != "model.outcome.face.no-outbound-camera"
            or kind in ("decision", "exit", "review")  # the badge names the decision
            or outcome in ("model.outcome.rpm.clear", "model.outcome.queue.wait"))


def _values(details: dict, seconds: float) -> dict[str, float]:
    """Model numbers for placeholders; every one comes from the story's details."""
    values = {key: v for key, v in details.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}
    values["seconds"] = seconds
    values["minutes"] = seconds / 60
    return values
