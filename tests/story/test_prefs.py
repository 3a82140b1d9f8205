"""Preferences that last: stored as JSON, written atomically, a damaged file reported in one line and
replaced by the defaults, an unwritable folder reported and survived."""
from __future__ import annotations

import json
import os

import pytest

from game.story.prefs import Prefs, load, save

LANGUAGES = ("en", "es")


def test_saved_prefs_load_as_they_were(tmp_path):
    path = tmp_path / "deep" / "face-value" / "prefs.json"  # folders made as needed
    prefs = Prefs(text_scale=1.5, high_contrast=True, reduced_motion=True, language="es")
    assert save(path, prefs)
    assert load(path, LANGUAGES) == prefs
    assert json.loads(path.read_text(encoding="utf-8"))["text_scale"] == 1.5


def test_no_file_yet_is_no_prefs(tmp_path):
    assert load(tmp_path / "prefs.json", LANGUAGES) is None


def test_saving_leaves_no_temporary_file_and_replaces_the_old(tmp_path):
    path = tmp_path / "prefs.json"
    save(path, Prefs(text_scale=2.0))
    save(path, Prefs(text_scale=1.25))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["prefs.json"]
    assert load(path).text_scale == 1.25


@pytest.mark.parametrize("text", [
    "{not json",
    "[1, 2]",
    json.dumps({"text_scale": 3.0}),
    json.dumps({"text_scale": True}),
    json.dumps({"high_contrast": "yes"}),
    json.dumps({"reduced_motion": 1}),
    json.dumps({"language": "tlh"}),
    json.dumps({"language": 5}),
])
def test_a_damaged_file_is_reported_in_one_line_and_replaced_by_the_defaults(tmp_path, text):
    path = tmp_path / "prefs.json"
    path.write_text(text, encoding="utf-8")
    lines: list[str] = []
    assert load(path, LANGUAGES, report=lines.append) == Prefs()
    assert len(lines) == 1 and "\n" not in lines[0] and str(path) in lines[0]
    assert load(path, LANGUAGES, report=lines.append) == Prefs() and len(lines) == 1, "replaced: quiet next time"


def test_bytes_that_are_not_text_are_damage(tmp_path):
    path = tmp_path / "prefs.json"
    path.write_bytes(b"\xff\xfe\x00garbage")
    lines: list[str] = []
    assert load(path, LANGUAGES, report=lines.append) == Prefs()
    assert len(lines) == 1


def test_the_default_report_is_one_line_on_stderr(tmp_path, capsys):
    path = tmp_path / "prefs.json"
    path.write_text("{", encoding="utf-8")
    assert load(path, LANGUAGES) == Prefs()
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "prefs.json" in err


def test_unknown_names_are_left_alone_and_missing_ones_keep_their_defaults(tmp_path):
    path = tmp_path / "prefs.json"
    path.write_text(json.dumps({"language": "es", "volume": 11}), encoding="utf-8")
    lines: list[str] = []
    assert load(path, LANGUAGES, report=lines.append) == Prefs(language="es") and lines == []


def test_an_unreadable_file_is_reported_and_the_defaults_used(tmp_path):
    path = tmp_path / "prefs.json"
    path.mkdir()  # a folder where the file should be: it can be neither read nor replaced
    lines: list[str] = []
    assert load(path, LANGUAGES, report=lines.append) == Prefs()
    assert len(lines) == 1 and "could not be replaced" in lines[0]


def test_a_folder_that_cannot_be_made_is_reported_not_raised(tmp_path):
    blocker = tmp_path / "config"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    lines: list[str] = []
    assert not save(blocker / "face-value" / "prefs.json", Prefs(), report=lines.append)
    assert len(lines) == 1 and "could not save" in lines[0]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions that bind (not root)")
def test_a_read_only_folder_is_reported_and_the_file_kept(tmp_path):
    path = tmp_path / "prefs.json"
    save(path, Prefs(language="es"))
    tmp_path.chmod(0o500)
    try:
        lines: list[str] = []
        assert not save(path, Prefs(text_scale=2.0), report=lines.append)
        assert len(lines) == 1
        assert load(path, LANGUAGES) == Prefs(language="es")
    finally:
        tmp_path.chmod(0o700)


def test_a_read_only_file_is_replaced_atomically_or_reported(tmp_path):
    """A read-only file in a writable folder is replaced by rename (the folder decides), never half-written."""
    path = tmp_path / "prefs.json"
    save(path, Prefs(language="es"))
    path.chmod(0o400)
    lines: list[str] = []
    saved = save(path, Prefs(text_scale=2.0), report=lines.append)
    assert (saved and load(path, LANGUAGES) == Prefs(text_scale=2.0)) or (not saved and len(lines) == 1)
