"""Meet the traveller before the cameras see them: a large portrait, their name, their story, who they
are (their status, their document, where they cross) and who travels with them; then the crossing.

Read top to bottom: the name, the face beside a line about them and their story, the facts, the
companions. When the text is large the portrait goes above the words and the screen pages.
"""
from __future__ import annotations

from typing import Any

from ..numbers import Numbers
from ..screen import Item, Screen, Words, button, column, grid, pair, panel, row, text
from ..speech import person

PORTRAIT = 260          # the face, at any text size: the words beside it grow instead
COMPANION = 96          # a companion's face, at standard text
COMPANION_MIN_WIDTH = 300
QUEUED = ("vehicle", "pedestrian", "outbound")  # lanes that start in a queue: the face waits


def mood(traveller: Any) -> str:
    """Waiting in a port's queue; calm elsewhere (before the street stop or the search begins)."""
    return "waiting" if traveller.lane in QUEUED else "calm"


def portrait(face: Any, behaviour: tuple[str, ...], mood_: str, size: int, scales: bool,
             name: Words | None = None) -> Item:
    """A face; `name`, who it is, for self-voicing (with the mood the face shows)."""
    said = {"said": person(name, mood_)} if name is not None else {}
    return Item("portrait", data={"face": face, "behaviour": behaviour, "height": size, "width": size,
                                  "scales": scales, "mood": mood_, **said})


def story(traveller: Any, numbers: Numbers) -> Item:
    """Their story, the age of their document photo filled in where it says."""
    return Item("text", (Words.of(traveller.story, {"photo_age": numbers.count(traveller.photo_age_years)}),))


def facts(content: Any, traveller: Any) -> Item:
    """Who they are, as a table reads: status, document, where they cross; and that they are a composite."""
    document = content.documents[traveller.document].name
    return panel(column(text("people.who", "subheading"),
                        pair(Words("people.status"), Words(f"category.{traveller.category}")),
                        pair(Words("people.document"), Words(document)),
                        pair(Words("people.where"), Words(f"lane.{traveller.lane}")),
                        text("lane.composite", "italic")))


def companions(traveller: Any, mood_: str) -> Item | None:
    """Who travels with them, a face and a name each."""
    if not traveller.companions:
        return None
    people = [row(portrait(c.face, tuple(c.behaviour), mood_, COMPANION, True, Words(c.name or f"seat.{c.seat}")),
                  text(c.name or f"seat.{c.seat}", "strong"), weights=(1, 2), min_width=COMPANION // 2)
              for c in traveller.companions]
    return column(text("people.with", "subheading"), grid(*people, min_width=COMPANION_MIN_WIDTH))


def meet_screen(content: Any, traveller_id: str, numbers: Numbers) -> Screen:
    traveller = content.travellers[traveller_id]
    feeling = mood(traveller)
    words = column(text(f"traveller.{traveller_id}.hook", "accent"), story(traveller, numbers))
    face = portrait(traveller.face, tuple(traveller.behaviour), feeling, PORTRAIT, False, Words(traveller.name))
    top = row(face, words, weights=(1, 3), min_width=PORTRAIT)
    about = row(facts(content, traveller), companions(traveller, feeling) or column(), weights=(1, 1), min_width=420)
    body = (text(traveller.name, "heading"), top, about)
    actions = (button("start", "people.start", primary=True), button("back", "people.back"))
    return Screen("meet", body, actions, focus="start")
