"""The lab's challenge in content: its travellers exist and play their parts, its goal is a whole number
the lab's grid can reach, and only the threshold lab has one."""
from __future__ import annotations

import pytest

from .edits import errors_of, mutate

CHALLENGE = "challenge: {impostor: impostor, affected: child, pass_one_in: 1000}"


@pytest.mark.parametrize("edit, words", [
    ("challenge: {impostor: child, affected: child, pass_one_in: 1000}", "with `impostor: true`"),
    ("challenge: {impostor: impostor, affected: impostor, pass_one_in: 1000}", "without `impostor: true`"),
    ("challenge: {impostor: luis, affected: child, pass_one_in: 1000}", "impostor"),
    ("challenge: {impostor: impostor, affected: child, pass_one_in: 1e9}", "a whole number of people"),
    ("challenge: {impostor: impostor, affected: child, pass_one_in: 99.5}", "a whole number of people"),
])
def test_a_broken_challenge_is_one_error_in_questions(content_copy, edit, words):
    line = mutate(content_copy, "questions.yaml", CHALLENGE, edit)
    errors = errors_of(content_copy)
    assert len(errors) == 1 and "questions.yaml" in errors[0] and words in errors[0], errors
    assert f":{line}" in errors[0]


def test_only_the_threshold_lab_has_a_challenge(content_copy):
    mutate(content_copy, "questions.yaml", "    kind: choice\n", f"    kind: choice\n    {CHALLENGE}\n")
    errors = errors_of(content_copy)
    assert len(errors) == 1 and "only the threshold lab" in errors[0], errors
