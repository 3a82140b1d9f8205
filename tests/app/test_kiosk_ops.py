"""A kiosk left alone: systemd hears READY, WATCHDOG and STOPPING; a second kiosk, or one with no
display, says so and exits; the daily tally holds totals only, and without it a kiosk writes nothing."""
from __future__ import annotations

import datetime
import json
import os
import signal
import socket
import subprocess
import sys
import time
from types import SimpleNamespace

import pytest

from game.app import kiosk_ops
from game.app.cli import ALREADY_RUNNING_EXIT, NO_DISPLAY_EXIT, main
from game.app.kiosk_ops import Notifier, Tally, display_problem, hold_lock, option_key

unix_only = pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="systemd's socket is a Unix socket")


@pytest.fixture
def systemd(tmp_path):
    """A datagram socket standing in for systemd's notification socket; yields (address, receive)."""
    path = tmp_path / "notify"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(str(path))
    server.settimeout(0.05)

    def receive(until: float = 0.0) -> list[str]:
        got, deadline = [], time.monotonic() + until
        while True:
            try:
                got.append(server.recv(4096).decode())
            except socket.timeout:
                if time.monotonic() >= deadline:
                    return got
    yield str(path), receive
    server.close()


# -- sd_notify ------------------------------------------------------------------------------------
@unix_only
def test_ready_watchdog_at_half_the_interval_and_stopping(systemd):
    address, receive = systemd
    now = [0.0]
    notifier = Notifier({"NOTIFY_SOCKET": address, "WATCHDOG_USEC": "10000000"}, clock=lambda: now[0])
    assert notifier.interval == 5.0
    notifier.ready()
    for now[0] in (0.0, 1.0, 4.9, 5.0, 9.9, 10.0):  # the loop runs far more often than systemd needs to hear
        notifier.alive()
    notifier.stopping()
    assert receive() == ["READY=1", "WATCHDOG=1", "WATCHDOG=1", "WATCHDOG=1", "STOPPING=1"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the abstract namespace is Linux's")
def test_an_abstract_socket_address():
    name = f"face-value-test-{os.getpid()}"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind("\0" + name)
    server.settimeout(1)
    try:
        assert Notifier({"NOTIFY_SOCKET": "@" + name}).send("READY=1")
        assert server.recv(64) == b"READY=1"
    finally:
        server.close()


def test_without_systemd_nothing_is_sent():
    notifier = Notifier({})
    assert notifier.interval is None and not notifier.send("READY=1")
    notifier.ready(), notifier.alive(), notifier.stopping()  # no error, nothing to do
    assert Notifier({"WATCHDOG_USEC": "0"}).interval is None
    assert not Notifier({"NOTIFY_SOCKET": "/nonexistent/socket"}).send("READY=1")  # systemd gone: carry on


# -- a display, or a clear no -------------------------------------------------------------------
@pytest.mark.parametrize(("environ", "platform", "problem"), [
    ({}, "linux", True),
    ({"DISPLAY": ":0"}, "linux", False),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
    ({"SDL_VIDEODRIVER": "dummy"}, "linux", False),      # asked for headless: tests, screenshot, bench
    ({"SDL_VIDEODRIVER": "kmsdrm"}, "linux", False),     # no compositor, straight to the screen
    ({"SDL_VIDEODRIVER": "wayland,x11"}, "linux", True),  # the unit's choice, before cage is up
    ({"SDL_VIDEODRIVER": "wayland,x11", "DISPLAY": ":0"}, "linux", False),
    ({"SDL_VIDEODRIVER": "wayland", "DISPLAY": ":0"}, "linux", True),
    ({}, "win32", False), ({}, "darwin", False),
])
def test_display_problem(environ, platform, problem):
    assert (display_problem(environ, platform) is not None) == problem


def test_no_display_is_one_line_and_a_status_systemd_retries(monkeypatch, capsys):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert main(["--kiosk"]) == NO_DISPLAY_EXIT
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no display" in err


def test_tally_dir_is_for_a_kiosk(capsys):
    assert main(["--tally-dir", "somewhere"]) == 2
    assert "--kiosk" in capsys.readouterr().err


# -- one kiosk at a time ------------------------------------------------------------------------------
def test_one_lock_holder_at_a_time(tmp_path):
    path = tmp_path / "kiosk.lock"
    first = hold_lock(path)
    assert first is not None
    assert hold_lock(path) is None  # a second kiosk
    first.close()  # as the operating system does when the first exits or crashes
    again = hold_lock(path)
    assert again is not None
    again.close()


def test_one_lock_per_user_and_screen(tmp_path):
    here = {"XDG_RUNTIME_DIR": str(tmp_path), "WAYLAND_DISPLAY": "wayland-0"}
    assert kiosk_ops.lock_path(here).parent == tmp_path
    assert kiosk_ops.lock_path(here) == kiosk_ops.lock_path({**here, "DISPLAY": ":1"})  # cage's Xwayland too
    assert kiosk_ops.lock_path(here) != kiosk_ops.lock_path({**here, "WAYLAND_DISPLAY": "wayland-1"})
    assert kiosk_ops.lock_path({"DISPLAY": ":99"}).name.endswith("-_99.lock")


# -- the tally --------------------------------------------------------------------------------------
def scene(name: str, question: str | None = None):
    return SimpleNamespace(name=name, question=SimpleNamespace(id=question) if question else None)


def play_a_run(tally: Tally, content, decisions: dict[str, int], shown: list[str], finish: bool = True,
               dragged: float | None = None):
    run = SimpleNamespace(board=None)
    for screen in [scene("title"), scene("choose"), scene("lane")]:
        tally.observe(run, screen, content.questions)
    run.board = SimpleNamespace(decisions=decisions, threshold_score=dragged)
    for qid in shown:
        tally.observe(run, scene("board", qid), content.questions)
    if finish:
        tally.observe(run, scene("record"), content.questions)
        tally.observe(run, scene("sandbox"), content.questions)
        tally.observe(run, scene("record"), content.questions)  # back from the sandbox: still one run
    return run


def test_the_tally_holds_totals_only(tmp_path, content):
    tally = Tally(tmp_path, today=lambda: datetime.date(2025, 6, 1))
    questions = content.questions
    play_a_run(tally, content, {"threshold": 1, "threshold.algorithm": 0, "citizen_retention": 2},
               shown=["threshold", "citizen_retention"], dragged=4.5)
    play_a_run(tally, content, {"threshold": 1, "citizen_retention": 0}, shown=["threshold", "citizen_retention"])
    play_a_run(tally, content, {}, shown=[], finish=False)  # walked away in the lane
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["tally-2025-06-01.json"]  # no temporary file left behind
    total = json.loads((tmp_path / files[0]).read_text())
    assert total["runs_started"] == 3 and total["runs_finished"] == 2 and total["threshold_dragged"] == 1
    threshold = option_key(questions["threshold"].options[1])
    assert total["choices"]["threshold"] == {threshold: 2}
    assert sum(total["choices"]["citizen_retention"].values()) == 2
    assert "audits" not in total["choices"]  # never shown to these visitors: not counted as today's policy
    assert set(total) == {"day", "runs_started", "runs_finished", "threshold_dragged", "choices"}
    text = (tmp_path / files[0]).read_text()
    for personal in ("lang", "time", "traveller", "name", "seed"):
        assert personal not in text


def test_a_new_day_a_new_file_and_a_restart_adds_to_the_total(tmp_path, content):
    day = [datetime.date(2025, 6, 1)]
    play_a_run(Tally(tmp_path, today=lambda: day[0]), content, {}, shown=[])
    play_a_run(Tally(tmp_path, today=lambda: day[0]), content, {}, shown=[])  # the kiosk restarted
    day[0] = datetime.date(2025, 6, 2)
    play_a_run(Tally(tmp_path, today=lambda: day[0]), content, {}, shown=[])
    first = json.loads((tmp_path / "tally-2025-06-01.json").read_text())
    second = json.loads((tmp_path / "tally-2025-06-02.json").read_text())
    assert (first["runs_started"], second["runs_started"]) == (2, 1)


def test_an_unwritable_folder_keeps_the_counts_for_later(tmp_path, content, capsys):
    folder = tmp_path / "share"
    tally = Tally(folder, today=lambda: datetime.date(2025, 6, 1))  # the network share is not mounted
    play_a_run(tally, content, {}, shown=[])
    play_a_run(tally, content, {}, shown=[])
    assert capsys.readouterr().err.count("\n") == 1  # said once
    folder.mkdir()
    play_a_run(tally, content, {}, shown=[], finish=False)
    assert json.loads((folder / "tally-2025-06-01.json").read_text())["runs_started"] == 3


def test_a_damaged_tally_is_kept_aside(tmp_path, content):
    (tmp_path / "tally-2025-06-01.json").write_text("{not json")
    play_a_run(Tally(tmp_path, today=lambda: datetime.date(2025, 6, 1)), content, {}, shown=[])
    assert (tmp_path / "tally-2025-06-01.damaged").read_text() == "{not json"
    assert json.loads((tmp_path / "tally-2025-06-01.json").read_text())["runs_finished"] == 1


# -- the real kiosk, end to end ------------------------------------------------------------------------
@unix_only
def test_a_kiosk_tells_systemd_holds_the_lock_and_writes_nothing(tmp_path, systemd):
    address, receive = systemd
    home = tmp_path / "home"
    home.mkdir()
    runtime = tmp_path / "run"
    runtime.mkdir()
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "HOME": str(home),
           "XDG_CONFIG_HOME": str(home / ".config"), "XDG_CACHE_HOME": str(home / ".cache"),
           "XDG_DATA_HOME": str(home / ".local"), "XDG_RUNTIME_DIR": str(runtime), "PYTHONDONTWRITEBYTECODE": "1",
           "NOTIFY_SOCKET": address, "WATCHDOG_USEC": "200000"}
    command = [sys.executable, "-m", "game", "--kiosk"]
    with subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) as kiosk:
        try:
            got: list[str] = []
            deadline = time.monotonic() + 60
            while got.count("WATCHDOG=1") < 3 and time.monotonic() < deadline and kiosk.poll() is None:
                got += receive()
            assert got[:1] == ["READY=1"] and got.count("WATCHDOG=1") >= 3, (got, kiosk.poll())
            second = subprocess.run(command, env={**env, "NOTIFY_SOCKET": ""}, capture_output=True, text=True,
                                    timeout=60)
            assert second.returncode == ALREADY_RUNNING_EXIT
            assert "already running" in second.stderr and second.stderr.count("\n") == 1
            kiosk.send_signal(signal.SIGTERM)  # systemctl stop: SDL turns it into a quit
            _, err = kiosk.communicate(timeout=30)
            assert kiosk.returncode == 0, err
            assert receive()[-1:] == ["STOPPING=1"]
        finally:
            if kiosk.poll() is None:
                kiosk.kill()
    assert [p for p in home.rglob("*")] == []  # no preferences, no content cache, nothing
