"""A year at the port: expected counts in closed form, and a seeded sampler with the same odds.

The closed form never loops over travellers. The reference traffic mix makes occupants of one
seat and condition independent draws from the same mix of (group, age, behaviour, photo age),
so every count is a weighted sum over a few small tables: per placement, seat and condition the
chance of a usable image; per quality level, behaviour, group and age the chance of a false
non-match (already averaged over photo age). A vehicle goes to secondary if any occupant does:
1 - product over seats of (1 - that seat's chance).
"""
from __future__ import annotations

import random
from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from itertools import accumulate
from typing import Any

from .capture import _occupant_behaviours, image_chance, usable_chance
from .matching import fmr_at, one_to_many, policy_threshold, threshold_for_fmr
from .model import CATEGORIES, HOURS_PER_YEAR, Model, phi
from .policy import Policy
from .records import records_for

HORIZONS: dict[str, float] = {"day-1": 24.0, "year-1": HOURS_PER_YEAR, "years-10": 10 * HOURS_PER_YEAR,
                              "years-75": 75 * HOURS_PER_YEAR}
_CACHE_LIMIT = 512


def _memo(model: Model, key: Any, make):
    value = model.cache.get(key)
    if value is None:
        if len(model.cache) > _CACHE_LIMIT:
            model.cache.clear()
        value = model.cache[key] = make()
    return value


# -- tables that depend only on the model (built once) ----------------------------------------
@dataclass(frozen=True)
class _SeatCell:
    """One seat in one condition under one placement: occupant kinds with weights and chances."""

    # (weight, age, behaviour or None, image chance, usable chance) per occupant kind, groups aside
    kinds: tuple[tuple[float, str, str | None, float, float], ...]
    quality_level: str


def _seat_cells(model: Model, place: str) -> dict[tuple[str, str], _SeatCell]:
    def make():
        cells = {}
        older = model.older_share
        for s in model.seat_order:
            for c in model.condition_share:
                kinds = []
                for b, w in _occupant_behaviours(model, s):
                    ages = (("child", 1.0),) if b == "child_height" else (("adult", 1.0 - older), ("older", older))
                    img = image_chance(model, place, s, c, b)
                    use = usable_chance(model, place, s, c, b)
                    for a, wa in ages:
                        if w * wa:
                            kinds.append((w * wa, a, b, img, use))
                cells[s, c] = _SeatCell(tuple(kinds), model.quality_level(place, c))
        return cells
    key = ("cells", place)
    if key not in model.tables:
        model.tables[key] = make()
    return model.tables[key]


def _miss_table(model: Model, t: float, profile: str) -> dict[tuple[str, str | None, str, str], float]:
    """FNMR averaged over photo age, keyed by (quality level, behaviour, group, age)."""
    def make():
        table = {}
        sd = model.spread
        base = model.genuine_mean
        bins = model.photo_bins
        slope = model.photo_age_slope
        ref = model.photo_age_reference
        for q, qs in model.quality_shift.items():
            for b in (None, "hat", "sunglasses", "looking_down", "mask", "child_height"):
                occ = model.occlusion_shift[b] if b else 0.0
                for g in model.groups:
                    for a in (("child",) if b == "child_height" else ("adult", "older")):
                        mu0 = base + qs + occ + model.shifts[profile][g][a][1]
                        table[q, b, g, a] = sum(w * phi((t - mu0 - slope * (y - ref)) / sd) for w, y in bins)
        return table
    return _memo(model, ("miss", t, profile), make)


# -- the prepared per-seat figures for one policy ------------------------------------------------
@dataclass
class _Prepared:
    t: float
    profile: str
    # per (seat, condition): expected usable, image, and per group expected usable-and-missed
    usable: dict[tuple[str, str], float]
    image: dict[tuple[str, str], float]
    miss: dict[tuple[str, str], dict[str, float]]
    retake_usable: dict[tuple[str, str], float]
    retake_miss: dict[tuple[str, str], dict[str, float]]
    catch: dict[tuple[str, str], dict[str, float]]   # chance an impostor of the group is caught
    secondary: dict[tuple[str, str], dict[str, float]]  # chance this occupant sends the car to secondary
    delay: dict[tuple[str, str], dict[str, float]]  # expected seconds of booth checks this occupant causes


def _prepare(model: Model, policy: Policy) -> _Prepared:
    t = policy_threshold(model, policy)
    profile = policy.effective_profile(model)
    key = ("prepared", t, profile, policy.placement, policy.capture_failure)
    return _memo(model, key, lambda: _build(model, t, profile, policy.placement, policy.capture_failure))


def _build(model: Model, t: float, profile: str, place: str, failure: str) -> _Prepared:
    cells = _seat_cells(model, place)
    booth = _seat_cells(model, "booth") if failure == "retake" else None
    miss = _miss_table(model, t, profile)
    groups = model.groups
    port = model.port
    c_sec, c_man, c_alert = port["catch_in_secondary"], port["catch_by_manual_check"], port["catch_after_nonmatch"]
    to_sec = port["nonmatch_to_secondary"]
    sd = model.spread
    passes = {(g, a): fmr_at(t, model.impostor_mean + model.shifts[profile][g][a][0] + model.lookalike_shift, sd)
              for g in groups for a in ("adult", "older", "child")}
    P = _Prepared(t, profile, {}, {}, {}, {}, {}, {}, {}, {})
    for key, cell in cells.items():
        q = cell.quality_level
        e_use = e_img = 0.0
        m = dict.fromkeys(groups, 0.0)
        rm = dict.fromkeys(groups, 0.0)
        catch = dict.fromkeys(groups, 0.0)
        e_retake = e_fail = 0.0
        bcell = booth[key] if booth else None
        for i, (w, a, b, img, use) in enumerate(cell.kinds):
            e_use += w * use
            e_img += w * img
            if bcell:
                use2 = bcell.kinds[i][4]
                r = (1.0 - use) * use2
                f = (1.0 - use) * (1.0 - use2)
            else:
                use2 = r = 0.0
                f = 1.0 - use
            e_retake += w * r
            e_fail += w * f
            for g in groups:
                m[g] += w * use * miss[q, b, g, a]
                if bcell:
                    rm[g] += w * r * miss[bcell.quality_level, b, g, a]
                caught_match = (use + r) * (1.0 - passes[g, a]) * c_alert
                caught_fail = f * (c_sec if failure == "mandatory_secondary" else c_man)
                catch[g] += w * (caught_match + caught_fail)
        P.usable[key] = e_use
        P.image[key] = e_img
        P.miss[key] = m
        P.retake_usable[key] = e_retake
        P.retake_miss[key] = rm
        P.catch[key] = catch
        fail_to_secondary = e_fail if failure == "mandatory_secondary" else 0.0
        P.secondary[key] = {g: (m[g] + rm[g]) * to_sec + fail_to_secondary for g in groups}
        checks = e_fail * port["manual_check_seconds"] if failure != "mandatory_secondary" else 0.0
        if failure == "retake":
            checks += (1.0 - e_use) * port["retake_seconds"]
        # a non-match sends the officer to a manual check at the booth
        P.delay[key] = {g: checks + (m[g] + rm[g]) * port["manual_check_seconds"] for g in groups}
    return P


# -- the year ---------------------------------------------------------------------------------------
@dataclass
class GroupYear:
    people: float = 0.0
    faces_captured: float = 0.0
    capture_failures: float = 0.0
    false_non_matches: float = 0.0
    referrals: float = 0.0          # times this group's own result sent a vehicle to secondary
    people_in_secondary: float = 0.0  # people of this group who waited in secondary (own or companion's result)
    delay_hours: float = 0.0
    impostors: float = 0.0
    impostors_caught: float = 0.0
    impostors_missed: float = 0.0
    fnmr: float = 0.0               # false non-matches per usable image
    fmr: float = 0.0                # a random stranger's chance to pass as this group's document holder
    photos_held: dict[str, float] = field(default_factory=dict)


@dataclass
class PortYear:
    """Expected counts for `days` of traffic under one policy. Figures are floats (expectations)."""

    days: float
    threshold: float
    target_fmr: float | None
    profile: str
    placement: str
    vehicles: float
    people: float
    faces_captured: float
    capture_failures: float
    false_non_matches: float
    vehicles_to_secondary: float
    people_in_secondary: float
    delay_hours: float
    sentri_hours_saved: float
    impostors: float
    impostors_caught: float
    impostors_missed: float
    all_captured_share: float
    all_usable_share: float
    photos_held: dict[str, dict[str, float]]
    records_readable: dict[str, float]
    by_group: dict[str, GroupYear]
    outbound: dict[str, float]
    beyond: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def port_year(model: Model, policy: Policy, days: float = 365.0) -> PortYear:
    P = _prepare(model, policy)
    place = policy.placement
    vehicles = model.traffic.vehicles_per_day.value * days
    groups = model.groups
    wg = model.group_share
    port = model.port
    rate = model.traffic.impostor_rate.value
    sec_s = port["secondary_minutes"] * 60.0

    people = faces = fails = fnm = v_sec = all_img = all_use = 0.0
    delay_s = 0.0
    gy = {g: GroupYear() for g in groups}
    order = model.seat_order
    for k, pk in model.occupancy.items():
        seats = order[:k]
        for c, pc in model.condition_share.items():
            n = vehicles * pk * pc
            if not n:
                continue
            qs = []
            prod_img = prod_use = 1.0
            vehicle_checks = 0.0
            for s in seats:
                key = s, c
                ps = P.secondary[key]
                qs.append(1.0 - sum(wg[g] * ps[g] for g in groups))
                prod_img *= P.image[key]
                prod_use *= P.usable[key]
                pd = P.delay[key]
                vehicle_checks += sum(wg[g] * pd[g] for g in groups)
            no_sec = 1.0
            for q in qs:
                no_sec *= q
            v_sec += n * (1.0 - no_sec)
            all_img += n * prod_img
            all_use += n * prod_use
            delay_s += n * k * (vehicle_checks + (1.0 - no_sec) * sec_s)
            for i, s in enumerate(seats):
                key = s, c
                others = 1.0
                for j, q in enumerate(qs):
                    if j != i:
                        others *= q
                use = P.usable[key] + P.retake_usable[key]
                for g in groups:
                    ng = n * wg[g]
                    y = gy[g]
                    y.people += ng
                    y.faces_captured += ng * use
                    y.capture_failures += ng * (1.0 - use)
                    miss = P.miss[key][g] + P.retake_miss[key][g]
                    y.false_non_matches += ng * miss
                    y.referrals += ng * P.secondary[key][g]
                    in_sec = 1.0 - (1.0 - P.secondary[key][g]) * others
                    y.people_in_secondary += ng * in_sec
                    y.delay_hours += ng * (vehicle_checks + in_sec * sec_s) / 3600.0
                    y.impostors += ng * rate
                    y.impostors_caught += ng * rate * P.catch[key][g]
    for g, y in gy.items():
        y.impostors_missed = y.impostors - y.impostors_caught
        y.fnmr = y.false_non_matches / y.faces_captured if y.faces_captured else 0.0
        y.fmr = fmr_at(P.t, model.impostor_mean + model.shifts[P.profile][g]["adult"][0], model.spread)
        people += y.people
        faces += y.faces_captured
        fails += y.capture_failures
        fnm += y.false_non_matches

    outbound = _outbound(model, policy, P, vehicles)
    photos_held, readable = _records(model, policy, people, faces, outbound)
    total_photos = {h: sum(sys_[h] for sys_ in photos_held.values()) for h in HORIZONS}
    for g, y in gy.items():
        y.photos_held = {h: total_photos[h] * wg[g] for h in HORIZONS}
    impostors = sum(y.impostors for y in gy.values())
    caught = sum(y.impostors_caught for y in gy.values())
    return PortYear(
        days=days, threshold=P.t,
        target_fmr=None if policy.threshold_score is not None else policy.target_fmr(model),
        profile=P.profile, placement=place, vehicles=vehicles, people=people, faces_captured=faces,
        capture_failures=fails, false_non_matches=fnm, vehicles_to_secondary=v_sec,
        people_in_secondary=sum(y.people_in_secondary for y in gy.values()),
        delay_hours=delay_s / 3600.0,
        sentri_hours_saved=vehicles * model.traffic.sentri_share.value * port["sentri_seconds_saved"] / 3600.0,
        impostors=impostors, impostors_caught=caught, impostors_missed=impostors - caught,
        all_captured_share=all_img / vehicles if vehicles else 0.0,
        all_usable_share=all_use / vehicles if vehicles else 0.0,
        photos_held=photos_held, records_readable=readable, by_group=gy, outbound=outbound,
        beyond=beyond_the_port(model, policy))


def _outbound(model: Model, policy: Policy, P: _Prepared, vehicles: float) -> dict[str, float]:
    months = policy.outbound_months(model)
    out = {"months": months, "vehicles": 0.0, "people": 0.0, "faces_captured": 0.0, "non_matches_flagged": 0.0}
    if not months:
        return out
    n_v = vehicles * model.traffic.outbound_per_inbound.value * months / 12.0
    # leaving lanes have no booth: the windshield camera only, and a non-match only flags the record
    cells = _seat_cells(model, "windshield")
    miss = _miss_table(model, P.t, P.profile)
    order = model.seat_order
    wg = model.group_share
    for k, pk in model.occupancy.items():
        for c, pc in model.condition_share.items():
            n = n_v * pk * pc
            out["vehicles"] += n
            for s in order[:k]:
                cell = cells[s, c]
                out["people"] += n
                for w, a, b, _img, use in cell.kinds:
                    out["faces_captured"] += n * w * use
                    out["non_matches_flagged"] += n * w * use * sum(wg[g] * miss[cell.quality_level, b, g, a]
                                                                    for g in model.groups)
    return out


def _records(model: Model, policy: Policy, people: float, faces: float,
             outbound: dict[str, float]) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    held = {s: dict.fromkeys(HORIZONS, 0.0) for s in model.records.systems}
    readable = dict.fromkeys(model.records.readers, 0.0)
    paths = (("vehicle", people, faces), ("outbound", outbound["people"], outbound["faces_captured"]))
    for path, n_people, n_faces in paths:
        if not n_people:
            continue
        for cat in CATEGORIES:
            share = model.category_share[cat]
            for e in records_for(model, policy, cat, path):
                count = (n_faces if e.photo else n_people) * share
                if e.photo:
                    for h, hours in HORIZONS.items():
                        if e.held_at(hours):
                            held[e.system][h] += count
                for r in e.readers:
                    readable[r] += count
    return held, readable


def group_fmr_ratio(model: Model, group: str, profile: str) -> float:
    """How many times the reference false-match rate this group sees, read where NIST's ratios were."""
    ref = model.search["ratio_reference_fmr"]
    t = threshold_for_fmr(model, ref)
    return fmr_at(t, model.impostor_mean + model.shifts[profile][group]["adult"][0], model.spread) / ref


def beyond_the_port(model: Model, policy: Policy) -> dict[str, Any]:
    """Street scans (per the lawsuit's 100,000) and one search of scraped photos, under the policy."""
    s = model.search
    t_s = threshold_for_fmr(model, s["search_fmr"])
    profile = policy.effective_profile(model)
    wg = model.group_share
    fmr_g = {g: s["search_fmr"] * group_fmr_ratio(model, g, profile) for g in model.groups}
    scans = s["field_scans"] * {"no_consent": 1.0, "consent_opt_out": 1.0 - s["opt_out_share"],
                                "banned": 0.0}[policy.field_scans]
    street = {"scans": scans, "declined": s["field_scans"] - scans if policy.field_scans == "consent_opt_out" else 0.0}
    p_any = sum(wg[g] * one_to_many(fmr_g[g], s["street_gallery"])[1] for g in model.groups)
    street["with_false_candidate"] = scans * p_any
    street["not_in_gallery_held"] = scans * (1.0 - s["street_in_gallery_share"])
    street["photos_kept_15_years"] = scans
    search_allowed = policy.one_to_many != "banned"
    acted = {"banned": 0.0, "human_review": 1.0 - s["human_review_catch"], "allowed": 1.0}[policy.one_to_many]
    per_group = {}
    for g in model.groups:
        expected, p1 = one_to_many(fmr_g[g], s["scraped_gallery"])
        per_group[g] = {"fmr": fmr_g[g], "false_candidates": expected if search_allowed else 0.0,
                        "p_at_least_one": p1 if search_allowed else 0.0,
                        "false_candidates_acted_on": expected * acted}
    return {"search_threshold": t_s, "street": street, "search": per_group,
            "gallery_street": s["street_gallery"], "gallery_scraped": s["scraped_gallery"]}


# -- the sampler: the same odds, drawn -------------------------------------------------------------
@dataclass
class SampleSummary:
    vehicles: int = 0
    people: int = 0
    faces_captured: int = 0
    capture_failures: int = 0
    false_non_matches: int = 0
    vehicles_to_secondary: int = 0
    people_in_secondary: int = 0
    all_captured: int = 0
    all_usable: int = 0
    by_group: dict[str, dict[str, int]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _sampling_tables(model: Model, policy: Policy):
    P = _prepare(model, policy)
    key = ("sampling", P.t, P.profile, policy.placement, policy.capture_failure)

    def make():
        cells = _seat_cells(model, policy.placement)
        booth = _seat_cells(model, "booth") if policy.capture_failure == "retake" else None
        miss = _miss_table(model, P.t, P.profile)
        tables = {}
        for key_, cell in cells.items():
            kinds, weights = [], []
            for i, (w, a, b, img, use) in enumerate(cell.kinds):
                use2 = booth[key_].kinds[i][4] if booth else 0.0
                q2 = booth[key_].quality_level if booth else cell.quality_level
                for g in model.groups:
                    weights.append(w * model.group_share[g])
                    kinds.append((g, img, use / img if img else 0.0, miss[cell.quality_level, b, g, a],
                                  use2, miss[q2, b, g, a]))
            tables[key_] = (list(accumulate(weights)), kinds)
        return tables
    return _memo(model, key, make)


def sample_vehicles(model: Model, policy: Policy, vehicles: int, rng: random.Random) -> SampleSummary:
    """Draw `vehicles` vehicles from the reference mix (occupants, condition, each person's
    group, age, behaviour and photo age) and count what happens; same odds as `port_year`."""
    tables = _sampling_tables(model, policy)
    mandatory = policy.capture_failure == "mandatory_secondary"
    retake = policy.capture_failure == "retake"
    to_sec = model.port["nonmatch_to_secondary"]
    occ_cum = list(accumulate(model.occupancy.values()))
    occ_keys = list(model.occupancy)
    cond_cum = list(accumulate(model.condition_share.values()))
    cond_keys = list(model.condition_share)
    order = model.seat_order
    out = SampleSummary(by_group={g: {"people": 0, "faces_captured": 0, "false_non_matches": 0,
                                      "people_in_secondary": 0} for g in model.groups})
    bg = out.by_group
    rand = rng.random
    people = faces = fnm = v_sec = p_sec = all_img = all_use = 0
    for _ in range(vehicles):
        k = occ_keys[min(bisect_right(occ_cum, rand() * occ_cum[-1]), len(occ_keys) - 1)]
        c = cond_keys[min(bisect_right(cond_cum, rand() * cond_cum[-1]), len(cond_keys) - 1)]
        secondary = False
        every_img = every_use = True
        members = []
        for s in order[:k]:
            cum, kinds = tables[s, c]
            g, img, q, f, use2, f2 = kinds[min(bisect_right(cum, rand() * cum[-1]), len(kinds) - 1)]
            members.append(g)
            usable = missed = False
            if rand() < img:
                if rand() < q:
                    usable = True
                    missed = rand() < f
            else:
                every_img = False
            if not usable:
                every_use = False
                if retake and rand() < use2:
                    usable = True
                    missed = rand() < f2
                elif mandatory:
                    secondary = True
            if usable:
                faces += 1
                bg[g]["faces_captured"] += 1
            if missed:
                fnm += 1
                bg[g]["false_non_matches"] += 1
                if rand() < to_sec:
                    secondary = True
        people += k
        for g in members:
            bg[g]["people"] += 1
        all_img += every_img
        all_use += every_use
        if secondary:
            v_sec += 1
            p_sec += k
            for g in members:
                bg[g]["people_in_secondary"] += 1
    out.vehicles, out.people, out.faces_captured = vehicles, people, faces
    out.capture_failures = people - faces
    out.false_non_matches, out.vehicles_to_secondary, out.people_in_secondary = fnm, v_sec, p_sec
    out.all_captured, out.all_usable = all_img, all_use
    return out
