"""Sound effects: a small fixed set (assets/sounds, made by make_sounds.py there), each loaded the first
time it is played and kept. Sound only ever repeats what the screen shows, so a game without a sound
device, or with the mixer missing, plays silent and says nothing; and nothing here may hold up a frame.
"""
from __future__ import annotations

from pathlib import Path

import pygame

from game.content.assets import SOUND_DIR, SOUND_NAMES, SOUND_RATE

NAMES = SOUND_NAMES  # what scenes may pass to `play` ("shutter", "match", "no_match", "alarm", "tick", ...)
MIXER_BUFFER = 512  # samples: about 23 ms at SOUND_RATE, short enough that a tap sounds with its press


class Sounds:
    """Plays a named effect at the player's volume. The mixer starts on `start()` (the main loop calls it
    once the first frame is shown) or at the first sound, whichever comes first; if it cannot start,
    every later `play` is silent."""

    def __init__(self, folder: Path = SOUND_DIR, volume: float = 0.0):
        self.folder = folder
        self.volume = volume
        self._mixer: bool | None = None  # None: not tried yet
        self._loaded: dict[str, "pygame.mixer.Sound | None"] = {}

    def start(self) -> bool:
        """Open the sound device once; False (and silence from then on) when there is none."""
        if self._mixer is None:
            mixer = getattr(pygame, "mixer", None)  # pygame built without it has a stand-in that is false
            try:
                if mixer and not mixer.get_init():
                    mixer.init(frequency=SOUND_RATE, size=-16, channels=2, buffer=MIXER_BUFFER)
                self._mixer = bool(mixer)
            except pygame.error:  # no sound device
                self._mixer = False
        return self._mixer

    def play(self, name: str) -> None:
        if name not in NAMES:
            raise KeyError(f"unknown sound {name!r}; known: {', '.join(NAMES)}")
        if self.volume <= 0 or not self.start():
            return
        sound = self._sound(name)
        if sound is not None:
            sound.set_volume(self.volume)
            sound.play()

    def _sound(self, name: str) -> "pygame.mixer.Sound | None":
        """The effect, read on first use; a file that will not load stays silent (validation names it)."""
        if name not in self._loaded:
            try:
                self._loaded[name] = pygame.mixer.Sound(str(self.folder / f"{name}.wav"))
            except (pygame.error, OSError):
                self._loaded[name] = None
        return self._loaded[name]
