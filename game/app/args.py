"""Command-line arguments: one-line errors, and numbers checked for range before any work starts."""
from __future__ import annotations

import argparse
import math
import sys
from typing import Callable, NoReturn

USAGE_EXIT = 2  # as argparse, and as content errors: the input was wrong, nothing was done

MIN_SIZE, MAX_SIZE = (320, 180), (7680, 4320)


class Parser(argparse.ArgumentParser):
    """argparse whose errors are one line: `face-value bench: argument --frames: expected ...`."""

    def error(self, message: str) -> NoReturn:
        self.exit(USAGE_EXIT, f"{self.prog}: {message} (see {self.prog} --help)\n")


def whole_number(low: int, high: int, what: str = "a whole number") -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(f"expected {what} from {low:,} to {high:,}; got {text!r}")
        return value
    return parse


def number(low: float, high: float, what: str = "a number") -> Callable[[str], float]:
    """A finite number above `low` and at most `high` (so never NaN or infinity)."""
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not (math.isfinite(value) and low < value <= high):
            raise argparse.ArgumentTypeError(f"expected {what} above {low:g} and at most {high:,g}; got {text!r}")
        return value
    return parse


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1280x720; got {text!r}") from None
    if w < MIN_SIZE[0] or h < MIN_SIZE[1]:
        raise argparse.ArgumentTypeError(f"window too small: {w}x{h} (at least {MIN_SIZE[0]}x{MIN_SIZE[1]})")
    if w > MAX_SIZE[0] or h > MAX_SIZE[1]:
        raise argparse.ArgumentTypeError(f"window too large: {w}x{h} (at most {MAX_SIZE[0]}x{MAX_SIZE[1]})")
    return w, h


def fail(message: str, status: int = USAGE_EXIT) -> int:
    """Print one line to standard error; return the exit status for the caller to return."""
    print(message, file=sys.stderr)
    return status
