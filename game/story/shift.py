"""A shift in the booth as the player lives it: which stream, where they are in it, what they decided.

The model (game.sim.shift) draws the stream and says what each decision does; this module keeps the
player's place (the start, a car, what a decision did, the end of the shift), turns each car's people
into the shots the lane already shows (a synthetic face each, never a photo), and sums the decisions
beside what the model's own rules are expected to do with the same cars. No pygame here.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from game.content.schema import Face
from game.sim import shift as sim

from .crossing import Shot

PHASES = ("start", "car", "result", "summary")
HAIR = ("short", "long", "curly", "bald", "bun")
HAIR_COLOUR = ("black", "brown", "blond", "red")
SHIRT = ("blue", "green", "red", "purple", "orange", "teal")


def face(seed: str, vehicle: int, person: sim.Person) -> Face:
    """A look for a drawn person: chosen at random from the seed (never from the model's group, which only
    changes the odds), with the age the model drew."""
    rng = random.Random(f"{seed}:face:{vehicle}:{person.seat}")
    hair = rng.choice(HAIR[:4] if person.age == "child" else HAIR)
    colour = "grey" if person.age == "older" else rng.choice(HAIR_COLOUR)
    return Face(skin=rng.randrange(6), hair=hair, hair_colour=colour, age=person.age, shirt=rng.choice(SHIRT))


def shot(seed: str, vehicle: int, person: sim.Person) -> Shot:
    behaviour = (person.behaviour,) if person.behaviour else ()
    return Shot(f"seat.{person.seat}", person.seat, face(seed, vehicle, person), behaviour, person.captured,
                person.usable, person.cause, person.score, person.matched)


@dataclass
class ShiftRun:
    """One shift: the stream (by the run's seed and a stream number) and the decisions so far."""

    world: Any
    policy: Any
    stream: int = 0
    phase: str = "start"
    decisions: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.shift = sim.sample_shift(self.world.model, self.policy, self.world.seed, self.stream)
        self._expected: sim.Tally | None = None

    @property
    def model(self) -> Any:
        return self.world.model

    @property
    def rules(self) -> sim.ShiftRules:
        return self.shift.rules

    @property
    def index(self) -> int:
        """The car at the booth (on a result: the car just decided)."""
        return len(self.decisions) - (1 if self.phase == "result" else 0)

    @property
    def vehicle(self) -> sim.Vehicle:
        return self.shift.vehicles[min(self.index, len(self.shift.vehicles) - 1)]

    def shots(self, vehicle: sim.Vehicle) -> tuple[Shot, ...]:
        return tuple(shot(self.shift.seed, vehicle.index, p) for p in vehicle.people)

    # -- moving through the shift -------------------------------------------------------------------
    def begin(self) -> None:
        self.phase = "car"

    def decide(self, decision: str) -> sim.Outcome:
        if self.phase != "car":
            raise ValueError(f"no car waits for a decision ({self.phase})")
        result = sim.outcome(self.model, self.rules, self.vehicle, decision)
        self.decisions.append(decision)
        self.phase = "result"
        return result

    def next(self) -> None:
        self.phase = "summary" if len(self.decisions) >= len(self.shift.vehicles) else "car"

    def again(self) -> "ShiftRun":
        """Another shift: the next stream of the same seed."""
        return ShiftRun(self.world, self.policy, self.stream + 1)

    # -- what it adds up to ---------------------------------------------------------------------------
    def outcomes(self) -> list[sim.Outcome]:
        return sim.play(self.model, self.shift, self.decisions)

    def last(self) -> sim.Outcome:
        return self.outcomes()[-1]

    def tally(self) -> sim.Tally:
        return sim.tally(self.shift, self.outcomes())

    def expected(self) -> sim.Tally:
        if self._expected is None:
            self._expected = sim.expected(self.model, self.policy, self.shift)
        return self._expected

    def line(self) -> tuple[int, float]:
        """Cars in line now (the one at the booth included, while one is there) and, before a decision,
        how long the car at the booth waited, in seconds."""
        seconds = [o.seconds for o in self.outcomes()]
        if self.phase == "car":
            return sim.waiting_now(self.shift, seconds)
        return self.tally().waiting, 0.0

    def clock_minutes(self) -> float:
        return self.tally().shift_minutes

    def decision_seconds(self, decision: str) -> float:
        """What a decision costs at the booth for the car there now (a secondary referral included)."""
        port = self.model.port
        seconds = port["booth_seconds"]
        if decision == "check":
            seconds += port["manual_check_seconds"] * len(self.vehicle.people)
        if decision == "secondary":
            seconds += self.rules.referral_seconds
        return seconds

    def shifts_per_impostor(self) -> float:
        return sim.shifts_per_impostor(self.model, self.rules)
