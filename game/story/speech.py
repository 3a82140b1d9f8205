"""What self-voicing says: a screen's heading on arrival, a control as focus reaches it, and the whole
screen in reading order, in the player's language.

Screens are data (game/story/screen.py), so nothing on them need be unspeakable: a text reads as
written; a table row as one sentence, each value named by its table's header row; a choice with its
state and its place among its group's choices; a chart, map or portrait by the `said` words its view
puts in its data (or, for the lab's chart, in the screen's `extra`); a glossary term by its sentence.
The engine that speaks (game/ui/voice.py) only queues and cuts off these strings; every word here
comes from content/strings (`speech:` and the screens' own).
"""
from __future__ import annotations

import re
from typing import Callable, Iterable, Iterator

from .screen import Item, Screen, Words

Say = Callable[[Words], str]          # renders Words in the player's language (the UI's Flow.say)
Translate = Callable[..., str]        # t(text_id, **values), as ctx.t and Numbers take it

TERM = "term:"                        # a glossary term's target key: "term:<id>" (game/ui/screens.py)
HEADINGS = (("title", "heading"), ("subheading",))  # a screen's heading: the first text of these roles
CONTAINERS = ("row", "column", "grid", "panel")
DRAWN = ("chart", "map", "portrait")  # read by their words and their data's "said"
EMPTY = {"", "—"}                     # a table's empty cell (numbers.DASH, lab.none): not read
ENDED = ".!?:;…"                      # a piece ending in one of these needs no stop after it
CELLS = "; "                          # between a row's cells, as between the items of a list


def sayer(t: Translate) -> Say:
    """A `Say` from a translate function: nested Words are rendered first, as the layout does."""
    def say(words: Words) -> str:
        return t(words.id, **{k: say(v) if isinstance(v, Words) else v for k, v in words.values})
    return say


def person(name: Words, mood: str | None = None) -> Words:
    """A portrait in words (a view's `said`): who it is and, where the face shows one, how they feel."""
    if mood is None:
        return name
    return Words.of("speech.portrait", {"name": name, "mood": Words(f"speech.mood.{mood}")})


# -- the three things spoken ------------------------------------------------------------------------
def heading(screen: Screen, say: Say) -> str:
    """On arriving at a screen (or a dialog): its first title or heading; else its first subheading
    (a lane's station), else its first text. The page ("2 of 3") is the UI's to add."""
    texts = [i for i in _walk(screen.body) if i.kind == "text" and i.words]
    for roles in HEADINGS:
        found = next((i for i in texts if i.role in roles), None)
        if found is not None:
            return _spoken(_words(found, say), say)
    return _spoken(_words(texts[0], say), say) if texts else ""


def utterance(item: Item, say: Say, screen: Screen | None = None) -> str:
    """When focus reaches `item`: a button's label (a card's words after it); a choice's label, its state
    and, with `screen`, its place among its group's choices; a chart or map by its summary; a glossary
    term (key "term:<id>") by its term and its sentence."""
    return _spoken(_utter(item, say, screen), say)


def reading(screen: Screen, say: Say) -> list[str]:
    """The whole screen, in reading order (the body, then the actions): one string for each text, row,
    control and drawn item that says something."""
    said: list[str] = []
    for part in (screen.body, screen.actions):
        _read(part, say, screen, said)
    return [_spoken(s, say) for s in said if s]


def term(term_id: str, say: Say) -> str:
    """A glossary term and its one sentence (game/story/glossary.py)."""
    return _spoken(say(Words.of("speech.term", {"term": Words(f"glossary.{term_id}.term"),
                                                "means": Words(f"glossary.{term_id}.means")})), say)


# -- items ----------------------------------------------------------------------------------------
def _utter(item: Item, say: Say, screen: Screen | None, header: Item | None = None) -> str:
    if item.key and item.key.startswith(TERM):
        return term(item.key[len(TERM):], say)
    if item.kind == "choice":
        return _choice(item, say, screen)
    if item.kind == "button":  # a card: its label, then what is on it that the label does not say
        label = _words(item, say)
        inside: list[str] = []
        _read(item.items, say, screen, inside)
        return _join([label, *(s for s in inside if s != label)], ". ")
    if item.kind in DRAWN:
        said = summary(item, screen)
        return _join([_words(item, say), *(say(w) for w in said)], ". ")
    if item.kind == "pair":
        return _row(item, say, header)
    if item.kind == "text":  # as shown, unless it says how it is said (a code, spelled)
        said = summary(item)
        return say(said[0]) if said else _words(item, say)
    inside = []
    _read(item.items, say, screen, inside)
    return _join(inside, ". ")


def summary(item: Item, screen: Screen | None = None) -> tuple[Words, ...]:
    """A drawn item's words: its data's "said", or the screen's `extra["said"]` under its key (the lab's
    chart, whose data its painter reads as plain numbers)."""
    said = item.data.get("said") if isinstance(item.data, dict) else None
    if said is None and screen is not None and item.key:
        said = screen.extra.get("said", {}).get(item.key)
    return (said,) if isinstance(said, Words) else tuple(said or ())


def _read(items: tuple[Item, ...], say: Say, screen: Screen | None, said: list[str]) -> None:
    header = table_header(items)
    for item in items:
        if item.kind in CONTAINERS:
            _read(item.items, say, screen, said)
        else:
            said.append(_utter(item, say, screen, header if item is not header else None))


def _choice(item: Item, say: Say, screen: Screen | None) -> str:
    """"Label, selected, 2 of 4"; "not selected" only beside a selected one; a lone choice (the sandbox's
    steppers) no place."""
    group = [i for i in siblings(screen, item) if i.kind == "choice"] if screen is not None else []
    parts = [_words(item, say).removesuffix(".")]  # "An answer., selected" would stop before its state
    if item.selected:
        parts.append(say(Words("speech.selected")))
    elif any(i.selected for i in group):  # a group with a current answer; before any (Yes or No?) no state
        parts.append(say(Words("speech.not_selected")))
    if len(group) > 1:
        n = next((k for k, i in enumerate(group) if i is item), None)
        n = group.index(item) if n is None else n
        parts.append(say(Words.of("speech.position", {"n": n + 1, "total": len(group)})))
    return _join(parts, ", ")


def table_header(items: Iterable[Item]) -> Item | None:
    """A table's header row among siblings: the first pair followed by a pair with as many cells (two or
    more) in another role (the header is strong or muted, its rows plain). None where no pair heads others."""
    items = list(items)
    for a, b in zip(items, items[1:]):
        if a.kind == b.kind == "pair" and len(a.words) == len(b.words) >= 2 and a.role != b.role:
            return a
    return None


def _row(item: Item, say: Say, header: Item | None) -> str:
    """A table row as one sentence: "Men: Wrongly not matched, 646; A stranger passes, one in 100,000".
    Each value is named by the header's column where the row has one; empty cells are left out."""
    if not item.words:
        return ""
    label, values = say(item.words[0]), [say(w) for w in item.words[1:]]
    if header is not None and len(header.words) == len(item.words):
        names = [say(w) for w in header.words[1:]]
        cells = [say(Words.of("speech.cell", {"name": n, "value": v})) for n, v in zip(names, values)
                 if v.strip() not in EMPTY]
    else:
        cells = [v for v in values if v.strip() not in EMPTY]
    if not cells:
        return label
    return say(Words.of("speech.row", {"label": label, "cells": CELLS.join(cells)}))


def siblings(screen: Screen | None, item: Item) -> tuple[Item, ...]:
    """The items beside `item` in its container (or among the screen's actions): the group a choice is
    counted in. Found by identity, else by equality (a copy of the item)."""
    if screen is None:
        return ()
    groups = list(_groups(screen))
    for group in groups:
        if any(i is item for i in group):
            return group
    return next((group for group in groups if item in group), ())


def _groups(screen: Screen) -> Iterator[tuple[Item, ...]]:
    yield screen.body
    yield screen.actions
    for item in _walk((*screen.body, *screen.actions)):
        if item.items:
            yield item.items


def _walk(items: Iterable[Item]) -> Iterator[Item]:
    for item in items:
        yield from item.walk()


# -- words --------------------------------------------------------------------------------------------
def _words(item: Item, say: Say) -> str:
    """An item's pieces (shown joined by " · "), as sentences."""
    return _join([say(w) for w in item.words], ". ")


def _join(parts: Iterable[str], separator: str) -> str:
    """Pieces one after another, `separator` between them unless a piece already ends in a stop."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        out = part if not out else out + (" " if out[-1] in ENDED else separator) + part
    return out


_LESS = re.compile(r"<\s*")  # lab.rarer's "< one in 1,000,000": engines say the sign's name, or nothing


def _spoken(text: str, say: Say) -> str:
    """A sign shown for a word, as the word ("less than one in ..."). Arrows, bullets and figures are
    the engine's to rewrite (game/ui/voice.py `spoken`), as it must for any text it is given."""
    return _LESS.sub(lambda m: say(Words("speech.less_than")) + " ", text) if "<" in text else text
