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
from math import erfc
from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from itertools import accumulate
from typing import Any

from .capture import _occupant_behaviours, image_chance, usable_chance
from .matching import fmr_at, one_to_many, policy_threshold, threshold_for_fmr
from .model import CATEGORIES, HOURS_PER_YEAR, Model
from .policy import Policy
from .records import records_for

HORIZONS: dict[str, float] = {"hour-1": 1.0, "day-1": 24.0, "year-1": HOURS_PER_YEAR, "years-10": 10 * HOURS_PER_YEAR,
                              "years-75": 75 * HOURS_PER_YEAR}
_CACHE_LIMIT = 512


def _memo(model: Model, key: Any, make):
    value = model.cache.get(key)
    if value is None:
        if len(model.cache) > _CACHE_LIMIT:
            model.cache.clear()
        value = model.cache[key] = make()
    return value


def _table(model: Model, key: Any, make):
    """A per-model table: built once, never cleared (it does not depend on the policy)."""
    value = model.tables.get(key)
    if value is None:
        value = model.tables[key] = make()
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
    return _table(model, ("cells", place), make)


@dataclass(frozen=True)
class _Coefs:
    """Policy-free sums for one seat and condition: expected usable images and the weights
    that turn a table of miss rates into expected false non-matches."""

    first_usable: float
    image: float
    retake_usable: float   # no usable first image, a usable one from the booth camera
    fail: float            # no usable image in the end
    first: tuple[tuple[tuple[str, str | None, str], float], ...]   # ((quality, behaviour, age), weight)
    retake: tuple[tuple[tuple[str, str | None, str], float], ...]
    usable_by_age: tuple[tuple[str, float], ...]


def _coefs(model: Model, place: str, retake: bool) -> dict[tuple[str, str], _Coefs]:
    def make():
        cells = _seat_cells(model, place)
        booth = _seat_cells(model, "booth") if retake else None
        out = {}
        for key, cell in cells.items():
            first: dict = {}
            again: dict = {}
            by_age: dict = {}
            e_use = e_img = e_retake = e_fail = 0.0
            for i, (w, a, b, img, use) in enumerate(cell.kinds):
                use2 = booth[key].kinds[i][4] if booth else 0.0
                r = (1.0 - use) * use2
                e_use += w * use
                e_img += w * img
                e_retake += w * r
                e_fail += w * (1.0 - use) * (1.0 - use2)
                k1 = (cell.quality_level, b, a)
                first[k1] = first.get(k1, 0.0) + w * use
                if booth:
                    k2 = (booth[key].quality_level, b, a)
                    again[k2] = again.get(k2, 0.0) + w * r
                by_age[a] = by_age.get(a, 0.0) + w * (use + r)
            out[key] = _Coefs(e_use, e_img, e_retake, e_fail, tuple(first.items()), tuple(again.items()),
                              tuple(by_age.items()))
        return out
    return _table(model, ("coefs", place, retake), make)


def _miss_rows(model: Model, t: float, profile: str) -> dict[tuple[str, str | None, str], tuple[float, ...]]:
    """Chance a usable image is not matched, per (quality level, behaviour, age), one value per group:
    no photo in the gallery, or a genuine score below the threshold (averaged over photo age)."""
    def make():
        rows = {}
        no_photo = model.no_gallery_share
        sd = model.spread
        half_root = 0.7071067811865476 / sd
        bins = [(w, model.photo_age_slope * (y - model.photo_age_reference)) for w, y in model.photo_bins]
        shifts = model.shifts[profile]
        for q, qs in model.quality_shift.items():
            for b in (None, "hat", "sunglasses", "looking_down", "mask", "child_height"):
                occ = model.occlusion_shift[b] if b else 0.0
                for a in (("child",) if b == "child_height" else ("adult", "older")):
                    row = []
                    for g in model.groups:
                        gap = t - (model.genuine_mean + qs + occ + shifts[g][a][1])
                        score_miss = sum(w * 0.5 * erfc((shift - gap) * half_root) for w, shift in bins)
                        row.append(no_photo + (1.0 - no_photo) * score_miss)
                    rows[q, b, a] = tuple(row)
        return rows
    return _memo(model, ("miss", t, profile), make)


def _miss_table(model: Model, t: float, profile: str) -> dict[tuple[str, str | None, str, str], float]:
    """The same table keyed by (quality level, behaviour, group, age), for the sampler."""
    rows = _miss_rows(model, t, profile)
    return {(q, b, g, a): row[i] for (q, b, a), row in rows.items() for i, g in enumerate(model.groups)}


# -- the prepared per-seat figures for one policy ------------------------------------------------
@dataclass
class _Prepared:
    """Per (seat, condition): expected chances for one occupant, per group in model.groups order."""

    t: float
    profile: str
    first_usable: dict[tuple[str, str], float]
    usable: dict[tuple[str, str], float]        # after any retake
    image: dict[tuple[str, str], float]
    miss_first: dict[tuple[str, str], list[float]]
    miss: dict[tuple[str, str], list[float]]    # usable and wrongly not matched (any camera)
    secondary: dict[tuple[str, str], list[float]]  # this occupant sends the car to secondary
    delay: dict[tuple[str, str], list[float]]   # seconds of booth checks this occupant causes
    catch: dict[tuple[str, str], list[float]]   # an impostor of the group is caught


def _prepare(model: Model, policy: Policy, place: str | None = None, failure: str | None = None) -> _Prepared:
    t = policy_threshold(model, policy)
    profile = policy.effective_profile(model)
    place = place or policy.placement
    failure = failure or policy.capture_failure
    return _memo(model, ("prepared", t, profile, place, failure),
                 lambda: _build(model, t, profile, place, failure))


def _build(model: Model, t: float, profile: str, place: str, failure: str) -> _Prepared:
    retake = failure == "retake"
    mandatory = failure == "mandatory_secondary"
    coefs = _coefs(model, place, retake)
    rows = _miss_rows(model, t, profile)
    G = range(len(model.groups))
    port = model.port
    c_sec, c_man, c_alert = port["catch_in_secondary"], port["catch_by_manual_check"], port["catch_after_nonmatch"]
    to_sec, check_s, retake_s = port["nonmatch_to_secondary"], port["manual_check_seconds"], port["retake_seconds"]
    shifts = model.shifts[profile]
    caught_if_failed = c_sec if mandatory else c_man
    # an impostor is flagged when the document's holder has no gallery photo, or the lookalike's score misses
    no_photo = model.no_gallery_share
    stopped = {a: [no_photo + (1.0 - no_photo) * (1.0 - fmr_at(t, model.impostor_mean + shifts[g][a][0]
                                                               + model.lookalike_shift, model.spread))
                   for g in model.groups] for a in ("adult", "older", "child")}
    P = _Prepared(t, profile, {}, {}, {}, {}, {}, {}, {}, {})
    for key, cf in coefs.items():
        m1 = [0.0] * len(G)
        for k, w in cf.first:
            row = rows[k]
            for i in G:
                m1[i] += w * row[i]
        m = list(m1)
        for k, w in cf.retake:
            row = rows[k]
            for i in G:
                m[i] += w * row[i]
        catch = [cf.fail * caught_if_failed] * len(G)
        for a, u in cf.usable_by_age:
            st = stopped[a]
            for i in G:
                catch[i] += u * st[i] * c_alert
        fail = cf.fail if retake else 1.0 - cf.first_usable
        base_delay = 0.0 if mandatory else fail * check_s
        if retake:
            base_delay += (1.0 - cf.first_usable) * retake_s
        P.first_usable[key] = cf.first_usable
        P.usable[key] = cf.first_usable + cf.retake_usable
        P.image[key] = cf.image
        P.miss_first[key] = m1
        P.miss[key] = m
        P.secondary[key] = [x * to_sec + (fail if mandatory else 0.0) for x in m]
        P.delay[key] = [base_delay + x * check_s for x in m]  # a non-match means a manual check too
        P.catch[key] = catch
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
    records_readable: dict[str, float] = field(default_factory=dict)


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


def _seat_volumes(model: Model, vehicles: float) -> dict[tuple[str, str], float]:
    """People expected in each seat and condition, for `vehicles` vehicles."""
    out = {}
    for rank, s in enumerate(model.seat_order):
        filled = sum(p for k, p in model.occupancy.items() if k > rank)
        for c, pc in model.condition_share.items():
            out[s, c] = vehicles * filled * pc
    return out


def port_year(model: Model, policy: Policy, days: float = 365.0) -> PortYear:
    P = _prepare(model, policy)
    vehicles = model.traffic.vehicles_per_day.value * days
    groups = model.groups
    G = range(len(groups))
    wg = [model.group_share[g] for g in groups]
    port = model.port
    rate = model.traffic.impostor_rate.value
    sec_s = port["secondary_minutes"] * 60.0

    # linear in the number of people in each seat and condition
    people_g = [0.0] * len(G)
    faces_g, miss_g, ref_g, caught_g = ([0.0] * len(G) for _ in range(4))
    for key, n in _seat_volumes(model, vehicles).items():
        use, miss, sec, catch = P.usable[key], P.miss[key], P.secondary[key], P.catch[key]
        for i in G:
            ng = n * wg[i]
            people_g[i] += ng
            faces_g[i] += ng * use
            miss_g[i] += ng * miss[i]
            ref_g[i] += ng * sec[i]
            caught_g[i] += ng * rate * catch[i]
    # a vehicle goes to secondary if anyone in it does: products over its seats
    in_sec_g = [0.0] * len(G)
    delay_g = [0.0] * len(G)
    v_sec = all_img = all_use = delay_s = 0.0
    qbar = {key: 1.0 - sum(w * x for w, x in zip(wg, sec)) for key, sec in P.secondary.items()}
    dbar = {key: sum(w * x for w, x in zip(wg, d)) for key, d in P.delay.items()}
    order = model.seat_order
    for k, pk in model.occupancy.items():
        seats = order[:k]
        for c, pc in model.condition_share.items():
            n = vehicles * pk * pc
            if not n:
                continue
            keys = [(s, c) for s in seats]
            qs = [qbar[key] for key in keys]
            no_sec = prod_img = prod_use = 1.0
            checks = 0.0
            for key, q in zip(keys, qs):
                no_sec *= q
                prod_img *= P.image[key]
                prod_use *= P.first_usable[key]
                checks += dbar[key]
            v_sec += n * (1.0 - no_sec)
            all_img += n * prod_img
            all_use += n * prod_use
            delay_s += n * k * (checks + (1.0 - no_sec) * sec_s)
            for j, key in enumerate(keys):
                others = 1.0
                for jj, q in enumerate(qs):
                    if jj != j:
                        others *= q
                sec = P.secondary[key]
                for i in G:
                    in_sec = 1.0 - (1.0 - sec[i]) * others
                    in_sec_g[i] += n * wg[i] * in_sec
                    delay_g[i] += n * wg[i] * (checks + in_sec * sec_s)

    outbound = _outbound(model, policy, vehicles)
    people, faces = sum(people_g), sum(faces_g)
    beyond = beyond_the_port(model, policy)
    photos_held, readable = _records(model, policy, people, faces, outbound, beyond)
    total_photos = {h: sum(held[h] for held in photos_held.values()) for h in HORIZONS}
    by_group = {}
    for i, g in enumerate(groups):
        impostors = people_g[i] * rate
        by_group[g] = GroupYear(
            people=people_g[i], faces_captured=faces_g[i], capture_failures=people_g[i] - faces_g[i],
            false_non_matches=miss_g[i], referrals=ref_g[i], people_in_secondary=in_sec_g[i],
            delay_hours=delay_g[i] / 3600.0, impostors=impostors, impostors_caught=caught_g[i],
            impostors_missed=impostors - caught_g[i], fnmr=miss_g[i] / faces_g[i] if faces_g[i] else 0.0,
            fmr=fmr_at(P.t, model.impostor_mean + model.shifts[P.profile][g]["adult"][0], model.spread),
            photos_held={h: total_photos[h] * wg[i] for h in HORIZONS},
            records_readable={r: n * wg[i] for r, n in readable.items()})
    impostors, caught = people * rate, sum(caught_g)
    return PortYear(
        days=days, threshold=P.t,
        target_fmr=None if policy.threshold_score is not None else policy.target_fmr(model),
        profile=P.profile, placement=policy.placement, vehicles=vehicles, people=people, faces_captured=faces,
        capture_failures=people - faces, false_non_matches=sum(miss_g), vehicles_to_secondary=v_sec,
        people_in_secondary=sum(in_sec_g), delay_hours=delay_s / 3600.0,
        sentri_hours_saved=vehicles * model.traffic.sentri_share.value * port["sentri_seconds_saved"] / 3600.0,
        impostors=impostors, impostors_caught=caught, impostors_missed=impostors - caught,
        all_captured_share=all_img / vehicles if vehicles else 0.0,
        all_usable_share=all_use / vehicles if vehicles else 0.0,
        photos_held=photos_held, records_readable=readable, by_group=by_group, outbound=outbound,
        beyond=beyond)


def _outbound(model: Model, policy: Policy, vehicles: float) -> dict[str, float]:
    months = policy.outbound_months(model)
    out = {"months": months, "vehicles": 0.0, "people": 0.0, "faces_captured": 0.0, "non_matches_flagged": 0.0}
    if not months:
        return out
    # leaving lanes have no booth: the windshield camera only, and a non-match only flags the record
    P = _prepare(model, policy, "windshield", "manual_check")
    out_vehicles = vehicles * model.traffic.outbound_per_inbound.value * months / 12.0
    wg = [model.group_share[g] for g in model.groups]
    out["vehicles"] = out_vehicles
    for key, n in _seat_volumes(model, out_vehicles).items():
        out["people"] += n
        out["faces_captured"] += n * P.first_usable[key]
        out["non_matches_flagged"] += n * sum(w * x for w, x in zip(wg, P.miss_first[key]))
    return out


def _records(model: Model, policy: Policy, people: float, faces: float, outbound: dict[str, float],
             beyond: dict[str, Any]) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """Face photo copies held at each horizon, across all systems: the port's year plus the street scans
    and the search the game follows (one photo kept each). Records each reader may see: the port only."""
    held = {s: dict.fromkeys(HORIZONS, 0.0) for s in model.records.systems}
    readable = dict.fromkeys(model.records.readers, 0.0)
    scans, searches = beyond["street"]["scans"], beyond["searches"]
    paths = (("vehicle", people, faces), ("outbound", outbound["people"], outbound["faces_captured"]),
             ("street", scans, scans), ("search", searches, searches))
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
                if path in ("vehicle", "outbound"):
                    for r in e.readers:
                        readable[r] += count
    return held, readable


def group_fmr_ratio(model: Model, group: str, profile: str) -> float:
    """How many times the reference false-match rate this group sees, where NIST read its ratios."""
    return model.ratios[profile][group]["adult"]


def beyond_the_port(model: Model, policy: Policy) -> dict[str, Any]:
    """Street scans (the lawsuit's running total of 100,000, not a year) and one search of scraped images.

    These use other agencies' matchers: the board's audit covers the port's matcher only, so the
    algorithm profile here is the player's choice without the audit's override. One search is of one
    face, of one group: its expected strangers are weighted by the group shares, never added up."""
    s = model.search
    t_s = threshold_for_fmr(model, s["search_fmr"])
    profile = model.option("profile", policy.profile).profile or policy.profile
    wg = model.group_share
    fmr_g = {g: s["search_fmr"] * group_fmr_ratio(model, g, profile) for g in model.groups}
    scans = s["field_scans"] * {"no_consent": 1.0, "consent_opt_out": 1.0 - s["opt_out_share"],
                                "banned": 0.0}[policy.field_scans]
    street = {"scans": scans, "declined": s["field_scans"] - scans if policy.field_scans == "consent_opt_out" else 0.0}
    p_any = sum(wg[g] * one_to_many(fmr_g[g], s["street_gallery"])[1] for g in model.groups)
    street["with_false_candidate"] = scans * p_any
    street["not_in_gallery_held"] = scans * (1.0 - s["street_in_gallery_share"])
    search_allowed = policy.one_to_many != "banned"
    acted = {"banned": 0.0, "human_review": 1.0 - s["human_review_catch"], "allowed": 1.0}[policy.one_to_many]
    per_group = {}
    for g in model.groups:
        expected, p1 = one_to_many(fmr_g[g], s["scraped_gallery"])
        per_group[g] = {"fmr": fmr_g[g], "false_candidates": expected if search_allowed else 0.0,
                        "p_at_least_one": p1 if search_allowed else 0.0,
                        "false_candidates_acted_on": expected * acted}
    one_search = {key: sum(wg[g] * per_group[g][key] for g in model.groups)
                  for key in ("false_candidates", "p_at_least_one", "false_candidates_acted_on")}
    return {"search_threshold": t_s, "profile": profile, "street": street, "search": per_group,
            "one_search": one_search, "searches": 1.0 if search_allowed else 0.0,
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
