"""The oversight board: one question at a time. Its options, with the model's numbers in their words;
what people have said about it (reported speech, each with its source where the words do not name
it); and what the current answer does beside today's policy (the shared consequences panel: the
year at the port, beyond the port, and every traveller the player met).

Read top to bottom: the question, the choice and what it changes side by side, then the voices. When
the text is large the screen pages; nothing is cut short.
"""
from __future__ import annotations

from typing import Any, Iterable

from .. import assumptions, cite
from ..board import BoardState
from ..labels import choice_values
from ..numbers import Numbers
from ..screen import Item, Screen, Words, button, choice, column, row, text
from .consequences import consequences
from .crossing import continues


def question_at(content: Any, index: int) -> Any:
    return list(content.questions.values())[index]


def scene_for(question: Any) -> str:
    """The scene that asks a question: the threshold lab for the threshold, the board for the rest."""
    return "lab" if question.kind == "threshold_lab" else "board"


def question_count(content: Any) -> int:
    return len(content.questions)


def everyone(content: Any) -> list[str]:
    """Every traveller, in order: the most the panel of travellers met can hold."""
    return list(content.travellers)


def option_keys(screen: Screen) -> list[str]:
    """The keys of a screen's options ("option:0", "option:1", ...), in order."""
    return [c.key for c in screen.controls() if c.key and c.key.startswith("option:")]


def first_choice(content: Any) -> int:
    """Where the board opens when no question is named: the first plain choice."""
    return next((i for i, q in enumerate(content.questions.values()) if q.kind == "choice"), 0)


def asked(content: Any, order: tuple[int, ...]) -> tuple[int, ...]:
    """The questions a path asks, in order (indices into the board): `order`, or every question."""
    return order or tuple(range(len(content.questions)))


def header(content: Any, question: Any, index: int, numbers: Numbers, order: tuple[int, ...] = ()) -> Item:
    """'Question n of N' (of the path's questions), the question and what it is about."""
    shown = asked(content, order)
    n = shown.index(index) + 1 if index in shown else index + 1
    return column(text("board.step", "label", n=numbers.count(n), total=numbers.count(len(shown))),
                  text(question.title, "heading"), text(question.prompt, "muted"))


def option_words(world: Any, option: Any, numbers: Numbers) -> Words:
    """An option's label with the model's numbers in it ('about one false match in 100,000')."""
    return Words.of(option.label, numbers.values(choice_values(world.model, option.set)))


def options(world: Any, question: Any, chosen: int | None, numbers: Numbers) -> list[Item]:
    """The options as choices, the chosen one ticked (none, when a dragged threshold replaced them)."""
    return [choice(f"option:{i}", option_words(world, option, numbers), i == chosen)
            for i, option in enumerate(question.options)]


def voice(sources: dict[str, Any], said: Any, numbers: Numbers, brief: bool = False) -> Item:
    """One voice as reported speech (never quoted), and its source where the words do not name it."""
    words = cite.voice_text(cite.words, sources, said, brief)
    if not cite.voice_source(numbers.t, sources, said, brief):
        return Item("text", (words,), "small")
    source = Words.of("source.short", {"publication": cite.publication(cite.words, sources[said.source])})
    return Item("text", (words, source), "small")


SHOWN_VOICES = 2  # one that supports today's practice and one that criticises it (a content rule)


def voices(content: Any, question: Any, numbers: Numbers) -> Item:
    """The question's first two voices, one for today's practice and one against it, each in its brief
    telling, under their heading; every voice in full is a press away ("All voices"), so a class reads
    both sides without reading every word. Side by side where there is room (the lab's full width), so
    that a page that shows one side shows the other too."""
    said = [voice(content.sources, v, numbers, brief=True) for v in question.voices[:SHOWN_VOICES]]
    return column(text("board.voices", "accent"), row(*said, weights=(1,) * len(said), min_width=360))


def actions(content: Any, index: int, standalone: bool, numbers: Numbers,
            order: tuple[int, ...] = ()) -> tuple[Item, ...]:
    """Next and previous through the path's questions (the last leads to the record); or Done, when the
    question was opened on its own from the sandbox. Then the sources and the voices in full."""
    if standalone:
        moves = [button("done", "sandbox.done", primary=True)]
    else:
        last = index == asked(content, order)[-1]
        moves = [button("next", "board.to_record" if last else "board.next", primary=True),
                 button("previous", "board.previous")]
    count = len(question_at(content, index).voices)
    return (*moves, button("info", "common.how_do_we_know"), button("voices", "board.all_voices", n=numbers.count(count)))


def met_or_first(content: Any, met: Iterable[str]) -> list[str]:
    """The travellers the player met; the first traveller when they met nobody yet (the board opened
    on its own), so the panel always shows what a policy does to someone."""
    return list(met) or list(content.travellers)[:1]


def board_screen(world: Any, board: BoardState, index: int, numbers: Numbers, met: Iterable[str] = (),
                 standalone: bool = False, order: tuple[int, ...] = ()) -> Screen:
    """`order`: the questions the run's path asks (every question when empty)."""
    content = world.content
    question = question_at(content, index)
    mine = board.policy(world.model, content.questions)
    chosen = board.decisions.get(question.id, 0)
    effect = consequences(world, mine, tuple(question.figures), numbers, met_or_first(content, met), question)
    choices = column(*options(world, question, chosen, numbers), voices(content, question, numbers))
    body = (header(content, question, index, numbers, order),
            continues(row(choices, effect, weights=(1, 1), min_width=400)))
    return Screen("board", body, actions(content, index, standalone, numbers, order), focus=f"option:{chosen}")


def how_we_know(world: Any, question: Any) -> tuple[list[str], list[str]]:
    """'How do we know?' for a question: its facts and those its consequences rest on (in order, once
    each), and what the model assumes there."""
    table = world.content.files["questions.yaml"].figure_facts
    facts = [*question.facts, *(fact for fid in question.figures for fact in table.get(fid, ()))]
    return list(dict.fromkeys(facts)), assumptions.question(world.model, question)
