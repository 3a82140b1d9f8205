"""The glossary: every term explained in every language; a term on a screen is underlined, gets a target
over its words inside the text's box, and opens its one sentence by keyboard, mouse, touch and gamepad."""
from __future__ import annotations

import pytest

from game.story import glossary
from game.ui.runtime import Game, init_pygame, shutdown
from game.ui.scenes import make_scene
from game.ui.screens import TERM, style

from .driver import Driver
from .test_playthrough import DEVICES

FACT = "one-to-one"   # a fact whose text names a term, in both languages: "The land-port system is one-to-one"
TERM_ID = "one-to-one"


@pytest.fixture
def game(content):
    init_pygame(headless=True)
    yield Game(content, seed=1, size=(1280, 720))
    shutdown()


def open_fact(game: Game, lang: str):
    """'How do we know?' over the title, showing one fact, in `lang`."""
    ctx = game.ctx
    ctx.run.prefs = ctx.run.prefs.set("language", lang)
    game.stack.push(make_scene("source", ctx, facts=[FACT]))
    game.stack.apply()
    game.step()
    return game.scene


def test_every_term_is_explained_in_every_language(content):
    for lang, table in content.strings.items():
        found = glossary.for_language(content, lang)
        for term in content.scenes.glossary:
            for part in ("term", "means", "forms"):
                assert table.get(f"glossary.{term}.{part}", "").strip(), f"{lang}: glossary.{term}.{part} is missing"
            means = table[f"glossary.{term}.means"]
            assert [f.term for f in found.find(means) if f.term == term], \
                f"{lang}: the sentence for {term} does not name it in any of its forms"


def test_forms_match_whole_words_and_acronyms_only_in_capitals(content):
    found = glossary.for_language(content, "en")
    assert [f.term for f in found.find("Sent to secondary inspection, then secondary again")] == ["secondary"]
    assert found.find("a threshold; thresholds") == [glossary.Found("threshold", 2, 11)]
    assert found.find("Hearts and tecs and identity") == []
    assert [f.term for f in found.find("a false non-match, not a false match")] == ["false-non-match", "false-match"]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_term_gets_a_target_over_its_words_inside_the_text(game, content, lang):
    scene = open_fact(game, lang)
    _, laid = scene.laid_out()
    text = next(b for b in laid.boxes(scene.page) if b.item.words and b.item.words[0].id == content.facts[FACT].text)
    target = next(b for b in scene.buttons if b.key == TERM + TERM_ID)
    assert text.rect.contains(target.rect)
    keys = [b.key for b in scene.buttons]
    assert len(keys) == len(set(keys)), "each term once a page"
    first_term = next(i for i, k in enumerate(keys) if k.startswith(TERM))
    assert all(k.startswith(TERM) for k in keys[first_term:]), "terms come after the screen's own controls"
    # the words under the target are the term's, measured in the text's own font
    size, weight, _ = style(game.ctx, text.item.role)
    font = game.ctx.text.font(size, weight)
    line = text.lines[(target.rect.y - text.rect.y) // font.get_linesize()]
    form = next(f for f in glossary.forms(content, TERM_ID, lang) if f.lower() in line.lower())
    start = line.lower().index(form.lower())
    assert target.rect.x - text.rect.x == font.size(line[:start])[0]
    assert target.rect.w == font.size(line[start:start + len(form)])[0]
    # a dotted underline is drawn under the words (a shape, not colour alone)
    mark = next(m for m in scene.terms if m.term == TERM_ID)
    canvas = game.display.canvas
    accent = tuple(game.ctx.palette.accent)
    dots = [canvas.get_at((x, mark.underline))[:3] for x in range(mark.rect.left, mark.rect.right)]
    assert dots.count(accent) >= mark.rect.w // 3


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("device", DEVICES)
def test_pressing_a_term_opens_its_sentence(game, content, device, lang):
    source = open_fact(game, lang)
    driver = Driver(game, device)
    driver.press(TERM + TERM_ID)
    dialog = driver.scene
    assert dialog.name == "term" and dialog.term == TERM_ID
    _, laid = dialog.laid_out()
    shown = [" ".join(b.lines) for b in laid.boxes(dialog.page) if b.item.kind == "text"]
    assert content.text(f"glossary.{TERM_ID}.term", lang) in shown
    assert content.text(f"glossary.{TERM_ID}.means", lang) in shown
    assert not [b for b in dialog.buttons if b.key.startswith(TERM)], "the term's own words are not marked again"
    driver.press("close")
    assert driver.scene is source


def test_arrows_keep_to_the_controls(game, content):
    """Terms are reached by Tab, after the controls; the arrow keys move among the controls as before."""
    scene = open_fact(game, "en")
    driver = Driver(game, "keyboard")
    assert scene.focused_key() == "close"
    driver.signal("right")
    assert scene.focused_key() == "calibration"
    driver.signal("right")
    assert not scene.focused_key().startswith(TERM)
