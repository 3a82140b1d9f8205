"""Sound (issue 11 §8): the effects are the script's output, short, unclipped and click-free; they load
lazily, play silent without a device, follow the volume preference and M, and sound the interface."""
from __future__ import annotations

import importlib.util
import json
import shutil
import struct
import subprocess
import sys
import wave
from pathlib import Path

import pygame
import pytest

from game.content import ContentErrors, assets, load_content
from game.story.prefs import Prefs, load, save
from game.ui.runtime import Game, init_pygame, shutdown
from game.ui.sound import NAMES, Sounds

from .driver import Driver

SOUNDS = assets.SOUND_DIR


@pytest.fixture(autouse=True)
def headless():
    init_pygame(headless=True)  # SDL's dummy audio driver: a device that plays into nothing
    yield
    shutdown()


class Heard(Sounds):
    """The real service, also noting each name asked for."""

    def __init__(self, volume: float) -> None:
        super().__init__(volume=volume)
        self.heard: list[str] = []

    def play(self, name: str) -> None:
        super().play(name)
        self.heard.append(name)


def samples(name: str) -> tuple[wave._wave_params, list[int]]:
    with wave.open(str(SOUNDS / f"{name}.wav"), "rb") as sound:
        params = sound.getparams()
        frames = sound.readframes(params.nframes)
    return params, list(struct.unpack(f"<{params.nframes}h", frames))


# -- the files -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", NAMES)
def test_each_sound_is_short_mono_16_bit_unclipped_and_starts_and_ends_at_rest(name):
    params, values = samples(name)
    assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, 22050)
    assert 0.04 < params.nframes / params.framerate < 1.0
    peak = max(abs(v) for v in values)
    assert 0.3 * 32767 < peak <= 0.71 * 32767, "normalised to its level, with headroom: never clipped"
    assert values[0] == 0 and values[-1] == 0, "a fade in and out: no click at either end"
    assert max(abs(a - b) for a, b in zip(values[:20], values[1:21])) < 0.1 * 32767, "no step at the start"
    assert (SOUNDS / f"{name}.wav").stat().st_size < 50_000


def test_the_sounds_are_what_the_script_makes_and_their_licence_is_beside_them(tmp_path):
    spec = importlib.util.spec_from_file_location("make_sounds", SOUNDS / "make_sounds.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    made = script.make_all(tmp_path)
    assert sorted(p.stem for p in made) == sorted(NAMES)
    for path in made:
        assert path.read_bytes() == (SOUNDS / path.name).read_bytes(), f"{path.name}: run make_sounds.py again"
    licence = (SOUNDS / "LICENSE.txt").read_text(encoding="utf-8")
    assert "CC0-1.0" in licence and "make_sounds.py" in licence


@pytest.mark.parametrize("damage, expected", [
    (lambda p: p.unlink(), "expected a WAV file; it is missing"),
    (lambda p: p.write_bytes(b"<html>not found</html>"), "the file is something else"),
    (lambda p: p.write_bytes(p.read_bytes()[:400]), "the file is cut short"),
    (lambda p: (p.unlink(), p.mkdir()), "got a folder"),
])
def test_a_broken_sound_is_a_content_error(tmp_path, damage, expected):
    copy = tmp_path / "assets"
    shutil.copytree(assets.ASSETS_ROOT, copy)
    damage(copy / "sounds" / "alarm.wav")
    with pytest.raises(ContentErrors) as caught:
        load_content(assets=copy)
    [error] = [str(e) for e in caught.value.errors]
    assert error.startswith("assets/sounds/alarm.wav: sounds.alarm: ") and expected in error


def test_a_sound_in_another_format_is_named(tmp_path):
    path = tmp_path / "loud.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(44100)
        out.writeframes(b"\0\0\0\0" * 100)
    assert "got 16-bit, 2 channel(s) at 44100 Hz" in assets.sound_problem(path)


# -- playing -----------------------------------------------------------------------------------------------
def test_a_sound_is_loaded_when_first_played_and_kept():
    sounds = Sounds(volume=0.6)
    assert sounds._loaded == {}
    sounds.play("match")
    sounds.play("match")
    assert list(sounds._loaded) == ["match"] and sounds._loaded["match"] is not None
    assert pygame.mixer.get_busy()


def test_volume_zero_plays_nothing_and_opens_no_device():
    sounds = Sounds(volume=0.0)
    for name in NAMES:
        sounds.play(name)
    assert sounds._loaded == {} and sounds._mixer is None and not pygame.mixer.get_init()


def test_an_unknown_name_raises():
    with pytest.raises(KeyError, match="unknown sound 'boing'"):
        Sounds(volume=1.0).play("boing")


@pytest.mark.parametrize("setup", [
    "import os; os.environ['SDL_AUDIODRIVER'] = 'no-such-device'",    # no sound device
    "import sys; sys.modules['pygame.mixer'] = None",                  # a pygame built without its mixer
])
def test_without_a_sound_device_the_game_plays_silent_and_says_nothing(setup):
    code = (f"{setup}\n"
            "import os; os.environ['SDL_VIDEODRIVER'] = 'dummy'\n"
            "from game.ui.sound import Sounds, NAMES\n"
            "sounds = Sounds(volume=1.0)\n"
            "for name in NAMES: sounds.play(name)\n"
            "assert sounds.start() is False\n"
            "try:\n    sounds.play('boing')\nexcept KeyError:\n    print('silent')\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            env={"PYGAME_HIDE_SUPPORT_PROMPT": "1", "PATH": "/usr/bin:/bin"})
    assert (result.returncode, result.stdout.strip(), result.stderr) == (0, "silent", "")


# -- the game: start-up, interface sounds, the preference, M ---------------------------------------------
def test_the_first_frame_loads_no_sound_and_opens_no_device(content):
    game = Game(content, size=(1280, 720))
    game.step()
    assert game.ctx.sound._mixer is None and game.ctx.sound._loaded == {}
    assert game.ctx.sound.volume == Prefs().sound == 0.6


@pytest.mark.parametrize("device", ["keyboard", "mouse", "touch", "gamepad"])
def test_buttons_tap_and_back_goes_back(content, device):
    game = Game(content, size=(1280, 720))
    game.ctx.sound = heard = Heard(game.ctx.sound.volume)
    game.step()
    driver = Driver(game, device)
    driver.press("settings")
    assert game.scene.name == "settings" and heard.heard == ["tap"]
    driver.press("back")
    assert game.scene.name == "title" and heard.heard == ["tap", "back"]
    if device in ("keyboard", "gamepad"):
        driver.press("settings")
        driver.signal("back")  # Escape, or B
        assert game.scene.name == "title" and heard.heard[-1] == "back"


def test_the_sound_setting_cycles_through_off_quiet_medium_loud_and_lasts(content, tmp_path):
    assert [Prefs(sound=v).cycle("sound").sound for v in (0.0, 0.3, 0.6, 1.0)] == [0.3, 0.6, 1.0, 0.0]
    path = tmp_path / "prefs.json"
    game = Game(content, size=(1280, 720), start="settings", prefs_file=path)
    game.step()
    labels = []
    for _ in range(4):
        labels.append(next(b.label for b in game.scene.buttons if b.key == "sound"))
        Driver(game, "mouse").press("sound")
    assert labels == ["Sound: Medium", "Sound: Loud", "Sound: Off", "Sound: Quiet"]
    assert game.ctx.sound.volume == 0.6 and json.loads(path.read_text(encoding="utf-8"))["sound"] == 0.6
    Driver(game, "mouse").press("sound")
    assert Game(content, prefs_file=path).ctx.sound.volume == 1.0


def test_a_stored_volume_must_be_one_of_the_choices(tmp_path):
    path = tmp_path / "prefs.json"
    assert save(path, Prefs(sound=0.3)) and load(path) == Prefs(sound=0.3)
    for bad in (0.5, True, "loud"):
        path.write_text(json.dumps({"sound": bad}), encoding="utf-8")
        assert load(path, report=lambda line: None) == Prefs()


def mute(game: Game) -> None:
    game.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_m, mod=0, unicode="m", scancode=0))
    game.step()


def test_m_mutes_and_m_again_brings_back_the_volume_it_had_and_settings_shows_it(content):
    game = Game(content, size=(1280, 720), start="settings", lang="es")
    game.ctx.run.prefs = game.ctx.run.prefs.set("sound", 0.3)
    game.ctx.apply_prefs()
    mute(game)
    assert game.ctx.run.prefs.sound == 0.0 and game.ctx.sound.volume == 0.0
    assert "Sonido: Apagado" in [b.label for b in game.scene.buttons], "seen, not only heard"
    mute(game)
    assert game.ctx.run.prefs.sound == 0.3 and game.ctx.sound.volume == 0.3


def test_m_on_a_game_started_silent_turns_the_sound_to_medium(content):
    game = Game(content, size=(1280, 720))
    game.ctx.run.prefs = game.ctx.run.prefs.set("sound", 0.0)
    mute(game)
    assert game.ctx.run.prefs.sound == 0.6


def test_a_kiosk_reset_returns_to_the_launch_volume(content):
    game = Game(content, size=(1280, 720), kiosk=True)
    mute(game)
    assert game.ctx.sound.volume == 0.0
    game.reset()
    assert game.ctx.run.prefs.sound == 0.6 and game.ctx.sound.volume == 0.6
