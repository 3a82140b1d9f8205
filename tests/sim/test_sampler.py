"""The sampler draws with the closed form's odds: frequencies converge (fixed seeds, 4-sigma bands)."""
from __future__ import annotations

import math
import random

import pytest

from game.content import schema
from game.sim import match_rates, occupant_capture, port_year, sample_crossing, sample_vehicles

VEHICLES = 40_000


def _close(observed: int, n: int, p: float, label: str) -> None:
    """Binomial check: observed/n within 4 standard errors of p (plus a hair for p near 0 or 1)."""
    band = 4.0 * math.sqrt(max(p * (1 - p), 1e-12) / n) + 0.5 / n
    assert abs(observed / n - p) <= band, f"{label}: {observed / n:.5f} vs {p:.5f} (band {band:.5f})"


@pytest.mark.parametrize("changes", [{}, {"capture_failure": "mandatory_secondary"},
                                     {"capture_failure": "retake", "threshold": "fmr-1e-6"},
                                     {"placement": "booth", "audits_before_expansion": True}])
def test_sampled_vehicles_converge_to_the_year(model, today, changes):
    policy = today.replace(**changes)
    year = port_year(model, policy)
    s = sample_vehicles(model, policy, VEHICLES, random.Random(20261121))
    assert s.vehicles == VEHICLES
    mean_people = year.people / year.vehicles
    assert abs(s.people / VEHICLES - mean_people) < 4 * 1.2 / math.sqrt(VEHICLES)
    _close(s.all_captured, VEHICLES, year.all_captured_share, "all captured")
    _close(s.all_usable, VEHICLES, year.all_usable_share, "all usable")
    _close(s.vehicles_to_secondary, VEHICLES, year.vehicles_to_secondary / year.vehicles, "to secondary")
    _close(s.faces_captured, s.people, year.faces_captured / year.people, "faces captured")
    _close(s.false_non_matches, s.people, year.false_non_matches / year.people, "false non-matches")
    for g, gy in year.by_group.items():
        sg = s.by_group[g]
        _close(sg["people"], s.people, gy.people / year.people, f"{g} share")
        _close(sg["false_non_matches"], sg["people"], gy.false_non_matches / gy.people, f"{g} misses")


def test_sampler_is_deterministic_for_a_seed(model, today):
    a = sample_vehicles(model, today, 500, random.Random(7))
    b = sample_vehicles(model, today, 500, random.Random(7))
    c = sample_vehicles(model, today, 500, random.Random(8))
    assert a == b
    assert a != c


def _hard_case(**kw) -> schema.Traveller:
    base = dict(id="hard-case", lane="vehicle", category="visa_holder", document="foreign-passport",
                group="most-affected-women", seat="front", conditions="glare", behaviour=["sunglasses"],
                photo_age_years=9.0, face=schema.Face(age="adult"))
    base.update(kw)
    return schema.Traveller(**base)


def test_crossing_stories_converge_to_capture_and_match_rates(model, today):
    traveller = _hard_case()
    chance = occupant_capture(model, "front", "vehicle", "glare", ["sunglasses"], today.placement)
    fnmr, _ = match_rates(model, today, "most-affected-women", 9.0, chance.quality_level, ["sunglasses"])
    n = 4000
    usable = missed = imaged = 0
    for seed in range(n):
        person = sample_crossing(model, today, traveller, seed).people[0]
        imaged += person.captured
        usable += person.quality_ok
        missed += person.matched is False
    _close(imaged, n, chance.image, "image")
    _close(usable, n, chance.usable, "usable")
    _close(missed, usable, fnmr, "false non-match")
