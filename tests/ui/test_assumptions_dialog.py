"""'How do we know?' with the model's assumptions: every page fits (checked from its laid-out rectangles
by the layout's `problems`) at every text size, in every language, and every assumption it was given
is on one of its pages, each once."""
from __future__ import annotations

import pytest

from game.story import assumptions
from game.story.prefs import SPECS
from game.ui.layout import problems
from game.ui.runtime import Game, init_pygame, shutdown
from game.ui.scenes import make_scene


@pytest.fixture(scope="module", autouse=True)
def headless():
    init_pygame(headless=True)
    yield
    shutdown()


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("scale", SPECS["text_scale"].choices)
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
    _, laid = scene.laid_out()
    assert len(laid.pages) > 1
    assert problems(laid) == []
    shown: list[str] = []
    for number in range(len(laid.pages)):
        game.step()  # each page is drawn, then "More" turns to the next
        assert scene.page == number
        shown += [w.values[0][1].id for b in laid.boxes(number) for w in b.item.words if w.id == "common.bullet"]
        scene.next_page()
    assert scene.page == 0, "More comes back to the first page"
    expected = assumptions.text_ids(model, given)
    assert sorted(shown) == sorted(expected) and len(shown) == len(set(shown))
