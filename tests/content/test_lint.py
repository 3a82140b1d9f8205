"""Content lint: numbers only from the model or a source, complete translations, reachable lanes."""
from __future__ import annotations

import re
import string
import subprocess
import sys

from game.content import BASE_LANGUAGE

DIGIT = re.compile(r"\d")


def test_no_figures_typed_into_player_text(content):
    """Only `fact.*` quote sources; every other number must arrive through a {placeholder}."""
    offenders = {}
    for lang, table in content.strings.items():
        for text_id, text in table.items():
            if text_id.startswith("fact."):
                continue
            literal = "".join(part for part, *_ in string.Formatter().parse(text))
            if DIGIT.search(literal):
                offenders[f"{lang}:{text_id}"] = text
    assert offenders == {}


def test_sources_and_facts_are_complete(content):
    cited = {fact.source for fact in content.facts.values()}
    assert cited <= set(content.sources)
    for source in content.sources.values():
        assert (source.publication or source.publisher) and (source.headline or source.description) and source.date


def test_every_language_translates_every_string(content):
    base = set(content.strings[BASE_LANGUAGE])
    for lang, table in content.strings.items():
        missing = sorted(base - set(table))
        assert missing == [], f"{lang} lacks {len(missing)} strings, e.g. {missing[:5]}"


def test_at_least_two_languages_for_the_museum(content):
    assert {"en", "es"} <= set(content.strings)


def test_travellers_cover_every_lane_and_are_composites(content):
    assert len(content.travellers) >= 8
    assert {t.lane for t in content.travellers.values()} == set(content.lanes)
    assert all(t.composite for t in content.travellers.values())
    assert any(t.impostor for t in content.travellers.values())


def test_every_station_is_reached_from_a_lane(content):
    reached = set()
    for lane in content.lanes.values():
        current = lane.first
        while current:
            reached.add(current)
            current = content.stations[current].next
    assert reached == set(content.stations)


def test_codes_command_tallies_a_class(content):
    from game.story.code import encode
    questions = content.questions
    codes = [encode(questions, {q: 0 for q in questions}, None) for _ in range(3)]
    codes.append(encode(questions, {q: len(x.options) - 1 for q, x in questions.items()}, None))
    result = subprocess.run([sys.executable, "-m", "game", "codes", *codes, "XXXX"], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1 and "XXXX" in result.stderr
    assert "Read 4 of 5" in result.stdout
    first_question = next(iter(questions.values()))
    block = result.stdout.split(content.text(first_question.title))[1].split("\n\n")[0]
    counts = [int(line.split()[0]) for line in block.strip().splitlines()]
    assert counts[0] == 3 and counts[-1] == 1 and sum(counts) == 4
