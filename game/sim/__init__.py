"""The model: capture, matching, records, policy and a year at the port. No pygame here.

Build once, then ask (every function is plain Python, deterministic, and headless):

    model = Model.from_content(content)                   # typed, checked, precomputed
    policy = Policy.default(model)                         # what the sources describe today
    policy = policy.replace(threshold="fmr-1e-6", capture_failure="retake")
    Policy.from_choices(model, {"ice_sharing": "standing_access"}); policy.choices(model)
    option_values(model, field, option) / retention_values(model, retention) -> {placeholder: number}

    occupant_capture(model, seat | None, lane, conditions, behaviour, placement=None) -> CaptureChance
        .image, .quality, .usable, .failure, .quality_level, .causes (CaptureCause: kind, key,
        no_image, poor_quality, text id model.cause.<kind>.<key>)
    match_rates(model, policy_or_threshold, group, photo_age_years=2.0, quality="good",
                occlusion=(), profile=None, age="adult") -> (fnmr, fmr)
    threshold_for_fmr(model, fmr, group=None, profile=None) -> score threshold
    policy_threshold(model, policy) -> score threshold
    genuine_curve(model, group, photo_age_years, quality, occlusion, profile, age) -> (mean, sd)
    impostor_curve(model, group, profile, age, lookalike=False) -> (mean, sd)
    one_to_many(fmr, gallery_size) -> (expected_false_candidates, p_at_least_one)
    records_for(model, policy, category, path) -> [RecordEntry(system, what, photo, retention,
                                                               retention_hours, readers)]
    port_year(model, policy, days=365) -> PortYear (figures as attributes, .by_group[g] GroupYear,
                                                   .photos_held[system][horizon], .records_readable,
                                                   .outbound, .beyond, .as_dict() for JSON)
    sample_vehicles(model, policy, vehicles, random.Random(seed)) -> SampleSummary (same odds)
    sample_shift(model, policy, seed, stream=0) -> Shift (a stream of cars at the booth, drawn with the
                                                          sampler's odds; game.sim.shift scores decisions)
    sample_crossing(model, policy, traveller, seed) -> CrossingStory (events per station, people,
                                                                     decision, reason, delay, records)
    reference_mix_capture(model, placement="windshield") -> the Anzalduas calibration figures

Text ids the model emits (model.outcome.*, model.reason.*, model.decision.*, model.cause.*) are in
content/strings; `model.limits` lists where the model is simpler than reality.
"""
from .capture import CaptureCause, CaptureChance, occupant_capture, reference_mix_capture
from .matching import (fmr_at, fnmr_at, genuine_curve, impostor_curve, match_rates, one_to_many,
                       policy_threshold, threshold_for_fmr)
from .model import Model
from .policy import Policy, PolicyError, option_values, retention_values
from .port import HORIZONS, GroupYear, PortYear, SampleSummary, beyond_the_port, port_year, sample_vehicles
from .records import RecordEntry, reader_access, records_for
from .shift import Shift, ShiftRules, Tally, Vehicle, sample_shift
from .story import CrossingStory, PersonResult, StationEvent, sample_crossing

__all__ = [
    "CaptureCause", "CaptureChance", "CrossingStory", "GroupYear", "HORIZONS", "Model", "PersonResult",
    "Policy", "PolicyError", "PortYear", "RecordEntry", "SampleSummary", "Shift", "ShiftRules", "Tally", "Vehicle", "StationEvent", "beyond_the_port",
    "fmr_at", "fnmr_at", "option_values", "retention_values", "genuine_curve", "impostor_curve", "match_rates", "one_to_many", "occupant_capture",
    "policy_threshold", "port_year", "reader_access", "records_for", "reference_mix_capture", "sample_crossing",
    "sample_shift", "sample_vehicles", "threshold_for_fmr",
]
