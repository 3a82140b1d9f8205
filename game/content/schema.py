"""Every kind of content, as typed objects: the one place that says what a YAML file may hold.

A field made with `ref(kind)` must name a known id of that kind; `key_id()` is filled from
the mapping key. `check()` methods add rules a type alone cannot say. Reading and cross-
reference checks live in `reader` and `loader`; nothing here touches files.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .reader import key_id, ref

# --- shared vocabularies -----------------------------------------------------
Seat = Literal["driver", "front", "rear-left", "rear-middle", "rear-right"]
Category = Literal["citizen", "permanent_resident", "visa_holder", "other_noncitizen"]
Lane = Literal["vehicle", "pedestrian", "outbound", "street", "search"]
Condition = Literal["daylight", "glare", "night", "rain", "tint"]
Behaviour = Literal["hat", "sunglasses", "looking_down", "child_height", "mask"]
Placement = Literal["windshield", "booth", "in_motion", "phone"]


# --- sources and facts ---------------------------------------------------------
@dataclass
class Source:
    """A publication the game cites; `file` is the article's copy in shared/sources, if any."""

    id: str = key_id()
    publication: str = ""
    headline: str = ""
    date: str = ""
    via: str | None = None
    file: str | None = None
    url: str | None = None

    def check(self) -> list[str]:
        return [] if self.publication and self.headline and self.date else [
            "a source needs publication, headline and date"]


@dataclass
class Fact:
    """One statement a source makes; `text` is a string id so it can be translated."""

    id: str = key_id()
    source: str = ref("source", default="")
    text: str = ref("text", default="")


@dataclass
class SourcesFile:
    sources: dict[str, Source]
    facts: dict[str, Fact]


# --- model parameters: every number carries a source or an assumption ------------
@dataclass
class Param:
    """One model number, with where it comes from."""

    value: float
    source: str | None = ref("source", default=None)
    assumption: str | None = None
    unit: str | None = None
    note: str | None = None

    def check(self) -> list[str]:
        return _sourced(self.source, self.assumption)


@dataclass
class ParamTable:
    """Several numbers sharing one source or assumption, e.g. a value per seat."""

    values: dict[str, float]
    source: str | None = ref("source", default=None)
    assumption: str | None = None
    unit: str | None = None
    note: str | None = None

    def check(self) -> list[str]:
        return _sourced(self.source, self.assumption)


def _sourced(source: str | None, assumption: str | None) -> list[str]:
    if bool(source) == bool(assumption):
        return ["expected exactly one of 'source' (a source id) or 'assumption' (the reason for the value)"]
    return []


# --- travellers ------------------------------------------------------------------------
@dataclass
class Document:
    """A travel document; its photo is what the live face is matched against."""

    id: str = key_id()
    name: str = ref("text", default="")
    rfid: bool = False
    holder_categories: list[Category] = field(default_factory=list)
    fact: str = ref("fact", default="")


@dataclass
class Face:
    """How to draw a synthetic, stylised face: no real photo is ever used."""

    skin: int = 2
    hair: Literal["short", "long", "curly", "bald", "bun", "covered"] = "short"
    hair_colour: Literal["black", "brown", "grey", "blond", "red"] = "black"
    age: Literal["child", "adult", "older"] = "adult"
    shirt: Literal["blue", "green", "red", "purple", "orange", "teal"] = "blue"

    def check(self) -> list[str]:
        return [] if 0 <= self.skin <= 5 else [f"skin: expected a whole number from 0 to 5; got {self.skin}"]


@dataclass
class Occupant:
    """Someone else in the traveller's vehicle: their capture changes the vehicle's outcome."""

    seat: Seat
    category: Category
    group: str = ref("group")
    photo_age_years: float = 2.0
    behaviour: list[Behaviour] = field(default_factory=list)
    face: Face = field(default_factory=Face)
    name: str = ref("text", default="")


@dataclass
class Traveller:
    """A composite character: a mix of circumstances the sources describe, never a real person."""

    id: str = key_id()
    name: str = ref("text", default="")
    story: str = ref("text", default="")
    composite: bool = True
    lane: Lane = "vehicle"
    category: Category = "citizen"
    document: str = ref("document", default="")
    group: str = ref("group", default="")
    seat: Seat | None = None
    conditions: Condition = "daylight"
    behaviour: list[Behaviour] = field(default_factory=list)
    photo_age_years: float = 2.0
    impostor: bool = False
    sentri: bool = False
    rpm_nuisance: bool = False
    face: Face = field(default_factory=Face)
    companions: list[Occupant] = field(default_factory=list)

    def check(self) -> list[str]:
        problems = []
        if not self.composite:
            problems.append("composite: every traveller must be a composite character (true)")
        in_car = self.lane in ("vehicle", "outbound")
        if in_car and self.seat is None:
            problems.append("seat: a traveller in a vehicle lane needs a seat")
        if not in_car and (self.seat is not None or self.companions):
            problems.append("seat: only travellers in a vehicle lane have a seat or companions")
        seats = [self.seat] + [o.seat for o in self.companions]
        if len(set(seats)) != len(seats):
            problems.append("companions: two people cannot share a seat")
        return problems


@dataclass
class TravellersFile:
    documents: dict[str, Document]
    travellers: dict[str, Traveller]


# --- the port: lanes and stations -------------------------------------------------
@dataclass
class Station:
    """One stop in a lane: what happens there, and where the traveller goes next."""

    id: str = key_id()
    kind: Literal["queue", "rpm", "plate", "face", "booth", "decision", "counter", "xray",
                  "street", "search"] = "queue"
    title: str = ref("text", default="")
    body: str = ref("text", default="")
    fact: str = ref("fact", default="")
    next: str | None = ref("station", default=None)
    position: list[int] = field(default_factory=lambda: [0, 0])

    def check(self) -> list[str]:
        return [] if len(self.position) == 2 else ["position: expected [x, y]"]


@dataclass
class LaneSpec:
    title: str = ref("text")
    first: str = ref("station")


@dataclass
class StationsFile:
    lanes: dict[Lane, LaneSpec]
    stations: dict[str, Station]


# --- screens and run settings ----------------------------------------------------------
@dataclass
class KioskSettings:
    idle_reset_seconds: float = 90.0
    attract_seconds: float = 8.0


@dataclass
class ScenesFile:
    """Settings for the screens that are content rather than code."""

    title_lines: list[str] = ref("text", default_factory=list)
    kiosk: KioskSettings = field(default_factory=KioskSettings)
    languages: dict[str, str] = field(default_factory=dict)


# --- the model (game/sim reads these) ----------------------------------------------------
@dataclass
class Group:
    """A demographic group as NIST's evaluations report it: it shifts score curves, algorithm by algorithm."""

    id: str = key_id()
    label: str = ref("text", default="")


@dataclass
class ModelFile:
    groups: dict[str, Group]
