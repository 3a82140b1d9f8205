"""The game most UI tests drive: headless, seed 7, at 1280x720 (a test file may define its own)."""
from __future__ import annotations

import pytest

from game.ui.runtime import Game, init_pygame, shutdown


@pytest.fixture
def game(content):
    init_pygame(headless=True)
    yield Game(content, seed=7, size=(1280, 720))
    shutdown()
