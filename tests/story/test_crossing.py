"""Each station shows what the model decided for that seed; the same seed replays the same story."""
from __future__ import annotations

import pytest

from game.sim import sample_crossing
from game.story.crossing import EVENT_FOR_KIND, EVERYONE, HELD_DECISIONS, said_already
from game.story.world import World


@pytest.fixture(scope="module")
def world(content):
    return World(content, seed=11)


def test_every_station_shows_the_models_outcome(content, world):
    for traveller in content.travellers.values():
        crossing = world.crossing(traveller.id)
        story = sample_crossing(world.model, world.default_policy, traveller, world.seed)
        for beat in crossing.beats:
            kind = content.stations[beat.station].kind
            event = story.event(EVENT_FOR_KIND[kind]) if EVENT_FOR_KIND[kind] else None
            if event is None:
                continue
            if event.outcome == "model.outcome.queue.wait":  # the queue's own words say it
                assert beat.lines[0].text == content.stations[beat.station].body
            elif said_already(kind, event.outcome):  # by the badge: its word follows the outcome
                expected = {"model.outcome.face.all-matched": "beat.ok", "model.outcome.face.some-unmatched": "beat.alert",
                            "model.outcome.rpm.clear": "beat.clear"}.get(event.outcome, event.outcome)
                assert beat.status_label == expected, (traveller.id, beat.station)
            else:
                assert event.outcome in [line.text for line in beat.lines], (traveller.id, beat.station)
        assert crossing.summary == story.decision and crossing.reason == story.reason
        assert crossing.released == (story.decision not in HELD_DECISIONS)
        scores = [shot.score for shot in crossing.shots]
        assert scores == [person.score for person in story.people] or not crossing.shots
        last = crossing.beats[-1].records
        made = {entry for _, entry in story.records}
        assert len(last) == len(made), traveller.id  # every record the model made is shown by the end
        aboard = len({who for who, _ in story.records})
        people = sum(aboard if line.people == (EVERYONE,) else max(1, len(line.people)) for line in last)
        assert people == len(story.records), traveller.id  # ... naming everyone it is about
        # "everyone in the car" stands for a list of three or more, never for fewer
        assert all(aboard >= 3 for line in last if line.people == (EVERYONE,)), traveller.id
        assert all(len(line.people) < aboard or aboard < 3 for line in last if line.people != (EVERYONE,))


def test_same_seed_same_story_other_seeds_differ(content):
    a, b = World(content, seed=3), World(content, seed=3)
    for traveller in content.travellers:
        assert a.crossing(traveller) == b.crossing(traveller)
    outcomes = {tuple((s.captured, s.matched) for s in World(content, seed=n).crossing("child").shots)
                for n in range(1, 40)}
    assert len(outcomes) > 1, "another seed can give another story"


def test_records_build_up_along_the_lane(content, world):
    crossing = world.crossing("commuter")
    counts = [len(beat.records) for beat in crossing.beats]
    assert counts == sorted(counts) and counts[0] == 0 and counts[-1] > 0


def test_impostor_story_shows_a_score_against_the_threshold(content):
    seen_scores = False
    for seed in range(1, 30):
        crossing = World(content, seed=seed).crossing("impostor")
        shot = crossing.shots[0]
        if shot.score is not None:
            seen_scores = True
            assert shot.matched == (shot.score >= crossing.threshold)
    assert seen_scores
