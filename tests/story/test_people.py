"""Consequences land on people: every board question changes something a player can see on a traveller
(game.story.people), the travellers' rows say what, and their records age on a timeline whose ticks are
durations in words."""
from __future__ import annotations

import pytest

from game.story.numbers import Numbers
from game.story.people import option_policies, touched_most, visible_state
from game.story.views.consequences import traveller_rows
from game.story.views.meet import meet_screen
from game.story.views.outcome import outcome_screen
from game.story.views.timeline import SPAN, TICKS, alike, timeline
from game.story.world import World


@pytest.fixture(scope="module")
def world(content):
    return World(content, seed=1)


@pytest.fixture(scope="module")
def numbers(content):
    return Numbers(lambda text_id, **values: content.text(text_id, "en", **values))


def charts(item, painter):
    return [i.data for i in item.walk() if i.kind == "chart" and i.data.get("painter") == painter]


def said(content, item):
    """Every text id on an item, nested words included."""
    return {text_id for i in item.walk() for w in i.words for text_id in w.ids()}


def test_every_question_changes_what_a_traveller_shows(world, content):
    for qid, question in content.questions.items():
        changed = [(tid, n) for n, policy in enumerate(option_policies(world, question)) for tid in content.travellers
                   if visible_state(world, tid, policy) != visible_state(world, tid)]
        assert changed, f"{qid}: no option changes what any traveller shows"


def test_the_traveller_a_question_touches_most_follows_the_content(world, content):
    """Field scans reach Daniel on the street, scraped search Ana, the outbound lane Julio."""
    lanes = {qid: content.travellers[touched_most(world, q)].lane for qid, q in content.questions.items()}
    assert lanes["field_scans"] == "street" and lanes["one_to_many"] == "search" and lanes["audits"] == "outbound"


def test_a_question_that_touches_nobody_met_shows_someone_not_met(world, content, numbers):
    question = content.questions["field_scans"]
    banned = option_policies(world, question)[-1]
    rows = traveller_rows(world, ["commuter"], banned, numbers, question)
    assert len(rows) == 2
    assert "people.not_met" in said(content, rows[1]) and "people.street" in said(content, rows[1])
    assert "model.decision.walked-on" in said(content, rows[1])
    moods = [i.data["mood"] for r in rows for i in r.walk() if i.kind == "portrait"]
    assert moods == ["relief", "relief"]  # Marisol goes on; Daniel walks on when scans are banned


def test_a_question_that_touches_someone_met_adds_nobody(world, content, numbers):
    question = content.questions["citizen_retention"]
    rows = traveller_rows(world, ["commuter"], option_policies(world, question)[-1], numbers, question)
    assert len(rows) == 1
    assert {"timeline.was"} <= said(content, rows[0]), "the row says how long the photo is kept now and today"
    bar = next(d for d in charts(rows[0], "timeline_bar") if "was" in d)
    assert bar["was"] == 12 and bar["end"] == 75 * 8760


def test_sharing_says_who_can_now_read_a_record(world, content, numbers):
    question = content.questions["ice_sharing"]
    standing = option_policies(world, question)[1]
    rows = traveller_rows(world, ["resident"], standing, numbers, question)
    assert {"timeline.readers_added", "timeline.readers_removed", "model.reader.ice"} <= said(content, rows[0])


def test_the_timeline_draws_every_record_on_its_axis(world, content, numbers):
    crossing = world.crossing("resident")
    item = timeline(world, crossing.records, numbers)
    (axis,) = charts(item, "timeline_axis")
    assert axis["span"] == SPAN and axis["scales"]
    assert [label for _, label in axis["ticks"]] == ["12 hours", "2 weeks", "15 years", "75 years"]
    bars = charts(item, "timeline_bar")
    assert len(bars) == len(alike(crossing.records)) and all(b["scales"] for b in bars)
    assert any(b["end"] is None for b in bars), "the crossing record has no end date: an open bar"
    assert {b["end"] for b in bars} >= {None, 75 * 8760}
    assert [t for t, _ in axis["ticks"]] == list(TICKS)
    assert {r.what for r in crossing.records} <= said(content, item), "every record says what it holds"


def test_a_systems_records_kept_alike_share_one_bar(world, content, numbers):
    """The face photo added to the crossing record is in that record: one bar for the two, each holding said."""
    records = world.crossing("impostor").records
    tecs = [r for r in records if r.system == "model.system.tecs"]
    assert len(tecs) == 2 and len({(r.retention, r.readers) for r in tecs}) == 1
    groups = alike(records)
    assert tuple(tecs) in groups and len(groups) == len(records) - 1
    assert len(charts(timeline(world, records, numbers), "timeline_bar")) == len(groups)


def test_the_kiosk_outcome_sets_the_records_two_columns_wide_and_repeats_less(world, content, numbers):
    """A kiosk's outcome: the records in two columns, each under its axis; a record the lane has just shown in
    full keeps its system, bar and what it holds, and leaves out how long and who reads it, said there."""
    crossing = world.crossing("impostor")
    seen = crossing.records[:-1]
    new = crossing.records[-1]
    screen = outcome_screen(world, "impostor", crossing, numbers, compact=True, seen=seen)
    timeline_item = next(i for item in screen.body for i in item.walk() if i.kind == "row"
                         and len(charts(i, "timeline_axis")) == 2)
    halves = timeline_item.items
    assert len(halves) == 2 and all(len(charts(h, "timeline_axis")) == 1 for h in halves)
    assert len(charts(timeline_item, "timeline_bar")) == len(alike(crossing.records))
    words = said(content, timeline_item)
    assert {r.what for r in crossing.records} <= words
    assert new.retention_label in words and set(new.readers) <= words
    assert not {r.retention_label for r in seen} & words - {new.retention_label}
    full = outcome_screen(world, "impostor", crossing, numbers)
    assert len(charts(next(iter(full.body[1:])), "timeline_axis")) == 1, "the class's outcome keeps one axis"


def test_meeting_a_traveller_tells_their_story_with_their_photo_age(content, numbers):
    screen = meet_screen(content, "visitor", numbers)
    story = next(w for item in screen.body for i in item.walk() for w in i.words if w.id == "traveller.visitor.story")
    assert story.mapping["photo_age"] == "9"
    assert [c.key for c in screen.controls()] == ["start", "back"] and screen.focus == "start"
    moods = {i.data["mood"] for item in screen.body for i in item.walk() if i.kind == "portrait"}
    assert moods == {"waiting"}


def test_the_outcome_says_what_became_of_them(world, content, numbers):
    for tid in content.travellers:
        crossing = world.crossing(tid)
        screen = outcome_screen(world, tid, crossing, numbers)
        ids = {w.id for item in screen.body for i in item.walk() for w in i.words}
        assert f"traveller.{tid}.after_{'released' if crossing.released else 'held'}" in ids
        faces = [i.data.get("mood") for item in screen.body for i in item.walk() if "face" in (i.data or {})]
        assert set(faces) == {"relief" if crossing.released else "worry"}
