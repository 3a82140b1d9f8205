"""Content errors: each names the file, the line, the key path and what was expected."""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class ContentError:
    """One problem in one content file, printable as `file:line: path: message`."""

    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class ContentErrors(Exception):
    """Every error found in a content folder, raised once, after all files were read."""

    def __init__(self, errors: Iterable[ContentError]):
        self.errors = sorted(set(errors), key=lambda e: (e.file, e.line or 0, e.path, e.message))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        lines = [str(e) for e in self.errors]
        lines.append(f"{count} content error{'s' if count != 1 else ''}; the game will not start until they are fixed.")
        return "\n".join(lines)


def nearest(value: str, choices: Iterable[str]) -> str | None:
    """The closest valid id to a mistyped one, for 'did you mean' hints."""
    found = difflib.get_close_matches(str(value), list(choices), n=1, cutoff=0.5)
    return found[0] if found else None


def one_of(choices: Iterable[str], got: object) -> str:
    """The 'expected one of …; got …' message, with a suggestion when one is close."""
    options = sorted(str(c) for c in choices)
    hint = nearest(str(got), options)
    tail = f" (did you mean '{hint}'?)" if hint and hint != got else ""
    if len(options) > 20:
        return f"got {got!r}, which is not one of the {len(options)} known ids{tail}"
    return f"expected one of {', '.join(options)}; got {got!r}{tail}"
