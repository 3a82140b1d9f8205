"""Numbers that fill labels' placeholders, read off the model (never typed into text)."""
from __future__ import annotations

from typing import Any

HOURS_PER_WEEK, HOURS_PER_YEAR = 24 * 7, 24 * 365


def retention_values(hours: float) -> dict[str, float]:
    """A retention period in every unit a label may name: {hours}, {days}, {weeks}, {years}."""
    return {"hours": hours, "days": hours / 24, "weeks": hours / HOURS_PER_WEEK, "years": hours / HOURS_PER_YEAR}


def option_values(model: Any, field: str, option_id: str) -> dict[str, float]:
    """Placeholders for a policy option's label: {n} for '1 in n' thresholds, retention units."""
    option = model.option(field, option_id)
    values: dict[str, float] = {}
    if getattr(option, "value", None):
        values["n"] = 1 / option.value
    if getattr(option, "retention", None):
        values.update(retention_values(model.retention_hours[option.retention]))
    return values


def choice_values(model: Any, settings: dict[str, str]) -> dict[str, float]:
    """Placeholders for a board option that sets several fields at once."""
    values: dict[str, float] = {}
    for field, option_id in settings.items():
        values.update(option_values(model, field, option_id))
    return values
