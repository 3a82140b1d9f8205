"""`face-value codes CODE ...`: a teacher's tally of a class's decision codes, with no network and no names:
the same tally as the Teacher screen (game.story.tally), printed, and with --csv written as the same CSV."""
from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path
from typing import Callable

from game.content import Content
from game.sim import Model
from game.story.code import AFTER, BEFORE, Codebook
from game.story.labels import choice_values
from game.story.numbers import Numbers, for_language
from game.story.speech import sayer
from game.story.tally import ClassTally, split_codes, tally
from .args import fail

NOT_TEXT = re.compile("[\x00-\x08\x0e-\x1f\udc80-\udcff]")  # control characters, or bytes that were not UTF-8


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("codes", nargs="*", help="decision codes, or none to read them from standard input")
    parser.add_argument("--lang", default="en", help="language of the summary")
    parser.add_argument("--csv", type=Path, metavar="FILE", help="also write the tally as a CSV file")


def run(content: Content, args: argparse.Namespace) -> int:
    """Print, per question, how many players chose each option; list codes that could not be read."""
    codebook = Codebook.of(content)
    if args.codes:
        codes = split_codes(" ".join(args.codes), codebook.length)
    elif sys.stdin is None:  # started without any standard input (pythonw)
        codes = []
    else:
        if sys.stdin.isatty():
            print("Type or paste the codes, then press Ctrl+D (Ctrl+Z, Enter on Windows).", file=sys.stderr)
        try:
            text = sys.stdin.read()
        except UnicodeDecodeError:
            text = "\x00"
        if NOT_TEXT.search(text):
            return fail("codes: the input is not text; give decision codes, one per line")
        codes = split_codes(text, codebook.length)
    if not codes:
        print("No decision codes given: type them after `face-value codes`, or pipe them in, one per line.")
        return 0
    result = tally(codebook, codes)
    questions = content.questions
    t = lambda text_id: content.text(text_id, args.lang)  # noqa: E731
    print(t("codes.summary").format(read=result.read, total=result.total))
    model = Model.from_content(content)
    numbers = for_language(content, args.lang)
    for slot, options in codebook.slots:
        question = questions[slot.removesuffix(".algorithm")]
        print(f"\n{t(question.algorithm_label if slot.endswith('.algorithm') else question.title)}")
        for index, option in enumerate(options):
            label = content.text(option.label, args.lang, **numbers.values(choice_values(model, option.set)))
            print(f"  {result.choices[slot][index]:>4}  {label}")
    if result.dragged:
        print("\n" + t("codes.dragged").format(count=result.dragged))
    print_check(result, t, numbers)
    say = sayer(lambda text_id, **values: content.text(text_id, args.lang, **values))
    for code, reason in result.bad:
        print(f"{code}: {say(reason)}", file=sys.stderr)
    if args.csv:
        try:
            with args.csv.open("w", newline="", encoding="utf-8") as out:
                csv.writer(out).writerows(result.rows())
        except OSError as error:
            return fail(f"codes: could not write {args.csv}: {error.strerror or error}")
        print("\n" + t("codes.csv_written").format(path=args.csv))
    return 1 if result.bad else 0


def print_check(result: ClassTally, t: Callable[[str], str], numbers: Numbers) -> None:
    """The check before and after: the class's mean score, and each concept's share right and gain."""
    before, after = result.phases[BEFORE], result.phases[AFTER]
    if not before.students and not after.students:
        return
    total = len(result.codebook.check)
    mean = lambda phase: "-" if phase.mean() is None else numbers.decimal(phase.mean(), 1)  # noqa: E731
    share = lambda value: "-" if value is None else numbers.percent(value)  # noqa: E731
    print("\n" + t("codes.check_heading").format(before=mean(before), after=mean(after), total=total,
                                                  students_before=before.students, students_after=after.students))
    for item_id, item in result.codebook.check.items():
        gain = result.gain(item_id)
        gained = "-" if gain is None else f"{gain * 100:+.0f}"
        print(f"  {share(before.share(item_id)):>6}  {share(after.share(item_id)):>6}  {gained:>5}  {t(item.concept)}")
