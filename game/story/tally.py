"""A class's codes tallied: what the class chose on each question, and what the check says it learned.

Shared by the teacher's screen and `face-value codes`, so both show (and the CSV holds) the same
figures. No names: a code carries choices and answers only.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterator

from .code import AFTER, BEFORE, CodeError, Codebook, normalise
from .screen import Words

SEPARATORS = re.compile(r"[\n\r,;\t]+")
REASONS = {"characters": "teacher.bad.characters", "version": "teacher.bad.version",
           "length": "teacher.bad.length", "typo": "teacher.bad.typo", "fit": "teacher.bad.fit"}


def why(error: CodeError) -> Words:
    """Why a code was not read, in the reader's language (the screen and the command say the same)."""
    return Words.of(REASONS.get(error.kind, "teacher.bad.other"), error.values)


def split_codes(text: str, length: int) -> list[str]:
    """The codes in pasted or typed text: one per line (or between commas), or several on a line
    separated by spaces; a code shown in groups ("7K3QA 2B9XZ 000ZR") is one code. On a line, the
    fewest pieces from here that make exactly a code's length are one code; a piece that starts no
    code is kept as typed, to be reported, and so is the rest of a line too short to be a code (a code
    with characters left off is one code not read, not three)."""
    codes: list[str] = []
    for line in SEPARATORS.split(text):
        pieces, start = line.split(), 0
        while start < len(pieces):
            end, size = start, 0
            while end < len(pieces) and size < length:
                end += 1
                size = len(normalise("".join(pieces[start:end])))
            if size == length:
                codes.append(" ".join(pieces[start:end]))
                start = end
            elif size < length:
                codes.append(" ".join(pieces[start:]))
                break
            else:
                codes.append(pieces[start])
                start += 1
    return codes


@dataclass
class Phase:
    """The check at one end of the lesson: per item, how many answered and how many were right."""

    answered: Counter = field(default_factory=Counter)
    right: Counter = field(default_factory=Counter)
    students: int = 0      # codes with at least one answer here
    scores: list[int] = field(default_factory=list)  # each such student's right answers

    def share(self, item: str) -> float | None:
        return self.right[item] / self.answered[item] if self.answered[item] else None

    def mean(self) -> float | None:
        return sum(self.scores) / len(self.scores) if self.scores else None


@dataclass
class ClassTally:
    codebook: Codebook
    total: int = 0
    bad: list[tuple[str, Words]] = field(default_factory=list)  # (the code as typed, why it was not read)
    choices: dict[str, Counter] = field(default_factory=dict)  # slot -> option index -> players
    dragged: int = 0
    phases: dict[str, Phase] = field(default_factory=lambda: {BEFORE: Phase(), AFTER: Phase()})

    @property
    def read(self) -> int:
        return self.total - len(self.bad)

    def gain(self, item: str) -> float | None:
        """After minus before, as a share of those who answered each (None until both have answers)."""
        before, after = self.phases[BEFORE].share(item), self.phases[AFTER].share(item)
        return None if before is None or after is None else after - before

    def rows(self) -> Iterator[tuple[str, ...]]:
        """The tally as a table (the CSV): one row per option chosen, then one per check item."""
        yield ("kind", "id", "option", "count", "before_right", "before_answered", "after_right", "after_answered")
        for slot, options in self.codebook.slots:
            for index in range(len(options)):
                yield ("choice", slot, str(index + 1), str(self.choices[slot][index]), "", "", "", "")
        for item in self.codebook.check:
            b, a = self.phases[BEFORE], self.phases[AFTER]
            yield ("check", item, "", "", str(b.right[item]), str(b.answered[item]), str(a.right[item]),
                   str(a.answered[item]))
        yield ("codes", "read", "", str(self.read), "", "", "", "")
        yield ("codes", "not_read", "", str(len(self.bad)), "", "", "", "")


def tally(codebook: Codebook, codes: list[str]) -> ClassTally:
    result = ClassTally(codebook, total=len(codes), choices={slot: Counter() for slot, _ in codebook.slots})
    for code in codes:
        try:
            decoded = codebook.decode(code)
        except CodeError as error:
            result.bad.append((code, why(error)))
            continue
        result.dragged += decoded.threshold is not None
        for slot, index in decoded.decisions.items():
            result.choices[slot][index] += 1
        for when, answers in ((BEFORE, decoded.before), (AFTER, decoded.after)):
            if not answers:
                continue
            phase = result.phases[when]
            phase.students += 1
            right = 0
            for item, answer in answers.items():
                phase.answered[item] += 1
                correct = codebook.check[item].right(when, answer)
                phase.right[item] += correct
                right += correct
            phase.scores.append(right)
    return result

