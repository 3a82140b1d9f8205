"""How close the model lands to the public record: each figure a source reports that the model also
produces (content/model.yaml `calibration`), the model's value under today's policy, and its band.

The quantities are read off the same closed form the game shows, so a figure on screen and its
check can never disagree.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable

from .capture import reference_mix_capture
from .model import Model
from .policy import Policy
from .port import PortYear, group_fmr_ratio, port_year


@dataclass(frozen=True)
class Check:
    """One public figure against the model: `inside` is whether the model lands in the band."""

    id: str
    label: str            # text id
    reason: str           # text id: why the band is where it is
    source: str           # source id of the public figure
    public: float
    model: float
    low: float
    high: float

    @property
    def ratio(self) -> float:
        return _per(self.model, self.public)

    @property
    def inside(self) -> bool:
        return self.low <= self.model <= self.high


def _capture(key: str) -> Callable[[Model, PortYear, Any], float]:
    return lambda model, year, check: reference_mix_capture(model, year.placement)[key]


def _per(part: float, whole: float, scale: float = 1.0) -> float:
    """part / whole, or NaN when there is nothing to divide by (content may leave a count at zero)."""
    return scale * part / whole if whole else math.nan


QUANTITIES: dict[str, Callable[[Model, PortYear, Any], float]] = {
    "all_captured_share": _capture("all_captured"),
    "meets_quality_share": _capture("meets_quality"),
    "all_usable_share": _capture("together"),
    # captured faces not matched: no gallery photo, or a genuine score under the threshold
    "not_matched_share": lambda m, y, c: _per(y.false_non_matches, y.faces_captured),
    "impostors_caught_per_million": lambda m, y, c: _per(y.impostors_caught, y.people, 1e6),
    "impostors_caught_per_year": lambda m, y, c: y.impostors_caught * 365.0 / y.days,
    # travellers whose own non-match sent them to secondary (the OIG counts people, not their companions)
    "referrals_per_million": lambda m, y, c: _per(sum(g.referrals for g in y.by_group.values()), y.people, 1e6),
    # everyone who waited in secondary for a face result (companions too), per impostor caught
    "held_per_impostor": lambda m, y, c: _per(y.people_in_secondary, y.impostors_caught),
    "fmr_ratio": lambda m, y, c: group_fmr_ratio(m, c.group, y.profile),
}


def calibration(model: Model, policy: Policy | None = None) -> list[Check]:
    """Every calibration check under `policy` (default: today's), in content order."""
    policy = policy or Policy.default(model)
    year = port_year(model, policy)
    return [Check(cid, c.label, c.reason, c.public.source or "", c.public.value,
                  QUANTITIES[c.quantity](model, year, c), c.band[0], c.band[1])
            for cid, c in model.calibration.items()]
