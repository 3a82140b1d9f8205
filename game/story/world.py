"""The model as the game uses it: one seed, today's policy, and cached crossings and years."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from game.sim import Model, Policy, port_year

from .crossing import Crossing, build_crossing


class World:
    """Everything the scenes ask of the model, cached by policy (policies are hashable)."""

    def __init__(self, content: Any, seed: int):
        self.content = content
        self.seed = seed
        self.model = Model.from_content(content)
        self.default_policy = Policy.default(self.model)
        self._crossing = lru_cache(maxsize=256)(self._build)
        self._year = lru_cache(maxsize=512)(lambda policy, days: port_year(self.model, policy, days))

    def forget(self) -> None:
        """Drop what the model worked out for earlier players' policies (a kiosk between visitors)."""
        self._crossing.cache_clear()
        self._year.cache_clear()
        self.model.cache.clear()

    def _build(self, traveller_id: str, policy: Policy) -> Crossing:
        traveller = self.content.travellers[traveller_id]
        return build_crossing(self.content, self.model, policy, traveller, self.seed)

    def crossing(self, traveller_id: str, policy: Policy | None = None) -> Crossing:
        return self._crossing(traveller_id, policy or self.default_policy)

    def year(self, policy: Policy | None = None, days: float = 365.0):
        return self._year(policy or self.default_policy, days)

    def model_group_label(self, group: str) -> str:
        """The text id naming a demographic group of the model."""
        return self.model.group_labels[group]
