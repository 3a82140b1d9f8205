"""Predict, then see, as screen items: the question with Yes and No (a choice each, so keys, pointer,
touch and gamepad all reach them), then the model's answer, its cause, and whether the guess was right
(a shape and a word, never colour alone); and the run's tally for the record screen.
"""
from __future__ import annotations

from typing import Any

from ..numbers import Numbers
from ..predict import Question, tally
from ..run import Prediction
from ..screen import Item, Words, choice, column, panel, row, text
from .crossing import _decimal, places_for, status_badge

YES, NO = "predict:yes", "predict:no"  # the choices' keys


def _number(numbers: Numbers, question: Question, value: float) -> str:
    return _decimal(numbers, value, places_for((question.score,), question.threshold))


def ask(question: Question, numbers: Numbers) -> list[Item]:
    """The question, then Yes and No side by side, and a word that Continue moves on without a guess."""
    if question.kind == "capture":
        asked = Words.of("predict.capture_question", {"name": Words(question.who)})
    else:
        asked = Words.of("predict.score_question", {"name": Words(question.who),
                                                   "threshold": _number(numbers, question, question.threshold)})
    choices = row(choice(YES, Words("common.yes"), False), choice(NO, Words("common.no"), False),
                  text("predict.skip", "small_muted"), weights=(1, 1, 2), min_width=150)
    return [Item("text", (asked,), "accent"), choices]


def outcome_words(question: Question, numbers: Numbers) -> Words:
    """What the model did, with its cause: the camera's reason for no image, or the score against the line."""
    name = Words(question.who)
    if question.kind == "capture":
        if question.actual:
            return Words.of("predict.got", {"name": name})
        cause = Words(question.cause) if question.cause else Words("shot.missed")
        return Words.of("predict.missed", {"name": name, "cause": cause})
    values = {"name": name, "score": _number(numbers, question, question.score),
              "threshold": _number(numbers, question, question.threshold)}
    return Words.of("predict.cleared" if question.actual else "predict.not_cleared", values)


def reveal(question: Question, prediction: Prediction | None, numbers: Numbers) -> list[Item]:
    """The player's guess, right or wrong (a shape and a word), then the model's answer and why. Nothing
    when they did not guess: the results beside say it."""
    if prediction is None:
        return []
    said = Words("predict.said_yes" if prediction.guess else "predict.said_no")
    verdict = Words.of("predict.verdict", {"said": said,
                                           "result": Words("predict.right" if prediction.right else "predict.wrong")})
    return [status_badge("ok" if prediction.right else "alert", verdict, outcome_words(question, numbers))]


def answer_words(prediction: Prediction) -> Words:
    """One guess in the tally: what was asked, the guess, right or wrong (in words: no colour alone)."""
    kind = "predict.kind.capture" if prediction.kind == "capture" else "predict.kind.score"
    guess = Words("common.yes" if prediction.guess else "common.no")
    return Words.of("predict.line", {"question": Words(kind), "guess": guess,
                                     "result": Words("predict.right" if prediction.right else "predict.wrong")})


def prediction_panel(run: Any, numbers: Numbers) -> Item | None:
    """The record screen's tally of the player's guesses in the lane, a line for each person guessed
    about (their name once, then each guess); None when they made none."""
    if not run.predictions:
        return None
    right, total = tally(run.predictions)
    people: dict[str, list[Words]] = {}
    for prediction in run.predictions:
        people.setdefault(prediction.who, []).append(answer_words(prediction))
    return panel(column(text("predict.tally_heading", "subheading"),
                        Item("text", (Words.of("predict.tally", {"right": numbers.count(right),
                                                                 "total": numbers.count(total)}),), "body"),
                        *(Item("text", (Words(who), *answers), "small") for who, answers in people.items())))
