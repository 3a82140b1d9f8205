"""The lane: the traveller moves station by station across the map; each station says what happened
there (its title, a status badge with a shape and a word, what the model decided, the cameras' shots
and scores), and the record that follows the traveller lists every record made so far, counting down.

Read top to bottom: the map and its stations, who is crossing and the station; beside them the record
(below them, and on a further page, when the text is large).
"""
from __future__ import annotations

from typing import Any

from .. import assumptions
from ..crossing import Crossing, lane_stations
from ..numbers import Numbers
from ..screen import Item, Screen, Words, button, column, grid, panel, row, text
from .crossing import beat_lines, comparison, continues, record_panel, shots, status_badge

MAP_MIN, MAP_MAX = 160, 340  # the map's height: the scene takes the tallest with which every station fits
LEGEND_MIN_WIDTH = 150
SETTINGS = {"street": "street", "search": "search"}  # which map a lane is drawn on (the port otherwise)
DRIVEN = ("vehicle", "outbound", "street")           # the traveller is drawn as a car in these lanes


def stations(content: Any, traveller_id: str) -> list:
    """The traveller's lane, station by station, in the order they pass them."""
    return lane_stations(content, content.travellers[traveller_id].lane)


def traveller(content: Any, traveller_id: str) -> Any:
    return content.travellers[traveller_id]


def station_words(station: Any) -> Words:
    return Words(station.title)


def traveller_ids(content: Any) -> list[str]:
    return list(content.travellers)


def first_traveller(content: Any) -> str:
    return next(iter(content.travellers))


def map_item(content: Any, traveller_id: str, index: int, numbers: Numbers, height: int) -> Item:
    """The port (or the street, or the search's gallery) from above, each station's marker numbered, the
    current one marked; the scene moves the traveller across it."""
    lane = content.travellers[traveller_id].lane
    spots = tuple((tuple(s.position), s.kind, numbers.count(i + 1)) for i, s in enumerate(stations(content, traveller_id)))
    return Item("map", data={"painter": "map", "height": height, "setting": SETTINGS.get(lane, "port"),
                             "stations": spots, "current": index, "lane": lane, "vehicle": lane in DRIVEN,
                             "labels": map_labels(SETTINGS.get(lane, "port"))})


def map_labels(setting: str) -> tuple[Words, ...]:
    """The places the map names, most important first (the painter leaves out any it has no room for)."""
    if setting == "street":
        return (Words("port.city"),)
    if setting == "search":
        return (Words("port.gallery"),)
    return tuple(Words(f"port.{p}") for p in ("mexico", "us", "pedestrian", "inbound", "outbound", "building",
                                              "secondary"))


def legend(content: Any, traveller_id: str, index: int, numbers: Numbers) -> Item:
    """Each marker's number and its station's name: the current one in the accent and heavier, those passed
    brighter than those ahead."""
    entries = []
    for i, station in enumerate(stations(content, traveller_id)):
        words = Words.of("lane.legend", {"n": numbers.count(i + 1), "title": Words(station.title)})
        entries.append(Item("text", (words,), "label" if i == index else ("small" if i < index else "small_muted")))
    return grid(*entries, min_width=LEGEND_MIN_WIDTH)


def station_panel(crossing: Crossing, station: Any, numbers: Numbers, who: Item, loose: bool = False) -> list[Item]:
    """Who is crossing where; what this station is, its status, what happened here; and, at a camera,
    beside it, everyone's shot and score. `loose` (text too large for columns side by side): the same
    one under another, the words outside the panel, so a page holds as much of them as fits."""
    beat = crossing.beat_at(station.id)
    head = [who, text(station.title, "subheading"), status_badge(beat.status, Words(beat.status_label))]
    said = [*head, *beat_lines(beat, numbers)]
    seen = [*shots(beat.shots, beat.threshold, numbers), *comparison(beat.comparison, numbers)] if beat.shots else []
    if loose:  # the station's name and status stay together on a page
        return [who, column(*head[1:]), *beat_lines(beat, numbers), *((panel(*seen),) if seen else ())]
    if not seen:
        return [panel(column(*said))]
    return [panel(row(column(*said), column(*seen), weights=(1, 1), min_width=420))]


def lane_screen(world: Any, traveller_id: str, crossing: Crossing, index: int, elapsed_seconds: float,
                numbers: Numbers, map_height: int = MAP_MIN, loose: bool = False) -> Screen:
    content = world.content
    traveller = content.travellers[traveller_id]
    chain = stations(content, traveller_id)
    station_ = chain[index]
    who = Item("text", (Words(traveller.name), Words(f"lane.{traveller.lane}")), "label")
    # what happens here comes before the list of stations, so large text shows it first
    here = column(map_item(content, traveller_id, index, numbers, map_height),
                  *station_panel(crossing, station_, numbers, who, loose), legend(content, traveller_id, index, numbers))
    record = record_panel(world, crossing.beat_at(station_.id).records, numbers, elapsed_seconds, live=True)
    last = index == len(chain) - 1
    actions = (button("continue", "lane.see_outcome" if last else "common.continue", primary=True),
               button("info", "common.how_do_we_know"), button("back", "lane.leave"))
    # a lane whose search shows a table of gallery sizes gives the station more of the width, all the way
    weights = (2, 1) if any(b.comparison for b in crossing.beats) else (3, 2)
    return Screen("lane", (continues(row(here, record, weights=weights, min_width=420)),), actions, focus="continue")


def sources(world: Any, traveller_id: str, crossing: Crossing, index: int) -> tuple[list[str], list[str]]:
    """'How do we know?' at a station: its facts and its records' facts, then what the model assumes there."""
    content = world.content
    traveller = content.travellers[traveller_id]
    station = stations(content, traveller_id)[index]
    beat = crossing.beat_at(station.id)
    record_facts = [line.fact for line in beat.records if line.fact]
    facts = list(dict.fromkeys([*beat.facts, *record_facts]))
    return facts, assumptions.station(world.model, station.kind, traveller.lane, beat.records)
