"""Editing a copy of the real content, for tests that check what validation says about the edit."""
from __future__ import annotations

from pathlib import Path

import pytest

from game.content import ContentErrors, load_content


def mutate(root: Path, name: str, old: str, new: str, count: int = 1) -> int:
    """Replace `old` in a content file; return the 1-based line of the first change."""
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}: update the test to today's content"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def errors_of(root: Path) -> list[str]:
    """Every error loading `root` reports, as the player-facing lines."""
    with pytest.raises(ContentErrors) as caught:
        load_content(root)
    return [str(e) for e in caught.value.errors]
