"""Every registered scene renders at both sizes, fills the screen, and shows text."""
from __future__ import annotations

import pytest

from game.ui import theme
from game.ui.runtime import REGISTRY, Game, init_pygame, shutdown


@pytest.fixture(scope="module", autouse=True)
def headless():
    init_pygame(headless=True)
    yield
    shutdown()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("scene", sorted(REGISTRY))
def test_scene_renders(content, scene, size):
    game = Game(content, size=size, start=scene)
    game.step()
    window = game.display.window
    assert window.get_size() == size
    colours = {tuple(window.get_at((x, y)))[:3] for x in range(0, size[0], 37) for y in range(0, size[1], 29)}
    assert len(colours) > 8, f"{scene} looks empty at {size}"


def test_letterbox_keeps_aspect_and_maps_pointer(content):
    game = Game(content, size=(1000, 1000))
    view = game.display.viewport()
    assert abs(view.w / view.h - 16 / 9) < 0.01 and view.w == 1000
    assert game.display.to_canvas((500, view.y + view.h / 2)) == pytest.approx((960, 540))
    assert game.display.to_canvas((500, 5)) is None


@pytest.mark.parametrize("palette", [theme.STANDARD, theme.HIGH_CONTRAST])
def test_text_colours_meet_wcag_aa(palette):
    for name, fg, bg in theme.text_pairs(palette):
        assert theme.contrast(fg, bg) >= 4.5, name
