"""The title screen: what the game is, a note that every traveller is a composite, and the way in."""
from __future__ import annotations

from typing import Any

from game.content.schema import Face

from ..prefs import SPECS, Prefs
from ..screen import Item, Screen, button, column, grid, row, text
from .settings import setting

# synthetic faces under camera brackets: the picture the game is about (never a photo of anyone)
GALLERY = (Face(skin=1, hair="short", hair_colour="brown"), Face(skin=4, hair="long", shirt="teal"),
           Face(skin=2, hair="bun", hair_colour="grey", age="older", shirt="purple"),
           Face(skin=5, hair="curly", shirt="orange"),
           Face(skin=0, hair="long", hair_colour="blond", age="child", shirt="green"),
           Face(skin=3, hair="covered", shirt="red"))


def title_screen(content: Any, kiosk: bool, prefs: Prefs = Prefs()) -> Screen:
    """`prefs`: the run's, for the read aloud button (as in Settings: where a visitor who cannot read the
    screen well starts)."""
    words = column(text("game.name", "title"), text("game.tagline", "tagline"),
                   *(text(line_id) for line_id in content.scenes.title_lines))
    faces = grid(*(Item("portrait", data={"face": face, "height": 200, "brackets": True}) for face in GALLERY),
                 min_width=170)
    actions = [button("start", "title.play", primary=True)]
    if not kiosk:  # the lesson, the teacher's tally of a class's codes, and a shift in the booth (longer than a
        # museum visit: the kiosk keeps to its short path)
        actions += [button("class", "title.class"), button("teacher", "title.teacher"),
                    button("shift", "shift.on_title")]
    actions += [button("settings", "title.settings"), setting(SPECS["read_aloud"], prefs)]
    if len(content.languages) > 1:
        actions.append(button("language", "title.language"))
    if not kiosk:
        actions.append(button("quit", "title.quit"))
    return Screen("title", (row(words, faces, weights=(3, 2), min_width=360),), tuple(actions), focus="start")
