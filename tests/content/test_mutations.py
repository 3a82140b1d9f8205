"""Content that validates is content that plays (issue 10): a seeded sample of mutations of the real
content, of every kind in tests/content/mutations.py, each either refused by `face-value validate` (exit
2, every error `file:line: ...`, no traceback) or accepted and then toured, every registered scene,
without an exception or a hang.

The sample is small so the suite stays fast; FACE_VALUE_MUTATION_SEED picks another sample, and
`python -m tests.content.mutations --all` runs the whole set as a benchmark.
"""
from __future__ import annotations

import os

import pytest

from . import mutations

SEED = int(os.environ.get("FACE_VALUE_MUTATION_SEED", "10"))
PER_KIND = 3


@pytest.fixture(scope="module")
def baseline_plays(tmp_path_factory):
    """Whether the game tours the unmutated content: if not, the game is broken (not its content checks),
    and the tours of accepted mutations could tell nothing."""
    try:
        mutations.tour(mutations.DEFAULT_ROOT, level="quick")
    except Exception as exc:  # noqa: BLE001
        return f"{type(exc).__name__}: {exc}"
    return None


@pytest.fixture(scope="module")
def results(baseline_plays):
    sample = mutations.generate(list(mutations.KINDS), PER_KIND, SEED)
    return mutations.run(sample, tour_level="quick")


@pytest.mark.parametrize("kind", list(mutations.KINDS))
def test_each_mutation_is_refused_cleanly_or_plays(results, baseline_plays, kind):
    mine = [r for r in results if r.mutation.kind == kind]
    assert mine, f"no {kind} mutation could be made of today's content: update tests/content/mutations.py"
    refused_badly = [f"{r.mutation}\n{r.detail}" for r in mine
                     if r.outcome == "failure" and not r.detail.startswith("validate accepted it")]
    assert refused_badly == [], "\n\n".join(refused_badly)
    crashed = [f"{r.mutation}\n{r.detail}" for r in mine if r.outcome == "failure"]
    if crashed and baseline_plays:
        pytest.skip(f"the game fails on the unmodified content too ({baseline_plays}); its tours tell nothing")
    assert crashed == [], "validate accepted these, then the game failed:\n\n" + "\n\n".join(crashed)


def test_the_sample_both_refuses_and_plays(results):
    outcomes = {r.outcome for r in results}
    assert {"rejected", "played"} <= outcomes, mutations.table(results)


def test_the_benchmark_prints_counts_per_kind(capsys):
    assert mutations.main(["--kind", "kiosk", "--count", "2", "--quick", "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert "kind" in out and "kiosk" in out and "played" in out and "rejected" in out and "failures" in out
