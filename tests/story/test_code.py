"""Decision codes: every choice and every check answer round-trips; a damaged code, or one made for
other content, is refused with a reason a teacher can act on."""
from __future__ import annotations

import itertools
import random

import pytest

from game.content import load_content
from game.story.code import ALPHABET, CodeError, Codebook, Decoded, _check, normalise
from tests.content.edits import mutate


@pytest.fixture(scope="module")
def book(content):
    return Codebook.of(content)


def all_decisions(book):
    for combo in itertools.product(*(range(len(options)) for _, options in book.slots)):
        yield dict(zip((slot for slot, _ in book.slots), combo))


def test_every_combination_of_choices_round_trips(book):
    seen = set()
    for decisions in all_decisions(book):
        code = book.encode(decisions, None)
        assert len(normalise(code)) == book.length and set(normalise(code)) <= set(ALPHABET)
        assert book.decode(code) == Decoded(decisions, None)
        seen.add(code)
    assert len(seen) == len(list(all_decisions(book)))  # no two choices share a code


def test_check_answers_round_trip_with_the_choices(book):
    rng = random.Random(3)
    items = list(book.check.items())
    assert 5 <= len(items) <= 6
    for _ in range(300):
        decisions = {slot: rng.randrange(len(options)) for slot, options in book.slots}
        before = {cid: rng.randrange(len(item.before.options)) for cid, item in items if rng.random() < 0.9}
        after = {cid: rng.randrange(len(item.after.options)) for cid, item in items if rng.random() < 0.9}
        score = rng.choice([None, 3.5, 5.1])
        back = book.decode(book.encode(decisions, score, before, after))
        assert (back.decisions, back.before, back.after) == (decisions, before, after)
        assert (back.threshold is None) == (score is None)


@pytest.mark.parametrize("score", [2.0, 3.55, 4.26, 6.8, 8.0])
def test_dragged_threshold_round_trips_on_its_grid(book, score):
    assert book.decode(book.encode({}, score)).threshold == pytest.approx(score, abs=0.025)


def test_codes_read_back_forgivingly(book):
    decisions = {slot: len(options) - 1 for slot, options in book.slots}
    code = book.encode(decisions, None, {"capture": 2})
    typed = f" {code.lower().replace('-', ' ')} ".replace("1", "l").replace("0", "o")
    assert book.decode(typed).decisions == decisions and book.decode(typed).before == {"capture": 2}


def test_damaged_codes_are_refused_with_a_reason(book):
    rng = random.Random(5)
    code = normalise(book.encode({slot: 1 for slot, _ in book.slots}, 4.5, {"capture": 0}, {"readers": 1}))
    with pytest.raises(CodeError, match=f"has {book.length} characters; this one has {book.length - 1}"):
        book.decode(code[:-1])
    with pytest.raises(CodeError, match="only letters and digits"):
        book.decode(code[:-1] + "!")
    typos = 0
    for position in range(len(code)):
        for replacement in rng.sample(ALPHABET, 6):
            if replacement == code[position]:
                continue
            try:
                book.decode(code[:position] + replacement + code[position + 1:])
            except CodeError as error:
                typos += "typo" in str(error) or "does not fit" in str(error) or "version" in str(error)
    assert typos >= 80  # nearly every single-character change is caught


def test_a_code_from_before_a_content_change_is_refused_as_such(content, content_copy):
    """The version comes from what the code encodes: an added option, or a check answer key moved,
    and yesterday's codes are refused, naming the version, never decoded into other answers."""
    book = Codebook.of(content)
    code = book.encode({slot: 0 for slot, _ in book.slots}, None, {"capture": 1}, {"capture": 2})
    mutate(content_copy, "questions.yaml", "options: [check.capture.after.a, check.capture.after.b, "
           "check.capture.after.c, check.capture.after.d], answer: 2",
           "options: [check.capture.after.a, check.capture.after.b, check.capture.after.c, check.capture.after.d], "
           "answer: 1")
    changed = Codebook.of(load_content(content_copy))
    assert changed.version != book.version and changed.length == book.length
    with pytest.raises(CodeError, match="version of the game with other questions or answers"):
        changed.decode(code)
    assert changed.decode(changed.encode({}, None, after={"capture": 2})).after == {"capture": 2}


def test_an_old_eight_character_code_is_refused_as_another_version(book):
    body = "B" + "0A3K7"  # how version B wrote its codes: one version character, five payload, two check
    with pytest.raises(CodeError, match="version"):
        book.decode(body + _check(body))
