"""Decision codes: every board choice, and the class check's answers before and after play, in a
code a student can copy by hand and a teacher can tally with no network and no names.

Layout: two version characters, the payload (a mixed-radix number: one digit per board choice, the
dragged threshold on a fixed grid, then one digit per check answer, 0 for none), two check
characters; shown in groups of five, separated by spaces. The version is derived from what the code encodes (the slots
and their option counts, the threshold grid, the check's items, options and answer keys), so a code
made before the content changed is refused as such, never read as other answers. Crockford's base-32
alphabet has no I, L, O or U, so a code read aloud or copied by hand survives; lower case, spaces,
hyphens and the look-alikes I/L (for 1) and O (for 0) are accepted when typing one in.
"""
from __future__ import annotations

import math
import zlib
from dataclasses import dataclass, field
from typing import Any

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
VERSION_CHARS = 2
CHECK_CHARS = 2
GROUP = 5  # characters in each group of a shown code
THRESHOLD_LOW, THRESHOLD_STEP, THRESHOLD_STEPS = 2.0, 0.05, 120  # the lab's grid: 2.0 to 8.0
BEFORE, AFTER = "before", "after"


class CodeError(ValueError):
    """A code that is not one this game made: wrong length, characters, check or version. `kind` says which
    (characters, version, length, typo, fit) and `values` the figures in the message, so a screen can say
    it in the reader's language (game.story.views.teacher)."""

    def __init__(self, message: str, kind: str = "other", **values: str):
        super().__init__(message)
        self.kind, self.values = kind, values


def decision_slots(questions: dict[str, Any]) -> list[tuple[str, list[Any]]]:
    """Every choice the board records, in order: each question's options, and where a question has an
    algorithm choice (the threshold lab's "Which algorithm?"), that as a slot of its own."""
    slots: list[tuple[str, list[Any]]] = []
    for qid, question in questions.items():
        slots.append((qid, question.options))
        if question.algorithm:
            slots.append((f"{qid}.algorithm", question.algorithm))
    return slots


@dataclass(frozen=True)
class Decoded:
    """What a code says: the board's choices by slot, the dragged threshold (None if not dragged), and
    the check's answers before and after play by item (an item left unanswered is absent)."""

    decisions: dict[str, int]
    threshold: float | None
    before: dict[str, int] = field(default_factory=dict)
    after: dict[str, int] = field(default_factory=dict)


class Codebook:
    """Codes for one content: `questions` (the board's) and `check` (the class check's items)."""

    def __init__(self, questions: dict[str, Any], check: dict[str, Any] | None = None):
        self.slots = decision_slots(questions)
        self.check = dict(check or {})
        self.radices = ([len(options) for _, options in self.slots] + [THRESHOLD_STEPS + 2]
                        + [len(getattr(item, when).options) + 1 for when in (BEFORE, AFTER) for item in self.check.values()])
        self.payload_chars = _digits_for(math.prod(self.radices))
        self.length = VERSION_CHARS + self.payload_chars + CHECK_CHARS
        self.version = _to_base32(zlib.crc32(self._shape().encode()) % 32 ** VERSION_CHARS, VERSION_CHARS)

    @classmethod
    def of(cls, content: Any) -> "Codebook":
        return cls(content.questions, content.class_check)

    def _shape(self) -> str:
        """Everything a code's digits mean: a change here changes the version."""
        check = [(cid, len(getattr(item, when).options), getattr(item, when).answer)
                 for cid, item in self.check.items() for when in (BEFORE, AFTER)]
        slots = [(slot, len(options)) for slot, options in self.slots]
        return repr((slots, (THRESHOLD_LOW, THRESHOLD_STEP, THRESHOLD_STEPS), check))

    def encode(self, decisions: dict[str, int], threshold_score: float | None,
               before: dict[str, int] | None = None, after: dict[str, int] | None = None) -> str:
        """The code, in groups of five; slots not given count as their first option, check items
        not given as unanswered."""
        digits = [decisions.get(slot, 0) for slot, _ in self.slots] + [_threshold_digit(threshold_score)]
        for answers in (before or {}, after or {}):
            digits += [answers[cid] + 1 if cid in answers else 0 for cid in self.check]
        value = 0
        for digit, radix in zip(digits, self.radices):
            value = value * radix + digit
        body = self.version + _to_base32(value, self.payload_chars)
        return grouped(body + _check(body))

    def decode(self, code: str) -> Decoded:
        """What a code says; CodeError says what is wrong with a bad one, in words a teacher can act on."""
        text = normalise(code)
        bad = sorted({c for c in text if c not in ALPHABET})
        if bad:
            raise CodeError(f"a decision code uses only letters and digits; this one has {''.join(bad)}",
                            "characters", chars="".join(bad))
        if len(text) >= VERSION_CHARS and text[:VERSION_CHARS] != self.version and _check_ok(text):
            raise CodeError("this code was made by a version of the game with other questions or answers; "
                            "it cannot be read by this one (ask for a code from this version)", "version")
        if len(text) != self.length:
            raise CodeError(f"a decision code has {self.length} characters; this one has {len(text)}", "length",
                            expected=str(self.length), got=str(len(text)))
        if not _check_ok(text):
            raise CodeError("this code has a typo: its last two characters do not match the rest", "typo")
        value = 0
        for char in text[VERSION_CHARS:-CHECK_CHARS]:
            value = value * 32 + ALPHABET.index(char)
        digits = []
        for radix in reversed(self.radices):
            value, digit = divmod(value, radix)
            digits.append(digit)
        digits.reverse()
        if value:
            raise CodeError("this code does not fit this game's questions", "fit")
        n = len(self.slots)
        decisions = dict(zip((slot for slot, _ in self.slots), digits[:n]))
        threshold = digits[n]
        score = None if threshold == 0 else THRESHOLD_LOW + (threshold - 1) * THRESHOLD_STEP
        answers = digits[n + 1:]
        before, after = answers[:len(self.check)], answers[len(self.check):]
        pick = lambda given: {cid: d - 1 for cid, d in zip(self.check, given) if d}  # noqa: E731
        return Decoded(decisions, score, pick(before), pick(after))


def _digits_for(values: int) -> int:
    """Base-32 characters enough to write any of `values` numbers (0 to values - 1); integers, no rounding."""
    chars = 1
    while 32 ** chars < values:
        chars += 1
    return chars


def _threshold_digit(score: float | None) -> int:
    if score is None:
        return 0
    step = round((score - THRESHOLD_LOW) / THRESHOLD_STEP)
    return 1 + min(max(step, 0), THRESHOLD_STEPS)


def _check(body: str) -> str:
    return _to_base32(zlib.crc32(body.encode()) % (32 ** CHECK_CHARS), CHECK_CHARS)


def _check_ok(text: str) -> bool:
    """The check characters match: the code is as its game made it (whichever version that was)."""
    return len(text) > CHECK_CHARS + VERSION_CHARS and _check(text[:-CHECK_CHARS]) == text[-CHECK_CHARS:]


def _to_base32(value: int, width: int) -> str:
    chars = []
    for _ in range(width):
        value, digit = divmod(value, 32)
        chars.append(ALPHABET[digit])
    if value:
        raise ValueError("value too large for the code")
    return "".join(reversed(chars))


def grouped(code: str) -> str:
    """A code in groups of five, easier to copy and to read aloud (and a narrow screen breaks the line
    between groups, never inside one): 7K3QA 2B9XZ ..."""
    return " ".join(code[i:i + GROUP] for i in range(0, len(code), GROUP))


def normalise(code: str) -> str:
    text = code.strip().upper().replace("-", "").replace(" ", "")
    return text.translate(str.maketrans({"I": "1", "L": "1", "O": "0"}))
