"""The files the game needs besides content/: fonts, named in one place that game/ui reads too.

A missing or unreadable font is a content error like any other, found by `face-value validate` and
at every load, so the game never meets a FileNotFoundError at its first frame. No pygame here: a
font is checked as a file (there, readable, a TrueType or OpenType font with tables that fit inside it).
"""
from __future__ import annotations

import struct
from pathlib import Path

from .content import data_folder
from .errors import ContentError

ASSETS_ROOT = data_folder("assets")
FONT_DIR = ASSETS_ROOT / "fonts"
# weight -> file in FONT_DIR (game/ui/text.py loads them by weight)
FONT_FILES = {
    "regular": "SourceSansPro-Regular.ttf",
    "semibold": "SourceSansPro-Semibold.ttf",
    "bold": "SourceSansPro-Bold.ttf",
    "italic": "SourceSansPro-It.ttf",
}
_FONT_MAGIC = (b"\x00\x01\x00\x00", b"OTTO", b"true", b"typ1")
_MAX_FONT_BYTES = 50_000_000


def font_path(weight: str, root: Path = ASSETS_ROOT) -> Path:
    return root / "fonts" / FONT_FILES[weight]


def check_assets(root: Path | None = None) -> list[ContentError]:
    """Every asset the game loads, checked as a file; one error per bad file."""
    root = Path(root) if root else ASSETS_ROOT
    errors = []
    for weight in FONT_FILES:
        path = font_path(weight, root)
        problem = font_problem(path)
        if problem:
            errors.append(ContentError(_shown(path, root), None, f"fonts.{weight}", problem))
    return errors


def font_problem(path: Path) -> str | None:
    """Why `path` is not a usable font file, or None."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            return "expected a font file; got a folder or something else"
        if size > _MAX_FONT_BYTES:
            return f"expected a font file under {_MAX_FONT_BYTES // 1_000_000} MB; got {size:,} bytes"
        data = path.read_bytes()
    except FileNotFoundError:
        return "expected a font file; it is missing (fonts live in assets/fonts, see assets/fonts/LICENSE.txt)"
    except OSError as exc:
        return f"expected a readable font file; cannot read it ({exc.strerror or exc.__class__.__name__})"
    if len(data) < 12 or data[:4] not in _FONT_MAGIC:
        return "expected a TrueType or OpenType font; the file is something else"
    tables = struct.unpack(">H", data[4:6])[0]
    if tables == 0 or 12 + 16 * tables > len(data):
        return "expected a TrueType or OpenType font; the file is cut short"
    for i in range(tables):
        offset, length = struct.unpack(">II", data[12 + 16 * i + 8:12 + 16 * i + 16])
        if offset + length > len(data):
            return "expected a TrueType or OpenType font; the file is cut short"
    return None


def _shown(path: Path, root: Path) -> str:
    try:
        return str(Path(root.name) / path.relative_to(root))
    except ValueError:
        return str(path)
