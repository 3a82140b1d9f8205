"""Turn keyboard, mouse, touch and gamepad events into intents: the only place that names a key.

Scenes see intents, never raw events, so every action is reachable from every device:
directions move focus, CONFIRM activates it, TAP activates what is under a pointer.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pygame

UP, DOWN, LEFT, RIGHT = "up", "down", "left", "right"
CONFIRM, BACK, NEXT, PREV, INFO = "confirm", "back", "next", "prev", "info"
POINT, PRESS, DRAG, TAP, SCROLL = "point", "press", "drag", "tap", "scroll"
MUTE = "mute"  # M: sound off, or back on at the volume it had
QUIT = "quit"  # the window was closed: leave at once, no question asked
STAFF_EXIT = "staff_exit"  # Ctrl+Shift+Q: the only way out of kiosk mode
# read aloud (game/ui/voice.py): V or the gamepad's Back turns it on or off; R or X reads the whole
# screen; Shift+R or pressing the left stick says the last thing again
VOICE, READ, REPEAT = "voice", "read", "repeat"
# typing, on a scene that takes text (the teacher's codes): characters typed, Backspace, Ctrl+V
TEXT, ERASE, PASTE = "text", "erase", "paste"
DIRECTIONS = (UP, DOWN, LEFT, RIGHT)


@dataclass(frozen=True)
class Intent:
    kind: str
    pos: tuple[float, float] | None = None
    amount: float = 0.0
    device: str = "keyboard"
    text: str = ""  # TEXT: the characters typed


KEYS = {
    pygame.K_UP: UP, pygame.K_DOWN: DOWN, pygame.K_LEFT: LEFT, pygame.K_RIGHT: RIGHT,
    pygame.K_w: UP, pygame.K_s: DOWN, pygame.K_a: LEFT, pygame.K_d: RIGHT,
    pygame.K_RETURN: CONFIRM, pygame.K_KP_ENTER: CONFIRM, pygame.K_SPACE: CONFIRM,
    pygame.K_ESCAPE: BACK, pygame.K_BACKSPACE: BACK,
    pygame.K_i: INFO, pygame.K_F1: INFO,
    pygame.K_PAGEDOWN: NEXT, pygame.K_PAGEUP: PREV,
    pygame.K_m: MUTE,
    pygame.K_v: VOICE, pygame.K_r: READ,
}
BUTTONS = {
    pygame.CONTROLLER_BUTTON_DPAD_UP: UP, pygame.CONTROLLER_BUTTON_DPAD_DOWN: DOWN,
    pygame.CONTROLLER_BUTTON_DPAD_LEFT: LEFT, pygame.CONTROLLER_BUTTON_DPAD_RIGHT: RIGHT,
    pygame.CONTROLLER_BUTTON_A: CONFIRM, pygame.CONTROLLER_BUTTON_B: BACK,
    pygame.CONTROLLER_BUTTON_Y: INFO, pygame.CONTROLLER_BUTTON_START: CONFIRM,
    pygame.CONTROLLER_BUTTON_RIGHTSHOULDER: NEXT, pygame.CONTROLLER_BUTTON_LEFTSHOULDER: PREV,
    pygame.CONTROLLER_BUTTON_BACK: VOICE, pygame.CONTROLLER_BUTTON_X: READ,
    pygame.CONTROLLER_BUTTON_LEFTSTICK: REPEAT,
}
STICK_THRESHOLD = 0.6


class InputMapper:
    """Stateful mapping (held mouse button, stick deflection) from pygame events to intents.

    `to_canvas` converts window pixels to canvas pixels (the canvas is letterboxed).
    """

    def __init__(self, to_canvas: Callable[[tuple[float, float]], tuple[float, float] | None],
                 window_size: Callable[[], tuple[int, int]]):
        self.to_canvas = to_canvas
        self.window_size = window_size
        self.mouse_down = False
        self.fingers: set[int] = set()
        self.stick = {0: 0, 1: 0}
        self.controllers: dict[int, object] = {}
        # the top scene takes text: a key that types a character (WASD, I, M, Space) only types it (its
        # character arrives as TEXTINPUT), and Backspace erases instead of going back. Game.post sets it.
        self.typing = False

    def map(self, event: pygame.event.Event) -> list[Intent]:
        t = event.type
        if t == pygame.QUIT:
            return [Intent(QUIT)]
        if t == pygame.KEYDOWN:
            if event.key == pygame.K_q and event.mod & pygame.KMOD_CTRL and event.mod & pygame.KMOD_SHIFT:
                return [Intent(STAFF_EXIT)]
            if event.key == pygame.K_TAB:
                return [Intent(PREV if event.mod & pygame.KMOD_SHIFT else NEXT)]
            if event.key == pygame.K_v and event.mod & (pygame.KMOD_CTRL | pygame.KMOD_META):
                return [Intent(PASTE)]
            if self.typing and event.key == pygame.K_BACKSPACE:
                return [Intent(ERASE)]
            if self.typing and 32 <= event.key < 127 and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT
                                                                           | pygame.KMOD_META):
                return []
            kind = KEYS.get(event.key)
            if kind == READ and event.mod & pygame.KMOD_SHIFT:
                kind = REPEAT
            return [Intent(kind)] if kind else []
        if t == pygame.TEXTINPUT:
            return [Intent(TEXT, text=event.text)] if self.typing else []
        if t in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION, pygame.MOUSEWHEEL):
            return [] if getattr(event, "touch", False) else self._mouse(event)
        if t in (pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION):
            return self._finger(event)
        if t == pygame.CONTROLLERBUTTONDOWN:
            kind = BUTTONS.get(event.button)
            return [Intent(kind, device="gamepad")] if kind else []
        if t == pygame.CONTROLLERAXISMOTION and event.axis in (0, 1):
            return self._stick(event.axis, event.value / 32767)
        if t == pygame.CONTROLLERDEVICEADDED:
            self._open_controller(event.device_index)
        return []

    def _mouse(self, event: pygame.event.Event) -> list[Intent]:
        if event.type == pygame.MOUSEWHEEL:
            return [Intent(SCROLL, amount=-event.y, device="mouse")]
        pos = self.to_canvas(event.pos)
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.mouse_down = True
            return [Intent(PRESS, pos, device="mouse")] if pos else []
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            was_down, self.mouse_down = self.mouse_down, False
            return [Intent(TAP, pos, device="mouse")] if pos and was_down else []
        if event.type == pygame.MOUSEMOTION and pos:
            return [Intent(DRAG if self.mouse_down else POINT, pos, device="mouse")]
        return []

    def _finger(self, event: pygame.event.Event) -> list[Intent]:
        w, h = self.window_size()
        pos = self.to_canvas((event.x * w, event.y * h))
        if event.type == pygame.FINGERDOWN:
            self.fingers.add(event.finger_id)
            return [Intent(PRESS, pos, device="touch")] if pos else []
        if event.type == pygame.FINGERUP:
            had = event.finger_id in self.fingers
            self.fingers.discard(event.finger_id)
            return [Intent(TAP, pos, device="touch")] if pos and had else []
        return [Intent(DRAG, pos, device="touch")] if pos else []

    def _stick(self, axis: int, value: float) -> list[Intent]:
        """One intent each time the stick crosses the threshold, not one per axis event."""
        direction = 0 if abs(value) < STICK_THRESHOLD else (1 if value > 0 else -1)
        if direction == self.stick[axis]:
            return []
        self.stick[axis] = direction
        if direction == 0:
            return []
        kind = {(0, -1): LEFT, (0, 1): RIGHT, (1, -1): UP, (1, 1): DOWN}[(axis, direction)]
        return [Intent(kind, device="gamepad")]

    def _open_controller(self, index: int) -> None:
        try:
            from pygame._sdl2 import controller
            if controller.is_controller(index):
                self.controllers[index] = controller.Controller(index)
        except (ImportError, pygame.error):
            pass
