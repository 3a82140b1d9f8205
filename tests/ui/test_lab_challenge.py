"""The threshold lab's guided challenge (issue 11 §5), played headless by each device alone: catch people
like Luis, then try another algorithm, then free play. Each step completes only when its goal is met,
its figures are the model's, the run remembers it, and "Skip to free play" is there all along."""
from __future__ import annotations

import pytest

from game.story.code import THRESHOLD_LOW, THRESHOLD_STEP
from game.story.views.lab import (ALGORITHM, CATCH, FREE, OVER, goal_met, lookalike_pass, misses_per_day)
from game.ui.runtime import Game, init_pygame, shutdown
from game.ui.scenes import make_scene

from .driver import DEVICES, Driver

@pytest.fixture
def game(content, monkeypatch):
    init_pygame(headless=True)
    game = Game(content, seed=1, size=(1280, 720), start="lab")
    game.heard = []
    monkeypatch.setattr(game.ctx.sound, "play", game.heard.append)
    game.step()
    yield game
    shutdown()


def buttons(driver: Driver) -> list[str]:
    return [b.key for b in driver.scene.buttons]


def met(lab) -> bool:
    return goal_met(lab.world, lab.question, lab.board, lab.challenge)


def tap_score(driver: Driver, score: float) -> None:
    """A click or tap on the chart where the line would sit at `score`."""
    rect, data = driver.scene.chart()
    driver.tap((rect.left + (score - data["low"]) / (data["high"] - data["low"]) * rect.w + 1, rect.centery))


def needed(lab) -> float:
    """The lowest line on the grid that lets at most the goal's share of Luis's lookalikes pass."""
    policy = lab.board.policy(lab.world.model, lab.world.content.questions)
    goal = 1 / lab.question.challenge.pass_one_in
    step = 0
    while lookalike_pass(lab.world, lab.question, policy.replace(threshold_score=grid(step))) > goal:
        step += 1
    return grid(step)


def grid(step: int) -> float:
    return round(THRESHOLD_LOW + step * THRESHOLD_STEP, 2)


def catch_luis(driver: Driver) -> None:
    """Step 1 by the device: the step stays open until the line lets few enough lookalikes pass."""
    lab = driver.scene
    target = needed(lab)
    assert target > lab.threshold(), "today's line already meets the goal: the step would be empty"
    if driver.device in ("keyboard", "gamepad"):
        assert lab.focused_key() == "chart"
        while lab.threshold() < target - 1e-9:
            assert not lab.challenge.done and "challenge_next" not in buttons(driver)
            driver.signal("right")
    else:
        tap_score(driver, target - 0.2)
        assert lab.threshold() == pytest.approx(target - 0.2) and not lab.challenge.done
        tap_score(driver, target)
    assert lab.threshold() == pytest.approx(target)
    assert lab.challenge.done and "challenge_next" in buttons(driver)


@pytest.mark.parametrize("device", DEVICES)
def test_the_challenge_by_one_device(game, content, device):
    driver = Driver(game, device)
    lab = driver.scene
    assert lab.challenge.step == CATCH and not lab.challenge.done
    assert "challenge_skip" in buttons(driver)
    chart = next(i for item in lab.screen().body for i in item.walk() if i.key == "chart")
    assert chart.data["mark"]["score"] == pytest.approx(game.ctx.world.crossing("impostor").shots[0].score)
    catch_luis(driver)
    assert game.heard.count("match") == 1

    driver.press("challenge_next")
    assert lab.challenge.step == ALGORITHM and not lab.challenge.done
    assert lab.focused_key() == "algorithm"
    assert "mark" not in next(i for item in lab.screen().body for i in item.walk() if i.key == "chart").data
    line = lab.threshold()
    driver.press("algorithm")
    assert lab.challenge.done and lab.threshold() == line, "the algorithm step keeps the line"
    assert game.heard.count("match") == 2

    driver.press("challenge_next")
    assert lab.challenge.step == OVER and "challenge_skip" not in buttons(driver)
    driver.press("challenge_next")  # "Start free play"
    assert lab.challenge.step == FREE and "challenge_skip" not in buttons(driver)
    assert any(w.id == "board.year_heading" for item in lab.screen().body for i in item.walk() for w in i.words)
    # the threshold still moves by the device in free play
    before = lab.threshold()
    if device in ("keyboard", "gamepad"):
        lab.focus_key("chart")
        driver.signal("left")
    else:
        tap_score(driver, before - 1.0)
    assert lab.threshold() < before
    # the run remembers: the lab opened again is in free play
    again = make_scene("lab", game.ctx)
    assert again.challenge.step == FREE and "challenge_skip" not in [c.key for c in again.screen().actions]


@pytest.mark.parametrize("device", DEVICES)
def test_skip_to_free_play_by_one_device(game, device):
    driver = Driver(game, device)
    lab = driver.scene
    driver.press("challenge_skip")
    assert lab.challenge.step == FREE and lab.focused_key() == "chart"
    assert make_scene("lab", game.ctx).challenge.step == FREE


def test_each_step_completes_only_when_its_goal_is_met(game):
    lab = game.scene
    target = needed(lab)
    for score, expected in ((target - 0.05, False), (target, True)):
        lab.board.threshold_score = score
        assert met(lab) is expected
    lab.set_threshold(target - 0.05)
    assert not lab.challenge.done
    lab.actions()["option:3"]()  # the strictest preset: a line still under the goal for lookalikes
    assert lab.board.threshold_score is None and not lab.challenge.done
    lab.set_threshold(target)
    assert lab.challenge.done
    lab.set_threshold(target - 1.0)
    assert lab.challenge.done, "a met goal stays met: the result and Next step stay on the page"
    lab.next_step()
    assert lab.challenge.step == ALGORITHM and not met(lab)
    for _ in range(len(lab.question.algorithm) - 1):  # round the algorithms back to the first: not tried
        lab.next_algorithm()
    lab.challenge.done = False
    lab.next_algorithm()
    assert not met(lab) and not lab.challenge.done
    lab.next_algorithm()
    assert met(lab) and lab.challenge.done


def words(lab, text_id: str) -> dict:
    found = [w for item in lab.screen().body for i in item.walk() for w in i.words if w.id == text_id]
    assert len(found) == 1, text_id
    return found[0].mapping


def test_the_steps_figures_are_the_models(game):
    lab, world = game.scene, game.ctx.world
    numbers = lab.numbers()
    luis = words(lab, "challenge.catch.luis_under")
    assert luis["score"] == numbers.decimal(world.crossing("impostor").shots[0].score, 2)
    lab.set_threshold(needed(lab))
    policy = lab.board.policy(world.model, world.content.questions)
    group = world.content.travellers["child"].group
    done = words(lab, "challenge.catch.done")
    assert done["held"] == numbers.count(misses_per_day(world, policy, group))
    assert done["today"] == numbers.count(misses_per_day(world, world.default_policy, group))
    assert int(done["held"].replace(",", "")) > int(done["today"].replace(",", "")), "a higher line misses more"
    assert words(lab, "challenge.catch.now")["now"] == numbers.one_in(lookalike_pass(world, lab.question, policy))
    lab.next_step()
    lab.next_algorithm()
    year = world.year(lab.board.policy(world.model, world.content.questions))
    gap = year.by_group[group].fnmr / year.by_group[world.model.groups[0]].fnmr
    assert words(lab, "challenge.algorithm.now")["times"] == numbers.times(gap)


def test_states_show_every_step_and_leave_the_lab_as_it_was(game):
    lab = game.scene
    before = (lab.challenge.key(), dict(lab.board.decisions), lab.board.threshold_score)
    names = list(lab.states())
    for step in ("challenge 1", "challenge 1 done", "challenge 2", "challenge 2 done", "challenge 3"):
        assert any(name.startswith(step) for name in names), step
    assert "preset 1" in names
    assert (lab.challenge.key(), dict(lab.board.decisions), lab.board.threshold_score) == before
