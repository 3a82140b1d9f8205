"""The lane: the traveller moves station by station; each shows what happened and the record so far
(see game.story.views.lane, which says what the screen holds).

Left and right (keys, stick, d-pad) walk back and forth; Continue or a tap on the next station's marker
moves on. The map is a painted item: the traveller walks across it, a camera flashes as it fires, the
line behind a held car grows, a car sent to secondary drives into the lot; with reduced motion each is a
cut to where it ends, and the words say the same. At a face camera the player may predict each result
first (Yes or No; Continue moves on without a guess); the camera then fires in its view and the score
sweeps onto its scale. The record's countdowns change every second; only their words are set again
then, the layout is kept.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterator

import pygame

from game.story import predict
from game.story.crossing import Beat, Crossing
from game.story.numbers import Numbers
from game.story.run import path_names_stations, path_predicts, path_stops
from game.story.screen import Item, Screen
from game.story.views import lane as view
from game.story.views.predict import NO, YES

from .. import draw, input as I, theme
from ..camera import paint_camera
from ..layout import ACTION_GAP, BOTTOM, GAP, MARGIN, TOP, Flow, Layout, lay_out
from ..port import MAP_HEIGHT, MAP_W, Motion, PortMap, ease, traveller_at
from ..scene import Button, Context
from ..screens import ScreenScene
from . import registry
from .record import painters as crossing_painters

WALK_SECONDS = 0.8
FLASH_SECONDS = 0.6    # the camera's flash fading
SWEEP_SECONDS = 0.9    # a score sweeping onto its scale
HOLD_SECONDS = 2.5     # the line behind a held car growing to its length
DRIVE_SECONDS = 1.6    # a car driving from the last station into the secondary lot
DRIFT_SECONDS = 4.0    # cars going by on the road while the traveller waits in secondary


class CrossingScene(ScreenScene):
    """A scene about one traveller's crossing (the given one, the run's, or the first), under the run's policy."""

    def __init__(self, ctx: Context, traveller: str | None = None):
        super().__init__(ctx)
        self.choose_traveller(traveller or ctx.run.traveller or view.first_traveller(ctx.content))

    def choose_traveller(self, traveller_id: str) -> None:
        ctx = self.ctx
        self.traveller = view.traveller(ctx.content, traveller_id)
        self.crossing: Crossing = ctx.world.crossing(traveller_id, ctx.run.policy(ctx.world))
        self._screens.clear()

    def numbers(self) -> Numbers:
        return Numbers(self.ctx.t)

    def memo(self, key: tuple, build: Callable[[], Screen]) -> Screen:
        return super().memo((self.traveller.id, *key), build)

    def painters(self):
        return crossing_painters(self.ctx)


class LaneScene(CrossingScene):
    name = "lane"

    def __init__(self, ctx: Context, traveller: str | None = None):
        self.index = 0
        self.walk_from = 0
        self.walk_t = 1.0
        self.seconds = 0.0  # since the traveller reached the port: the record's retention counts down from it
        self.map = PortMap()
        self._fits: dict[tuple, tuple[int, bool, bool]] = {}
        self.shown: dict[int, int] = {}  # station index -> its questions answered or skipped so far
        self.arrived_at = self.fired_at = self.scored_at = -99.0  # when (in `seconds`) each thing last happened
        super().__init__(ctx, traveller)

    def choose_traveller(self, traveller_id: str) -> None:
        super().choose_traveller(traveller_id)
        self.stations = view.stations(self.ctx.content, traveller_id)
        # the stations the run's path stops at (a kiosk's short crossing passes the others by)
        self.stops = path_stops(self.ctx.content, self.ctx.run.path, self.stations)
        self.index = self.walk_from = self.stops[0]
        self.names = path_names_stations(self.ctx.content, self.ctx.run.path)
        self.walk_t = 1.0
        self.shown = {}

    @property
    def beat(self) -> Beat:
        return self.crossing.beat_at(self.stations[self.index].id)

    # -- the screen ---------------------------------------------------------------------------
    @property
    def questions(self) -> tuple[predict.Question, ...]:
        return view.questions(self.ctx.world, self.traveller.id, self.crossing, self.index)

    @property
    def asking(self) -> predict.Question | None:
        """The question the player is being asked here, if any."""
        asked, shown = self.questions, self.shown_here()
        return asked[shown] if shown < len(asked) else None

    def shown_here(self) -> int:
        """How many of this station's questions are answered or skipped: none yet, or, on a path that does
        not ask for guesses, all of them (the results show at once)."""
        if self.index in self.shown:
            return self.shown[self.index]
        return 0 if path_predicts(self.ctx.content, self.ctx.run.path) else len(self.questions)

    def guesses(self) -> tuple:
        return tuple(predict.answered(self.ctx.run, self.traveller.id, q) for q in self.questions)

    def build(self, seconds: int, shown: int, guesses: tuple) -> Screen:
        height, loose, beside = self.fit()
        return view.lane_screen(self.ctx.world, self.traveller.id, self.crossing, self.index, seconds,
                                self.numbers(), height, loose, shown, guesses, beside, self.names)

    def screen(self) -> Screen:
        second, shown, guesses = int(self.seconds), self.shown_here(), self.guesses()
        return self.memo((self.index, *self.fit(), second, shown, guesses), lambda: self.build(second, shown, guesses))

    def fit(self) -> tuple[int, bool, bool]:
        """The map's height, whether the station's parts go one under another, and whether the stations'
        names go beside (over the record) or under the station: the tallest map (up to the port's own
        proportions) with which every station and every prediction step of this traveller fits on one page
        beside the record, so the map keeps its size as the traveller walks; the names beside unless the
        record then no longer fits. Where the text is too large for the station and the record side by side,
        the smallest map and the station's parts loose, so the first page holds the map and as much of the
        station as fits."""
        key = (self.traveller.id, self.ctx.text.scale, self.ctx.run.prefs.language)
        if key not in self._fits:
            self._fits[key] = self._fit()
        return self._fits[key]

    def _fit(self) -> tuple[int, bool, bool]:
        flow = Flow(self.ctx)
        width = theme.CANVAS[0] - 2 * MARGIN
        page = theme.CANVAS[1] - TOP - BOTTOM - ACTION_GAP
        most = view.MAP_MAX
        need = {True: 0, False: 0}  # the station's height besides the map, with the names beside it or under it
        side = 0                    # the side column's height with the names over the record
        for i in range(len(self.stations)):
            asked = view.questions(self.ctx.world, self.traveller.id, self.crossing, i)
            for shown, beside in ((k, b) for k in range(len(asked) + 1) for b in (True, False)):
                screen = view.lane_screen(self.ctx.world, self.traveller.id, self.crossing, i, 0, self.numbers(),
                                          view.MAP_MIN, shown=shown, guesses=_guessed(asked), legend_beside=beside,
                                          names=self.names)
                row = screen.body[0]
                if flow.stacks(row, width):
                    return view.MAP_MIN, True, False
                weights = row.data["weights"]
                room = width - GAP * (len(weights) - 1)
                left = int(room * weights[0] / sum(weights))
                most = min(most, round(left * MAP_HEIGHT / MAP_W))
                actions = flow.flow_controls(screen.actions, 0, 0, width)[1]
                need[beside] = max(need[beside], flow.place(row.items[0], 0, 0, left)[1] - view.MAP_MIN + actions)
                if beside:
                    side = max(side, flow.place(row.items[1], 0, 0, room - left)[1] + actions)
        beside = side <= page
        if page - need[True] < view.MAP_MIN:  # a station too tall even beside the smallest map: its parts loose
            return view.MAP_MIN, True, beside
        return max(view.MAP_MIN, min(most, page - need[beside])), False, beside

    def laid_out(self) -> tuple[Screen, Layout]:
        """As a ScreenScene lays out, except that a screen that differs only in its countdowns keeps the
        layout: the countdowns' words are set again in their boxes (laid out afresh if one would wrap
        differently)."""
        screen = self.screen()
        where = (self.ctx.text.scale, self.ctx.run.prefs.language, self.page)
        if self._cache is not None:
            key, cached, layout = self._cache
            if cached is screen and key[1:] == where:
                return screen, layout
            still = _still(screen)
            if key == (still, *where) and self._recount(layout, screen):
                self._cache = (key, screen, layout)
                return screen, layout
        layout = lay_out(self.ctx, screen, self.page)
        if self.page >= len(layout.pages):
            self.page = 0
            layout = lay_out(self.ctx, screen, 0)
        self._cache = ((_still(screen), self.ctx.text.scale, self.ctx.run.prefs.language, self.page), screen, layout)
        return screen, layout

    def _recount(self, layout: Layout, screen: Screen) -> bool:
        """Set each countdown's new words in its laid-out cell; False if one no longer fits its cell."""
        live = {i.data["live"]: i for item in screen.body for i in item.walk() if _live(i)}
        flow = Flow(self.ctx)
        for page in layout.pages:
            for box in page:
                if not _live(box.item):
                    continue
                new = live.get(box.item.data["live"])
                if new is None or len(new.words) != len(box.item.words):
                    return False
                cells = []
                for (cell, lines), words in zip(box.cells, new.words[1:]):
                    wrapped, split = flow.wrap(flow.say(words), "value", cell.w)
                    if split or len(wrapped) != len(lines):
                        return False
                    cells.append((cell, wrapped))
                box.cells, box.item = cells, new
        return True

    def layout(self) -> None:
        """The screen's controls, and a touch target on each station's marker (reached by left and right
        on keys and gamepads, and by Tab)."""
        wanted = self.focused_key()
        super().layout()
        _, laid = self.laid_out()
        the_map = next((b for b in laid.boxes(self.page) if b.item.kind == "map"), None)
        if the_map is not None:
            say = Flow(self.ctx).words
            for i, rect in enumerate(PortMap.station_rects(the_map.rect, the_map.item.data)):
                label = say(Item("text", (view.station_words(self.stations[i]),)))
                self.buttons.append(Button(f"station:{i}", rect, label, self._goto(i), visible=False))
        if wanted and wanted.startswith("station:"):
            self.focus_key(wanted)

    def actions(self) -> dict[str, Callable[[], None]]:
        return {"continue": self.forward, "info": self.show_sources, "back": self.back,
                YES: lambda: self.predict(True), NO: lambda: self.predict(False)}

    def painters(self):
        return {**super().painters(), "map": self.paint_map, "camera": self.paint_camera, "scale": self.paint_scale}

    # -- what moves: each a share of its time since it began, all of it at once with reduced motion ------
    def since(self, moment: float, seconds: float) -> float:
        if self.ctx.run.prefs.reduced_motion:
            return 1.0
        return min(1.0, max(0.0, (self.seconds - moment) / seconds))

    def motion(self) -> Motion:
        flash = 0.0 if self.ctx.run.prefs.reduced_motion else 1.0 - self.since(self.fired_at, FLASH_SECONDS)
        arrived = self.since(self.arrived_at, HOLD_SECONDS) if self.walk_t >= 1.0 else 0.0
        drift = 0.0 if self.ctx.run.prefs.reduced_motion else self.since(self.arrived_at, DRIFT_SECONDS)
        return Motion(flash=flash, queue=arrived, drift=drift)

    def paint_map(self, surface: pygame.Surface, rect: pygame.Rect, item: Item) -> None:
        focused = self.focused_key() or ""
        station = int(focused.split(":")[1]) if focused.startswith("station:") else None
        data = item.data
        secondary = self.since(self.arrived_at, DRIVE_SECONDS) if data["secondary"] and self.walk_t >= 1.0 else 0.0
        at = traveller_at(data["stations"], self.walk_from, self.index, self.walk_t, data["lane"], secondary)
        motion = self.motion()
        if self.walk_t < 1.0:  # nothing of the next station happens before the traveller gets there
            motion = Motion(queue=0.0)
        self.map.paint(surface, self.ctx, rect, {**data, "cars": data["cars"] if self.walk_t >= 1.0 else 0},
                       Flow(self.ctx).say, at, station, motion)

    def paint_camera(self, surface: pygame.Surface, rect: pygame.Rect, item: Item) -> None:
        paint_camera(surface, self.ctx, rect, item, Flow(self.ctx).say, self.motion().flash if item.data["fired"] else 0.0)

    def paint_scale(self, surface: pygame.Surface, rect: pygame.Rect, item: Item) -> None:
        """The scale, each score sweeping up from the low end to its place just after it is revealed."""
        data, say = item.data, Flow(self.ctx).say
        k = ease(self.since(self.scored_at, SWEEP_SECONDS))
        marks = [(data["lo"] + (value - data["lo"]) * k, words) for value, words in data["marks"]]
        labels = draw.ScaleLabels(data["low"], data["high"], say(data["threshold_words"]), say(data["no_match"]),
                                  say(data["match"]))
        draw.score_bar(surface, self.ctx, rect, data["threshold"], marks, labels, data["lo"], data["hi"])

    def states(self) -> Iterator[str]:
        """Every station of every traveller, each as it stands when the traveller has arrived; at a face
        camera, each question asked, then each answer revealed with a guess, and all revealed unguessed."""
        run = self.ctx.run
        kept = list(run.predictions)
        for traveller_id in view.traveller_ids(self.ctx.content):
            self.choose_traveller(traveller_id)
            for i in range(len(self.stations)):
                self.index = self.walk_from = i
                asked = self.questions
                for shown in range(len(asked) + 1):
                    run.predictions[:] = [predict.Prediction(traveller_id, q.kind, q.who, True, q.actual)
                                          for q in asked[:shown]]
                    self.shown[i] = shown
                    self.page = 0
                    yield f"{traveller_id} at {self.stations[i].id}" + (f", step {shown}" if asked else "")
                if asked:
                    run.predictions[:] = []
                    self.page = 0
                    yield f"{traveller_id} at {self.stations[i].id}, all shown without a guess"
        run.predictions[:] = kept

    # -- moving ---------------------------------------------------------------------------------
    def _goto(self, i: int):
        def go() -> None:
            if i <= self.index + 1:
                self.walk_to(i)
        return go

    def handle(self, intent: I.Intent) -> None:
        if intent.kind == I.RIGHT:
            self.forward()
        elif intent.kind == I.LEFT:
            self.walk_to(self.index - 1)
        elif intent.kind in (I.UP, I.DOWN):
            self.cycle_focus(1 if intent.kind == I.DOWN else -1, panel_only=True)
        else:
            super().handle(intent)

    def cycle_focus(self, step: int, panel_only: bool = False) -> None:
        count = sum(1 for b in self.buttons if not b.key.startswith("station:")) if panel_only else len(self.buttons)
        if count:
            self.focus = (min(self.focus, count - 1) + step) % count

    def forward(self) -> None:
        """On to the next station or the outcome; where a question is still open, Continue shows the answers
        without a guess first, so nobody passes a camera without seeing what it did."""
        if self.asking is not None:
            self.reveal(len(self.questions))
            return
        ahead = [i for i in self.stops if i > self.index]
        if ahead:
            self.walk_to(ahead[0])
        else:
            self.ctx.stack.push(registry.make_scene("outcome", self.ctx, traveller=self.traveller.id))

    def walk_to(self, i: int) -> None:
        if 0 <= i < len(self.stations) and i != self.index:
            self.walk_from, self.index = self.index, i
            self.walk_t = 1.0 if self.ctx.run.prefs.reduced_motion else 0.0
            if i not in self.shown:  # questions already answered in this run are not asked again
                asked = self.questions if path_predicts(self.ctx.content, self.ctx.run.path) else ()
                self.shown[i] = next((n for n, q in enumerate(asked)
                                      if predict.answered(self.ctx.run, self.traveller.id, q) is None),
                                     len(self.questions))
            self.page = 0
            self.refresh()
            if self.walk_t >= 1.0:
                self.arrive()

    def arrive(self) -> None:
        """The traveller reaches the station: its camera fires (unless the player is to predict it first), a
        radiation alarm sounds, a car sent to secondary sets off for the lot."""
        self.arrived_at = self.seconds
        kind = self.stations[self.index].kind
        asking = self.asking
        if kind in view.CAMERAS and (asking is None or asking.kind != "capture"):
            self.fire()
        if self.beat.status_label == "beat.alarm":
            self.ctx.sound.play("alarm")
        if self.index == len(self.stations) - 1 and self.crossing.summary == "model.decision.secondary":
            self.ctx.sound.play("secondary")

    def fire(self) -> None:
        self.fired_at = self.seconds
        self.ctx.sound.play("shutter")

    def predict(self, yes: bool) -> None:
        """Keep the guess at the question being asked, then show its answer."""
        asking = self.asking
        if asking is None:
            return
        predict.guess(self.ctx.run, self.traveller.id, asking, yes)
        self.reveal(self.shown_here() + 1)

    def reveal(self, shown: int) -> None:
        """Show the station's results up to question `shown`: the camera fires if its capture was hidden, a
        score sweeps onto its scale with the sound of a match or not."""
        asked = self.questions
        before = self.shown_here()
        self.shown[self.index] = shown
        passed = asked[before:shown]
        if any(q.kind == "capture" for q in passed):
            self.fire()
        scored = next((q for q in passed if q.kind == "score"), None)
        if scored is not None:
            self.scored_at = self.seconds
            self.ctx.sound.play("match" if scored.actual else "no_match")
        self.refresh()

    def show_sources(self) -> None:
        facts, assumed = view.sources(self.ctx.world, self.traveller.id, self.crossing, self.index)
        self.ctx.stack.push(registry.make_scene("source", self.ctx, facts=facts, assumptions=assumed))

    def update(self, dt: float) -> bool:
        """Walk the traveller; and let time pass, so the record's retention counts down second by second."""
        before = int(self.seconds)
        self.seconds += dt
        if int(self.seconds) != before:
            self.dirty = True
        if self.walk_t < 1.0:
            self.walk_t = min(1.0, self.walk_t + dt / WALK_SECONDS)
            if self.walk_t >= 1.0:
                self.arrive()
            return True
        return self.moving()

    def moving(self) -> bool:
        """Something on screen is still changing: a flash, a sweep, the line growing, a car into the lot,
        or cars going by while the traveller waits in secondary."""
        if self.ctx.run.prefs.reduced_motion:
            return False
        since = self.seconds - max(self.arrived_at, self.fired_at, self.scored_at)
        waiting = self.index == len(self.stations) - 1 and self.crossing.summary == "model.decision.secondary"
        return since < max(FLASH_SECONDS, SWEEP_SECONDS, HOLD_SECONDS, DRIVE_SECONDS, DRIFT_SECONDS if waiting else 0)


def _guessed(asked: tuple) -> tuple:
    """A guess at every question (the tallest a station gets: each answer with its verdict)."""
    return tuple(predict.Prediction("", q.kind, q.who, True, q.actual) for q in asked)


def _live(item: Item) -> bool:
    return isinstance(item.data, dict) and "live" in item.data


def _still(screen: Screen) -> Screen:
    """The screen without its countdowns' words: what its layout depends on."""
    def still(item: Item) -> Item:
        if _live(item):
            return replace(item, words=item.words[:1])
        if item.items:
            return replace(item, items=tuple(still(i) for i in item.items))
        return item
    return replace(screen, body=tuple(still(i) for i in screen.body))
