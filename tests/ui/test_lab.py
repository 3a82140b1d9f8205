"""The threshold lab drawn from its screen: curves in the palette's colours (high contrast included),
the chart's data plain numbers from the view, and a drag that keeps the layout only while every new
figure fits where the old one was."""
from __future__ import annotations

import pygame
import pytest

from game.ui import theme
from game.ui.layout import Flow, lay_out, problems
from game.ui.runtime import Game, init_pygame, shutdown


@pytest.fixture(scope="module", autouse=True)
def headless():
    init_pygame(headless=True)
    yield
    shutdown()


@pytest.mark.parametrize("palette, least", [(theme.STANDARD, 4.5), (theme.HIGH_CONTRAST, 7.0)])
def test_group_curves_stand_out_from_the_panel(palette, least):
    assert len(set(palette.groups)) == len(palette.groups) >= 4
    for name, colour, panel in theme.graphic_pairs(palette):
        assert theme.contrast(colour, panel) >= least, name


def chart_colours(game: Game) -> set[tuple[int, int, int]]:
    surface = pygame.Surface(theme.CANVAS)
    game.scene.draw(surface)
    rect = game.scene.chart_rect()
    return {tuple(surface.get_at((x, y)))[:3] for x in range(rect.left, rect.right, 2)
            for y in range(rect.top, rect.bottom, 2)}


def test_high_contrast_draws_the_curves_in_its_own_colours(content):
    game = Game(content, size=(1280, 720), start="lab")
    standard = chart_colours(game)
    ctx = game.ctx
    ctx.run.prefs = ctx.run.prefs.set("high_contrast", True)
    ctx.apply_prefs()
    high = chart_colours(game)
    assert set(theme.STANDARD.groups) <= standard and not set(theme.HIGH_CONTRAST.groups) & standard
    assert set(theme.HIGH_CONTRAST.groups) <= high and not set(theme.STANDARD.groups) & high


def plain(value) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and plain(v) for k, v in value.items())
    if isinstance(value, (tuple, list)):
        return all(plain(v) for v in value)
    return isinstance(value, (int, float, str, bool))


def test_the_chart_gets_plain_numbers_from_the_view(content):
    game = Game(content, size=(1280, 720), start="lab")
    chart = next(i for item in game.scene.screen().body for i in item.walk() if i.kind == "chart" and i.key == "chart")
    assert plain(chart.data)
    assert chart.data["low"] < chart.data["threshold"] < chart.data["high"]
    assert all(0 <= h <= 1 for group in chart.data["curves"] for kind in ("genuine", "impostor")
               for _, h in group[kind])


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_drag_keeps_the_layout_only_while_the_words_fit(content, lang):
    game = Game(content, size=(1920, 1080), lang=lang, start="lab")
    lab, ctx = game.scene, game.ctx
    flow = Flow(ctx)
    for score in (2.0, 3.1, 4.25, 5.5, 6.05, 7.5, 8.0):
        lab.set_threshold(score)
        screen, laid = lab.laid_out()
        assert lab.threshold() == pytest.approx(score)
        leaves = [i for item in (*screen.body, *screen.actions) for i in item.walk() if not i.items]
        for page in range(len(laid.pages)):
            assert problems(laid) == []
            for box in laid.boxes(page):
                assert box.item.key == "more" or box.item.items or box.item in leaves, "words of an old screen"
                if box.item.kind == "text":
                    assert box.lines == flow.wrap(flow.words(box.item), box.item.role, box.rect.w)[0]
                if box.item.kind == "pair":
                    for (cell, lines), words in zip(box.cells, box.item.words[1:]):
                        assert lines == flow.wrap(flow.say(words), "value", cell.w)[0]
        fresh = lay_out(ctx, screen, lab.page)
        assert len(fresh.pages) == len(laid.pages)
        shown = sorted(repr(w) for page in laid.pages for b in page for w in b.item.words)
        assert shown == sorted(repr(w) for page in fresh.pages for b in page for w in b.item.words)


def test_the_kept_picture_draws_what_a_full_repaint_draws(content):
    """The lab keeps its page as a picture and draws only what changed over it: pixel for pixel the
    same as drawing the whole screen, through a drag, a change of focus, a preset, the algorithm,
    high contrast and a turned page."""
    from game.ui import input as I
    from game.ui.screens import ScreenScene
    game = Game(content, size=(1920, 1080), start="lab")
    lab = game.scene

    def same() -> bool:
        kept, full = pygame.Surface(theme.CANVAS), pygame.Surface(theme.CANVAS)
        lab.draw(kept)
        ScreenScene.draw(lab, full)
        return pygame.image.tobytes(kept, "RGB") == pygame.image.tobytes(full, "RGB")
    chart = lab.chart_rect()
    for step in range(12):
        lab.handle(I.Intent(I.DRAG, (chart.left + chart.w * (0.05 + 0.08 * step), chart.centery), device="mouse"))
        assert same(), f"drag step {step}"
    lab.handle(I.Intent(I.NEXT))
    assert same()
    for key in ("option:1", "algorithm"):
        lab.focus_key(key)
        lab.press_focused()
        assert same(), key
    ctx = game.ctx
    ctx.run.prefs = ctx.run.prefs.set("high_contrast", True)
    ctx.apply_prefs()
    assert same()
    lab.next_page()
    assert same()
