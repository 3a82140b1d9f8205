"""Predict, then see: at a face camera the player may guess, before each result is shown, whether the
camera will get a usable image of the traveller, then whether a score will clear the line; the model's
outcome and its cause follow, and each guess joins the run's tally. No pygame here.

The questions come from the crossing the model already sampled, so a guess never changes what happens:
the same seed gives the same answers however the player guesses.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .crossing import Beat, Shot
from .run import Prediction, Run

ASKED_AT = ("face",)  # the station kinds whose camera the player predicts


@dataclass(frozen=True)
class Question:
    """One thing to guess, with the model's answer already decided."""

    kind: str                 # "capture" or "score"
    who: str                  # text id of the person's name or seat
    actual: bool              # a usable image was taken / the score is at or above the threshold
    cause: str | None         # text id: why no usable image (or why no score), from the crossing's shot
    score: float | None = None
    threshold: float | None = None


def questions(kind: str, beat: Beat) -> tuple[Question, ...]:
    """At a face camera that ran: will it get the traveller's face (the traveller is the crossing's first
    shot), and then, for the first person it scored, will the score clear the line."""
    if kind not in ASKED_AT or not beat.shots:
        return ()
    first = beat.shots[0]
    asked = [Question("capture", first.who, usable(first), first.cause)]
    scored = next((s for s in beat.shots if s.score is not None), None)
    if scored is not None and beat.threshold is not None:
        asked.append(Question("score", scored.who, bool(scored.matched), None, scored.score, beat.threshold))
    return tuple(asked)


def usable(shot: Shot) -> bool:
    return shot.captured and shot.quality_ok


def answered(run: Run, traveller: str, question: Question) -> Prediction | None:
    """The player's guess at this question, if they made one in this run."""
    return next((p for p in run.predictions
                 if p.traveller == traveller and p.kind == question.kind and p.who == question.who), None)


def guess(run: Run, traveller: str, question: Question, yes: bool) -> Prediction:
    """Keep the player's guess beside the model's answer (once per question in a run)."""
    kept = answered(run, traveller, question)
    if kept is None:
        kept = Prediction(traveller, question.kind, question.who, yes, question.actual)
        run.predictions.append(kept)
    return kept


def tally(predictions: Any) -> tuple[int, int]:
    """Right guesses, and guesses in all."""
    made = list(predictions)
    return sum(p.right for p in made), len(made)
