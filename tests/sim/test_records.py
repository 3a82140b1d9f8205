"""Records follow the sources by default and the board's choices otherwise."""
from __future__ import annotations

from game.sim import records_for


def _systems(entries):
    return {(e.system, e.what.rsplit(".", 1)[-1]): e for e in entries}


def test_citizen_at_the_port_today(model, today):
    entries = _systems(records_for(model, today, "citizen", "vehicle"))
    assert set(entries) == {("tecs", "crossing-record"), ("tvs", "face-photo")}
    assert entries["tvs", "face-photo"].retention_hours == 12
    assert entries["tvs", "face-photo"].readers == ("cbp",)
    assert set(entries["tecs", "crossing-record"].readers) == {"cbp", "ice-request", "uscis-request"}


def test_noncitizen_at_the_port_today(model, today):
    for category in ("permanent_resident", "visa_holder", "other_noncitizen"):
        entries = _systems(records_for(model, today, category, "pedestrian"))
        assert entries["tvs", "face-photo"].retention_hours == 14 * 24
        assert entries["ident", "face-photo"].retention_hours == 75 * 8760
        assert ("tecs", "ident-result") in entries


def test_nothing_leaves_a_record_on_the_outbound_lane_until_cameras_are_on(model, today):
    assert records_for(model, today, "visa_holder", "outbound") == []
    on = _systems(records_for(model, today.replace(outbound_capture=True), "visa_holder", "outbound"))
    assert {"tecs", "tvs", "ident"} <= {s for s, _ in on}


def test_street_and_search(model, today):
    street = records_for(model, today, "citizen", "street")
    assert [(e.system, e.retention_hours) for e in street] == [("mobile-fortify", 15 * 8760)]
    assert records_for(model, today.replace(field_scans="banned"), "citizen", "street") == []
    assert {e.system for e in records_for(model, today, "citizen", "search")} == {"clearview", "ats"}
    assert records_for(model, today.replace(one_to_many="banned"), "citizen", "search") == []


def test_sharing_choice_changes_who_reads_the_crossing_record(model, today):
    standing = today.replace(ice_sharing="standing_access")
    tecs = [e for e in records_for(model, standing, "citizen", "vehicle") if e.system == "tecs"][0]
    assert "ice" in tecs.readers and "ice-request" not in tecs.readers


def test_records_for_returns_a_fresh_list(model, today):
    first = records_for(model, today, "citizen", "vehicle")
    first.clear()
    assert records_for(model, today, "citizen", "vehicle")
