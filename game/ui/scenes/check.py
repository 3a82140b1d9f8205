"""The class check, before the lane and after the record (see game.story.views.check). Choosing an
option records it; Next moves on (an unanswered question stays unanswered); Back goes to the question
before, or leaves the check from the first. Done: before play, on to the choice of traveller; after
it, back to the record, whose code now carries the answers."""
from __future__ import annotations

from typing import Callable, Iterator

from game.story.numbers import Numbers
from game.story.views.check import check_items, check_screen

from ..scene import Context
from ..screens import ScreenScene
from . import registry


class CheckScene(ScreenScene):
    name = "check"

    def __init__(self, ctx: Context, when: str = "before"):
        super().__init__(ctx)
        self.when = when
        self.index = 0

    @property
    def answers(self) -> dict[str, int]:
        return self.ctx.run.check[self.when]

    def screen(self):
        return self.memo((self.when, self.index, tuple(sorted(self.answers.items()))),
                         lambda: check_screen(self.ctx.content, self.when, self.index, self.answers,
                                              Numbers(self.ctx.t)))

    def actions(self) -> dict[str, Callable[[], None]]:
        options = len(getattr(check_items(self.ctx.content)[self.index], self.when).options)
        return {**{f"answer:{i}": self._chooser(i) for i in range(options)}, "next": self.next, "back": self.back}

    def states(self) -> Iterator[str]:
        """Every question, before and after, with nothing chosen and with the last option chosen."""
        saved = dict(self.answers), self.when, self.index
        try:
            for self.when in ("before", "after"):
                for self.index, item in enumerate(check_items(self.ctx.content)):
                    self.answers.pop(item.id, None)
                    yield f"{self.when} {item.id}"
                    self.answers[item.id] = len(getattr(item, self.when).options) - 1
                    yield f"{self.when} {item.id}, answered"
        finally:
            self.answers.clear()
            self.answers.update(saved[0])
            self.when, self.index = saved[1], saved[2]
            self.page = 0

    def _chooser(self, option: int) -> Callable[[], None]:
        def choose() -> None:
            self.answers[check_items(self.ctx.content)[self.index].id] = option
            self.refresh()
        return choose

    def _go(self, index: int) -> None:
        """Another question: focus starts on its answer (or its first option), not on Next."""
        self.index, self.page = index, 0
        self.refresh()
        self.focus_key(self.screen().focus)

    def next(self) -> None:
        if self.index + 1 < len(check_items(self.ctx.content)):
            self._go(self.index + 1)
        else:
            if self.when not in self.ctx.run.checked:
                self.ctx.run.checked.append(self.when)
            if self.when == "before":
                self.ctx.stack.replace(registry.make_scene("choose", self.ctx))
            else:
                self.ctx.stack.pop()

    def back(self) -> None:
        if self.index > 0:
            self._go(self.index - 1)
        else:
            self.ctx.stack.pop()
