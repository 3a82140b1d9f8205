"""Golden screenshots of the screens people see most, compared with a tolerance: a layout that
shifts, a missing panel or a colour gone wrong fails; anti-aliasing noise does not.

After an intended change, look at the new pictures, then refresh them:
    FACE_VALUE_UPDATE_GOLDEN=1 python -m pytest tests/ui/test_golden.py
"""
from __future__ import annotations

import os
from pathlib import Path

import pygame
import pytest

from game.ui.runtime import Game, init_pygame, shutdown

GOLDEN = Path(__file__).with_name("golden")
# (name, scene, options, steps): steps are intents pressed by key to reach the state shown
SHOTS = [
    ("title", "title", {}, ()),
    ("choose", "choose", {}, ()),
    ("lane-face", "lane", {"traveller": "child"}, ("continue", "continue", "continue")),
    ("board", "board", {}, ()),
    ("lab", "lab", {}, ()),
    ("record", "record", {}, ()),
]
TOLERANCE = 0.02       # share of pixels that may differ noticeably
NOTICEABLE = 48        # summed channel difference that counts as a difference


@pytest.fixture(scope="module", autouse=True)
def headless():
    init_pygame(headless=True)
    yield
    shutdown()


def _press(game: Game, key: str) -> None:
    scene = game.scene
    scene.focus_key(key)
    assert scene.focused_key() == key, f"no control {key!r} on {scene.name}"
    scene.press_focused()
    game._apply()
    game.scene.walk_t = 1.0 if hasattr(game.scene, "walk_t") else None


@pytest.mark.parametrize("name, scene, options, steps", SHOTS, ids=[s[0] for s in SHOTS])
def test_screen_matches_its_golden_picture(content, tmp_path, name, scene, options, steps):
    game = Game(content, seed=1, size=(1920, 1080), start=scene, **options)
    for key in steps:
        _press(game, key)
    game.step()
    shot = tmp_path / f"{name}.png"
    game.save_screenshot(shot)
    golden = GOLDEN / f"{name}.png"
    if os.environ.get("FACE_VALUE_UPDATE_GOLDEN") or not golden.exists():
        golden.write_bytes(shot.read_bytes())
        pytest.skip(f"golden picture written: {golden}")
    a, b = pygame.image.load(str(shot)), pygame.image.load(str(golden))
    assert a.get_size() == b.get_size()
    differing = 0
    step = 3
    samples = 0
    for x in range(0, a.get_width(), step):
        for y in range(0, a.get_height(), step):
            pa, pb = a.get_at((x, y)), b.get_at((x, y))
            samples += 1
            differing += abs(pa.r - pb.r) + abs(pa.g - pb.g) + abs(pa.b - pb.b) > NOTICEABLE
    assert differing / samples <= TOLERANCE, f"{name}: {differing / samples:.1%} of pixels differ from {golden}"
