"""Numbers as players read them: rounded, grouped by thousands, in the run's language."""
from __future__ import annotations

from game.story.labels import plain_number

from ..scene import Context


def count(ctx: Context, value: float) -> str:
    """A count as the player's language writes it (see game.story.labels.plain_number)."""
    if 0 < abs(value) < 0.5:
        return ctx.t("numbers.under_one")
    return _localise(ctx, plain_number(value))


def one_in(ctx: Context, rate: float) -> str:
    """A small probability as 'one in N', N rounded to two significant figures."""
    if rate <= 0:
        return ctx.t("numbers.never")
    n = 1 / rate
    digits = len(str(int(n))) - 2
    rounded = round(n, -digits) if digits > 0 else round(n)
    return ctx.t("numbers.one_in", n=_localise(ctx, f"{int(rounded):,}"))


def decimal(ctx: Context, value: float) -> str:
    """A rate such as 5.7 per million: one decimal, in the player's language."""
    return _localise(ctx, f"{value:,.1f}")


def times(ctx: Context, factor: float) -> str:
    """A factor such as 3.2 times: one decimal below ten, whole above."""
    return ctx.t("numbers.times", n=decimal(ctx, factor) if factor < 10 else count(ctx, factor))


def percent(ctx: Context, share: float) -> str:
    return _localise(ctx, f"{share * 100:.1f}") + "%"


def _localise(ctx: Context, text: str) -> str:
    thousands, decimal = ctx.t("numbers.thousands"), ctx.t("numbers.decimal")
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def filled(ctx: Context, text_id: str, values: dict[str, float]) -> str:
    """A label with its placeholders filled by model numbers, formatted for reading."""
    return ctx.t(text_id, **{key: count(ctx, value) for key, value in values.items()})
