"""The model agrees with the public record: every figure in content/model.yaml `calibration` lands in
its band, group differentials stay inside NIST's ranges for every algorithm profile, and the
aggregation defects of issue 8 stay fixed."""
from __future__ import annotations

import math

import pytest

from game.sim import (beyond_the_port, match_rates, one_to_many, port_year, records_for, reference_mix_capture,
                      threshold_for_fmr)
from game.sim.calibration import QUANTITIES, calibration
from game.sim.port import group_fmr_ratio


def test_every_public_figure_lands_in_its_band(model, today):
    checks = calibration(model, today)
    assert {c.id for c in checks} == set(model.calibration)
    outside = {c.id: (c.model, c.low, c.high) for c in checks if not c.inside}
    assert outside == {}


def test_calibration_covers_the_figures_the_issue_names(model):
    quantities = {c.quantity for c in model.calibration.values()}
    assert {"all_captured_share", "meets_quality_share", "all_usable_share", "not_matched_share",
            "impostors_caught_per_million", "impostors_caught_per_year", "held_per_impostor",
            "fmr_ratio"} <= quantities
    assert quantities <= set(QUANTITIES)
    for check in model.calibration.values():
        assert check.public.source, check.id


def test_calibration_fails_when_the_model_drifts(model, today):
    """A band is a real test: pushing the share without a gallery photo up breaks 'not matched'."""
    drifted = model.__class__(**{**model.__dict__, "no_gallery_share": 0.05, "cache": {}, "tables": {}})
    checks = {c.id: c for c in calibration(drifted, today)}
    assert not checks["not-matched"].inside


@pytest.mark.parametrize("profile", ["low-differential", "middle-differential", "high-differential"])
def test_no_group_leaves_nists_range_under_any_profile(model, profile):
    bands = {c.group: c.band for c in model.calibration.values() if c.quantity == "fmr_ratio"}
    assert set(bands) == set(model.groups) - {"men"}
    for group, (low, high) in bands.items():
        ratio = group_fmr_ratio(model, group, profile)
        assert low <= ratio <= high, (group, profile, ratio)
        # the ratio is what the curves give at the reference threshold, not just a stored number
        t = threshold_for_fmr(model, model.ratio_reference_fmr)
        _, fmr = match_rates(model, t, group, profile=profile)
        _, ref = match_rates(model, t, "men", profile=profile)
        assert fmr / ref == pytest.approx(ratio, rel=1e-6)


def test_default_profile_is_the_middle_of_the_ranges(model, today):
    assert today.effective_profile(model) == "middle-differential"
    low, mid, high = (group_fmr_ratio(model, "most-affected-men", p)
                      for p in ("low-differential", "middle-differential", "high-differential"))
    assert low < mid < high
    assert mid == pytest.approx(math.sqrt(low * high), rel=0.02)


def test_anzalduas_capture_on_the_reference_mix(model):
    figures = reference_mix_capture(model, "windshield")
    for key, cid in (("all_captured", "all-captured"), ("meets_quality", "meets-quality"), ("together", "together")):
        low, high = model.calibration[cid].band
        assert low <= figures[key] <= high


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


def test_land_port_impostor_rate_comes_from_land_figures(model):
    rate = model.traffic.impostor_rate
    low, high = rate.range
    assert low <= rate.value <= high
    assert low == pytest.approx(252 / 44e6, rel=0.01)      # CBP testimony: the CBP-wide figure
    assert rate.value > 10 * 39 / 51.1e6                    # far above the air rate the first version used


def test_gallery_gaps_are_their_own_cause_of_non_matches(model, today):
    year = port_year(model, today)
    share = year.false_non_matches / year.faces_captured
    assert share > model.no_gallery_share
    # with no gallery gaps, only score misses remain, and they fall below CBP's band
    gapless = model.__class__(**{**model.__dict__, "no_gallery_share": 0.0, "cache": {}, "tables": {}})
    rest = port_year(gapless, today)
    assert rest.false_non_matches / rest.faces_captured < share - 0.5 * model.no_gallery_share


def test_the_threshold_trade_off_is_in_the_hundreds_not_thousands(model, today):
    """People held per impostor caught at today's threshold sits near the public record (issue 8)."""
    year = port_year(model, today)
    assert 50 < year.people_in_secondary / year.impostors_caught < 600
    assert year.impostors_caught > 30


# -- aggregation and scope defects (issue 8, section 3) ------------------------------------------
def test_one_scraped_search_is_weighted_by_group_not_added_up(model, today):
    beyond = beyond_the_port(model, today)
    per_group = beyond["search"]
    weighted = sum(model.group_share[g] * per_group[g]["false_candidates"] for g in model.groups)
    assert beyond["one_search"]["false_candidates"] == pytest.approx(weighted)
    assert beyond["one_search"]["false_candidates"] < max(g["false_candidates"] for g in per_group.values())
    assert beyond["one_search"]["false_candidates"] < sum(g["false_candidates"] for g in per_group.values()) / 2


def test_an_audit_changes_the_ports_matcher_only(model, today):
    audited = today.replace(audits_before_expansion=True, outbound_capture=True)
    plain = today.replace(outbound_capture=True)
    assert audited.effective_profile(model) != plain.effective_profile(model)
    assert beyond_the_port(model, audited)["one_search"] == beyond_the_port(model, plain)["one_search"]
    assert beyond_the_port(model, audited)["street"] == beyond_the_port(model, plain)["street"]


def test_photo_copies_count_street_scans_and_searches(model, today):
    all_systems = port_year(model, today).photos_held
    no_street = port_year(model, today.replace(field_scans="banned")).photos_held
    no_search = port_year(model, today.replace(one_to_many="banned")).photos_held
    assert all_systems["mobile-fortify"]["years-10"] == model.search["field_scans"]
    assert no_street["mobile-fortify"]["years-10"] == 0.0
    assert all_systems["clearview"]["years-10"] > no_search["clearview"]["years-10"] == 0.0


def test_street_app_assumption_matches_the_model(model, model_content):
    """The search_fmr assumption promises about one scan in four naming a stranger for the reference group."""
    _, p_any = one_to_many(model.search["search_fmr"], model.search["street_gallery"])
    assert 0.2 < p_any < 0.3
    text = model_content.strings["en"][model.params["model.search.search_fmr"].assumption]
    assert "one scan in four" in text


def test_unstated_retention_never_ends(model, today):
    for category in ("citizen", "visa_holder"):
        crossing = [e for e in records_for(model, today, category, "vehicle") if e.system == "tecs"]
        assert crossing and all(math.isinf(e.retention_hours) for e in crossing)
        assert all(e.held_at(1e9) for e in crossing)


def test_a_pedestrian_record_has_no_vehicle(model, today):
    for category in ("citizen", "other_noncitizen"):
        walked = {e.what for e in records_for(model, today, category, "pedestrian")}
        drove = {e.what for e in records_for(model, today, category, "vehicle")}
        assert "model.what.crossing-record" in drove
        assert "model.what.crossing-record" not in walked and "model.what.crossing-record-pedestrian" in walked


def test_a_count_at_zero_gives_an_undefined_figure_not_a_crash(model, today):
    """Content may legally set every catch chance to 0: then 'held per impostor' has nothing to divide by."""
    port = {**model.port, "catch_in_secondary": 0.0, "catch_by_manual_check": 0.0, "catch_after_nonmatch": 0.0}
    nobody_caught = model.__class__(**{**model.__dict__, "port": port, "cache": {}, "tables": {}})
    checks = {c.id: c for c in calibration(nobody_caught, today)}
    held = checks["held-per-impostor"]
    assert math.isnan(held.model) and not held.inside and math.isnan(held.ratio)
