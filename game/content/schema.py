"""Every kind of content, as typed objects: the one place that says what a YAML file may hold.

A field made with `ref(kind)` must name a known id of that kind; `key_id()` is filled from
the mapping key. Numbers carry their sane range: `probability()` (0 to 1), `shares()` (0 to 1, adding
up to 1), `positive(hi)` and `bounded(lo, hi)`; every number is finite and at most 1e15 in size
(game.content.fields). `check()` methods add rules a type alone cannot say, each returning a message
or (a key path inside the object, a message). Rules across files live in `rules`; reading and
reference checks in `reader` and `loader`; nothing here touches files.

The bounds are what the game can show and the model can compute, not what the sources say: they
catch typos (1.5 for 0.15, a minus sign, 1e20), not opinions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from .dates import FORMATS as DATE_FORMATS
from .dates import parse_date
from .fields import bounded, key_id, positive, probability, ref, shares

# --- shared vocabularies -----------------------------------------------------
Seat = Literal["driver", "front", "rear-left", "rear-middle", "rear-right"]
Category = Literal["citizen", "permanent_resident", "visa_holder", "other_noncitizen"]
Lane = Literal["vehicle", "pedestrian", "outbound", "street", "search"]
Condition = Literal["daylight", "glare", "night", "rain", "tint"]
Behaviour = Literal["hat", "sunglasses", "looking_down", "child_height", "mask"]
Placement = Literal["windshield", "booth", "in_motion", "phone"]
VEHICLE_PLACEMENTS = ("windshield", "booth")  # the placements a vehicle lane can have (policy `placement`)
PERSON = "person"  # the seat key of someone on foot or in the street (the other placements)
OccupancyKey = Literal["one", "two", "three", "four", "five"]

# the oversight board's decisions (content/policy.yaml `fields`); yes/no decisions carry a `flag`
PolicyFieldName = Literal["threshold", "placement", "capture_failure", "citizen_retention", "noncitizen_retention",
                          "ice_sharing", "one_to_many", "field_scans", "profile", "forward_to_ident",
                          "audits_before_expansion", "outbound_capture"]
FLAG_FIELDS = ("forward_to_ident", "audits_before_expansion", "outbound_capture")
RETENTION_FIELDS = ("citizen_retention", "noncitizen_retention")  # each option names a retention

# the model quantities a calibration check may name (computed in game/sim/calibration.py)
CalibrationQuantity = Literal["all_captured_share", "meets_quality_share", "all_usable_share", "not_matched_share",
                              "impostors_caught_per_million", "impostors_caught_per_year", "referrals_per_million",
                              "held_per_impostor", "fmr_ratio"]

# the consequences the board can show beside a question (game/story/board.py FIGURES); each is labelled
# `figure.<id>` in strings/, except the photo counts, which say their horizon through `figure.photos_after`
Figure = Literal["held_in_secondary", "false_non_matches", "capture_failures", "delay_hours", "impostors_caught",
                 "impostors_missed", "photos_hour_1", "photos_day_1", "photos_year_1", "photos_years_10",
                 "photos_years_75", "records_ice_standing", "records_ice_request", "outbound_faces", "street_scans",
                 "street_false_candidates", "search_false_leads"]
HORIZON_FIGURES = ("photos_hour_1", "photos_day_1", "photos_year_1", "photos_years_10", "photos_years_75")

# The 1920x1080 canvas every screen is drawn on (game/ui/theme.py CANVAS): station markers sit on it.
CANVAS = (1920, 1080)
# A document photo taken longer ago than this has expired many times over.
MAX_PHOTO_AGE_YEARS = 100.0


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

    def check(self) -> list:
        problems: list = []
        if bool(self.publication) == bool(self.publisher):
            problems.append("expected exactly one of 'publication' (a name, shown as written) or 'publisher' "
                            "(a text id, translated)")
        if bool(self.headline) == bool(self.description):
            problems.append("expected exactly one of 'headline' (the real headline, verbatim) or 'description' "
                            "(a text id describing the source, where the headline is not known)")
        if parse_date(self.date) is None:
            problems.append(("date", f"expected {DATE_FORMATS}; got {self.date!r}"))
        return problems


@dataclass
class Fact:
    """One statement a source makes; `text` is a string id so it can be translated."""

    id: str = key_id()
    source: str = ref("source", default="", required=True)
    text: str = ref("text", default="", required=True)


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

    def check(self) -> list:
        problems = _sourced(self.source, self.assumption)
        if self.range is not None and (len(self.range) != 2 or not self.range[0] <= self.value <= self.range[1]):
            problems.append(("range", f"expected [low, high] around the value {self.value}; got {self.range}"))
        return problems


@dataclass
class ParamTable:
    """Several numbers sharing one source or assumption, e.g. a value per seat."""

    values: dict[str, float]
    source: str | None = ref("source", default=None)
    assumption: str | None = ref("text", default=None)  # the reason, in words: a text id
    unit: str | None = None
    note: str | None = None

    def check(self) -> list:
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
    name: str = ref("text", default="", required=True)
    rfid: bool = False
    holder_categories: list[Category] = field(default_factory=list)
    fact: str = ref("fact", default="", required=True)


@dataclass
class Face:
    """How to draw a synthetic, stylised face: no real photo is ever used."""

    skin: int = 2
    hair: Literal["short", "long", "curly", "bald", "bun", "covered"] = "short"
    hair_colour: Literal["black", "brown", "grey", "blond", "red"] = "black"
    age: Literal["child", "adult", "older"] = "adult"
    shirt: Literal["blue", "green", "red", "purple", "orange", "teal"] = "blue"

    def check(self) -> list:
        return [] if 0 <= self.skin <= 5 else [("skin", f"expected a whole number from 0 to 5; got {self.skin}")]


@dataclass
class Occupant:
    """Someone else in the traveller's vehicle: their capture changes the vehicle's outcome."""

    seat: Seat
    category: Category
    group: str = ref("group")
    photo_age_years: float = bounded(0.0, MAX_PHOTO_AGE_YEARS, what="years", default=2.0)
    behaviour: list[Behaviour] = field(default_factory=list)
    face: Face = field(default_factory=Face)
    name: str = ref("text", default="")


@dataclass
class Traveller:
    """A composite character: a mix of circumstances the sources describe, never a real person."""

    id: str = key_id()
    name: str = ref("text", default="", required=True)
    story: str = ref("text", default="", required=True, placeholders=("photo_age",))
    composite: bool = True
    lane: Lane = "vehicle"
    category: Category = "citizen"
    document: str = ref("document", default="", required=True)
    group: str = ref("group", default="", required=True)
    seat: Seat | None = None
    conditions: Condition = "daylight"
    behaviour: list[Behaviour] = field(default_factory=list)
    photo_age_years: float = bounded(0.0, MAX_PHOTO_AGE_YEARS, what="years", default=2.0)
    impostor: bool = False
    sentri: bool = False
    rpm_nuisance: bool = False
    face: Face = field(default_factory=Face)
    companions: list[Occupant] = field(default_factory=list)

    def check(self) -> list:
        problems: list = []
        if not self.composite:
            problems.append(("composite", "every traveller must be a composite character (true)"))
        in_car = self.lane in ("vehicle", "outbound")
        if in_car and self.seat is None:
            problems.append(("seat", "a traveller in a vehicle lane needs a seat"))
        if not in_car and (self.seat is not None or self.companions):
            problems.append(("seat", "only travellers in a vehicle lane have a seat or companions"))
        seats = [self.seat] + [o.seat for o in self.companions]
        if len(set(seats)) != len(seats):
            problems.append(("companions", "two people cannot share a seat"))
        return problems


@dataclass
class TravellersFile:
    documents: dict[str, Document]
    travellers: dict[str, Traveller]


# --- the port: lanes and stations -------------------------------------------------
StationKind = Literal["queue", "rpm", "plate", "face", "booth", "decision", "counter", "xray", "exit", "stop",
                      "scan", "search", "review"]


@dataclass
class Station:
    """One stop in a lane: what happens there, and where the traveller goes next."""

    id: str = key_id()
    kind: StationKind = "queue"
    title: str = ref("text", default="", required=True)
    body: str = ref("text", default="", required=True)
    facts: list[str] = ref("fact", default_factory=list)  # what "How do we know?" shows here
    next: str | None = ref("station", default=None)
    position: list[int] = field(default_factory=lambda: [0, 0])  # canvas pixels, on the port map

    def check(self) -> list:
        problems: list = []
        if len(self.position) != 2:
            problems.append(("position", f"expected [x, y]; got {len(self.position)} numbers"))
        else:
            for i, (v, size, axis) in enumerate(zip(self.position, CANVAS, "xy")):
                if not 0 <= v <= size:
                    problems.append((f"position[{i}]", f"expected {axis} on the {CANVAS[0]}x{CANVAS[1]} canvas, "
                                                       f"from 0 to {size}; got {v}"))
        return problems + ([] if self.facts else [("facts", "expected at least one fact id")])


@dataclass
class LaneSpec:
    title: str = ref("text")
    first: str = ref("station")


@dataclass
class StationsFile:
    lanes: dict[Lane, LaneSpec]
    stations: dict[str, Station]


# --- screens and run settings ----------------------------------------------------------
# the screens the attract loop may pass through (game/ui/scenes/registry.py names them the same)
AttractScreen = Literal["title", "choose", "meet", "lane", "outcome", "board", "lab", "record"]
WCAG_TIMEOUT_SECONDS = 20.0  # WCAG 2.2.1: a warning before a time limit runs out gives at least this long


@dataclass
class AttractStep:
    """One beat of the attract loop, on the screen `at`: press the control `press` there (a button's
    key, e.g. start or continue), or choose the `traveller`'s card (on choose); neither: show it a beat.
    `repeat`: press it each beat for as long as the game stays on that screen (walking the lane)."""

    at: AttractScreen
    press: str | None = None
    traveller: str | None = ref("traveller", default=None)
    repeat: bool = False

    def check(self) -> list:
        if (self.at == "choose") != (self.traveller is not None):
            return [("traveller", "expected a traveller on the choose screen (and only there)")]
        if self.traveller is not None and self.press is not None:
            return [("press", "expected press or traveller, not both")]
        if self.press is not None and not re.fullmatch(r"[a-z][a-z0-9_:]*", str(self.press)):
            return [("press", f"expected a control's key (lowercase letters, digits, _ and :); got {self.press!r}")]
        if self.repeat and self.press is None:
            return [("repeat", "expected a control to press again (press)")]
        return []


@dataclass
class KioskSettings:
    """How the museum kiosk behaves when left alone. The idle time leaves a visitor time to read a
    screen (at least ten seconds); then "Still there?" counts down `prompt_seconds` (at least 20, as
    WCAG 2.2.1 asks) before the run is cleared. A title nobody has touched waits `attract_seconds`
    before the game plays itself (the attract loop), one of `attract_steps` every `attract_step_seconds`.
    `read_aloud`: each visitor starts with the game reading itself aloud (off: a visitor turns it on, and
    the reset turns it off again for the next)."""

    idle_reset_seconds: float = bounded(10.0, 3600.0, what="seconds", default=90.0)
    prompt_seconds: float = bounded(WCAG_TIMEOUT_SECONDS, 600.0, what="seconds", default=30.0)
    attract_seconds: float = bounded(1.0, 600.0, what="seconds", default=8.0)
    attract_step_seconds: float = bounded(1.0, 60.0, what="seconds", default=3.0)
    attract_steps: list[AttractStep] = field(default_factory=list)
    read_aloud: bool = False

    def check(self) -> list:
        steps = self.attract_steps  # none: the attract loop shows the title alone
        if steps and steps[0].at != "title":
            return [("attract_steps[0].at", f"expected the loop to start on the title screen; got {steps[0].at}")]
        return []


@dataclass
class PathSettings:
    """A shorter path through the game, and what it may cost a reading player (measured by `face-value
    words`): these travellers offered, in order; a crossing that stops at the stations of these kinds
    (none named: every station; the last, where the decision is told, always); then these questions of
    the board in order (none named: every question); then the record. `class_path`: a civics class crosses as each traveller in turn;
    `kiosk_path`: a museum visitor chooses one."""

    travellers: list[str] = ref("traveller", default_factory=list)
    questions: list[str] = ref("question", default_factory=list)
    stations: list[StationKind] = field(default_factory=list)  # kinds it stops at (none named: every station)
    predictions: bool = True  # at a face camera the player may guess each result first (game.story.predict)
    station_names: bool = True  # the lane lists every station's name by the map's numbered markers
    figures: list[Figure] = field(default_factory=list)  # a kiosk record's year (none named: the questions')
    words_per_minute: float = bounded(50.0, 400.0, what="words a minute", default=150.0)
    seconds_per_press: float = bounded(0.0, 60.0, what="seconds", default=4.0)
    max_words: int = bounded(100, 100_000, what="a number of words", whole=True, default=2200)
    max_minutes: float = bounded(1.0, 180.0, what="minutes", default=25.0)

    def check(self) -> list:
        problems: list = []
        if not self.travellers:
            problems.append(("travellers", "expected at least one traveller on the path"))
        for name, ids in (("travellers", self.travellers), ("questions", self.questions)):
            if len(set(ids)) != len(ids):
                problems.append((name, f"expected each of the path's {name} once"))
        return problems


@dataclass
class ScenesFile:
    """Settings for the screens that are content rather than code. `glossary`: the terms explained in
    a sentence wherever they appear (strings glossary.<id>.term, .means and .forms)."""

    title_lines: list[str] = ref("text", default_factory=list)
    kiosk: KioskSettings = field(default_factory=KioskSettings)
    languages: dict[str, str] = ref("text", default_factory=dict)  # language code -> its name, a text id
    class_path: PathSettings = field(default_factory=PathSettings)
    kiosk_path: PathSettings = field(default_factory=PathSettings)
    glossary: list[str] = field(default_factory=list)

    def check(self) -> list:
        offered = self.kiosk_path.travellers  # the attract loop crosses as a traveller a visitor can choose
        problems: list = [(f"kiosk.attract_steps[{i}].traveller", f"expected one of the kiosk path's travellers "
                           f"({', '.join(offered)}); got {step.traveller}")
                          for i, step in enumerate(self.kiosk.attract_steps)
                          if offered and step.traveller is not None and step.traveller not in offered]
        if len(set(self.glossary)) != len(self.glossary):
            return problems + [("glossary", "expected each term once")]
        return problems + [("glossary", f"expected a term id of lowercase letters and hyphens; got {term!r}")
                           for term in self.glossary if not re.fullmatch(r"[a-z][a-z0-9-]*", str(term))]


# --- the oversight board -----------------------------------------------------------------
Stance = Literal["supports", "criticises", "describes"]


@dataclass
class Voice:
    """What someone said, as reported speech: `says` names who, their role, the outlet and when
    ({when} is filled from the source's date), never in quotation marks. `who` tells people apart;
    `stance` is toward the agencies' practice the question is about (supports, criticises, or only
    describes it), so each question can be checked to hear more than one side. `brief`: the same
    statement told in fewer words, every claim and qualifier kept, for the board (the full one is a
    press away)."""

    who: str = ref("text")
    says: str = ref("text", placeholders=("when",))
    source: str = ref("source")
    stance: Stance = "describes"
    brief: str | None = ref("text", placeholders=("when",), default=None)  # the board's shorter telling


@dataclass
class Option:
    """One answer: a label and the policy fields it sets (field -> option id in policy.yaml)."""

    label: str = ref("text", placeholders=None)  # filled with the values of the options it sets (texts.py)
    set: dict[PolicyFieldName, str] = ref("policy_option", default_factory=dict)


@dataclass
class LabChallenge:
    """The threshold lab's guided challenge before free play (game.story.views.lab): set the line so that
    at most one in `pass_one_in` impostors who look like `impostor` would pass, and see what it costs
    people in `affected`'s group; then try another algorithm at the same line. The challenge's strings
    (`challenge.*`) tell the story of these two travellers and name them."""

    impostor: str = ref("traveller")
    affected: str = ref("traveller")
    # past one in a million the line needed leaves the lab's grid for the most-affected groups
    pass_one_in: float = bounded(2.0, 1e6, whole=True, what="a whole number of people")


@dataclass
class Question:
    id: str = key_id()
    kind: Literal["choice", "threshold_lab"] = "choice"
    title: str = ref("text", default="", required=True)
    short: str = ref("text", default="", required=True)   # a few words, for the record's summary of the policy
    prompt: str = ref("text", default="", required=True)
    facts: list[str] = ref("fact", default_factory=list)
    figures: list[Figure] = field(default_factory=list)  # consequences shown beside it (game.story.board)
    options: list[Option] = field(default_factory=list)
    voices: list[Voice] = field(default_factory=list)
    # the threshold lab's "Which algorithm?": where in NIST's ranges the matcher sits (sets `profile`)
    algorithm: list[Option] = field(default_factory=list)
    algorithm_label: str | None = ref("text", default=None)
    challenge: LabChallenge | None = None  # the threshold lab's only

    def check(self) -> list:
        problems = []
        if self.challenge is not None and self.kind != "threshold_lab":
            problems.append(("challenge", "only the threshold lab (kind threshold_lab) has a challenge"))
        if not 2 <= len(self.options) <= 4:
            problems.append(f"options: expected two to four options; got {len(self.options)}")
        if len(self.voices) < 2 or len({v.who for v in self.voices}) < 2:
            problems.append("voices: expected at least two voices from different people")
        if {v.stance for v in self.voices[:2]} != {"supports", "criticises"}:  # the two shown on the board
            problems.append("voices: expected the first two voices to be one that supports today's practice and "
                            "one that criticises it (the board shows those two; the rest are a press away)")
        return problems


@dataclass
class CheckAsk:
    """One wording of a check question: its prompt, its options, and the right one (counted from 0)."""

    prompt: str = ref("text", default="", required=True)
    options: list[str] = ref("text", default_factory=list)
    answer: int = bounded(0, 3, whole=True, what="an option's place, from 0", default=0)

    def check(self) -> list:
        problems = []
        if not 3 <= len(self.options) <= 4:
            problems.append(("options", f"expected three or four options; got {len(self.options)}"))
        if self.answer >= len(self.options):
            problems.append(("answer", f"option {self.answer} (counted from 0) is not one of the "
                                       f"{len(self.options)} options"))
        return problems


@dataclass
class CheckItem:
    """A concept the class path checks before play and again after the record, in two parallel
    wordings (so a gain is not memory of the question). `concept`: its name in the teacher's table;
    `facts`: what the right answers rest on (the teacher guide cites them; a figure in the check's
    words must come from one)."""

    id: str = key_id()
    concept: str = ref("text", default="", required=True)
    facts: list[str] = ref("fact", default_factory=list)
    before: CheckAsk = field(default_factory=CheckAsk)
    after: CheckAsk = field(default_factory=CheckAsk)

    def right(self, when: str, option: int | None) -> bool:
        """Whether `option` is the right answer to this item's `when` wording ("before" or "after")."""
        return option == getattr(self, when).answer

    def check(self) -> list:
        if self.before.prompt == self.after.prompt:
            return [("after", "expected a different wording after play than before it")]
        return []


CHECK_ITEMS = (5, 6)  # a few minutes at each end of the lesson


@dataclass
class QuestionsFile:
    questions: dict[str, Question]
    # the class path's check, before the lane and after the record (game.story.views.check)
    class_check: dict[str, CheckItem] = field(default_factory=dict)
    discussion: list[str] = ref("text", default_factory=list)
    figure_facts: dict[Figure, list[str]] = ref("fact", default_factory=dict)  # what each consequence rests on

    def check(self) -> list[str]:
        labs = [qid for qid, q in self.questions.items() if q.kind == "threshold_lab"]
        if len(labs) != 1:  # the board opens on the threshold lab, and the sandbox links to it
            return [f"questions: expected exactly one question of kind threshold_lab; got {len(labs)}"]
        if self.class_check and not CHECK_ITEMS[0] <= len(self.class_check) <= CHECK_ITEMS[1]:
            count = len(self.class_check)
            return [("class_check", f"expected {CHECK_ITEMS[0]} to {CHECK_ITEMS[1]} questions; got {count}")]
        return []


# --- the model (game/sim) reads these ---------------------------------------------------
# Every number is a Param or ParamTable (a source id or an honest assumption). Ids that point
# inside these files (differentials, profiles, quality levels, systems, readers, retentions,
# policy fields) are references like any other; which keys each table must have is in `rules`.
# Scores are in units of the curves' spread (impostors centre on 0): shifts and means beyond
# +-20 spreads would put every score off the end of the lab's chart.
Age = Literal["child", "adult", "older"]
SCORE = 20.0     # the largest mean or shift, in spreads
BIG_COUNT = 1e12  # the most of anything the model counts (photos in a gallery, vehicles a year)


@dataclass
class Group:
    """A demographic group as NIST's evaluations report it: it shifts score curves, algorithm by algorithm."""

    id: str = key_id()
    label: str = ref("text", default="", required=True)
    differentials: list[str] = ref("differential", default_factory=list)


@dataclass
class Profile:
    """An algorithm profile: which end of NIST's reported ranges the deployed matcher sits at."""

    id: str = key_id()
    label: str = ref("text", default="", required=True)
    note: str = ref("text", default="", required=True)


@dataclass
class Differential:
    """A differential NIST reports for some faces, per algorithm profile (never a fact about a person):
    how many times the reference false-match rate, and a shift of the genuine curve."""

    id: str = key_id()
    label: str = ref("text", default="", required=True)
    fmr_ratio: ParamTable = bounded(1.0, 1e6, what="a factor", default_factory=lambda: ParamTable({}, assumption="none"))
    genuine_shift: ParamTable = bounded(-SCORE, SCORE, what="a shift in spreads",
                                        default_factory=lambda: ParamTable({}, assumption="none"))


@dataclass
class PlacementSpec:
    """One camera placement: chance of no image and of an image failing validation, by seat and by condition."""

    label: str = ref("text")
    no_image_by_seat: ParamTable = probability()
    poor_quality_by_seat: ParamTable = probability()
    no_image_by_condition: ParamTable = probability()
    poor_quality_by_condition: ParamTable = probability()
    quality_level: dict[Condition, str] = ref("quality_level")


@dataclass
class CaptureSpec:
    placements: dict[Placement, PlacementSpec]
    no_image_by_behaviour: ParamTable = probability()
    poor_quality_by_behaviour: ParamTable = probability()


@dataclass
class MatchingSpec:
    genuine_mean: Param = bounded(-SCORE, SCORE, what="a mean score")
    impostor_mean: Param = bounded(-SCORE, SCORE, what="a mean score")
    # the curves' width: narrower than a twentieth of the impostor curve's usual width, and the lab's chart
    # and its tails overflow; wider than ten, and every group's curves overlap whatever the threshold
    spread: Param = bounded(0.05, 10.0, what="a spread")
    quality_shift: ParamTable = bounded(-SCORE, SCORE, what="a shift in spreads")
    occlusion_shift: dict[Behaviour, Param] = bounded(-SCORE, SCORE, what="a shift in spreads")
    photo_age_shift_per_year: Param = bounded(-1.0, 1.0, what="a shift in spreads per year")
    photo_age_reference_years: Param = bounded(0.0, MAX_PHOTO_AGE_YEARS, what="years")
    lookalike_shift: Param = bounded(-SCORE, SCORE, what="a shift in spreads")
    no_gallery_photo_share: Param = probability()
    # the false-match rate at which NIST's factors are read: a small rate, so factors up to the cap stay rates
    ratio_reference_fmr: Param = positive(1e-2, what="a false-match rate above 0")
    max_fmr_ratio: Param = bounded(1.0, 1e6, what="a factor")

    def check(self) -> list:
        if self.max_fmr_ratio.value * self.ratio_reference_fmr.value >= 1.0:
            return [("max_fmr_ratio.value", f"expected a factor that keeps the reference false-match rate "
                                             f"({self.ratio_reference_fmr.value:g}) below 1; got {self.max_fmr_ratio.value:g}")]
        return []


@dataclass
class TrafficSpec:
    """The reference traffic mix: every share here is an assumption, labelled as one."""

    vehicles_per_day: Param = positive(1e7, what="vehicles")
    vehicles_per_year: Param = positive(BIG_COUNT, what="vehicles")
    occupancy: ParamTable = shares()   # keys one to five (schema.OccupancyKey)
    seat_order: list[Seat]
    conditions: ParamTable = shares()
    behaviour: ParamTable = shares()
    child_share_by_seat: ParamTable = probability()
    older_share: Param = probability()
    groups: ParamTable = shares()
    categories: ParamTable = shares()
    photo_age_share: ParamTable = shares()
    photo_age_years: ParamTable = bounded(0.0, MAX_PHOTO_AGE_YEARS, what="years")
    sentri_share: Param = probability()
    # impostors per traveller: above 0, or the figures per impostor caught have nothing to count
    impostor_rate: Param = bounded(0.0, 0.5, lo_open=True, what="a rate above 0")
    outbound_per_inbound: Param = bounded(0.0, 100.0, what="a ratio")

    def check(self) -> list:
        problems: list = []
        unknown = set(self.photo_age_years.values) ^ set(self.photo_age_share.values)
        if unknown:
            problems.append(("photo_age_years.values", "expected the same keys as photo_age_share.values; "
                                                        f"they differ in {', '.join(sorted(unknown))}"))
        if sorted(self.seat_order) != sorted(SEATS):
            problems.append(("seat_order", f"expected each of {', '.join(SEATS)} once; got {', '.join(self.seat_order)}"))
        return problems


@dataclass
class PortSpec:
    """Officers, delays and catches at the port."""

    manual_check_seconds: Param = bounded(0.0, 3600.0, what="seconds")
    retake_seconds: Param = bounded(0.0, 3600.0, what="seconds")
    secondary_minutes: Param = bounded(0.0, 24 * 60.0, what="minutes")
    sentri_seconds_saved: Param = bounded(0.0, 3600.0, what="seconds")
    booth_seconds: Param = bounded(0.0, 3600.0, what="seconds")
    rpm_check_minutes: Param = bounded(0.0, 24 * 60.0, what="minutes")
    rpm_nuisance_share: Param = probability()
    nonmatch_to_secondary: Param = probability()
    catch_after_nonmatch: Param = probability()
    catch_by_manual_check: Param = probability()
    catch_in_secondary: Param = probability()
    audit_months: Param = bounded(0.0, 12.0, what="months in the year")


@dataclass
class ShiftSpec:
    """A shift in the booth (game/sim/shift.py): a short stream of cars the player inspects as the officer,
    with more impostors than real traffic holds (said on screen), and the queue that builds behind them."""

    vehicles: Param = bounded(1.0, 60.0, what="cars in a shift", whole=True)
    impostors: Param = bounded(0.0, 60.0, what="impostors in a shift", whole=True)
    waiting_at_start: Param = bounded(0.0, 60.0, what="cars", whole=True)
    arrivals_per_hour: Param = positive(3600.0, what="cars an hour")
    referral_seconds: Param = bounded(0.0, 3600.0, what="seconds")

    def check(self) -> list:
        if self.impostors.value > self.vehicles.value:
            return [("impostors.value", f"expected at most one impostor a car ({self.vehicles.value:g} cars); "
                                        f"got {self.impostors.value:g}")]
        return []


@dataclass
class SearchSpec:
    """One-to-many search: the phone app in the street and a search of scraped photos."""

    street_gallery: Param = bounded(1.0, BIG_COUNT, what="photos")
    scraped_gallery: Param = bounded(1.0, BIG_COUNT, what="photos")
    # a false-match rate searched against a gallery: above 0 and below 1, as any threshold's target
    search_fmr: Param = bounded(0.0, 1.0, lo_open=True, hi_open=True, what="a false-match rate above 0 and below 1")
    human_review_catch: Param = probability()
    field_scans: Param = bounded(0.0, BIG_COUNT, what="scans")
    opt_out_share: Param = probability()
    street_in_gallery_share: Param = probability()


@dataclass
class CalibrationCheck:
    """A figure the public record reports that the model also produces, and the band it must land in.
    `quantity` names a model quantity (game/sim/calibration.py); `reason` says, to the player, why the
    band is where it is (and why it may leave out the public figure, when the port differs)."""

    id: str = key_id()
    label: str = ref("text", default="", required=True)
    quantity: CalibrationQuantity = "all_captured_share"
    public: Param = field(default_factory=lambda: Param(0.0, assumption="none"))
    band: list[float] = field(default_factory=list)
    reason: str = ref("text", default="", required=True)
    group: str | None = ref("group", default=None)

    def check(self) -> list:
        if len(self.band) != 2 or not self.band[0] <= self.band[1]:
            return [("band", f"expected [low, high] with low <= high; got {self.band}")]
        if (self.quantity == "fmr_ratio") != (self.group is not None):
            return [("group", "expected a group for the quantity fmr_ratio, and only for it")]
        return [] if self.public.source else [("public", "expected a source for a public figure")]


@dataclass
class ModelFile:
    groups: dict[str, Group]
    profiles: dict[str, Profile]
    differentials: dict[str, Differential]
    capture: CaptureSpec
    matching: MatchingSpec
    traffic: TrafficSpec
    port: PortSpec
    search: SearchSpec
    shift: ShiftSpec
    ages: dict[Age, list[str]] = ref("differential", default_factory=dict)
    calibration: dict[str, CalibrationCheck] = field(default_factory=dict)
    limits: list[str] = ref("text", default_factory=list)

    def check(self) -> list:
        problems: list = []
        if not self.groups:
            problems.append(("groups", "expected at least one group"))
        if not self.profiles:
            problems.append(("profiles", "expected at least one algorithm profile"))
        return problems


# records.yaml: where each capture goes, for how long, and who may read it
AT_MATCH = "at-match"  # the one retention of 0 hours: deleted as soon as the match is made
MAX_RETENTION_HOURS = 200 * 8760.0  # two centuries: longer than any record law keeps
@dataclass
class Retention:
    """How long a record is kept: `hours` where a source states it, or `unstated` (why the game keeps it
    with no end date) where no deletion date is published."""

    id: str = key_id()
    label: str = ref("text", default="", required=True, placeholders=None)  # {hours} etc. if it states hours
    hours: Param | None = bounded(0.0, MAX_RETENTION_HOURS, what="hours", default=None)
    unstated: str | None = ref("text", default=None)  # why no end date: a text id

    def check(self) -> list:
        if (self.hours is None) == (self.unstated is None):
            return ["expected exactly one of 'hours' (a stated period) or 'unstated' (why none is given)"]
        if self.hours is not None and self.hours.value == 0 and self.id != AT_MATCH:
            return [("hours.value", f"expected hours above 0: only the retention '{AT_MATCH}' (deleted as soon "
                                    "as the match is made) keeps a record for 0 hours")]
        return []


@dataclass
class Agency:
    id: str = key_id()
    label: str = ref("text", default="", required=True)
    access: Literal["standing", "request"] = "standing"


@dataclass
class System:
    id: str = key_id()
    label: str = ref("text", default="", required=True)
    fact: str | None = ref("fact", default=None)


@dataclass
class RecordFlow:
    """One kind of record: which capture paths and traveller categories create it, and what policy it needs.

    `retention` is a retention id or `policy.<field>`; a reader may be `policy.<field>` too, meaning the
    readers of the chosen option. `when` maps a policy field to the options under which the flow exists.
    """

    system: str = ref("system")
    what: str = ref("text")
    photo: bool = False
    paths: list[Lane] = field(default_factory=list)
    categories: list[Category] = field(default_factory=list)
    retention: str = ref("flow_retention", default="", required=True)
    readers: list[str] = ref("flow_reader", default_factory=list)
    when: dict[PolicyFieldName, list[str]] = ref("policy_option", default_factory=dict)
    source: str | None = ref("source", default=None)
    assumption: str | None = ref("text", default=None)  # the reason, in words: a text id

    def check(self) -> list:
        problems = _sourced(self.source, self.assumption)
        if not self.readers:
            problems.append("readers: expected at least one reader (who may read this record)")
        return problems


@dataclass
class RecordsFile:
    systems: dict[str, System]
    readers: dict[str, Agency]
    retentions: dict[str, Retention]
    flows: list[RecordFlow]


# policy.yaml: the oversight board's choices, each a small set of options
@dataclass
class PolicyOption:
    label: str = ref("text", placeholders=None)  # filled by sim.option_values: {n}, {hours}, ... (texts.py)
    value: float | None = None  # the threshold's target false-match rate (rules: above 0, below 1)
    flag: bool | None = None
    retention: str | None = ref("retention", default=None)
    readers: list[str] = ref("reader", default_factory=list)
    profile: str | None = ref("profile", default=None)


@dataclass
class PolicyField:
    """One decision; `default` is what the sources describe today (or an assumption, saying why)."""

    label: str = ref("text")
    default: str = ""
    options: dict[str, PolicyOption] = field(default_factory=dict)
    source: str | None = ref("source", default=None)
    assumption: str | None = ref("text", default=None)  # the reason, in words: a text id

    def check(self) -> list:
        problems: list = list(_sourced(self.source, self.assumption))
        if not self.options:
            problems.append(("options", "expected at least one option"))
        elif self.default not in self.options:
            problems.append(("default", f"expected one of {', '.join(self.options)}; got {self.default!r}"))
        return problems


@dataclass
class PolicyContentFile:
    fields: dict[PolicyFieldName, PolicyField]

    def check(self) -> list:
        problems: list = []
        missing = [name for name in POLICY_FIELDS if name not in self.fields]
        if missing:
            problems.append(("fields", f"missing {', '.join(missing)}; the model needs every decision"))
        for name, spec in self.fields.items():
            for oid, opt in spec.options.items():
                path = f"fields.{name}.options.{oid}"
                if name in FLAG_FIELDS and opt.flag is None:
                    problems.append((path, "expected 'flag: true' or 'flag: false' for this yes/no decision"))
                if name == "threshold" and (opt.value is None or not 0.0 < opt.value < 1.0):
                    problems.append((f"{path}.value" if opt.value is not None else path,
                                     f"expected a target false-match rate above 0 and below 1; got {opt.value}"))
                if name in RETENTION_FIELDS and opt.retention is None:
                    problems.append((path, "expected 'retention: <retention id>'"))
                if name == "profile" and opt.profile is None:
                    problems.append((path, "expected 'profile: <profile id>'"))
            if name == "placement":
                for oid in spec.options:
                    if oid not in VEHICLE_PLACEMENTS:
                        problems.append((f"fields.placement.options.{oid}",
                                         f"expected one of {', '.join(VEHICLE_PLACEMENTS)}; got {oid!r}"))
            if name in FLAG_FIELDS and {o.flag for o in spec.options.values()} != {True, False}:
                problems.append((f"fields.{name}.options", "expected one option with 'flag: true' and one with "
                                                           "'flag: false'"))
        return problems


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


SEATS: tuple[str, ...] = Seat.__args__  # type: ignore[attr-defined]
POLICY_FIELDS: tuple[str, ...] = PolicyFieldName.__args__  # type: ignore[attr-defined]
