"""A shift in the booth: one seed, one stream; the stream's odds are the sampler's; the tallies are the sum,
car by car, of what each decision does; the model's own rules are expected to do what they say."""
from __future__ import annotations

import math
import random

import pytest

from game.content import ContentErrors, load_content
from game.sim import port_year, sample_shift
from game.sim import shift as S


def test_one_seed_one_stream(model, today):
    first, again = sample_shift(model, today, 7), sample_shift(model, today, 7)
    assert first == again
    assert sample_shift(model, today, 7, stream=1) != first
    assert sample_shift(model, today, 8) != first


def test_the_stream_holds_the_cars_and_impostors_the_content_asks_for(model, today):
    rules = S.ShiftRules.of(model)
    assert rules == S.ShiftRules(12, 3, 4, 70.0, 120.0)
    for seed in range(20):
        shift = sample_shift(model, today, seed)
        assert len(shift.vehicles) == rules.vehicles
        carrying = [v for v in shift.vehicles if v.impostor is not None]
        assert len(carrying) == rules.impostors
        assert all(sum(p.impostor for p in v.people) == 1 and v.impostor.age != "child" for v in carrying)
        assert [v.arrival_seconds for v in shift.vehicles[:rules.waiting_at_start]] == [0.0] * rules.waiting_at_start
        for v in shift.vehicles:
            for p in v.people:
                assert p.usable == (p.matched is not None)
                assert (p.score is None) == (p.matched is None or p.cause == S.NO_GALLERY)
                assert p.score is None or p.matched == (p.score >= shift.threshold)
                assert p.usable or p.cause is not None  # no image says why, in words


def test_the_streams_odds_are_the_samplers(model, today):
    """Many streams together land where the year's closed form does: people per car, usable images, and
    genuine faces not matched (4-sigma bands)."""
    year = port_year(model, today)
    cars = [v for seed in range(400) for v in sample_shift(model, today, seed).vehicles]
    people = [p for v in cars for p in v.people if not p.impostor]
    n = len(cars)
    mean = year.people / year.vehicles
    spread = math.sqrt(sum(k * k * p for k, p in model.occupancy.items()) - mean ** 2)
    assert abs(sum(len(v.people) for v in cars) / n - mean) < 4 * spread / math.sqrt(n)

    def close(observed: int, total: int, p: float) -> None:
        assert abs(observed / total - p) < 4 * math.sqrt(p * (1 - p) / total) + 0.5 / total, (observed / total, p)
    close(sum(p.usable for p in people), len(people), year.faces_captured / year.people)
    usable = [p for p in people if p.usable]
    close(sum(p.matched is False for p in usable), len(usable), year.false_non_matches / year.faces_captured)


@pytest.mark.parametrize("seed", range(6))
def test_the_tallies_are_the_streams_sum(model, today, seed):
    """Whatever the player decides, each figure is the sum over the stream of what each decision did."""
    shift = sample_shift(model, today, seed)
    port, rules = model.port, shift.rules
    decisions = [random.Random(seed).choice(S.DECISIONS) for _ in shift.vehicles]
    tally = S.tally(shift, S.play(model, shift, decisions))
    caught = missed = held = held_cars = 0
    clock = waited = 0.0
    for v, d in zip(shift.vehicles, decisions):
        chance = {"release": 0.0, "secondary": port["catch_in_secondary"],
                  "check": port["catch_after_nonmatch"] if v.impostor and v.impostor.matched is False
                  else port["catch_by_manual_check"]}[d] if v.impostor else 0.0
        got = v.catch_draw < chance
        caught += got
        missed += v.impostor is not None and not got
        to_secondary = d == "secondary" or got
        held += v.genuine if to_secondary and v.impostor is None else 0
        held_cars += to_secondary and v.impostor is None
        seconds = port["booth_seconds"] + (port["manual_check_seconds"] * len(v.people) if d == "check" else 0)
        seconds += rules.referral_seconds if to_secondary else 0
        start = max(clock, v.arrival_seconds)
        waited += start - v.arrival_seconds
        clock = start + seconds
    assert (tally.caught, tally.missed, tally.held_people, tally.held_cars) == (caught, missed, held, held_cars)
    assert tally.caught + tally.missed == tally.impostors == rules.impostors
    assert tally.queue_minutes == pytest.approx(waited / 60)
    assert tally.shift_minutes == pytest.approx(clock / 60)
    assert tally.waiting == rules.waiting_at_start + math.floor(clock / rules.gap_seconds + 1e-9) - len(decisions)


def test_stopping_every_car_costs_the_line(model, today):
    shift = sample_shift(model, today, 3)
    released, checked, held = (S.tally(shift, S.play(model, shift, [d] * len(shift.vehicles))) for d in S.DECISIONS)
    assert released.caught == 0 and released.held_people == 0
    assert held.held_cars == len(shift.vehicles) - shift.rules.impostors
    assert released.queue_minutes < checked.queue_minutes < held.queue_minutes
    assert released.waiting <= checked.waiting <= held.waiting


def test_the_models_rules_release_matches_and_check_the_rest(model, today):
    port = model.port
    shift = sample_shift(model, today, 11)
    for v in shift.vehicles:
        o = S.model_decision(model, today, shift.rules, v)
        if v.all_matched:
            assert (o.decision, o.seconds, o.secondary) == ("release", port["booth_seconds"], 0.0)
        else:
            assert o.decision == "check"
            assert o.seconds >= port["booth_seconds"] + port["manual_check_seconds"]
        if v.impostor is not None:
            expected = {False: port["catch_after_nonmatch"], None: port["catch_by_manual_check"], True: 0.0}
            assert o.caught == pytest.approx(expected[v.impostor.matched])
            assert o.caught + o.missed == pytest.approx(1.0) and o.held_people == 0.0
    total = S.expected(model, today, shift)
    assert total.caught + total.missed == pytest.approx(shift.rules.impostors)


def test_the_real_rate_is_the_models(model):
    rules = S.ShiftRules.of(model)
    people = rules.vehicles * sum(k * p for k, p in model.occupancy.items())
    assert S.shifts_per_impostor(model, rules) == pytest.approx(1 / (model.traffic.impostor_rate.value * people))
    assert S.shifts_per_impostor(model, rules) > 1000  # why the shift holds more impostors than traffic does


def test_more_impostors_than_cars_is_refused(content_copy):
    path = content_copy / "model.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "impostors: {value: 3,", "impostors: {value: 30,"), encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        load_content(content_copy)
    assert any("shift.impostors" in str(e) for e in caught.value.errors)
