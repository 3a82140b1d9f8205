"""A kiosk left alone, on an accelerated clock (Game.step(dt), however long dt): "Still there?" after the
idle time, counting down at least 20 seconds, any input keeping the visitor's place; then a fresh run and
the attract loop, the game playing itself on a run of its own until a touch starts a fresh game."""
from __future__ import annotations

import pytest

from game.ui import input as I
from game.ui.runtime import Game, init_pygame, shutdown
from game.ui.scenes.registry import REGISTRY

from ..content.edits import errors_of, mutate
from .driver import Driver


@pytest.fixture
def kiosk(content):
    init_pygame(headless=True)
    yield Game(content, kiosk=True, lang="en", size=(1920, 1080))
    shutdown()


def names(game: Game) -> list[str]:
    return [scene.name for scene in game.stack.scenes]


def fresh(game: Game) -> bool:
    run = game.ctx.run
    return run == run.restart() and run.prefs == run.first_prefs and not run.met and run.board is None


def play_until(game: Game, screen: str, seconds: float = 120) -> list[str]:
    """Step the attract loop in quarter seconds until the game it plays shows `screen`; what it showed."""
    attract, shown = game.scene, []
    for _ in range(int(seconds * 4)):
        game.step(0.25)
        if not shown or shown[-1] != attract.showing():
            shown.append(attract.showing())
        if attract.showing() == screen:
            return shown
    raise AssertionError(f"the attract loop never showed {screen}: {shown}")


def test_idle_on_a_touched_title_asks_then_resets_to_the_attract_loop(kiosk, content):
    settings = content.scenes.kiosk
    Driver(kiosk, "touch").press("language")
    assert kiosk.ctx.run.prefs.language == "es"
    kiosk.step(settings.idle_reset_seconds - 1)
    assert names(kiosk) == ["title"], "not before the idle time"
    kiosk.step(2)
    assert names(kiosk) == ["title", "still_there"]
    prompt = kiosk.scene
    words = [w for item in prompt.screen().body for w in item.words]
    assert words[1].id == "attract.seconds_left" and dict(words[1].values)["n"] == f"{settings.prompt_seconds:g}"
    kiosk.step(settings.prompt_seconds - 1)
    assert kiosk.scene is prompt and prompt.shown() == 1 and kiosk.ctx.run.prefs.language == "es"
    assert prompt.screen().body[1].words[0].id == "attract.seconds_left_one"
    kiosk.step(1.5)
    assert names(kiosk) == ["attract"] and fresh(kiosk) and kiosk.ctx.run.prefs.language == "en"


@pytest.mark.parametrize("device", ["touch", "mouse", "keyboard", "gamepad"])
def test_any_input_during_the_prompt_keeps_the_visitors_place(kiosk, content, device):
    driver = Driver(kiosk, "touch")
    driver.press("start")
    driver.press(content.scenes.kiosk_path.travellers[0])
    lane = kiosk.scene
    assert lane.name == "lane"
    run, met, index, page = kiosk.ctx.run, list(kiosk.ctx.run.met), lane.index, lane.page
    kiosk.step(content.scenes.kiosk.idle_reset_seconds + 1)
    kiosk.step(10)
    assert kiosk.scene.name == "still_there"
    one = Driver(kiosk, device)
    if device in ("touch", "mouse"):  # anywhere, even over a control of the screen beneath: it never gets the touch
        one.tap(next(b for b in lane.buttons if b.key == "back").rect.center)
    else:
        one.signal("right")  # a key that would walk the lane, had it reached it
    assert kiosk.scene is lane and kiosk.ctx.run is run
    assert (run.met, lane.index, lane.page) == (met, index, page)
    kiosk.step(content.scenes.kiosk.idle_reset_seconds - 1)
    assert kiosk.scene is lane, "the idle time starts again from the touch"


def test_the_prompt_button_and_a_press_that_has_not_lifted(kiosk, content):
    Driver(kiosk, "touch").press("start")
    kiosk.step(content.scenes.kiosk.idle_reset_seconds + 1)
    prompt = kiosk.scene
    kiosk.send(I.Intent(I.PRESS, prompt.buttons[0].rect.center, device="touch"))
    assert kiosk.scene is prompt, "a finger still down is not yet a touch"
    kiosk.send(I.Intent(I.TAP, prompt.buttons[0].rect.center, device="touch"))
    assert names(kiosk) == ["title", "choose"]


def test_a_fresh_title_left_alone_goes_straight_to_the_attract_loop(kiosk, content):
    kiosk.step(content.scenes.kiosk.attract_seconds + 0.1)
    assert names(kiosk) == ["attract"] and fresh(kiosk)


def test_a_fresh_title_after_a_touch_waits_the_idle_time_and_asks_nothing(kiosk, content):
    kiosk.step(content.scenes.kiosk.attract_seconds + 0.1)
    kiosk.send(I.Intent(I.CONFIRM))
    assert names(kiosk) == ["title"] and fresh(kiosk)
    kiosk.step(content.scenes.kiosk.attract_seconds + 1)
    assert names(kiosk) == ["title"], "a visitor who just touched it may still be reading"
    kiosk.step(content.scenes.kiosk.idle_reset_seconds)
    assert names(kiosk) == ["attract"], "nothing to lose: no prompt"


def test_the_attract_loop_reaches_the_lane_and_leaves_the_visitor_nothing(kiosk, content):
    kiosk.step(content.scenes.kiosk.attract_seconds + 0.1)
    attract, run = kiosk.scene, kiosk.ctx.run
    first = attract.play.run.prefs.language
    shown = play_until(kiosk, "outcome")
    assert shown == ["title", "choose", "lane", "outcome"]
    assert attract.play.run.met == [step.traveller for step in content.scenes.kiosk.attract_steps if step.traveller]
    assert kiosk.ctx.run is run and fresh(kiosk), "the visitor's run is untouched"
    assert attract.play.stack is not kiosk.stack and attract.play.run is not run
    play_until(kiosk, "title")
    assert attract.play.run.prefs.language != first, "each loop in the next language"
    assert attract.play.run.met == [] and attract.index == 0
    kiosk.send(I.Intent(I.CONFIRM))
    run = kiosk.ctx.run
    assert names(kiosk) == ["title"] and not run.met and run.board is None
    assert run.prefs == run.first_prefs.set("language", attract.play.run.prefs.language), "only the language shown"


def test_a_touch_during_the_attract_loop_starts_a_fresh_run_in_the_language_shown(kiosk, content):
    kiosk.step(content.scenes.kiosk.attract_seconds + 0.1)
    play_until(kiosk, "lane")
    shown = kiosk.scene.play.run.prefs.language
    Driver(kiosk, "touch").tap((960, 60))  # anywhere: here, over the lane's map
    assert names(kiosk) == ["title"] and kiosk.ctx.run.prefs.language == shown
    assert not kiosk.ctx.run.met and kiosk.ctx.run.board is None


def test_the_calls_language_button_starts_in_the_other_language(kiosk, content):
    kiosk.step(content.scenes.kiosk.attract_seconds + 0.1)
    call = kiosk.scene.call
    other = next(b for b in call.buttons if b.key == "language")
    Driver(kiosk, "touch").tap(other.rect.center)
    assert names(kiosk) == ["title"] and kiosk.ctx.run.prefs.language == "es"


@pytest.mark.parametrize("device", ["keyboard", "gamepad"])
def test_a_key_or_button_during_the_attract_loop_starts(kiosk, content, device):
    kiosk.step(content.scenes.kiosk.attract_seconds + 0.1)
    Driver(kiosk, device).signal("next")
    assert names(kiosk) == ["title"] and fresh(kiosk)


def test_no_timer_runs_during_the_attract_loop_even_on_a_fast_clock(kiosk, content):
    """Hours in a few long steps: one beat of the script per step at most; never a prompt or a reset."""
    kiosk.step(content.scenes.kiosk.attract_seconds + 0.1)
    attract, resets = kiosk.scene, []
    kiosk.reset = lambda *args, **kwargs: resets.append(args)
    for _ in range(200):
        kiosk.step(3600)
    assert kiosk.scene is attract and resets == []
    assert attract.showing() in ("title", "choose", "lane", "outcome")


def test_a_fast_clock_still_gives_the_prompt_its_time(kiosk, content):
    Driver(kiosk, "touch").press("start")
    kiosk.step(10_000)
    assert kiosk.scene.name == "still_there"
    assert kiosk.scene.remaining == content.scenes.kiosk.prompt_seconds, "the step that opened it does not count"
    kiosk.step(10_000)
    assert names(kiosk) == ["attract"] and fresh(kiosk)


def test_the_attract_screens_are_registered_scenes():
    from typing import get_args
    from game.content.schema import AttractScreen
    assert set(get_args(AttractScreen)) <= set(REGISTRY)


# -- the timings and the script, validated ---------------------------------------------------------
@pytest.mark.parametrize("old, new, expected", [
    ("prompt_seconds: 30", "prompt_seconds: 19", "kiosk.prompt_seconds: expected seconds in [20, 600]; got 19"),
    ("attract_step_seconds: 3", "attract_step_seconds: 0", "kiosk.attract_step_seconds: expected seconds in [1, 60]"),
    ("attract_seconds: 8", "attract_seconds: 0", "kiosk.attract_seconds: expected seconds in [1, 600]"),
    ("{at: choose, traveller: child}", "{at: choose, press: child}",
     "kiosk.attract_steps[2].traveller: expected a traveller on the choose screen"),
    ("{at: choose, traveller: child}", "{at: choose, traveller: chlid}", "got chlid"),
    ("{at: choose, traveller: child}", "{at: choose, traveller: commuter}",
     "kiosk.attract_steps[2].traveller: expected one of the kiosk path's travellers"),
    ("{at: title, press: start}", "{at: title, press: Start!}",
     "kiosk.attract_steps[1].press: expected a control's key"),
    ("- {at: title}  ", "- {at: tittle}  ", "kiosk.attract_steps[0].at: "),
    ("{at: lane, press: continue, repeat: true}", "{at: lane, repeat: true}", "kiosk.attract_steps[4].repeat"),
])
def test_the_kiosk_timings_and_script_are_checked(content_copy, old, new, expected):
    mutate(content_copy, "scenes.yaml", old, new)
    errors = errors_of(content_copy)
    assert any(expected in error for error in errors), "\n".join(errors)


def test_a_script_that_loses_its_way_starts_again(kiosk, content, monkeypatch):
    """A control the screen does not have (content changed under the script): the loop starts again."""
    from game.content.schema import AttractStep
    monkeypatch.setattr(content.scenes.kiosk, "attract_steps",
                        [AttractStep("title", press="start"), AttractStep("choose", press="no-such-control")])
    kiosk.step(content.scenes.kiosk.attract_seconds + 0.1)
    attract = kiosk.scene
    assert play_until(kiosk, "choose") == ["title", "choose"]
    assert play_until(kiosk, "title") == ["choose", "title"] and kiosk.scene is attract
    assert attract.play.run.prefs.language == "en", "lost, it starts again in the same language"


def test_a_kiosk_reset_forgets_what_the_last_visitor_made(content):
    """Each visitor starts from the same memory: the fonts, pictures and measures kept for speed and the
    model's results for the last visitor's policies are all dropped at the kiosk's reset."""
    from game.ui import camera, draw, layout, port, text
    init_pygame(headless=True)
    try:
        game = Game(content, seed=1, size=(1280, 720), kiosk=True)
        player = Driver(game, "touch")
        for key in ("start", content.scenes.kiosk_path.travellers[0], "continue", "board"):
            player.press(key)
        game.draw()
        assert text._RENDERED.bytes and draw._FACES.bytes and layout._WIDTHS and text._font.cache_info().currsize
        assert game.ctx.world.model.cache
        game.reset(attract=True)
        game.draw()  # the first frame of the fresh run lets the last one's memory go
        assert not game.ctx.world.model.cache and game.ctx.world._year.cache_info().currsize == 0
        assert not port._BACKGROUNDS and not camera._OVERLAYS
        assert text._font.cache_info().currsize <= 6, "only the attract loop's first frame's fonts"
    finally:
        shutdown()
