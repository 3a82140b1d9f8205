"""Preferences last between runs outside kiosk mode (issue 9 §4): in the user's configuration folder,
kept by "Back to the start", never read or written by a kiosk."""
from __future__ import annotations

import json

import pytest

from game.story.prefs import Prefs
from game.ui.runtime import Game, init_pygame, prefs_path, shutdown

from .driver import Driver


@pytest.fixture(autouse=True)
def headless():
    init_pygame(headless=True)
    yield
    shutdown()


@pytest.fixture
def config(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    return tmp_path


def test_the_file_lives_in_the_users_configuration_folder(config):
    assert prefs_path() == config / "face-value" / "prefs.json"


def choose(game: Game, **values) -> None:
    """As the settings dialog does: a new set of preferences, applied."""
    prefs = game.ctx.run.prefs
    for name, value in values.items():
        prefs = prefs.set(name, value)
    game.ctx.run.prefs = prefs
    game.ctx.apply_prefs()
    game.step()


def test_prefs_chosen_in_one_run_are_there_in_the_next(content, config):
    game = Game(content, size=(1280, 720), prefs_file=prefs_path())
    Driver(game, "keyboard").press("language")  # the title's language button
    choose(game, text_scale=1.5, high_contrast=True, reduced_motion=True, read_aloud=True)
    stored = json.loads(prefs_path().read_text(encoding="utf-8"))
    assert stored == {"text_scale": 1.5, "high_contrast": True, "reduced_motion": True, "sound": 0.6,
                      "read_aloud": True, "language": "es"}
    again = Game(content, size=(1280, 720), prefs_file=prefs_path())
    assert again.ctx.run.prefs == Prefs(1.5, True, True, "es", read_aloud=True)
    assert again.ctx.text.scale == 1.5 and again.ctx.palette is not Game(content).ctx.palette


def test_a_language_asked_for_at_launch_wins_over_the_stored_one(content, config):
    stored = prefs_path()
    game = Game(content, prefs_file=stored)
    choose(game, language="es", text_scale=1.25)
    launched = Game(content, lang="en", prefs_file=stored)
    assert launched.ctx.run.prefs == Prefs(text_scale=1.25, language="en")


def test_back_to_the_start_keeps_the_prefs(content, config):
    game = Game(content, size=(1280, 720), start="record", prefs_file=prefs_path())
    game.step()
    choose(game, text_scale=2.0, language="es")
    game.ctx.run.meet("commuter")
    Driver(game, "keyboard").press("title")
    assert game.scene.name == "title"
    assert game.ctx.run.prefs == Prefs(text_scale=2.0, language="es") and game.ctx.text.scale == 2.0
    assert game.ctx.run.met == [] and game.ctx.run.board is None, "the choices and travellers are forgotten"


def test_a_kiosk_never_reads_or_writes_and_resets_to_its_launch_values(content, config):
    path = prefs_path()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"text_scale": 2.0, "language": "es"}), encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    game = Game(content, size=(1280, 720), kiosk=True, start="record", prefs_file=path)
    assert game.ctx.run.prefs == Prefs(), "a kiosk starts from its launch values, not a visitor's file"
    game.step()
    choose(game, text_scale=1.5, high_contrast=True)
    Driver(game, "keyboard").press("title")
    assert game.ctx.run.prefs == Prefs(), "the next visitor starts afresh"
    assert path.read_text(encoding="utf-8") == before


def test_without_a_file_nothing_is_written(content, config):
    game = Game(content)
    choose(game, text_scale=1.5)
    assert not (config / "face-value").exists()


def test_a_damaged_file_at_start_is_one_line_and_the_defaults(content, config, capsys):
    path = prefs_path()
    path.parent.mkdir(parents=True)
    path.write_text('{"text_scale": "huge"', encoding="utf-8")
    game = Game(content, prefs_file=path)
    assert game.ctx.run.prefs == Prefs()
    assert capsys.readouterr().err.count("\n") == 1
    assert json.loads(path.read_text(encoding="utf-8"))["text_scale"] == 1.0


def test_an_unwritable_folder_leaves_the_game_running(content, tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "config"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocker))
    game = Game(content, prefs_file=prefs_path())
    choose(game, text_scale=1.25)
    choose(game, text_scale=1.25)  # no change: no second attempt
    assert game.ctx.text.scale == 1.25
    assert capsys.readouterr().err.count("\n") == 1


def test_play_keeps_prefs_in_the_configuration_folder_but_not_as_a_kiosk(content, config, monkeypatch):
    from game.app import cli
    from game.ui import runtime
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    made = []

    def run(game):
        made.append(game)
        choose(game, text_scale=1.25)
        return 0

    monkeypatch.setattr(runtime.Game, "run", run)
    assert cli.main([]) == 0
    assert made[-1].prefs_file == prefs_path() and prefs_path().exists()
    prefs_path().unlink()
    assert cli.main(["--kiosk"]) == 0
    assert made[-1].prefs_file is None and not prefs_path().exists()
