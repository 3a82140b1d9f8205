"""'How close is the model?': the calibration table in plain words (game.story.views.calibration),
paged so it fits at every text size; reached from 'How do we know?' and from the limits page."""
from __future__ import annotations

from typing import Callable

from game.story.numbers import Numbers
from game.story.views.calibration import calibration_screen

from ..screens import ScreenScene


class CalibrationScene(ScreenScene):
    name = "calibration"

    def screen(self):  # the model's year is worked out once per language
        return self.memo((), lambda: calibration_screen(self.ctx.world, Numbers(self.ctx.t)))

    def actions(self) -> dict[str, Callable[[], None]]:
        return {"back": self.back}
