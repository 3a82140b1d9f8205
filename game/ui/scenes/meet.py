"""Meet the traveller: their face, their story and who they are, before the lane (see
game.story.views.meet). "Start crossing" takes their place with the lane, so leaving the lane goes
back to the choice of traveller."""
from __future__ import annotations

from typing import Callable, Iterator

from game.story.numbers import Numbers
from game.story.views import lane as lane_view
from game.story.views.meet import meet_screen

from ..scene import Context
from ..screens import ScreenScene
from . import registry


class MeetScene(ScreenScene):
    name = "meet"

    def __init__(self, ctx: Context, traveller: str | None = None):
        super().__init__(ctx)
        self.traveller = traveller or ctx.run.traveller or lane_view.first_traveller(ctx.content)

    def screen(self):
        return self.memo((self.traveller,), lambda: meet_screen(self.ctx.content, self.traveller,
                                                                Numbers(self.ctx.t)))

    def actions(self) -> dict[str, Callable[[], None]]:
        return {"start": self.start, "back": self.back}

    def states(self) -> Iterator[str]:
        """Every traveller's introduction."""
        for traveller_id in lane_view.traveller_ids(self.ctx.content):
            self.traveller = traveller_id
            self.page = 0
            yield traveller_id

    def start(self) -> None:
        self.ctx.stack.replace(registry.make_scene("lane", self.ctx, traveller=self.traveller))
