"""A source's date, as content writes it: a year, a month, early in a year, or a span of years.

Only digits and a few fixed words are written in content; month names and the words around a date
are strings (`source.date.*`, `source.when.*`, `source.month.*`), so every language says them its way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

FORMATS = "YYYY, YYYY-MM, early YYYY or YYYY/YYYY"
_PATTERN = re.compile(r"(?:(?P<early>early) )?(?P<year>\d{4})(?:-(?P<month>0[1-9]|1[0-2]))?(?:/(?P<end>\d{4}))?")


@dataclass(frozen=True)
class SourceDate:
    year: str
    month: int | None = None
    early: bool = False
    end: str | None = None  # the last year of a span

    @property
    def kind(self) -> str:
        """Which string says this date: year, month, early or range."""
        return "range" if self.end else "early" if self.early else "month" if self.month else "year"


def parse_date(text: str) -> SourceDate | None:
    """The date `text` names, or None when it is not in one of the FORMATS."""
    found = _PATTERN.fullmatch(text.strip())
    if not found:
        return None
    parts = found.groupdict()
    if sum(bool(parts[k]) for k in ("early", "month", "end")) > 1:
        return None
    if parts["end"] and parts["end"] <= parts["year"]:
        return None
    return SourceDate(parts["year"], int(parts["month"]) if parts["month"] else None, bool(parts["early"]),
                      parts["end"])
