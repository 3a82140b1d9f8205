"""One traveller's crossing, drawn with the model's odds: what each station did, and why.

`sample_crossing(model, policy, traveller, seed)` seeds its own generator from the seed and the
traveller's id, so the same seed replays the same story, whatever else has been drawn.
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from typing import Any

from .capture import CaptureChance, occupant_capture
from .matching import genuine_curve, impostor_curve, policy_threshold, threshold_for_fmr
from .model import Model
from .policy import Policy
from .port import group_fmr_ratio
from .records import RecordEntry, records_for


@dataclass(frozen=True)
class PersonResult:
    """What the cameras and the matcher did to one person in the story."""

    who: str                     # "traveller" or "companion-<n>"
    seat: str | None
    category: str
    group: str
    impostor: bool
    capture: CaptureChance
    captured: bool               # an image at all
    quality_ok: bool             # the image met validation
    cause: str | None            # text id of what stopped a usable image, if anything did
    retaken: bool                # a second (booth) camera tried
    score: float | None
    threshold: float
    matched: bool | None         # None when no usable image reached the matcher
    outcome: str                 # text id: model.outcome.face.*


@dataclass(frozen=True)
class StationEvent:
    station: str                 # the station kind (stations.yaml): rpm, plate, face, booth, ...
    outcome: str                 # text id
    seconds: float = 0.0
    details: dict[str, Any] = field(default_factory=dict)


@dataclass
class CrossingStory:
    traveller: str
    seed: int | str
    lane: str
    events: list[StationEvent]
    people: list[PersonResult]
    decision: str                # text id: model.decision.*
    reason: str                  # text id: model.reason.*
    delay_seconds: float
    records: list[tuple[str, RecordEntry]]   # (who, record)

    def event(self, station: str) -> StationEvent | None:
        return next((e for e in self.events if e.station == station), None)


def _draw_capture(rng: random.Random, chance: CaptureChance) -> tuple[bool, bool, str | None]:
    """Draw each cause on its own; the first that blocks is the reported cause."""
    cause = None
    for c in chance.causes:
        if rng.random() < c.no_image and cause is None:
            cause = c.text
    if cause is not None:
        return False, False, cause
    for c in chance.causes:
        if rng.random() < c.poor_quality and cause is None:
            cause = c.text
    return True, cause is None, cause


def _people(traveller: Any) -> list[tuple[str, Any]]:
    return [("traveller", traveller)] + [(f"companion-{i}", o) for i, o in enumerate(traveller.companions)]


def _poisson(rng: random.Random, mean: float) -> int:
    if mean <= 0:
        return 0
    if mean > 50:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, k, p = math.exp(-mean), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def sample_crossing(model: Model, policy: Policy, traveller: Any, seed: int | str) -> CrossingStory:
    """A deterministic story for `traveller` (game.content.schema.Traveller) under `policy`."""
    rng = random.Random(f"{seed}:{traveller.id}")
    lane = traveller.lane
    if lane in ("street", "search"):
        return _beyond(model, policy, traveller, seed, rng)
    port = model.port
    t = policy_threshold(model, policy)
    profile = policy.effective_profile(model)
    events: list[StationEvent] = [StationEvent("queue", "model.outcome.queue.wait")]
    delay = 0.0
    if lane == "vehicle":
        if traveller.rpm_nuisance or rng.random() < port["rpm_nuisance_share"]:
            seconds = port["rpm_check_minutes"] * 60.0
            delay += seconds
            events.append(StationEvent("rpm", "model.outcome.rpm.nuisance", seconds,
                                       {"own_treatment": bool(traveller.rpm_nuisance)}))
        else:
            events.append(StationEvent("rpm", "model.outcome.rpm.clear"))
        driver = next((who for who, p in _people(traveller) if p.seat == "driver"), None)
        events.append(StationEvent("plate", "model.outcome.plate.driver-photo" if driver else
                                   "model.outcome.plate.plate-only", details={"driver": driver}))
    camera_on = lane != "outbound" or policy.outbound_capture
    placement = {"vehicle": policy.placement, "outbound": "windshield", "pedestrian": "in_motion"}[lane]
    people: list[PersonResult] = []
    for who, p in _people(traveller):
        people.append(_face(model, policy, rng, who, p, traveller, lane, placement, t, profile, camera_on))
    if camera_on:
        face_outcome = ("model.outcome.face.all-matched" if all(r.matched for r in people)
                        else "model.outcome.face.some-unmatched")
    else:
        face_outcome = "model.outcome.face.no-outbound-camera"
    events.append(StationEvent("face", face_outcome, details={"threshold": t, "profile": profile,
                                                              "placement": placement}))
    decision, reason = "model.decision.released", "model.reason.all-matched"
    if lane == "outbound":
        decision = "model.decision.left"
        reason = "model.reason.outbound-no-stop" if camera_on else "model.reason.outbound-no-camera"
    else:
        checks = 0
        secondary_reason = None
        for r in people:
            if r.matched is False or r.matched is None:
                checks += 1
            if r.matched is None and policy.capture_failure == "mandatory_secondary":
                secondary_reason = secondary_reason or "model.reason.capture-failure-secondary"
            elif r.impostor and r.matched is False and rng.random() < port["catch_after_nonmatch"]:
                secondary_reason = "model.reason.impostor-caught"
            elif r.impostor and r.matched is None and rng.random() < port["catch_by_manual_check"]:
                secondary_reason = "model.reason.impostor-caught"
            elif not r.impostor and r.matched is False and rng.random() < port["nonmatch_to_secondary"]:
                secondary_reason = secondary_reason or "model.reason.nonmatch-referred"
        seconds = port["booth_seconds"] + checks * port["manual_check_seconds"]
        saved = port["sentri_seconds_saved"] if traveller.sentri and lane == "vehicle" else 0.0
        rfid = model.document_rfid.get(traveller.document, False)
        booth = "booth" if lane == "vehicle" else "counter"
        events.append(StationEvent(booth, "model.outcome.booth.manual-check" if checks else "model.outcome.booth.checked",
                                   seconds - saved, {"rfid": rfid, "sentri": bool(traveller.sentri),
                                                     "sentri_seconds_saved": saved, "manual_checks": checks}))
        delay += checks * port["manual_check_seconds"]  # extra time; SENTRI's saving is in the booth event
        if lane == "pedestrian":
            events.append(StationEvent("xray", "model.outcome.xray.bags"))
        if secondary_reason:
            decision, reason = "model.decision.secondary", secondary_reason
            delay += port["secondary_minutes"] * 60.0
        elif any(r.impostor for r in people):
            reason = "model.reason.impostor-missed"
        elif checks:
            reason = "model.reason.manual-check-cleared"
    events.append(StationEvent("decision", decision, details={"reason": reason}))
    records = _records(model, policy, people, lane, camera_on)
    return CrossingStory(traveller.id, seed, lane, events, people, decision, reason, delay, records)


def _face(model: Model, policy: Policy, rng: random.Random, who: str, p: Any, traveller: Any, lane: str,
          placement: str, t: float, profile: str, camera_on: bool) -> PersonResult:
    group = p.group or model.groups[0]
    seat = getattr(p, "seat", None)
    impostor = bool(traveller.impostor) and who == "traveller"
    chance = occupant_capture(model, seat, lane, traveller.conditions, p.behaviour, placement)
    if not camera_on:
        return PersonResult(who, seat, p.category, group, impostor, chance, False, False, None, False, None, t,
                            None, "model.outcome.face.no-camera")
    captured, ok, cause = _draw_capture(rng, chance)
    retaken = False
    level = chance.quality_level
    if not ok and policy.capture_failure == "retake" and lane == "vehicle":
        retaken = True
        second = occupant_capture(model, seat, lane, traveller.conditions, p.behaviour, "booth")
        captured2, ok, cause2 = _draw_capture(rng, second)
        captured = captured or captured2
        level = second.quality_level
        cause = None if ok else cause2
    if not ok:
        outcome = "model.outcome.face.no-image" if not captured else "model.outcome.face.poor-quality"
        return PersonResult(who, seat, p.category, group, impostor, chance, captured, False, cause, retaken,
                            None, t, None, outcome)
    if rng.random() < model.no_gallery_share:  # the document's photo is missing: nothing to compare with
        return PersonResult(who, seat, p.category, group, impostor, chance, True, True,
                            "model.outcome.face.no-gallery", retaken, None, t, False, "model.outcome.face.no-gallery")
    age = p.face.age
    if impostor:
        mean, sd = impostor_curve(model, group, profile, age, lookalike=True)
    else:
        mean, sd = genuine_curve(model, group, p.photo_age_years, level, p.behaviour, profile, age)
    score = rng.gauss(mean, sd)
    matched = score >= t
    return PersonResult(who, seat, p.category, group, impostor, chance, True, True, None, retaken, score, t,
                        matched, "model.outcome.face.match" if matched else "model.outcome.face.non-match")


def _records(model: Model, policy: Policy, people: list[PersonResult], lane: str,
             photo_taken: bool) -> list[tuple[str, RecordEntry]]:
    out = []
    for r in people:
        for e in records_for(model, policy, r.category, lane):
            if e.photo and not (photo_taken and r.quality_ok):
                continue
            out.append((r.who, e))
    return out


def _beyond(model: Model, policy: Policy, traveller: Any, seed: int | str, rng: random.Random) -> CrossingStory:
    """A street scan with the phone app, or a one-to-many search of scraped photos."""
    s = model.search
    lane = traveller.lane
    profile = model.option("profile", policy.profile).profile or policy.profile  # the port's audit does not apply
    group = traveller.group or model.groups[0]
    t_s = threshold_for_fmr(model, s["search_fmr"])
    fmr = s["search_fmr"] * group_fmr_ratio(model, group, profile)
    chance = occupant_capture(model, None, lane, traveller.conditions, traveller.behaviour, "phone")
    base = PersonResult("traveller", None, traveller.category, group, bool(traveller.impostor), chance, False,
                        False, None, False, None, t_s, None, "model.outcome.face.no-camera")
    if lane == "street":
        allowed = policy.field_scans != "banned"
        declined = policy.field_scans == "consent_opt_out" and rng.random() < s["opt_out_share"]
        if not allowed or declined:
            outcome = "model.outcome.street.no-scan" if not allowed else "model.outcome.street.declined"
            events = [StationEvent("street", outcome), StationEvent("decision", "model.decision.walked-on")]
            return CrossingStory(traveller.id, seed, lane, events, [base], "model.decision.walked-on",
                                 "model.reason.no-scan", 0.0, [])
        gallery, in_gallery = s["street_gallery"], traveller.category != "citizen"
    else:
        if policy.one_to_many == "banned":
            events = [StationEvent("search", "model.outcome.search.banned"),
                      StationEvent("decision", "model.decision.not-searched")]
            return CrossingStory(traveller.id, seed, lane, events, [base], "model.decision.not-searched",
                                 "model.reason.search-banned", 0.0, [])
        gallery, in_gallery = s["scraped_gallery"], True
    captured, ok, cause = _draw_capture(rng, chance)
    score = matched = None
    if ok and in_gallery:
        mean, sd = genuine_curve(model, group, traveller.photo_age_years, chance.quality_level,
                                 traveller.behaviour, profile, traveller.face.age)
        score = rng.gauss(mean, sd)
        matched = score >= t_s
    false_candidates = _poisson(rng, gallery * fmr) if ok else 0
    reviewed_out = 0
    if lane == "search" and policy.one_to_many == "human_review":
        reviewed_out = sum(rng.random() < s["human_review_catch"] for _ in range(min(false_candidates, 10_000)))
        if false_candidates > 10_000:
            reviewed_out = round(false_candidates * reviewed_out / 10_000)
    acted_on = false_candidates - reviewed_out
    person = PersonResult("traveller", None, traveller.category, group, bool(traveller.impostor), chance,
                          captured, ok, cause, False, score, t_s, matched,
                          "model.outcome.face.match" if matched else
                          ("model.outcome.face.non-match" if ok else
                           ("model.outcome.face.no-image" if not captured else "model.outcome.face.poor-quality")))
    details = {"gallery": gallery, "fmr": fmr, "expected_false_candidates": gallery * fmr,
               "false_candidates": false_candidates, "rejected_by_review": reviewed_out,
               "in_gallery": in_gallery}
    if lane == "street":
        outcome = "model.outcome.street.scanned"
        if matched:
            decision, reason = "model.decision.identified", "model.reason.street-identified"
        elif acted_on:
            decision, reason = "model.decision.held", "model.reason.street-false-candidate"
        else:
            decision, reason = "model.decision.held", "model.reason.street-no-match-held"
    else:
        outcome = "model.outcome.search.searched"
        if acted_on:
            decision, reason = "model.decision.named", "model.reason.search-false-lead"
        elif matched:
            decision, reason = "model.decision.identified", "model.reason.search-identified"
        else:
            decision, reason = "model.decision.not-found", "model.reason.search-nothing"
    events = [StationEvent(lane, outcome, details=details), StationEvent("decision", decision, details={"reason": reason})]
    records = [("traveller", e) for e in records_for(model, policy, traveller.category, lane)
               if not e.photo or captured]
    return CrossingStory(traveller.id, seed, lane, events, [person], decision, reason, 0.0, records)
