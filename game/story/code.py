"""Decision codes: every board choice in 8 characters, so a class's choices can be gathered by hand.

Layout: one version character, five payload characters (a mixed-radix number: one digit per
question, plus the dragged threshold on a fixed grid), two check characters. Crockford's
base-32 alphabet has no I, L, O or U, so a code read aloud or copied by hand survives; lower
case and the look-alikes I/L (for 1) and O (for 0) are accepted when typing one in.
"""
from __future__ import annotations

import zlib
from typing import Any

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
VERSION = "B"  # B: the lab's algorithm choice, and a fourth option for non-citizens' photos
PAYLOAD_CHARS = 5
CHECK_CHARS = 2
THRESHOLD_LOW, THRESHOLD_STEP, THRESHOLD_STEPS = 2.0, 0.05, 120  # the lab's grid: 2.0 to 8.0


class CodeError(ValueError):
    """A code that is not one this game made: wrong length, characters or check."""


def decision_slots(questions: dict[str, Any]) -> list[tuple[str, list[Any]]]:
    """Every choice the board records, in order: each question's options, and where a question has an
    algorithm choice (the threshold lab's "Which algorithm?"), that as a slot of its own."""
    slots: list[tuple[str, list[Any]]] = []
    for qid, question in questions.items():
        slots.append((qid, question.options))
        if question.algorithm:
            slots.append((f"{qid}.algorithm", question.algorithm))
    return slots


def _radices(questions: dict[str, Any]) -> list[int]:
    return [len(options) for _, options in decision_slots(questions)] + [THRESHOLD_STEPS + 2]


def _threshold_digit(score: float | None) -> int:
    if score is None:
        return 0
    step = round((score - THRESHOLD_LOW) / THRESHOLD_STEP)
    return 1 + min(max(step, 0), THRESHOLD_STEPS)


def _check(body: str) -> str:
    value = zlib.crc32(body.encode()) % (32 ** CHECK_CHARS)
    return _to_base32(value, CHECK_CHARS)


def _to_base32(value: int, width: int) -> str:
    chars = []
    for _ in range(width):
        value, digit = divmod(value, 32)
        chars.append(ALPHABET[digit])
    if value:
        raise ValueError("value too large for the code")
    return "".join(reversed(chars))


def encode(questions: dict[str, Any], decisions: dict[str, int], threshold_score: float | None) -> str:
    """The code for these decisions (keyed by slot, see decision_slots); slots not given count as their
    first option."""
    value = 0
    for (slot, _), radix in zip(decision_slots(questions), _radices(questions)):
        value = value * radix + decisions.get(slot, 0)
    value = value * _radices(questions)[-1] + _threshold_digit(threshold_score)
    body = VERSION + _to_base32(value, PAYLOAD_CHARS)
    return body + _check(body)


def normalise(code: str) -> str:
    text = code.strip().upper().replace("-", "").replace(" ", "")
    return text.translate(str.maketrans({"I": "1", "L": "1", "O": "0"}))


def decode(questions: dict[str, Any], code: str) -> tuple[dict[str, int], float | None]:
    """Decisions and dragged threshold from a code; CodeError says what is wrong with a bad one."""
    text = normalise(code)
    size = 1 + PAYLOAD_CHARS + CHECK_CHARS
    if len(text) != size:
        raise CodeError(f"a decision code has {size} characters; this one has {len(text)}")
    bad = sorted({c for c in text if c not in ALPHABET})
    if bad:
        raise CodeError(f"a decision code uses only letters and digits; this one has {''.join(bad)}")
    if text[0] != VERSION:
        raise CodeError(f"this code was made by another version of the game (it starts with {text[0]})")
    body, check = text[:-CHECK_CHARS], text[-CHECK_CHARS:]
    if _check(body) != check:
        raise CodeError("this code has a typo: its last two characters do not match the rest")
    value = 0
    for char in body[1:]:
        value = value * 32 + ALPHABET.index(char)
    radices = _radices(questions)
    digits = []
    for radix in reversed(radices):
        value, digit = divmod(value, radix)
        digits.append(digit)
    digits.reverse()
    if value:
        raise CodeError("this code does not fit this game's questions")
    *answers, threshold = digits
    decisions = dict(zip((slot for slot, _ in decision_slots(questions)), answers))
    score = None if threshold == 0 else THRESHOLD_LOW + (threshold - 1) * THRESHOLD_STEP
    return decisions, score
