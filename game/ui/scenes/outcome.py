"""The outcome: what was decided and why, what the cameras captured with every score on its scale, and
every record left behind (see game.story.views.outcome). The "After ..." choices show which parts of the
record would still exist after a day, a year, ten years and seventy-five years; choosing one again goes
back to today.
"""
from __future__ import annotations

from typing import Callable, Iterator

from game.story.views import lane as lane_view
from game.story.views import outcome as view

from ..scene import Context
from . import registry
from .lane import CrossingScene


class OutcomeScene(CrossingScene):
    name = "outcome"

    def __init__(self, ctx: Context, traveller: str | None = None):
        self.later: int | None = None
        super().__init__(ctx, traveller)

    def screen(self):
        return self.memo((self.later,), lambda: view.outcome_screen(self.ctx.world, self.traveller.id, self.crossing,
                                                                    self.later, self.numbers()))

    def actions(self) -> dict[str, Callable[[], None]]:
        return {"board": self.to_board, "next": self.another, "info": self.show_sources, "title": self.to_title,
                **{f"later:{i}": self._later(i) for i in range(len(view.LATER))}}

    def states(self) -> Iterator[str]:
        """Every traveller's outcome, today and after each time."""
        for traveller_id in lane_view.traveller_ids(self.ctx.content):
            self.choose_traveller(traveller_id)
            for later in (None, *range(len(view.LATER))):
                self.later = later
                self.page = 0
                yield f"{traveller_id} after {later}"

    def _later(self, i: int):
        def show() -> None:
            self.later = None if self.later == i else i
            self.refresh()
        return show

    def another(self) -> None:
        self.ctx.stack.replace(registry.make_scene("choose", self.ctx))

    def to_board(self) -> None:
        self.ctx.stack.push(registry.make_scene(view.board_scene(self.ctx.content), self.ctx))

    def to_title(self) -> None:
        self.ctx.stack.reset(registry.make_scene("title", self.ctx))

    def back(self) -> None:
        self.ctx.stack.pop()

    def show_sources(self) -> None:
        facts, assumed = view.sources(self.ctx.world, self.traveller.id, self.crossing)
        self.ctx.stack.push(registry.make_scene("source", self.ctx, facts=facts, assumptions=assumed))
