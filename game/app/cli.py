"""The command line: play (the default), validate, screenshot, bench, codes and model.

Bad content stops every command with the full list of errors and exit status 2, never a traceback;
so does a bad argument, in one line. A reader that stops early (`face-value model | head -1`)
ends the command quietly, with the status a shell gives a program whose pipe closed (141).
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from game.content import ContentErrors, load_content
from game.content.cache import load_cached
from .args import USAGE_EXIT, Parser, fail, parse_size, whole_number

CONTENT_ERROR_EXIT = 2
BROKEN_PIPE_EXIT = 128 + getattr(signal, "SIGPIPE", 13)
INTERRUPTED_EXIT = 128 + signal.SIGINT
NO_DISPLAY_EXIT = 3  # no display server yet: systemd restarts the kiosk until its compositor is up
ALREADY_RUNNING_EXIT = 4  # another kiosk holds the lock

__all__ = ["main", "build_parser", "load_or_report", "parse_size"]


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="face-value", description="Face Value: cameras, matches and records "
                                     "at the border. With no command, the game starts.")
    add_play_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    play = commands.add_parser("play", help="start the game (the default)")
    add_play_options(play)
    validate = commands.add_parser("validate", help="check a content folder and list every error")
    validate.add_argument("dir", nargs="?", type=Path, help="content folder (default: the game's own)")
    shot = commands.add_parser("screenshot", help="render one scene headless to a PNG")
    shot.add_argument("scene", help="a registered scene name, e.g. title, choose, lane, outcome")
    shot.add_argument("--out", type=Path, required=True, help="PNG file to write")
    shot.add_argument("--size", type=parse_size, default=(1920, 1080), help="window size WxH (default 1920x1080)")
    shot.add_argument("--seed", type=int, default=1)
    shot.add_argument("--lang", default="en")
    shot.add_argument("--traveller", default=None, help="traveller id for scenes about one traveller")
    shot.add_argument("--content", type=Path, default=None)
    shot.add_argument("--text-size", type=int, choices=(0, 1, 2, 3), default=0,
                      help="0 standard, 1 large, 2 larger, 3 largest: 200%% (the settings' text sizes)")
    bench = commands.add_parser("bench", help="print start-up, frame time, idle CPU, model and memory figures")
    bench.add_argument("--frames", type=whole_number(1, 100_000, "a number of frames"), default=300,
                       help="frames to time per scene (default 300)")
    bench.add_argument("--content", type=Path, default=None)
    codes = commands.add_parser("codes", help="tally a class's decision codes (for teachers)")
    from . import codes_cmd
    codes_cmd.add_arguments(codes)
    words = commands.add_parser("words", help="words and minutes of the class path, screen by screen")
    from . import words_cmd
    words_cmd.add_arguments(words)
    model = commands.add_parser("model", help="print a policy's outcomes for a year at the port as JSON")
    from . import model_cmd
    model_cmd.add_arguments(model)
    soak = commands.add_parser("soak", help="a simulated day (or more) of kiosk visitors, headless: "
                               "exceptions, resets and resident memory")
    from . import soak as soak_cmd
    soak_cmd.add_arguments(soak)
    return parser


def add_play_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--fullscreen", action="store_true", default=argparse.SUPPRESS, help="fill the screen")
    parser.add_argument("--size", type=parse_size, default=argparse.SUPPRESS, help="window size WxH, e.g. 1280x720")
    parser.add_argument("--seed", type=int, default=argparse.SUPPRESS, help="one seed gives one run (default 1)")
    parser.add_argument("--lang", default=argparse.SUPPRESS, help="language code, e.g. en or es")
    parser.add_argument("--kiosk", action="store_true", default=argparse.SUPPRESS,
                        help="museum mode: fullscreen, reset when idle, staff exit Ctrl+Shift+Q")
    parser.add_argument("--class", dest="lesson", action="store_true", default=argparse.SUPPRESS,
                        help="the class path: only the lesson's travellers (content/scenes.yaml class_path)")
    parser.add_argument("--content", type=Path, default=argparse.SUPPRESS, help="content folder to load")
    parser.add_argument("--tally-dir", type=Path, default=argparse.SUPPRESS, metavar="DIR",
                        help="with --kiosk: keep an anonymous daily count of runs and choices in DIR (off by default)")


def load_or_report(root: Path | None, cached: bool = False):
    """The content, or None after printing every error (the caller exits with status 2)."""
    try:
        return load_cached(root) if cached else load_content(root)
    except ContentErrors as errors:
        print(errors.report(), file=sys.stderr)
        return None


def main(argv: list[str] | None = None) -> int:
    """Run one command; its exit status. Ends quietly when the reader of its output goes away."""
    try:
        status = run(argv)
        if sys.stdout is not None:
            sys.stdout.flush()  # here, not at exit: a closed pipe is then caught below
        return status
    except BrokenPipeError:
        _discard_stdout()
        return BROKEN_PIPE_EXIT
    except KeyboardInterrupt:
        return INTERRUPTED_EXIT


def _discard_stdout() -> None:
    """Point standard output at nothing, so Python's own flush at exit does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (tests) or already closed
        pass


def check_language(content, lang: str | None) -> int | None:
    """None when `lang` is one of the content's languages (or not given); else the error's exit status."""
    if lang is None or lang in content.strings:
        return None
    return fail(f"--lang {lang!r}: no such language; available: {', '.join(content.languages)} "
                f"(one per file in {content.root.name}/strings/)", USAGE_EXIT)


def run(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as done:  # --help, or a bad argument already reported in one line
        return done.code if isinstance(done.code, int) else USAGE_EXIT
    command = args.command or "play"
    if command == "validate":
        content = load_or_report(args.dir)
        if content is None:
            return CONTENT_ERROR_EXIT
        print(content.summary())
        return 0
    if command == "model":
        from . import model_cmd
        return model_cmd.run(args)
    if command == "bench":
        from . import bench
        return bench.run(args)
    kiosk = command == "play" and getattr(args, "kiosk", False)
    content = load_or_report(getattr(args, "content", None), cached=not kiosk)  # a kiosk writes no cache
    if content is None:
        return CONTENT_ERROR_EXIT
    bad_language = check_language(content, getattr(args, "lang", None))
    if bad_language is not None:
        return bad_language
    if command == "screenshot":
        from . import screenshot
        return screenshot.run(content, args)
    if command == "codes":
        from . import codes_cmd
        return codes_cmd.run(content, args)
    if command == "words":
        from . import words_cmd
        return words_cmd.run(content, args)
    if command == "soak":
        from . import soak as soak_cmd
        return soak_cmd.run(content, args)
    return play(content, args)


def play(content, args: argparse.Namespace) -> int:
    """The game in a window. Refuses to start with no display to show it on (exit 3, the same at home
    and in a kiosk: a window nobody can see is never what was meant) and, in a kiosk, while another
    kiosk runs (exit 4). A kiosk writes nothing but the tally it is given a folder for."""
    from . import kiosk_ops
    kiosk = getattr(args, "kiosk", False)
    tally_dir = getattr(args, "tally_dir", None)
    if tally_dir is not None and not kiosk:
        return fail("face-value: --tally-dir counts a kiosk's visitors; use it with --kiosk")
    problem = kiosk_ops.display_problem()
    if problem is not None:
        return fail(problem, NO_DISPLAY_EXIT)
    problem = kiosk_ops.check_tally_folder(tally_dir) if tally_dir is not None else None
    if problem is not None:
        return fail(problem)
    lock = _kiosk_lock(kiosk_ops) if kiosk else None
    if isinstance(lock, int):  # the exit status: another kiosk runs
        return lock
    from game.ui.runtime import Game, init_pygame, prefs_path, shutdown
    watch = kiosk_ops.Watch(kiosk_ops.Notifier(), kiosk_ops.Tally(tally_dir) if tally_dir is not None else None)
    try:
        init_pygame()
    except RuntimeError as error:  # pygame.error: the display named could not be opened
        if lock is not None:
            lock.close()
        return fail(f"face-value: cannot open the display: {error}", NO_DISPLAY_EXIT)
    try:
        game = Game(content, seed=getattr(args, "seed", 1), lang=getattr(args, "lang", None),
                    size=getattr(args, "size", (1280, 720)), fullscreen=getattr(args, "fullscreen", False) or kiosk,
                    kiosk=kiosk, prefs_file=None if kiosk else prefs_path(),
                    path="class" if getattr(args, "lesson", False) else "full")
        game.ctx.services["watch"] = watch
        return game.run()
    finally:
        watch.stopping()
        shutdown()
        if lock is not None:
            lock.close()  # the operating system would release it at exit anyway


def _kiosk_lock(kiosk_ops):
    """The held lock file; ALREADY_RUNNING_EXIT after saying so when another kiosk holds it; None when
    there is nowhere to keep one (then the kiosk runs anyway: one that will not start is worse)."""
    path = kiosk_ops.lock_path()
    try:
        lock = kiosk_ops.hold_lock(path)
    except OSError as error:
        print(f"face-value: {path}: {error.strerror or error}; not checking for another kiosk", file=sys.stderr)
        return None
    if lock is None:
        return fail(f"face-value: a kiosk is already running (it holds {path})", ALREADY_RUNNING_EXIT)
    return lock


if __name__ == "__main__":
    raise SystemExit(main())
