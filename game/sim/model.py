"""The model's parameters as plain floats, precomputed for speed.

`Model.from_content(content)` is the only way in. The content it takes has been checked by
game.content (the schema's bounds, references and `rules`: every key each table needs, shares
that add up, ids that resolve), in `face-value validate` and at every load, with the file and
line of each error; so nothing here checks content again, and a content error never comes from here.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from statistics import NormalDist
from typing import Any, get_args

from game.content import schema

SEATS: tuple[str, ...] = get_args(schema.Seat)
CATEGORIES: tuple[str, ...] = get_args(schema.Category)
CONDITIONS: tuple[str, ...] = get_args(schema.Condition)
BEHAVIOURS: tuple[str, ...] = get_args(schema.Behaviour)
AGES: tuple[str, ...] = get_args(schema.Age)
PLACEMENTS: tuple[str, ...] = get_args(schema.Placement)
PERSON = schema.PERSON  # the seat key for someone on foot or in the street
VEHICLE_PLACEMENTS = schema.VEHICLE_PLACEMENTS
OCCUPANCY_KEYS: tuple[str, ...] = get_args(schema.OccupancyKey)
HOURS_PER_YEAR = 8760.0

# policy fields whose options carry a yes/no flag rather than a plain choice
FLAG_FIELDS: tuple[str, ...] = schema.FLAG_FIELDS
POLICY_FIELDS: tuple[str, ...] = get_args(schema.PolicyFieldName)
CHOICE_FIELDS: tuple[str, ...] = tuple(f for f in POLICY_FIELDS if f not in FLAG_FIELDS)


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


# the model quantities a calibration check may name (computed in game/sim/calibration.py; the schema's vocabulary)
CALIBRATION_QUANTITIES: tuple[str, ...] = get_args(schema.CalibrationQuantity)


def ratio_shift(ratio: float, reference_fmr: float) -> float:
    """How far (in spreads) to move a normal impostor curve so its false-match rate at the reference
    threshold is `ratio` times the reference rate."""
    inv = NormalDist().inv_cdf
    return inv(1.0 - reference_fmr) - inv(1.0 - ratio * reference_fmr)


def phi(x: float) -> float:
    """The standard normal CDF, accurate far into the lower tail (erfc, not 1 - erf)."""
    return 0.5 * math.erfc(-x * 0.7071067811865476)
