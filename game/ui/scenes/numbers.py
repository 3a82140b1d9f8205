"""Numbers for the scenes not yet drawn from screens: thin calls into game.story.numbers, where
every figure is formatted once per language."""
from __future__ import annotations

from game.story.numbers import Numbers

from ..scene import Context


def numbers(ctx: Context) -> Numbers:
    return Numbers(ctx.t)


def count(ctx: Context, value: float) -> str:
    return numbers(ctx).count(value)


def one_in(ctx: Context, rate: float) -> str:
    return numbers(ctx).one_in(rate)


def decimal(ctx: Context, value: float) -> str:
    return numbers(ctx).decimal(value)


def times(ctx: Context, factor: float) -> str:
    return numbers(ctx).times(factor)


def percent(ctx: Context, share: float) -> str:
    return numbers(ctx).percent(share)


def filled(ctx: Context, text_id: str, values: dict[str, float]) -> str:
    """A label with its placeholders filled by model numbers, formatted for reading."""
    return ctx.t(text_id, **numbers(ctx).values(values))
