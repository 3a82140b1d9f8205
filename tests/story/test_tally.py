"""A class's codes as the teacher pastes them: split however they were collected, then tallied."""
from __future__ import annotations

import pytest

from game.story.code import Codebook
from game.story.tally import split_codes, tally


@pytest.fixture(scope="module")
def book(content):
    return Codebook.of(content)


def test_codes_are_found_however_the_class_wrote_them(book):
    code = book.encode({}, None, {"capture": 1})
    plain = code.replace(" ", "")
    text = f"{code}\n{plain.lower()}, {code.replace(' ', '-')}; oops {code}\n\n  {plain} {plain}\t{code}"
    found = split_codes(text, book.length)
    assert found.count("oops") == 1 and len(found) == 8
    assert [book.decode(c) for c in found if c != "oops"] == [book.decode(code)] * 7


def test_the_tally_counts_choices_scores_and_gains(book):
    items = list(book.check.values())
    first_slot = book.slots[0][0]
    right = lambda when: {i.id: getattr(i, when).answer for i in items}  # noqa: E731
    wrong = lambda when: {i.id: (getattr(i, when).answer + 1) % len(getattr(i, when).options) for i in items}  # noqa: E731
    codes = [book.encode({first_slot: 1}, None, wrong("before"), right("after")),
             book.encode({first_slot: 1}, None, right("before"), right("after")),
             book.encode({first_slot: 0}, 5.0, wrong("before")),  # left before the second round
             "NOT A CODE"]
    result = tally(book, codes)
    assert (result.total, result.read, result.dragged) == (4, 3, 1)
    assert result.bad[0][0] == "NOT A CODE" and result.bad[0][1]
    assert result.choices[first_slot][1] == 2 and result.choices[first_slot][0] == 1
    before, after = result.phases["before"], result.phases["after"]
    assert (before.students, after.students) == (3, 2)
    assert before.scores == [0, len(items), 0] and after.mean() == len(items)
    for item in items:
        assert before.share(item.id) == pytest.approx(1 / 3) and after.share(item.id) == 1
        assert result.gain(item.id) == pytest.approx(2 / 3)
    rows = list(result.rows())
    assert ("check", items[0].id, "", "", "1", "3", "2", "2") in rows
    assert ("codes", "not_read", "", "1", "", "", "", "") in rows
