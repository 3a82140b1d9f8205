"""Scenes drawn from screens: a story function says what a screen holds, the flow layout places
it, and this module paints it and turns its controls into focusable buttons.

A `ScreenScene` subclass gives `screen()` (usually a call into game.story) and `actions()`, a map
from control keys to what they do; painters for charts and maps are methods named in the item's
data. The layout is kept until the screen, the text size, the language or the page changes.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

import pygame

from game.story import glossary
from game.story.speech import TERM  # the key of a glossary term's target: "term:<id>"
from game.story.screen import Item, Screen

from . import draw, theme
from .layout import CONTROLS, ROLES, Box, Flow, Layout, lay_out
from .scene import Button, Context, Scene

TERM_DOT = 3     # the dots under a term: this many pixels square, as far apart


@dataclass
class TermMark:
    """A glossary term's first place on a page: the words' rectangle (the target), and the height of
    the dotted line under them (just below the letters' baseline)."""

    term: str
    rect: pygame.Rect
    underline: int


class ScreenScene(Scene):
    """A scene whose content is a `Screen`; paging and focus come with it. The first place of each
    glossary term on a page is underlined and becomes a target after the screen's own controls (Tab
    reaches it; arrows keep to the controls) that opens the term's sentence."""

    glossary = True  # False: terms are not marked (the term's own dialog)

    def __init__(self, ctx: Context):
        super().__init__(ctx)
        self.page = 0
        self.terms: list[TermMark] = []
        self._cache: tuple[object, Screen, Layout] | None = None
        self._laying_out = False
        self._screens: dict[tuple, Screen] = {}

    # -- what the subclass says ---------------------------------------------------------------
    def screen(self) -> Screen:
        raise NotImplementedError

    def memo(self, key: tuple, build: Callable[[], Screen]) -> Screen:
        """The same screen object while nothing it shows has changed (its `key`, and the language), so
        the layout's cache holds and the view is not built again every frame; a few dozen are kept."""
        key = (self.ctx.run.prefs.language, *key)
        screen = self._screens.get(key)
        if screen is None:
            if len(self._screens) > 64:
                self._screens.clear()
            screen = self._screens[key] = build()
        return screen

    def actions(self) -> dict[str, Callable[[], None]]:
        return {}

    def states(self) -> Iterator[str]:
        """Step the scene through each state worth checking for fit (each question, station, traveller),
        naming each; the geometry test lays out every page of every state. Default: as it is."""
        yield "as shown"

    def painters(self) -> dict[str, Callable[[pygame.Surface, pygame.Rect, Item], None]]:
        """Painters for charts, maps and other drawn items, by the name in their data."""
        return {}

    # -- layout -------------------------------------------------------------------------------
    def laid_out(self) -> tuple[Screen, Layout]:
        screen = self.screen()
        key = (screen, self.ctx.text.scale, self.ctx.run.prefs.language, self.page)
        if self._cache is None or self._cache[0] != key:
            layout = lay_out(self.ctx, screen, self.page)
            if self.page >= len(layout.pages):  # fewer pages than before (a larger screen, smaller text)
                self.page = 0
                layout = lay_out(self.ctx, screen, 0)
            stale = self._cache is not None  # buttons made from the old layout no longer match it
            self._cache = ((screen, self.ctx.text.scale, self.ctx.run.prefs.language, self.page), screen, layout)
            if stale and not self._laying_out:
                self.layout()
        return self._cache[1], self._cache[2]

    def layout(self) -> None:
        """Buttons from the layout's controls; run again whenever the layout changes (a dialog above
        changed the text size or the language, or the state changed), keeping the focused control."""
        focus_key = self.focused_key()
        self._laying_out = True
        try:
            screen, laid = self.laid_out()
        finally:
            self._laying_out = False
        actions = {**self.actions(), "more": self.next_page}
        flow = Flow(self.ctx)
        self.buttons = []
        for box in laid.boxes(self.page):
            item = box.item
            if item.kind in CONTROLS and item.key:
                self.buttons.append(Button(item.key, box.rect, flow.words(item), actions.get(item.key, _nothing),
                                           primary=item.role == "primary"))
            elif item.kind in ("chart", "map") and item.key:
                self.buttons.append(Button(item.key, box.rect, "", actions.get(item.key, _nothing), visible=False))
        # a scene that paints itself (the lab) underlines them with paint_terms too
        self.terms = term_marks(self.ctx, laid.boxes(self.page)) if self.glossary else []
        for mark in self.terms:
            self.buttons.append(Button(TERM + mark.term, mark.rect, self.ctx.t(f"glossary.{mark.term}.term"),
                                       self._term_opener(mark.term), visible=False))
        self.focus = 0
        wanted = focus_key or screen.focus
        if wanted:
            self.focus_key(wanted)

    def _term_opener(self, term: str) -> Callable[[], None]:
        def open_term() -> None:
            from .scenes import registry  # the scenes import this module: looked up when first pressed
            self.ctx.stack.push(registry.make_scene("term", self.ctx, term=term))
        return open_term

    def move_focus(self, direction: str) -> None:
        """Arrows move among the screen's controls, as before there were terms; from a term, among all."""
        here = self.focused_key() or ""
        if here.startswith(TERM) or not self.terms:
            super().move_focus(direction)
            return
        everything = self.buttons
        self.buttons = [b for b in everything if not b.key.startswith(TERM)]
        self.focus = self.buttons.index(everything[min(self.focus, len(everything) - 1)])
        try:
            super().move_focus(direction)
        finally:
            chosen, self.buttons = self.buttons[self.focus], everything
            self.focus = everything.index(chosen)

    def refresh(self) -> None:
        """The state changed: lay out again, keeping focus on the same control."""
        self.layout()
        self.dirty = True

    def next_page(self) -> None:
        pages = len(self.laid_out()[1].pages)
        self.page = (self.page + 1) % max(1, pages)
        self.refresh()
        self.focus_key("more")

    # -- painting -----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        screen, laid = self.laid_out()
        if not screen.dialog:
            surface.fill(self.ctx.palette.background)
        if laid.frame is not None:
            draw.panel(surface, laid.frame, self.ctx)
        focused = self.focused_key()
        paint_boxes(surface, self.ctx, laid.boxes(self.page), focused, self.painters())
        paint_terms(surface, self.ctx, self.terms, focused)


def _nothing() -> None:
    """A control the scene does not act on (it should not happen; the tests look for it)."""


def paint_boxes(surface: pygame.Surface, ctx: Context, boxes: list[Box], focused: str | None,
                painters: dict[str, Callable]) -> None:
    flow = Flow(ctx)
    for box in boxes:
        kind = box.item.kind
        if kind == "panel":
            draw.panel(surface, box.rect, ctx)
        elif kind == "text":  # left-aligned, unless its data says centre or right (a chart's labels)
            align = box.item.data.get("align", "left") if isinstance(box.item.data, dict) else "left"
            paint_lines(surface, ctx, box.lines, box.item.role, box.rect.topleft, align=align, width=box.rect.w)
        elif kind in CONTROLS:
            paint_control(surface, ctx, box, box.item.key == focused and focused is not None, flow)
        elif kind == "pair":
            paint_pair(surface, ctx, box)
        elif kind == "portrait":
            paint_portrait(surface, ctx, box)
        elif kind == "rule":
            pygame.draw.line(surface, ctx.palette.panel_edge, box.rect.midleft, box.rect.midright, 2)
        elif kind in ("chart", "map"):
            painter = painters.get(box.item.data.get("painter", ""))
            if painter is not None:
                painter(surface, box.rect, box.item)
            if box.item.key and box.item.key == focused:
                pygame.draw.rect(surface, ctx.palette.accent, box.rect.inflate(12, 12), theme.FOCUS_WIDTH,
                                 theme.RADIUS + 6)


def term_marks(ctx: Context, boxes: list[Box]) -> list[TermMark]:
    """Where each glossary term first appears on a page: in paragraphs and table labels, not inside a
    control (a traveller's card is pressed as a whole). Measured from the laid-out lines with the font
    they are drawn in, so it is done when the layout changes, never per frame."""
    found = glossary.for_language(ctx.content, ctx.run.prefs.language)
    controls = [b.rect for b in boxes if b.item.kind in CONTROLS]
    seen: set[str] = set()
    marks: list[TermMark] = []
    for box in boxes:
        kind = box.item.kind
        if kind not in ("text", "pair") or any(box.container is rect for rect in controls):
            continue
        data = box.item.data if isinstance(box.item.data, dict) else {}
        align = data.get("align", "left") if kind == "text" else "left"
        area = box.rect if kind == "text" else box.label_rect
        size, weight, _ = style(ctx, box.item.role)
        font = ctx.text.font(size, weight)
        line_h = font.get_linesize()
        for n, line in enumerate(box.lines):
            terms = found.find(line, seen)
            if not terms:
                continue
            spare = area.w - font.size(line)[0]
            left = area.x + (spare if align == "right" else spare // 2 if align == "center" else 0)
            for term in terms:
                seen.add(term.term)
                x = left + font.size(line[:term.start])[0]
                rect = pygame.Rect(x, area.y + n * line_h, font.size(line[term.start:term.end])[0], line_h)
                marks.append(TermMark(term.term, rect.clip(area), rect.y + font.get_ascent() + 2))
    return marks


def paint_terms(surface: pygame.Surface, ctx: Context, marks: list[TermMark], focused: str | None) -> None:
    """A dotted underline under each marked term (a shape, not a colour), and the focus ring on the focused one."""
    colour = ctx.palette.accent
    for mark in marks:
        rect = mark.rect
        y = min(mark.underline, rect.bottom - TERM_DOT)
        for x in range(rect.left, rect.right - TERM_DOT + 1, 2 * TERM_DOT):
            surface.fill(colour, (x, y, TERM_DOT, TERM_DOT))
        if focused == TERM + mark.term:
            pygame.draw.rect(surface, colour, rect.inflate(12, 6), theme.FOCUS_WIDTH, theme.RADIUS // 2)



def style(ctx: Context, role: str) -> tuple[int, str, tuple[int, int, int]]:
    size, weight, colour = ROLES.get(role, ROLES["body"])
    return theme.SIZE[size], weight, getattr(ctx.palette, colour)


def paint_lines(surface: pygame.Surface, ctx: Context, lines: list[str], role: str, at: tuple[int, int],
                colour=None, align: str = "left", width: int = 0) -> None:
    size, weight, default = style(ctx, role)
    line_h = ctx.text.line_height(size, weight)
    x, y = at
    for line in lines:
        image = ctx.text.render(line, size, colour or default, weight)
        left = x + (width - image.get_width() if align == "right" else (width - image.get_width()) // 2
                    if align == "center" else 0)
        surface.blit(image, (left, y))
        y += line_h


def paint_control(surface: pygame.Surface, ctx: Context, box: Box, focused: bool, flow: Flow) -> None:
    p = ctx.palette
    primary = box.item.role == "primary"
    fill = p.accent if primary else p.panel
    fg = p.accent_text if primary else p.text
    pygame.draw.rect(surface, fill, box.rect, border_radius=theme.RADIUS)
    pygame.draw.rect(surface, p.accent if primary else p.panel_edge, box.rect, width=2, border_radius=theme.RADIUS)
    ticked = box.item.kind == "choice" and box.item.selected
    if ticked:  # a tick, so the choice does not rest on colour; the label moves over to clear it
        cx, cy = box.rect.left + 22, box.rect.centery
        pygame.draw.lines(surface, fg, False, [(cx - 8, cy), (cx - 2, cy + 7), (cx + 10, cy - 8)], 4)
    if focused:
        pygame.draw.rect(surface, p.text if primary else p.accent, box.rect.inflate(14, 14), width=theme.FOCUS_WIDTH,
                         border_radius=theme.RADIUS + 6)
    size, weight, _ = style(ctx, "primary")
    line_h = ctx.text.line_height(size, weight)
    top = box.rect.centery - line_h * len(box.lines) // 2
    inset = 28 if ticked else 0
    paint_lines(surface, ctx, box.lines, "primary", (box.rect.x + inset, top), fg, "center", box.rect.w - inset)


def paint_pair(surface: pygame.Surface, ctx: Context, box: Box) -> None:
    p = ctx.palette
    data = box.item.data or {}
    if data.get("changed"):
        pygame.draw.rect(surface, p.background, box.rect.inflate(12, 2), border_radius=8)
    paint_lines(surface, ctx, box.lines, box.item.role, box.label_rect.topleft)
    last = len(box.cells) - 1
    for i, (cell, lines) in enumerate(box.cells):
        colour = p.accent if data.get("changed") and i == last else p.text
        paint_lines(surface, ctx, lines, "value", cell.topleft, colour, "right", cell.w)
    if data.get("changed") and box.cells:  # an arrow says which way it moved: not colour alone
        cell = box.cells[-1][0]
        ax, ay = cell.x + 6, cell.y + cell.h // 2
        tip, base = (ay - 9, ay + 7) if data.get("rising") else (ay + 9, ay - 7)
        pygame.draw.polygon(surface, p.accent, [(ax, tip), (ax - 7, base), (ax + 7, base)])


def paint_portrait(surface: pygame.Surface, ctx: Context, box: Box) -> None:
    """A synthetic face, square, at the left of its box; with camera brackets when the data asks, and the
    expression its `mood` names (draw.MOODS)."""
    data = box.item.data
    size = min(box.rect.w, box.rect.h)
    square = pygame.Rect(box.rect.x, box.rect.y, size, size)
    if data.get("brackets"):
        pygame.draw.rect(surface, ctx.palette.panel, square, border_radius=theme.RADIUS)
        inner = square.inflate(-16, -16)
        arm = size // 6
        for (cx, cy), (dx, dy) in (((inner.left, inner.top), (1, 1)), ((inner.right, inner.top), (-1, 1)),
                                   ((inner.left, inner.bottom), (1, -1)), ((inner.right, inner.bottom), (-1, -1))):
            pygame.draw.line(surface, ctx.palette.accent, (cx, cy), (cx + arm * dx, cy), 5)
            pygame.draw.line(surface, ctx.palette.accent, (cx, cy), (cx, cy + arm * dy), 5)
        square = square.inflate(-size // 4, -size // 4)
    draw.face(surface, square, data["face"], data.get("behaviour", ()), blur=data.get("blur", False),
              mood=data.get("mood"))
