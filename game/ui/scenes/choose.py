"""Choose a traveller: a card per composite character, with a synthetic portrait
(see game.story.views.choose); choosing one meets them first (the meet scene), then the lane."""
from __future__ import annotations

from typing import Callable

from game.story.views.choose import choose_screen

from ..screens import ScreenScene
from . import registry


class ChooseScene(ScreenScene):
    name = "choose"

    def screen(self):
        return choose_screen(self.ctx.content)

    def actions(self) -> dict[str, Callable[[], None]]:
        return {"back": self.back, **{tid: self._chooser(tid) for tid in self.ctx.content.travellers}}

    def _chooser(self, traveller_id: str) -> Callable[[], None]:
        def choose() -> None:
            self.ctx.run.meet(traveller_id)
            self.ctx.stack.push(registry.make_scene("meet", self.ctx, traveller=traveller_id))
        return choose
