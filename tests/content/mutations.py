"""Mutations of the real content, as a museum technician or a teacher editing YAML might make them, and
the bar each must pass (issue 10): either `face-value validate` refuses it with exit status 2, every
error one line `file:line: ...` and no traceback, or it accepts it and a headless tour of every
registered scene on that content raises nothing (and nothing hangs).

tests/content/test_mutations.py runs a seeded sample of every kind; the whole set is a benchmark:

    python -m tests.content.mutations --all               # every kind, COUNT each (default 20)
    python -m tests.content.mutations --count 40 --seed 7 --kind fmr --kind spread --verbose

It prints, per kind, how many were accepted and played, rejected cleanly, and failed (exit 1 if any
failed, each with its file, line, edit and what went wrong). Kept apart from `face-value bench`
(game/app/bench.py), which measures the game's speed, not its content checks.
"""
from __future__ import annotations

import argparse
import contextlib
import inspect
import io
import os
import random
import re
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from game.content import DEFAULT_ROOT  # noqa: E402

FILES = ("sources.yaml", "travellers.yaml", "stations.yaml", "scenes.yaml", "questions.yaml", "model.yaml",
         "records.yaml", "policy.yaml", "strings/en.yaml", "strings/es.yaml")
# what validate prints for a rejected folder: `file:line: ...` per error, then one summary line
ERROR_LINE = re.compile(r"^\S+\.yaml:\d+: \S")
SUMMARY_LINE = re.compile(r"^\d+ content errors?; the game will not start until they are fixed\.$")
TIME_LIMIT_S = 20  # a mutation that takes longer hangs


# -- one edit ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Mutation:
    kind: str
    file: str
    line: int     # 1-based line of the edit in the original file
    before: str   # the whole original line(s)
    after: str    # what replaces them ("" deletes them)

    def apply(self, text: str) -> str:
        lines = text.splitlines(keepends=True)
        count = self.before.count("\n") or 1
        return "".join(lines[: self.line - 1]) + self.after + "".join(lines[self.line - 1 + count:])

    def __str__(self) -> str:
        after = self.after.rstrip("\n") or "(deleted)"
        return f"[{self.kind}] {self.file}:{self.line}: {self.before.strip()[:90]!r} -> {after.strip()[:90]!r}"


# a value after `key: ` in block or flow style (quoted, or plain up to a delimiter)
VALUE = re.compile(r"(?<=: )(\"(?:[^\"\\]|\\.)*\"|'[^']*'|[^\s,{}\[\]#\"'][^,{}\[\]#\n]*?)(?=\s*(?:[,}\]]|#|$))")
NUMBER = re.compile(r"(?<![\w.-])-?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?(?![\w.-])")
KEY_LINE = re.compile(r"^(\s*(?:- )?)([A-Za-z0-9_\"'][^:#\n]*?):(\s|$)")
ID_VALUE = re.compile(r"^[a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)*$")
STRING_LINE = re.compile(r"^(\s*[^\s:#][^:#\n]*: )(\"(?:[^\"\\]|\\.)*\"|[^\n{\[].*)$")

WILD_NUMBERS = (".nan", ".inf", "-.inf", "1e20", "1.0e20", "-1e20", "1e300", "100000000000000000000", "-12", "-3",
                "-0.1", "1.5", "0", "1", "0.001", "2", "0.5", "10", "1000000")
WRONG_TYPES = ("[1, 2]", "{a: 1}", "'text'", "nothing here", "42", "true", "null", "~", "-", "[]", "{}", "0x1F", ".nan",
               "2025-01-01")


class Edits:
    """Random edits of the content's text: rng and the files, line by line."""

    def __init__(self, rng: random.Random, texts: dict[str, str]):
        self.rng = rng
        self.texts = texts
        self.lines = {f: t.splitlines(keepends=True) for f, t in texts.items()}

    def pick_line(self, files, pattern: re.Pattern | Callable[[str], bool], kind: str):
        """(file, line number, line) of a random line (outside comments) that matches."""
        test = pattern if callable(pattern) and not isinstance(pattern, re.Pattern) else pattern.search
        choices = [(f, i + 1, line) for f in files for i, line in enumerate(self.lines[f])
                   if not line.lstrip().startswith("#") and test(_code(line))]
        return self.rng.choice(choices) if choices else None

    def replace_in_line(self, kind, file, number, line, span, new) -> Mutation:
        start, end = span
        return Mutation(kind, file, number, line, line[:start] + new + line[end:])

    def number(self, kind, files, values, where: Callable[[str, str], bool] = lambda line, token: True):
        """A number token (on a line that `where` admits) set to one of `values`."""
        found = []
        for f in files:
            for i, line in enumerate(self.lines[f]):
                code = _code(line)
                if line.lstrip().startswith("#") or f.startswith("strings/"):
                    continue
                for m in NUMBER.finditer(code):
                    if where(code, m.group(0)):
                        found.append((f, i + 1, line, m.span()))
        if not found:
            return None
        f, n, line, span = self.rng.choice(found)
        return self.replace_in_line(kind, f, n, line, span, self.rng.choice(values))

    def value(self, kind, files, new: Callable[[str], str], where: Callable[[str, str], bool] = lambda l, v: True):
        """A `key: value` value (on a line `where` admits) replaced by new(old)."""
        found = []
        for f in files:
            for i, line in enumerate(self.lines[f]):
                code = _code(line)
                if line.lstrip().startswith("#"):
                    continue
                for m in VALUE.finditer(code):
                    if m.group(1).strip() and where(code, m.group(1)):
                        found.append((f, i + 1, line, m.span(1), m.group(1)))
        if not found:
            return None
        f, n, line, span, old = self.rng.choice(found)
        return self.replace_in_line(kind, f, n, line, span, new(old))


def _code(line: str) -> str:
    """The line without a trailing comment (a # after a space, outside quotes: good enough here)."""
    if "#" not in line or '"' in line or "'" in line:
        return line.rstrip("\n")
    return re.sub(r"\s+#.*$", "", line.rstrip("\n"))


def _typo(word: str, rng: random.Random) -> str:
    word = word.strip("\"'")
    if len(word) > 3 and rng.random() < 0.5:
        i = rng.randrange(1, len(word) - 1)
        return word[:i] + word[i + 1] + word[i] + word[i + 2:] if word[i] != word[i + 1] else word + "x"
    return rng.choice([word + "x", word[:-1], word.replace("-", "_") if "-" in word else "un" + word])


# -- the kinds of mutation (issue 10's list, and the edits anyone makes) ----------------------------------
def _probability(e: Edits):
    probable = ("share", "chance", "catch", "rate", "values: {", "no_image", "poor_quality", "review", "opt_out")
    return e.number("probability", ["model.yaml"], ("1.5", "-0.1", "2", "-1"),
                    lambda line, tok: _float(tok) is not None and 0 <= _float(tok) <= 1 and
                    any(w in line for w in probable))


def _shares(e: Edits):
    tables = ("one: 0.40", "daylight: 0.55", "none: 0.70", "men: 0.45", "citizen: 0.55", "recent: 0.34")
    hit = e.pick_line(["model.yaml"], lambda l: any(t in l for t in tables), "shares")
    if not hit:
        return None
    f, n, line = hit
    tokens = [m for m in NUMBER.finditer(line)]
    m = e.rng.choice(tokens)
    new = f"{_float(m.group(0)) + e.rng.choice((0.05, -0.05, 0.3, 0.001)):.3f}"
    return e.replace_in_line("shares", f, n, line, m.span(), new)


def _fmr(e: Edits):
    which = e.rng.choice(("ratio_reference_fmr", "threshold", "search_fmr"))
    values = ("0", "1", ".nan", "1.0", "-1e-5", "0.5")
    if which == "threshold":
        return e.number("fmr", ["policy.yaml"], values, lambda line, tok: "fmr-1e" in line and "value:" in line)
    return _after_key(e, "fmr", "model.yaml", which, values)


def _after_key(e: Edits, kind: str, file: str, key: str, values) -> Mutation | None:
    """The first number at or after the line holding `key:` in `file` set to one of `values`."""
    lines = e.lines[file]
    for i, line in enumerate(lines):
        if re.match(rf"\s*{re.escape(key)}:", line):
            for j in range(i, min(i + 4, len(lines))):
                m = NUMBER.search(_code(lines[j]).split(":", 1)[-1]) if j == i else NUMBER.search(_code(lines[j]))
                if m and "value" in lines[j]:
                    offset = len(lines[j].split(":", 1)[0]) + 1 if j == i else 0
                    span = (m.start() + offset, m.end() + offset)
                    return e.replace_in_line(kind, file, j + 1, lines[j], span, e.rng.choice(values))
    return None


def _spread(e: Edits):
    return _after_key(e, "spread", "model.yaml", "spread", ("0", "-1", "0.0", "1e-300", ".nan"))


def _unknown_id(e: Edits):
    """An id one file gives another (reader, retention, system, profile, station, fact, group...) misspelt;
    half of them in the board's options and the record flows, which name readers, retentions and systems."""
    file = e.rng.choice(("policy.yaml", "records.yaml") if e.rng.random() < 0.5 else
                        ("questions.yaml", "stations.yaml", "travellers.yaml", "model.yaml", "sources.yaml",
                         "scenes.yaml"))
    refs = ("readers", "retention", "profile", "system", "next", "first", "document", "group", "fact", "source",
            "differentials", "quality_level", "when", "set", "facts", "label", "title", "body", "says", "who",
            "quantity", "figures", "default", "seat", "lane", "category", "conditions", "kind")
    def new(old):
        return _typo(old, e.rng)
    return e.value("unknown-id", [file], new, lambda line, v: ID_VALUE.match(v.strip()) is not None and
                   any(re.search(rf"\b{r}\b", line) for r in refs)) or \
        _list_item_typo(e, file)


def _list_item_typo(e: Edits, file: str):
    hit = e.pick_line([file], re.compile(r"\[[a-z][a-z0-9_, .-]*\]"), "unknown-id")
    if not hit:
        return None
    f, n, line = hit
    m = re.search(r"\[([a-z][a-z0-9_, .-]*)\]", line)
    items = [x.strip() for x in m.group(1).split(",") if x.strip()]
    victim = e.rng.choice(items)
    start = line.index(victim, m.start())
    return e.replace_in_line("unknown-id", f, n, line, (start, start + len(victim)), _typo(victim, e.rng))


def _non_finite(e: Edits):
    return e.number("non-finite", ["model.yaml", "records.yaml", "policy.yaml", "travellers.yaml", "stations.yaml",
                                   "scenes.yaml"], (".nan", ".inf", "-.inf", "1e20", "-1e20", ".NaN", "1e400"),
                    lambda line, tok: "value" in line or "mean" in line or "shift" in line or e.rng.random() < 0.3)


def _retention(e: Edits):
    return e.number("retention", ["records.yaml"], ("-12", "1e300", "0", ".nan", "-0.5", "1e9"),
                    lambda line, tok: "unit: hours" in line)


def _kiosk(e: Edits):
    return e.number("kiosk", ["scenes.yaml"], (".nan", "-5", "0.001", "0", "1e9", ".inf", "3"))


def _photo_age(e: Edits):
    return e.number("photo-age", ["travellers.yaml"], ("-3", ".nan", "1e20", "-0.5", "250", "0"),
                    lambda line, tok: "photo_age_years" in line)


def _position(e: Edits):
    return e.number("position", ["stations.yaml"], ("1e20", "100000000000000000000", "-50", "5000", "1.5", ".nan"),
                    lambda line, tok: "position" in line)


def _deleted_text(e: Edits):
    """A question's prompt (or other words) deleted from questions.yaml, a fact's text from en, or any text."""
    roll = e.rng.random()
    if roll < 1 / 3:
        hit = e.pick_line(["questions.yaml"], re.compile(r"^\s+(prompt|title|short|label|who|says):"), "deleted-text")
        if hit and "{" not in hit[2]:
            return Mutation("deleted-text", hit[0], hit[1], hit[2], "")
    hit = e.pick_line(["strings/en.yaml"], lambda l: bool(re.match(r"^\s+[a-z0-9_-]+: \S", l)), "deleted-text")
    lines = e.lines["strings/en.yaml"]
    if roll < 2 / 3 and "fact:\n" in lines:  # a fact's words: the block under `fact:`
        block = []
        for n in range(lines.index("fact:\n") + 2, len(lines) + 1):
            if not lines[n - 1].startswith("  "):
                break
            block.append(n)
        if block:
            n = e.rng.choice(block)
            hit = ("strings/en.yaml", n, lines[n - 1])
    if not hit:
        return None
    f, n, line = hit
    return Mutation("deleted-text", f, n, line, "")


def _string_edit(e: Edits, kind: str, file: str, inserts) -> Mutation | None:
    hit = e.pick_line([file], lambda l: bool(re.match(r"^\s+[a-z0-9_-]+: (\"|[A-Za-z{])", l)), kind)
    if not hit:
        return None
    f, n, line = hit
    key, value = line.rstrip("\n").split(": ", 1)
    insert = e.rng.choice(inserts)
    if value.startswith('"'):
        body = value[1:-1]
        at = e.rng.randrange(len(body) + 1)
        value = '"' + body[:at] + insert + body[at:] + '"'
    else:
        at = e.rng.randrange(len(value) + 1)
        value = '"' + (value[:at] + insert + value[at:]).replace('"', '\\"') + '"'
    return Mutation(kind, f, n, line, f"{key}: {value}\n")


def _placeholder_en(e: Edits):
    return _string_edit(e, "placeholder-en", "strings/en.yaml",
                        ("{}", "{bogus}", "{0}", "{n:>3}", "{when}", "{n}", "{name}", "{value!r}", "{a.b}", "{{ok}}"))


def _brace_es(e: Edits):
    return _string_edit(e, "brace-es", "strings/es.yaml", ("}", "{", "{ ", " }", "{}", "{x", "}{"))


def _wrong_type(e: Edits):
    file = e.rng.choice(FILES)
    return e.value("wrong-type", [file], lambda old: e.rng.choice(WRONG_TYPES))


def _deleted_key(e: Edits):
    file = e.rng.choice(FILES)
    hit = e.pick_line([file], KEY_LINE, "deleted-key")
    if not hit:
        return None
    f, n, line = hit
    return Mutation("deleted-key", f, n, line, "")


def _duplicated_key(e: Edits):
    file = e.rng.choice(FILES)
    hit = e.pick_line([file], KEY_LINE, "duplicated-key")
    if not hit:
        return None
    f, n, line = hit
    return Mutation("duplicated-key", f, n, line, line + line)


def _number(e: Edits):
    """Any number in any file, set to anything from sensible to absurd."""
    file = e.rng.choice([f for f in FILES if not f.startswith("strings/")])
    return e.number("number", [file], WILD_NUMBERS)


KINDS: dict[str, Callable[[Edits], Mutation | None]] = {
    "probability": _probability, "shares": _shares, "fmr": _fmr, "spread": _spread, "unknown-id": _unknown_id,
    "non-finite": _non_finite, "retention": _retention, "kiosk": _kiosk, "photo-age": _photo_age,
    "position": _position, "deleted-text": _deleted_text, "placeholder-en": _placeholder_en, "brace-es": _brace_es,
    "wrong-type": _wrong_type, "deleted-key": _deleted_key, "duplicated-key": _duplicated_key, "number": _number,
}


def _float(token: str) -> float | None:
    try:
        return float(token.replace("_", ""))
    except ValueError:
        return None


def generate(kinds, count: int, seed: int, root: Path = DEFAULT_ROOT) -> list[Mutation]:
    """`count` distinct mutations of each kind, the same for the same seed and content."""
    texts = {f: (root / f).read_text(encoding="utf-8") for f in FILES}
    rng = random.Random(seed)
    edits = Edits(rng, texts)
    out: list[Mutation] = []
    for kind in kinds:
        seen: set[tuple] = set()
        for _ in range(count * 20):
            if len(seen) >= count:
                break
            m = KINDS[kind](edits)
            if m is None or m.before == m.after or (m.file, m.line, m.after) in seen:
                continue
            seen.add((m.file, m.line, m.after))
            out.append(m)
    return out


# -- the bar -------------------------------------------------------------------------------------------
@dataclass
class Result:
    mutation: Mutation
    outcome: str  # "played" (accepted, and the tour raised nothing), "rejected" (cleanly) or "failure"
    detail: str = ""
    seconds: float = 0.0


class _Hang(Exception):
    pass


def _alarm(signum, frame):
    raise _Hang(f"took over {TIME_LIMIT_S} s")


def check(mutation: Mutation, folder: Path, originals: dict[str, str], tour_level: str = "full") -> Result:
    """Apply `mutation` to `folder` (a copy of the content), judge it, then undo it."""
    from game.app.cli import main
    path = folder / mutation.file
    path.write_text(mutation.apply(originals[mutation.file]), encoding="utf-8")
    start = time.perf_counter()
    use_alarm = hasattr(signal, "SIGALRM") and _main_thread()
    if use_alarm:
        old = signal.signal(signal.SIGALRM, _alarm)
        signal.alarm(TIME_LIMIT_S)
    try:
        err, out = io.StringIO(), io.StringIO()
        try:
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
                status = main(["validate", str(folder)])
        except _Hang:
            raise
        except BaseException:  # noqa: BLE001 - a traceback (or an exit) from validate is the failure we look for
            return Result(mutation, "failure", "validate raised:\n" + traceback.format_exc(), time.perf_counter() - start)
        stderr = err.getvalue()
        if status == 2:
            lines = stderr.splitlines()
            bad = [line for line in lines[:-1] if not ERROR_LINE.match(line)]
            if "Traceback" in stderr or not lines or not SUMMARY_LINE.match(lines[-1]) or bad:
                return Result(mutation, "failure", "validate's errors are not all `file:line: ...`:\n" + stderr,
                              time.perf_counter() - start)
            return Result(mutation, "rejected", lines[0], time.perf_counter() - start)
        if status != 0:
            return Result(mutation, "failure", f"validate exited {status}:\n{stderr}", time.perf_counter() - start)
        try:
            tour(folder, level=tour_level, seed=mutation.line)
        except _Hang:
            raise
        except BaseException:  # noqa: BLE001
            return Result(mutation, "failure", "validate accepted it, then the game raised:\n" + traceback.format_exc(),
                          time.perf_counter() - start)
        return Result(mutation, "played", "", time.perf_counter() - start)
    except _Hang as hang:
        return Result(mutation, "failure", f"hang: {hang}", time.perf_counter() - start)
    finally:
        if use_alarm:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, old)
        path.write_text(originals[mutation.file], encoding="utf-8")


def _main_thread() -> bool:
    import threading
    return threading.current_thread() is threading.main_thread()


def tour(folder: Path, level: str = "full", seed: int = 1) -> None:
    """Every registered scene on the content in `folder`, through the registry and the Game class only:
    each scene shown (for each traveller and question where it takes one), then a walk from the title
    pressing what a player presses, in each language, and a kiosk left alone until it resets."""
    from game.content import load_content
    from game.ui import input as I
    from game.ui.runtime import REGISTRY, Game, init_pygame, scene_class
    content = load_content(folder)
    init_pygame(headless=True)
    size = (960, 540)
    for name in sorted(REGISTRY):
        params = inspect.signature(scene_class(name).__init__).parameters
        options: list[dict] = [{}]
        if level == "full" and "traveller" in params:
            options = [{"traveller": t} for t in content.travellers]
        elif level == "full" and "index" in params:
            options = [{}] + [{"index": i} for i in range(len(content.questions))]
        for extra in options:
            game = Game(content, size=size, start=name, **extra)
            game.step()
            game.send(I.Intent(I.NEXT))
            game.step()
    rng = random.Random(seed)
    moves = (I.CONFIRM, I.CONFIRM, I.CONFIRM, I.NEXT, I.RIGHT, I.RIGHT, I.LEFT, I.DOWN, I.UP, I.PREV, I.BACK, I.INFO)
    walks = [("en", False), ("es", True)] if level == "full" else [(rng.choice(content.languages), rng.random() < 0.5)]
    for lang, kiosk in walks:
        if lang not in content.strings:
            continue
        game = Game(content, size=size, lang=lang, kiosk=kiosk, seed=seed)
        game.step()
        for _ in range(60 if level == "full" else 30):
            if game.ctx.quit_requested or game.scene is None:
                break
            kind = rng.choice(moves)
            if kind == I.BACK and game.scene.name == "title":
                continue  # the title's Back asks to quit: not a walk through the game
            game.send(I.Intent(kind))
            game.step(1 / 60)
            for _ in range(3):
                game.step(1 / 60)
        if kiosk:  # left alone: "Still there?" runs out, and the game plays itself on a fresh run
            game.step(content.scenes.kiosk.idle_reset_seconds + 1)
            game.step(content.scenes.kiosk.prompt_seconds + 1)
            game.step()
            assert game.scene is not None and game.scene.name == "attract", "the kiosk did not reset when left alone"


# -- the benchmark ---------------------------------------------------------------------------------------
def run(mutations: list[Mutation], tour_level: str = "full", progress: Callable[[Result], None] | None = None,
        root: Path = DEFAULT_ROOT) -> list[Result]:
    results = []
    with tempfile.TemporaryDirectory(prefix="face-value-mutations-") as tmp:
        folder = Path(tmp) / "content"
        shutil.copytree(root, folder)
        originals = {f: (folder / f).read_text(encoding="utf-8") for f in FILES}
        for mutation in mutations:
            result = check(mutation, folder, originals, tour_level)
            results.append(result)
            if progress:
                progress(result)
    return results


def table(results: list[Result]) -> str:
    counts: dict[str, Counter] = defaultdict(Counter)
    for r in results:
        counts[r.mutation.kind][r.outcome] += 1
    rows = [f"{'kind':<16}{'played':>8}{'rejected':>10}{'failures':>10}{'total':>8}"]
    for kind in [k for k in KINDS if k in counts]:
        c = counts[kind]
        rows.append(f"{kind:<16}{c['played']:>8}{c['rejected']:>10}{c['failure']:>10}{sum(c.values()):>8}")
    total = Counter(r.outcome for r in results)
    rows.append(f"{'all':<16}{total['played']:>8}{total['rejected']:>10}{total['failure']:>10}{len(results):>8}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.content.mutations", description=__doc__.split("\n\n")[0])
    parser.add_argument("--all", action="store_true", help="every kind (the default when no --kind is given)")
    parser.add_argument("--kind", action="append", choices=sorted(KINDS), help="only this kind (repeatable)")
    parser.add_argument("--count", type=int, default=20, help="mutations of each kind (default 20)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--quick", action="store_true", help="the short tour the test uses")
    parser.add_argument("--verbose", action="store_true", help="print every mutation and its outcome")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be at least 1")
    kinds = args.kind or list(KINDS)
    mutations = generate(kinds, args.count, args.seed)
    start = time.perf_counter()

    def progress(r: Result) -> None:
        if args.verbose or r.outcome == "failure":
            print(f"{r.outcome:<9}{r.seconds:6.2f}s {r.mutation}", flush=True)
            if r.outcome == "failure" or (args.verbose and r.detail):
                print("         " + r.detail.strip().replace("\n", "\n         ")[:3000], flush=True)

    results = run(mutations, "quick" if args.quick else "full", progress)
    print(table(results))
    print(f"{len(results)} mutations (seed {args.seed}) in {time.perf_counter() - start:.1f} s")
    return 1 if any(r.outcome == "failure" for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
