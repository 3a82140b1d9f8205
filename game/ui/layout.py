"""A flow layout: screens (game.story.screen) measured at the current text size and laid out in
rows, columns and grids that wrap at word boundaries, with whatever does not fit moved to further
pages. Nothing is placed at a fixed pixel position; everything is measured.

`lay_out(ctx, screen)` returns the pages of boxes and the action row; `problems(layout)` checks the
geometry (text inside its container and the canvas, no overlaps, no split words, touch targets),
so a test can prove a screen fits, not just that it draws.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.story.screen import Item, Screen, Words

from . import theme
from .scene import Context

MARGIN = 96
GAP = 20
PAD = 24
TOP = 56
BOTTOM = 40
ACTION_GAP = 24
SEPARATOR = " · "
# role -> (size, weight, colour name in the palette)
ROLES: dict[str, tuple[str, str, str]] = {
    "title": ("title", "bold", "text"), "tagline": ("large", "regular", "muted"),
    "heading": ("heading", "bold", "text"), "subheading": ("large", "bold", "text"),
    "label": ("small", "semibold", "accent"), "body": ("body", "regular", "text"),
    "muted": ("body", "regular", "muted"), "small": ("small", "regular", "text"),
    "small_muted": ("small", "regular", "muted"), "strong": ("small", "bold", "text"),
    "italic": ("small", "italic", "muted"), "accent": ("body", "semibold", "accent"),
    "value": ("small", "bold", "text"), "primary": ("body", "semibold", "text"),
    "alert": ("small", "bold", "bad"), "ok": ("small", "bold", "good"),
}
CONTAINERS = ("row", "column", "grid", "panel")
CONTROLS = ("button", "choice")


@dataclass
class Box:
    """One placed item. `lines` are the wrapped lines of its text; `cells` the value cells of a pair;
    `split` marks a word that had to be broken because it was wider than its box (a layout fault)."""

    item: Item
    rect: pygame.Rect
    lines: list[str] = field(default_factory=list)
    cells: list[tuple[pygame.Rect, list[str]]] = field(default_factory=list)
    container: pygame.Rect | None = None
    split: bool = False
    label_rect: pygame.Rect | None = None


@dataclass
class Layout:
    pages: list[list[Box]]
    actions: list[Box]
    frame: pygame.Rect | None  # a dialog's panel

    def boxes(self, page: int) -> list[Box]:
        return self.pages[min(page, len(self.pages) - 1)] + self.actions


_WRAPPED: dict[tuple[pygame.font.Font, str, int], tuple[tuple[str, ...], bool]] = {}
_WIDTHS: dict[tuple[pygame.font.Font, str], int] = {}


def clear_measures() -> None:
    """Measures are kept by font: forget them with the fonts."""
    _WRAPPED.clear()
    _WIDTHS.clear()


class Flow:
    """Measures and places items for one text scale and one language."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        # (id(item), width) -> (item, height): the item is kept so its id stays its own while this Flow lives
        self._heights: dict[tuple[int, int], tuple[Item, int]] = {}
        self._said: dict[Words, str] = {}

    # -- text ------------------------------------------------------------------------------
    def words(self, item: Item) -> str:
        return SEPARATOR.join(self.say(w) for w in item.words)

    def say(self, words: Words) -> str:
        """The words in the player's language, nested words translated first (once per layout)."""
        if words not in self._said:
            self._said[words] = self.ctx.t(words.id, **{k: self.say(v) if isinstance(v, Words) else v
                                                       for k, v in words.values})
        return self._said[words]

    def text_width(self, text: str, role: str) -> int:
        """How wide one line of `text` is (remembered across layouts, as wrapped lines are)."""
        key = (self.font(role), text)
        if key not in _WIDTHS:
            if len(_WIDTHS) > 50_000:
                _WIDTHS.clear()
            _WIDTHS[key] = key[0].size(text)[0]
        return _WIDTHS[key]

    def font(self, role: str) -> pygame.font.Font:
        size, weight, _ = ROLES.get(role, ROLES["body"])
        return self.ctx.text.font(theme.SIZE[size], weight)

    def wrap(self, text: str, role: str, width: int) -> tuple[list[str], bool]:
        """Lines of `text` no wider than `width`, broken at spaces; True if a word had to be split.
        Remembered across layouts: a screen laid out again (a dragged threshold) wraps only new text."""
        font = self.font(role)
        key = (font, text, width)
        if key not in _WRAPPED:
            if len(_WRAPPED) > 50_000:
                _WRAPPED.clear()
            _WRAPPED[key] = self._wrap(font, text, width)
        lines, split = _WRAPPED[key]
        return list(lines), split

    def _wrap(self, font: pygame.font.Font, text: str, width: int) -> tuple[tuple[str, ...], bool]:
        lines: list[str] = []
        split = False
        for paragraph in text.split("\n"):
            line = ""
            for word in paragraph.split(" "):
                trial = f"{line} {word}" if line else word
                if font.size(trial)[0] <= width:
                    line = trial
                    continue
                if line:
                    lines.append(line)
                while font.size(word)[0] > width and len(word) > 1:  # a word wider than the box: a fault
                    split = True
                    cut = max(1, next((i for i in range(len(word), 0, -1) if font.size(word[:i])[0] <= width), 1))
                    lines.append(word[:cut])
                    word = word[cut:]
                line = word
            lines.append(line)
        return tuple(lines), split

    def line_height(self, role: str) -> int:
        return self.font(role).get_linesize()

    def text_height(self, lines: list[str], role: str) -> int:
        return len(lines) * self.line_height(role)

    # -- placing ---------------------------------------------------------------------------
    def height(self, item: Item, width: int) -> int:
        """How tall `item` is at `width`: measured once per layout (paging asks again and again)."""
        key = (id(item), width)
        if key not in self._heights:
            self._heights[key] = (item, self.place(item, 0, 0, width)[1])
        return self._heights[key][1]

    def place(self, item: Item, x: int, y: int, width: int) -> tuple[list[Box], int]:
        """Boxes for `item` laid out from (x, y) in `width`; and the height it takes."""
        kind = item.kind
        if kind == "text":
            lines, split = self.wrap(self.words(item), item.role, width)
            height = self.text_height(lines, item.role)
            return [Box(item, pygame.Rect(x, y, width, height), lines, split=split)], height
        if kind in CONTROLS:
            return self._control(item, x, y, width, fill=True)
        if kind == "pair":
            return self._pair(item, x, y, width, self.value_widths([item]))
        if kind in ("portrait", "chart", "map", "rule", "spacer"):
            height = self.fixed_height(item, width)
            w = min(width, self.fixed_width(item, width))
            return [Box(item, pygame.Rect(x, y, w, height))], height
        if kind == "column":
            return self._column(item.items, x, y, width, item)
        if kind == "panel":
            boxes, inner = self._column(item.items, x + PAD, y + PAD, width - 2 * PAD, None)
            height = inner + 2 * PAD
            rect = pygame.Rect(x, y, width, height)
            for b in boxes:
                b.container = b.container or rect
            return [Box(item, rect), *boxes], height
        if kind == "row":
            return self._row(item, x, y, width)
        if kind == "grid":
            return self._grid(item, x, y, width)
        raise ValueError(f"unknown item kind {kind!r}")

    def fixed_width(self, item: Item, width: int) -> int:
        """A drawn item's width where its data gives one (scaled with the text, as its height is)."""
        data = item.data if isinstance(item.data, dict) else {}
        if "width" not in data:
            return width
        return round(data["width"] * self.ctx.text.scale) if data.get("scales") else data["width"]

    def fixed_height(self, item: Item, width: int) -> int:
        data = item.data if isinstance(item.data, dict) else {}
        if item.kind == "rule":
            return 4
        height = data.get("height", 200)
        if data.get("scales"):  # a portrait grows with the text beside it
            height = round(height * self.ctx.text.scale)
        return height

    def _control(self, item: Item, x: int, y: int, width: int, fill: bool) -> tuple[list[Box], int]:
        if item.items:
            return self._card(item, x, y, width)
        role = "primary"
        inner = width - 2 * PAD
        lines, split = self.wrap(self.words(item), role, inner)
        natural = max(self.text_width(line, role) for line in lines) + 2 * PAD + 24
        w = width if fill else min(width, max(theme.MIN_TARGET * 3, natural))
        h = max(theme.MIN_TARGET, self.text_height(lines, role) + 28)
        return [Box(item, pygame.Rect(x, y, w, h), lines, split=split)], h

    def _card(self, item: Item, x: int, y: int, width: int) -> tuple[list[Box], int]:
        """A control holding other items (a traveller's card: a portrait and lines of text), laid out
        inside it as in a panel; its words name it to the input layer and are not drawn again."""
        boxes, inner = self._column(item.items, x + PAD, y + PAD, width - 2 * PAD, item)
        rect = pygame.Rect(x, y, width, max(theme.MIN_TARGET, inner + 2 * PAD))
        for b in boxes:
            b.container = b.container or rect
        return [Box(item, rect), *boxes], rect.h

    def value_widths(self, pairs: list[Item]) -> list[int]:
        """Each value column as wide as its widest value, so a table's numbers line up."""
        widths: list[int] = []
        for pair in pairs:
            for i, words in enumerate(pair.words[1:]):
                w = self.text_width(self.say(words), "value") + 16
                if i < len(widths):
                    widths[i] = max(widths[i], w)
                else:
                    widths.append(w)
        return widths

    def _pair(self, item: Item, x: int, y: int, width: int, widths: list[int]) -> tuple[list[Box], int]:
        values = [self.say(w) for w in item.words[1:]]
        label_w = width - sum(widths) - 8 if values else width  # a line with no values takes the whole width
        stacked = label_w < width * 0.45  # large text: the label on its own line, the values under it
        if stacked:
            label_w = width
        label_lines, split = self.wrap(self.say(item.words[0]), item.role, label_w)
        label_h = self.text_height(label_lines, item.role)
        value_h = self.line_height("value")
        cells_y = y + label_h if stacked else y
        cells, right = [], x + width
        for text, w in reversed(list(zip(values, widths))):
            lines, s = self.wrap(text, "value", w)
            split = split or s
            cells.append((pygame.Rect(right - w, cells_y, w, value_h * len(lines)), lines))
            right -= w
        cells.reverse()
        height = (label_h + max((c[0].h for c in cells), default=0)) if stacked else \
            max([label_h, *(c[0].h for c in cells)] or [value_h])
        box = Box(item, pygame.Rect(x, y, width, height + 6), label_lines, cells, split=split,
                  label_rect=pygame.Rect(x, y, label_w, label_h))
        return [box], height + 6

    def _column(self, items: tuple[Item, ...], x: int, y: int, width: int,
                owner: Item | None) -> tuple[list[Box], int]:
        boxes: list[Box] = []
        top = y
        pairs = [i for i in items if i.kind == "pair"]
        widths = self.value_widths(pairs) if pairs else []
        gap = owner.data.get("gap", GAP) if owner is not None and isinstance(owner.data, dict) else GAP
        for n, child in enumerate(items):
            if n:
                y += gap if child.kind != "pair" else 2
            if child.kind == "pair":
                placed, h = self._pair(child, x, y, width, widths)
            else:
                placed, h = self.place(child, x, y, width)
            boxes += placed
            y += h
        return boxes, y - top

    def stacks(self, item: Item, width: int) -> bool:
        """A row too narrow for its columns at this text size stacks them instead."""
        weights = item.data["weights"]
        narrowest = min(weights) / sum(weights) * (width - GAP * (len(item.items) - 1))
        return narrowest < item.data["min_width"] * self.ctx.text.scale

    def _row(self, item: Item, x: int, y: int, width: int) -> tuple[list[Box], int]:
        if all(c.kind in CONTROLS and not c.items for c in item.items):
            return self.flow_controls(item.items, x, y, width)
        if self.stacks(item, width):
            return self._column(item.items, x, y, width, item)
        boxes, height, left = [], 0, x
        for child, w in zip(item.items, self.widths(item, width)):
            placed, h = self.place(child, left, y, w)
            boxes += placed
            height = max(height, h)
            left += w + GAP
        return boxes, height

    def widths(self, item: Item, width: int) -> list[int]:
        """A row's column widths: its weights' shares of the width, except that a drawn item with a width of
        its own (a badge's shape, a portrait) takes only that, and the others share what it leaves, so a
        word stays beside its shape on a wide screen."""
        weights = item.data["weights"]
        room = width - GAP * (len(item.items) - 1)
        shares = [int(room * weight / sum(weights)) for weight in weights]
        own = {i: min(shares[i], self.fixed_width(child, shares[i])) for i, child in enumerate(item.items)
               if child.kind not in CONTAINERS and isinstance(child.data, dict) and "width" in child.data}
        rest = [i for i in range(len(shares)) if i not in own]
        if not own or not rest:
            return shares
        spare = sum(shares[i] - w for i, w in own.items())
        weight_left = sum(weights[i] for i in rest)
        return [own[i] if i in own else shares[i] + int(spare * weights[i] / weight_left) for i in range(len(shares))]

    def flow_controls(self, controls: tuple[Item, ...], x: int, y: int, width: int) -> tuple[list[Box], int]:
        """Buttons left to right at their natural width, wrapping onto new lines."""
        boxes: list[Box] = []
        left, top, line_h = x, y, 0
        for control in controls:
            (box,), h = self._control(control, 0, 0, width, fill=False)
            if left > x and left + box.rect.w > x + width:
                left, top, line_h = x, top + line_h + ACTION_GAP // 2, 0
            box.rect.topleft = (left, top)
            boxes.append(box)
            left += box.rect.w + ACTION_GAP
            line_h = max(line_h, h)
        return boxes, top + line_h - y

    def columns(self, item: Item, width: int) -> int:
        """How many columns a grid has at this width and text size (a page's part of a grid keeps
        the whole grid's count, so its cells stay the same width)."""
        min_w = item.data["min_width"] * self.ctx.text.scale
        fit = max(1, int((width + GAP) // (min_w + GAP)))
        return max(1, min(item.data.get("columns", len(item.items)), fit))

    def _grid(self, item: Item, x: int, y: int, width: int) -> tuple[list[Box], int]:
        columns = self.columns(item, width)
        cell_w = (width - GAP * (columns - 1)) // columns
        boxes, top = [], y
        for start in range(0, len(item.items), columns):
            row_h = 0
            placed_row = []
            for col, child in enumerate(item.items[start:start + columns]):
                placed, h = self.place(child, x + col * (cell_w + GAP), y, cell_w)
                placed_row.append((placed, child))
                row_h = max(row_h, h)
            for placed, child in placed_row:  # cells of a row share its height
                if placed and placed[0].item is child and child.kind in ("panel", *CONTROLS):
                    placed[0].rect.h = row_h
                boxes += placed
            y += row_h + GAP
        return boxes, max(0, y - top - GAP)


# -- pages -------------------------------------------------------------------------------------
def pieces(flow: Flow, item: Item, width: int, room: int, first: int | None = None) -> list[Item]:
    """`item` as blocks no taller than `room`: a column, panel, grid or row that is too tall is
    split into its children (a panel's parts each keep a panel of their own). A row that asks to
    (`continues` in its data) keeps its columns side by side: each continues in its place on the next
    page. `first`, where given, is the room left on the page: such a row fills it first instead of
    moving whole."""
    height = flow.height(item, width)
    if height <= (room if first is None else min(first, room)) or not item.items:
        return [item]
    if item.kind == "panel":
        inner = width - 2 * PAD
        parts: list[Item] = []
        for child in item.items:
            parts += pieces(flow, child, inner, room - 2 * PAD, None if first is None else first - 2 * PAD)
        groups = _group(flow, parts, inner, room - 2 * PAD, None if first is None else first - 2 * PAD)
        return [Item("panel", items=(p,), role=item.role, data=item.data) for p in groups if not _empty(p)]
    if item.kind == "row" and not all(c.kind in CONTROLS and not c.items for c in item.items):
        if item.data.get("continues") and not flow.stacks(item, width):
            return _continued(flow, item, width, room, room if first is None else first)
        if height <= room:
            return [item]
        return [p for child in item.items for p in pieces(flow, child, width, room)]
    if item.kind == "grid" and len(item.items) > (columns := flow.columns(item, width)):
        # a tall grid pages by whole rows of cells, each row keeping the grid's columns
        data = {**item.data, "columns": columns}
        return [p for start in range(0, len(item.items), columns)
                for p in pieces(flow, Item("grid", items=item.items[start:start + columns], role=item.role, data=data),
                                width, room)]
    if item.kind in ("column", "grid"):
        return [p for child in item.items for p in pieces(flow, child, width, room)]
    return [item]


HEADINGS = ("heading", "subheading", "accent", "label")


def split_to_fill(flow: Flow, block: Item, width: int, left: int) -> tuple[Item | None, Item]:
    """The part of a column or panel that fills the `left` room at the bottom of a page, and the rest
    for the next page; (None, block) when nothing worth keeping fits. A heading never ends a page."""
    while block.kind == "grid" and len(block.items) == 1:  # a grid's row of one cell is that cell
        block = block.items[0]
    inner, pad = (width - 2 * PAD, 2 * PAD) if block.kind == "panel" else (width, 0)
    children = block.items
    if block.kind == "panel" and len(children) == 1 and children[0].kind == "column":
        children = children[0].items
    if block.kind not in ("panel", "column") or len(children) < 2 or left < 3 * GAP:
        return None, block

    def wrap(items: tuple[Item, ...]) -> Item:
        col = Item("column", items=items, data=block.data if block.kind == "column" else None)
        return Item("panel", items=(col,), role=block.role, data=block.data) if block.kind == "panel" else col

    cut = 0
    for n in range(1, len(children)):
        if flow.height(Item("column", items=children[:n]), inner) + pad > left:
            break
        cut = n
    while cut and children[cut - 1].kind == "text" and children[cut - 1].role in HEADINGS:
        cut -= 1  # keep a heading with what it heads
    if not cut:
        return None, block
    return wrap(children[:cut]), wrap(children[cut:])


def _group(flow: Flow, parts: list[Item], width: int, room: int, first: int | None = None) -> list[Item]:
    """Consecutive parts gathered into columns that fit `room` (the first in `first`, where given:
    it is left empty when not even the first part fits there)."""
    def joined(group: list[Item]) -> Item:
        return group[0] if len(group) == 1 else Item("column", items=tuple(group))

    groups: list[list[Item]] = [[]]
    limit = room if first is None else min(first, room)
    for part in parts:
        # measured together: a table's rows share their value columns, so a group can outgrow its parts' sum
        h = flow.height(joined(groups[-1] + [part]), width)
        if h > limit and (groups[-1] or limit < room):
            groups.append([])
            limit = room
        groups[-1].append(part)
    return [joined(g) if g else Item("column") for g in groups]


def _empty(item: Item) -> bool:
    return item.kind == "column" and not item.items


def _continued(flow: Flow, item: Item, width: int, room: int, first: int) -> list[Item]:
    """A row too tall for the room left, as rows of the same columns: each column's parts fill the
    room left, then continue on the next page in the same place, so what sat side by side still does."""
    columns = []
    for child, w in zip(item.items, flow.widths(item, width)):
        columns.append(_group(flow, pieces(flow, child, w, room, first), w, room, first))
    rows = [Item("row", items=tuple(c[k] if k < len(c) else Item("column") for c in columns), role=item.role,
                 data=item.data) for k in range(max(len(c) for c in columns))]
    return [r for r in rows if not all(_empty(c) for c in r.items)]


def frame_width(screen: Screen, scale: float = 1.0) -> int:
    """A dialog's panel: 1500 wide, or narrower where its screen asks (`extra["width"]` at standard
    text, growing with the text); a screen takes the canvas between its margins."""
    if not screen.dialog:
        return theme.CANVAS[0] - 2 * MARGIN
    return min(round(screen.extra.get("width", 1500) * scale), 1500, theme.CANVAS[0] - 2 * MARGIN)


def more_button(page: int, pages: int) -> Item:
    """The control that turns the pages: every device reaches it like any other button."""
    return Item("button", (Words.of("source.more", {"page": page + 1, "pages": pages}),), key="more")


def lay_out(ctx: Context, screen: Screen, page: int = 0) -> Layout:
    """Every page of `screen`, and its actions at the bottom ("More (n of N)" added when there are pages)."""
    flow = Flow(ctx)
    width = frame_width(screen, ctx.text.scale)
    inset = 2 * PAD if screen.dialog else 0
    x = (theme.CANVAS[0] - width) // 2
    inner_w = width - inset

    def actions_for(pages: int) -> tuple[list[Box], int]:
        controls = screen.actions + ((more_button(min(page, pages - 1), pages),) if pages > 1 else ())
        boxes, h = flow.flow_controls(controls, x + inset // 2, 0, inner_w)
        return boxes, h

    for _attempt in range(2):  # the "more" button may need a second line of actions
        _, actions_h = actions_for(9 if _attempt else 1)
        room = theme.CANVAS[1] - TOP - BOTTOM - actions_h - ACTION_GAP - inset
        pages: list[list[Item]] = [[]]
        used = 0
        for item in screen.body:  # a row that continues fills the room left on the page first
            left = room - used - GAP if pages[-1] else room
            continues = item.kind == "row" and item.data.get("continues")
            for block in pieces(flow, item, inner_w, room, left if continues else None):
                h = flow.height(block, inner_w)
                if pages[-1] and used + GAP + h > room:
                    head, block = split_to_fill(flow, block, inner_w, room - used - GAP)
                    if head is not None:
                        pages[-1].append(head)
                    pages.append([])
                    used = 0
                    h = flow.height(block, inner_w)
                pages[-1].append(block)
                used += h + (GAP if used else 0)
        if len(pages) == 1 or _attempt:
            break
    action_boxes, actions_h = actions_for(len(pages))
    laid_pages = []
    heights = []
    for blocks_on_page in pages:
        boxes, h = flow._column(tuple(blocks_on_page), x + inset // 2, 0, inner_w, None)
        laid_pages.append(boxes)
        heights.append(h)
    frame = None
    if screen.dialog:
        total = max(heights) + actions_h + ACTION_GAP + inset
        frame = pygame.Rect(x, (theme.CANVAS[1] - total) // 2, width, total)
        top = frame.y + PAD
        actions_y = frame.bottom - PAD - actions_h
    else:
        top = TOP
        actions_y = theme.CANVAS[1] - BOTTOM - actions_h
    for boxes in laid_pages:
        _shift(boxes, top)
    _shift(action_boxes, actions_y)
    return Layout(laid_pages, action_boxes, frame)


def _shift(boxes: list[Box], dy: int) -> None:
    moved: set[int] = set()  # a panel's rect is also its children's container: moved once
    for b in boxes:
        if id(b.rect) not in moved:
            b.rect.move_ip(0, dy)
            moved.add(id(b.rect))
        for cell, _ in b.cells:
            cell.move_ip(0, dy)
        if b.label_rect is not None:
            b.label_rect.move_ip(0, dy)
        if b.container is not None and id(b.container) not in moved:
            b.container.move_ip(0, dy)
            moved.add(id(b.container))


# -- the geometry, checked -----------------------------------------------------------------------
LEAVES = ("text", "button", "choice", "pair", "portrait", "chart", "map")


def problems(layout: Layout) -> list[str]:
    """Everything wrong with a layout's geometry, one line each (an empty list when it fits)."""
    found: list[str] = []
    canvas = pygame.Rect(0, 0, *theme.CANVAS)
    for number, _ in enumerate(layout.pages):
        boxes = [b for b in layout.boxes(number) if b.item.kind in LEAVES]
        for b in boxes:
            name = f"page {number + 1}: {b.item.kind} {b.item.key or (b.item.words[0].id if b.item.words else '')}"
            if not canvas.contains(b.rect):
                found.append(f"{name} leaves the canvas at {tuple(b.rect)}")
            if b.container is not None and not b.container.contains(b.rect):
                found.append(f"{name} leaves its panel")
            if layout.frame is not None and not layout.frame.contains(b.rect):
                found.append(f"{name} leaves the dialog")
            if b.split:
                found.append(f"{name} splits a word")
            if b.item.kind in CONTROLS and min(b.rect.size) < theme.MIN_TARGET:
                found.append(f"{name} is smaller than a touch target: {b.rect.size}")
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                if a.rect.colliderect(b.rect) and a.rect is not b.container and b.rect is not a.container:
                    found.append(f"page {number + 1}: {a.item.kind} and {b.item.kind} overlap at {tuple(a.rect.clip(b.rect))}")
    return found
