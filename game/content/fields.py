"""Field markers for the schema: references to ids of another kind, ids taken from mapping keys, and the
bounds a number must keep. The Reader enforces every marker and blames the line the value is on.

A bound applies to every number the field holds: a plain number, each item of a list or mapping of
numbers, a Param's `value` or each of a ParamTable's `values`. Every number must also be finite and
at most MAX_MAGNITUDE in size, bounded or not (NaN, .inf and 1e300 are never what an author meant).
"""
from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any

MAX_MAGNITUDE = 1e15  # larger than any count the model uses (60 billion scraped photos); 1e20 is a typo
SHARE_TOLERANCE = 1e-6  # how far shares may miss 1 in total (rounding in the written figures)


@dataclass(frozen=True)
class Bounds:
    """[lo, hi] (either end open when `lo_open` / `hi_open`); `what` names the quantity in errors."""

    lo: float = -math.inf
    hi: float = math.inf
    lo_open: bool = False
    hi_open: bool = False
    what: str = "a number"
    shares: bool = False  # the numbers of one mapping are shares of a whole: they must add up to 1
    whole: bool = False   # whole numbers only (a count of things)

    def admits(self, x: float) -> bool:
        above = x > self.lo if self.lo_open else x >= self.lo
        below = x < self.hi if self.hi_open else x <= self.hi
        return above and below and (not self.whole or float(x).is_integer())

    def expected(self) -> str:
        left = "(" if self.lo_open else "["
        right = ")" if self.hi_open else "]"
        return f"{self.what} in {left}{_num(self.lo)}, {_num(self.hi)}{right}"


def _num(x: float) -> str:
    if math.isinf(x):
        return "-inf" if x < 0 else "inf"
    return f"{x:g}"


def _field(metadata: dict, default: Any, kw: dict) -> Any:
    if default is not dataclasses.MISSING:
        kw["default"] = default
    return dataclasses.field(metadata=metadata, **kw)


def ref(kind: str, default: Any = dataclasses.MISSING, *, required: bool = False,
        placeholders: tuple[str, ...] | None = (), **kw: Any) -> Any:
    """A field whose value (or each value of a list or mapping) must be a known id of `kind`.

    `required`: the key must be written, although the class has a default (a text id of "" is never
    valid, so a deleted `prompt:` is an error here, not a KeyError on the board). `placeholders`: for
    text ids, the {names} the code fills in when it shows that text; None where the names depend on
    the content (a retention's label gets {hours} only if it states hours: game.content.texts).
    """
    meta = {"ref": kind, "required": required, "placeholders": None if placeholders is None else tuple(placeholders)}
    return _field(meta, default, kw)


def key_id() -> Any:
    """A field filled from the mapping key the object sits under (its id)."""
    return dataclasses.field(default="", metadata={"key_id": True})


def bounded(lo: float = -math.inf, hi: float = math.inf, *, lo_open: bool = False, hi_open: bool = False,
            what: str = "a number", whole: bool = False, default: Any = dataclasses.MISSING, **kw: Any) -> Any:
    """A number (or numbers: see the module docstring) that must lie in [lo, hi]."""
    return _field({"bounds": Bounds(lo, hi, lo_open, hi_open, what, whole=whole)}, default, kw)


def probability(default: Any = dataclasses.MISSING, **kw: Any) -> Any:
    """A chance, or several: each from 0 to 1."""
    return _field({"bounds": Bounds(0.0, 1.0, what="a chance")}, default, kw)


def shares(default: Any = dataclasses.MISSING, **kw: Any) -> Any:
    """Shares of a whole (a ParamTable or a mapping of numbers): each from 0 to 1, together 1."""
    return _field({"bounds": Bounds(0.0, 1.0, what="a share", shares=True)}, default, kw)


def positive(hi: float, what: str = "a positive number", default: Any = dataclasses.MISSING, **kw: Any) -> Any:
    """A number above 0 and at most `hi` (spreads, sizes, durations that cannot be nothing)."""
    return bounded(0.0, hi, lo_open=True, what=what, default=default, **kw)
