"""Every screen fits: laid out in every language, at every text size up to 200%, at 1280x720 and
1920x1080, each page checked from its rectangles (not by counting colours): no text outside its
container or the canvas, no overlaps, no split words, touch targets of 88 px, everything on a page."""
from __future__ import annotations

import pytest

from game.story.prefs import SPECS
from game.ui.layout import Flow, problems
from game.ui.runtime import REGISTRY, Game, init_pygame, shutdown
from game.ui.scenes.registry import scene_class
from game.ui.screens import ScreenScene

SIZES = [(1280, 720), (1920, 1080)]
SCALES = SPECS["text_scale"].choices
SCREEN_SCENES = sorted(name for name in REGISTRY if issubclass(scene_class(name), ScreenScene))
CHECKED: dict[str, int] = {}


@pytest.fixture(scope="module", autouse=True)
def headless():
    init_pygame(headless=True)
    yield
    shutdown()
    if CHECKED:
        print("\nlayouts checked (pages x languages x sizes x text sizes x states):", CHECKED)


def _texts(items) -> list[str]:
    return [w.id for item in items for i in item.walk() for w in i.words]


@pytest.mark.parametrize("scene", SCREEN_SCENES)
def test_every_page_of_every_state_fits(content, scene):
    failures, pages = [], 0
    for size in SIZES:
        for lang in content.languages:
            game = Game(content, size=size, lang=lang, start=scene)
            for scale in SCALES:
                ctx = game.ctx
                ctx.run.prefs = ctx.run.prefs.set("text_scale", scale)
                ctx.apply_prefs()
                current = game.scene
                for state in current.states():
                    screen, laid = current.laid_out()
                    pages += len(laid.pages)
                    where = f"{scene} {lang} {size[0]}x{size[1]} text x{scale} {state}"
                    failures += [f"{where}: {p}" for p in problems(laid)]
                    shown = [w.id for page in range(len(laid.pages)) for b in laid.boxes(page) for w in b.item.words]
                    missing = set(_texts((*screen.body, *screen.actions))) - set(shown)
                    if missing:
                        failures.append(f"{where}: not on any page: {sorted(missing)[:5]}")
    CHECKED[scene] = pages
    assert failures == [], "\n".join(failures[:30]) + f"\n({len(failures)} problems)"


def test_a_word_wider_than_its_box_is_caught(content):
    game = Game(content, size=(1280, 720))
    lines, split = Flow(game.ctx).wrap("Supercalifragilistic", "heading", 120)
    assert split and len(lines) > 1
    lines, split = Flow(game.ctx).wrap("two words", "body", 800)
    assert not split and lines == ["two words"]
