"""The title screen: what the game is, who is in it, and the way in."""
from __future__ import annotations

import pygame

from game.content.schema import Face

from .. import draw, theme
from ..scene import Scene
from .common import MARGIN, bottom_y, button_row
from . import registry


class TitleScene(Scene):
    name = "title"

    def layout(self) -> None:
        ctx = self.ctx
        specs = [("start", ctx.t("title.play"), self.start, True),
                 ("settings", ctx.t("title.settings"), self.settings, False)]
        if len(ctx.content.languages) > 1:
            specs.append(("language", ctx.t("title.language"), self.next_language, False))
        if not ctx.kiosk:
            specs.append(("quit", ctx.t("title.quit"), self.back, False))
        self.buttons = button_row(ctx, specs, bottom_y(ctx))

    def start(self) -> None:
        self.ctx.stack.push(registry.make_scene("choose", self.ctx))

    def settings(self) -> None:
        self.ctx.stack.push(registry.make_scene("settings", self.ctx))

    def next_language(self) -> None:
        run = self.ctx.run
        langs = self.ctx.content.languages
        lang = langs[(langs.index(run.prefs.language) + 1) % len(langs)]
        run.prefs = run.prefs.set("language", lang)
        self.layout()

    def back(self) -> None:
        if not self.ctx.kiosk:
            self.ctx.stack.push(registry.make_scene("quit", self.ctx))

    def draw(self, surface: pygame.Surface) -> None:
        ctx, p = self.ctx, self.ctx.palette
        surface.fill(p.background)
        pygame.draw.rect(surface, p.accent, (MARGIN, 150, 160, 10))
        y = draw.text_block(surface, ctx, ctx.t("game.name"), (MARGIN, 170), 900, "title", weight="bold")
        y = draw.text_block(surface, ctx, ctx.t("game.tagline"), (MARGIN, y), 900, "large", p.muted)
        y += theme.SPACE * 2
        for line_id in ctx.content.scenes.title_lines:
            y = draw.text_block(surface, ctx, ctx.t(line_id), (MARGIN, y), 860, "body") + theme.SPACE
        self._draw_gallery(surface)
        draw.buttons(surface, self)

    def _draw_gallery(self, surface: pygame.Surface) -> None:
        """Synthetic faces under camera brackets: the picture the game is about."""
        p = self.ctx.palette
        faces = [Face(skin=1, hair="short", hair_colour="brown"), Face(skin=4, hair="long", shirt="teal"),
                 Face(skin=2, hair="bun", hair_colour="grey", age="older", shirt="purple"),
                 Face(skin=5, hair="curly", shirt="orange"), Face(skin=0, hair="long", hair_colour="blond",
                                                                  age="child", shirt="green"),
                 Face(skin=3, hair="covered", shirt="red")]
        for i, spec in enumerate(faces):
            col, row = i % 3, i // 3
            rect = pygame.Rect(1100 + col * 250, 170 + row * 300, 210, 250)
            pygame.draw.rect(surface, p.panel, rect, border_radius=theme.RADIUS)
            draw.face(surface, rect.inflate(-30, -40), spec)
            bracket = rect.inflate(-16, -16)
            for (cx, cy), (dx, dy) in (((bracket.left, bracket.top), (1, 1)), ((bracket.right, bracket.top), (-1, 1)),
                                       ((bracket.left, bracket.bottom), (1, -1)), ((bracket.right, bracket.bottom), (-1, -1))):
                pygame.draw.line(surface, p.accent, (cx, cy), (cx + 36 * dx, cy), 5)
                pygame.draw.line(surface, p.accent, (cx, cy), (cx, cy + 36 * dy), 5)
