"""Choose a traveller: a card for each composite character, with their synthetic face, their category,
their name and a line about their life (the hook). That they are composites is said above the cards,
and where they cross in their introduction (game.story.views.meet), which choosing one opens: ten
cards fit on one page at standard text."""
from __future__ import annotations

from typing import Any

from ..run import path_settings
from ..screen import Item, Screen, Words, button, grid, row, text

PORTRAIT = 104    # the face's height on a card at standard text; it grows with the text beside it
CARD_WIDTH = 320  # the narrowest card at standard text: columns drop as the text grows
TIGHT = {"gap": 8}  # the lines of one card sit closer together than the parts of a screen


def card(traveller: Any) -> Item:
    """One traveller as a control: pressing anywhere on the card chooses them."""
    face = Item("portrait", data={"face": traveller.face, "behaviour": tuple(traveller.behaviour),
                                  "height": PORTRAIT, "scales": True})
    who = text(f"category.{traveller.category}", "strong")
    return Item("button", (Words(traveller.name),), key=traveller.id, data=TIGHT,
                items=(row(face, who, weights=(2, 3), min_width=60), text(traveller.name, "primary"),
                       text(f"traveller.{traveller.id}.hook", "small")))


def offered(content: Any, path: str) -> list[str]:
    """The travellers a run offers: on a shorter path, its own (content/scenes.yaml class_path or
    kiosk_path), in its order; otherwise every one."""
    settings = path_settings(content, path)
    return list(settings.travellers) if settings is not None else list(content.travellers)


def choose_screen(content: Any, path: str = "full") -> Screen:
    ids = offered(content, path)
    cards = grid(*(card(content.travellers[t]) for t in ids), min_width=CARD_WIDTH)
    intro = () if path == "kiosk" else (text("choose.intro", "muted"),)  # the kiosk's title has just said it
    return Screen("choose", (text("choose.heading", "heading"), *intro, cards),
                  (button("back", "common.back"),), focus=next(iter(ids), None))
