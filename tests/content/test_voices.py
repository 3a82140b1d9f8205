"""Voices are reported speech, never quotations; every question hears more than one side; every
source is cited by something, and named in the player's language."""
from __future__ import annotations

import dataclasses
import re

import pytest

from game.content.dates import parse_date
from game.story import cite

QUOTE_MARKS = set('"“”„‟«»‹›‘‚')   # never allowed in a voice
APOSTROPHES = set("'’")              # allowed only inside a word: CBP's, people's


def quotation_marks(text: str) -> list[str]:
    """Every quotation mark in `text`; an apostrophe counts unless it sits between two letters."""
    found = [ch for ch in text if ch in QUOTE_MARKS]
    for i, ch in enumerate(text):
        if ch in APOSTROPHES and not (0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()):
            found.append(ch)
    return found


def translate(content, lang):
    return lambda text_id, **values: content.text(text_id, lang, **values)


def test_quotation_marks_are_told_from_apostrophes():
    assert quotation_marks("CBP's officers and people’s documents") == []
    assert quotation_marks("he said “no”") == ["“", "”"]
    assert quotation_marks("he said 'no'") == ["'", "'"]
    assert quotation_marks("the travellers' photos") == ["'"]  # a plural possessive reads as a closing quote
    assert quotation_marks('a "quote"') == ['"', '"']


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_voice_string_contains_a_quotation_mark(content, lang):
    offenders = {key: text for key, text in content.strings[lang].items()
                 if key.startswith("voice.") and quotation_marks(text)}
    assert offenders == {}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_voices_as_shown_have_no_quotation_marks_and_name_their_outlet(content, lang):
    """What the board shows: the reported speech with its date filled in, and the short source line."""
    t = translate(content, lang)
    for qid, question in content.questions.items():
        for voice in question.voices:
            text = cite.voice_text(t, content.sources, voice)
            assert "{" not in text and quotation_marks(text) == [], f"{qid}: {voice.says}"
            assert quotation_marks(cite.voice_source(t, content.sources, voice)) == []
            source = content.sources[voice.source]
            outlets = [cite.publication(t, source), source.publication or "", *source.via, *source.citing]
            assert any(name and name in text for name in outlets), f"{voice.says} does not name its outlet"


def test_each_voice_says_when(content):
    for lang in ("en", "es"):
        for question in content.questions.values():
            for voice in question.voices:
                assert "{when}" in content.strings[lang][voice.says], f"{lang}: {voice.says}"


def test_each_question_hears_two_people_and_both_sides(content):
    for qid, question in content.questions.items():
        people = {voice.who for voice in question.voices}
        assert len(question.voices) >= 2 and len(people) >= 2, qid
        stances = {voice.stance for voice in question.voices}
        assert {"supports", "criticises"} <= stances, f"{qid} hears only {stances}"


def test_questions_offer_an_expansion_of_todays_practice(content):
    noncitizen = content.questions["noncitizen_retention"]
    last = noncitizen.options[-1]
    assert last.label == "question.noncitizen_retention.rule-2025"
    assert last.set == {"noncitizen_retention": "years-75", "forward_to_ident": "forward"}
    assert "{years}" in content.strings["en"][last.label]
    assert all(2 <= len(q.options) <= 4 for q in content.questions.values())


def _cited_sources(value, found: set[str]) -> set[str]:
    """Every source id referenced by a `ref('source')` field anywhere in the loaded content."""
    if dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            child = getattr(value, f.name)
            if f.metadata.get("ref") == "source" and child:
                found.update(child if isinstance(child, list) else [child])
            else:
                _cited_sources(child, found)
    elif isinstance(value, dict):
        for child in value.values():
            _cited_sources(child, found)
    elif isinstance(value, list):
        for child in value:
            _cited_sources(child, found)
    return found


def test_every_source_is_cited_by_something(content):
    cited = set()
    for data in content.files.values():
        _cited_sources(data, cited)
    assert set(content.sources) - cited == set()


def test_headlines_are_quoted_and_descriptions_are_not(content):
    t = translate(content, "en")
    for source in content.sources.values():
        citation = cite.citation(t, source)
        if source.headline:
            assert f"“{source.headline}”" in citation
        else:
            assert not any(ch in citation for ch in "“”\""), citation
        assert parse_date(source.date) is not None


ENGLISH_CITATION_WORDS = re.compile(
    r"as reported by|citing|Trade press|documents|testimony|report\b|early|January|February|March|April|May|"
    r"June|July|August|September|October|November|December")


def test_spanish_citations_are_in_spanish(content):
    t = translate(content, "es")
    for source in content.sources.values():
        words = cite.citation(t, source).replace(source.headline or "", "")
        for name in [source.publication or "", source.report or "", *source.via, *source.citing]:
            words = words.replace(name, "")
        assert not ENGLISH_CITATION_WORDS.search(words), words


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_board_tells_both_sides_briefly_and_the_brief_is_shorter(content, lang):
    """The board shows each question's first two voices (one for, one against) by their brief telling;
    a brief says the same in fewer words, so it can only be shorter than the full one."""
    for qid, question in content.questions.items():
        for voice in question.voices[:2]:
            assert voice.brief, f"{qid}: {voice.says} has no brief for the board"
            brief = content.text(voice.brief, lang, when="in 2019")
            full = content.text(voice.says, lang, when="in 2019")
            assert len(brief.split()) < len(full.split()), f"{qid}: {voice.brief} is not shorter than {voice.says}"
            assert quotation_marks(brief) == [], f"{voice.brief} quotes"
