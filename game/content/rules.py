"""Rules that span a file's parts or several files, run once every file has been read and every
reference resolved: which keys each table of the model must have, lanes that end, options that
agree with the profiles. Each error is blamed on the line of the key path it names.

These are the checks the model (game/sim) relies on; they run in `face-value validate` and at
every load, so a model built from loaded content never meets a missing key or an impossible number.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable, get_args

import yaml

from . import schema
from .errors import ContentError, one_of
from .reader import line_of

SEATS: tuple[str, ...] = get_args(schema.Seat)
CATEGORIES: tuple[str, ...] = get_args(schema.Category)
CONDITIONS: tuple[str, ...] = get_args(schema.Condition)
BEHAVIOURS: tuple[str, ...] = get_args(schema.Behaviour)
PLACEMENTS: tuple[str, ...] = get_args(schema.Placement)
OCCUPANCY_KEYS: tuple[str, ...] = get_args(schema.OccupancyKey)
# the reference mix's behaviours: `none`, and each behaviour an adult chooses (child height is a seat's)
TRAFFIC_BEHAVIOURS = ("none",) + tuple(b for b in BEHAVIOURS if b != "child_height")
QUALITY_LEVELS = ("good", "fair", "poor")  # the capture qualities game/sim and the lab name
PHOTO_AGE_BINS = ("recent", "middle", "old")  # the lab draws the middle one

Blame = Callable[[str, str, str], None]  # (file name, key path, message)


class Blamer:
    """Collects errors for files of one content folder, finding each key path's line in its node tree."""

    def __init__(self, folder: str, nodes: dict[str, yaml.Node]):
        self.folder = folder
        self.nodes = nodes
        self.errors: list[ContentError] = []

    def __call__(self, file: str, path: str, message: str) -> None:
        self.errors.append(ContentError(f"{self.folder}/{file}", line_of(self.nodes.get(file), path), path, message))


def check_all(content: Any, blame: Blame) -> None:
    """Every rule whose files were read (the model tests load only the model's files)."""
    files = content.files
    if "model.yaml" in files:
        check_model(files["model.yaml"], blame)
    if "model.yaml" in files and "policy.yaml" in files:
        check_policy(files["policy.yaml"], files["model.yaml"], blame)
    if "stations.yaml" in files:
        check_stations(files["stations.yaml"], blame)
    if "stations.yaml" in files and "travellers.yaml" in files:
        check_travellers(files["travellers.yaml"], files["stations.yaml"], blame)
    if "questions.yaml" in files and "travellers.yaml" in files:
        check_challenge(files["questions.yaml"], files["travellers.yaml"], blame)


def keys(blame: Blame, file: str, path: str, table: dict, expected: Iterable[str]) -> None:
    """`table` must have exactly the keys `expected`: each unknown one and each missing one is an error."""
    got, want = set(table), list(expected)
    for k in sorted(got - set(want)):
        blame(file, f"{path}.{k}", f"unknown key; {one_of(want, k)}")
    missing = [k for k in want if k not in got]
    if missing:
        blame(file, path, f"missing {', '.join(missing)}; expected keys {', '.join(want)}")


def check_model(spec: schema.ModelFile, blame: Blame) -> None:
    M = "model.yaml"
    for d, diff in spec.differentials.items():
        keys(blame, M, f"differentials.{d}.fmr_ratio.values", diff.fmr_ratio.values, spec.profiles)
        keys(blame, M, f"differentials.{d}.genuine_shift.values", diff.genuine_shift.values, spec.profiles)
    cap, m = spec.capture, spec.matching
    keys(blame, M, "capture.placements", cap.placements, PLACEMENTS)
    for name, ps in cap.placements.items():
        base = f"capture.placements.{name}"
        seats = SEATS if name in schema.VEHICLE_PLACEMENTS else (schema.PERSON,)
        for attr in ("no_image_by_seat", "poor_quality_by_seat"):
            keys(blame, M, f"{base}.{attr}.values", getattr(ps, attr).values, seats)
        for attr in ("no_image_by_condition", "poor_quality_by_condition"):
            keys(blame, M, f"{base}.{attr}.values", getattr(ps, attr).values, CONDITIONS)
        keys(blame, M, f"{base}.quality_level", ps.quality_level, CONDITIONS)
    for attr in ("no_image_by_behaviour", "poor_quality_by_behaviour"):
        keys(blame, M, f"capture.{attr}.values", getattr(cap, attr).values, BEHAVIOURS)
    keys(blame, M, "matching.quality_shift.values", m.quality_shift.values, QUALITY_LEVELS)
    keys(blame, M, "matching.occlusion_shift", m.occlusion_shift, BEHAVIOURS)
    cap_ratio = m.max_fmr_ratio.value
    if spec.search.search_fmr.value * cap_ratio > 1.0:  # a group's search rate is this times its factor
        blame(M, "search.search_fmr.value", f"expected a false-match rate that stays a rate (at most 1) for the group "
                                            f"with the largest factor, matching.max_fmr_ratio ({cap_ratio:g}): at most "
                                            f"{1 / cap_ratio:g}; got {spec.search.search_fmr.value:g}")
    t = spec.traffic
    keys(blame, M, "traffic.occupancy.values", t.occupancy.values, OCCUPANCY_KEYS)
    keys(blame, M, "traffic.conditions.values", t.conditions.values, CONDITIONS)
    keys(blame, M, "traffic.behaviour.values", t.behaviour.values, TRAFFIC_BEHAVIOURS)
    keys(blame, M, "traffic.child_share_by_seat.values", t.child_share_by_seat.values, SEATS)
    keys(blame, M, "traffic.groups.values", t.groups.values, spec.groups)
    keys(blame, M, "traffic.categories.values", t.categories.values, CATEGORIES)
    keys(blame, M, "traffic.photo_age_share.values", t.photo_age_share.values, PHOTO_AGE_BINS)


def check_policy(policy: schema.PolicyContentFile, spec: schema.ModelFile, blame: Blame) -> None:
    """The algorithm choice offers every profile the model knows, each option naming its own."""
    P = "policy.yaml"
    profile = policy.fields.get("profile")
    if profile is not None:
        keys(blame, P, "fields.profile.options", profile.options, spec.profiles)
        for oid, opt in profile.options.items():
            if opt.profile is not None and opt.profile != oid:
                blame(P, f"fields.profile.options.{oid}.profile", f"expected {oid!r}, the option's own id; "
                                                                  f"got {opt.profile!r}")


def check_stations(stations: schema.StationsFile, blame: Blame) -> None:
    """Every lane ends: following `next` from its first station never comes back round."""
    for lane_id, lane in stations.lanes.items():
        seen: list[str] = []
        current: str | None = lane.first
        while current is not None:
            if current in seen:
                last = seen[-1]
                blame("stations.yaml", f"stations.{last}.next",
                      f"lane {lane_id} loops back to '{current}'; a lane must end (a station with no next)")
                break
            seen.append(current)
            current = stations.stations[current].next


def check_travellers(travellers: schema.TravellersFile, stations: schema.StationsFile, blame: Blame) -> None:
    """Every traveller walks a lane the port has."""
    for tid, traveller in travellers.travellers.items():
        if traveller.lane not in stations.lanes:
            blame("travellers.yaml", f"travellers.{tid}.lane",
                  f"expected a lane that stations.yaml lays out ({', '.join(stations.lanes)}); got {traveller.lane!r}")


def check_challenge(questions: schema.QuestionsFile, travellers: schema.TravellersFile, blame: Blame) -> None:
    """The lab's challenge catches an impostor, and counts what the line costs someone genuine."""
    for qid, question in questions.questions.items():
        challenge = question.challenge
        if challenge is None:
            continue
        for key, impostor in (("impostor", True), ("affected", False)):
            traveller = travellers.travellers.get(getattr(challenge, key))
            if traveller is not None and bool(traveller.impostor) != impostor:
                blame("questions.yaml", f"questions.{qid}.challenge.{key}",
                      f"expected a traveller {'with' if impostor else 'without'} `impostor: true`; "
                      f"got {traveller.id!r}")
