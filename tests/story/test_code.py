"""Decision codes: every choice round-trips through eight characters; a damaged code is refused clearly."""
from __future__ import annotations

import itertools
import random

import pytest

from game.story.code import ALPHABET, CodeError, decision_slots, decode, encode


def all_decisions(questions):
    slots = decision_slots(questions)
    for combo in itertools.product(*(range(len(options)) for _, options in slots)):
        yield dict(zip((slot for slot, _ in slots), combo))


def test_every_combination_round_trips(content):
    questions = content.questions
    seen = set()
    for decisions in all_decisions(questions):
        code = encode(questions, decisions, None)
        assert 8 <= len(code) <= 10 and set(code) <= set(ALPHABET)
        assert decode(questions, code) == (decisions, None)
        seen.add(code)
    assert len(seen) == len(list(all_decisions(questions)))  # no two choices share a code


@pytest.mark.parametrize("score", [2.0, 3.55, 4.26, 6.8, 8.0])
def test_dragged_threshold_round_trips_on_its_grid(content, score):
    decisions = {slot: 0 for slot, _ in decision_slots(content.questions)}
    _, back = decode(content.questions, encode(content.questions, decisions, score))
    assert back == pytest.approx(score, abs=0.025)


def test_codes_read_back_forgivingly(content):
    decisions = {slot: len(options) - 1 for slot, options in decision_slots(content.questions)}
    code = encode(content.questions, decisions, None)
    typed = f" {code[:4].lower()}-{code[4:]} ".replace("1", "l").replace("0", "o")
    assert decode(content.questions, typed)[0] == decisions


def test_damaged_codes_are_refused_with_a_reason(content):
    questions = content.questions
    rng = random.Random(5)
    code = encode(questions, {q: 1 for q in questions}, 4.5)
    with pytest.raises(CodeError, match="has 8 characters; this one has 7"):
        decode(questions, code[:-1])
    with pytest.raises(CodeError, match="only letters and digits"):
        decode(questions, code[:-1] + "!")
    with pytest.raises(CodeError, match="another version"):
        decode(questions, "Z" + code[1:])
    typos = 0
    for position in range(1, len(code)):
        for replacement in rng.sample(ALPHABET, 6):
            if replacement == code[position]:
                continue
            damaged = code[:position] + replacement + code[position + 1:]
            try:
                decode(questions, damaged)
            except CodeError as error:
                typos += "typo" in str(error) or "does not fit" in str(error)
    assert typos >= 30  # nearly every single-character change is caught by the check characters
