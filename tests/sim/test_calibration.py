"""The model reproduces the figures it is calibrated to, within the stated tolerances."""
from __future__ import annotations

import pytest

from game.sim import match_rates, port_year, reference_mix_capture, threshold_for_fmr
from game.sim.port import group_fmr_ratio


def test_anzalduas_capture_on_the_reference_mix(model):
    figures = reference_mix_capture(model, "windshield")
    tol = model.calibration["tolerance"]
    assert figures["all_captured"] == pytest.approx(model.calibration["all_captured"], abs=tol)
    assert figures["meets_quality"] == pytest.approx(model.calibration["meets_quality"], abs=tol)
    # together: 0.76 x 0.81 = 0.616 (Wired: 61%)
    assert figures["together"] == pytest.approx(0.616, abs=0.012)


def test_port_year_uses_the_same_capture_as_the_calibration(model, today):
    year = port_year(model, today)
    figures = reference_mix_capture(model, today.placement)
    assert year.all_captured_share == pytest.approx(figures["all_captured"], rel=1e-9)
    assert year.all_usable_share == pytest.approx(figures["together"], rel=1e-9)


def test_threshold_for_one_in_100000(model):
    assert threshold_for_fmr(model, 1e-5) == pytest.approx(4.265, abs=0.001)


def test_nist_8311_miss_rates(model):
    t = threshold_for_fmr(model, 1e-5)
    ref_age = model.photo_age_reference
    good, _ = match_rates(model, t, "men", ref_age, "good", (), "low-differential")
    masked, _ = match_rates(model, t, "men", ref_age, "good", ("mask",), "low-differential")
    assert good == pytest.approx(0.003, abs=0.0005)
    assert masked == pytest.approx(0.05, abs=0.005)


@pytest.mark.parametrize("group, profile, ratio", [
    ("women", "low-differential", 2), ("women", "high-differential", 5),
    ("most-affected-men", "low-differential", 10), ("most-affected-men", "high-differential", 100)])
def test_nist_8280_false_match_ratios_at_one_in_100000(model, group, profile, ratio):
    t = threshold_for_fmr(model, 1e-5)
    _, fmr = match_rates(model, t, group, 2.0, "good", (), profile)
    _, ref = match_rates(model, t, "men", 2.0, "good", (), profile)
    assert fmr / ref == pytest.approx(ratio, rel=0.03)
    assert group_fmr_ratio(model, group, profile) == pytest.approx(ratio, rel=0.03)


def test_impostor_base_rate(model):
    assert model.traffic.impostor_rate.value == pytest.approx(39 / 51.1e6, rel=0.01)


def test_port_volume(model, today):
    year = port_year(model, today)
    assert year.vehicles == pytest.approx(3.1e6, rel=0.005)
