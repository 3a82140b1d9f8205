"""Hostile content files: each is refused at once with one `file:line: ...` error, never a crash, a hang
or gigabytes of memory (libyaml's composer recurses per level, and aliases multiply)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.content import ContentErrors, load_content
from game.content.limits import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES, MAX_TEXT_CHARS

LAUGHS = "lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"lol{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10))


def _append(text: str, extra: str) -> str:
    return text.rstrip("\n") + "\n" + extra


def _line_of_end(text: str) -> int:
    return text.rstrip("\n").count("\n") + 2  # the first line after the file's own text


# name -> (file, how to spoil its text, the expected line (from the original text) or None, words in the error)
CASES = {
    "a list nested 50,000 deep": ("model.yaml", lambda t: _append(t, "x: " + "[" * 50_000 + "]" * 50_000 + "\n"),
                                  _line_of_end, "nested more than"),
    "a mapping nested 50,000 deep": ("records.yaml", lambda t: _append(t, "x: " + "{a: " * 50_000 + "1"
                                                                       + "}" * 50_000 + "\n"),
                                     _line_of_end, "nested more than"),
    "block lists nested 200 deep": ("scenes.yaml", lambda t: _append(t, "x:\n" + "".join(
        "  " * i + "-\n" for i in range(200))), lambda t: _line_of_end(t) + MAX_DEPTH, "nested more than"),
    "a file of 3 MB": ("strings/en.yaml", lambda t: t + "# " + "x" * 3_000_000 + "\n", None, "larger than"),
    "a tagline of 100,000 characters": ("strings/en.yaml", lambda t: _append(t, "huge: " + "x" * 100_000 + "\n"),
                                        _line_of_end, "characters"),
    "a billion laughs": ("strings/es.yaml", lambda t: _append(t, LAUGHS), _line_of_end, "anchor &a0"),
    "an alias": ("stations.yaml", lambda t: _append(t, "x: *somewhere\n"), _line_of_end, "alias *somewhere"),
    "a NUL byte": ("travellers.yaml", lambda t: _append(t, "x: a\x00b\n"), _line_of_end, "U+0000"),
    "an escape character": ("questions.yaml", lambda t: _append(t, "x: \x1b[31m\n"), _line_of_end, "U+001B"),
    "a Python tag": ("policy.yaml", lambda t: _append(t, "x: !!python/object/apply:os.system [ls]\n"),
                     _line_of_end, "tag"),
    "a second document": ("sources.yaml", lambda t: _append(t, "---\nx: 1\n"), _line_of_end, "second document"),
    "too many values": ("model.yaml", lambda t: _append(t, "x: [" + "1," * (MAX_NODES + 10) + "1]\n"),
                        _line_of_end, "values in one file"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_hostile_file_is_one_error_with_its_line(content_copy, case):
    name, spoil, line, words = CASES[case]
    path = content_copy / name
    text = path.read_text(encoding="utf-8")
    path.write_bytes(spoil(text).encode("utf-8"))
    with pytest.raises(ContentErrors) as caught:
        load_content(content_copy)
    errors = caught.value.errors
    assert len(errors) == 1, caught.value.report()
    error = errors[0]
    assert error.file == f"content/{name}"
    assert words in error.message
    assert error.line == (line(text) if line else None), str(error)
    assert "\n" not in str(error)


def test_invalid_utf8_names_its_line(content_copy):
    path = content_copy / "scenes.yaml"
    lines = path.read_bytes().splitlines(keepends=True)
    lines.insert(2, b"x: caf\xe9\n")
    path.write_bytes(b"".join(lines))
    with pytest.raises(ContentErrors) as caught:
        load_content(content_copy)
    assert [str(e) for e in caught.value.errors] == ["content/scenes.yaml:3: not UTF-8 text (save the file as UTF-8)"]


def test_a_folder_where_a_file_should_be(content_copy):
    (content_copy / "scenes.yaml").unlink()
    (content_copy / "scenes.yaml").mkdir()
    with pytest.raises(ContentErrors) as caught:
        load_content(content_copy)
    (error,) = caught.value.errors
    assert error.file == "content/scenes.yaml" and error.message.startswith("cannot be read")


def test_the_shipped_content_is_far_inside_the_limits(content):
    import yaml
    for path in sorted(content.root.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert len(text.encode()) < MAX_FILE_BYTES / 10
        depth = deepest = 0
        for event in yaml.parse(text):
            depth += isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent))
            depth -= isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent))
            deepest = max(deepest, depth)
            assert not isinstance(event, yaml.ScalarEvent) or len(event.value) < MAX_TEXT_CHARS / 4
        assert deepest < MAX_DEPTH / 3


def test_the_deepest_nesting_exits_2_not_139(content_copy):
    path = content_copy / "model.yaml"
    path.write_text(_append(path.read_text(encoding="utf-8"), "x: " + "[" * 50_000 + "]" * 50_000 + "\n"))
    env = dict(os.environ, XDG_CACHE_HOME=str(content_copy.parent / "cache"))
    for argv in (["validate", str(content_copy)], ["model", "--content", str(content_copy)]):
        result = subprocess.run([sys.executable, "-m", "game", *argv], capture_output=True, text=True,
                                timeout=60, env=env, cwd=Path(__file__).resolve().parents[2])
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr and "nested more than" in result.stderr


def test_a_policy_file_is_held_to_the_same_limits(tmp_path, capsys):
    from game.app.cli import main
    policy = tmp_path / "policy.yaml"
    policy.write_text("a: &x [1, 2]\nb: *x\n", encoding="utf-8")
    assert main(["model", "--policy", str(policy)]) == 2
    err = capsys.readouterr().err
    assert f"{policy}:1: anchor &x is not allowed" in err and "Traceback" not in err


def test_the_game_refuses_a_50_mb_tagline_before_drawing(content_copy, tmp_path, capsys, monkeypatch):
    from game.app.cli import main
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = content_copy / "strings" / "en.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  tagline: ", "  tagline: " + "x" * 50_000_000, 1), encoding="utf-8")
    code = main(["screenshot", "title", "--content", str(content_copy), "--out", str(tmp_path / "title.png")])
    err = capsys.readouterr().err
    assert code == 2 and "content/strings/en.yaml: file is larger than 2 MB" in err
    assert not (tmp_path / "title.png").exists()
