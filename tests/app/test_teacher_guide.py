"""The teacher guide (docs/teacher-guide*.md and their printable HTML): the HTML is what docs/render.py
makes now, the answer key is the content's, and the guide names every board question, every check
item, the screens' discussion prompts and question titles, so the printed guide cannot drift from the game."""
from __future__ import annotations

import html
import importlib.util
import re
from pathlib import Path

import pytest

from game.content import load_content

DOCS = Path(__file__).resolve().parents[2] / "docs"
LANGS = ("en", "es")


def _load_render():
    spec = importlib.util.spec_from_file_location("teacher_guide_render", DOCS / "render.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


render = _load_render()


@pytest.fixture(scope="module")
def content():
    return load_content()


def _md(lang: str) -> str:
    return render.GUIDES[lang].read_text(encoding="utf-8")


def _html(lang: str) -> str:
    path = render.GUIDES[lang].with_suffix(".html")
    assert path.exists(), f"{path.name} is missing: run python docs/render.py"
    return path.read_text(encoding="utf-8")


def _key_rows(page: str) -> list[str]:
    """The answer key's table rows, as HTML: the block render.py writes between its two markers."""
    start, end = page.index(render.KEY_START), page.index(render.KEY_END)
    return re.findall(r"<tr>(.*?)</tr>", page[start:end], re.S)[1:]  # the first row is the heading


@pytest.mark.parametrize("lang", LANGS)
def test_the_committed_files_are_what_render_makes_now(lang, content):
    md = _md(lang)
    assert render.with_key(md, content, lang) == md, (
        f"{render.GUIDES[lang].name}: its answer key differs from content/questions.yaml; run python docs/render.py")
    assert _html(lang) == render.render_html(md, lang), (
        f"{render.GUIDES[lang].with_suffix('.html').name} is stale; run python docs/render.py")


def test_render_check_reports_nothing_stale(capsys):
    assert render.main(["--check"]) == 0, capsys.readouterr().out


@pytest.mark.parametrize("lang", LANGS)
def test_the_guide_names_every_board_question_and_check_item(lang, content):
    page = _html(lang)
    for qid in content.questions:
        assert f"<code>{qid}</code>" in page, f"{lang}: board question {qid} is not in the guide"
    rows = _key_rows(page)
    for cid in content.class_check:
        assert sum(f"<code>{cid}</code>" in row for row in rows) == 1, f"{lang}: check item {cid} has no row in the key"


@pytest.mark.parametrize("lang", LANGS)
def test_the_key_gives_each_check_questions_right_answer_before_and_after(lang, content):
    strings = content.strings[lang]
    rows = _key_rows(_html(lang))
    items = content.class_check
    assert len(rows) == len(items)
    for item in items.values():
        row = next(r for r in rows if f"<code>{item.id}</code>" in r)
        letters = re.findall(r"<strong>([a-h])\.</strong>", row)
        assert letters == [render.letter(item.before.answer), render.letter(item.after.answer)], item.id
        shown = html.unescape(re.sub(r"<[^>]+>", "", row))
        for ask in (item.before, item.after):
            assert strings[ask.prompt] in shown and strings[ask.options[ask.answer]] in shown, item.id


def test_letters_count_from_a():
    assert [render.letter(i) for i in range(4)] == ["a", "b", "c", "d"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_guide_quotes_the_game_as_students_see_it(lang, content):
    """The record's discussion prompts, the board's question titles and the title screen's two buttons,
    word for word in the student's language, so the teacher reads what the class reads."""
    strings = content.strings[lang]
    shown = html.unescape(re.sub(r"<[^>]+>", "", _html(lang)))
    ids = [*content.files["questions.yaml"].discussion, *(q.title for q in content.questions.values()),
           "title.class", "title.teacher"]
    for text_id in ids:
        assert strings[text_id] in shown, f"{lang}: the guide does not quote {text_id}: {strings[text_id]!r}"


def test_the_key_block_is_required(content):
    with pytest.raises(ValueError, match="answer-key block"):
        render.with_key("# A guide with no key\n", content, "en")


def test_a_content_text_cannot_break_the_key_table():
    assert render._cell("a | b <c> *d*") == "a \\| b &lt;c&gt; \\*d\\*"
