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
