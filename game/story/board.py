"""The board's state: decisions per question, the policy they make, and the figures that follow.

Figures are read off the model's year at the port; nothing here computes probabilities itself.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from game.sim.policy import Policy

from .code import decision_slots

# figure id -> how to read it off a PortYear. Labels are text ids `figure.<id>`.
FIGURES: dict[str, Callable[[Any], float]] = {
    "held_in_secondary": lambda y: y.people_in_secondary,  # genuine travellers and their companions
    "false_non_matches": lambda y: y.false_non_matches,
    "capture_failures": lambda y: y.capture_failures,
    "delay_hours": lambda y: y.delay_hours,
    "impostors_caught": lambda y: y.impostors_caught,
    "impostors_missed": lambda y: y.impostors_missed,
    "photos_hour_1": lambda y: sum(s["hour-1"] for s in y.photos_held.values()),
    "photos_day_1": lambda y: sum(s["day-1"] for s in y.photos_held.values()),
    "photos_year_1": lambda y: sum(s["year-1"] for s in y.photos_held.values()),
    "photos_years_10": lambda y: sum(s["years-10"] for s in y.photos_held.values()),
    "photos_years_75": lambda y: sum(s["years-75"] for s in y.photos_held.values()),
    "records_ice_standing": lambda y: y.records_readable.get("ice", 0.0),
    "records_ice_request": lambda y: y.records_readable.get("ice-request", 0.0),
    "outbound_faces": lambda y: y.outbound["faces_captured"],
    "street_scans": lambda y: y.beyond["street"]["scans"],
    "street_false_candidates": lambda y: y.beyond["street"]["with_false_candidate"],
    # one search is of one face: the groups' expected strangers weighted by their shares, never added up
    "search_false_leads": lambda y: y.beyond["one_search"]["false_candidates_acted_on"],
}
# figures that are not a year at the port: the lawsuit's running total of street scans, and one search
BEYOND_FIGURES = frozenset({"street_scans", "street_false_candidates", "search_false_leads"})
# photo figures are labelled with their horizon, so no duration is typed into text
FIGURE_HORIZON = {"photos_hour_1": "hour-1", "photos_day_1": "day-1", "photos_year_1": "year-1", "photos_years_10": "years-10", "photos_years_75": "years-75"}
# figures per group, as rates per 100,000 people of the group
GROUP_FIGURES: dict[str, Callable[[Any], float]] = {
    "fnm_per_100k": lambda g: 1e5 * g.false_non_matches / g.people if g.people else 0.0,
    "secondary_per_100k": lambda g: 1e5 * g.people_in_secondary / g.people if g.people else 0.0,
    "fmr_per_100k": lambda g: 1e5 * g.fmr,
}


@dataclass
class BoardState:
    """Which option the player chose in each slot (each question, and the lab's algorithm; see
    decision_slots), by index, and any dragged threshold."""

    decisions: dict[str, int]
    threshold_score: float | None = None

    def choices(self, questions: dict[str, Any]) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for slot, options in decision_slots(questions):
            merged.update(options[self.decisions.get(slot, 0)].set)
        return merged

    def policy(self, model: Any, questions: dict[str, Any]) -> Policy:
        choices = self.choices(questions)
        if self.threshold_score is not None:
            choices["threshold_score"] = self.threshold_score
        return Policy.from_choices(model, choices)


def figures(year: Any) -> dict[str, float]:
    return {fid: read(year) for fid, read in FIGURES.items()}


def group_figures(year: Any) -> dict[str, dict[str, float]]:
    return {g: {fid: read(gy) for fid, read in GROUP_FIGURES.items()} for g, gy in year.by_group.items()}


def default_index(model: Any, options: list[Any]) -> int:
    """The option that matches today's policy (the content defaults), or the first."""
    today = Policy.default(model).choices(model)
    for i, option in enumerate(options):
        if all(today.get(k) == v for k, v in option.set.items()):
            return i
    return 0


def default_decisions(model: Any, questions: dict[str, Any]) -> dict[str, int]:
    """Today's policy as the board's starting decisions, one per slot."""
    return {slot: default_index(model, options) for slot, options in decision_slots(questions)}
