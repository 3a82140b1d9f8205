"""Scripted headless playthroughs: title to the end of a crossing and back, one device at a time."""
from __future__ import annotations

import pytest

from game.ui.runtime import Game, init_pygame, shutdown

from .driver import DEVICES, Driver

def cross(driver: Driver, traveller: str) -> None:
    """From the title, choose `traveller`, walk every station, and reach the outcome."""
    assert driver.scene.name == "title"
    driver.press("start")
    assert driver.scene.name == "choose"
    driver.press(traveller)
    assert driver.scene.name == "meet" and driver.scene.traveller == traveller
    driver.press("start")
    lane = driver.scene
    assert lane.name == "lane" and lane.traveller.id == traveller
    visited = [lane.stations[lane.index].id]
    while driver.scene is lane:
        if driver.device in ("mouse", "touch") and lane.index + 1 < len(lane.stations):
            driver.press(f"station:{lane.index + 1}")  # tap the next station on the map
        else:
            driver.press("continue")
        if driver.scene is lane and lane.stations[lane.index].id != visited[-1]:
            visited.append(lane.stations[lane.index].id)  # (Continue at a camera first shows what it did)
    assert visited == [s.id for s in lane.stations]
    assert driver.scene.name == "outcome"


@pytest.mark.parametrize("device", DEVICES)
def test_whole_slice_with_one_device(game, content, device):
    driver = Driver(game, device)
    traveller = next(iter(content.travellers))
    cross(driver, traveller)
    outcome = driver.scene
    assert outcome.crossing.records, "the outcome shows a record"
    shown = [i.data.get("painter") for item in outcome.screen().body for i in item.walk() if i.kind == "chart"]
    assert shown.count("timeline_bar") == len(outcome.crossing.records), "each record on the timeline"
    driver.press("title")
    assert driver.scene.name == "title"
    assert game.stack.scenes == [driver.scene]


@pytest.mark.parametrize("device", ["keyboard", "gamepad"])
def test_escape_asks_before_quitting(game, device):
    driver = Driver(game, device)
    driver.signal("back")
    assert driver.scene.name == "quit" and not game.ctx.quit_requested
    driver.press("no")
    assert driver.scene.name == "title"
    driver.signal("back")
    driver.press("yes")
    assert game.ctx.quit_requested


@pytest.mark.parametrize("device", DEVICES)
def test_how_do_we_know_opens_and_closes(game, content, device):
    driver = Driver(game, device)
    driver.press("start")
    driver.press(next(iter(content.travellers)))
    driver.press("start")
    driver.press("info")
    assert driver.scene.name == "source" and driver.scene.facts
    driver.press("close")
    assert driver.scene.name == "lane"


def test_walking_left_and_right_moves_along_the_lane(game, content):
    driver = Driver(game, "keyboard")
    driver.press("start")
    driver.press(next(iter(content.travellers)))
    driver.press("start")
    lane = driver.scene
    driver.signal("right")
    driver.settle()
    assert lane.index == 1
    driver.signal("left")
    driver.settle()
    assert lane.index == 0


def test_same_seed_same_story_and_closing_the_window_quits(content):
    init_pygame(headless=True)
    try:
        traveller = next(iter(content.travellers))
        a = Game(content, seed=3).ctx.world.crossing(traveller)
        b = Game(content, seed=3).ctx.world.crossing(traveller)
        assert a == b
        import pygame
        game = Game(content)
        game.post(pygame.event.Event(pygame.QUIT))
        assert game.ctx.quit_requested
    finally:
        shutdown()


def test_settings_change_text_scale_and_contrast(game):
    driver = Driver(game, "keyboard")
    driver.press("settings")
    assert driver.scene.name == "settings"
    before = game.ctx.text.scale
    driver.press("text_scale")
    assert game.ctx.text.scale > before
    driver.press("high_contrast")
    assert game.ctx.run.prefs.high_contrast and game.ctx.palette.background == (0, 0, 0)
    driver.press("back")
    assert driver.scene.name == "title"


def test_kiosk_resets_after_idle_time(content):
    init_pygame(headless=True)
    try:
        game = Game(content, kiosk=True)
        driver = Driver(game, "touch")
        driver.press("start")
        assert driver.scene.name == "choose"
        assert "quit" not in [b.key for b in game.stack.scenes[0].buttons]
        limit = content.scenes.kiosk.idle_reset_seconds
        game.step(limit + 1)  # "Still there?" first (tests/ui/test_kiosk_idle.py), then the game plays itself
        game.step(content.scenes.kiosk.prompt_seconds + 1)
        assert driver.scene.name == "attract" and len(game.stack.scenes) == 1
    finally:
        shutdown()


def test_many_sources_page_through(game, content):
    from game.ui.scenes import make_scene
    game.stack.push(make_scene("source", game.ctx, facts=list(content.facts)))
    game.step()
    driver = Driver(game, "keyboard")
    dialog = driver.scene
    pages = dialog.laid_out()[1].pages
    facts = [w.id for page in pages for box in page for w in box.item.words if w.id.startswith("fact.")]
    assert len(pages) > 1 and sorted(facts) == sorted(fact.text for fact in content.facts.values())
    for expected in range(1, len(pages)):
        driver.press("more")
        assert dialog.page == expected
    driver.press("close")
    assert driver.scene.name == "title"


def test_record_counts_down_while_the_traveller_waits(game, content):
    from game.story.numbers import Numbers
    from game.story.views.crossing import time_left
    from game.ui.layout import Flow
    from game.ui.scenes import make_scene
    ctx = game.ctx

    def left(seconds: float) -> str:
        return Flow(ctx).say(time_left(Numbers(ctx.t), seconds))
    assert left(12 * 3600) == "12:00:00 left" and left(0) == "deleted"
    assert left(14 * 86400 - 5) == "13 days 23:59:55 left"
    game.stack.push(make_scene("lane", ctx, traveller="commuter"))
    game.step()
    lane = game.scene
    lane.walk_to(next(i for i, s in enumerate(lane.stations) if s.kind == "booth"))  # the face photo (kept 12 hours) is on the record by then
    Driver(game, "keyboard").settle()

    def countdowns() -> list[str]:
        _, laid = lane.laid_out()
        return [" ".join(lines) for b in laid.boxes(lane.page) if "live" in (b.item.data or {}) for _, lines in b.cells]
    _, layout = lane.laid_out()
    before, frames, seconds = countdowns(), game.frames_drawn, lane.seconds
    assert before and all(text.endswith(" left") for text in before)
    for _ in range(3):
        game.step(0.5)
    assert lane.seconds == pytest.approx(seconds + 1.5) and game.frames_drawn > frames, "the clock redraws as it ticks"
    assert countdowns() != before, "the countdown's words change"
    assert lane.laid_out()[1] is layout, "and only they: the layout is kept"


def test_kiosk_reset_forgets_the_last_visitors_language_and_text_size(content):
    init_pygame(headless=True)
    try:
        game = Game(content, kiosk=True, lang="en")
        driver = Driver(game, "touch")
        driver.press("language")
        assert game.ctx.run.prefs.language == "es"
        driver.press("settings")
        driver.press("text_scale")
        assert game.ctx.text.scale > 1
        game.step(content.scenes.kiosk.idle_reset_seconds + 1)
        game.step(content.scenes.kiosk.prompt_seconds + 1)
        assert game.scene.name == "attract"
        assert game.ctx.run.prefs.language == "en" and game.ctx.text.scale == 1
    finally:
        shutdown()
