"""Choose a traveller: a card per composite character, with a synthetic portrait
(see game.story.views.choose); choosing one meets them first (the meet scene), then the lane."""
from __future__ import annotations

from typing import Callable, Iterator

from game.story.views.choose import choose_screen, offered

from ..screens import ScreenScene
from . import registry


class ChooseScene(ScreenScene):
    name = "choose"

    def screen(self):
        return self.memo((self.ctx.run.path,), lambda: choose_screen(self.ctx.content, self.ctx.run.path))

    def actions(self) -> dict[str, Callable[[], None]]:
        return {"back": self.back, **{tid: self._chooser(tid) for tid in offered(self.ctx.content, self.ctx.run.path)}}

    def states(self) -> Iterator[str]:
        """Every traveller (a run at home); then the class path's own, and the kiosk path's."""
        kept = self.ctx.run.path
        yield "every traveller"
        for path in ("class", "kiosk"):
            self.ctx.run.path = path
            yield f"the {path} path's travellers"
        self.ctx.run.path = kept

    def _chooser(self, traveller_id: str) -> Callable[[], None]:
        def choose() -> None:
            self.ctx.run.meet(traveller_id)
            # a kiosk's short path crosses at once: the card has already shown who they are
            first = "lane" if self.ctx.run.path == "kiosk" else "meet"
            self.ctx.stack.push(registry.make_scene(first, self.ctx, traveller=traveller_id))
        return choose
