"""A shift in the booth, played headless from the title by each device alone: every car decided, the end of
the shift, the lab and back, another stream, the title. The summary's figures are the stream's sums; the
same seed plays the same shift; each car sounds its scores and each decision its own sound."""
from __future__ import annotations

import pytest

from game.story.views import shift as view
from game.ui.runtime import Game, init_pygame, shutdown

from .driver import DEVICES, Driver

class Heard:
    """Stands in for the sound service: remembers what was played, in order."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def play(self, name: str) -> None:
        self.names.append(name)


def play_shift(driver: Driver, decisions: list[str] | None = None) -> None:
    """From the title into the shift, every car decided in turn (by default release, check, secondary, ...),
    to the end of the shift."""
    assert driver.scene.name == "title"
    driver.press("shift")
    shift = driver.scene
    assert shift.name == "shift" and shift.run.phase == "start"
    driver.press("begin")
    cars = len(shift.run.shift.vehicles)
    decisions = decisions or [view.DECISION_KEYS[i % 3] for i in range(cars)]
    assert len(decisions) == cars
    for i, decision in enumerate(decisions):
        assert shift.run.phase == "car" and shift.run.index == i
        driver.press(decision)
        assert shift.run.phase == "result" and shift.run.decisions[-1] == decision
        driver.press("next")
    assert shift.run.phase == "summary"


@pytest.mark.parametrize("device", DEVICES)
def test_a_whole_shift_with_one_device(game, device):
    driver = Driver(game, device)
    play_shift(driver)
    shift = driver.scene
    tally = shift.run.tally()
    assert tally.cars == len(shift.run.shift.vehicles) and tally.caught + tally.missed == tally.impostors
    driver.press("lab")
    assert driver.scene.name == "lab"
    if device in ("keyboard", "gamepad"):
        driver.signal("back")
    else:
        driver.press("done")  # the lab opened alone: one question, then back
    assert driver.scene is shift and shift.run.phase == "summary"
    driver.press("again")
    assert shift.run.phase == "start" and shift.run.stream == 1 and shift.run.decisions == []
    driver.press("title")
    assert driver.scene.name == "title"
    assert game.stack.scenes == [driver.scene]


def test_the_summary_shows_the_streams_sums_beside_the_models(game):
    driver = Driver(game, "keyboard")
    play_shift(driver, ["secondary"] * 12)
    run = driver.scene.run
    tally, expected = run.tally(), run.expected()
    assert tally.held_cars == 12 - tally.impostors and tally.caught + tally.missed == tally.impostors
    screen = driver.scene.screen()
    said = {item.words[0].id: [w.mapping.get("value") for w in item.words[1:]]
            for top in screen.body for item in top.walk() if item.kind == "pair"}
    numbers = driver.scene.numbers()
    assert said["shift.sum_held_cars"] == [numbers.count(tally.held_cars), numbers.decimal(expected.held_cars, 1)]
    assert said["shift.sum_caught"] == [numbers.count(tally.caught), numbers.decimal(expected.caught, 1)]
    assert said["shift.sum_queue"] == [numbers.count(tally.queue_minutes), numbers.count(expected.queue_minutes)]


def test_one_seed_one_shift(content):
    init_pygame(headless=True)
    try:
        runs = []
        for _ in range(2):
            game = Game(content, seed=11, size=(1280, 720))
            play_shift(Driver(game, "keyboard"), ["check", "release", "secondary"] * 4)
            runs.append(game.scene.screen())
        assert runs[0] == runs[1]
    finally:
        shutdown()


def test_sounds_follow_the_scores_and_the_decisions(game):
    heard = game.ctx.sound = Heard()
    driver = Driver(game, "keyboard")
    play_shift(driver, ["release", "check", "secondary"] * 4)
    run = driver.scene.run
    expected = []
    for vehicle, decision in zip(run.shift.vehicles, run.decisions):
        results = [p.matched for p in vehicle.people if p.matched is not None]
        if results:
            expected.append("match" if all(results) else "no_match")
        expected.append({"release": "release", "check": "tick", "secondary": "secondary"}[decision])
    assert [n for n in heard.names if n in ("match", "no_match", "release", "tick", "secondary")] == expected


def test_time_moves_only_with_decisions(game):
    """Reading takes no shift time: frames pass and the clock and the line stay where they were."""
    driver = Driver(game, "keyboard")
    driver.press("shift")
    driver.press("begin")
    run = driver.scene.run
    before = (run.clock_minutes(), run.line())
    for _ in range(600):
        game.step(1 / 60)
    assert (run.clock_minutes(), run.line()) == before
    driver.press("check")
    assert run.clock_minutes() > before[0]
    driver.press("info")  # "How do we know?": the facts, then what the shift assumes
    assert driver.scene.name == "source" and driver.scene.facts
    driver.press("close")
    assert driver.scene.name == "shift"
