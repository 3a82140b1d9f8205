"""The glossary: terms a 14-year-old may not know (TECS, one-to-many, false match), each explained in
one sentence, found in a screen's text so the player can tap or focus them.

The terms are content (content/scenes.yaml `glossary`); each has strings glossary.<id>.term, .means
and .forms, the words to look for in that language, separated by "|". A form in capitals (an
acronym) matches only in capitals; any other matches in any case. A form matches whole words only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

FORM_SEPARATOR = "|"


@dataclass(frozen=True)
class Found:
    """A term found in a line of text: its id and where its words start and end."""

    term: str
    start: int
    end: int


class Glossary:
    """The terms of one language, as one pattern that finds the earliest, longest form in a line."""

    def __init__(self, forms: dict[str, list[str]]):
        self.terms = list(forms)
        self._term_of: dict[str, str] = {}
        alternatives = []
        # longest first, so "secondary inspection" wins over "secondary"
        for term, form in sorted(((t, f) for t, fs in forms.items() for f in fs), key=lambda tf: -len(tf[1])):
            group = f"g{len(alternatives)}"
            self._term_of[group] = term
            body = re.escape(form).replace(r"\ ", r"\s+")
            alternatives.append(f"(?P<{group}>{body})" if form.isupper() else f"(?P<{group}>(?i:{body}))")
        self._pattern = re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])") if alternatives else None

    def find(self, line: str, skip: Iterable[str] = ()) -> list[Found]:
        """Each term in `line` once, at its first place, leaving out the terms in `skip`."""
        if self._pattern is None:
            return []
        seen = set(skip)
        found = []
        for match in self._pattern.finditer(line):
            term = self._term_of[match.lastgroup]
            if term not in seen:
                seen.add(term)
                found.append(Found(term, match.start(), match.end()))
        return found


_CACHE: dict[tuple[int, str], tuple[Any, Glossary]] = {}


def for_language(content: Any, language: str) -> Glossary:
    """The glossary in `language`, made once per content and language (the content is kept with it, so
    another content that happens to get the same id is never given this one's glossary)."""
    key = (id(content), language)
    cached = _CACHE.get(key)
    if cached is None or cached[0] is not content:
        if len(_CACHE) > 16:
            _CACHE.clear()
        cached = _CACHE[key] = (content, Glossary({term: forms(content, term, language)
                                                   for term in content.scenes.glossary}))
    return cached[1]


def forms(content: Any, term: str, language: str) -> list[str]:
    return [f.strip() for f in content.text(f"glossary.{term}.forms", language).split(FORM_SEPARATOR) if f.strip()]

