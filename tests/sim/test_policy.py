"""Each decision on the board moves the numbers it should, in the direction it should."""
from __future__ import annotations

import pytest

from game.sim import (Policy, PolicyError, occupant_capture, option_values, policy_threshold, port_year,
                      retention_values)


def test_default_is_the_content_default(model, today):
    for name, spec in model.policy_fields.items():
        assert today.choices(model)[name] == spec.default
    assert today == Policy.from_choices(model, today.choices(model))
    assert hash(today) == hash(Policy.default(model))


def test_unknown_option_is_refused(model, today):
    with pytest.raises(PolicyError):
        Policy.from_choices(model, {"capture_failure": "shrug"})
    with pytest.raises(PolicyError):
        today.replace(one_to_many="sometimes").check(model)


def test_stricter_threshold_more_misses_fewer_impostors(model, today):
    loose = port_year(model, today.replace(threshold="fmr-1e-3"))
    strict = port_year(model, today.replace(threshold="fmr-1e-6"))
    assert strict.threshold > loose.threshold
    assert strict.false_non_matches > loose.false_non_matches
    assert strict.vehicles_to_secondary > loose.vehicles_to_secondary
    assert strict.impostors_missed < loose.impostors_missed
    for g in model.groups:
        assert strict.by_group[g].fmr < loose.by_group[g].fmr
        assert strict.by_group[g].fnmr > loose.by_group[g].fnmr


def test_a_score_threshold_overrides_the_choice(model, today):
    lab = today.replace(threshold_score=3.0)
    assert policy_threshold(model, lab) == 3.0
    assert port_year(model, lab).false_non_matches < port_year(model, today).false_non_matches


def test_booth_camera_sees_the_driver_better_and_the_back_seat_worse(model, today):
    for seat, better in (("driver", True), ("rear-left", False)):
        w = occupant_capture(model, seat, "vehicle", "daylight", (), "windshield").usable
        b = occupant_capture(model, seat, "vehicle", "daylight", (), "booth").usable
        assert (b > w) == better
    assert port_year(model, today.replace(placement="booth")).capture_failures != \
        port_year(model, today).capture_failures


def test_capture_failure_rules(model, today):
    manual = port_year(model, today)
    mandatory = port_year(model, today.replace(capture_failure="mandatory_secondary"))
    retake = port_year(model, today.replace(capture_failure="retake"))
    assert mandatory.vehicles_to_secondary > 10 * manual.vehicles_to_secondary
    assert mandatory.delay_hours > manual.delay_hours
    assert mandatory.impostors_caught > manual.impostors_caught
    assert retake.capture_failures < manual.capture_failures
    assert retake.faces_captured > manual.faces_captured
    assert retake.impostors_caught > manual.impostors_caught


def test_citizen_retention(model, today):
    short = port_year(model, today)
    long = port_year(model, today.replace(citizen_retention="years-75"))
    assert short.photos_held["tvs"]["day-1"] < long.photos_held["tvs"]["day-1"]
    assert long.photos_held["tvs"]["years-75"] > 0 == short.photos_held["tvs"]["year-1"]


def test_noncitizen_retention(model, today):
    shorter = port_year(model, today.replace(noncitizen_retention="hours-12"))
    assert shorter.photos_held["tvs"]["day-1"] < port_year(model, today).photos_held["tvs"]["day-1"]


def test_forward_to_ident(model, today):
    kept = port_year(model, today.replace(forward_to_ident=False))
    sent = port_year(model, today)
    assert sent.photos_held["ident"]["years-10"] > 0 == kept.photos_held["ident"]["years-10"]
    assert kept.records_readable["dhs-ident"] == 0 < sent.records_readable["dhs-ident"]


def test_ice_sharing(model, today):
    asked = port_year(model, today)
    standing = port_year(model, today.replace(ice_sharing="standing_access"))
    assert asked.records_readable["ice"] == 0 < standing.records_readable["ice"]
    assert standing.records_readable["ice-request"] == 0 < asked.records_readable["ice-request"]


def test_one_to_many(model, today):
    allowed = port_year(model, today).beyond["search"]
    review = port_year(model, today.replace(one_to_many="human_review")).beyond["search"]
    banned = port_year(model, today.replace(one_to_many="banned")).beyond["search"]
    for g in model.groups:
        assert banned[g]["false_candidates_acted_on"] == 0
        assert 0 < review[g]["false_candidates_acted_on"] < allowed[g]["false_candidates_acted_on"]


def test_field_scans(model, today):
    scans = {o: port_year(model, today.replace(field_scans=o)).beyond["street"]["scans"]
             for o in ("no_consent", "consent_opt_out", "banned")}
    assert scans["no_consent"] > scans["consent_opt_out"] > scans["banned"] == 0


def test_audit_first_requires_the_low_differential_algorithm_and_delays_outbound(model, today):
    audited = today.replace(audits_before_expansion=True, outbound_capture=True)
    plain = today.replace(outbound_capture=True)
    assert audited.effective_profile(model) == "low-differential"
    a, p = port_year(model, audited), port_year(model, plain)
    assert a.by_group["most-affected-women"].fmr < p.by_group["most-affected-women"].fmr
    assert 0 < a.outbound["faces_captured"] < p.outbound["faces_captured"]
    assert a.outbound["months"] == 12 - model.port["audit_months"]


def test_outbound_capture(model, today):
    off, on = port_year(model, today), port_year(model, today.replace(outbound_capture=True))
    assert off.outbound["faces_captured"] == 0 < on.outbound["faces_captured"]
    assert on.photos_held["ident"]["years-10"] > off.photos_held["ident"]["years-10"]
    assert on.records_readable["cbp"] > off.records_readable["cbp"]


def test_profile(model, today):
    low = port_year(model, today.replace(profile="low-differential"))
    high = port_year(model, today)
    for g in ("women", "most-affected-men", "most-affected-women"):
        assert low.by_group[g].fmr < high.by_group[g].fmr
        assert low.by_group[g].false_non_matches < high.by_group[g].false_non_matches
    assert low.by_group["men"].fmr == pytest.approx(high.by_group["men"].fmr)


def test_label_values(model):
    assert option_values(model, "threshold", "fmr-1e-5")["n"] == 100_000
    assert retention_values(model, "hours-12")["hours"] == 12
    assert retention_values(model, "weeks-2")["weeks"] == 2
    assert retention_values(model, "years-75")["years"] == 75


def test_year_scales_with_days(model, today):
    a, b = port_year(model, today, 1), port_year(model, today, 365)
    assert b.false_non_matches == pytest.approx(365 * a.false_non_matches)
    assert b.people_in_secondary == pytest.approx(365 * a.people_in_secondary)


def test_group_figures_add_up(model, today):
    year = port_year(model, today.replace(outbound_capture=True))
    assert sum(g.people for g in year.by_group.values()) == pytest.approx(year.people)
    assert sum(g.false_non_matches for g in year.by_group.values()) == pytest.approx(year.false_non_matches)
    assert sum(g.records_readable["cbp"] for g in year.by_group.values()) == pytest.approx(year.records_readable["cbp"])
    assert year.impostors_caught + year.impostors_missed == pytest.approx(year.impostors)
    assert year.people_in_secondary >= year.vehicles_to_secondary
