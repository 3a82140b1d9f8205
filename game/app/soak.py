"""`face-value soak`: weeks of a museum kiosk in a few minutes, to find leaks and crashes.

A simulated day (or more) of visitors through the headless kiosk (game/ui/soak.py). It prints runs,
events, exceptions, resets, idle periods that ended in a fresh run, and resident memory at the start,
after warm-up, half-way, at the end and at its peak, beside the targets; the exit status is 1 when a
target is missed. A measurement, not a timed test (tests/app/test_soak.py runs a few simulated
minutes of it).
"""
from __future__ import annotations

import argparse
import time

from .args import number, parse_size


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--hours", type=number(0, 24 * 365, "a number of hours"), default=24.0,
                        help="simulated hours of visitors (default 24)")
    parser.add_argument("--seed", type=int, default=1, help="one seed gives one sequence of visitors")
    parser.add_argument("--size", type=parse_size, default=(1920, 1080), help="window size WxH (default 1920x1080)")


def run(content, args: argparse.Namespace) -> int:
    """Soak the kiosk for `args.hours` simulated hours; print the figures; 1 if a target was missed."""
    from game.ui.runtime import init_pygame, shutdown
    from game.ui.soak import Soak
    init_pygame(headless=True)
    started = time.perf_counter()
    try:
        tally = Soak(content, args.seed, args.size, args.hours).run()
    finally:
        shutdown()
    print(tally.report(time.perf_counter() - started))
    return 1 if tally.failures() else 0
