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
    path: str = "full"                # "class": the lesson's travellers only (face-value --class)
    lab_challenge: Any = None  # game.story.views.lab.Challenge: where the lab's challenge was left

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
