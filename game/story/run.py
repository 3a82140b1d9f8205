"""A run's narrative state: the seed, preferences, who the player has been, and what they chose."""
from __future__ import annotations

from dataclasses import dataclass, field

from .prefs import Prefs


@dataclass
class Run:
    seed: int
    prefs: Prefs = field(default_factory=Prefs)
    traveller: str | None = None
    met: list[str] = field(default_factory=list)
    decisions: dict[str, str] = field(default_factory=dict)

    def meet(self, traveller_id: str) -> None:
        """Remember a traveller the player has crossed as, in order, once each."""
        self.traveller = traveller_id
        if traveller_id not in self.met:
            self.met.append(traveller_id)

    def restart(self) -> "Run":
        """A fresh run for the next person: same seed and preferences, nothing else kept."""
        return Run(seed=self.seed, prefs=self.prefs)
