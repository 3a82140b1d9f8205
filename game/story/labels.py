"""Numbers that fill a board option's placeholders, read off the model (never typed into text)."""
from __future__ import annotations

from typing import Any

from game.sim.policy import option_values


def choice_values(model: Any, settings: dict[str, str]) -> dict[str, float]:
    """Placeholders for a board option that sets several policy fields at once."""
    values: dict[str, float] = {}
    for field, option_id in settings.items():
        values.update(option_values(model, field, option_id))
    return values


def plain_number(value: float) -> str:
    """A count as people read it: whole when large, one decimal when small, thousands grouped with commas."""
    if abs(value) >= 100 or value == round(value):
        return f"{round(value):,}"
    if abs(value) >= 0.1:
        return f"{value:,.1f}"
    return f"{value:.2g}"


def fill(template: str, values: dict[str, float]) -> str:
    """A label's placeholders filled with formatted model numbers."""
    return template.format(**{key: plain_number(value) for key, value in values.items()})
