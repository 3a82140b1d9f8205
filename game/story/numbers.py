"""Numbers as players read them, formatted once, here, in the reader's language: whole people,
thousands grouped, decimals where a rate needs one, 'one in N' for small chances.

`Numbers(translate)` takes the language's translate function (a text id and values to a string),
so the separators and words come from content/strings (numbers.thousands, numbers.decimal,
numbers.one_in, numbers.times, numbers.under_one, numbers.never).
"""
from __future__ import annotations

import math
from typing import Any, Callable


Translate = Callable[..., str]
DASH = "—"
HOURS_PER_YEAR = 24 * 365


class Numbers:
    def __init__(self, translate: Translate):
        self.t = translate

    @staticmethod
    def _undefined(value: float) -> bool:
        """A figure the model could not compute (a share of none): shown as a dash, never 'nan'."""
        return not math.isfinite(value)

    def _localise(self, text: str) -> str:
        thousands, decimal = self.t("numbers.thousands"), self.t("numbers.decimal")
        return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)

    def count(self, value: float) -> str:
        """People and things come whole; above zero but under a half reads 'fewer than one'."""
        if self._undefined(value):
            return DASH
        if 0 < abs(value) < 0.5:
            return self.t("numbers.under_one")
        return self._localise(f"{round(value):,}")

    def decimal(self, value: float, places: int = 1) -> str:
        """A rate such as 5.7 per million, or a score such as 4.27."""
        if self._undefined(value):
            return DASH
        return self._localise(f"{value:,.{places}f}")

    def one_in(self, rate: float) -> str:
        """A small probability as 'one in N', N rounded to two significant figures."""
        if rate <= 0:
            return self.t("numbers.never")
        n = 1 / rate
        digits = len(str(int(n))) - 2
        rounded = round(n, -digits) if digits > 0 else round(n)
        return self.t("numbers.one_in", n=self._localise(f"{int(rounded):,}"))

    def times(self, factor: float) -> str:
        """A factor such as 3.2 times: one decimal below ten, whole above."""
        if self._undefined(factor):
            return DASH
        return self.t("numbers.times", n=self.decimal(factor) if factor < 10 else self.count(factor))

    def percent(self, share: float) -> str:
        if self._undefined(share):
            return DASH
        return self._localise(f"{share * 100:.1f}") + "%"

    def duration(self, hours: float) -> str:
        """A length of time in words: hours, days, weeks or years, as the size suits, singular for one."""
        for unit, size in (("years", HOURS_PER_YEAR), ("weeks", 168), ("days", 24), ("hours", 1)):
            n = hours / size
            if hours >= size and n == round(n):
                return self.t(f"record.{unit}{'_one' if n == 1 else ''}", n=self.count(n))
        return self.t("record.hours", n=self.count(hours))

    def values(self, values: dict[str, Any]) -> dict[str, str]:
        """A label's placeholders as counts (board options: 'one false match in {n}')."""
        return {key: self.count(v) if isinstance(v, (int, float)) else str(v) for key, v in values.items()}


def for_language(content: Any, language: str) -> Numbers:
    return Numbers(lambda text_id, **values: content.text(text_id, language, **values))
