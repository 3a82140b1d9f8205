"""What a policy does to a traveller that a player can see: their outcome, who of them is held, each
record's system, how long it is kept and who may read it, and (on the street) what the scan did.

The board's consequences, the record screen and the tests compare these states, today's beside the
player's, so every decision lands on someone. No pygame here; the model is read through the World.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from game.sim.policy import Policy

from .crossing import Crossing


@dataclass(frozen=True)
class Kept:
    """One record as a player sees it. `hours` is None where no end date is published."""

    system: str                 # text id
    what: str                   # text id
    retention: str              # retention id (records.yaml)
    retention_label: str        # text id
    hours: float | None
    readers: tuple[str, ...]    # text ids

    @property
    def key(self) -> tuple[str, str]:
        return self.system, self.what


@dataclass(frozen=True)
class VisibleState:
    traveller: str
    summary: str                # text id of the decision
    held: tuple[str, ...]       # text ids of the names of everyone held (nobody when released)
    faces: tuple[tuple[str, str], ...]  # each person's camera result: their name and shot.match, no_match or missed
    records: tuple[Kept, ...]
    street: str | None          # text id of what the street scan did (the street lane only)


def kept_hours(hours: float | None) -> float | None:
    """A retention's hours, None for no end date (the model says infinity)."""
    return None if hours is None or math.isinf(hours) else hours


def state_of(crossing: Crossing) -> VisibleState:
    records = tuple(dict.fromkeys(Kept(r.system, r.what, r.retention, r.retention_label, kept_hours(r.retention_hours),
                                       r.readers) for r in crossing.records))
    held = () if crossing.released else tuple(s.who for s in crossing.shots)
    street = next((line.text for beat in crossing.beats for line in beat.lines
                   if line.text.startswith("model.outcome.street.")), None)
    return VisibleState(crossing.traveller, crossing.summary, held, tuple((s.who, face_result(s)) for s in crossing.shots),
                        records, street)


def face_result(shot: Any) -> str:
    """A person's camera result in a word's text id: matched, not matched, or no usable image."""
    if shot.matched is None:
        return "shot.missed"
    return "shot.match" if shot.matched else "shot.no_match"


def visible_state(world: Any, traveller_id: str, policy: Policy | None = None) -> VisibleState:
    """What a player can see of the traveller's crossing under `policy` (today's when None)."""
    return state_of(world.crossing(traveller_id, policy or world.default_policy))


def mood(crossing: Crossing) -> str:
    """How the traveller's face reads after the crossing: relief when they went on, worry when held."""
    return "relief" if crossing.released else "worry"


def option_policies(world: Any, question: Any) -> list[Policy]:
    """Today's policy with each of a question's options (and, for the lab, each algorithm) in turn."""
    today = world.default_policy.choices(world.model)
    return [Policy.from_choices(world.model, {**today, **option.set})
            for option in (*question.options, *question.algorithm)]


def touches(world: Any, question: Any, traveller_id: str) -> int:
    """How many of a question's options change what the traveller's crossing shows."""
    today = visible_state(world, traveller_id)
    return sum(visible_state(world, traveller_id, p) != today for p in option_policies(world, question))


def touched_most(world: Any, question: Any) -> str | None:
    """The traveller whose crossing the question changes under the most options (the first in the content's
    order on a tie), or None if it changes nobody's."""
    counts = {tid: touches(world, question, tid) for tid in world.content.travellers}
    best = max(counts, key=lambda tid: counts[tid], default=None)
    return best if best is not None and counts[best] else None
