"""Settings: each preference is one button that names its current choice and steps to the next."""
from __future__ import annotations

from typing import Any

from ..prefs import REGISTRY
from ..screen import Item, Screen, Words, button, column, row, text


def setting(spec: Any, prefs: Any) -> Item:
    value = spec.choices.index(getattr(prefs, spec.name))
    return Item("button", (Words.of(spec.label, {"value": Words(f"settings.value.{spec.name}.{value}")}),),
                key=spec.name)


def settings_screen(prefs: Any) -> Screen:
    # the buttons keep to the left half while it is wide enough for them, and take the width when not
    choices = row(column(*(setting(spec, prefs) for spec in REGISTRY)), column(), weights=(1, 1), min_width=440)
    return Screen("settings", (text("settings.heading", "heading"), text("settings.intro", "muted"), choices),
                  (button("back", "common.back", primary=True),), focus=REGISTRY[0].name)
