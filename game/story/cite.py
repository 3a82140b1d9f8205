"""How the game names its sources, in the player's language: the same words on every screen.

`t` is any function from a text id (and placeholder values) to the string in the player's language,
e.g. `ctx.t` in a scene or `lambda key, **v: content.text(key, lang, **v)` elsewhere. Proper names
(publication, report number, headline, the outlets a report came through) are shown as written;
everything else comes from `source.*` strings.

Every function here builds its result from text ids alone (no string joined in code), so `t` may
also be `words`, which keeps the ids: then a citation comes back as `Words` with nested `Words`
values, for a screen (game.story.screen) to translate when it is shown.
"""
from __future__ import annotations

from typing import Any, Callable

from game.content.dates import parse_date

from .screen import Words

Translate = Callable[..., Any]  # -> str, or Words when it is `words`


def words(text_id: str, **values: Any) -> Words:
    """A translate function for views: the text id and its values, kept as `Words`."""
    return Words.of(text_id, values)


def named(t: Translate, name: Any) -> Any:
    """A proper name or other words as a text of its own (`Words` needs a text id to hold a name)."""
    return t("source.publication", publication=name)


def publication(t: Translate, source: Any) -> str:
    """Who published it: its name as written, or translated words, and a report number if it has one."""
    name = source.publication or t(source.publisher)
    return t("source.report", publication=name, report=source.report) if source.report else name


def work(t: Translate, source: Any) -> str:
    """The real headline in quotation marks, or a plain description (translated) where it is not known."""
    if source.headline:
        return t("source.headline", headline=source.headline)
    return t(source.description)


def _date_values(t: Translate, source: Any) -> tuple[str, dict[str, str]]:
    date = parse_date(source.date)
    if date is None:  # the schema refuses such a source; keep whatever was written
        return "", {"year": source.date}
    values = {"year": date.year, "start": date.year, "end": date.end or ""}
    if date.month:
        values["month"] = t(f"source.month.{date.month}")
    return date.kind, values


def date(t: Translate, source: Any) -> str:
    """The date in a citation: 2025, July 2020, early 2026, 2025 to 2026."""
    kind, values = _date_values(t, source)
    return t(f"source.date.{kind}", **values) if kind else values["year"]


def when(t: Translate, source: Any) -> str:
    """The date as a voice says it, with its preposition: in 2025, in July 2020, in early 2026."""
    kind, values = _date_values(t, source)
    return t(f"source.when.{kind}", **values) if kind else values["year"]


def listed(t: Translate, names: list[str]) -> str:
    """Names joined the way the language joins a list: A; A and B; A, B and C."""
    if len(names) <= 1:
        return "".join(names)
    return t("source.list", first=", ".join(names[:-1]), last=names[-1])


def via(t: Translate, source: Any) -> dict[str, Any]:
    """', citing Wired' and ', as reported by CNN', where they apply (nothing for a first-hand article),
    as the values `citing` and `via` of a citation."""
    return {"citing": t("source.citing", citing=listed(t, source.citing)) if source.citing else "",
            "via": t("source.via", via=listed(t, source.via)) if source.via else ""}


def citation(t: Translate, source: Any) -> str:
    """The whole citation: publication, headline or description, date, and who reported it."""
    return t("source.citation", publication=publication(t, source), work=work(t, source), date=date(t, source),
             **via(t, source))


def listing(t: Translate, source: Any) -> tuple[str, str]:
    """(heading, rest) for the list of sources: the publication, then the citation's other parts."""
    return publication(t, source), t("source.listing", work=work(t, source), date=date(t, source),
                                     **via(t, source))


def voice_text(t: Translate, sources: dict[str, Any], voice: Any, brief: bool = False) -> str:
    """What a voice said, as reported speech, with {when} filled from its source's date; `brief`: its
    shorter telling where it has one."""
    return t((brief and voice.brief) or voice.says, when=when(t, sources[voice.source]))


def voice_source(t: Translate, sources: dict[str, Any], voice: Any, brief: bool = False) -> str:
    """A short line under a voice: the source it came from, unless the voice already names it."""
    name = publication(t, sources[voice.source])
    return "" if name in voice_text(t, sources, voice, brief) else t("source.short", publication=name)
