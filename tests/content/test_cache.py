"""The checked-content cache: never required, always current, data only, rebuilt when damaged."""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
from pathlib import Path

import pytest

from game.content import load_content
from game.content import cache
from game.content.cache import FORMAT, load_cached


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "face-value"


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("content-*"))


def test_a_cached_start_gives_the_same_content(content_copy, cache_home):
    fresh = load_cached(content_copy)
    assert [p.suffix for p in entries(cache_home)] == [".json"]
    assert load_cached(content_copy) == fresh == load_content(content_copy)


def test_an_edit_is_seen_at_once_and_only_the_newest_entry_is_kept(content_copy, cache_home):
    cache_home.mkdir(parents=True)
    for n in range(3):  # entries of older versions, including the old pickles
        (cache_home / f"content-{n:024x}.pickle").write_bytes(b"old")
    load_cached(content_copy)
    path = content_copy / "strings" / "en.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  play: Start", "  play: Begin"), encoding="utf-8")
    assert load_cached(content_copy).text("title.play") == "Begin"
    assert len(entries(cache_home)) == 1


def test_broken_content_is_never_cached(content_copy, cache_home):
    from game.content import ContentErrors
    (content_copy / "scenes.yaml").write_text("title: [\n", encoding="utf-8")
    with pytest.raises(ContentErrors):
        load_cached(content_copy)
    assert entries(cache_home) == []


def _only_entry(folder: Path) -> Path:
    (path,) = entries(folder)
    return path


def _rehash(body: bytes) -> bytes:
    return FORMAT + b" " + hashlib.sha256(body).hexdigest().encode() + b"\n" + body


def _edited(original: bytes, edit) -> bytes:
    data = json.loads(original.partition(b"\n")[2])
    edit(data)
    return _rehash(json.dumps(data).encode())


DAMAGES = {
    "random bytes": lambda b: os.urandom(len(b)),
    "truncated": lambda b: b[: len(b) // 2],
    "empty": lambda b: b"",
    "older format": lambda b: b.replace(FORMAT, b"face-value content cache 1", 1),
    "one flipped byte": lambda b: b[:-10] + bytes([b[-10] ^ 1]) + b[-9:],
    "a value of the wrong type, rehashed":
        lambda b: _edited(b, lambda d: d["files"]["scenes.yaml"].update(kiosk="soon")),
    "an unknown key, rehashed": lambda b: _edited(b, lambda d: d["files"]["scenes.yaml"].update(surprise=1)),
    "a missing key, rehashed": lambda b: _edited(b, lambda d: d["files"]["scenes.yaml"].pop("kiosk")),
    "another content's entry, rehashed": lambda b: _edited(b, lambda d: d.update(fingerprint="0" * 24)),
    "NaN for a number, rehashed": lambda b: _rehash(re.sub(rb":(\d+\.\d+)", b":NaN", b.partition(b"\n")[2], 1)),
    "not JSON, rehashed": lambda b: _rehash(b"\x80\x81 not json"),
    "a list, rehashed": lambda b: _rehash(b"[]"),
    "deeply nested JSON, rehashed": lambda b: _rehash(b"[" * 100_000 + b"]" * 100_000),
    "a pickle": lambda b: pickle.dumps({"files": {}}),
}


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_damaged_entry_is_silently_rebuilt(content_copy, cache_home, damage):
    expected = load_cached(content_copy)
    path = _only_entry(cache_home)
    damaged = DAMAGES[damage](path.read_bytes())
    assert damaged != path.read_bytes()
    path.write_bytes(damaged)
    assert cache._read_entry(path, cache.fingerprint(content_copy), content_copy) is None  # refused
    assert load_cached(content_copy) == expected
    assert _only_entry(cache_home).read_bytes().startswith(FORMAT + b" ")
    assert load_cached(content_copy) == expected


def test_a_replaced_entry_cannot_run_code(content_copy, cache_home, tmp_path):
    load_cached(content_copy)
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (Path.write_text, (marker, "code ran"))

    _only_entry(cache_home).write_bytes(pickle.dumps(Payload()))
    assert load_cached(content_copy) == load_content(content_copy)
    assert not marker.exists()


def test_a_missing_cache_folder_is_made(content_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "not" / "yet" / "there"))
    load_cached(content_copy)
    assert len(entries(tmp_path / "not" / "yet" / "there" / "face-value")) == 1


def test_an_unwritable_cache_folder_is_no_cache(content_copy, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker / "cache"))  # cannot be made, even by root
    assert load_cached(content_copy) == load_content(content_copy)
    assert load_cached(content_copy) == load_content(content_copy)


def test_a_home_that_is_not_a_folder_is_no_cache(content_copy, monkeypatch):
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", os.devnull)
    assert load_cached(content_copy) == load_content(content_copy)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_read_only_home_is_no_cache(content_copy, tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / ".cache").mkdir(parents=True)
    home.chmod(0o500)
    (home / ".cache").chmod(0o500)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(home))
    try:
        assert load_cached(content_copy) == load_content(content_copy)
    finally:
        (home / ".cache").chmod(0o700)
        home.chmod(0o700)


def test_writes_that_fail_leave_no_temp_files(content_copy, cache_home, monkeypatch):
    def refuse(*_):
        raise PermissionError("read-only")
    monkeypatch.setattr(cache.os, "replace", refuse)
    assert load_cached(content_copy) == load_content(content_copy)
    assert entries(cache_home) == []


def test_an_entry_that_is_a_folder_is_ignored(content_copy, cache_home):
    (cache_home / f"content-{cache.fingerprint(content_copy)}.json").mkdir(parents=True)
    assert load_cached(content_copy) == load_content(content_copy)


def test_an_entry_is_plain_json_with_nothing_but_the_content(content_copy, cache_home):
    load_cached(content_copy)
    header, _, body = _only_entry(cache_home).read_bytes().partition(b"\n")
    assert header == FORMAT + b" " + hashlib.sha256(body).hexdigest().encode()
    data = json.loads(body)
    assert set(data) == {"fingerprint", "files", "strings", "string_lines"}
    path = _only_entry(cache_home)
    path.write_bytes(_edited(path.read_bytes(), lambda d: None))  # the same data, written anew: still accepted
    assert cache._read_entry(path, cache.fingerprint(content_copy), content_copy) == load_content(content_copy)


def test_the_fingerprint_reads_every_byte_the_reader_accepts():
    from game.content.limits import MAX_FILE_BYTES
    assert cache.HASHED_BYTES > MAX_FILE_BYTES


def test_a_cached_start_does_not_load_the_yaml_parser(content_copy, cache_home):
    import subprocess
    import sys
    load_cached(content_copy)
    script = f"import sys; from game.content.cache import load_cached; load_cached({str(content_copy)!r}); " \
             "print('yaml' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                         env=dict(os.environ, XDG_CACHE_HOME=str(cache_home.parent)))
    assert out.stdout.strip() == "False", out.stderr
