"""Closed-form error rates: monotone in the threshold, stable in the tails, one-to-many as stated."""
from __future__ import annotations

import math

import pytest

from game.sim import (fmr_at, fnmr_at, genuine_curve, impostor_curve, match_rates, one_to_many,
                      threshold_for_fmr)

THRESHOLDS = [x / 4 for x in range(-4, 41)]


@pytest.mark.parametrize("quality", ["good", "fair", "poor"])
@pytest.mark.parametrize("profile", ["low-differential", "high-differential"])
def test_raising_the_threshold_never_lowers_fnmr_nor_raises_fmr(model, quality, profile):
    for group in model.groups:
        for age in ("child", "adult", "older"):
            last = None
            for t in THRESHOLDS:
                fnmr, fmr = match_rates(model, t, group, 5.0, quality, ("hat",), profile, age)
                assert 0.0 <= fnmr <= 1.0 and 0.0 <= fmr <= 1.0
                if last:
                    assert fnmr >= last[0], (group, age, t)
                    assert fmr <= last[1], (group, age, t)
                last = fnmr, fmr


def test_every_shift_moves_the_genuine_curve_down(model):
    base, _ = genuine_curve(model, "men", 1.0, "good", (), "low-differential")
    assert genuine_curve(model, "men", 9.0, "good", (), "low-differential")[0] < base
    assert genuine_curve(model, "men", 1.0, "fair", (), "low-differential")[0] < base
    assert genuine_curve(model, "men", 1.0, "poor", (), "low-differential")[0] < \
        genuine_curve(model, "men", 1.0, "fair", (), "low-differential")[0]
    assert genuine_curve(model, "men", 1.0, "good", ("mask",), "low-differential")[0] < base


def test_high_differential_profile_never_gives_a_group_fewer_false_matches(model):
    t = threshold_for_fmr(model, 1e-5)
    for group in model.groups:
        low = match_rates(model, t, group, profile="low-differential")[1]
        high = match_rates(model, t, group, profile="high-differential")[1]
        assert high >= low


def test_threshold_for_fmr_inverts_fmr(model):
    for fmr in (1e-2, 1e-5, 1e-9, 1e-15):
        t = threshold_for_fmr(model, fmr)
        mean, sd = impostor_curve(model, "men", "low-differential")
        assert fmr_at(t, mean, sd) == pytest.approx(fmr, rel=1e-6)
    for group in model.groups:
        t = threshold_for_fmr(model, 1e-4, group, "high-differential")
        assert match_rates(model, t, group, profile="high-differential")[1] == pytest.approx(1e-4, rel=1e-6)


def test_tails_keep_their_precision():
    # 1 - cdf would round to zero here; the model's tails must not
    assert fmr_at(12.0, 0.0) == pytest.approx(1.776482112077679e-33, rel=1e-9)
    assert fnmr_at(-12.0, 0.0) == pytest.approx(1.776482112077679e-33, rel=1e-9)


def test_one_to_many_small_and_large():
    expected, p = one_to_many(1e-12, 1000)
    assert expected == pytest.approx(1e-9)
    assert p == pytest.approx(1e-9, rel=1e-6)  # naive 1-(1-f)^N loses this entirely
    expected, p = one_to_many(1e-7, 6e10)
    assert expected == pytest.approx(6000.0)
    assert p == 1.0
    assert one_to_many(0.5, 3) == pytest.approx((1.5, 0.875))
    assert one_to_many(0.0, 1e12) == (0.0, 0.0)
    assert one_to_many(1.0, 5) == (5.0, 1.0)
    with pytest.raises(ValueError):
        one_to_many(1.5, 10)


def test_one_to_many_matches_the_textbook_formula_where_it_is_exact():
    for fmr, n in ((1e-3, 10), (0.01, 250), (0.2, 7)):
        assert one_to_many(fmr, n)[1] == pytest.approx(1 - (1 - fmr) ** n, rel=1e-12)
        assert not math.isnan(one_to_many(fmr, n)[0])
