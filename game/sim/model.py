"""The model's parameters as plain floats, checked once and precomputed for speed.

`Model.from_content(content)` is the only way in: it checks the ids that point inside the
model's own files (which the content loader cannot know) and raises `ContentErrors` naming
the file and key path, so a broken model file stops the game like any other content error.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from statistics import NormalDist
from typing import Any, get_args

from game.content import schema
from game.content.errors import ContentError, ContentErrors, one_of

SEATS: tuple[str, ...] = get_args(schema.Seat)
CATEGORIES: tuple[str, ...] = get_args(schema.Category)
CONDITIONS: tuple[str, ...] = get_args(schema.Condition)
BEHAVIOURS: tuple[str, ...] = get_args(schema.Behaviour)
AGES: tuple[str, ...] = get_args(schema.Age)
PLACEMENTS: tuple[str, ...] = get_args(schema.Placement)
PERSON = "person"  # the seat key for someone on foot or in the street
VEHICLE_PLACEMENTS = ("windshield", "booth")
OCCUPANCY_KEYS = ("one", "two", "three", "four", "five")
HOURS_PER_YEAR = 8760.0

# policy fields whose options carry a yes/no flag rather than a plain choice
FLAG_FIELDS = ("forward_to_ident", "audits_before_expansion", "outbound_capture")
CHOICE_FIELDS = ("threshold", "placement", "capture_failure", "citizen_retention", "noncitizen_retention",
                 "ice_sharing", "one_to_many", "field_scans", "profile")
POLICY_FIELDS = CHOICE_FIELDS + FLAG_FIELDS


@dataclass(frozen=True)
class PlacementTables:
    """Per-cause chances of no image and of failing validation for one camera placement."""

    no_image_seat: dict[str, float]
    poor_seat: dict[str, float]
    no_image_condition: dict[str, float]
    poor_condition: dict[str, float]
    quality_level: dict[str, str]


@dataclass
class Model:
    """Typed, precomputed parameters; build with `Model.from_content(content)`."""

    groups: tuple[str, ...]
    group_labels: dict[str, str]
    profiles: tuple[str, ...]
    # shifts[profile][group][age] -> (impostor shift, genuine shift); ratios[...] -> the false-match
    # ratio the impostor shift gives at the reference threshold (NIST's factors, multiplied and capped)
    shifts: dict[str, dict[str, dict[str, tuple[float, float]]]]
    ratios: dict[str, dict[str, dict[str, float]]]
    placements: dict[str, PlacementTables]
    no_image_behaviour: dict[str, float]
    poor_behaviour: dict[str, float]
    genuine_mean: float
    impostor_mean: float
    spread: float
    quality_shift: dict[str, float]
    occlusion_shift: dict[str, float]
    photo_age_slope: float
    photo_age_reference: float
    lookalike_shift: float
    no_gallery_share: float
    ratio_reference_fmr: float
    traffic: schema.TrafficSpec
    port: dict[str, float]
    search: dict[str, float]
    calibration: dict[str, schema.CalibrationCheck]
    limits: tuple[str, ...]
    records: schema.RecordsFile
    policy_fields: dict[str, schema.PolicyField]
    retention_hours: dict[str, float]  # math.inf where no deletion date is published
    # the reference traffic mix as plain floats
    occupancy: dict[int, float] = field(default_factory=dict)
    seat_order: tuple[str, ...] = ()
    condition_share: dict[str, float] = field(default_factory=dict)
    behaviour_share: dict[str, float] = field(default_factory=dict)
    child_share: dict[str, float] = field(default_factory=dict)
    older_share: float = 0.0
    group_share: dict[str, float] = field(default_factory=dict)
    category_share: dict[str, float] = field(default_factory=dict)
    photo_bins: tuple[tuple[float, float], ...] = ()  # (share, years)
    params: dict[str, Any] = field(default_factory=dict)  # dotted path -> Param/ParamTable, for source checks
    document_rfid: dict[str, bool] = field(default_factory=dict)
    cache: dict[Any, Any] = field(default_factory=dict, repr=False)  # per-policy results, bounded
    tables: dict[Any, Any] = field(default_factory=dict, repr=False)  # per-model tables, built once

    @classmethod
    def from_content(cls, content: Any) -> "Model":
        spec: schema.ModelFile = content.model
        records: schema.RecordsFile = content.records
        policy: schema.PolicyContentFile = content.policy
        errors = _check(spec, records, policy)
        if errors:
            raise ContentErrors(errors)
        profiles = tuple(spec.profiles)
        m = spec.matching
        ref_fmr, cap_ratio = m.ratio_reference_fmr.value, m.max_fmr_ratio.value
        shifts: dict[str, dict[str, dict[str, tuple[float, float]]]] = {}
        ratios: dict[str, dict[str, dict[str, float]]] = {}
        for p in profiles:
            shifts[p], ratios[p] = {}, {}
            for g, group in spec.groups.items():
                shifts[p][g], ratios[p][g] = {}, {}
                for age in AGES:
                    ids = list(group.differentials) + list(spec.ages.get(age, []))
                    ratio = min(cap_ratio, math.prod(spec.differentials[d].fmr_ratio.values[p] for d in ids))
                    gen = sum(spec.differentials[d].genuine_shift.values[p] for d in ids)
                    ratios[p][g][age] = ratio
                    shifts[p][g][age] = (m.spread.value * ratio_shift(ratio, ref_fmr), gen)
        cap = spec.capture
        placements = {
            name: PlacementTables(dict(ps.no_image_by_seat.values), dict(ps.poor_quality_by_seat.values),
                                  dict(ps.no_image_by_condition.values), dict(ps.poor_quality_by_condition.values),
                                  dict(ps.quality_level))
            for name, ps in cap.placements.items()}
        t = spec.traffic
        model = cls(
            groups=tuple(spec.groups), group_labels={g: v.label for g, v in spec.groups.items()},
            profiles=profiles,
            shifts=shifts, ratios=ratios, placements=placements,
            no_image_behaviour=dict(cap.no_image_by_behaviour.values),
            poor_behaviour=dict(cap.poor_quality_by_behaviour.values),
            genuine_mean=m.genuine_mean.value, impostor_mean=m.impostor_mean.value, spread=m.spread.value,
            quality_shift=dict(m.quality_shift.values),
            occlusion_shift={b: p.value for b, p in m.occlusion_shift.items()},
            photo_age_slope=m.photo_age_shift_per_year.value,
            photo_age_reference=m.photo_age_reference_years.value, lookalike_shift=m.lookalike_shift.value,
            no_gallery_share=m.no_gallery_photo_share.value, ratio_reference_fmr=ref_fmr,
            traffic=t,
            port={k: getattr(spec.port, k).value for k in _fields(spec.port)},
            search={k: getattr(spec.search, k).value for k in _fields(spec.search)},
            calibration=dict(spec.calibration),
            limits=tuple(spec.limits), records=records, policy_fields=dict(policy.fields),
            retention_hours={k: r.hours.value if r.hours else math.inf for k, r in records.retentions.items()},
        )
        model.occupancy = {i + 1: t.occupancy.values[k] for i, k in enumerate(OCCUPANCY_KEYS)}
        model.seat_order = tuple(t.seat_order)
        model.condition_share = dict(t.conditions.values)
        model.behaviour_share = dict(t.behaviour.values)
        model.child_share = dict(t.child_share_by_seat.values)
        model.older_share = t.older_share.value
        model.group_share = dict(t.groups.values)
        model.category_share = dict(t.categories.values)
        model.photo_bins = tuple((t.photo_age_share.values[k], t.photo_age_years.values[k])
                                 for k in t.photo_age_share.values)
        documents = content.files.get("travellers.yaml")
        model.document_rfid = {d: doc.rfid for d, doc in (documents.documents.items() if documents else ())}
        model.params = dict(_params(spec, "model"))
        model.params.update(_params(records, "records"))
        return model

    # -- small lookups the UI also wants --------------------------------------------------
    def option(self, field_name: str, option_id: str) -> schema.PolicyOption:
        return self.policy_fields[field_name].options[option_id]

    def options(self, field_name: str) -> tuple[str, ...]:
        return tuple(self.policy_fields[field_name].options)

    def quality_level(self, placement: str, condition: str) -> str:
        return self.placements[placement].quality_level[condition]


def _fields(obj: Any) -> list[str]:
    return list(obj.__dataclass_fields__)


def _params(obj: Any, path: str):
    """Every Param / ParamTable under `obj`, with its dotted path."""
    if isinstance(obj, (schema.Param, schema.ParamTable)):
        yield path, obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from _params(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _params(v, f"{path}[{i}]")
    elif hasattr(obj, "__dataclass_fields__"):
        for name in obj.__dataclass_fields__:
            yield from _params(getattr(obj, name), f"{path}.{name}")


# -- checks the loader cannot make: ids inside the model's own files ---------------------------
def _check(spec: schema.ModelFile, records: schema.RecordsFile,
           policy: schema.PolicyContentFile) -> list[ContentError]:
    errs: list[ContentError] = []
    M, R, P = "content/model.yaml", "content/records.yaml", "content/policy.yaml"

    def bad(file: str, path: str, msg: str) -> None:
        errs.append(ContentError(file, None, path, msg))

    def keys(file: str, path: str, table: dict, expected) -> None:
        got, want = set(table), set(expected)
        for k in sorted(got - want):
            bad(file, f"{path}.{k}", f"unknown key; {one_of(want, k)}")
        for k in sorted(want - got):
            bad(file, f"{path}.{k}", "missing")

    def probs(file: str, path: str, table: dict) -> None:
        for k, v in table.items():
            if not 0.0 <= v <= 1.0:
                bad(file, f"{path}.{k}", f"expected a chance from 0 to 1; got {v}")

    def shares(file: str, path: str, table: dict) -> None:
        probs(file, path, table)
        if abs(sum(table.values()) - 1.0) > 1e-6:
            bad(file, path, f"shares must add up to 1; they add up to {sum(table.values()):.6g}")

    for name in ("capture", "matching", "traffic", "port", "search"):
        if getattr(spec, name) is None:
            bad(M, name, "missing; expected a mapping")
    if errs:
        return errs
    if not spec.profiles:
        bad(M, "profiles", "expected at least one algorithm profile")
    for g, group in spec.groups.items():
        for i, d in enumerate(group.differentials):
            if d not in spec.differentials:
                bad(M, f"groups.{g}.differentials[{i}]", f"unknown differential; {one_of(spec.differentials, d)}")
    for age, ids in spec.ages.items():
        for i, d in enumerate(ids):
            if d not in spec.differentials:
                bad(M, f"ages.{age}[{i}]", f"unknown differential; {one_of(spec.differentials, d)}")
    for d, diff in spec.differentials.items():
        keys(M, f"differentials.{d}.fmr_ratio.values", diff.fmr_ratio.values, spec.profiles)
        for prof, ratio in diff.fmr_ratio.values.items():
            if not 1.0 <= ratio <= 1e6:
                bad(M, f"differentials.{d}.fmr_ratio.values.{prof}", f"expected a factor from 1 to 1e6; got {ratio}")
        keys(M, f"differentials.{d}.genuine_shift.values", diff.genuine_shift.values, spec.profiles)
    cap, m = spec.capture, spec.matching
    keys(M, "capture.placements", cap.placements, PLACEMENTS)
    for name, ps in cap.placements.items():
        base = f"capture.placements.{name}"
        seats = SEATS if name in VEHICLE_PLACEMENTS else (PERSON,)
        for attr in ("no_image_by_seat", "poor_quality_by_seat"):
            keys(M, f"{base}.{attr}.values", getattr(ps, attr).values, seats)
            probs(M, f"{base}.{attr}.values", getattr(ps, attr).values)
        for attr in ("no_image_by_condition", "poor_quality_by_condition"):
            keys(M, f"{base}.{attr}.values", getattr(ps, attr).values, CONDITIONS)
            probs(M, f"{base}.{attr}.values", getattr(ps, attr).values)
        keys(M, f"{base}.quality_level", ps.quality_level, CONDITIONS)
        for c, level in ps.quality_level.items():
            if level not in m.quality_shift.values:
                bad(M, f"{base}.quality_level.{c}", f"unknown quality level; {one_of(m.quality_shift.values, level)}")
    for attr in ("no_image_by_behaviour", "poor_quality_by_behaviour"):
        keys(M, f"capture.{attr}.values", getattr(cap, attr).values, BEHAVIOURS)
        probs(M, f"capture.{attr}.values", getattr(cap, attr).values)
    keys(M, "matching.occlusion_shift", m.occlusion_shift, BEHAVIOURS)
    if m.spread.value <= 0:
        bad(M, "matching.spread.value", "expected a positive number")
    for name in ("no_gallery_photo_share", "ratio_reference_fmr"):
        probs(M, f"matching.{name}", {"value": getattr(m, name).value})
    if not 0.0 < m.ratio_reference_fmr.value < 1e-2:
        bad(M, "matching.ratio_reference_fmr.value", "expected a small false-match rate above 0 and below 0.01")
    elif not 1.0 <= m.max_fmr_ratio.value < 1.0 / m.ratio_reference_fmr.value:
        bad(M, "matching.max_fmr_ratio.value", "expected a factor of at least 1 that keeps the reference rate below 1")
    for cid, check in spec.calibration.items():
        if check.quantity not in CALIBRATION_QUANTITIES:
            bad(M, f"calibration.{cid}.quantity", f"unknown quantity; {one_of(CALIBRATION_QUANTITIES, check.quantity)}")
        elif (check.quantity == "fmr_ratio") != (check.group is not None):
            bad(M, f"calibration.{cid}.group", "expected a group for fmr_ratio, and only for it")
    t = spec.traffic
    keys(M, "traffic.occupancy.values", t.occupancy.values, OCCUPANCY_KEYS)
    shares(M, "traffic.occupancy.values", t.occupancy.values)
    if sorted(t.seat_order) != sorted(SEATS):
        bad(M, "traffic.seat_order", f"expected each of {', '.join(SEATS)} once")
    keys(M, "traffic.conditions.values", t.conditions.values, CONDITIONS)
    shares(M, "traffic.conditions.values", t.conditions.values)
    keys(M, "traffic.behaviour.values", t.behaviour.values, ("none",) + tuple(b for b in BEHAVIOURS if b != "child_height"))
    shares(M, "traffic.behaviour.values", t.behaviour.values)
    keys(M, "traffic.child_share_by_seat.values", t.child_share_by_seat.values, SEATS)
    probs(M, "traffic.child_share_by_seat.values", t.child_share_by_seat.values)
    keys(M, "traffic.groups.values", t.groups.values, spec.groups)
    shares(M, "traffic.groups.values", t.groups.values)
    keys(M, "traffic.categories.values", t.categories.values, CATEGORIES)
    shares(M, "traffic.categories.values", t.categories.values)
    keys(M, "traffic.photo_age_years.values", t.photo_age_years.values, t.photo_age_share.values)
    shares(M, "traffic.photo_age_share.values", t.photo_age_share.values)
    for name in ("older_share", "sentri_share", "impostor_rate"):
        probs(M, f"traffic.{name}", {"value": getattr(t, name).value})
    for name in ("rpm_nuisance_share", "nonmatch_to_secondary", "catch_after_nonmatch", "catch_by_manual_check",
                 "catch_in_secondary"):
        probs(M, f"port.{name}", {"value": getattr(spec.port, name).value})
    for name in ("search_fmr", "human_review_catch", "opt_out_share", "street_in_gallery_share"):
        probs(M, f"search.{name}", {"value": getattr(spec.search, name).value})

    # policy.yaml
    keys(P, "fields", policy.fields, POLICY_FIELDS)
    for name, pf in policy.fields.items():
        for oid, opt in pf.options.items():
            path = f"fields.{name}.options.{oid}"
            if name in FLAG_FIELDS and opt.flag is None:
                bad(P, path, "expected 'flag: true' or 'flag: false' for this yes/no decision")
            if name == "threshold" and (opt.value is None or not 0.0 < opt.value < 1.0):
                bad(P, f"{path}.value", "expected a target false-match rate between 0 and 1")
            if opt.retention is not None and opt.retention not in records.retentions:
                bad(P, f"{path}.retention", f"unknown retention; {one_of(records.retentions, opt.retention)}")
            for i, r in enumerate(opt.readers):
                if r not in records.readers:
                    bad(P, f"{path}.readers[{i}]", f"unknown reader; {one_of(records.readers, r)}")
            if opt.profile is not None and opt.profile not in spec.profiles:
                bad(P, f"{path}.profile", f"unknown profile; {one_of(spec.profiles, opt.profile)}")
        if name in ("citizen_retention", "noncitizen_retention"):
            for oid, opt in pf.options.items():
                if opt.retention is None:
                    bad(P, f"fields.{name}.options.{oid}", "expected 'retention: <retention id>'")
        if name == "placement":
            keys(P, f"fields.{name}.options", pf.options, VEHICLE_PLACEMENTS)
        if name == "profile":
            keys(P, f"fields.{name}.options", pf.options, spec.profiles)

    # records.yaml
    for i, flow in enumerate(records.flows):
        path = f"flows[{i}]"
        if flow.system not in records.systems:
            bad(R, f"{path}.system", f"unknown system; {one_of(records.systems, flow.system)}")
        ret = flow.retention
        if ret.startswith("policy."):
            f = ret.removeprefix("policy.")
            if f not in policy.fields or any(o.retention is None for o in policy.fields[f].options.values()):
                bad(R, f"{path}.retention", "expected a policy field whose options each name a retention")
        elif ret not in records.retentions:
            bad(R, f"{path}.retention", f"unknown retention; {one_of(records.retentions, ret)}")
        for j, r in enumerate(flow.readers):
            if r.startswith("policy."):
                f = r.removeprefix("policy.")
                if f not in policy.fields:
                    bad(R, f"{path}.readers[{j}]", f"unknown policy field; {one_of(policy.fields, f)}")
            elif r not in records.readers:
                bad(R, f"{path}.readers[{j}]", f"unknown reader; {one_of(records.readers, r)}")
        for f, opts in flow.when.items():
            if f not in policy.fields:
                bad(R, f"{path}.when.{f}", f"unknown policy field; {one_of(policy.fields, f)}")
                continue
            for j, o in enumerate(opts):
                if o not in policy.fields[f].options:
                    bad(R, f"{path}.when.{f}[{j}]", f"unknown option; {one_of(policy.fields[f].options, o)}")
    return errs


# the model quantities a calibration check may name (computed in game/sim/calibration.py)
CALIBRATION_QUANTITIES = ("all_captured_share", "meets_quality_share", "all_usable_share", "not_matched_share",
                          "impostors_caught_per_million", "impostors_caught_per_year", "referrals_per_million",
                          "held_per_impostor", "fmr_ratio")


def ratio_shift(ratio: float, reference_fmr: float) -> float:
    """How far (in spreads) to move a normal impostor curve so its false-match rate at the reference
    threshold is `ratio` times the reference rate."""
    inv = NormalDist().inv_cdf
    return inv(1.0 - reference_fmr) - inv(1.0 - ratio * reference_fmr)


def phi(x: float) -> float:
    """The standard normal CDF, accurate far into the lower tail (erfc, not 1 - erf)."""
    return 0.5 * math.erfc(-x * 0.7071067811865476)
