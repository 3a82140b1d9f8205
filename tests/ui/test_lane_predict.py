"""Predict, then see, played headless one device at a time: the guesses land in the run's tally beside
the model's answers, the same seed gives the same reveal, and with reduced motion nothing moves."""
from __future__ import annotations

import pytest

from game.ui.runtime import Game, init_pygame, shutdown

from .driver import DEVICES, Driver

@pytest.fixture
def game(content):
    init_pygame(headless=True)
    yield Game(content, seed=1, size=(1280, 720), start="lane", traveller="child")
    shutdown()


def _to_face(driver: Driver) -> None:
    lane = driver.scene
    face = next(i for i, s in enumerate(lane.stations) if s.kind == "face")
    while lane.index < face:
        driver.press("continue")


@pytest.mark.parametrize("device", DEVICES)
def test_predictions_by_one_device_are_tallied_beside_the_model(game, device):
    driver = Driver(game, device)
    lane = driver.scene
    _to_face(driver)
    asked = lane.questions
    assert [q.kind for q in asked] == ["capture", "score"], "seed 1: Sofía's face is got and scored"
    guesses = {"capture": False, "score": True}
    for question in asked:
        assert lane.asking == question
        driver.press("predict:yes" if guesses[question.kind] else "predict:no")
    assert lane.asking is None
    tally = game.ctx.run.predictions
    assert [(p.kind, p.guess) for p in tally] == [(q.kind, guesses[q.kind]) for q in asked]
    first = lane.crossing.shots[0]
    assert tally[0].actual == (first.captured and first.quality_ok)
    scored = next(s for s in lane.crossing.shots if s.score is not None)
    assert tally[1].actual == (scored.score >= lane.crossing.threshold) == scored.matched
    while driver.scene is lane:  # and on to the outcome, without being asked again
        driver.press("continue")
    assert driver.scene.name == "outcome" and len(game.ctx.run.predictions) == 2


def test_continue_shows_the_answers_without_a_guess_then_moves_on(game):
    driver = Driver(game, "keyboard")
    lane = driver.scene
    _to_face(driver)
    face = lane.index
    fired = lane.fired_at
    driver.press("continue")
    assert lane.index == face and lane.asking is None, "the answers are shown, unguessed"
    assert lane.fired_at != fired, "and the camera fired for them"
    assert game.ctx.run.predictions == []
    driver.press("continue")
    assert lane.index == face + 1
    driver.signal("left")
    assert lane.index == face and lane.asking is None, "walking back, the answer is still there"


def test_the_question_hides_what_it_asks_until_it_is_answered(game):
    lane = game.scene
    lane.walk_to(next(i for i, s in enumerate(lane.stations) if s.kind == "face"))
    words = {w.id for item in lane.screen().body for i in item.walk() for w in i.words}
    assert "predict.capture_question" in words and "beat.alert" not in words and "beat.ok" not in words
    assert "model.system.tvs" not in words, "nor the face photo the record would keep"
    lane.predict(True)
    words = {w.id for item in lane.screen().body for i in item.walk() for w in i.words}
    assert "predict.score_question" in words and "predict.verdict" in words
    lane.predict(True)
    words = {w.id for item in lane.screen().body for i in item.walk() for w in i.words}
    assert "shot.score" in words and "model.system.tvs" in words


def test_same_seed_same_reveal(content):
    init_pygame(headless=True)
    try:
        reveals = []
        for _ in range(2):
            game = Game(content, seed=4, size=(1280, 720), start="lane", traveller="visitor")
            lane = game.scene
            lane.walk_to(next(i for i, s in enumerate(lane.stations) if s.kind == "face"))
            while lane.asking is not None:
                lane.predict(True)
            reveals.append([(p.kind, p.who, p.actual) for p in game.ctx.run.predictions])
        assert reveals[0] == reveals[1] and reveals[0]
    finally:
        shutdown()


def test_reduced_motion_cuts_to_where_things_end(content):
    init_pygame(headless=True)
    try:
        game = Game(content, seed=1, size=(1280, 720), start="lane", traveller="impostor")
        game.ctx.run.prefs = game.ctx.run.prefs.set("reduced_motion", True)
        lane = game.scene
        assert lane.crossing.summary == "model.decision.secondary", "seed 1: Luis is sent to secondary"
        for i in range(1, len(lane.stations)):
            lane.shown[i] = len(lane.questions) if i == lane.index else lane.shown.get(i, 0)
            lane.walk_to(i)
            assert lane.walk_t == 1.0 and not lane.update(1 / 60), "nothing moves"
        motion = lane.motion()
        assert motion.flash == 0 and motion.queue == 1
        _, laid = lane.laid_out()
        the_map = next(b for b in laid.boxes(lane.page) if b.item.kind == "map")
        assert the_map.item.data["secondary"] and the_map.item.data["cars_words"] is not None
        game.step()  # and it draws
    finally:
        shutdown()
