"""The small screens over others and the lists of sources: quit, 'What people have said' (voices),
'How do we know?' (facts with their citations, then the model's assumptions) and the limits of the
model beside every source the game cites. Citations come from game.story.cite as `Words`."""
from __future__ import annotations

from typing import Any, Iterable

from .. import assumptions as model_assumptions
from .. import cite
from ..screen import Item, Screen, Words, button, choice, column, grid, text

SOURCES_TABS = ("limits", "sources")
ENTRY_WIDTH = 700  # the narrowest column of the sources list: two columns at standard text, one when larger
CITED = {"gap": 6}  # a citation sits close under the words it supports


def cited(said: Item, source: Item) -> Item:
    return Item("column", items=(said, source), data=CITED)


def quit_screen() -> Screen:
    return Screen("quit", (text("quit.question", "heading"), text("quit.detail", "muted")),
                  (button("no", "common.no", primary=True), button("yes", "common.yes")), dialog=True, focus="no",
                  extra={"width": 900})


def still_there_screen(numbers: Any, seconds: int) -> Screen:
    """The kiosk left alone: "Still there?", the seconds left before it starts over (in words, with the
    number), and one big way to stay; any touch at all keeps the visitor's place."""
    left = "attract.seconds_left_one" if seconds == 1 else "attract.seconds_left"
    return Screen("still_there", (text("attract.still_there", "title"), text(left, "heading", n=numbers.count(seconds)),
                                  text("attract.still_detail")),
                  (button("stay", "attract.stay", primary=True),), dialog=True, focus="stay", extra={"width": 1100})


def term_screen(term: str) -> Screen:
    """A glossary term (game.story.glossary) and what it means, in one sentence."""
    return Screen("term", (text(f"glossary.{term}.term", "heading"), text(f"glossary.{term}.means")),
                  (button("close", "common.close", primary=True),), dialog=True, focus="close", extra={"width": 900})


def voices_screen(content: Any, question_id: str) -> Screen:
    """What people have said about one question: reported speech, each under the citation it rests on."""
    sources = content.sources
    voices = [cited(Item("text", (cite.voice_text(cite.words, sources, voice),)),
                    Item("text", (cite.citation(cite.words, sources[voice.source]),), "italic"))
              for voice in content.questions[question_id].voices]
    return Screen("voices", (text("board.voices", "heading"), *voices),
                  (button("close", "common.close", primary=True),), dialog=True, focus="close")


def fact_words(content: Any, fact_id: str) -> tuple[Words, Words]:
    """A fact, and its source's citation."""
    fact = content.facts[fact_id]
    return Words(fact.text), cite.citation(cite.words, content.sources[fact.source])


def source_screen(content: Any, world: Any, facts: Iterable[str], assumptions: Iterable[str]) -> Screen:
    """'How do we know?': each fact with its source; then what the model assumes where no source gives
    the number (assumption paths, game.story.assumptions; `world` is only asked for its model then)."""
    body: list[Item] = [text("common.how_do_we_know", "heading")]
    for fact_id in facts:
        said, source = fact_words(content, fact_id)
        body.append(cited(Item("text", (said,)), Item("text", (source,), "italic")))
    assumed = [Item("text", (Words.of("common.bullet", {"text": Words(text_id)}),), "small")
               for text_id in model_assumptions.text_ids(world.model, assumptions)] if assumptions else []
    if assumed:  # the heading stays with the first assumption
        body += [column(text("assumption.heading", "accent"), assumed[0]), *assumed[1:]]
    return Screen("source", tuple(body), (button("close", "common.close", primary=True),
                                          button("calibration", "calibration.open")), dialog=True, focus="close")


def every_assumption(world: Any) -> list[str]:
    """The longest 'How do we know?': the record screen's, which names every assumption."""
    return model_assumptions.record_screen(world.model)


def sources_screen(content: Any, tab: str) -> Screen:
    """The limits of the model, or every source the game cites: one tab at a time, in two columns
    where they fit; the layout pages what does not."""
    if tab == "limits":
        entries = [text("common.bullet", "small", text=Words(text_id)) for text_id in content.model.limits]
    else:
        entries = []
        for source in content.sources.values():
            heading, rest = cite.listing(cite.words, source)
            entries.append(cited(Item("text", (cite.named(cite.words, heading),), "strong"),
                                 Item("text", (rest,), "small_muted")))
    tabs = tuple(choice(name, Words(f"sources.{name}"), name == tab) for name in SOURCES_TABS)
    return Screen("sources", (text("sources.heading", "heading"), grid(*entries, min_width=ENTRY_WIDTH)),
                  (*tabs, button("calibration", "calibration.open"), button("back", "common.back")), focus=tab)
