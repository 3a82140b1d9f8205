"""Preferences as a declared registry: each has a default and a check, so a bad value is refused;
and their storage between runs (`load`, `save`: plain JSON at a path the caller gives)."""
from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Collection


@dataclass(frozen=True)
class PrefSpec:
    name: str
    default: Any
    choices: tuple
    label: str  # text id


REGISTRY: tuple[PrefSpec, ...] = (
    PrefSpec("text_scale", 1.0, (1.0, 1.25, 1.5, 2.0), "settings.text_scale"),
    PrefSpec("high_contrast", False, (False, True), "settings.high_contrast"),
    PrefSpec("reduced_motion", False, (False, True), "settings.reduced_motion"),
    PrefSpec("sound", 0.6, (0.0, 0.3, 0.6, 1.0), "settings.sound"),  # volume: off, quiet, medium, loud
    PrefSpec("read_aloud", False, (False, True), "settings.read_aloud"),  # self-voicing (game/ui/voice.py)
)
SPECS = {spec.name: spec for spec in REGISTRY}


@dataclass(frozen=True)
class Prefs:
    text_scale: float = 1.0
    high_contrast: bool = False
    reduced_motion: bool = False
    language: str = "en"
    sound: float = 0.6
    read_aloud: bool = False

    def set(self, name: str, value: Any) -> "Prefs":
        spec = SPECS.get(name)
        if spec is not None and value not in spec.choices:
            raise ValueError(f"{name}: expected one of {spec.choices}; got {value!r}")
        return replace(self, **{name: value})

    def cycle(self, name: str) -> "Prefs":
        """The next choice of a preference, wrapping round: what a settings button does."""
        spec = SPECS[name]
        index = spec.choices.index(getattr(self, name))
        return self.set(name, spec.choices[(index + 1) % len(spec.choices)])


# -- preferences that last between runs (never in kiosk mode: the caller decides) ----------------
FILE_NAME = "prefs.json"
STORED = ("text_scale", "high_contrast", "reduced_motion", "sound", "read_aloud", "language")


def _report(line: str) -> None:
    print(f"face-value: {line}", file=sys.stderr)


def _check(data: Any, languages: Collection[str] | None) -> Prefs:
    """The preferences a stored mapping holds; ValueError says what is wrong. Names this version does
    not know are left alone (a newer game may have written them); a missing name keeps its default."""
    if not isinstance(data, dict):
        raise ValueError("expected a mapping of preferences")
    prefs = Prefs()
    for name in STORED:
        if name not in data:
            continue
        value = data[name]
        if name == "language":
            if not isinstance(value, str) or (languages is not None and value not in languages):
                raise ValueError(f"language: unknown language {value!r}")
        elif isinstance(value, bool) != isinstance(SPECS[name].default, bool):
            raise ValueError(f"{name}: expected one of {SPECS[name].choices}; got {value!r}")
        prefs = prefs.set(name, value)
    return prefs


def load(path: Path, languages: Collection[str] | None = None,
         report: Callable[[str], None] = _report) -> Prefs | None:
    """The preferences stored at `path`, or None when there are none yet. A damaged file (not JSON,
    a bad value, unreadable) is reported in one line and replaced by the defaults, which are returned."""
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):  # none yet (saving will say if it cannot be made)
        return None
    except (OSError, UnicodeDecodeError) as error:
        problem = f"cannot be read ({error.__class__.__name__})"
    else:
        try:
            return _check(json.loads(text), languages)
        except ValueError as error:  # json's own errors are ValueErrors too
            problem = f"is damaged ({error})"
    saved = save(path, Prefs(), report=lambda line: None)
    report(f"the preferences file {path} {problem}; "
           + ("replaced by the defaults" if saved else "using the defaults (the file could not be replaced)"))
    return Prefs()


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file beside it, renamed over it, so a crash mid-write
    never leaves half a file (the preferences, a kiosk's daily tally). OSError when it cannot."""
    temporary = None
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        raise


def save(path: Path, prefs: Prefs, report: Callable[[str], None] = _report) -> bool:
    """Write `prefs` to `path` atomically, so a crash mid-write never leaves half a file. False, after
    one line of report, if it cannot be written."""
    data = {name: getattr(prefs, name) for name in STORED}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps(data, indent=2) + "\n")
        return True
    except OSError as error:
        report(f"could not save preferences to {path} ({error.strerror or error.__class__.__name__})")
        return False
