"""The class lesson from the title: the check before play, the lesson's travellers, the board, the
record, the check after; the code carries both rounds of answers, and nothing else is kept."""
from __future__ import annotations

import pytest

from game.story.code import Codebook
from game.ui.scenes.registry import make_scene

from .driver import DEVICES, Driver
from .test_board_flow import answer_every_question


def answer_check(driver: Driver, content, when: str, pick) -> dict[str, int]:
    """Answer every question of one round with `pick(item)`, by the driver's device; return the answers."""
    given = {}
    items = list(content.class_check.values())
    for n, item in enumerate(items):
        check = driver.scene
        assert check.name == "check" and check.when == when and check.index == n
        option = pick(item)
        driver.press(f"answer:{option}")
        given[item.id] = option
        assert driver.game.ctx.run.check[when][item.id] == option
        driver.press("next")
    return given


@pytest.mark.parametrize("device", DEVICES)
def test_the_lesson_checks_before_and_after_and_the_code_carries_both(game, content, device):
    driver = Driver(game, device)
    driver.press("class")
    run = game.ctx.run
    assert run.path == "class"
    before = answer_check(driver, content, "before", lambda item: 0)  # guesses: the first option each time
    assert driver.scene.name == "choose"
    lesson = content.scenes.class_path.travellers
    assert sorted(b.key for b in driver.scene.buttons if b.key in content.travellers) == sorted(lesson)
    for n, traveller in enumerate(lesson):
        assert driver.scene.name == "choose"
        driver.press(traveller)
        driver.press("start")
        while driver.scene.name == "lane":
            driver.press("continue")
        assert driver.scene.name == "outcome"
        driver.press("next" if n + 1 < len(lesson) else "board")
    answer_every_question(driver, content)
    record = driver.scene
    assert record.name == "record" and record.focused_key() == "check_after"
    driver.press("check_after")
    after = answer_check(driver, content, "after", lambda item: item.after.answer)  # all right
    assert driver.scene is record
    decoded = Codebook.of(content).decode(record.code())
    assert (decoded.before, decoded.after) == (before, after)
    said = " ".join(record.ctx.t(w.id, **dict(w.values)) for item in record.screen().body for i in item.walk()
                    for w in i.words)
    total = len(before)
    right_before = sum(item.before.answer == 0 for item in content.class_check.values())
    assert content.text("check_screen.result").format(before=right_before, after=total, total=total) in said
    assert "check_after" not in (b.key for b in record.buttons), "done once; the sandbox is first again"
    driver.press("title")
    assert game.ctx.run.check == {"before": {}, "after": {}}, "the next student starts with no answers"


def test_back_leaves_the_check_and_an_unanswered_question_stays_unanswered(game, content):
    driver = Driver(game, "keyboard")
    driver.press("class")
    driver.press("next")  # skip the first question
    assert driver.scene.index == 1
    driver.press("back")
    assert driver.scene.index == 0 and game.ctx.run.check["before"] == {}
    driver.press("back")
    assert driver.scene.name == "title"


def test_the_full_game_has_no_check(game, content):
    driver = Driver(game, "keyboard")
    driver.press("start")
    assert driver.scene.name == "choose"


def test_class_lesson_then_back_then_start_is_the_full_game(game, content):
    driver = Driver(game, "keyboard")
    driver.press("class")
    assert driver.scene.name == "check"
    driver.press("back")
    driver.press("start")
    assert driver.scene.name == "choose" and game.ctx.run.path == "full"


def test_a_check_left_half_way_can_be_taken_up_again(game, content):
    driver = Driver(game, "keyboard")
    game.ctx.run.path = "class"
    game.ctx.stack.push(make_scene("record", game.ctx))
    game.stack.apply()
    record = driver.scene
    driver.press("check_after")
    driver.press("answer:1")
    driver.press("back")  # from the first question: out of the check, one answer given
    assert driver.scene is record and game.ctx.run.check["after"]
    assert "check_after" in (b.key for b in record.buttons), "not done: still offered"
    said = " ".join(w.id for item in record.screen().body for i in item.walk() for w in i.words)
    assert "check_screen.result" not in said, "no score for a round not finished"
