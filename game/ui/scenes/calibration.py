"""'How close is the model?': the calibration table in plain words (game.story.views.calibration),
paged so it fits at every text size; reached from 'How do we know?' and from the limits page."""
from __future__ import annotations

from typing import Callable

from game.story.numbers import Numbers
from game.story.views.calibration import calibration_screen

from ..scene import Context
from ..screens import ScreenScene


class CalibrationScene(ScreenScene):
    name = "calibration"

    def __init__(self, ctx: Context):
        super().__init__(ctx)
        self._screens: dict[str, object] = {}  # the model's year is worked out once per language

    def screen(self):
        language = self.ctx.run.prefs.language
        if language not in self._screens:
            self._screens[language] = calibration_screen(self.ctx.world, Numbers(self.ctx.t))
        return self._screens[language]

    def actions(self) -> dict[str, Callable[[], None]]:
        return {"back": self.back}
