"""Fonts are checked like content: a missing or broken one is an error `validate` reports, never a
FileNotFoundError when the game draws its first frame."""
from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest

from game.content import ContentErrors, assets, load_content


@pytest.fixture
def assets_copy(tmp_path: Path) -> Path:
    target = tmp_path / "assets"
    shutil.copytree(assets.ASSETS_ROOT, target)
    return target


def test_the_shipped_fonts_pass():
    assert assets.check_assets() == []


def test_ui_loads_the_fonts_the_content_layer_checks():
    from game.ui import text, theme
    assert theme.FONT_FILES is assets.FONT_FILES and text.FONT_DIR == assets.FONT_DIR


@pytest.mark.parametrize("damage, expected", [
    (lambda p: p.unlink(), "expected a font file; it is missing"),
    (lambda p: p.write_bytes(b""), "expected a TrueType or OpenType font; the file is something else"),
    (lambda p: p.write_bytes(b"<html>not found</html>"), "the file is something else"),
    (lambda p: p.write_bytes(p.read_bytes()[:2000]), "the file is cut short"),
    (lambda p: (p.unlink(), p.mkdir()), "expected a font file; got a folder"),
])
def test_a_broken_font_is_a_content_error(assets_copy, damage, expected):
    damage(assets_copy / "fonts" / assets.FONT_FILES["bold"])
    with pytest.raises(ContentErrors) as caught:
        load_content(assets=assets_copy)
    [error] = [str(e) for e in caught.value.errors]
    assert error == f"assets/fonts/{assets.FONT_FILES['bold']}: fonts.bold: {expected}" or expected in error


def test_validate_without_the_fonts_folder(assets_copy, monkeypatch):
    from game.app.cli import main
    shutil.rmtree(assets_copy / "fonts")
    monkeypatch.setattr(assets, "ASSETS_ROOT", assets_copy)
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main(["validate"]) == 2
    lines = err.getvalue().splitlines()
    assert len(lines) == len(assets.FONT_FILES) + 1 and "Traceback" not in err.getvalue()
    assert all(line.startswith("assets/fonts/SourceSansPro-") and ": fonts." in line for line in lines[:-1])
