"""`face-value model`: run the model for a policy and print the outcomes as JSON.

A policy file is YAML with any of the board's fields set to option ids (content/policy.yaml),
e.g. `capture_failure: retake`; unset fields keep today's defaults. Errors in it read like
content errors (file:line: key.path: what was expected) and exit with status 2.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import math
import random
import sys
from pathlib import Path
from typing import Any

from game.content import ContentErrors, load_content, schema
from game.content.errors import ContentError, one_of
from game.content.reader import MISSING, Reader
from .args import fail, number, whole_number

SAMPLE_VEHICLES = 1000
MAX_DAYS = 36_500  # a century of traffic; more is a typo, and 1e308 days would overflow to infinity
MAX_SAMPLE = 1_000_000  # about five seconds


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--policy", metavar="FILE.yaml", help="the board's choices (default: today's policy)")
    parser.add_argument("--days", type=number(0, MAX_DAYS, "a number of days"), default=365.0,
                        help="days of traffic (default 365)")
    parser.add_argument("--seed", type=int, default=1, help="seed for the sampled vehicles (default 1)")
    parser.add_argument("--content", metavar="DIR", help="content folder (default: the game's own)")
    parser.add_argument("--sample", type=whole_number(0, MAX_SAMPLE, "a number of vehicles"),
                        default=SAMPLE_VEHICLES, metavar="N",
                        help=f"vehicles to sample for the summary (default {SAMPLE_VEHICLES})")
    parser.add_argument("--calibration", action="store_true",
                        help="print each public figure beside the model's, the ratio and whether it is in its band "
                             "(exit 1 if any is not)")


def read_policy_file(model: Any, path: Path) -> tuple[Any, list[ContentError]]:
    """Read a policy YAML into a Policy; on any problem return (None, errors)."""
    from game.sim import Policy

    reader = Reader(str(path))
    node = reader.compose(path)
    if node is None:
        return None, reader.errors
    data = reader.read(node, schema.PolicyFile)
    if reader.errors or data is MISSING:
        return None, reader.errors or [ContentError(str(path), 1, "", "expected a mapping of policy fields")]
    lines = {k.value: k.start_mark.line + 1 for k, _ in node.value} if hasattr(node, "value") else {}
    errors: list[ContentError] = []
    choices: dict[str, Any] = {}
    for f in dataclasses.fields(schema.PolicyFile):
        value = getattr(data, f.name)
        if value is None or f.name == "threshold_score":
            continue
        options = model.policy_fields[f.name].options
        if isinstance(value, bool):
            if not any(o.flag == value for o in options.values()):
                errors.append(ContentError(str(path), lines.get(f.name), f.name,
                                           f"expected one of {', '.join(options)}; got {value!r}"))
            choices[f.name] = value
        elif value not in options:
            errors.append(ContentError(str(path), lines.get(f.name), f.name, one_of(options, value)))
        else:
            choices[f.name] = value
    if data.threshold_score is not None:
        if not -50.0 < data.threshold_score < 50.0:
            errors.append(ContentError(str(path), lines.get("threshold_score"), "threshold_score",
                                       f"expected a score between -50 and 50; got {data.threshold_score}"))
        choices["threshold_score"] = data.threshold_score
    if errors:
        return None, errors
    return Policy.from_choices(model, choices), []


def run(args: argparse.Namespace) -> int:
    from game.sim import Model, Policy, port_year, sample_vehicles

    try:
        content = load_content(args.content)
        model = Model.from_content(content)
    except ContentErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 2
    policy = Policy.default(model)
    if getattr(args, "policy", None):
        policy, errors = read_policy_file(model, Path(args.policy))
        if errors:
            for e in errors:
                print(e, file=sys.stderr)
            print(f"{len(errors)} policy error{'s' if len(errors) != 1 else ''}.", file=sys.stderr)
            return 2
    if getattr(args, "calibration", False):
        return print_calibration(content, model, policy)
    days = getattr(args, "days", 365.0)
    if not (math.isfinite(days) and 0 < days <= MAX_DAYS):  # parsed so already; checked again for callers in code
        return fail(f"--days: expected a number of days above 0 and at most {MAX_DAYS:,}; got {days}")
    year = port_year(model, policy, days)
    n = max(0, int(getattr(args, "sample", SAMPLE_VEHICLES)))
    sample = sample_vehicles(model, policy, n, random.Random(getattr(args, "seed", 1)))
    choices = policy.choices(model)
    if policy.threshold_score is not None:
        choices["threshold_score"] = policy.threshold_score
    out = {"policy": choices, "year": year.as_dict(),
           "sample": {"seed": getattr(args, "seed", 1), **sample.as_dict(),
                      "all_captured_share": sample.all_captured / n if n else None,
                      "all_usable_share": sample.all_usable / n if n else None}}
    try:
        text = json.dumps(out, indent=2, sort_keys=False, allow_nan=False)  # strict JSON: never NaN or Infinity
    except ValueError:
        return fail("model: a figure came out as NaN or infinite, which JSON cannot hold; "
                    "please report this with the policy file and --days", 1)
    print(text)
    return 0


def print_calibration(content: Any, model: Any, policy: Any) -> int:
    """The calibration table in plain text, in English; exit 1 when a figure leaves its band."""
    from game.sim.calibration import calibration

    english = content.strings["en"]
    rows = [("public figure", "source", "public", "model", "ratio", "band", "in band")]
    checks = calibration(model, policy)
    for c in checks:
        rows.append((english[c.label], c.source, f"{c.public:.4g}", f"{c.model:.4g}", f"{c.ratio:.2f}",
                     f"{c.low:.4g} to {c.high:.4g}", "yes" if c.inside else "NO"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
    outside = [c.id for c in checks if not c.inside]
    print(f"{len(checks) - len(outside)} of {len(checks)} figures inside their bands"
          + (f"; outside: {', '.join(outside)}" if outside else "."))
    return 1 if outside else 0
