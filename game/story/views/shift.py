"""A shift in the booth, screen by screen: the start (what the player does, that time only moves when they
decide, and how much richer in impostors the stream is than real traffic), a car at the booth (who is in
it, what the camera got, every score on the threshold's scale, the line behind it as cars and as minutes),
what a decision did (and who, if anyone, was an impostor), and the end of the shift beside what the
model's own rules are expected to do with the same cars.
"""
from __future__ import annotations

from typing import Any

from .. import assumptions
from ..numbers import Numbers
from ..screen import Item, Screen, Words, button, column, pair, panel, row, text
from ..shift import ShiftRun
from .crossing import continues, shots, status_badge
from .lane import camera_item

LINE_HEIGHT = 120         # the cars in line (two rows), canvas pixels at standard text
DECISION_KEYS = ("release", "check", "secondary")
DECISION_WORDS = {"release": "shift.release", "check": "shift.check", "secondary": "shift.secondary"}
YOU_DID = {"release": "shift.you_release", "check": "shift.you_check", "secondary": "shift.you_secondary"}
MISSED = {"release": "shift.missed_detail", "check": "shift.missed_after_check",
          "secondary": "shift.missed_after_secondary"}
CLEARED = {"release": "shift.cleared_after_release", "check": "shift.cleared_after_check"}
FACTS = ["booth", "one-to-one", "capture-obstacles", "san-luis-impostors", "oig-air", "port-traffic"]


def shift_screen(run: ShiftRun, numbers: Numbers) -> Screen:
    return {"start": start_screen, "car": car_screen, "result": result_screen,
            "summary": summary_screen}[run.phase](run, numbers)


def _value(value: str) -> Words:
    return Words.of("shift.value", {"value": value})


def _minutes(numbers: Numbers, minutes: float) -> Words:
    return Words.of("shift.minutes", {"n": numbers.count(minutes)})


def _seconds(numbers: Numbers, seconds: float) -> Words:
    """A booth time in seconds, or in minutes and seconds from a minute up."""
    whole = round(seconds)
    if whole < 60:
        return Words.of("shift.seconds", {"n": numbers.count(whole)})
    return Words.of("shift.minutes_seconds", {"m": numbers.count(whole // 60), "s": numbers.count(whole % 60)})


def rarity(run: ShiftRun, numbers: Numbers) -> Item:
    """How far richer in impostors this stream is than real traffic, from the model's own rate."""
    rules = run.rules
    return text("shift.rarity", "small", impostors=numbers.count(rules.impostors), cars=numbers.count(rules.vehicles),
                rate=numbers.one_in(run.model.traffic.impostor_rate.value),
                shifts=numbers.count(run.shifts_per_impostor()))


def start_screen(run: ShiftRun, numbers: Numbers) -> Screen:
    port = run.model.port
    costs = panel(text("shift.choices_heading", "subheading"),
                  text("shift.release_help", "small", time=_seconds(numbers, port["booth_seconds"])),
                  text("shift.check_help", "small", time=_seconds(numbers, port["manual_check_seconds"])),
                  text("shift.secondary_help", "small",
                       time=_seconds(numbers, port["booth_seconds"] + run.rules.referral_seconds),
                       minutes=numbers.count(port["secondary_minutes"])))
    about = column(text("shift.title", "title"), text("shift.intro"), text("shift.time_note", "strong"),
                   text("shift.stream", "small", cars=numbers.count(run.rules.vehicles)), rarity(run, numbers))
    actions = (button("begin", "shift.begin", primary=True), button("info", "common.how_do_we_know"),
               button("title", "common.to_title"))
    return Screen("shift", (row(about, costs, weights=(3, 2), min_width=420),), actions, focus="begin")


def line_panel(run: ShiftRun, numbers: Numbers) -> Item:
    """The line at the booth: the cars drawn one by one, and the same in words and minutes."""
    cars, waited = run.line()
    behind = max(0, cars - 1) if run.phase == "car" else cars
    drawn = Item("chart", data={"painter": "queue", "cars": behind, "at_booth": run.phase == "car",
                                "height": LINE_HEIGHT, "scales": True})
    rows = [pair(Words("shift.behind" if run.phase == "car" else "shift.in_line"), _value(numbers.count(behind)))]
    if run.phase == "car":
        rows.append(pair(Words("shift.waited"), _minutes(numbers, waited / 60.0)))
    rows.append(pair(Words("shift.clock"), _minutes(numbers, run.clock_minutes())))
    return panel(text("shift.line_heading", "subheading"), drawn, *rows)


def car_heading(run: ShiftRun, numbers: Numbers) -> Item:
    return text("shift.car", "heading", n=numbers.count(run.index + 1), total=numbers.count(len(run.shift.vehicles)))


def car_screen(run: ShiftRun, numbers: Numbers) -> Screen:
    vehicle = run.vehicle
    seen = panel(car_heading(run, numbers),
                 text("shift.conditions", "muted", condition=Words(f"model.cause.condition.{vehicle.condition}")),
                 camera_item(run.shots(vehicle), vehicle.condition, driven=True, fired=True),
                 *shots(run.shots(vehicle), run.shift.threshold, numbers))
    costs = panel(text("shift.decide", "subheading"),
                  *(pair(Words(DECISION_WORDS[key]), _seconds(numbers, run.decision_seconds(key))) for key in DECISION_KEYS),
                  text("shift.cost_note", "small_muted"))
    actions = (*(button(key, DECISION_WORDS[key]) for key in DECISION_KEYS),  # none marked: no nudge
               button("info", "common.how_do_we_know"),
               button("title", "shift.leave"))
    body = continues(row(seen, column(line_panel(run, numbers), costs), weights=(3, 2), min_width=420))
    return Screen("shift", (body,), actions, focus="release")


def verdict(run: ShiftRun, numbers: Numbers) -> tuple[str, str, list[Item]]:
    """What the decision did to the car just decided: a status, its words, and what happened to whom."""
    vehicle, result = run.vehicle, run.last()
    impostor = vehicle.impostor
    minutes = numbers.count(run.model.port["secondary_minutes"])
    if impostor is not None:
        who = Words(f"seat.{impostor.seat}")
        if result.caught:
            return "ok", "shift.caught", [text("shift.was_impostor", who=who), text("shift.caught_detail", "small")]
        return "alert", "shift.missed", [text("shift.was_impostor", who=who), text(MISSED[result.decision], "small")]
    if result.secondary:
        return "alert", "shift.held", [text("shift.nobody"), text("shift.held_detail", "small", minutes=minutes)]
    return "ok", "shift.cleared", [text("shift.nobody"), text(CLEARED[result.decision], "small")]


def result_screen(run: ShiftRun, numbers: Numbers) -> Screen:
    status, label, lines = verdict(run, numbers)
    result = run.last()
    told = panel(car_heading(run, numbers), text(YOU_DID[result.decision], "strong"),
                 status_badge(status, Words(label)), *lines,
                 text("shift.took", "small", time=_seconds(numbers, result.seconds)))
    seen = panel(text("shift.seen", "subheading"), *shots(run.shots(run.vehicle), run.shift.threshold, numbers))
    last = len(run.decisions) >= len(run.shift.vehicles)
    actions = (button("next", "shift.see_end" if last else "shift.next", primary=True),
               button("info", "common.how_do_we_know"), button("title", "shift.leave"))
    body = continues(row(column(told, line_panel(run, numbers)), seen, weights=(1, 1), min_width=420))
    return Screen("shift", (body,), actions, focus="next")


def summary_screen(run: ShiftRun, numbers: Numbers) -> Screen:
    yours, model = run.tally(), run.expected()
    whole, about = numbers.count, (lambda x: numbers.decimal(x, 1))

    def line(label: str, mine: str, theirs: str) -> Item:
        return pair(Words(label), _value(mine), _value(theirs), role="body")

    table = panel(text("shift.summary_table", "subheading"),
                  pair(Words("shift.figure"), Words("shift.you_column"), Words("shift.model_column"), role="label"),
                  line("shift.sum_caught", whole(yours.caught), about(model.caught)),
                  line("shift.sum_missed", whole(yours.missed), about(model.missed)),
                  line("shift.sum_held", whole(yours.held_people), about(model.held_people)),
                  line("shift.sum_held_cars", whole(yours.held_cars), about(model.held_cars)),
                  line("shift.sum_queue", whole(yours.queue_minutes), whole(model.queue_minutes)),
                  line("shift.sum_waiting", whole(yours.waiting), whole(model.waiting)),
                  line("shift.sum_clock", whole(yours.shift_minutes), whole(model.shift_minutes)))
    said = column(text("shift.summary_impostors", impostors=whole(yours.impostors), cars=whole(yours.cars)),
                  text("shift.model_rules", "small"), rarity(run, numbers), text("shift.trade_off", "strong"))
    actions = (button("lab", "shift.to_lab", primary=True), button("again", "shift.again"),
               button("info", "common.how_do_we_know"), button("title", "common.to_title"))
    return Screen("shift", (text("shift.summary_title", "title"), row(said, table, weights=(2, 3), min_width=420)),
                  actions, focus="lab")


def sources(run: ShiftRun) -> tuple[list[str], list[str]]:
    """'How do we know?' in the shift: the booth's and the impostors' facts, then the shift's assumptions
    (its stream is richer in impostors than traffic; times and catches at the booth; cameras and scores)."""
    return list(FACTS), assumptions.expand(run.model, assumptions.SHIFT)
