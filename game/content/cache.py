"""A checked copy of the content, kept between runs so the game starts without re-reading YAML.

It can never be required and can never hurt:

- Optional. Any trouble (no cache folder, a read-only home, a full disk, a damaged or foreign
  file) means the YAML is read and checked as if there were no cache; nothing is reported.
- Always current. An entry is named by a fingerprint of every content file, the assets, the code
  that reads them and the Python version, and holds that fingerprint inside too, so an edit to
  any of them is seen at once. `face-value validate` and the tests always read the YAML itself.
- Data, never code. An entry is JSON, decoded strictly against the schema's own types (each
  dataclass with exactly its fields, each id one its type allows, finite numbers); anything else
  is refused. Pickle would run whatever a replaced file asks. A well-formed but crafted entry
  could change what the game shows; no check kept in the same folder could stop that (a hash
  or an HMAC key stored there is in the same reach), and whoever can write the player's cache
  folder is the player or can already run code as them, so the cache gives them nothing new.
- Damage is caught. The first line holds the format version and the SHA-256 of the rest, so
  random bytes, a truncated write or an older format are refused before JSON sees them and the
  entry is silently rebuilt.
- Small. It lives in the user's cache folder (platformdirs), and writing an entry deletes every
  older one; it holds only the content the game ships with, nothing personal.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import math
import os
import sys
import tempfile
import types
import typing
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from .content import DEFAULT_ROOT, FILES, Content

CODE = Path(__file__).resolve().parent
ASSETS = DEFAULT_ROOT.parent / "assets"
FORMAT = b"face-value content cache 2"
PREFIX = "content-"
MAX_ENTRY_BYTES = 50_000_000  # the shipped content's entry is about 0.3 MB
HASHED_BYTES = 4_000_000  # of each file: above limits.MAX_FILE_BYTES (not imported here: it would load the YAML parser)


class Undecodable(ValueError):
    """An entry that does not match the schema: it is ignored and rebuilt."""


def cache_dir() -> Path:
    from platformdirs import user_cache_dir
    return Path(user_cache_dir("face-value", appauthor=False))


def fingerprint(root: Path) -> str:
    digest = hashlib.sha256(FORMAT + sys.version.encode())
    for path in sorted(root.rglob("*.yaml")) + sorted(CODE.glob("*.py")):
        digest.update(str(path.relative_to(path.parents[1])).encode())
        with path.open("rb") as handle:
            digest.update(handle.read(HASHED_BYTES))  # a larger file is refused by the reader anyway
    for path in sorted(ASSETS.rglob("*")) if ASSETS.is_dir() else []:  # an asset removed or replaced
        stat = path.stat()
        digest.update(f"{path.relative_to(ASSETS)} {stat.st_size} {stat.st_mtime_ns}".encode())
    digest.update(str(root.resolve()).encode())
    return digest.hexdigest()[:24]


def load_cached(root: Path | str | None = None) -> Content:
    """The content under `root`, from the cache when nothing changed, else read and checked (then cached).

    Raises ContentErrors exactly as load_content does; a broken content folder is never cached.
    """
    root = Path(root) if root else DEFAULT_ROOT
    try:
        key = fingerprint(root)
        path = cache_dir() / f"{PREFIX}{key}.json"
    except Exception:  # noqa: BLE001 - the cache is never required: an unreadable folder or home means no cache
        key = path = None
    if path is not None:
        content = _read_entry(path, key, root)
        if content is not None:
            return content
    from .loader import load_content
    content = load_content(root)
    if path is not None:
        _write_entry(path, key, content)
    return content


# -- one entry on disk ----------------------------------------------------------
def _read_entry(path: Path, key: str, root: Path) -> Content | None:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_ENTRY_BYTES + 1)
        header, _, body = data.partition(b"\n")
        if header != FORMAT + b" " + hashlib.sha256(body).hexdigest().encode():
            raise Undecodable("damaged, truncated or of another format")
        return from_json(json.loads(body), key, root)
    except Exception:  # noqa: BLE001 - whatever is wrong with an entry, the YAML is read instead
        return None


def _write_entry(path: Path, key: str, content: Content) -> None:
    temp = None
    try:
        body = json.dumps(to_json(content, key), ensure_ascii=False, allow_nan=False,
                          separators=(",", ":")).encode("utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=PREFIX, suffix=".tmp", delete=False) as handle:
            temp = handle.name
            handle.write(FORMAT + b" " + hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
        os.replace(temp, path)
    except Exception:  # noqa: BLE001 - a cache that cannot be written is no cache, not an error
        if temp is not None:
            try:
                os.unlink(temp)
            except OSError:
                pass
        return
    _prune(path)


def _prune(keep: Path) -> None:
    """Delete every other entry (older fingerprints, the old pickles, temp files of a crashed write)."""
    try:
        for other in keep.parent.glob(f"{PREFIX}*"):
            if other != keep:
                try:
                    other.unlink()
                except OSError:
                    pass
    except OSError:
        pass


# -- content <-> JSON, by the schema's types ----------------------------------------
def to_json(content: Content, key: str) -> dict[str, Any]:
    return {"fingerprint": key,
            "files": {name: _encode(content.files[name]) for name in FILES},
            "strings": content.strings, "string_lines": content.string_lines}


def from_json(data: Any, key: str, root: Path) -> Content:
    if not isinstance(data, dict) or set(data) != {"fingerprint", "files", "strings", "string_lines"}:
        raise Undecodable("not an entry")
    if data["fingerprint"] != key:
        raise Undecodable("an entry for other content")
    files = data["files"]
    if not isinstance(files, dict) or set(files) != set(FILES):
        raise Undecodable("files")
    return Content(root, {name: _decoder(cls)(files[name]) for name, cls in FILES.items()},
                   _decoder(dict[str, dict[str, str]])(data["strings"]),
                   _decoder(dict[str, dict[str, int]])(data["string_lines"]))


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise Undecodable("a mapping whose keys are not text")  # JSON keys are text; such content is not cached
        return {k: _encode(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    raise Undecodable(f"cannot store a {type(value).__name__}")


@functools.cache
def _decoder(tp: Any):
    """A function that turns JSON into `tp`, checking every value's type, or raises Undecodable."""
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [_decoder(a) for a in get_args(tp) if a is not type(None)]
        nullable = type(None) in get_args(tp)

        def union(value):
            if value is None and nullable:
                return None
            for option in options:
                try:
                    return option(value)
                except Undecodable:
                    continue
            raise Undecodable(f"none of {tp}")
        return union
    if origin is Literal:
        choices = get_args(tp)
        return lambda value: value if type(value) in (str, int, bool) and value in choices else _bad(tp, value)
    if origin is list:
        item = _decoder(get_args(tp)[0])
        return lambda value: [item(v) for v in value] if type(value) is list else _bad(tp, value)
    if origin is dict:
        key_tp, value_tp = get_args(tp)
        if key_tp is str and value_tp in (str, int):  # the strings tables: thousands of entries, checked in one pass
            return lambda value: value if type(value) is dict and all(type(k) is str for k in value) and all(
                type(v) is value_tp for v in value.values()) else _bad(tp, value)
        key, item = _decoder(key_tp), _decoder(value_tp)
        return lambda value: {key(k): item(v) for k, v in value.items()} if type(value) is dict else _bad(tp, value)
    if dataclasses.is_dataclass(tp):
        return _dataclass_decoder(tp)
    if tp is float:
        return lambda value: value if type(value) is float and math.isfinite(value) else _bad(tp, value)
    if tp in (str, int, bool):
        return lambda value: value if type(value) is tp else _bad(tp, value)
    if tp is Any:
        return lambda value: value
    raise Undecodable(f"no decoder for {tp}")


def _dataclass_decoder(cls: type):
    fields = {f.name: f for f in dataclasses.fields(cls)}
    hints = {name: _annotation(f.type, cls.__module__) for name, f in fields.items()}
    if not all(f.init for f in fields.values()):
        raise Undecodable(f"{cls.__name__} has fields set after construction")
    names = set(fields)
    decoders: dict[str, Any] = {}

    def decode(value):
        if type(value) is not dict or value.keys() != names:
            _bad(cls, value)
        if not decoders:  # built on first use: a class may refer to itself
            decoders.update((name, _decoder(hints[name])) for name in fields)
        return cls(**{name: decoders[name](v) for name, v in value.items()})
    return decode


@functools.cache
def _annotation(tp: Any, module: str) -> Any:
    """A field's type from its annotation (text under `from __future__ import annotations`).

    typing.get_type_hints does the same for a whole class but costs milliseconds at start-up; the
    schema's annotations repeat ("str", "float", "list[str]"), so each distinct one is read once.
    """
    return eval(tp, vars(sys.modules[module])) if isinstance(tp, str) else tp  # noqa: S307 - the schema's source


def _bad(tp: Any, value: Any) -> typing.NoReturn:
    raise Undecodable(f"expected {tp}; got {type(value).__name__}")
