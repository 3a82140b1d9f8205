"""`face-value codes CODE ...`: a teacher's tally of a class's decision codes, with no network and no names."""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter

from game.content import Content
from game.sim import Model
from game.story.code import CodeError, decision_slots, decode
from game.story.labels import choice_values
from game.story.numbers import for_language
from .args import fail

NOT_TEXT = re.compile("[\x00-\x08\x0e-\x1f\udc80-\udcff]")  # control characters, or bytes that were not UTF-8


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("codes", nargs="*", help="decision codes, or none to read them from standard input")
    parser.add_argument("--lang", default="en", help="language of the summary")


def run(content: Content, args: argparse.Namespace) -> int:
    """Print, per question, how many players chose each option; list codes that could not be read."""
    if args.codes:
        codes = args.codes
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
        codes = text.split()
    if not codes:
        print("No decision codes given: type them after `face-value codes`, or pipe them in, one per line.")
        return 0
    questions = content.questions
    slots = decision_slots(questions)
    tallies = {slot: Counter() for slot, _ in slots}
    dragged, bad = 0, []
    for code in codes:
        try:
            decisions, score = decode(questions, code)
        except CodeError as error:
            bad.append(f"{code}: {error}")
            continue
        dragged += score is not None
        for slot, index in decisions.items():
            tallies[slot][index] += 1
    t = lambda text_id: content.text(text_id, args.lang)  # noqa: E731
    read = len(codes) - len(bad)
    print(t("codes.summary").format(read=read, total=len(codes)))
    model = Model.from_content(content)
    numbers = for_language(content, args.lang)
    for slot, options in slots:
        question = questions[slot.removesuffix(".algorithm")]
        print(f"\n{t(question.algorithm_label if slot.endswith('.algorithm') else question.title)}")
        for index, option in enumerate(options):
            label = content.text(option.label, args.lang, **numbers.values(choice_values(model, option.set)))
            print(f"  {tallies[slot][index]:>4}  {label}")
    if dragged:
        print("\n" + t("codes.dragged").format(count=dragged))
    for line in bad:
        print(line, file=sys.stderr)
    return 1 if bad else 0
