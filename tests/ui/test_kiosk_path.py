"""The kiosk's five-minute path, played headless by touch alone and by mouse alone: one traveller of three,
a short crossing, the threshold lab and one question about data, a compact record, and "Start again"
to a fresh run on the same path."""
from __future__ import annotations

import pytest

from game.story.run import path_stops
from game.story.views.lane import stations
from game.ui.runtime import Game, init_pygame, shutdown

from .driver import Driver

MIN_TARGET = 88  # canvas pixels: every control a finger can hit


@pytest.fixture
def kiosk(content):
    init_pygame(headless=True)
    yield Game(content, seed=1, size=(1920, 1080), kiosk=True)
    shutdown()


def controls_are_big(game: Game) -> None:
    small = [(b.key, b.rect.size) for b in game.scene.buttons
             if b.visible and min(b.rect.size) < MIN_TARGET]
    assert not small, f"{game.scene.name}: controls under {MIN_TARGET} px: {small}"


@pytest.mark.parametrize("device", ["touch", "mouse"])
def test_a_visitor_plays_the_kiosk_path_and_starts_again(content, kiosk, device):
    path = content.scenes.kiosk_path
    player = Driver(kiosk, device)
    assert kiosk.ctx.run.path == "kiosk"
    player.press("start")
    assert kiosk.scene.name == "choose"
    assert [b.key for b in kiosk.scene.buttons if b.key in content.travellers] == path.travellers
    traveller = path.travellers[0]
    seen = []
    for key in (traveller, "continue", "board", "next", "next"):
        controls_are_big(kiosk)
        player.press(key)
        seen.append(kiosk.scene.name)
    assert seen == ["lane", "outcome", "lab", "board", "record"]
    record = kiosk.scene
    keys = [b.key for b in record.buttons]
    assert "title" in keys and "sandbox" not in keys, "the kiosk's record, not the class's"
    said = " ".join(kiosk.ctx.t(w.id) for item in record.screen().body for i in item.walk() for w in i.words)
    assert content.text("record.code_label") not in said and content.text("record.discuss_heading") not in said
    controls_are_big(kiosk)
    player.press("title")  # "Start again"
    run = kiosk.ctx.run
    assert kiosk.scene.name == "title" and len(kiosk.stack.scenes) == 1
    assert (run.path, run.met, run.board, run.lab_challenge) == ("kiosk", [], None, None)


def test_the_board_asks_the_kiosk_paths_questions_as_one_of_two(content, kiosk):
    player = Driver(kiosk, "touch")
    for key in ("start", content.scenes.kiosk_path.travellers[1], "continue", "board"):
        player.press(key)
    asked = []
    while kiosk.scene.name in ("lab", "board"):
        header = kiosk.scene.screen().body[0].walk()
        step = next(i for i in header if i.kind == "text" and i.words[0].id == "board.step")
        asked.append((kiosk.scene.question.id, dict(step.words[0].values)["n"], dict(step.words[0].values)["total"]))
        shown = [w for item in kiosk.scene.screen().body for i in item.walk() for w in i.words]
        assert any(w.id == "board.voices" for w in shown), "a kiosk visitor hears both sides too"
        brief = {v.brief for v in kiosk.scene.question.voices[:2]}
        stances = {v.stance for v in kiosk.scene.question.voices[:2]}
        assert brief <= {w.id for w in shown} and stances == {"supports", "criticises"}
        player.press("next")
    assert [q for q, _, _ in asked] == content.scenes.kiosk_path.questions
    assert [(n, total) for _, n, total in asked] == [("1", "2"), ("2", "2")]


def test_the_short_crossing_stops_only_where_a_camera_looks_at_faces(content):
    kinds = content.scenes.kiosk_path.stations
    for traveller in content.scenes.kiosk_path.travellers:
        chain = stations(content, traveller)
        stops = path_stops(content, "kiosk", chain)
        assert stops and all(chain[i].kind in kinds for i in stops)
        assert path_stops(content, "full", chain) == list(range(len(chain)))


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_a_page_that_shows_one_side_shows_the_other(content, lang, size):
    """On the kiosk's two decisions, the voice that supports today's practice and the one that criticises
    it are laid out on the same page (a visitor who never presses More still hears both sides)."""
    init_pygame(headless=True)
    try:
        game = Game(content, seed=1, size=size, kiosk=True, lang=lang)
        player = Driver(game, "touch")
        for key in ("start", content.scenes.kiosk_path.travellers[0], "continue", "board"):
            player.press(key)
        while game.scene.name in ("lab", "board"):
            briefs = {v.brief for v in game.scene.question.voices[:2]}
            pages = [{w.id for box in page for w in box.item.words} & briefs
                     for page in game.scene.laid_out()[1].pages]
            assert briefs in pages, f"{game.scene.name} ({lang}, {size}): the two voices on pages {pages}"
            player.press("next")
    finally:
        shutdown()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_kiosk_screen_fits_and_the_outcome_is_one_page_at_kiosk_size(content, lang):
    """Every screen a visitor meets on the kiosk path, for each traveller, at both sizes and every text size:
    nothing clipped or overlapping, every text on some page; at the kiosk's 1920x1080 and standard text, the
    outcome (what was decided, every record on its timeline) on one page, and the lane without the list of
    stations the crossing passes by."""
    from game.story.prefs import SPECS
    from game.ui.layout import problems
    init_pygame(headless=True)
    try:
        failures = []
        for size in ((1920, 1080), (1280, 720)):
            for scale in SPECS["text_scale"].choices:
                for traveller in content.scenes.kiosk_path.travellers:
                    game = Game(content, seed=1, size=size, kiosk=True, lang=lang)
                    game.ctx.run.prefs = game.ctx.run.prefs.set("text_scale", scale)
                    game.ctx.apply_prefs()
                    player = Driver(game, "touch")
                    for key in ("start", traveller, "continue", "board", "next", "next", None):
                        screen, laid = game.scene.laid_out()
                        where = f"{game.scene.name} as {traveller} {size} x{scale}"
                        failures += [f"{where}: {p}" for p in problems(laid)]
                        if game.scene.name == "lane":
                            ids = {w.id for i in screen.body[0].walk() for w in i.words}
                            assert "lane.legend" not in ids, f"{where}: the stations' list is shown"
                        if game.scene.name == "outcome" and size == (1920, 1080) and scale == 1.0:
                            assert len(laid.pages) == 1, f"{where}: the outcome takes {len(laid.pages)} pages"
                        if key:
                            player.press(key)
        assert failures == [], "\n".join(failures[:20])
    finally:
        shutdown()
