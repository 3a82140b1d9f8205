"""A shift in the booth: a short stream of cars drawn with the model's own odds, and what each of the
officer's three decisions does to a car, the impostors in it and the queue behind it.

The stream reuses the sampler's draws (`port._sampling_tables`: the same occupancy, conditions and
per-seat mix of group, age and behaviour as `sample_vehicles`) and the story's (`story._draw_capture`
for each camera's causes; `genuine_curve`, or `impostor_curve` for a lookalike, for each score; the
model's share of documents with no gallery photo and its photo ages), so its odds are the model's.
Only the number of impostors is set, by content (`shift.impostors`), far above the real rate, which
`shifts_per_impostor` puts beside it. One seed and one stream number give one stream.

Time is the booth's, not the player's: each decision moves the shift's clock by the seconds it takes
at the booth (model.port and `shift.referral_seconds`), and cars arrive at `shift.arrivals_per_hour`,
so the queue grows with the decisions and never with reading time.
"""
from __future__ import annotations

import math
import random
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from .capture import occupant_capture
from .matching import genuine_curve, impostor_curve, policy_threshold
from .model import Model
from .policy import Policy
from .port import _sampling_tables, _seat_cells
from .story import _draw_capture

DECISIONS = ("release", "check", "secondary")
NO_GALLERY = "model.outcome.face.no-gallery"
SHIFT_PARAMS = "model.shift."  # where the shift's numbers sit among the model's parameters (model.yaml `shift:`)


@dataclass(frozen=True)
class ShiftRules:
    """The shift's content (model.yaml `shift:`) as plain numbers."""

    vehicles: int
    impostors: int
    waiting_at_start: int
    arrivals_per_hour: float
    referral_seconds: float

    @classmethod
    def of(cls, model: Model) -> "ShiftRules":
        value = {path.removeprefix(SHIFT_PARAMS): p.value for path, p in model.params.items()
                 if path.startswith(SHIFT_PARAMS)}
        return cls(int(value["vehicles"]), int(value["impostors"]), int(value["waiting_at_start"]),
                   value["arrivals_per_hour"], value["referral_seconds"])

    @property
    def gap_seconds(self) -> float:
        return 3600.0 / self.arrivals_per_hour


@dataclass(frozen=True)
class Person:
    """One occupant as the booth sees them: the camera's result, and the score against the threshold."""

    seat: str
    group: str
    age: str                     # child, adult or older (drawn with the model's mix)
    behaviour: str | None
    impostor: bool
    captured: bool
    usable: bool
    cause: str | None            # text id: what stopped a usable image, or the missing gallery photo
    retaken: bool
    score: float | None          # None when no usable image, or no gallery photo, reached the matcher
    matched: bool | None         # None when there was no usable image


@dataclass(frozen=True)
class Vehicle:
    index: int
    condition: str
    people: tuple[Person, ...]
    arrival_seconds: float       # when the car joined the line, on the shift's clock
    catch_draw: float            # one uniform number: a decision catches the impostor if it falls below its chance

    @property
    def impostor(self) -> Person | None:
        return next((p for p in self.people if p.impostor), None)

    @property
    def genuine(self) -> int:
        return sum(not p.impostor for p in self.people)

    @property
    def all_matched(self) -> bool:
        return all(p.matched for p in self.people)


@dataclass(frozen=True)
class Shift:
    seed: str
    threshold: float
    rules: ShiftRules
    vehicles: tuple[Vehicle, ...]


@dataclass(frozen=True)
class Outcome:
    """What one decision did to one car; chances where the model's officer is expected, not drawn."""

    decision: str
    seconds: float               # the booth's time on this car
    secondary: float             # the car went to secondary (1 or 0; a chance for the model's officer)
    caught: float
    missed: float
    held_people: float           # genuine people held in secondary in a car with no impostor
    held_cars: float


@dataclass(frozen=True)
class Tally:
    cars: int
    impostors: int
    caught: float
    missed: float
    held_people: float
    held_cars: float
    queue_minutes: float         # minutes the decided cars waited in line, together
    shift_minutes: float         # the booth's clock after the last decision
    waiting: int                 # cars in line after the last decision


def sample_shift(model: Model, policy: Policy, seed: int | str, stream: int = 0) -> Shift:
    """A stream of `shift.vehicles` cars at `policy`, `shift.impostors` of them carrying one impostor."""
    rules = ShiftRules.of(model)
    key = f"{seed}:shift:{stream}"
    chosen = set(random.Random(f"{key}:impostors").sample(range(rules.vehicles), rules.impostors))
    cars = tuple(_vehicle(model, policy, rules, random.Random(f"{key}:car:{i}"), i, i in chosen)
                 for i in range(rules.vehicles))
    return Shift(key, policy_threshold(model, policy), rules, cars)


def _pick(cum: list[float], u: float) -> int:
    return min(bisect_right(cum, u * cum[-1]), len(cum) - 1)


def _vehicle(model: Model, policy: Policy, rules: ShiftRules, rng: random.Random, index: int,
             impostor: bool) -> Vehicle:
    """One car, drawn as `sample_vehicles` draws one (occupants, condition, each person's kind), then each
    person's capture and score as `sample_crossing` draws them."""
    tables = _sampling_tables(model, policy)
    cells = _seat_cells(model, policy.placement)
    groups = len(model.groups)
    occ = list(model.occupancy)
    k = occ[_pick(list(accumulate(model.occupancy.values())), rng.random())]
    conds = list(model.condition_share)
    c = conds[_pick(list(accumulate(model.condition_share.values())), rng.random())]
    kinds = []
    for s in model.seat_order[:k]:
        cum, table = tables[s, c]
        j = _pick(cum, rng.random())
        _, age, behaviour, _, _ = cells[s, c].kinds[j // groups]
        kinds.append((s, table[j][0], age, behaviour))
    adults = [i for i, (_, _, age, _) in enumerate(kinds) if age != "child"]
    who = rng.choice(adults) if impostor else -1
    people = tuple(_person(model, policy, rng, c, *kind, impostor=i == who) for i, kind in enumerate(kinds))
    w0, gap = rules.waiting_at_start, rules.gap_seconds
    arrival = 0.0 if index < w0 else (index - w0 + 1) * gap
    return Vehicle(index, c, people, arrival, rng.random())


def _person(model: Model, policy: Policy, rng: random.Random, condition: str, seat: str, group: str, age: str,
            behaviour: str | None, impostor: bool) -> Person:
    behaviours = (behaviour,) if behaviour else ()
    chance = occupant_capture(model, seat, "vehicle", condition, behaviours, policy.placement)
    captured, ok, cause = _draw_capture(rng, chance)
    level, retaken = chance.quality_level, False
    if not ok and policy.capture_failure == "retake":
        retaken = True
        second = occupant_capture(model, seat, "vehicle", condition, behaviours, "booth")
        captured2, ok, cause2 = _draw_capture(rng, second)
        captured, level, cause = captured or captured2, second.quality_level, (None if ok else cause2)
    if not ok:
        return Person(seat, group, age, behaviour, impostor, captured, False, cause, retaken, None, None)
    if rng.random() < model.no_gallery_share:
        return Person(seat, group, age, behaviour, impostor, True, True, NO_GALLERY, retaken, None, False)
    profile = policy.effective_profile(model)
    if impostor:
        mean, sd = impostor_curve(model, group, profile, age, lookalike=True)
    else:
        years = model.photo_bins[_pick(list(accumulate(w for w, _ in model.photo_bins)), rng.random())][1]
        mean, sd = genuine_curve(model, group, years, level, behaviours, profile, age)
    score = rng.gauss(mean, sd)
    t = policy_threshold(model, policy)
    return Person(seat, group, age, behaviour, impostor, True, True, None, retaken, score, score >= t)


# -- what a decision does ---------------------------------------------------------------------
def catch_chance(model: Model, vehicle: Vehicle, decision: str) -> float:
    """The chance a decision catches the car's impostor: none when released; a check of every document by
    hand catches as often as the model's officer does after a non-match, or by eye where the face matched or
    no image was taken; secondary as often as the model's secondary inspection."""
    impostor = vehicle.impostor
    if impostor is None or decision == "release":
        return 0.0
    port = model.port
    if decision == "secondary":
        return port["catch_in_secondary"]
    return port["catch_after_nonmatch"] if impostor.matched is False else port["catch_by_manual_check"]


def outcome(model: Model, rules: ShiftRules, vehicle: Vehicle, decision: str) -> Outcome:
    """What the player's decision did to a car: the catch is drawn once per car (`catch_draw`), so the same
    stream and the same decisions always end the same way."""
    if decision not in DECISIONS:
        raise ValueError(f"unknown decision {decision!r}; known: {', '.join(DECISIONS)}")
    port = model.port
    seconds = port["booth_seconds"]
    if decision == "check":
        seconds += port["manual_check_seconds"] * len(vehicle.people)
    caught = vehicle.catch_draw < catch_chance(model, vehicle, decision)
    secondary = decision == "secondary" or caught
    if secondary:
        seconds += rules.referral_seconds
    has_impostor = vehicle.impostor is not None
    held = secondary and not has_impostor
    return Outcome(decision, seconds, float(secondary), float(caught), float(has_impostor and not caught),
                   float(vehicle.genuine if held else 0), float(held))


def model_decision(model: Model, policy: Policy, rules: ShiftRules, vehicle: Vehicle) -> Outcome:
    """What the model's officer is expected to do with the same car, by the model's rules (game/sim/story.py):
    release a car whose faces all match; check by hand everyone not matched, catching an impostor after a
    non-match or with no image at the model's odds; refer a small share of genuine non-matches; and, where
    the policy says so, send every capture failure to secondary."""
    port = model.port
    mandatory = policy.capture_failure == "mandatory_secondary"
    checks = 0
    stay = 1.0   # the chance the car is not sent to secondary
    caught = 0.0
    for p in vehicle.people:
        if p.matched is not True:
            checks += 1
        if p.matched is None and mandatory:
            chance = 1.0
            caught = port["catch_in_secondary"] if p.impostor else caught
        elif p.impostor and p.matched is False:
            chance = caught = port["catch_after_nonmatch"]
        elif p.impostor and p.matched is None:
            chance = caught = port["catch_by_manual_check"]
        elif not p.impostor and p.matched is False:
            chance = port["nonmatch_to_secondary"]
        else:
            chance = 0.0
        stay *= 1.0 - chance
    secondary = 1.0 - stay
    seconds = port["booth_seconds"] + checks * port["manual_check_seconds"] + secondary * rules.referral_seconds
    has_impostor = vehicle.impostor is not None
    decision = "release" if not checks else ("secondary" if secondary >= 1.0 else "check")
    held = 0.0 if has_impostor else secondary
    return Outcome(decision, seconds, secondary, caught, (1.0 - caught) if has_impostor else 0.0,
                   held * vehicle.genuine, held)


# -- the queue and the totals -----------------------------------------------------------------------
def queue(shift: Shift, seconds: list[float]) -> tuple[list[float], list[int], float]:
    """For the cars decided so far (their booth times in order): how long each waited in line, how many cars
    stood behind each when it reached the booth, and the booth's clock after the last."""
    rules, clock = shift.rules, 0.0
    waits: list[float] = []
    behind: list[int] = []
    for vehicle, s in zip(shift.vehicles, seconds):
        start = max(clock, vehicle.arrival_seconds)
        waits.append(start - vehicle.arrival_seconds)
        behind.append(line_at(rules, start) - vehicle.index - 1)
        clock = start + s
    return waits, behind, clock


def line_at(rules: ShiftRules, seconds: float) -> int:
    """Cars that have joined the line by `seconds` on the shift's clock (the stream's, then those after it)."""
    return rules.waiting_at_start + math.floor(seconds / rules.gap_seconds + 1e-9)


def waiting_now(shift: Shift, seconds: list[float]) -> tuple[int, float]:
    """Before the next decision: the cars in line (the one at the booth included) and how long the one at
    the booth has waited, in seconds."""
    _, _, clock = queue(shift, seconds)
    i = len(seconds)
    if i >= len(shift.vehicles):
        return max(0, line_at(shift.rules, clock) - i), 0.0
    start = max(clock, shift.vehicles[i].arrival_seconds)
    return max(1, line_at(shift.rules, start) - i), start - shift.vehicles[i].arrival_seconds


def tally(shift: Shift, outcomes: list[Outcome]) -> Tally:
    """The totals of some outcomes, in the stream's order from its first car."""
    waits, behind, clock = queue(shift, [o.seconds for o in outcomes])
    cars = shift.vehicles[:len(outcomes)]
    return Tally(len(outcomes), sum(v.impostor is not None for v in cars), sum(o.caught for o in outcomes),
                 sum(o.missed for o in outcomes), sum(o.held_people for o in outcomes),
                 sum(o.held_cars for o in outcomes), sum(waits) / 60.0, clock / 60.0,
                 max(0, line_at(shift.rules, clock) - len(outcomes)))


def play(model: Model, shift: Shift, decisions: list[str]) -> list[Outcome]:
    return [outcome(model, shift.rules, v, d) for v, d in zip(shift.vehicles, decisions)]


def expected(model: Model, policy: Policy, shift: Shift) -> Tally:
    """What the model expects for the whole stream under its own rules (averages, not draws)."""
    return tally(shift, [model_decision(model, policy, shift.rules, v) for v in shift.vehicles])


def shifts_per_impostor(model: Model, rules: ShiftRules) -> float:
    """At the model's impostor rate, how many shifts of this length pass, on average, for each impostor."""
    people = rules.vehicles * sum(k * p for k, p in model.occupancy.items())
    return 1.0 / (model.traffic.impostor_rate.value * people)
