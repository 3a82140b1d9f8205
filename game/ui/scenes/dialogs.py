"""Small screens over others: quit confirmation, 'How do we know?', and settings."""
from __future__ import annotations

import pygame

from game.story import assumptions as model_assumptions
from game.story import cite
from game.story.prefs import REGISTRY as PREFS

from .. import draw, theme
from ..scene import Button, Context, Scene
from . import registry
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
    """'How do we know?': the facts behind a screen or a number, each with its source; then what the
    model assumes there, where no source gives the number (`assumptions`: paths, game.story.assumptions)."""

    name = "source"
    width = 1400
    # block kind -> (size, weight, space after); a fact's citation goes under it in small italics
    STYLE = {"fact": ("body", "regular", 34), "heading": ("body", "semibold", 10), "assumption": ("small", "regular", 14)}
    BULLET = 28  # an assumption's indent, after its bullet

    def __init__(self, ctx: Context, facts: list[str] | None = None, assumptions: list[str] | None = None):
        super().__init__(ctx)
        self.facts = facts or ([] if assumptions else [next(iter(ctx.content.facts))])
        self.assumptions = list(assumptions or [])
        self.page = 0

    def blocks(self) -> list[tuple[str, str, str]]:
        """(kind, text, citation) in reading order: the facts, then a heading and each assumption's words."""
        ctx = self.ctx
        out = [("fact", ctx.t(ctx.content.facts[f].text), self.cite(f)) for f in self.facts]
        ids = model_assumptions.text_ids(ctx.world.model, self.assumptions) if self.assumptions else []
        if ids:
            out.append(("heading", ctx.t("assumption.heading"), ""))
            out += [("assumption", ctx.t(text_id), "") for text_id in ids]
        return out

    def _block_height(self, block: tuple[str, str, str]) -> int:
        kind, text, citation = block
        size, weight, after = self.STYLE[kind]
        width = self.width - 120 - (self.BULLET if kind == "assumption" else 0)
        height = self.ctx.text.render(text, theme.SIZE[size], (0, 0, 0), weight, width).get_height() + after
        if citation:
            height += 6 + self.ctx.text.render(citation, theme.SIZE["small"], (0, 0, 0), "italic", width).get_height()
        return height

    def pages(self) -> list[list[tuple[str, str, str]]]:
        """The blocks split into pages that fit the screen at the current text size; a heading stays
        with the block after it."""
        room = theme.CANVAS[1] - 60 - 160 - 150
        blocks = self.blocks()
        heights = [self._block_height(b) for b in blocks]
        pages: list[list[tuple[str, str, str]]] = [[]]
        used = 0
        for i, (block, height) in enumerate(zip(blocks, heights)):
            needed = height + (heights[i + 1] if block[0] == "heading" and i + 1 < len(blocks) else 0)
            if pages[-1] and used + needed > room:
                pages.append([])
                used = 0
                if block[0] == "assumption":  # a page of assumptions says what they are
                    heading = next(b for b in blocks if b[0] == "heading")
                    pages[-1].append(heading)
                    used += self._block_height(heading)
            pages[-1].append(block)
            used += height
        return pages

    def _height(self) -> int:
        total = 160 + 150 + sum(self._block_height(b) for b in self.pages()[self.page])
        return min(total, theme.CANVAS[1] - 60)

    def layout(self) -> None:
        rect = self.panel_rect(self._height())
        specs = [("close", self.ctx.t("common.close"), self.back, True)]
        count = len(self.pages())
        if count > 1:
            specs.append(("more", self.ctx.t("source.more", page=self.page + 1, pages=count), self.next_page, False))
        specs.append(("calibration", self.ctx.t("calibration.open"), self.show_calibration, False))
        self.buttons = button_row(self.ctx, specs, rect.bottom - 130, x=rect.x + 60)

    def show_calibration(self) -> None:
        self.ctx.stack.push(registry.make_scene("calibration", self.ctx))

    def next_page(self) -> None:
        self.page = (self.page + 1) % len(self.pages())
        self.layout()
        self.focus_key("more")

    def cite(self, fact_id: str) -> str:
        """The fact's source: its real headline in quotation marks, or a plain description."""
        return cite.citation(self.ctx.t, self.ctx.content.sources[self.ctx.content.facts[fact_id].source])

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        rect = self.panel_rect(self._height())
        draw.panel(surface, rect, ctx)
        y = draw.text_block(surface, ctx, ctx.t("common.how_do_we_know"), (rect.x + 60, rect.y + 44),
                            rect.w - 120, "heading", weight="bold") + 16
        for kind, text, citation in self.pages()[self.page]:
            size, weight, after = self.STYLE[kind]
            x, width = rect.x + 60, rect.w - 120
            if kind == "assumption":
                bullet_y = y + ctx.text.line_height(theme.SIZE[size]) // 2
                pygame.draw.circle(surface, ctx.palette.muted, (x + 8, bullet_y), 5)
                x, width = x + self.BULLET, width - self.BULLET
            colour = ctx.palette.accent if kind == "heading" else None
            y = draw.text_block(surface, ctx, text, (x, y), width, size, colour, weight)
            if citation:
                y = draw.text_block(surface, ctx, citation, (x, y + 6), width, "small", ctx.palette.muted, "italic")
            y += after
        self.text_bottom = y  # where the words end, for the check that they clear the buttons
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
    """What people have said about one question: reported speech, each with the citation it rests on,
    split into pages that fit the screen at the current text size."""

    name = "voices"
    width = 1400

    def __init__(self, ctx: Context, question: str | None = None):
        super().__init__(ctx)
        self.question = ctx.content.questions[question or next(iter(ctx.content.questions))]
        self.page = 0

    def _blocks(self) -> list[tuple[pygame.Surface, pygame.Surface]]:
        ctx, width = self.ctx, self.width - 120
        return [(ctx.text.render(cite.voice_text(ctx.t, ctx.content.sources, voice), theme.SIZE["body"],
                                 ctx.palette.text, "regular", width),
                 ctx.text.render(cite.citation(ctx.t, ctx.content.sources[voice.source]), theme.SIZE["small"],
                                 ctx.palette.muted, "italic", width))
                for voice in self.question.voices]

    def _heading_height(self) -> int:
        return 40 + self.ctx.text.line_height(theme.SIZE["heading"], "bold") + 10

    def pages(self) -> list[list[tuple[pygame.Surface, pygame.Surface]]]:
        room = theme.CANVAS[1] - 60 - self._heading_height() - 150
        pages: list[list[tuple[pygame.Surface, pygame.Surface]]] = [[]]
        used = 0
        for words, source in self._blocks():
            height = 12 + words.get_height() + 2 + source.get_height()
            if pages[-1] and used + height > room:
                pages.append([])
                used = 0
            pages[-1].append((words, source))
            used += height
        return pages

    def _height(self) -> int:
        blocks = self.pages()[self.page]
        return min(self._heading_height() + sum(12 + w.get_height() + 2 + c.get_height() for w, c in blocks) + 150,
                   theme.CANVAS[1] - 60)

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

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        rect = self.panel_rect(self._height())
        draw.panel(surface, rect, ctx)
        y = draw.text_block(surface, ctx, ctx.t("board.voices"), (rect.x + 60, rect.y + 40), rect.w - 120,
                            "heading", weight="bold") + 10
        for words, source in self.pages()[self.page]:  # reported speech, then the citation it rests on
            surface.blit(words, (rect.x + 60, y + 12))
            y += 12 + words.get_height()
            surface.blit(source, (rect.x + 60, y + 2))
            y += 2 + source.get_height()
        draw.buttons(surface, self)


class SourcesListScene(Scene):
    """Where the model is simpler than reality, and every source the game cites: two tabs, two columns.
    A tab whose entries do not fit turns its pages when chosen again."""

    name = "sources"
    PAGES = ("limits", "sources")
    COLUMN_W = 820

    def __init__(self, ctx: Context):
        super().__init__(ctx)
        self.showing = "limits"
        self.page = 0

    def layout(self) -> None:
        """Buttons first (they may wrap onto a second row at large text), then the pages that fit above
        them; once more if the page count in a tab's label changed the buttons."""
        self.buttons = []
        for _ in range(2):
            count = len(self.pages())
            self.buttons = button_row(self.ctx, self._specs(count), bottom_y(self.ctx))
            if len(self.pages()) == count:
                break

    def _specs(self, count: int) -> list[tuple[str, str, object, bool]]:
        ctx = self.ctx
        specs = [(tab, ctx.t(f"sources.{tab}") if tab != self.showing or count == 1 else
                  ctx.t("sources.page", tab=ctx.t(f"sources.{tab}"), page=self.page + 1, pages=count),
                  self._shower(tab), tab == self.showing) for tab in self.PAGES]
        specs.append(("calibration", ctx.t("calibration.open"), self.show_calibration, False))
        specs.append(("back", ctx.t("common.back"), self.back, False))
        return specs

    def _bottom(self) -> int:
        """Where the entries must end: above the highest button."""
        return min([bottom_y(self.ctx), *(b.rect.top for b in self.buttons)]) - 20

    def show_calibration(self) -> None:
        self.ctx.stack.push(registry.make_scene("calibration", self.ctx))

    def _shower(self, tab: str):
        def show() -> None:
            self.page = (self.page + 1) % len(self.pages()) if tab == self.showing else 0
            self.showing = tab
            self.layout()
            self.focus_key(tab)
        return show

    def entries(self) -> list[tuple[str, str]]:
        """(heading, text) pairs for the page shown."""
        ctx = self.ctx
        if self.showing == "limits":
            return [("", "• " + ctx.t(text_id)) for text_id in ctx.content.model.limits]
        return [cite.listing(ctx.t, source) for source in ctx.content.sources.values()]

    def _entry_height(self, heading: str, text: str) -> int:
        t, width = self.ctx.text, self.COLUMN_W
        height = t.render(text, theme.SIZE["small"], (0, 0, 0), "regular", width).get_height() + 10
        return height + (t.render(heading, theme.SIZE["small"], (0, 0, 0), "semibold", width).get_height()
                         if heading else 0)

    def _top(self) -> int:
        """Where the entries start: below the heading, as `page` draws it."""
        heading = self.ctx.text.render(self.ctx.t("sources.heading"), theme.SIZE["heading"], (0, 0, 0), "bold",
                                       theme.CANVAS[0] - 2 * MARGIN)
        return 84 + heading.get_height() + theme.SPACE

    def pages(self) -> list[list[list[tuple[str, str]]]]:
        """The tab's entries flowed down the first column, then the second, then onto further pages."""
        room = self._bottom() - self._top()
        pages: list[list[list[tuple[str, str]]]] = [[[]]]
        used = 0
        for entry in self.entries():
            height = self._entry_height(*entry)
            if pages[-1][-1] and used + height > room:
                if len(pages[-1]) == 2:
                    pages.append([])
                pages[-1].append([])
                used = 0
            pages[-1][-1].append(entry)
            used += height
        return pages

    def draw(self, surface: pygame.Surface) -> None:
        ctx, p = self.ctx, self.ctx.palette
        top = page(surface, ctx, ctx.t("sources.heading"))
        width, bottom = self.COLUMN_W, self._bottom()
        pages = self.pages()
        for column, chunk in enumerate(pages[min(self.page, len(pages) - 1)]):
            x, y = MARGIN + column * (width + 40), top
            clip = surface.get_clip()
            surface.set_clip(pygame.Rect(x, top, width, bottom - top))
            for heading, text in chunk:
                if heading:
                    y = draw.text_block(surface, ctx, heading, (x, y), width, "small", p.text, "semibold")
                y = draw.text_block(surface, ctx, text, (x, y), width, "small", p.muted if heading else p.text) + 10
            surface.set_clip(clip)
        draw.buttons(surface, self)
