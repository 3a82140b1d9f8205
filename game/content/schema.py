"""Every kind of content, as typed objects: the one place that says what a YAML file may hold.

A field made with `ref(kind)` must name a known id of that kind; `key_id()` is filled from
the mapping key. `check()` methods add rules a type alone cannot say. Reading and cross-
reference checks live in `reader` and `loader`; nothing here touches files.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .dates import FORMATS as DATE_FORMATS
from .dates import parse_date
from .fields import key_id, ref

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
    """A publication the game cites; `file` is the article's copy in shared/sources, if any.

    Proper names are written as they are and never translated: `publication` (Wired, NIST), `report`
    (a report's number, GAO-20-568), `via` (the outlets that reported it), `citing` (the outlets the
    article itself cites) and `headline`, the real headline, verbatim, shown in quotation marks.
    Descriptive words are text ids, so they are translated: `publisher` instead of `publication`
    (e.g. the US Commission on Civil Rights), and `description` instead of `headline` where the
    headline is not known (shown without quotation marks). `date` is one of YYYY, YYYY-MM, early
    YYYY or YYYY/YYYY; month names and the words around a date are strings too (game.story.cite).
    """

    id: str = key_id()
    publication: str | None = None
    publisher: str | None = ref("text", default=None)
    report: str | None = None
    headline: str | None = None
    description: str | None = ref("text", default=None)
    date: str = ""
    via: list[str] = field(default_factory=list)
    citing: list[str] = field(default_factory=list)
    file: str | None = None
    url: str | None = None

    def check(self) -> list[str]:
        problems = []
        if bool(self.publication) == bool(self.publisher):
            problems.append("expected exactly one of 'publication' (a name, shown as written) or 'publisher' "
                            "(a text id, translated)")
        if bool(self.headline) == bool(self.description):
            problems.append("expected exactly one of 'headline' (the real headline, verbatim) or 'description' "
                            "(a text id describing the source, where the headline is not known)")
        if parse_date(self.date) is None:
            problems.append(f"date: expected {DATE_FORMATS}; got {self.date!r}")
        return problems


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
    assumption: str | None = ref("text", default=None)  # the reason, in words: a text id
    unit: str | None = None
    note: str | None = None
    range: list[float] | None = None  # [low, high]: what the sources allow, where the value is one choice in it

    def check(self) -> list[str]:
        problems = _sourced(self.source, self.assumption)
        if self.range is not None and (len(self.range) != 2 or not self.range[0] <= self.value <= self.range[1]):
            problems.append(f"range: expected [low, high] around the value {self.value}; got {self.range}")
        return problems


@dataclass
class ParamTable:
    """Several numbers sharing one source or assumption, e.g. a value per seat."""

    values: dict[str, float]
    source: str | None = ref("source", default=None)
    assumption: str | None = ref("text", default=None)  # the reason, in words: a text id
    unit: str | None = None
    note: str | None = None

    def check(self) -> list[str]:
        return _sourced(self.source, self.assumption)


def _sourced(source: str | None, assumption: str | None) -> list[str]:
    if bool(source) == bool(assumption):
        return ["expected exactly one of 'source' (a source id) or 'assumption' (the text id of the reason for the value)"]
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
    kind: Literal["queue", "rpm", "plate", "face", "booth", "decision", "counter", "xray", "exit",
                  "stop", "scan", "search", "review"] = "queue"
    title: str = ref("text", default="")
    body: str = ref("text", default="")
    facts: list[str] = ref("fact", default_factory=list)  # what "How do we know?" shows here
    next: str | None = ref("station", default=None)
    position: list[int] = field(default_factory=lambda: [0, 0])

    def check(self) -> list[str]:
        problems = [] if len(self.position) == 2 else ["position: expected [x, y]"]
        return problems + ([] if self.facts else ["facts: expected at least one fact id"])


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


# --- the oversight board -----------------------------------------------------------------
Stance = Literal["supports", "criticises", "describes"]


@dataclass
class Voice:
    """What someone said, as reported speech: `says` names who, their role, the outlet and when
    ({when} is filled from the source's date), never in quotation marks. `who` tells people apart;
    `stance` is toward the agencies' practice the question is about (supports, criticises, or only
    describes it), so each question can be checked to hear more than one side."""

    who: str = ref("text")
    says: str = ref("text")
    source: str = ref("source")
    stance: Stance = "describes"


@dataclass
class Option:
    """One answer: a label and the policy fields it sets (field -> option id in policy.yaml)."""

    label: str = ref("text")
    set: dict[str, str] = field(default_factory=dict)


@dataclass
class Question:
    id: str = key_id()
    kind: Literal["choice", "threshold_lab"] = "choice"
    title: str = ref("text", default="")
    short: str = ref("text", default="")   # a few words, for the record's summary of the policy
    prompt: str = ref("text", default="")
    facts: list[str] = ref("fact", default_factory=list)
    figures: list[str] = field(default_factory=list)  # consequence ids shown beside it (game.story.board)
    options: list[Option] = field(default_factory=list)
    voices: list[Voice] = field(default_factory=list)
    # the threshold lab's "Which algorithm?": where in NIST's ranges the matcher sits (sets `profile`)
    algorithm: list[Option] = field(default_factory=list)
    algorithm_label: str | None = ref("text", default=None)

    def check(self) -> list[str]:
        problems = []
        if not 2 <= len(self.options) <= 4:
            problems.append(f"options: expected two to four options; got {len(self.options)}")
        if len(self.voices) < 2 or len({v.who for v in self.voices}) < 2:
            problems.append("voices: expected at least two voices from different people")
        if not {"supports", "criticises"} <= {v.stance for v in self.voices}:
            problems.append("voices: expected at least one voice that supports today's practice and one that "
                            "criticises it")
        return problems


@dataclass
class QuestionsFile:
    questions: dict[str, Question]
    discussion: list[str] = ref("text", default_factory=list)
    figure_facts: dict[str, list[str]] = ref("fact", default_factory=dict)  # what each consequence rests on


# --- the model (game/sim) reads these ---------------------------------------------------
# Every number is a Param or ParamTable (a source id or an honest assumption). Ids that point
# inside these files (differentials, profiles, quality levels, systems, readers, retentions,
# policy fields) are checked when game.sim builds its Model, which reports them by key path.
Age = Literal["child", "adult", "older"]



@dataclass
class Group:
    """A demographic group as NIST's evaluations report it: it shifts score curves, algorithm by algorithm."""

    id: str = key_id()
    label: str = ref("text", default="")
    differentials: list[str] = field(default_factory=list)


@dataclass
class Profile:
    """An algorithm profile: which end of NIST's reported ranges the deployed matcher sits at."""

    id: str = key_id()
    label: str = ref("text", default="")
    note: str = ref("text", default="")


@dataclass
class Differential:
    """A differential NIST reports for some faces, per algorithm profile (never a fact about a person):
    how many times the reference false-match rate, and a shift of the genuine curve."""

    id: str = key_id()
    label: str = ref("text", default="")
    fmr_ratio: ParamTable = field(default_factory=lambda: ParamTable({}, assumption="none"))
    genuine_shift: ParamTable = field(default_factory=lambda: ParamTable({}, assumption="none"))


@dataclass
class PlacementSpec:
    """One camera placement: chance of no image and of an image failing validation, by seat and by condition."""

    label: str = ref("text")
    no_image_by_seat: ParamTable
    poor_quality_by_seat: ParamTable
    no_image_by_condition: ParamTable
    poor_quality_by_condition: ParamTable
    quality_level: dict[Condition, str]


@dataclass
class CaptureSpec:
    placements: dict[Placement, PlacementSpec]
    no_image_by_behaviour: ParamTable
    poor_quality_by_behaviour: ParamTable


@dataclass
class MatchingSpec:
    genuine_mean: Param
    impostor_mean: Param
    spread: Param
    quality_shift: ParamTable
    occlusion_shift: dict[Behaviour, Param]
    photo_age_shift_per_year: Param
    photo_age_reference_years: Param
    lookalike_shift: Param
    no_gallery_photo_share: Param
    ratio_reference_fmr: Param
    max_fmr_ratio: Param


@dataclass
class TrafficSpec:
    """The reference traffic mix: every share here is an assumption, labelled as one."""

    vehicles_per_day: Param
    vehicles_per_year: Param
    occupancy: ParamTable
    seat_order: list[Seat]
    conditions: ParamTable
    behaviour: ParamTable
    child_share_by_seat: ParamTable
    older_share: Param
    groups: ParamTable
    categories: ParamTable
    photo_age_share: ParamTable
    photo_age_years: ParamTable
    sentri_share: Param
    impostor_rate: Param
    outbound_per_inbound: Param


@dataclass
class PortSpec:
    """Officers, delays and catches at the port."""

    manual_check_seconds: Param
    retake_seconds: Param
    secondary_minutes: Param
    sentri_seconds_saved: Param
    booth_seconds: Param
    rpm_check_minutes: Param
    rpm_nuisance_share: Param
    nonmatch_to_secondary: Param
    catch_after_nonmatch: Param
    catch_by_manual_check: Param
    catch_in_secondary: Param
    audit_months: Param


@dataclass
class SearchSpec:
    """One-to-many search: the phone app in the street and a search of scraped photos."""

    street_gallery: Param
    scraped_gallery: Param
    search_fmr: Param
    human_review_catch: Param
    field_scans: Param
    opt_out_share: Param
    street_in_gallery_share: Param


@dataclass
class CalibrationCheck:
    """A figure the public record reports that the model also produces, and the band it must land in.
    `quantity` names a model quantity (game/sim/calibration.py); `reason` says, to the player, why the
    band is where it is (and why it may leave out the public figure, when the port differs)."""

    id: str = key_id()
    label: str = ref("text", default="")
    quantity: str = ""
    public: Param = field(default_factory=lambda: Param(0.0, assumption="none"))
    band: list[float] = field(default_factory=list)
    reason: str = ref("text", default="")
    group: str | None = ref("group", default=None)

    def check(self) -> list[str]:
        if len(self.band) != 2 or not self.band[0] <= self.band[1]:
            return [f"band: expected [low, high] with low <= high; got {self.band}"]
        return [] if self.public.source else ["public: expected a source for a public figure"]


@dataclass
class ModelFile:
    groups: dict[str, Group]
    profiles: dict[str, Profile] = field(default_factory=dict)
    differentials: dict[str, Differential] = field(default_factory=dict)
    ages: dict[Age, list[str]] = field(default_factory=dict)
    capture: CaptureSpec | None = None
    matching: MatchingSpec | None = None
    traffic: TrafficSpec | None = None
    port: PortSpec | None = None
    search: SearchSpec | None = None
    calibration: dict[str, CalibrationCheck] = field(default_factory=dict)
    limits: list[str] = ref("text", default_factory=list)


# records.yaml: where each capture goes, for how long, and who may read it
@dataclass
class Retention:
    """How long a record is kept: `hours` where a source states it, or `unstated` (why the game keeps it
    with no end date) where no deletion date is published."""

    id: str = key_id()
    label: str = ref("text", default="")
    hours: Param | None = None
    unstated: str | None = ref("text", default=None)  # why no end date: a text id

    def check(self) -> list[str]:
        if (self.hours is None) == (self.unstated is None):
            return ["expected exactly one of 'hours' (a stated period) or 'unstated' (why none is given)"]
        return []


@dataclass
class Agency:
    id: str = key_id()
    label: str = ref("text", default="")
    access: Literal["standing", "request"] = "standing"


@dataclass
class System:
    id: str = key_id()
    label: str = ref("text", default="")
    fact: str | None = ref("fact", default=None)


@dataclass
class RecordFlow:
    """One kind of record: which capture paths and traveller categories create it, and what policy it needs.

    `retention` is a retention id or `policy.<field>`; a reader may be `policy.<field>` too, meaning the
    readers of the chosen option. `when` maps a policy field to the options under which the flow exists.
    """

    system: str
    what: str = ref("text")
    photo: bool = False
    paths: list[Lane] = field(default_factory=list)
    categories: list[Category] = field(default_factory=list)
    retention: str = ""
    readers: list[str] = field(default_factory=list)
    when: dict[str, list[str]] = field(default_factory=dict)
    source: str | None = ref("source", default=None)
    assumption: str | None = ref("text", default=None)  # the reason, in words: a text id

    def check(self) -> list[str]:
        return _sourced(self.source, self.assumption)


@dataclass
class RecordsFile:
    systems: dict[str, System]
    readers: dict[str, Agency]
    retentions: dict[str, Retention]
    flows: list[RecordFlow]


# policy.yaml: the oversight board's choices, each a small set of options
@dataclass
class PolicyOption:
    label: str = ref("text")
    value: float | None = None
    flag: bool | None = None
    retention: str | None = None
    readers: list[str] = field(default_factory=list)
    profile: str | None = None


@dataclass
class PolicyField:
    """One decision; `default` is what the sources describe today (or an assumption, saying why)."""

    label: str = ref("text")
    default: str = ""
    options: dict[str, PolicyOption] = field(default_factory=dict)
    source: str | None = ref("source", default=None)
    assumption: str | None = ref("text", default=None)  # the reason, in words: a text id

    def check(self) -> list[str]:
        problems = _sourced(self.source, self.assumption)
        if self.default not in self.options:
            problems.append(f"default: expected one of {', '.join(self.options)}; got {self.default!r}")
        return problems


@dataclass
class PolicyContentFile:
    fields: dict[str, PolicyField]


@dataclass
class PolicyFile:
    """A policy as a player or teacher writes it (face-value model --policy FILE): option ids, all optional."""

    threshold: str | None = None
    threshold_score: float | None = None
    capture_failure: str | None = None
    citizen_retention: str | None = None
    noncitizen_retention: str | None = None
    forward_to_ident: str | bool | None = None
    ice_sharing: str | None = None
    one_to_many: str | None = None
    field_scans: str | None = None
    audits_before_expansion: str | bool | None = None
    outbound_capture: str | bool | None = None
    placement: str | None = None
    profile: str | None = None
