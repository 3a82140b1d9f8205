"""Shared fixtures. Tests run headless: SDL's dummy video and audio drivers, set before pygame loads."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from game.content import DEFAULT_ROOT, load_content  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def content():
    return load_content()


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the real content folder, for mutation tests."""
    target = tmp_path / "content"
    shutil.copytree(DEFAULT_ROOT, target)
    return target


@pytest.fixture(autouse=True)
def speech_engine(monkeypatch):
    """Read aloud in tests speaks to a fake engine that records each utterance (never the real one,
    which would talk over the test run); tests/ui/test_voice.py tests the real engines."""
    from game.ui import voice
    engine = voice.FakeEngine(at_once=True)
    monkeypatch.setattr(voice, "find_engine", lambda: engine)
    return engine
