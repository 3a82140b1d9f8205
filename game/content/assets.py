"""The files the game needs besides content/: fonts and sounds, named in one place that game/ui reads too.

A missing or unreadable font or sound is a content error like any other, found by `face-value validate`
and at every load, so the game never meets a FileNotFoundError at its first frame or its first sound.
No pygame here: a font is checked as a file (there, readable, a TrueType or OpenType font with tables
that fit inside it), a sound as a WAV file in the one format assets/sounds/make_sounds.py writes.
"""
from __future__ import annotations

import struct
import wave
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
SOUND_DIR = ASSETS_ROOT / "sounds"
# the sound effects, each `<name>.wav` in SOUND_DIR (game/ui/sound.py plays them by name)
SOUND_NAMES = ("shutter", "match", "no_match", "alarm", "tick", "tap", "back", "release", "secondary")
SOUND_RATE, SOUND_CHANNELS, SOUND_BYTES_PER_SAMPLE = 22050, 1, 2  # 16-bit mono at 22050 Hz
SOUND_MAX_SECONDS = 1.0  # effects, not music: short enough to load at once and never overlap for long


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
    for name in SOUND_NAMES:
        path = sound_path(name, root)
        problem = sound_problem(path)
        if problem:
            errors.append(ContentError(_shown(path, root), None, f"sounds.{name}", problem))
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


def sound_path(name: str, root: Path = ASSETS_ROOT) -> Path:
    return root / "sounds" / f"{name}.wav"


def sound_problem(path: Path) -> str | None:
    """Why `path` is not a sound the game can play as made (16-bit mono PCM WAV at SOUND_RATE, under
    SOUND_MAX_SECONDS, every frame present), or None. The files are tiny, so all of it is read."""
    expected = f"expected a 16-bit mono WAV file at {SOUND_RATE} Hz"
    try:
        if not path.is_file():
            path.stat()  # FileNotFoundError when it is not there at all
            return "expected a WAV file; got a folder or something else"
        with wave.open(str(path), "rb") as sound:
            params = sound.getparams()
            frames = sound.readframes(params.nframes)
    except FileNotFoundError:
        return ("expected a WAV file; it is missing (sounds live in assets/sounds, made by "
                "make_sounds.py there, see assets/sounds/LICENSE.txt)")
    except (wave.Error, EOFError, struct.error):
        return f"{expected}; the file is something else"
    except OSError as exc:
        return f"expected a readable WAV file; cannot read it ({exc.strerror or exc.__class__.__name__})"
    if (params.nchannels, params.sampwidth, params.framerate) != (SOUND_CHANNELS, SOUND_BYTES_PER_SAMPLE,
                                                                  SOUND_RATE):
        return (f"{expected}; got {params.sampwidth * 8}-bit, {params.nchannels} channel(s) "
                f"at {params.framerate} Hz (make it with assets/sounds/make_sounds.py)")
    if params.nframes == 0 or len(frames) < params.nframes * params.sampwidth:
        return f"{expected}; the file is cut short"
    if params.nframes > SOUND_MAX_SECONDS * SOUND_RATE:
        return f"expected a sound under {SOUND_MAX_SECONDS:g} s; got {params.nframes / SOUND_RATE:.2f} s"
    return None


def _shown(path: Path, root: Path) -> str:
    try:
        return str(Path(root.name) / path.relative_to(root))
    except ValueError:
        return str(path)
