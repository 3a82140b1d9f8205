"""The threshold lab: genuine and impostor score curves per group, a threshold to drag, and the
errors per day at the port, overall and by group, recomputed by the model as the line moves
(see game.story.views.lab, which works out the curves and every figure).

Drag with mouse or touch; with keys or a gamepad, focus the chart and press left or right.
"""
from __future__ import annotations

from types import SimpleNamespace
from typing import Callable, Iterator

import pygame

from game.story.code import THRESHOLD_LOW, THRESHOLD_STEP, THRESHOLD_STEPS
from game.story.screen import Item, Screen
from game.story.views.board import option_keys
from game.story.views.lab import (ALGORITHM, CATCH, FREE, OVER, STEPS, Challenge, algorithm_count, algorithm_slot,
                                  challenge_focus, cycle_algorithm, goal_met, lab_index, lab_screen, threshold_of,
                                  warm)

from .. import draw as paint, input as I, theme
from ..layout import CONTROLS, Box, Flow, Layout
from ..scene import Context
from ..screens import paint_boxes, paint_terms
from .board import BoardScene

THRESHOLD_HIGH = THRESHOLD_LOW + THRESHOLD_STEP * THRESHOLD_STEPS
LINE_WIDTH = 3
MARKER_RISE = 12  # a curve's marker sits this far above its peak
TOP_ROOM = 28     # above the tallest peak: its marker
BOTTOM_ROOM = 10  # under the curves' feet
MARK_FACE = 48    # a traveller's face at their score on the chart


class LabScene(BoardScene):
    name = "lab"

    def __init__(self, ctx: Context, index: int | None = None, standalone: bool = False):
        super().__init__(ctx, lab_index(ctx.content) if index is None else index, standalone)
        self._image: tuple[object, pygame.Surface] | None = None
        self._kept: Layout | None = None  # the layout, laid out afresh or kept through a drag
        self._geometry = 0                # counts fresh layouts: the boxes stay where they are between them
        # the page drawn without focus, for a key; the items it was drawn with; the boxes drawn over it
        self._base: tuple[object, pygame.Surface, list[Item], set[int]] | None = None
        # the drag grid, nearest to today's threshold first
        grid = [round(THRESHOLD_LOW + i * THRESHOLD_STEP, 2) for i in range(THRESHOLD_STEPS + 1)]
        self._warm = sorted(grid, key=lambda score: abs(score - self.threshold()))
        # the guided challenge, kept on the run: once done or skipped, the lab opens in free play
        if ctx.run.lab_challenge is None:
            ctx.run.lab_challenge = Challenge() if self.question.challenge is not None else Challenge(FREE)
        self.challenge: Challenge = ctx.run.lab_challenge
        self.progress(quiet=True)  # a goal already met when the lab opens again (a line dragged before)

    def state(self) -> tuple:
        return (*super().state(), self.challenge.key())

    def build(self) -> Screen:
        return lab_screen(self.world, self.board, self.index, self.numbers(), self.standalone, self.challenge,
                          tuple(self.order()), self.compact)

    def actions(self) -> dict[str, Callable[[], None]]:
        return {**super().actions(), "algorithm": self.next_algorithm, "chart": self.focus_chart,
                "challenge_next": self.next_step, "challenge_skip": self.skip_challenge}

    def painters(self) -> dict[str, Callable[[pygame.Surface, pygame.Rect, Item], None]]:
        return {"curves": self.paint_curves, "swatch": self.paint_swatch}

    def states(self) -> Iterator[str]:
        """Each step of the challenge, before and after its goal is met (the first with the line at
        either end of the grid); then in free play each preset, each algorithm, a dragged threshold at
        either end of the grid, and the lab as opened alone from the sandbox."""
        question, board = self.question, self.board
        decisions, score, standalone = dict(board.decisions), board.threshold_score, self.standalone
        kept, slot = self.challenge.key(), algorithm_slot(question)
        if question.challenge is not None:
            start = decisions.get(slot, 0)
            for step in range(len(STEPS)):
                for done in (False, True):
                    self.challenge.step, self.challenge.done = step, done or step == OVER
                    self.challenge.algorithm = start if step == ALGORITHM else None
                    tried = done and step == ALGORITHM
                    board.decisions[slot] = (start + 1) % algorithm_count(question) if tried else start
                    name = f"challenge {step + 1}{' done' if done else ''}"
                    for dragged in ((THRESHOLD_LOW, THRESHOLD_HIGH) if step == CATCH else (None,)):
                        board.threshold_score = dragged
                        self._cache = None
                        self.refresh()
                        yield f"{name}, line at {dragged}" if dragged else name
                    if step == OVER:
                        break
        self.challenge.step, self.challenge.done, self.challenge.algorithm = FREE, False, None
        board.decisions.clear()
        board.decisions.update(decisions)
        board.threshold_score = score
        for i in range(len(option_keys(self.screen()))):
            self._chooser(i)()
            yield f"preset {i + 1}"
        for i in range(algorithm_count(question)):
            board.decisions[algorithm_slot(question)] = i
            self.refresh()
            yield f"algorithm {i + 1}"
        for dragged in (THRESHOLD_LOW, 4.26, THRESHOLD_HIGH):
            self.set_threshold(dragged)
            self._cache = None  # checked as laid out afresh, not as kept through a drag
            self.refresh()
            yield f"dragged to {dragged}"
        self.standalone = True
        self.refresh()
        yield "opened from the sandbox"
        board.decisions.clear()
        board.decisions.update(decisions)
        board.threshold_score, self.standalone = score, standalone
        self.challenge.step, self.challenge.done, self.challenge.algorithm = kept
        self.refresh()

    def laid_out(self) -> tuple[Screen, Layout]:
        """While the line is dragged only figures change: the last layout is kept with the new words in
        it, as long as each still fits its place (else the screen is laid out afresh)."""
        screen, cached = self.screen(), self._cache
        if cached is not None and cached[1] is not screen and cached[0][1:] == (
                self.ctx.text.scale, self.ctx.run.prefs.language, self.page):
            kept = relabel(Flow(self.ctx), cached[1], cached[2], screen)
            if kept is not None:
                self._cache = ((screen, *cached[0][1:]), screen, kept)
                self._kept = kept
        screen, laid = super().laid_out()
        if laid is not self._kept:  # laid out afresh: the boxes may have moved
            self._kept, self._geometry = laid, self._geometry + 1
        return screen, laid

    def draw(self, surface: pygame.Surface) -> None:
        """The page as it stood when last laid out afresh, kept as a picture without focus, with the
        boxes that changed since (a drag's figures, the chart) and the focused control drawn over it."""
        _, laid = self.laid_out()
        boxes = laid.boxes(self.page)
        key = (self._geometry, self.page, self.ctx.palette, surface.get_size())
        base = self._base if self._base is not None and self._base[0] == key else None
        # what changed (a container draws the same whatever it holds: redrawn, it would cover what did not)
        changed = {i for i, (box, item) in enumerate(zip(boxes, base[2])) if box.item is not item
                   and not box.item.items} if base else set()
        if base is None or not changed <= base[3]:
            over = changed | (base[3] if base else set())
            # the last picture's surface painted over when it fits: a canvas-sized allocation per change churns the heap
            kept = self._base[1] if self._base is not None else None
            image = kept if kept is not None and kept.get_size() == surface.get_size() else \
                pygame.Surface(surface.get_size(), 0, surface)
            image.fill(self.ctx.palette.background)
            paint_boxes(image, self.ctx, [b for i, b in enumerate(boxes) if i not in over], None, self.painters())
            base = self._base = (key, image, [b.item for b in boxes], over)
        surface.blit(base[1], (0, 0))
        focused = self.focused_key()
        paint_boxes(surface, self.ctx, [b for i, b in enumerate(boxes) if i in base[3] or
                                        (focused is not None and b.item.key == focused)], focused, self.painters())
        paint_terms(surface, self.ctx, self.terms, focused)

    # -- the threshold ---------------------------------------------------------------------------
    def threshold(self) -> float:
        return threshold_of(self.world, self.board)

    def set_threshold(self, score: float) -> None:
        """Move the line to `score`, snapped to the grid a decision code can hold."""
        clamped = min(max(score, THRESHOLD_LOW), THRESHOLD_HIGH)
        snapped = THRESHOLD_LOW + round((clamped - THRESHOLD_LOW) / THRESHOLD_STEP) * THRESHOLD_STEP
        if self.board.threshold_score == round(snapped, 2):
            return
        self.board.threshold_score = round(snapped, 2)
        self.refresh()
        self.progress()

    def chart(self) -> tuple[pygame.Rect, dict]:
        """Where the chart is on the page shown, and its data (an empty rectangle on a page without it)."""
        _, laid = self.laid_out()
        for box in laid.boxes(self.page):
            if box.item.kind == "chart" and box.item.key == "chart":
                return box.rect.copy(), box.item.data
        return pygame.Rect(0, 0, 0, 0), {"low": 0.0, "high": 1.0}

    def chart_rect(self) -> pygame.Rect:
        return self.chart()[0]

    def score_at(self, x: float) -> float:
        """The score under a point across the chart (the painter's scale, inverted)."""
        rect, data = self.chart()
        return data["low"] + (x - rect.left) / max(1, rect.w) * (data["high"] - data["low"])

    def handle(self, intent: I.Intent) -> None:
        if intent.kind in (I.LEFT, I.RIGHT) and self.focused_key() == "chart":
            self.set_threshold(self.threshold() + (THRESHOLD_STEP if intent.kind == I.RIGHT else -THRESHOLD_STEP))
        elif intent.kind in (I.PRESS, I.DRAG) and intent.pos and self.chart_rect().collidepoint(intent.pos):
            self.focus_key("chart")
            self.set_threshold(self.score_at(intent.pos[0]))
        else:
            super().handle(intent)

    def focus_chart(self) -> None:
        """Confirm on the chart keeps it focused: left and right then move the line."""
        self.focus_key("chart")

    def _chooser(self, i: int) -> Callable[[], None]:
        choose = super()._chooser(i)

        def preset() -> None:
            self.board.threshold_score = None
            choose()
            self.progress()
        return preset

    def next_algorithm(self) -> None:
        cycle_algorithm(self.question, self.board)
        self.refresh()
        self.progress()

    # -- the challenge ---------------------------------------------------------------------------
    def progress(self, quiet: bool = False) -> None:
        """The step's goal met just now: its result and "Next step" show, with a sound (not alone: the words
        say it too)."""
        challenge = self.challenge
        if challenge.free or challenge.done or not goal_met(self.world, self.question, self.board, challenge):
            return
        challenge.done = True
        if not quiet:
            self.ctx.sound.play("match")
            self.refresh()

    def next_step(self) -> None:
        """On to the next step (the last one's button starts free play), focused on what it asks for."""
        challenge = self.challenge
        challenge.step += 1
        challenge.done = challenge.step == OVER  # the hand-over has no goal: only its button
        challenge.algorithm = self.board.decisions.get(algorithm_slot(self.question), 0)
        self.refresh()
        self.focus_key(challenge_focus(challenge))

    def skip_challenge(self) -> None:
        self.challenge.step, self.challenge.done = FREE, False
        self.refresh()
        self.focus_key("chart")

    def idle(self) -> None:
        """While nothing is drawn, work out the year for one more threshold on the drag grid, so a
        drag later only reads results (the model is exact either way)."""
        if self._warm:
            warm(self.world, self.board, self._warm.pop(0))

    # -- painting ------------------------------------------------------------------------------
    def paint_curves(self, surface: pygame.Surface, rect: pygame.Rect, item: Item) -> None:
        """The curves (drawn once per algorithm, size and look) and the threshold line over them."""
        data, p = item.data, self.ctx.palette
        key = (data["curves"], rect.size, p)
        if self._image is None or self._image[0] != key:
            self._image = (key, self._curves_image(rect.size, data))
        surface.blit(self._image[1], rect)
        x = rect.left + round((data["threshold"] - data["low"]) / (data["high"] - data["low"]) * rect.w)
        pygame.draw.line(surface, p.text, (x, rect.top + 8), (x, rect.bottom - 8), 5)
        if "mark" in data:
            self.paint_mark(surface, rect, data)

    def paint_mark(self, surface: pygame.Surface, rect: pygame.Rect, data: dict) -> None:
        """A traveller's face in a ring at their score, on a stem down to the axis (the words beside the
        chart say whose it is and the score)."""
        mark, p = data["mark"], self.ctx.palette
        x = rect.left + round((mark["score"] - data["low"]) / (data["high"] - data["low"]) * rect.w)
        x = min(max(x, rect.left + MARK_FACE // 2), rect.right - MARK_FACE // 2)
        face = pygame.Rect(0, 0, MARK_FACE, MARK_FACE)
        face.midbottom = (x, rect.bottom - BOTTOM_ROOM - 4)
        pygame.draw.line(surface, p.accent, (x, rect.top + TOP_ROOM), (x, face.top), 3)
        pygame.draw.circle(surface, p.panel, face.center, MARK_FACE // 2 + 4)
        pygame.draw.circle(surface, p.accent, face.center, MARK_FACE // 2 + 4, 3)
        paint.face(surface, face, SimpleNamespace(**mark["face"]), mark["behaviour"])

    def _curves_image(self, size: tuple[int, int], data: dict) -> pygame.Surface:
        p = self.ctx.palette
        image = pygame.Surface(size, pygame.SRCALPHA)
        local = image.get_rect()
        pygame.draw.rect(image, p.panel, local, border_radius=theme.RADIUS)
        low, high = data["low"], data["high"]
        span = local.h - TOP_ROOM - BOTTOM_ROOM

        def to_pixels(points) -> list[tuple[float, float]]:
            return [((s - low) / (high - low) * local.w, local.bottom - BOTTOM_ROOM - h * span) for s, h in points]
        for index, group in enumerate(data["curves"]):
            colour = group_colour(p, index)
            genuine, impostor = to_pixels(group["genuine"]), to_pixels(group["impostor"])
            pygame.draw.lines(image, colour, False, genuine, LINE_WIDTH)
            for a, b in zip(impostor[::2], impostor[1::2]):  # dashed: impostor curves
                pygame.draw.line(image, colour, a, b, LINE_WIDTH)
            for curve in (genuine, impostor):  # each group's own marker at its peak: not colour alone
                px, py = min(curve, key=lambda point: point[1])
                marker(image, index, (px, py - MARKER_RISE), colour)
        return image

    def paint_swatch(self, surface: pygame.Surface, rect: pygame.Rect, item: Item) -> None:
        """A legend's key: a stretch of a group's line with its marker on it, or a solid or dashed line."""
        y = rect.centery
        if "group" in item.data:
            index = item.data["group"]
            colour = group_colour(self.ctx.palette, index)
            pygame.draw.line(surface, colour, (rect.left + 2, y), (rect.right - 2, y), LINE_WIDTH)
            marker(surface, index, (rect.centerx, y), colour)
            return
        step = 8 if item.data["line"] == "dashed" else rect.w
        for x in range(rect.left + 2, rect.right - 2, 2 * step if step < rect.w else rect.w):
            pygame.draw.line(surface, self.ctx.palette.text, (x, y), (min(x + step, rect.right - 2), y), LINE_WIDTH)


def group_colour(palette: theme.Palette, index: int) -> theme.Colour:
    return palette.groups[index % len(palette.groups)]


def marker(surface: pygame.Surface, index: int, at: tuple[float, float], colour) -> None:
    """A shape per group (circle, square, triangle, diamond), so the curves differ without colour."""
    x, y = int(at[0]), int(at[1])
    shape = index % 4
    if shape == 0:
        pygame.draw.circle(surface, colour, (x, y), 7)
    elif shape == 1:
        pygame.draw.rect(surface, colour, (x - 6, y - 6, 13, 13))
    elif shape == 2:
        pygame.draw.polygon(surface, colour, [(x, y - 8), (x + 8, y + 6), (x - 8, y + 6)])
    else:
        pygame.draw.polygon(surface, colour, [(x, y - 8), (x + 8, y), (x, y + 8), (x - 8, y)])


def relabel(flow: Flow, old: Screen, laid: Layout, new: Screen) -> Layout | None:
    """`laid` (the layout of `old`) with the words and drawn data of `new`, when the two screens differ in
    nothing else and every new text wraps to as many lines as the old one in the same box; else None.
    A fresh layout would measure the same boxes, so this is the same screen, at a fraction of the cost."""
    swap: dict[int, Item] = {}

    def pair_up(a: Item, b: Item) -> bool:
        """Whether `b` lays out as `a` did, noting each leaf that changed (the same object: nothing to do)."""
        if a is b:
            return True
        if (a.kind, a.key, len(a.items)) != (b.kind, b.key, len(b.items)):
            return False
        if a.items or a.kind in CONTROLS:  # containers and controls: their hints and words as they were (a
            if a.data != b.data or a.words != b.words:  # control is measured the same chosen or not)
                return False
        elif a.role != b.role or isinstance(a.data, dict) and any(
                a.data.get(k) != b.data.get(k) for k in ("height", "width", "scales")):
            return False
        swap[id(a)] = b
        return all(pair_up(x, y) for x, y in zip(a.items, b.items))

    if old.dialog != new.dialog or len(old.body) != len(new.body) or len(old.actions) != len(new.actions) or \
            not all(pair_up(a, b) for a, b in zip((*old.body, *old.actions), (*new.body, *new.actions))):
        return None

    def moved(box: Box) -> Box | None:
        item = swap.get(id(box.item))
        if item is None or item == box.item:
            return box  # a part made for paging, or the same item: the box as it was
        if item.words == box.item.words:
            return Box(item, box.rect, box.lines, box.cells, box.container, box.split, box.label_rect)
        if item.kind == "text":
            lines, split = flow.wrap(flow.words(item), item.role, box.rect.w)
            if len(lines) != len(box.lines) or split:
                return None
            return Box(item, box.rect, lines, box.cells, box.container, box.split, box.label_rect)
        if item.kind == "pair" and box.label_rect is not None:
            label, split = flow.wrap(flow.say(item.words[0]), item.role, box.label_rect.w)
            cells = []
            for (rect, lines), words in zip(box.cells, item.words[1:]):
                wrapped, cut = flow.wrap(flow.say(words), "value", rect.w)
                if len(wrapped) != len(lines) or cut:
                    return None
                cells.append((rect, wrapped))
            if len(label) != len(box.lines) or split:
                return None
            return Box(item, box.rect, label, cells, box.container, box.split, box.label_rect)
        return None

    pages = [[moved(box) for box in page] for page in laid.pages]
    actions = [moved(box) for box in laid.actions]
    if any(box is None for page in pages for box in page) or any(box is None for box in actions):
        return None
    return Layout(pages, actions, laid.frame)  # type: ignore[arg-type]
