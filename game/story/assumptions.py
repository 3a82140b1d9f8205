"""Which of the model's assumptions each screen's numbers rest on: the one place that says so.

An assumption is a number the content gives a reason for instead of a source (`assumption:` in
content/model.yaml, records.yaml and policy.yaml; `unstated:` for a retention with no published end).
Each is known by its path in the content tree, as `Model.params` names parameters:
"model.matching.quality_shift", "records.retentions.crossing-unstated", "records.flows[6]",
"policy.threshold". A screen names what its numbers depend on by prefixes of that tree, most direct
first; `expand` turns them into the assumptions under them, in that order, once each. The
"How do we know?" dialog shows each one's text (a text id, so it is translated) after the facts.
No pygame here.
"""
from __future__ import annotations

from typing import Any, Iterable

# what the score at a camera rests on: the threshold, the curves, the group differences
SCORE = ("policy.threshold", "policy.profile", "model.matching", "model.differentials")
BEHAVIOUR = ("model.capture.no_image_by_behaviour", "model.capture.poor_quality_by_behaviour")
# which cameras a lane's faces go through (a vehicle's second try is the booth camera)
CAMERAS = {
    "vehicle": ("model.capture.placements.windshield", "model.capture.placements.booth"),
    "outbound": ("model.capture.placements.windshield",),
    "pedestrian": ("model.capture.placements.in_motion",),
    "street": ("model.capture.placements.phone",),
    "search": ("model.capture.placements.phone",),
}
OFFICERS = ("model.port.nonmatch_to_secondary", "model.port.catch_after_nonmatch", "model.port.catch_by_manual_check",
            "model.port.secondary_minutes", "policy.capture_failure", "model.matching.lookalike_shift",
            "model.matching.no_gallery_photo_share", "model.traffic.impostor_rate")
SEARCH = ("model.search.search_fmr", "model.matching.ratio_reference_fmr", "model.differentials", "policy.profile")

# A traveller's station: what the lane shows there (stations.yaml kinds). The traffic mix is left
# out: one composite traveller's crossing does not depend on it, only the year at the port does.
STATION_KIND: dict[str, tuple[str, ...]] = {
    "queue": (),
    "rpm": ("model.port.rpm_nuisance_share", "model.port.rpm_check_minutes"),
    "plate": (),
    "booth": ("model.port.booth_seconds", "model.port.manual_check_seconds", "policy.capture_failure"),
    "counter": ("model.port.booth_seconds", "model.port.manual_check_seconds", "policy.capture_failure"),
    "xray": (),
    "decision": OFFICERS,
    "exit": ("model.traffic.outbound_per_inbound",),
    "stop": (),
    "scan": ("model.search.opt_out_share", "model.search.street_gallery", "model.search.street_in_gallery_share",
             *SEARCH, *CAMERAS["street"], *BEHAVIOUR, "model.matching"),
    "search": (*SEARCH, *CAMERAS["search"], *BEHAVIOUR, "model.matching"),
    "review": ("model.search.human_review_catch", *SEARCH),
}
BEYOND = ("street", "search")  # lanes away from the port: their decision is the search's, not an officer's

# The year at the port (the board's figures, game.story.board.FIGURES): what each figure rests on.
# The port's year is the vehicle lanes': their cameras and the traffic mix.
YEAR = ("model.capture.placements.windshield", "model.capture.placements.booth", *BEHAVIOUR, "model.traffic")
OUTBOUND = ("model.traffic.outbound_per_inbound", "model.port.audit_months")
PHOTOS = ("records", *OUTBOUND, "model.search.opt_out_share", *YEAR)  # copies from the lanes, the street and a search
IMPOSTORS = ("model.traffic.impostor_rate", "model.matching.lookalike_shift", "model.port", *SCORE, *YEAR)
FIGURE: dict[str, tuple[str, ...]] = {
    "held_in_secondary": ("policy.threshold", "policy.capture_failure", "model.port", *SCORE, *YEAR),
    "false_non_matches": (*SCORE, *YEAR),
    "capture_failures": ("policy.capture_failure", *YEAR),
    "delay_hours": ("model.port", "policy.capture_failure", *SCORE, *YEAR),
    "impostors_caught": IMPOSTORS,
    "impostors_missed": IMPOSTORS,
    "photos_hour_1": PHOTOS,
    "photos_day_1": PHOTOS,
    "photos_year_1": PHOTOS,
    "photos_years_10": PHOTOS,
    "photos_years_75": PHOTOS,
    "records_ice_standing": ("records", *OUTBOUND, *YEAR),
    "records_ice_request": ("records", *OUTBOUND, *YEAR),
    "outbound_faces": (*OUTBOUND, *YEAR),
    "street_scans": ("model.search.opt_out_share",),
    "street_false_candidates": ("model.search", *SEARCH),
    "search_false_leads": ("model.search", *SEARCH),
}
LAB = SCORE  # the threshold lab draws the score curves before any figure
# a shift in the booth (game/story/views/shift.py): its own stream, the officers' times and catches, the
# cameras and the scores, and the traffic mix its cars are drawn from
SHIFT = ("model.shift", "model.traffic.impostor_rate", "model.port.booth_seconds", "model.port.manual_check_seconds",
         "model.port.secondary_minutes", "model.port.catch_by_manual_check", "model.port.catch_after_nonmatch",
         "model.port.catch_in_secondary", "model.port.nonmatch_to_secondary", *CAMERAS["vehicle"], *BEHAVIOUR,
         *SCORE, "policy.capture_failure", "model.traffic")
EVERYTHING = ("policy", "model", "records")  # the record screen: every consequence at once


def index(model: Any) -> dict[str, str]:
    """Every assumption the model rests on: path -> text id, in the order of the content files."""
    found = {path: p.assumption for path, p in model.params.items() if getattr(p, "assumption", None)}
    records = model.records
    for rid, retention in records.retentions.items():
        if retention.unstated:
            found[f"records.retentions.{rid}"] = retention.unstated
    for i, flow in enumerate(records.flows):
        if flow.assumption:
            found[f"records.flows[{i}]"] = flow.assumption
    for name, spec in model.policy_fields.items():
        if spec.assumption:
            found[f"policy.{name}"] = spec.assumption
    return found


def _under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith(prefix + ".") or path.startswith(prefix + "[")


def expand(model: Any, prefixes: Iterable[str]) -> list[str]:
    """The assumption paths under each prefix, prefix by prefix, once each."""
    known = index(model)
    out: dict[str, None] = {}
    for prefix in prefixes:
        for path in known:
            if _under(path, prefix):
                out.setdefault(path)
    return list(out)


def text_id(model: Any, path: str) -> str:
    """The text id of one assumption's words."""
    return index(model)[path]


def text_ids(model: Any, paths: Iterable[str]) -> list[str]:
    """The text ids of some assumptions, once each (several numbers may share one reason)."""
    known = index(model)
    return list(dict.fromkeys(known[p] for p in paths))


# -- screens ------------------------------------------------------------------------------------
def _records(model: Any, lane: str, lines: Iterable[Any]) -> list[str]:
    """The assumptions behind record lines shown (game.story.crossing.RecordLine): an unstated
    retention, and a kind of record the sources do not describe for this lane."""
    out = []
    systems = model.records.systems
    for line in lines:
        out.append(f"records.retentions.{line.retention}")
        for i, flow in enumerate(model.records.flows):
            if lane in flow.paths and flow.what == line.what and systems[flow.system].label == line.system:
                out.append(f"records.flows[{i}]")
    return out


def station(model: Any, kind: str, lane: str, records: Iterable[Any] = ()) -> list[str]:
    """A lane's station (its kind in stations.yaml) and the record shown beside it."""
    if kind == "face":
        prefixes: tuple[str, ...] = (*CAMERAS[lane], *BEHAVIOUR, *SCORE)
    elif kind in ("decision", "review") and lane in BEYOND:
        prefixes = ("model.search.street_gallery", *SEARCH) if lane == "street" else STATION_KIND["review"]
    else:
        prefixes = STATION_KIND[kind]
    return expand(model, [*prefixes, *_records(model, lane, records)])


def crossing(model: Any, kinds: Iterable[str], lane: str, records: Iterable[Any] = ()) -> list[str]:
    """A whole crossing (the outcome card): every station of the lane, then the record."""
    out: dict[str, None] = {}
    for kind in kinds:
        out.update(dict.fromkeys(station(model, kind, lane)))
    out.update(dict.fromkeys(expand(model, _records(model, lane, records))))
    return list(out)


def figures(model: Any, figure_ids: Iterable[str]) -> list[str]:
    """The year at the port: what the given figures rest on."""
    return expand(model, [prefix for fid in figure_ids for prefix in FIGURE.get(fid, ())])


def question(model: Any, q: Any) -> list[str]:
    """A board question (schema.Question): the threshold lab's curves first, then its figures."""
    lab = LAB if q.kind == "threshold_lab" else ()
    return expand(model, [*lab, *(prefix for fid in q.figures for prefix in FIGURE.get(fid, ()))])


def record_screen(model: Any) -> list[str]:
    """The record at the end: every consequence at once, so every assumption."""
    return expand(model, EVERYTHING)


def screens(content: Any, model: Any) -> dict[str, list[str]]:
    """Every screen with a "How do we know?", and what it shows: for the tests and for authors."""
    out: dict[str, list[str]] = {}
    for lane, spec in content.lanes.items():
        kinds = lane_kinds(content, lane)
        for sid, kind in kinds.items():
            out[f"lane.{lane}.{sid}"] = station(model, kind, lane)
        out[f"outcome.{lane}"] = crossing(model, kinds.values(), lane)
    for qid, q in content.questions.items():
        out[f"board.{qid}"] = question(model, q)
    out["shift"] = expand(model, SHIFT)
    out["record"] = record_screen(model)
    return out


def lane_kinds(content: Any, lane: str) -> dict[str, str]:
    """A lane's stations in order: station id -> kind."""
    kinds, current = {}, content.lanes[lane].first
    while current:
        kinds[current] = content.stations[current].kind
        current = content.stations[current].next
    return kinds
