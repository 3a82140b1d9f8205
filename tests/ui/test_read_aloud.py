"""Read aloud (issue 14), through the real game with a fake engine that records what would be said
(tests/conftest.py `speech_engine`): every screen speaks its heading and every control as focus
reaches it, in both languages; the keys and buttons turn it on and off, read the screen and repeat;
a playthrough by keyboard hears the screens in order; a kiosk's next visitor starts with it off."""
from __future__ import annotations

import re

import pygame
import pytest

from game.ui import input as I
from game.ui.narrator import SILENT
from game.ui.runtime import REGISTRY, Game, init_pygame, shutdown
from game.ui.scenes.registry import scene_class
from game.ui.screens import ScreenScene

from .driver import Driver

# every screen a player can be on (the attract loop plays to nobody, in silence: its own test below)
SCREEN_SCENES = sorted(name for name in REGISTRY if issubclass(scene_class(name), ScreenScene) and name not in SILENT)
UNFILLED = re.compile(r"[{}]")
COUNTS: dict[str, dict[str, int]] = {}


@pytest.fixture(scope="module", autouse=True)
def headless():
    init_pygame(headless=True)
    yield
    shutdown()
    if COUNTS:
        print("\nutterances per screen (en, es):", {k: (v.get("en"), v.get("es")) for k, v in sorted(COUNTS.items())})


def heard(engine) -> list[str]:
    return [text for text, _ in engine.started]


def read_aloud(game: Game) -> None:
    game.send(I.Intent(I.VOICE))
    game.step()


def listen(game: Game, frames: int = 80) -> None:
    """Frames pass: the queue speaks on, one utterance after another."""
    for _ in range(frames):
        game.step()


@pytest.mark.parametrize("scene", SCREEN_SCENES)
def test_every_screen_speaks_its_heading_and_every_control(content, speech_engine, scene):
    for lang in content.languages:
        game = Game(content, size=(1280, 720), lang=lang, start=scene)
        read_aloud(game)
        current = game.scene
        said = 0
        for state in current.states():
            current.refresh()
            speech_engine.started.clear()
            game.narrator._place = None  # arriving at this state, as a player would
            game.step()
            arrival = heard(speech_engine)
            assert arrival and arrival[0].strip(), f"{scene} {lang} {state}: no heading said on arrival"
            for button in list(current.buttons):
                current.focus_key(button.key)
                words = game.narrator.focused_words(current, current.screen())  # what focus there says
                assert words.strip(), f"{scene} {lang} {state}: {button.key} says nothing"
                assert not UNFILLED.search(words), f"{scene} {lang} {state}: {words}"
                said += 1
            speech_engine.started.clear()
            game.send(I.Intent(I.READ))
            listen(game, 40)
            whole = heard(speech_engine)
            assert len(whole) >= 2 and not any(UNFILLED.search(w) for w in whole), f"{scene} {lang} {state}"
            said += len(whole)
        COUNTS.setdefault(scene, {})[lang] = said


def test_keys_turn_it_on_and_off_read_the_screen_and_repeat(content, speech_engine):
    game = Game(content, size=(1280, 720))
    driver = Driver(game, "keyboard")
    game.step()
    assert heard(speech_engine) == [], "off by default: nothing is said"
    read_aloud(game)
    assert game.ctx.run.prefs.read_aloud
    listen(game)
    first = heard(speech_engine)  # the heading, the lines under it, then the focused control
    assert first[0] == content.text("game.name") and first[-1] == content.text("title.play")
    assert content.text("game.tagline") in first
    speech_engine.started.clear()
    driver.signal("next")  # Tab: focus moves, the new control is said
    assert heard(speech_engine) == [content.text("title.class")]
    speech_engine.started.clear()
    game.send(I.Intent(I.REPEAT))
    assert heard(speech_engine) == [content.text("title.class")]
    game.send(I.Intent(I.READ))
    listen(game)
    whole = heard(speech_engine)[1:]
    assert content.text("title.composite_note") in whole and content.text("title.teacher") in whole
    read_aloud(game)
    assert not game.ctx.run.prefs.read_aloud
    speech_engine.started.clear()
    driver.signal("next")
    assert heard(speech_engine) == []


def test_moving_focus_cuts_off_what_was_being_said(content, monkeypatch):
    from game.ui import voice
    slow = voice.FakeEngine(at_once=False)  # utterances last until finished
    monkeypatch.setattr(voice, "find_engine", lambda: slow)
    game = Game(content, size=(1280, 720))
    read_aloud(game)
    talking = slow.utterances[-1]
    assert not talking.done()
    Driver(game, "keyboard").signal("next")
    assert (talking.text, talking.lang) in slow.stopped and slow.started[-1][0] == content.text("title.class")


def test_spanish_is_said_in_spanish(content, speech_engine):
    game = Game(content, size=(1280, 720), lang="es")
    read_aloud(game)
    listen(game)
    assert speech_engine.started[0] == (content.text("game.name", "es"), "es")
    assert speech_engine.started[1] == (content.text("game.tagline", "es"), "es")
    assert speech_engine.started[-1] == (content.text("title.play", "es"), "es")


def test_the_title_and_the_gamepad_turn_it_on(content, speech_engine):
    game = Game(content, size=(1280, 720))
    Driver(game, "touch").press("read_aloud")
    assert game.ctx.run.prefs.read_aloud and heard(speech_engine)
    game.send(I.Intent(I.VOICE, device="gamepad"))
    assert not game.ctx.run.prefs.read_aloud


def test_a_playthrough_by_keyboard_hears_each_screen_in_turn(content, speech_engine):
    game = Game(content, seed=7, size=(1280, 720))
    driver = Driver(game, "keyboard")
    read_aloud(game)
    driver.press("start")
    assert content.text("choose.heading") in heard(speech_engine)
    speech_engine.started.clear()
    traveller = next(iter(content.travellers))
    driver.press(traveller)
    arrival = heard(speech_engine)
    assert content.text(content.travellers[traveller].name) in " ".join(arrival)
    driver.press("start")
    while game.scene.name == "lane":
        speech_engine.started.clear()
        driver.press("continue")
        assert heard(speech_engine), "every step of the lane is said"
    assert game.scene.name == "outcome"
    assert any(content.text(content.travellers[traveller].name) in w for w in heard(speech_engine))


def test_a_kiosk_visitor_starts_with_it_off_unless_the_museum_set_it(content, speech_engine):
    game = Game(content, size=(1920, 1080), kiosk=True)
    read_aloud(game)
    assert game.ctx.run.prefs.read_aloud
    game.reset(attract=True)
    assert not game.ctx.run.prefs.read_aloud, "the next visitor starts as the museum set it: off"


def test_without_an_engine_the_screen_says_so_and_the_game_goes_on(content, monkeypatch):
    from game.ui import voice
    monkeypatch.setattr(voice, "find_engine", lambda: None)
    game = Game(content, size=(1280, 720))
    read_aloud(game)
    assert game.narrator.missing
    game.draw()
    Driver(game, "keyboard").press("start")
    assert game.scene.name == "choose"


def test_dragging_the_line_says_where_it_is_now_at_most_once_a_second(content, speech_engine):
    from game.ui.narrator import changed
    from game.ui.voice import spoken
    assert changed("The chart. The line is at 4.26. Men: 142.", "The chart. The line is at 4.31. Men: 150.") == \
        "The line is at 4.31. Men: 150."
    game = Game(content, seed=1, size=(1280, 720), start="lab")
    game.ctx.run.lab_challenge = None
    read_aloud(game)
    lab = game.scene
    lab.focus_key("chart")
    listen(game, 5)
    before = game.narrator.focused_words(lab, lab.screen())
    speech_engine.started.clear()
    for _ in range(3):  # three moves of the line within a fraction of a second of the last words
        game.send(I.Intent(I.RIGHT))
        game.step(0.05)
    assert heard(speech_engine) == [], "not again until a second has passed"
    listen(game, 70)
    after = game.narrator.focused_words(lab, lab.screen())
    assert after != before and heard(speech_engine) == [spoken(changed(before, after), "en")]
    assert not changed(before, after).startswith(before.split(".")[0]), "what the chart is, not said again"


def test_the_attract_loop_plays_in_silence_even_when_the_museum_sets_read_aloud_on(content, monkeypatch):
    from game.ui import voice
    slow = voice.FakeEngine(at_once=False)  # each line lasts until finished: a reset comes mid-sentence
    monkeypatch.setattr(voice, "find_engine", lambda: slow)
    speech_engine = slow
    game = Game(content, size=(1920, 1080), kiosk=True)
    game.ctx.run.prefs = game.ctx.run.first_prefs = game.ctx.run.prefs.set("read_aloud", True)
    listen(game, 5)
    speaking = slow.utterances[-1]
    assert not speaking.done()
    game.reset(attract=True)
    assert game.ctx.run.prefs.read_aloud and game.scene.name == "attract"
    listen(game, 600)  # ten seconds of the game playing itself
    assert (speaking.text, speaking.lang) in slow.stopped, "the last visitor's sentence stops"
    assert not game.narrator.voice.speaking and len(slow.started) == 1, "and nothing more is said"
    slow.started.clear()
    Driver(game, "touch").tap((960, 540))  # a visitor: the title, read aloud
    listen(game, 30)
    assert game.scene.name == "title" and heard(speech_engine)[0] == content.text("game.name")


def test_read_aloud_keys_work_on_the_teachers_results(content, speech_engine):
    game = Game(content, size=(1280, 720), start="teacher")
    teacher = game.scene
    teacher.show_results()
    game.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_v, mod=0))
    assert game.ctx.run.prefs.read_aloud, "V on the results, where nothing is typed"
