"""Headless playthroughs of the board and the record, one device at a time, and the lab's threshold."""
from __future__ import annotations

import pygame
import pytest

from game.sim import port_year
from game.story.board import figures
from game.story.code import Codebook
from game.ui import input as I
from game.ui.runtime import Game, init_pygame, shutdown

from .driver import Driver
from .test_playthrough import DEVICES, cross


@pytest.fixture
def game(content):
    init_pygame(headless=True)
    yield Game(content, seed=4, size=(1280, 720))
    shutdown()


def answer_every_question(driver: Driver, content) -> dict[str, int]:
    """From the first question, pick each question's last option and move on; return the choices."""
    chosen = {}
    for qid, question in content.questions.items():
        scene = driver.scene
        assert scene.name in ("board", "lab") and scene.question.id == qid
        last = len(question.options) - 1
        driver.press(f"option:{last}")
        assert scene.board.decisions[qid] == last
        chosen[qid] = last
        if question.algorithm:  # the lab's "Which algorithm?" steps through NIST's range
            slot = f"{qid}.algorithm"
            before = scene.board.decisions[slot]
            profile = scene.board.policy(scene.world.model, content.questions).profile
            driver.press("algorithm")
            chosen[slot] = scene.board.decisions[slot]
            assert chosen[slot] == (before + 1) % len(question.algorithm)
            assert scene.board.policy(scene.world.model, content.questions).profile != profile
        driver.press("next")
    return chosen


@pytest.mark.parametrize("device", DEVICES)
def test_board_and_record_with_one_device(game, content, device):
    driver = Driver(game, device)
    cross(driver, "commuter")
    driver.press("board")
    chosen = answer_every_question(driver, content)
    record = driver.scene
    assert record.name == "record"
    decoded = Codebook.of(content).decode(record.code())
    assert decoded.decisions == chosen and decoded.threshold is None
    driver.press("sandbox")
    sandbox = driver.scene
    before = dict(sandbox.board.decisions)
    driver.press("ice_sharing")
    assert sandbox.board.decisions["ice_sharing"] != before["ice_sharing"]
    driver.press("record")
    assert driver.scene is record and record.code() != encode_of(content, chosen)
    driver.press("title")
    assert driver.scene.name == "title" and game.ctx.run.board is None, "a new player starts with no choices"


def encode_of(content, decisions):
    return Codebook.of(content).encode(decisions, None)


def test_record_shows_the_models_numbers(game, content):
    driver = Driver(game, "keyboard")
    cross(driver, "impostor")
    driver.press("board")
    answer_every_question(driver, content)
    from game.story.numbers import Numbers
    from game.story.views.consequences import figure_rows
    from game.ui.scenes.ending import RECORD_FIGURES
    ctx = game.ctx
    numbers = Numbers(ctx.t)
    policy = driver.scene.policy()
    expected = figures(port_year(ctx.world.model, policy))  # computed afresh, not through the scene's cache
    today = figures(port_year(ctx.world.model, ctx.world.default_policy))
    rows = figure_rows(ctx.world, policy, RECORD_FIGURES, numbers)
    for fid, row in zip(RECORD_FIGURES, rows):
        before, after = (dict(words.values)["value"] for words in row.words[1:])
        assert after == numbers.count(expected[fid]) and before == numbers.count(today[fid]), fid
    assert any(row.data["changed"] for row in rows)


@pytest.mark.parametrize("device", ["mouse", "touch"])
def test_dragging_the_threshold_moves_it_and_the_numbers(game, content, device):
    driver = Driver(game, device)
    game.stack.reset(__import__("game.ui.scenes", fromlist=["make_scene"]).make_scene("lab", game.ctx))
    game.step()
    lab = driver.scene
    start = lab.threshold()
    chart = lab.chart_rect()
    before = game.ctx.world.year(lab.board.policy(game.ctx.world.model, content.questions), 1.0).false_non_matches
    view = game.display.viewport()
    points = [(chart.left + chart.w * f, chart.centery) for f in (0.55, 0.62, 0.7)]
    to_window = [(view.x + x * view.w / 1920, view.y + y * view.h / 1080) for x, y in points]
    if device == "mouse":
        game.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=to_window[0], button=1, touch=False))
        for pos in to_window[1:]:
            game.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(1, 0, 0), touch=False))
        game.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=to_window[-1], button=1, touch=False))
    else:
        w, h = game.display.window_size()
        kinds = [pygame.FINGERDOWN] + [pygame.FINGERMOTION] * (len(to_window) - 1) + [pygame.FINGERUP]
        for kind, (x, y) in zip(kinds, to_window + to_window[-1:]):
            game.post(pygame.event.Event(kind, x=x / w, y=y / h, dx=0, dy=0, finger_id=1, touch_id=1, pressure=1))
    game.step()
    moved = lab.threshold()
    assert moved != start and moved == pytest.approx(lab.score_at(points[-1][0]), abs=0.03)
    after = game.ctx.world.year(lab.board.policy(game.ctx.world.model, content.questions), 1.0).false_non_matches
    assert after > before, "a higher threshold wrongly rejects more genuine travellers"


@pytest.mark.parametrize("device", ["keyboard", "gamepad"])
def test_threshold_moves_by_keys_and_gamepad(game, device):
    driver = Driver(game, device)
    game.stack.reset(__import__("game.ui.scenes", fromlist=["make_scene"]).make_scene("lab", game.ctx))
    game.step()
    lab = driver.scene
    assert lab.focused_key() == "chart"
    start = lab.threshold()
    for _ in range(4):
        driver.signal("right")
    assert lab.threshold() == pytest.approx(start + 0.2, abs=0.051)
    driver.signal("left")
    assert lab.threshold() < start + 0.2


def test_every_traveller_every_device(content):
    """Every traveller to the outcome by each device alone (reduced motion keeps this quick)."""
    init_pygame(headless=True)
    try:
        for device in DEVICES:
            for traveller in content.travellers:
                game = Game(content, seed=9, size=(1280, 720))
                game.ctx.run.prefs = game.ctx.run.prefs.set("reduced_motion", True)
                cross(Driver(game, device), traveller)
                assert game.scene.crossing.traveller == traveller
    finally:
        shutdown()


def test_intents_reach_every_button_by_keys(game, content):
    """Tab cycles through every button of every scene on the way, so nothing needs a pointer."""
    driver = Driver(game, "keyboard")
    driver.press("start")
    scene = driver.scene
    seen = set()
    for _ in range(len(scene.buttons)):
        seen.add(scene.focused_key())
        game.send(I.Intent(I.NEXT))
    assert seen == {b.key for b in scene.buttons}
