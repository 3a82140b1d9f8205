"""Preferences as a declared registry: each has a default and a check, so a bad value is refused."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any


@dataclass(frozen=True)
class PrefSpec:
    name: str
    default: Any
    choices: tuple
    label: str  # text id


REGISTRY: tuple[PrefSpec, ...] = (
    PrefSpec("text_scale", 1.0, (1.0, 1.25, 1.5, 2.0), "settings.text_scale"),
    PrefSpec("high_contrast", False, (False, True), "settings.high_contrast"),
    PrefSpec("reduced_motion", False, (False, True), "settings.reduced_motion"),
)
SPECS = {spec.name: spec for spec in REGISTRY}


@dataclass(frozen=True)
class Prefs:
    text_scale: float = 1.0
    high_contrast: bool = False
    reduced_motion: bool = False
    language: str = "en"

    def set(self, name: str, value: Any) -> "Prefs":
        spec = SPECS.get(name)
        if spec is not None and value not in spec.choices:
            raise ValueError(f"{name}: expected one of {spec.choices}; got {value!r}")
        return replace(self, **{name: value})

    def cycle(self, name: str) -> "Prefs":
        """The next choice of a preference, wrapping round: what a settings button does."""
        spec = SPECS[name]
        index = spec.choices.index(getattr(self, name))
        return self.set(name, spec.choices[(index + 1) % len(spec.choices)])


