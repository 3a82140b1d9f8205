"""The oversight board: one question at a time, with voices on more than one side, and the
consequences of the current answer shown at once (see game.story.views.board)."""
from __future__ import annotations

from typing import Callable, Iterator

from game.story.numbers import Numbers
from game.story.run import path_questions
from game.story.screen import Screen
from game.story.views.board import (board_screen, everyone, first_choice, how_we_know, option_keys, question_at,
                                    question_count, scene_for)

from ..scene import Context
from ..screens import ScreenScene
from . import registry
from .record import painters as crossing_painters


class BoardScene(ScreenScene):
    """Question `index` of the board. Choosing an option re-runs the model at once."""

    name = "board"

    def __init__(self, ctx: Context, index: int | None = None, standalone: bool = False):
        super().__init__(ctx)
        self.index = first_choice(ctx.content) if index is None else index
        self.standalone = standalone  # opened from the sandbox: one question, then back
        self.world = ctx.world
        self.board = ctx.run.board_state(self.world)
        self._numbers: dict[str, Numbers] = {}

    @property
    def question(self):
        return question_at(self.ctx.content, self.index)

    # -- what the screen holds ---------------------------------------------------------------
    def state(self) -> tuple:
        """Everything the screen depends on, so it is built again only when one of them changes."""
        return (self.index, self.standalone, tuple(sorted(self.board.decisions.items())), self.board.threshold_score,
                tuple(self.ctx.run.met), self.ctx.run.path)

    def screen(self) -> Screen:
        return self.memo(self.state(), self.build)

    def numbers(self) -> Numbers:
        """Numbers in the player's language: one for each language, so views may remember what they made."""
        language = self.ctx.run.prefs.language
        if language not in self._numbers:
            self._numbers[language] = Numbers(self.ctx.t)
        return self._numbers[language]

    def painters(self):
        """The travellers' timelines (and faces) in the consequences."""
        return crossing_painters(self.ctx)

    def build(self) -> Screen:
        return board_screen(self.world, self.board, self.index, self.numbers(), self.ctx.run.met, self.standalone,
                            tuple(self.order()))

    def actions(self) -> dict[str, Callable[[], None]]:
        options = {key: self._chooser(int(key.split(":")[1])) for key in option_keys(self.screen())}
        return {**options, "next": self.next, "previous": self.previous, "done": self.ctx.stack.pop,
                "info": self.show_sources, "voices": self.show_voices}

    def states(self) -> Iterator[str]:
        """Every question of the board (the threshold too, as a plain choice), each with its last option
        chosen; the last one also as opened alone from the sandbox; and with every traveller met."""
        run = self.ctx.run
        index, standalone, met, decisions = self.index, self.standalone, list(run.met), dict(self.board.decisions)
        for i in range(question_count(self.ctx.content)):
            self.index = i
            self._chooser(len(option_keys(self.screen())) - 1)()
            yield f"question {i + 1} ({self.question.id})"
        self.standalone = True
        self.refresh()
        yield "opened from the sandbox"
        self.standalone = False
        run.met[:] = everyone(self.ctx.content)
        self.refresh()
        yield "every traveller met"
        self.index, self.standalone, run.met[:] = index, standalone, met
        self.board.decisions.clear()
        self.board.decisions.update(decisions)
        self.refresh()

    # -- what the controls do ----------------------------------------------------------------
    def _chooser(self, i: int) -> Callable[[], None]:
        def choose() -> None:
            self.board.decisions[self.question.id] = i
            self.refresh()
        return choose

    def next(self) -> None:
        """The path's next question (every question, on the full path), or the record after its last."""
        order = self.order()
        if self.index not in order or order.index(self.index) == len(order) - 1:
            self.ctx.stack.replace(registry.make_scene("record", self.ctx))
        else:
            self.go(order[order.index(self.index) + 1])

    def previous(self) -> None:
        order = self.order()
        if self.index not in order or order.index(self.index) == 0:
            self.ctx.stack.pop()
        else:
            self.go(order[order.index(self.index) - 1])

    def order(self) -> list[int]:
        """The questions the run's path asks, in order (indices)."""
        return path_questions(self.ctx.content, self.ctx.run.path)

    @property
    def compact(self) -> bool:
        """A kiosk's short path: the lab's first step is shorter and leads straight on."""
        return self.ctx.run.path == "kiosk"

    def go(self, index: int) -> None:
        name = scene_for(question_at(self.ctx.content, index))
        self.ctx.stack.replace(registry.make_scene(name, self.ctx, index=index))

    def back(self) -> None:
        if self.standalone:
            self.ctx.stack.pop()
        else:
            self.previous()

    def show_voices(self) -> None:
        self.ctx.stack.push(registry.make_scene("voices", self.ctx, question=self.question.id))

    def show_sources(self) -> None:
        facts, assumed = how_we_know(self.world, self.question)
        self.ctx.stack.push(registry.make_scene("source", self.ctx, facts=facts, assumptions=assumed))
