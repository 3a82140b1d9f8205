"""Scenes, the scene stack, and buttons with focus: the engine every screen is built on.

A scene has `enter`, `handle(intent)`, `update(dt)` and `draw(surface)`; `draw` changes nothing.
The stack applies push/pop/replace between frames, so a scene never vanishes mid-handle.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

import pygame

from . import input as I
from . import theme
from .sound import Sounds
from .text import Text

if TYPE_CHECKING:
    from game.content import Content
    from game.story.run import Run


@dataclass
class Context:
    """What every scene may use: content, the run's state, the look, and the stack."""

    content: "Content"
    run: "Run"
    stack: "Stack"
    text: Text
    palette: theme.Palette
    kiosk: bool = False
    make_world: Callable[[], Any] | None = None  # builds the model for this run's seed, when first needed
    quit_requested: bool = False
    services: dict[str, Any] = field(default_factory=dict)
    sound: Sounds = field(default_factory=Sounds)  # silent until apply_prefs gives it the player's volume
    _world: Any = field(default=None, repr=False)

    @property
    def world(self) -> Any:
        """game.story.world.World: built on first use, so the title screen appears without the model."""
        if self._world is None and self.make_world is not None:
            self._world = self.make_world()
        return self._world

    def t(self, text_id: str, **values: Any) -> str:
        """A player-facing string in the run's language."""
        return self.content.text(text_id, self.run.prefs.language, **values)

    def apply_prefs(self) -> None:
        prefs = self.run.prefs
        self.text = Text(prefs.text_scale)
        self.palette = theme.HIGH_CONTRAST if prefs.high_contrast else theme.STANDARD
        self.sound.volume = prefs.sound


@dataclass
class Button:
    """A focusable, tappable action. Its label is already translated."""

    key: str
    rect: pygame.Rect
    label: str
    action: Callable[[], None]
    primary: bool = False
    size: int = theme.SIZE["body"]
    visible: bool = True  # False: the scene draws it itself (a map marker, a chart)


class Scene:
    """Base scene: keeps buttons, moves focus by direction, presses by confirm or tap."""

    name = "scene"
    overlay = False  # draw the scene beneath first (dialogs)

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.buttons: list[Button] = []
        self.focus = 0
        self.dirty = True

    # -- lifecycle ---------------------------------------------------------
    def enter(self) -> None:
        self.layout()

    def layout(self) -> None:
        """Build buttons and other positioned things; called on enter and when prefs change."""

    def update(self, dt: float) -> bool:
        """Advance time; return True while something moves, so the loop keeps drawing."""
        return False

    def draw(self, surface: pygame.Surface) -> None:
        raise NotImplementedError

    def back(self) -> None:
        self.ctx.stack.pop()

    def idle(self) -> None:
        """Called when a frame passes with nothing to draw: a scene may use the time to get ahead."""

    # -- input ---------------------------------------------------------------
    def handle(self, intent: I.Intent) -> None:
        kind = intent.kind
        if kind in I.DIRECTIONS:
            self.move_focus(kind)
        elif kind in (I.NEXT, I.PREV):
            self.cycle_focus(1 if kind == I.NEXT else -1)
        elif kind == I.CONFIRM:
            self.press_focused()
        elif kind == I.BACK:
            self.ctx.sound.play("back")
            self.back()
        elif kind == I.INFO:
            self.info()
        elif kind == I.TAP and intent.pos:
            self.tap(intent.pos)
        elif kind == I.POINT and intent.pos:
            self.hover(intent.pos)

    def info(self) -> None:
        """'How do we know?' for this screen, where it has one."""
        for i, button in enumerate(self.buttons):
            if button.key == "info":
                self.activate(i)
                return

    def button_at(self, pos: tuple[float, float]) -> int | None:
        for i, button in enumerate(self.buttons):
            if button.rect.collidepoint(pos):
                return i
        return None

    def tap(self, pos: tuple[float, float]) -> None:
        index = self.button_at(pos)
        if index is not None:
            self.activate(index)

    def hover(self, pos: tuple[float, float]) -> None:
        index = self.button_at(pos)
        if index is not None and index != self.focus:
            self.focus = index

    def press_focused(self) -> None:
        if self.buttons:
            self.activate(min(self.focus, len(self.buttons) - 1))

    def activate(self, index: int) -> None:
        """Press a button, by any device: focus it, sound it ("back" for Back, "tap" for the rest; the
        scene may add its own sound for what the press does), then do what it does."""
        self.focus = index
        button = self.buttons[index]
        self.ctx.sound.play("back" if button.key == "back" else "tap")
        button.action()

    def cycle_focus(self, step: int) -> None:
        if self.buttons:
            self.focus = (self.focus + step) % len(self.buttons)

    def move_focus(self, direction: str) -> None:
        """Spatial navigation: the nearest button whose centre lies in `direction`."""
        if not self.buttons:
            return
        self.focus = min(self.focus, len(self.buttons) - 1)
        here = pygame.Vector2(self.buttons[self.focus].rect.center)
        axis = {I.LEFT: (-1, 0), I.RIGHT: (1, 0), I.UP: (0, -1), I.DOWN: (0, 1)}[direction]
        best, best_cost = None, float("inf")
        for i, button in enumerate(self.buttons):
            delta = pygame.Vector2(button.rect.center) - here
            along = delta.x * axis[0] + delta.y * axis[1]
            if i == self.focus or along <= 0:
                continue
            across = abs(delta.x * axis[1]) + abs(delta.y * axis[0])
            cost = along + 2 * across
            if cost < best_cost:
                best, best_cost = i, cost
        if best is not None:
            self.focus = best

    def focused_key(self) -> str | None:
        return self.buttons[self.focus].key if self.buttons else None

    def focus_key(self, key: str) -> None:
        for i, button in enumerate(self.buttons):
            if button.key == key:
                self.focus = i


class Stack:
    """The pushdown stack of scenes; changes are queued and applied between frames."""

    def __init__(self) -> None:
        self.scenes: list[Scene] = []
        self._pending: list[tuple[str, Scene | None]] = []

    @property
    def top(self) -> Scene | None:
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene) -> None:
        self._pending.append(("push", scene))

    def pop(self) -> None:
        self._pending.append(("pop", None))

    def replace(self, scene: Scene) -> None:
        self._pending.append(("replace", scene))

    def reset(self, scene: Scene) -> None:
        """Clear everything and start again at `scene` (the kiosk's idle reset)."""
        self._pending.append(("reset", scene))

    def apply(self) -> bool:
        """Apply queued changes; True if anything changed."""
        changed = bool(self._pending)
        while self._pending:
            op, scene = self._pending.pop(0)
            if op in ("pop", "replace") and self.scenes:
                self.scenes.pop()
            if op == "reset":
                self.scenes.clear()
            if scene is not None:
                self.scenes.append(scene)
                scene.enter()
            elif self.scenes:
                self.scenes[-1].dirty = True
        return changed

    def visible(self) -> list[Scene]:
        """The scenes to draw, bottom first: the top one and any it overlays."""
        start = len(self.scenes) - 1
        while start > 0 and self.scenes[start].overlay:
            start -= 1
        return self.scenes[max(start, 0):]
