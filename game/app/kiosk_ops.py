"""A kiosk left alone for weeks: systemd's notifications, one instance at a time, a display or a clear
no, and the museum's anonymous daily tally.

Plain Python (no pygame): the command line wires these into the game, and the game's loop calls the
`Watch` it is given (`ctx.services["watch"]`) once its first frame is drawn and on every pass.
Everything here is a no-op where its condition is absent: no NOTIFY_SOCKET (Windows, macOS, a
terminal), no tally folder (the default: a kiosk then writes nothing at all).
"""
from __future__ import annotations

import datetime
import json
import os
import re
import socket
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Any, Callable, Mapping

from game.story.code import decision_slots
from game.story.prefs import write_atomically

TALLY_PREFIX = "tally-"
START_SCENES = frozenset({"choose"})    # a visitor's run has started: they left the title to choose a traveller
FINISH_SCENES = frozenset({"record"})   # ... and finished: they reached the record of what their choices did
MAX_TALLY_BYTES = 1_000_000             # a day's tally is a few hundred bytes; anything far larger is not ours


# -- systemd ---------------------------------------------------------------------------------
class Notifier:
    """sd_notify(3) without libsystemd: one datagram per state to $NOTIFY_SOCKET.

    READY=1 once the first frame is on screen (Type=notify), WATCHDOG=1 from the loop at most every
    half of $WATCHDOG_USEC (WatchdogSec=), STOPPING=1 on the way out. $WATCHDOG_PID is not checked:
    under cage the service's main process is the compositor and the game is its child, so systemd
    names cage there; the unit's NotifyAccess=all lets the child speak for the service.
    """

    def __init__(self, environ: Mapping[str, str] = os.environ, clock: Callable[[], float] = time.monotonic):
        address = environ.get("NOTIFY_SOCKET", "")
        self.address = "\0" + address[1:] if address.startswith("@") else address  # '@': Linux's abstract namespace
        self.interval = _half_watchdog(environ.get("WATCHDOG_USEC", ""))
        self._clock = clock
        self._last_watchdog = -float("inf")

    def send(self, state: str) -> bool:
        """Send one state; False when there is no systemd to tell or it cannot be reached."""
        if not self.address or not hasattr(socket, "AF_UNIX"):
            return False
        try:  # a socket per message, as sd_notify does: a few a minute, and nothing held open
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
                sock.sendto(state.encode(), self.address)
            return True
        except OSError:  # systemd gone or restarting: the game carries on either way
            return False

    def ready(self) -> None:
        self.send("READY=1")

    def alive(self) -> None:
        if self.interval is None:
            return
        now = self._clock()
        if now - self._last_watchdog >= self.interval:
            self._last_watchdog = now
            self.send("WATCHDOG=1")

    def stopping(self) -> None:
        self.send("STOPPING=1")


def _half_watchdog(usec: str) -> float | None:
    """Seconds between WATCHDOG=1 pings: half of systemd's interval, as sd_watchdog_enabled(3) advises."""
    try:
        value = int(usec)
    except ValueError:
        return None
    return value / 2e6 if value > 0 else None


# -- a display, or a clear no ------------------------------------------------------------------
SERVER_DRIVERS = {"x11": ("DISPLAY",), "wayland": ("WAYLAND_DISPLAY", "WAYLAND_SOCKET")}  # and what each needs


def display_problem(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> str | None:
    """Why the game cannot show a window here, or None.

    With neither X nor Wayland, SDL quietly falls back to its offscreen driver and the game runs
    unseen; a kiosk started before its compositor should fail and be restarted instead. SDL_VIDEODRIVER
    (one driver or a comma-separated list) is taken at its word for any other driver: dummy or
    offscreen for tests and screenshots, kmsdrm straight to the screen. Windows and macOS always have
    their own display."""
    if platform.startswith(("win", "cygwin", "darwin")):
        return None
    drivers = [d.strip().lower() for d in environ.get("SDL_VIDEODRIVER", "").split(",") if d.strip()]
    for driver in drivers or list(SERVER_DRIVERS):
        if driver not in SERVER_DRIVERS or any(environ.get(name) for name in SERVER_DRIVERS[driver]):
            return None
    return ("face-value: no display: neither WAYLAND_DISPLAY nor DISPLAY is set (start it inside cage or "
            "a desktop session; SDL_VIDEODRIVER=dummy runs it with no window)")


# -- one kiosk at a time ------------------------------------------------------------------------
def lock_path(environ: Mapping[str, str] = os.environ) -> Path:
    """One lock per user and screen: in $XDG_RUNTIME_DIR (per user, emptied at logout) when there is
    one, else the temporary folder, named for the user (so that one user's kiosk never blocks
    another's) and the display (so that a kiosk on one screen, or a headless one in a test, never
    blocks one on another screen)."""
    folder = environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
    user = f"-{os.getuid()}" if hasattr(os, "getuid") else ""
    screen = environ.get("WAYLAND_DISPLAY") or environ.get("DISPLAY") or environ.get("SDL_VIDEODRIVER") or "screen"
    return Path(folder) / f"face-value-kiosk{user}-{re.sub(r'[^A-Za-z0-9._-]', '_', screen)[-40:]}.lock"


def hold_lock(path: Path) -> IO[bytes] | None:
    """An open, exclusively locked file (keep it open while the kiosk runs), or None when another
    process holds it. An advisory lock: the operating system releases it when the holder exits or
    crashes, so a stale file never blocks a restart. Raises OSError when the file cannot be opened."""
    handle = open(path, "a+b")  # noqa: SIM115 - held for the life of the kiosk, closed by release()
    try:
        if os.name == "nt":
            import msvcrt
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:  # BlockingIOError (flock) or a lock violation (msvcrt): someone else has it
        handle.close()
        return None
    return handle


# -- the museum's daily tally ---------------------------------------------------------------------
class Tally:
    """Counts for the day, in `folder`/tally-YYYY-MM-DD.json: runs started, runs finished, and for
    each board question a visitor was shown, how many chose each option (by the policy values it
    sets, so the counts do not depend on the language or the option's wording).

    Only totals are stored: no time, no language, no traveller, nothing that tells one visitor's
    run from another's. Each change rewrites the day's small file through a temporary file and
    os.replace, which is atomic on POSIX and Windows, so a crash or power cut leaves the old total or
    the new one, never half a file; appending lines would keep one line per visitor (a record of
    individual runs) and O_APPEND is not atomic on every file system a museum might use (SMB).
    A count that cannot be written is kept and written with the next one."""

    def __init__(self, folder: Path, today: Callable[[], datetime.date] = datetime.date.today):
        self.folder = folder
        self._today = today
        self._run: object = None
        self._seen: set[str] = set()
        self._started = self._finished = False
        self._pending: dict[str, dict[str, Any]] = {}
        self._reported = False

    def observe(self, run: Any, scene: Any, questions: Mapping[str, Any]) -> None:
        """Look at the run and the screen on top: count a start, a finish, the questions shown."""
        if run is not self._run:  # a fresh run: the idle reset or "Back to the start" made a new one
            self._run, self._seen, self._started, self._finished = run, set(), False, False
        question = getattr(scene, "question", None)  # the board and the threshold lab show one question
        if getattr(question, "id", None) in questions:
            self._seen.add(question.id)
        name = getattr(scene, "name", None)
        if name in START_SCENES and not self._started:
            self._started = True
            self.add(runs_started=1)
        elif name in FINISH_SCENES and self._started and not self._finished:
            self._finished = True
            self.add(runs_finished=1, choices=self.choices(run, questions),
                     threshold_dragged=int(getattr(run.board, "threshold_score", None) is not None))

    def choices(self, run: Any, questions: Mapping[str, Any]) -> dict[str, dict[str, int]]:
        """One count per question shown to the visitor: the option in force when they reached the record."""
        board = run.board
        if board is None:
            return {}
        chosen: dict[str, dict[str, int]] = {}
        for slot, options in decision_slots(dict(questions)):
            index = board.decisions.get(slot, 0)
            if slot.removesuffix(".algorithm") in self._seen and 0 <= index < len(options):
                chosen[slot] = {option_key(options[index]): 1}
        return chosen

    def add(self, **counts: Any) -> None:
        day = self._today().isoformat()
        _merge(self._pending.setdefault(day, {}), counts)
        for day in list(self._pending):
            if self._write(day, self._pending[day]):
                del self._pending[day]

    def _write(self, day: str, counts: dict[str, Any]) -> bool:
        path = self.folder / f"{TALLY_PREFIX}{day}.json"
        total = {"day": day, "runs_started": 0, "runs_finished": 0, "threshold_dragged": 0, "choices": {}}
        try:
            _merge(total, _read_total(path))
            _merge(total, counts)
            write_atomically(path, json.dumps(total, indent=1, sort_keys=True) + "\n")
            return True
        except OSError as error:
            if not self._reported:  # once: a full disk must not fill the journal too
                self._reported = True
                print(f"face-value: tally not written to {path} ({error.strerror or error}); "
                      "counts kept until it can be", file=sys.stderr)
            return False


def option_key(option: Any) -> str:
    """An option as the policy values it sets: `threshold=fmr-1e-4`, stable across languages."""
    return ", ".join(f"{field}={value}" for field, value in sorted(option.set.items()))


def _read_total(path: Path) -> dict[str, Any]:
    """The day's total so far; a file that is missing or not ours counts as nothing (a damaged one is
    kept beside it, so no count is silently thrown away)."""
    try:
        with path.open("rb") as handle:
            data = json.loads(handle.read(MAX_TALLY_BYTES + 1))
        if isinstance(data, dict):
            return {key: data[key] for key in ("runs_started", "runs_finished", "threshold_dragged", "choices")
                    if key in data}
    except FileNotFoundError:
        return {}
    except ValueError:
        pass
    os.replace(path, path.with_suffix(".damaged"))
    return {}


def _merge(total: dict[str, Any], counts: Mapping[str, Any]) -> None:
    """Add `counts` into `total`, nested dictionaries of whole numbers; anything else is ignored."""
    for key, value in counts.items():
        if isinstance(value, dict):
            inner = total.setdefault(key, {})
            if isinstance(inner, dict):
                _merge(inner, value)
        elif isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            current = total.get(key, 0)
            total[key] = (current if isinstance(current, int) else 0) + value


def check_tally_folder(folder: Path) -> str | None:
    """Why the tally cannot be kept in `folder`, or None (it is created when missing)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        return f"face-value: --tally-dir {folder}: cannot write there ({error.strerror or error})"
    return None


# -- what the loop calls -----------------------------------------------------------------------------
class Watch:
    """The loop's one hook to the outside: systemd's notifications and, when configured, the tally."""

    def __init__(self, notifier: Notifier, tally: Tally | None = None):
        self.notifier = notifier
        self.tally = tally

    def ready(self) -> None:
        self.notifier.ready()

    def alive(self, game: Any) -> None:
        """Called on every pass of the main loop."""
        self.notifier.alive()
        if self.tally is not None:
            self.tally.observe(game.ctx.run, game.scene, game.ctx.content.questions)

    def stopping(self) -> None:
        self.notifier.stopping()
