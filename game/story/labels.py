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
    """A count as people read it: whole (people come in whole numbers, never 3.8 of them), thousands
    grouped with commas; a count above zero that rounds to none reads "<1", not "0"."""
    if 0 < abs(value) < 0.5:
        return "<1"
    return f"{round(value):,}"


def fill(template: str, values: dict[str, float]) -> str:
    """A label's placeholders filled with formatted model numbers."""
    return template.format(**{key: plain_number(value) for key, value in values.items()})
