"""The lane: the traveller moves station by station across the map; each station says what happened
there (its title, a status badge with a shape and a word, what the model decided, the cameras' shots
and scores), and the record that follows the traveller lists every record made so far, counting down.

Read top to bottom: the map and its stations, who is crossing and the station; beside them the record
(below them, and on a further page, when the text is large). Beside the station's words, what the camera
sees (every face in the vehicle, boxed with what the camera got once it has fired); at a face camera the
player may first predict each result (game.story.predict), which stays hidden until they guess or skip.
"""
from __future__ import annotations

from typing import Any

from .. import assumptions, predict
from ..crossing import Beat, Crossing, lane_stations
from ..numbers import Numbers
from ..people import mood
from ..run import Prediction
from ..screen import Item, Screen, Words, button, column, grid, panel, row, text
from .crossing import beat_lines, comparison, continues, record_panel, scale, score_places, shots, status_badge
from .predict import ask, reveal

MAP_MIN, MAP_MAX = 160, 340  # the map's height: the scene takes the tallest with which every station fits
LEGEND_MIN_WIDTH = 150
SETTINGS = {"street": "street", "search": "search"}  # which map a lane is drawn on (the port otherwise)
DRIVEN = ("vehicle", "outbound", "street")           # the traveller is drawn as a car in these lanes
VIEWED = ("vehicle", "outbound", "pedestrian")       # lanes whose stations show the traveller as a camera would
CAMERAS = ("plate", "face", "scan")                  # stations whose camera fires on arrival
SETTLED = ("decision", "exit", "review")             # stations where the traveller learns what was decided
CAMERA_VIEW = 150                                    # the camera's view, canvas pixels tall


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


def map_item(content: Any, traveller_id: str, index: int, numbers: Numbers, height: int,
             crossing: Crossing | None = None) -> Item:
    """The port (or the street, or the search's gallery) from above, each station's marker numbered, the
    current one marked; the scene moves the traveller across it. With the crossing: whether the camera
    here fires, whether the car is sent to secondary at the last station, and the cars that come through
    the lane while it is held here (a number the painter draws as cars and says in words)."""
    lane = content.travellers[traveller_id].lane
    chain = stations(content, traveller_id)
    spots = tuple((tuple(s.position), s.kind, numbers.count(i + 1)) for i, s in enumerate(chain))
    data = {"painter": "map", "height": height, "setting": SETTINGS.get(lane, "port"), "stations": spots,
            "current": index, "lane": lane, "vehicle": lane in DRIVEN, "labels": map_labels(SETTINGS.get(lane, "port")),
            "camera": chain[index].kind in CAMERAS, "secondary": False, "cars": 0, "cars_words": None}
    if crossing is not None:
        beat = crossing.beat_at(chain[index].id)
        last = index == len(chain) - 1
        data["secondary"] = last and crossing.summary == "model.decision.secondary" and lane in DRIVEN
        if beat.cars_meanwhile and lane in DRIVEN:
            cars = data["cars"] = cars_meanwhile(beat)
            one = cars == 1
            said = (("camera.passed_map_one" if one else "camera.passed_map") if data["secondary"]
                    else ("camera.queue_map_one" if one else "camera.queue_map"))
            data["cars_words"] = Words.of(said, {"n": numbers.count(cars)})
    # where the traveller is, for self-voicing (game/story/speech.py), and the cars the painter draws
    here = Words.of("speech.map", {"n": numbers.count(index + 1), "total": numbers.count(len(chain)),
                                   "station": Words(chain[index].title)})
    data["said"] = (here, *((data["cars_words"],) if data["cars_words"] is not None else ()))
    return Item("map", data=data)


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


def camera_view(crossing: Crossing, lane: str, kind: str, fired: bool) -> Item:
    """What a camera sees of the traveller: through the windshield, every occupant in their seat (or the
    person on foot at the counter), in the crossing's light and weather, each as they sit (a hat's brim,
    sunglasses, a child below the frame). Once the camera at this station has fired, each face is boxed
    with a word: found, or the cause the model drew. Faces wait until the last station, where they show
    relief or worry at what was decided."""
    feeling = mood(crossing) if kind in SETTLED else "waiting"
    return camera_item(crossing.shots, crossing.conditions, lane in DRIVEN, fired, kind in CAMERAS, feeling)


def camera_item(shots: tuple, conditions: str, driven: bool, fired: bool, camera: bool = True,
                feeling: str = "waiting") -> Item:
    """The camera's view of these people (a car's occupants in their seats, or someone on foot) in these
    conditions; once `fired`, each face boxed with the word found or its cause. The lane and the booth's
    shift both show it."""
    people = []
    for shot in shots:
        found = predict.usable(shot) if fired else None
        label = None if found is None else Words("camera.found") if found else Words(shot.cause or "camera.no_face")
        people.append({"seat": shot.seat or "person", "face": shot.face, "behaviour": tuple(shot.behaviour),
                       "found": found, "label": label, "mood": feeling})
    return Item("chart", data={"painter": "camera", "height": CAMERA_VIEW, "setting": "car" if driven else "foot",
                               "conditions": conditions, "people": tuple(people), "fired": fired, "camera": camera})


def view_caption(crossing: Crossing, kind: str, fired: bool) -> Item:
    said = "camera.got" if fired else ("camera.sees" if kind in CAMERAS else "camera.inside")
    return Item("text", (Words(said), Words(f"model.cause.condition.{crossing.conditions}")), "strong")


def held_line(world: Any, crossing: Crossing, beat: Beat, numbers: Numbers) -> list[Item]:
    """The cars that come through while this car is held, in words (the map draws them)."""
    if not beat.cars_meanwhile:
        return []
    secondary = crossing.summary == "model.decision.secondary" and beat is crossing.beats[-1]
    cars = cars_meanwhile(beat)
    values = {"n": numbers.count(cars), "seconds": numbers.count(world.model.port["booth_seconds"])}
    one = cars == 1
    said = ("camera.passed_one" if one else "camera.passed") if secondary else ("camera.queue_one" if one else "camera.queue")
    return [Item("text", (Words.of(said, values),), "small")]


def cars_meanwhile(beat: Beat) -> int:
    """Whole cars: at least the one that had to wait."""
    return max(1, round(beat.cars_meanwhile))


def station_panel(crossing: Crossing, station: Any, numbers: Numbers, who: Item, loose: bool = False,
                  lane: str = "vehicle", shown: int | None = None, guesses: tuple[Prediction | None, ...] = (),
                  extra: tuple[Item, ...] = ()) -> list[Item]:
    """Who is crossing where; what this station is, its status, what happened here; and, beside it, what
    the camera sees and, at a camera, everyone's shot and score. At a face camera, `shown` of its
    questions have been answered or skipped: the next is asked, and what it would give away (the status,
    the result, the scores) stays hidden until then; each one passed is revealed with the guess. `loose`
    (text too large for columns side by side): the same one under another, the words outside the panel,
    so a page holds as much of them as fits."""
    beat = crossing.beat_at(station.id)
    asked = predict.questions(station.kind, beat)
    shown = len(asked) if shown is None else min(shown, len(asked))
    asking = asked[shown] if shown < len(asked) else None
    revealed = [item for i, q in enumerate(asked[:shown])
                for item in reveal(q, guesses[i] if i < len(guesses) else None, numbers)]
    lines = beat_lines(beat, numbers)
    head = [text(station.title, "subheading")]
    if asking is None:
        if beat.status != "info":  # a station with nothing to judge has no badge: its words say what happens
            head.append(status_badge(beat.status, Words(beat.status_label)))
        lines = [*lines, *extra, *revealed]
    else:  # the question, not yet what the camera did (nor what the station is for: that follows the answer)
        lines = revealed
    fired = station.kind == "face" and bool(beat.shots) and (asking is None or asking.kind != "capture")
    view = [view_caption(crossing, station.kind, fired), camera_view(crossing, lane, station.kind, fired)] \
        if lane in VIEWED else []
    if asking is None:  # with the camera's view, the faces are in it
        seen = [*shots(beat.shots, beat.threshold, numbers, faces=not view),
                *comparison(beat.comparison, numbers)] if beat.shots else []
    elif asking.kind == "capture":
        seen = []
    else:  # the capture is out (each face boxed in the view), the scores are not: the line alone on its scale
        seen = [scale(beat.threshold, (), numbers, score_places(beat.shots, beat.threshold))]
    if view and not seen:  # no results beside the view: what happened here goes under it, the columns even
        seen, lines = lines[1:], lines[:1]
    seen = [*view, *seen]
    question = ask(asking, numbers) if asking is not None else []
    if loose:  # the station's name and status stay together on a page
        return [who, column(*head), *lines, *((panel(*seen, *question),) if seen or question else ())]
    said = [*head, *lines]
    if not seen:
        return [panel(who, column(*said), *question)]
    # the question spans the panel under the station and the camera, its choices side by side
    return [panel(who, row(column(*said), column(*seen), weights=(1, 1), min_width=420), *question)]


def lane_screen(world: Any, traveller_id: str, crossing: Crossing, index: int, elapsed_seconds: float,
                numbers: Numbers, map_height: int = MAP_MIN, loose: bool = False, shown: int | None = None,
                guesses: tuple[Prediction | None, ...] = (), legend_beside: bool = True, names: bool = True) -> Screen:
    """The lane at station `index`; `shown` and `guesses` as station_panel takes them (None: all shown).
    The stations' names head the side column, over the record, so the station's panel has the height
    (`legend_beside`), or, where the record needs that room, follow the station; without `names`, they are
    left to the map's numbered markers and the station's heading."""
    content = world.content
    traveller = content.travellers[traveller_id]
    chain = stations(content, traveller_id)
    station_ = chain[index]
    who = Item("text", (Words(traveller.name),), "label")  # the lane is on the map, and was said on meeting them
    held = held_line(world, crossing, crossing.beat_at(station_.id), numbers)
    # what happens here comes before the list of stations, so large text shows it first
    here = column(map_item(content, traveller_id, index, numbers, map_height, crossing),
                  *station_panel(crossing, station_, numbers, who, loose, traveller.lane, shown, guesses, tuple(held)),
                  *(() if legend_beside or not names else (legend(content, traveller_id, index, numbers),)))
    # before the player has seen whether the camera got a face, the record it would write is not shown
    asked = predict.questions(station_.kind, crossing.beat_at(station_.id))
    hidden = shown is not None and shown < len(asked) and asked[shown].kind == "capture" and index > 0
    records = crossing.beat_at(chain[index - 1 if hidden else index].id).records
    record = record_panel(world, records, numbers, elapsed_seconds, live=True)
    last = index == len(chain) - 1
    actions = (button("continue", "lane.see_outcome" if last else "common.continue", primary=True),
               button("info", "common.how_do_we_know"), button("back", "lane.leave"))
    # a lane whose search shows a table of gallery sizes gives the station more of the width, all the way
    weights = (2, 1) if any(b.comparison for b in crossing.beats) else (3, 2)
    side = column(legend(content, traveller_id, index, numbers), record) if legend_beside and names else record
    return Screen("lane", (continues(row(here, side, weights=weights, min_width=420)),), actions, focus="continue")


def questions(world: Any, traveller_id: str, crossing: Crossing, index: int) -> tuple[predict.Question, ...]:
    """What the player may predict at station `index`."""
    station = stations(world.content, traveller_id)[index]
    return predict.questions(station.kind, crossing.beat_at(station.id))


def sources(world: Any, traveller_id: str, crossing: Crossing, index: int) -> tuple[list[str], list[str]]:
    """'How do we know?' at a station: its facts and its records' facts, then what the model assumes there."""
    content = world.content
    traveller = content.travellers[traveller_id]
    station = stations(content, traveller_id)[index]
    beat = crossing.beat_at(station.id)
    record_facts = [line.fact for line in beat.records if line.fact]
    facts = list(dict.fromkeys([*beat.facts, *record_facts]))
    return facts, assumptions.station(world.model, station.kind, traveller.lane, beat.records)
