"""The title screen: what the game is, who is in it, and the way in (see game.story.views.title)."""
from __future__ import annotations

from typing import Callable

from game.story.views.title import title_screen

from ..screens import ScreenScene
from . import registry


class TitleScene(ScreenScene):
    name = "title"

    def screen(self):
        return title_screen(self.ctx.content, self.ctx.kiosk, self.ctx.run.prefs)

    def actions(self) -> dict[str, Callable[[], None]]:
        return {"start": self.start, "class": self.lesson, "teacher": self.teacher, "shift": self.shift, "settings": self.settings,
                "read_aloud": self.read_aloud, "language": self.next_language,
                "quit": self.back}

    def start(self) -> None:
        """The path the game was launched on (the class path with face-value --class)."""
        game = self.ctx.services.get("game")
        self.begin(game.launch_path if game is not None else self.ctx.run.path)

    def lesson(self) -> None:
        """The class path: the lesson's travellers and questions, the check before and after."""
        self.begin("class")

    def begin(self, path: str) -> None:
        """Play `path`; on the class path, the check comes first (where the content has one)."""
        self.ctx.run.path = path
        if path == "class" and self.ctx.content.class_check:
            self.ctx.stack.push(registry.make_scene("check", self.ctx, when="before"))
        else:
            self.ctx.stack.push(registry.make_scene("choose", self.ctx))

    def teacher(self) -> None:
        self.ctx.stack.push(registry.make_scene("teacher", self.ctx))

    def read_aloud(self) -> None:
        self.ctx.services["game"].toggle_read_aloud()
        self.refresh()

    def shift(self) -> None:
        self.ctx.stack.push(registry.make_scene("shift", self.ctx))

    def settings(self) -> None:
        self.ctx.stack.push(registry.make_scene("settings", self.ctx))

    def next_language(self) -> None:
        run = self.ctx.run
        langs = self.ctx.content.languages
        run.prefs = run.prefs.set("language", langs[(langs.index(run.prefs.language) + 1) % len(langs)])
        self.refresh()

    def back(self) -> None:
        if not self.ctx.kiosk:
            self.ctx.stack.push(registry.make_scene("quit", self.ctx))
