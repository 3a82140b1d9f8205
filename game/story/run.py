"""A run's narrative state: the seed, preferences, who the player has been, and what they chose."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .prefs import Prefs

if TYPE_CHECKING:
    from .board import BoardState


@dataclass(frozen=True)
class Prediction:
    """One guess the player made in the lane, beside what the model did (game.story.predict asks them)."""

    traveller: str
    kind: str      # "capture": will the camera get a usable image? "score": will the score clear the line?
    who: str       # text id of the person the question was about
    guess: bool
    actual: bool

    @property
    def right(self) -> bool:
        return self.guess == self.actual


@dataclass
class Run:
    seed: int
    prefs: Prefs = field(default_factory=Prefs)
    traveller: str | None = None
    met: list[str] = field(default_factory=list)
    board: BoardState | None = None
    predictions: list[Prediction] = field(default_factory=list)  # in the order the player made them
    first_prefs: Prefs | None = None  # what the run started with: a reset returns to it
    path: str = "full"  # "class": the lesson's path (face-value --class); "kiosk": a museum visitor's (--kiosk)
    lab_challenge: Any = None  # game.story.views.lab.Challenge: where the lab's challenge was left
    # the class check's answers (item id -> option index), before the lane and after the record
    check: dict[str, dict[str, int]] = field(default_factory=lambda: {"before": {}, "after": {}})
    checked: list[str] = field(default_factory=list)  # the check's rounds seen through to Done

    def __post_init__(self) -> None:
        if self.first_prefs is None:
            self.first_prefs = self.prefs

    def meet(self, traveller_id: str) -> None:
        """Remember a traveller the player has crossed as, in order, once each."""
        self.traveller = traveller_id
        if traveller_id not in self.met:
            self.met.append(traveller_id)

    def board_state(self, world: Any) -> BoardState:
        """The board's decisions, starting from today's policy the first time the board opens."""
        if self.board is None:
            from .board import BoardState, default_decisions  # the model loads when the board first opens
            self.board = BoardState(default_decisions(world.model, world.content.questions))
        return self.board

    def policy(self, world: Any):
        """The policy in force: today's until the player has sat on the board."""
        if self.board is None:
            return world.default_policy
        return self.board.policy(world.model, world.content.questions)

    def restart(self, keep_prefs: bool = False) -> "Run":
        """A fresh run: the same seed, nothing of the last run's choices or travellers kept. At home,
        "Back to the start" keeps the player's preferences (`keep_prefs`); a kiosk's next visitor
        starts from the launch values (language, text size)."""
        return Run(seed=self.seed, prefs=self.prefs if keep_prefs else self.first_prefs,
                   first_prefs=self.first_prefs, path=self.path)


SHORT_PATHS = ("class", "kiosk")  # each with its block in content/scenes.yaml (`class_path`, `kiosk_path`)


def path_settings(content: Any, path: str) -> Any | None:
    """A shorter path's settings (its travellers, questions and reading budget); None for the full game."""
    return getattr(content.scenes, f"{path}_path") if path in SHORT_PATHS else None


def path_questions(content: Any, path: str) -> list[int]:
    """The board's questions a path asks, as indices into the board, in the order asked: those its
    settings name, else every one."""
    ids = list(content.questions)
    settings = path_settings(content, path)
    named = settings.questions if settings is not None and settings.questions else ids
    return [ids.index(qid) for qid in named]


def path_stops(content: Any, path: str, chain: list) -> list[int]:
    """The stations of a lane (`chain`, in order) that a path's crossing stops at, as indices: those of
    the kinds its settings name (past the last of them, the outcome says what was decided), else every
    station; the first station when the lane has none of those kinds."""
    settings = path_settings(content, path)
    kinds = settings.stations if settings is not None else ()
    return [i for i, station in enumerate(chain) if not kinds or station.kind in kinds] or [0]


def path_names_stations(content: Any, path: str) -> bool:
    """Whether the lane lists every station's name (a kiosk's short path, stopping only where cameras look
    at faces, may leave it to the station's heading and the map)."""
    settings = path_settings(content, path)
    return settings is None or settings.station_names


def path_predicts(content: Any, path: str) -> bool:
    """Whether the lane asks the player to guess each camera's result first (a kiosk's short path may not)."""
    settings = path_settings(content, path)
    return settings is None or settings.predictions
