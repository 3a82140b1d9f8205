"""Predict, then see: the questions come from the crossing the model sampled, a guess is kept once beside
the model's answer, and the record's panel tallies them."""
from __future__ import annotations

import pytest

from game.story import predict
from game.story.numbers import for_language
from game.story.run import Run
from game.story.views.predict import prediction_panel
from game.story.world import World


@pytest.fixture(scope="module")
def world(content):
    return World(content, seed=1)


def _face(world, traveller):
    crossing = world.crossing(traveller)
    station = next(s for s in world.content.stations.values()
                   if s.kind == "face" and any(b.station == s.id for b in crossing.beats))
    return station.kind, crossing.beat_at(station.id), crossing


def test_questions_follow_the_models_story(world, content):
    for traveller in content.travellers:
        crossing = world.crossing(traveller)
        for beat in crossing.beats:
            kind = content.stations[beat.station].kind
            asked = predict.questions(kind, beat)
            if kind != "face" or not beat.shots:
                assert asked == ()
                continue
            first = beat.shots[0]
            assert asked[0].kind == "capture" and asked[0].who == first.who
            assert asked[0].actual == (first.captured and first.quality_ok) and asked[0].cause == first.cause
            scored = [s for s in beat.shots if s.score is not None]
            assert len(asked) == 1 + bool(scored)
            if scored:
                assert asked[1].actual == scored[0].matched == (scored[0].score >= beat.threshold)


def test_a_guess_is_kept_once_and_tallied(world, content):
    kind, beat, _ = _face(world, "child")
    run = Run(seed=1)
    capture, score = predict.questions(kind, beat)
    predict.guess(run, "child", capture, not capture.actual)
    predict.guess(run, "child", capture, capture.actual)  # asked again: the first guess stands
    predict.guess(run, "child", score, score.actual)
    assert len(run.predictions) == 2 and predict.tally(run.predictions) == (1, 2)
    panel = prediction_panel(run, for_language(content, "en"))
    ids = {i for item in panel.walk() for words in item.words for i in words.ids()}
    assert {"predict.tally_heading", "predict.tally", "predict.line", "predict.right", "predict.wrong"} <= ids
    assert prediction_panel(Run(seed=1), for_language(content, "en")) is None


def test_a_fresh_run_forgets_the_guesses(world):
    kind, beat, _ = _face(world, "child")
    run = Run(seed=1)
    predict.guess(run, "child", predict.questions(kind, beat)[0], True)
    assert run.restart().predictions == []
