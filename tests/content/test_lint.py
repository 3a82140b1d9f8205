"""Content lint: numbers only from the model or a source, complete translations, reachable lanes."""
from __future__ import annotations

import re
import string
import subprocess
import sys

from game.content import BASE_LANGUAGE

DIGIT = re.compile(r"\d")


def test_no_figures_typed_into_player_text(content):
    """Only `fact.*` quote sources, and the class check's items that cite the facts their answers rest
    on; every other number must arrive through a {placeholder}."""
    cited = tuple(f"check.{cid}." for cid, item in content.class_check.items()
                  if item.facts)
    offenders = {}
    for lang, table in content.strings.items():
        for text_id, text in table.items():
            if text_id.startswith(("fact.", *cited)):
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


def test_codes_command_tallies_a_class(content, tmp_path):
    from game.story.code import Codebook
    from game.story.tally import tally
    book = Codebook.of(content)
    questions = content.questions
    codes = [book.encode({slot: 0 for slot, _ in book.slots}, None, {"capture": 1}, {"capture": 2})
             for _ in range(3)]
    codes.append(book.encode({slot: len(options) - 1 for slot, options in book.slots}, None, {"capture": 0}))
    table = tmp_path / "class.csv"
    result = subprocess.run([sys.executable, "-m", "game", "codes", *codes, "XXXX", "--csv", str(table)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "XXXX" in result.stderr
    assert "Read 4 of 5" in result.stdout
    first_question = next(iter(questions.values()))
    block = result.stdout.split(content.text(first_question.title))[1].split("\n\n")[0]
    counts = [int(line.split()[0]) for line in block.strip().splitlines()]
    assert counts[0] == 3 and counts[-1] == 1 and sum(counts) == 4
    capture = next(line for line in result.stdout.splitlines() if line.endswith(content.text("check.capture.concept")))
    assert capture.split()[:3] == ["75.0%", "100.0%", "+25"]  # 3 of 4 right before; 3 of 3 after
    import csv
    with table.open(encoding="utf-8") as rows:
        assert list(csv.reader(rows)) == [list(r) for r in tally(book, [*codes, "XXXX"]).rows()]
