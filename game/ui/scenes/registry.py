"""The explicit registry of scenes by name (filled in by the package's __init__)."""
from __future__ import annotations

from typing import Any

REGISTRY: dict[str, type] = {}


def make_scene(name: str, ctx: Any, **options: Any):
    """A new scene by its registered name, e.g. make_scene('lane', ctx, traveller='commuter')."""
    return REGISTRY[name](ctx, **options)
