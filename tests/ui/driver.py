"""Drive a headless game through real pygame events, one device at a time, as a player would."""
from __future__ import annotations

import pygame

from game.ui.runtime import Game

DEVICES = ["keyboard", "mouse", "touch", "gamepad"]  # each reaches everything on its own
KEY_FOR = {"next": pygame.K_TAB, "confirm": pygame.K_RETURN, "right": pygame.K_RIGHT, "left": pygame.K_LEFT,
           "back": pygame.K_ESCAPE}
PAD_FOR = {"next": pygame.CONTROLLER_BUTTON_RIGHTSHOULDER, "confirm": pygame.CONTROLLER_BUTTON_A,
           "right": pygame.CONTROLLER_BUTTON_DPAD_RIGHT, "left": pygame.CONTROLLER_BUTTON_DPAD_LEFT,
           "back": pygame.CONTROLLER_BUTTON_B}


class Driver:
    """Presses buttons by their key using only one device: keyboard, mouse, touch or gamepad."""

    def __init__(self, game: Game, device: str):
        self.game = game
        self.device = device

    @property
    def scene(self):
        return self.game.scene

    def settle(self, seconds: float = 2.0) -> None:
        """Run frames until nothing moves (at most `seconds`), as the real loop would."""
        self.game.step(1 / 60)
        for _ in range(int(seconds * 60)):
            if not self.game.animating:
                break
            self.game.step(1 / 60)

    def signal(self, what: str) -> None:
        """A device-level event for 'next', 'confirm', 'right', 'left' or 'back' (keyboard and gamepad only)."""
        if self.device == "keyboard":
            self.game.post(pygame.event.Event(pygame.KEYDOWN, key=KEY_FOR[what], mod=0, unicode="", scancode=0))
        elif self.device == "gamepad":
            self.game.post(pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, button=PAD_FOR[what], instance_id=0))
        else:
            raise ValueError(f"{self.device} has no {what} signal; tap a button instead")
        self.settle(0.1)

    def press(self, key: str) -> None:
        """Activate the button `key` of the current scene, turning its pages ("More") to reach it as a
        player would."""
        scene = self.scene
        keys = [b.key for b in scene.buttons]
        for _ in range(12):
            if key in keys or "more" not in keys or key == "more":
                break
            self.press("more")
            keys = [b.key for b in scene.buttons]
        assert key in keys, f"{scene.name} has no button {key!r}; it has {keys}"
        if self.device in ("keyboard", "gamepad"):
            for _ in range(len(keys) + 1):
                if scene.focused_key() == key:
                    break
                self.signal("next")
            assert scene.focused_key() == key, f"could not focus {key!r} on {scene.name}"
            self.signal("confirm")
        else:
            self.tap(scene.buttons[keys.index(key)].rect.center)
        self.settle(1.5)

    def tap(self, canvas_pos: tuple[float, float]) -> None:
        view = self.game.display.viewport()
        x = view.x + canvas_pos[0] * view.w / 1920
        y = view.y + canvas_pos[1] * view.h / 1080
        if self.device == "mouse":
            self.game.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(x, y), rel=(0, 0), buttons=(0, 0, 0), touch=False))
            self.game.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(x, y), button=1, touch=False))
            self.game.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(x, y), button=1, touch=False))
        elif self.device == "touch":
            w, h = self.game.display.window_size()
            for kind in (pygame.FINGERDOWN, pygame.FINGERUP):
                self.game.post(pygame.event.Event(kind, x=x / w, y=y / h, dx=0, dy=0, finger_id=1, touch_id=1,
                                                  pressure=1.0))
        else:
            raise ValueError(f"{self.device} cannot tap")
        self.settle(0.1)
