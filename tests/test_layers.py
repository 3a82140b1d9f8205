"""The layers hold: the model, the story and the content import without pygame, and only game/ui imports it."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

GAME = Path(__file__).resolve().parents[1] / "game"


def test_plain_layers_import_with_pygame_blocked():
    code = ("import sys; sys.modules['pygame'] = None\n"
            "import game.content, game.sim, game.story, game.story.run, game.story.prefs\n"
            "import pkgutil, importlib\n"
            "for pkg in (game.content, game.sim, game.story):\n"
            "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
            "        importlib.import_module(m.name)\n"
            "print('ok')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_only_ui_imports_pygame():
    offenders = []
    for path in GAME.rglob("*.py"):
        if path.relative_to(GAME).parts[0] == "ui":
            continue
        if re.search(r"^\s*(import pygame|from pygame)", path.read_text(encoding="utf-8"), re.MULTILINE):
            offenders.append(str(path.relative_to(GAME)))
    assert offenders == []


def test_ui_draws_screens_without_the_model_or_content_files():
    """game/ui lays out and paints what game/story says: it never imports the model and never reads
    the content's files or the model's parameters itself (issue 9)."""
    forbidden = re.compile(r"^\s*(import game\.sim|from game\.sim|from game\.content\.schema)|"
                           r"\.content\.files\b|\.world\.model\b|\.content\.model\b", re.MULTILINE)
    offenders = sorted(str(path.relative_to(GAME)) for path in (GAME / "ui").rglob("*.py")
                       if forbidden.search(path.read_text(encoding="utf-8")))
    assert offenders == []
