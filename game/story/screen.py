"""Screens as data: what a screen says, as a tree of items, with no drawing in it.

A story function turns the world and the run's state into a `Screen`; game/ui lays it out with a
flow layout (game/ui/layout.py) and paints it. Every piece of text is a text id with its values
already formatted (game/story/numbers.py), so the UI never computes or formats a figure and never
reads content. Items say what they are (a heading, a paragraph, a choice, a row of a table), not
where they go.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping


@dataclass(frozen=True)
class Words:
    """A text id and the values that fill its placeholders: formatted strings, or other `Words` (a
    name or an outcome that is itself a text id, translated when the screen is shown)."""

    id: str
    values: tuple[tuple[str, "str | Words"], ...] = ()

    @classmethod
    def of(cls, text_id: str, values: Mapping[str, Any] | None = None) -> "Words":
        return cls(text_id, tuple((k, v if isinstance(v, Words) else str(v)) for k, v in (values or {}).items()))

    @property
    def mapping(self) -> dict[str, "str | Words"]:
        return dict(self.values)

    def ids(self) -> Iterable[str]:
        """This text id and those of the words inside it."""
        yield self.id
        for _, value in self.values:
            if isinstance(value, Words):
                yield from value.ids()


@dataclass(frozen=True)
class Item:
    """One thing on a screen.

    kind: text, button, choice (a button showing a selected state), row, column, grid, panel,
    pair (a label with values on the right: a row of a table), portrait, chart, map, rule.
    role: how text reads (title, tagline, heading, subheading, body, muted, small, small_muted,
    strong, italic, accent, value) or, for controls, "primary".
    key: a control's action key; the scene maps keys to actions.
    words: the item's text, in pieces joined with a separator (" · ") when there are several.
    data: what a painter needs (a face, chart data), or layout hints for containers (weights,
    min_width) — hints, never positions.
    """

    kind: str
    words: tuple[Words, ...] = ()
    role: str = "body"
    key: str | None = None
    items: tuple["Item", ...] = ()
    selected: bool = False
    data: Any = None

    def walk(self) -> Iterable["Item"]:
        yield self
        for child in self.items:
            yield from child.walk()


@dataclass(frozen=True)
class Screen:
    """A whole screen: its body (laid out top to bottom, paged if it must be) and its actions
    (a row of buttons at the bottom). `dialog` screens sit in a panel over the screen beneath."""

    name: str
    body: tuple[Item, ...]
    actions: tuple[Item, ...] = ()
    dialog: bool = False
    focus: str | None = None      # the key focused on arrival
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def controls(self) -> list[Item]:
        return [i for item in (*self.body, *self.actions) for i in item.walk() if i.kind in ("button", "choice")]


# -- small builders, so story functions read like the screen they describe -----------------------
def text(text_id: str, role: str = "body", **values: Any) -> Item:
    return Item("text", (Words.of(text_id, values),), role)


def joined(parts: Iterable[Words], role: str = "body") -> Item:
    return Item("text", tuple(parts), role)


def button(key: str, text_id: str, primary: bool = False, **values: Any) -> Item:
    return Item("button", (Words.of(text_id, values),), "primary" if primary else "body", key)


def choice(key: str, words: Words, selected: bool) -> Item:
    return Item("choice", (words,), "primary" if selected else "body", key, selected=selected)


def column(*items: Item, role: str = "body") -> Item:
    return Item("column", items=tuple(i for i in items if i is not None), role=role)


def row(*items: Item, weights: tuple[float, ...] | None = None, min_width: int = 420) -> Item:
    kept = tuple(i for i in items if i is not None)
    return Item("row", items=kept, data={"weights": weights or (1.0,) * len(kept), "min_width": min_width})


def grid(*items: Item, min_width: int = 320) -> Item:
    return Item("grid", items=tuple(items), data={"min_width": min_width})


def panel(*items: Item) -> Item:
    return Item("panel", items=tuple(i for i in items if i is not None))


def pair(label: Words, *values: Words, changed: bool = False, rising: bool = False, role: str = "small") -> Item:
    """A label with one or more values set on the right, as a table row reads."""
    return Item("pair", (label, *values), role, data={"changed": changed, "rising": rising})
