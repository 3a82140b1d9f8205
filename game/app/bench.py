"""`face-value bench`: print start-up, frame time, idle CPU, model and memory figures as one JSON object.

These are measurements, not pass/fail tests; the targets are printed beside them.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

STARTUP_RUNS = 5
IDLE_SECONDS = 5.0


def _child_env() -> dict[str, str]:
    env = dict(os.environ, PYGAME_HIDE_SUPPORT_PROMPT="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # start as an installed game does, with cached bytecode
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("SDL_VIDEODRIVER", "dummy")
    env.setdefault("SDL_AUDIODRIVER", "dummy")
    return env


def _time_to_print(args: list[str]) -> float:
    """Seconds from launching a process to the wall-clock time it prints after its first frame."""
    start = time.time()
    out = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=_child_env(), check=True)
    return float(out.stdout.split()[0]) - start


def startup() -> dict[str, float]:
    bare = [_time_to_print(["-c", _bare_script()]) for _ in range(STARTUP_RUNS)]
    game = [_time_to_print(["-m", "game.ui.bench", "first-frame"]) for _ in range(STARTUP_RUNS)]
    b, g = statistics.median(bare), statistics.median(game)
    return {"bare_pygame_first_frame_s": round(b, 3), "game_first_frame_s": round(g, 3),
            "ratio": round(g / b, 2), "target_ratio_max": 2.0}


def _bare_script() -> str:
    from game.ui.bench import BARE_SCRIPT
    return BARE_SCRIPT


def idle() -> dict[str, float]:
    out = subprocess.run([sys.executable, "-m", "game.ui.bench", "idle", str(IDLE_SECONDS)], capture_output=True,
                         text=True, env=_child_env(), check=True)
    share, frames = out.stdout.split()
    return {"idle_cpu_percent_of_one_core": round(float(share) * 100, 2), "idle_seconds": IDLE_SECONDS,
            "frames_drawn_while_idle": int(frames), "target_percent_max": 2.0}


def run(args: argparse.Namespace) -> int:
    from game.app.args import fail
    from game.app.cli import load_or_report
    if args.frames < 1:  # the parser refuses it; a caller in code might not
        return fail(f"--frames: expected a number of frames from 1; got {args.frames}")
    content = load_or_report(args.content)
    if content is None:
        return 2
    try:
        return _measure(content, args)
    except subprocess.CalledProcessError as exc:  # a timed child process (the game itself) failed
        last = (exc.stderr or "").strip().splitlines()[-1:] or [f"exit status {exc.returncode}"]
        return fail(f"bench: the timed game process failed: {last[0]}", 1)


def _measure(content, args: argparse.Namespace) -> int:
    os.environ.update({k: v for k, v in _child_env().items() if k.startswith("SDL_")})
    from game.ui.runtime import REGISTRY, init_pygame, shutdown
    from game.ui.bench import floor_frames, frame_times
    figures: dict[str, object] = {"startup": startup()}
    init_pygame()
    try:
        frames = frame_times(content, sorted(REGISTRY), args.frames)
        # the floor: a bare pygame-ce frame drawing as many lines and shapes as the heaviest scene
        heaviest = max(frames.values(), key=lambda f: (f.get("lines", 0), f.get("shapes", 0)))
        floor = floor_frames(heaviest.get("lines", 0), heaviest.get("shapes", 0), args.frames)
    finally:
        shutdown()
    worst = max(f["p99_ms"] for f in frames.values())
    for f in frames.values():
        f["p99_over_floor"] = round(f["p99_ms"] / floor["p99_ms"], 2) if floor["p99_ms"] else None
    figures["frame_time_1920x1080"] = {"frames_per_scene": args.frames, "scenes": frames, "floor": floor,
                                       "worst_p99_ms": worst, "target_p99_ms_max": 4.0,
                                       "worst_p99_over_floor": max(f["p99_over_floor"] or 0 for f in frames.values()),
                                       "target_over_floor_max": 2.0}
    figures["idle"] = idle()
    try:
        from game.app.bench_model import model_figures
        figures["model"] = model_figures(content)
    except ImportError:
        figures["model"] = "not available"
    figures["memory"] = {"peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    print(json.dumps(figures, indent=2, allow_nan=False))
    return 0
