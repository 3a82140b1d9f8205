"""Each kind of content error gives a clear message naming file, line and key path.

The errors come from mutated copies of the real files, so the tests follow the content as it grows.
"""
from __future__ import annotations

import subprocess
import sys

import pytest

from .edits import errors_of, mutate


def test_real_content_loads(content):
    assert content.travellers and content.stations and content.sources
    assert "content OK" in content.summary()


def test_bad_choice_names_file_line_path_and_nearest(content_copy):
    line = mutate(content_copy, "travellers.yaml", "seat: driver", "seat: back")
    [error] = errors_of(content_copy)
    assert error.startswith(f"content/travellers.yaml:{line}: travellers.")
    assert ".seat: expected one of driver, front, rear-left, rear-middle, rear-right; got 'back'" in error


def test_yaml_syntax_error(content_copy):
    line = mutate(content_copy, "stations.yaml", "kind: queue", "kind: [queue")
    [error] = errors_of(content_copy)
    assert error.startswith("content/stations.yaml:")
    assert "YAML syntax error" in error
    assert int(error.split(":")[1]) >= line


def test_wrong_type(content_copy):
    line = mutate(content_copy, "travellers.yaml", "photo_age_years: 3", "photo_age_years: three")
    [error] = errors_of(content_copy)
    assert error.startswith(f"content/travellers.yaml:{line}:")
    assert "photo_age_years: expected a number; got 'three'" in error


def test_missing_file(content_copy):
    (content_copy / "stations.yaml").unlink()
    errors = errors_of(content_copy)
    assert "content/stations.yaml: file is missing" in errors


def test_broken_reference_suggests_nearest(content_copy):
    line = mutate(content_copy, "stations.yaml", "next: rpm", "next: rmp")
    [error] = errors_of(content_copy)
    assert error.startswith(f"content/stations.yaml:{line}: stations.queue.next: unknown station id")
    assert "did you mean 'rpm'?" in error


def test_unknown_key_and_missing_key_are_both_reported(content_copy):
    mutate(content_copy, "stations.yaml", "    kind: rpm\n", "    kynd: rpm\n")
    mutate(content_copy, "sources.yaml", "    publication: Wired\n", "")
    errors = errors_of(content_copy)
    assert any("stations.rpm.kynd: unknown key" in e and "did you mean 'kind'" in e for e in errors)
    assert any("content/sources.yaml" in e and "wired-outbound" in e for e in errors)
    assert len(errors) >= 2


def test_unknown_text_id(content_copy):
    mutate(content_copy, "stations.yaml", "title: station.rpm.title", "title: station.rmp.title")
    [error] = errors_of(content_copy)
    assert "stations.rpm.title: unknown text id" in error and "did you mean 'station.rpm.title'" in error


def test_duplicate_key(content_copy):
    mutate(content_copy, "stations.yaml", "    kind: queue\n", "    kind: queue\n    kind: queue\n")
    errors = errors_of(content_copy)
    assert any("stations.queue.kind: this key appears twice" in e for e in errors)


def test_lane_that_loops(content_copy):
    line = mutate(content_copy, "stations.yaml", "    kind: decision\n", "    kind: decision\n    next: queue\n")
    errors = errors_of(content_copy)
    assert f"content/stations.yaml:{line + 1}: stations.decision.next: lane vehicle loops back to 'queue'; " \
           "a lane must end (a station with no next)" in errors


def test_translation_with_wrong_placeholder(content_copy):
    (content_copy / "strings" / "xx.yaml").write_text('outcome:\n  heading: "Carril: {carril}"\n', encoding="utf-8")
    errors = errors_of(content_copy)
    assert errors == ["content/strings/xx.yaml:2: outcome.heading: drops {name}, which the English text shows",
                      "content/strings/xx.yaml:2: outcome.heading: unknown placeholder {carril}; the game fills "
                      "{name} here"]


def test_empty_file(content_copy):
    (content_copy / "scenes.yaml").write_text("", encoding="utf-8")
    assert "content/scenes.yaml:1: file is empty; expected a mapping of keys to values" in errors_of(content_copy)


@pytest.mark.parametrize("command", [["validate", "{dir}"], ["--content", "{dir}"]])
def test_cli_refuses_bad_content_without_traceback(content_copy, command):
    mutate(content_copy, "travellers.yaml", "seat: driver", "seat: back")
    args = [part.format(dir=content_copy) for part in command]
    result = subprocess.run([sys.executable, "-m", "game", *args], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "travellers.yaml" in result.stderr and "got 'back'" in result.stderr


def test_cli_validate_summarises_good_content():
    result = subprocess.run([sys.executable, "-m", "game", "validate"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("content OK:")
