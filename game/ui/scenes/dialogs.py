"""Small screens over others: quit confirmation, 'How do we know?', and settings."""
from __future__ import annotations

import pygame

from game.story.prefs import REGISTRY as PREFS

from .. import draw, theme
from ..scene import Button, Context, Scene
from .board import attribution
from .common import MARGIN, Dialog, bottom_y, button_row, page


class ConfirmQuitScene(Dialog):
    name = "quit"
    width = 900

    def layout(self) -> None:
        ctx = self.ctx
        rect = self.panel_rect(420)
        self.buttons = button_row(ctx, [("no", ctx.t("common.no"), self.back, True),
                                        ("yes", ctx.t("common.yes"), self.quit, False)],
                                  rect.bottom - 140, align="center")

    def quit(self) -> None:
        self.ctx.quit_requested = True

    def draw(self, surface: pygame.Surface) -> None:
        rect = self.panel_rect(420)
        draw.panel(surface, rect, self.ctx)
        y = draw.text_block(surface, self.ctx, self.ctx.t("quit.question"), (rect.x + 60, rect.y + 50),
                            rect.w - 120, "heading", weight="bold")
        draw.text_block(surface, self.ctx, self.ctx.t("quit.detail"), (rect.x + 60, y + 10), rect.w - 120,
                        "body", self.ctx.palette.muted)
        draw.buttons(surface, self)


class SourceScene(Dialog):
    """'How do we know?': the facts behind a screen or a number, each with its source."""

    name = "source"
    width = 1400

    def __init__(self, ctx: Context, facts: list[str] | None = None):
        super().__init__(ctx)
        self.facts = facts or [next(iter(ctx.content.facts))]
        self.page = 0

    def pages(self) -> list[list[tuple[str, str]]]:
        """The facts split into pages that fit the screen at the current text size."""
        t, room = self.ctx.text, theme.CANVAS[1] - 60 - 160 - 150
        pages: list[list[tuple[str, str]]] = [[]]
        used = 0
        for fact_id in self.facts:
            block = (self.ctx.t(self.ctx.content.facts[fact_id].text), self.cite(fact_id))
            height = (t.render(block[0], theme.SIZE["body"], (0, 0, 0), "regular", self.width - 120).get_height()
                      + t.render(block[1], theme.SIZE["small"], (0, 0, 0), "italic", self.width - 120).get_height()
                      + 40)
            if pages[-1] and used + height > room:
                pages.append([])
                used = 0
            pages[-1].append(block)
            used += height
        return pages

    def _height(self) -> int:
        t, total = self.ctx.text, 160 + 150
        for fact, cite in self.pages()[self.page]:
            total += t.render(fact, theme.SIZE["body"], (0, 0, 0), "regular", self.width - 120).get_height()
            total += t.render(cite, theme.SIZE["small"], (0, 0, 0), "italic", self.width - 120).get_height() + 40
        return min(total, theme.CANVAS[1] - 60)

    def layout(self) -> None:
        rect = self.panel_rect(self._height())
        specs = [("close", self.ctx.t("common.close"), self.back, True)]
        count = len(self.pages())
        if count > 1:
            specs.append(("more", self.ctx.t("source.more", page=self.page + 1, pages=count), self.next_page, False))
        self.buttons = button_row(self.ctx, specs, rect.bottom - 130, x=rect.x + 60)

    def next_page(self) -> None:
        self.page = (self.page + 1) % len(self.pages())
        self.layout()
        self.focus_key("more")

    def cite(self, fact_id: str) -> str:
        fact = self.ctx.content.facts[fact_id]
        source = self.ctx.content.sources[fact.source]
        via = self.ctx.t("source.via", via=source.via) if source.via else ""
        return self.ctx.t("source.citation", publication=source.publication, headline=source.headline,
                          date=source.date, via=via)

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        rect = self.panel_rect(self._height())
        draw.panel(surface, rect, ctx)
        y = draw.text_block(surface, ctx, ctx.t("common.how_do_we_know"), (rect.x + 60, rect.y + 44),
                            rect.w - 120, "heading", weight="bold") + 16
        for fact, cite in self.pages()[self.page]:
            y = draw.text_block(surface, ctx, fact, (rect.x + 60, y), rect.w - 120, "body")
            y = draw.text_block(surface, ctx, cite, (rect.x + 60, y + 6), rect.w - 120, "small", ctx.palette.muted,
                                "italic") + 34
        draw.buttons(surface, self)


class SettingsScene(Scene):
    """Each preference is one button that cycles through its choices."""

    name = "settings"

    def layout(self) -> None:
        ctx = self.ctx
        self.buttons = []
        height = max(theme.MIN_TARGET, ctx.text.line_height(theme.SIZE["body"], "semibold") + 36)
        y = 300
        for spec in PREFS:
            value = getattr(ctx.run.prefs, spec.name)
            label = ctx.t(spec.label, value=ctx.t(f"settings.value.{spec.name}.{spec.choices.index(value)}"))
            self.buttons.append(Button(spec.name, pygame.Rect(MARGIN, y, 900, height), label,
                                       self._cycler(spec.name)))
            y += height + 24
        self.buttons += button_row(ctx, [("back", ctx.t("common.back"), self.back, True)], bottom_y(ctx))

    def _cycler(self, name: str):
        def cycle() -> None:
            self.ctx.run.prefs = self.ctx.run.prefs.cycle(name)
            self.ctx.apply_prefs()
            self.layout()
        return cycle

    def draw(self, surface: pygame.Surface) -> None:
        page(surface, self.ctx, self.ctx.t("settings.heading"), self.ctx.t("settings.intro"))
        draw.buttons(surface, self)



class VoicesScene(Dialog):
    """What people have said about one question, each attributed to them and to the source."""

    name = "voices"
    width = 1400

    def __init__(self, ctx: Context, question: str | None = None):
        super().__init__(ctx)
        self.question = ctx.content.questions[question or next(iter(ctx.content.questions))]

    def layout(self) -> None:
        rect = self.panel_rect(760)
        self.buttons = button_row(self.ctx, [("close", self.ctx.t("common.close"), self.back, True)],
                                  rect.bottom - 130, x=rect.x + 60)

    def draw(self, surface: pygame.Surface) -> None:
        ctx, p = self.ctx, self.ctx.palette
        rect = self.panel_rect(760)
        draw.panel(surface, rect, ctx)
        y = draw.text_block(surface, ctx, ctx.t("board.voices"), (rect.x + 60, rect.y + 40), rect.w - 120,
                            "heading", weight="bold") + 10
        for voice in self.question.voices:
            y = draw.text_block(surface, ctx, f"“{ctx.t(voice.says)}”", (rect.x + 60, y + 12), rect.w - 120, "body")
            y = draw.text_block(surface, ctx, attribution(ctx, voice), (rect.x + 60, y + 2),
                                rect.w - 120, "small", p.muted, "italic")
        draw.buttons(surface, self)


class SourcesListScene(Scene):
    """Where the model is simpler than reality, and every source the game cites: two pages, two columns."""

    name = "sources"
    PAGES = ("limits", "sources")

    def __init__(self, ctx: Context):
        super().__init__(ctx)
        self.showing = "limits"

    def layout(self) -> None:
        ctx = self.ctx
        specs = [(tab, ctx.t(f"sources.{tab}"), self._shower(tab), tab == self.showing) for tab in self.PAGES]
        specs.append(("back", ctx.t("common.back"), self.back, False))
        self.buttons = button_row(ctx, specs, bottom_y(ctx))

    def _shower(self, tab: str):
        def show() -> None:
            self.showing = tab
            self.layout()
            self.focus_key(tab)
        return show

    def entries(self) -> list[tuple[str, str]]:
        """(heading, text) pairs for the page shown."""
        ctx = self.ctx
        if self.showing == "limits":
            return [("", "• " + ctx.t(text_id)) for text_id in ctx.content.model.limits]
        out = []
        for source in ctx.content.sources.values():
            via = ctx.t("source.via", via=source.via) if source.via else ""
            out.append((source.publication, f"“{source.headline}”, {source.date}{via}"))
        return out

    def draw(self, surface: pygame.Surface) -> None:
        ctx, p = self.ctx, self.ctx.palette
        top = page(surface, ctx, ctx.t("sources.heading"))
        width, bottom = 820, bottom_y(ctx) - 20
        entries = self.entries()
        half = (len(entries) + 1) // 2
        for column, chunk in enumerate((entries[:half], entries[half:])):
            x, y = MARGIN + column * (width + 40), top
            clip = surface.get_clip()
            surface.set_clip(pygame.Rect(x, top, width, bottom - top))
            for heading, text in chunk:
                if heading:
                    y = draw.text_block(surface, ctx, heading, (x, y), width, "small", p.text, "semibold")
                y = draw.text_block(surface, ctx, text, (x, y), width, "small", p.muted if heading else p.text) + 10
            surface.set_clip(clip)
        draw.buttons(surface, self)
