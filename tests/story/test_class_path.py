"""The class path offers the lesson's travellers only, in the lesson's order; a full run offers all."""
from __future__ import annotations

from game.app.cli import build_parser
from game.story.run import Run
from game.story.views.choose import choose_screen


def _offered(screen) -> list[str]:
    return [c.key for c in screen.controls() if c.key != "back"]


def test_the_class_path_offers_the_lessons_travellers(content):
    lesson = content.scenes.class_path.travellers
    assert _offered(choose_screen(content, "class")) == lesson
    assert _offered(choose_screen(content)) == list(content.travellers)
    assert set(lesson) < set(content.travellers), "a lesson is a choice among the travellers"


def test_a_restart_stays_on_the_class_path():
    assert Run(seed=3, path="class").restart().path == "class"


def test_the_class_flag_chooses_the_class_path():
    parser = build_parser()
    assert parser.parse_args(["--class"]).lesson is True
    assert not getattr(parser.parse_args([]), "lesson", False)
