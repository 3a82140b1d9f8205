"""Field markers for the schema: references to ids of another kind, and ids taken from mapping keys."""
from __future__ import annotations

import dataclasses
from typing import Any


def ref(kind: str, default: Any = dataclasses.MISSING, **kw: Any) -> Any:
    """A field whose value (or each value of a list) must be a known id of `kind`."""
    if default is not dataclasses.MISSING:
        kw["default"] = default
    return dataclasses.field(metadata={"ref": kind}, **kw)


def key_id() -> Any:
    """A field filled from the mapping key the object sits under (its id)."""
    return dataclasses.field(default="", metadata={"key_id": True})
