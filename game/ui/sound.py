"""Sound effects: a small fixed set, loaded the first time each is played. (Skeleton: silent until the
sound work lands; scenes may already call `ctx.sound.play(name)` with any name in NAMES.)"""
from __future__ import annotations

NAMES = ("shutter", "match", "no_match", "alarm", "tick", "tap", "back", "release", "secondary")


class Sounds:
    """Plays a named effect; silent where there is no sound device."""

    def play(self, name: str) -> None:
        if name not in NAMES:
            raise KeyError(f"unknown sound {name!r}; known: {', '.join(NAMES)}")
