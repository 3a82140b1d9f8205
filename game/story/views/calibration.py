"""'How close is the model?': each public figure the model also produces, the model's figure under
today's rules, its band, and why the band is where it is; reached from 'How do we know?' and from the
limits of the model."""
from __future__ import annotations

from typing import Any

from game.sim.calibration import Check, calibration

from .. import cite
from ..numbers import Numbers
from ..screen import Item, Screen, Words, button, grid, joined, panel, text

ENTRY_WIDTH = 700  # two columns of checks at standard text, one when the text is larger


def formatted(numbers: Numbers, quantity: str, value: float) -> str:
    """A figure in the unit its quantity is read in: a share, a factor or a count."""
    if quantity.endswith("_share"):
        return numbers.percent(value)
    if quantity == "fmr_ratio":
        return numbers.times(value)
    if quantity.endswith("_per_million") and value < 100:  # a rate, not people: keep its decimal
        return numbers.decimal(value)
    return numbers.count(value)


def entry(model: Any, content: Any, check: Check, numbers: Numbers) -> Item:
    """One figure: what it is, what was reported and where, the model's figure and band, the verdict
    in words (not colour alone), and why the band is where it is."""
    quantity = model.calibration[check.id].quantity
    source = content.sources[check.source]
    band = {"low": formatted(numbers, quantity, check.low), "high": formatted(numbers, quantity, check.high)}
    if quantity == "fmr_ratio":  # NIST reports a range by algorithm, not one figure: show the range
        public: str | Words = Words.of("calibration.range", band)
    else:
        public = formatted(numbers, quantity, check.public)
    reported = joined((Words.of("calibration.public", {"value": public}),
                       Words.of("calibration.source", {"publication": cite.publication(cite.words, source),
                                                       "date": cite.date(cite.words, source)})), "small")
    figures = joined((Words.of("calibration.model", {"value": formatted(numbers, quantity, check.model)}),
                      Words.of("calibration.band", band)), "small")
    verdict = text("calibration.inside", "ok") if check.inside else text("calibration.outside", "alert")
    return panel(Item("column", items=(text(check.label, "strong"), reported, figures, verdict,
                                       text(check.reason, "small_muted")), data={"gap": 8}))


def calibration_screen(world: Any, numbers: Numbers) -> Screen:
    model, content = world.model, world.content
    checks = calibration(model, world.default_policy)
    return Screen("calibration", (text("calibration.heading", "heading"), text("calibration.intro", "muted"),
                                  grid(*(entry(model, content, c, numbers) for c in checks), min_width=ENTRY_WIDTH)),
                  (button("back", "common.back", primary=True),), focus="back")
