"""The attract loop's call, drawn over the game playing itself when nobody is at the kiosk: "Touch the
screen to start" in the language shown, the same call in the other language beside it, and what a touch
does. Its controls start a new game: in the language shown, or in the other one."""
from __future__ import annotations

from typing import Sequence

from ..screen import Screen, button, text

CALL_WIDTH = 1200  # the call's panel at standard text: the game stays in sight around it


def attract_screen(languages: Sequence[str]) -> Screen:
    """`languages`: the game's languages; with more than one, the call is given in the next one too, and
    a control starts the game in it."""
    several = len(languages) > 1
    body = (text("attract.call", "title"), text("attract.call_other", "heading") if several else None,
            text("attract.note", "muted"))
    actions = (button("start", "attract.start", primary=True),
               *((button("language", "title.language"),) if several else ()))
    return Screen("attract", tuple(item for item in body if item is not None), actions, dialog=True,
                  focus="start", extra={"width": CALL_WIDTH})
