"""'How do we know?' with the model's assumptions: every page fits above its buttons at every text size,
in every language, and every assumption it was given is on one of its pages."""
from __future__ import annotations

import pytest

from game.story import assumptions
from game.ui import theme
from game.ui.runtime import Game, init_pygame, shutdown
from game.ui.scenes import make_scene


@pytest.fixture(scope="module", autouse=True)
def headless():
    init_pygame(headless=True)
    yield
    shutdown()


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_every_page_of_assumptions_fits(content, lang, scale):
    game = Game(content, size=(1280, 720), lang=lang, start="title")
    ctx = game.ctx
    ctx.run.prefs = ctx.run.prefs.set("text_scale", scale)
    ctx.apply_prefs()
    model = ctx.world.model
    given = assumptions.record_screen(model)  # the longest list: every assumption
    scene = make_scene("source", ctx, facts=["one-to-one", "oig-air"], assumptions=given)
    game.stack.push(scene)
    game.stack.apply()
    shown: set[str] = set()
    pages = len(scene.pages())
    assert pages > 1
    for number in range(pages):
        scene.page = number
        scene.layout()
        game.dirty = True
        game.step()
        panel = scene.panel_rect(scene._height())
        assert panel.top >= 0 and panel.bottom <= theme.CANVAS[1], f"page {number + 1} leaves the screen"
        buttons = [b.rect for b in scene.buttons if b.visible]
        assert scene.text_bottom <= min(r.top for r in buttons) - 8, f"page {number + 1} runs into its buttons"
        assert all(panel.contains(r) for r in buttons), f"page {number + 1}: a button sticks out of the panel"
        shown |= {text for kind, text, _ in scene.pages()[number] if kind == "assumption"}
    expected = {ctx.t(text_id) for text_id in assumptions.text_ids(model, given)}
    assert shown == expected
