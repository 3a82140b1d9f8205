"""The command line: every mistake is one line on standard error and exit status 2, never a traceback;
a reader that stops early ends a command quietly; JSON is always strict JSON."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.app import cli
from game.app.cli import BROKEN_PIPE_EXIT, main

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "cache"))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def one_line_error(code: int, err: str, *expected: str, status: int = 2) -> None:
    assert code == status, err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    for text in expected:
        assert text in err


# -- screenshot ---------------------------------------------------------------------------
def test_screenshot_to_a_folder(capsys, tmp_path):
    code, out, err = run(capsys, "screenshot", "title", "--out", str(tmp_path))
    one_line_error(code, err, "is a folder")
    assert out == ""


def test_screenshot_where_no_folder_can_be_made(capsys, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    code, _, err = run(capsys, "screenshot", "title", "--out", str(blocker / "shot.png"))
    one_line_error(code, err, "is a file, not a folder")
    code, _, err = run(capsys, "screenshot", "title", "--out", "/proc/face-value-nowhere/shot.png")
    one_line_error(code, err, "cannot make the folder")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_screenshot_to_a_full_device(capsys):
    code, _, err = run(capsys, "screenshot", "title", "--out", "/dev/full")
    one_line_error(code, err, "cannot write", "/dev/full")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes to read-only folders")
def test_screenshot_to_a_read_only_folder(capsys, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        code, _, err = run(capsys, "screenshot", "title", "--out", str(folder / "shot.png"))
    finally:
        folder.chmod(0o700)
    one_line_error(code, err, "cannot write")


def test_screenshot_of_an_unknown_traveller(capsys, tmp_path):
    code, _, err = run(capsys, "screenshot", "lane", "--traveller", "nobody", "--out", str(tmp_path / "x.png"))
    one_line_error(code, err, "unknown traveller id", "commuter")
    assert not (tmp_path / "x.png").exists()


def test_screenshot_of_a_scene_about_no_traveller(capsys, tmp_path):
    code, _, err = run(capsys, "screenshot", "title", "--traveller", "x", "--out", str(tmp_path / "x.png"))
    one_line_error(code, err, "'title' is not about one traveller", "lane")


def test_screenshot_of_an_unknown_scene(capsys, tmp_path):
    code, _, err = run(capsys, "screenshot", "nowhere", "--out", str(tmp_path / "x.png"))
    one_line_error(code, err, "unknown scene 'nowhere'")


def test_screenshot_writes_a_png(capsys, tmp_path):
    target = tmp_path / "deeper" / "lane.png"
    code, out, err = run(capsys, "screenshot", "lane", "--traveller", "commuter", "--size", "640x360",
                         "--out", str(target))
    assert code == 0, err
    assert target.read_bytes().startswith(b"\x89PNG") and "wrote" in out


# -- numbers ------------------------------------------------------------------------------
@pytest.mark.parametrize("frames", ["0", "-3", "many", "1e9"])
def test_bench_refuses_a_frame_count_that_is_not_positive(capsys, frames):
    code, out, err = run(capsys, "bench", "--frames", frames)
    one_line_error(code, err, "--frames")
    assert out == ""


@pytest.mark.parametrize("days", ["inf", "-inf", "nan", "0", "-1", "1e308"])
def test_model_refuses_days_that_are_not_a_finite_positive_number(capsys, days):
    code, out, err = run(capsys, "model", "--days", days)
    one_line_error(code, err, "--days")
    assert out == ""


@pytest.mark.parametrize("size", ["100000x100000", "10x10", "big"])
def test_window_sizes_are_bounded(capsys, size):
    code, _, err = run(capsys, "screenshot", "title", "--out", "x.png", "--size", size)
    one_line_error(code, err, "--size")


def test_model_prints_strict_json(capsys):
    code, out, err = run(capsys, "model", "--days", "0.001", "--sample", "0")
    assert code == 0, err

    def refuse(constant):
        raise AssertionError(f"{constant} is not JSON")
    data = json.loads(out, parse_constant=refuse)
    assert data["sample"]["all_captured_share"] is None


# -- languages ----------------------------------------------------------------------------
@pytest.mark.parametrize("argv", [["--lang", "xx"], ["play", "--lang", "xx"],
                                  ["screenshot", "title", "--lang", "xx", "--out", "x.png"],
                                  ["codes", "--lang", "xx", "ABCDEFGH"]])
def test_an_unknown_language_lists_the_available_ones(capsys, monkeypatch, argv):
    monkeypatch.setattr(cli, "play", lambda *_: pytest.fail("the game started"))
    code, out, err = run(capsys, *argv)
    one_line_error(code, err, "'xx'", "en, es")
    assert out == ""


# -- codes --------------------------------------------------------------------------------
def test_codes_with_no_input_says_so(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, out, err = run(capsys, "codes")
    assert code == 0 and err == ""
    assert out.strip().startswith("No decision codes given")


def test_codes_that_are_not_text_are_refused(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("\x7fELF\x02\x01\x01\x00\x00"))
    code, _, err = run(capsys, "codes")
    one_line_error(code, err, "not text")


# -- a reader that goes away --------------------------------------------------------------
class ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_pipe_ends_a_command_quietly(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["validate"]) == BROKEN_PIPE_EXIT
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("argv", [["model"], ["validate"], ["codes", "ABCDEFGH", "A0AXSGGR"],
                                  ["model", "--calibration"]])
def test_a_real_closed_pipe_gives_no_traceback(argv, tmp_path):
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line is written, as with `| head -0`
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), PYGAME_HIDE_SUPPORT_PROMPT="1")
    try:
        result = subprocess.run([sys.executable, "-m", "game", *argv], stdout=write_end, stderr=subprocess.PIPE,
                                text=True, timeout=120, cwd=REPO, env=env)
    finally:
        os.close(write_end)
    assert result.returncode == BROKEN_PIPE_EXIT, result.stderr
    assert result.stderr == ""
