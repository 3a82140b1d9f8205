"""The outcome: what was decided and what it means for the traveller, what the cameras captured with
every score on its scale, and every record left behind on a timeline that shows how long each is kept
(see game.story.views.outcome).
"""
from __future__ import annotations

from typing import Callable, Iterator

from game.story.run import path_stops
from game.story.views import lane as lane_view
from game.story.views import outcome as view

from . import registry
from .lane import CrossingScene


class OutcomeScene(CrossingScene):
    name = "outcome"

    def screen(self):
        compact = self.ctx.run.path == "kiosk"
        return self.memo((), lambda: view.outcome_screen(self.ctx.world, self.traveller.id, self.crossing,
                                                         self.numbers(), compact, self.seen() if compact else ()))

    def seen(self) -> tuple:
        """The records the lane showed in full at the last station the path stopped at."""
        chain = lane_view.stations(self.ctx.content, self.traveller.id)
        last = path_stops(self.ctx.content, self.ctx.run.path, chain)[-1]
        return self.crossing.beat_at(chain[last].id).records

    def actions(self) -> dict[str, Callable[[], None]]:
        return {"board": self.to_board, "next": self.another, "info": self.show_sources, "title": self.to_title}

    def states(self) -> Iterator[str]:
        """Every traveller's outcome."""
        for traveller_id in lane_view.traveller_ids(self.ctx.content):
            self.choose_traveller(traveller_id)
            self.page = 0
            yield traveller_id

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
