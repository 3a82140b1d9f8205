"""Matching: genuine and impostor scores as normal curves; error rates in closed form.

Impostor scores ~ Normal(impostor_mean + group shift, spread); genuine ~ Normal(mu, spread), with mu
moved by photo age, capture quality, occlusion and the group's differential under an algorithm
profile. A group's shifts are NIST's algorithm-dependent ranges, never a fact about a person.
Tails use erfc so rates down to 1e-300 keep their precision; thresholds use NormalDist.inv_cdf.
"""
from __future__ import annotations

import math
from statistics import NormalDist
from typing import Iterable

from .model import Model, phi
from .policy import Policy

_STD = NormalDist()


def _profile(model: Model, policy: Policy | None, profile: str | None) -> str:
    if profile is not None:
        return profile
    if policy is not None:
        return policy.effective_profile(model)
    return model.policy_fields["profile"].default


def impostor_curve(model: Model, group: str, profile: str | None = None, age: str = "adult",
                   lookalike: bool = False) -> tuple[float, float]:
    """(mean, sd) of impostor scores against someone of `group` (a lookalike impostor scores higher)."""
    p = _profile(model, None, profile)
    mean = model.impostor_mean + model.shifts[p][group][age][0]
    if lookalike:
        mean += model.lookalike_shift
    return mean, model.spread


def genuine_curve(model: Model, group: str, photo_age_years: float = 2.0, quality: str = "good",
                  occlusion: Iterable[str] = (), profile: str | None = None,
                  age: str = "adult") -> tuple[float, float]:
    """(mean, sd) of genuine scores: a face against the person's own document photo."""
    p = _profile(model, None, profile)
    mu = (model.genuine_mean + model.quality_shift[quality]
          + sum(model.occlusion_shift[b] for b in occlusion)
          + model.photo_age_slope * (photo_age_years - model.photo_age_reference) + model.shifts[p][group][age][1])
    return mu, model.spread


def threshold_for_fmr(model: Model, fmr: float, group: str | None = None, profile: str | None = None,
                      age: str = "adult") -> float:
    """The score threshold at which impostors of `group` (default: the reference curve) pass with rate `fmr`."""
    if not 0.0 < fmr < 1.0:
        raise ValueError(f"a false-match rate must lie between 0 and 1; got {fmr}")
    mean = model.impostor_mean if group is None else impostor_curve(model, group, profile, age)[0]
    return mean - model.spread * _STD.inv_cdf(fmr)


def policy_threshold(model: Model, policy: Policy) -> float:
    """The score threshold a policy sets: its own score if given, else the one for its target FMR."""
    if policy.threshold_score is not None:
        return float(policy.threshold_score)
    key = ("threshold", policy.threshold)
    if key not in model.cache:
        model.cache[key] = threshold_for_fmr(model, policy.target_fmr(model))
    return model.cache[key]


def fnmr_at(threshold: float, mean: float, sd: float = 1.0) -> float:
    """Chance a genuine score falls below the threshold."""
    return phi((threshold - mean) / sd)


def fmr_at(threshold: float, mean: float, sd: float = 1.0) -> float:
    """Chance an impostor score reaches the threshold."""
    return phi((mean - threshold) / sd)


def match_rates(model: Model, policy_or_threshold: Policy | float, group: str, photo_age_years: float = 2.0,
                quality: str = "good", occlusion: Iterable[str] = (), profile: str | None = None,
                age: str = "adult") -> tuple[float, float]:
    """(false non-match rate, false match rate) for someone of `group` at a policy's (or a given) threshold."""
    if isinstance(policy_or_threshold, Policy):
        threshold = policy_threshold(model, policy_or_threshold)
        p = _profile(model, policy_or_threshold, profile)
    else:
        threshold = float(policy_or_threshold)
        p = _profile(model, None, profile)
    mu, sd = genuine_curve(model, group, photo_age_years, quality, occlusion, p, age)
    imp, _ = impostor_curve(model, group, p, age)
    return fnmr_at(threshold, mu, sd), fmr_at(threshold, imp, sd)


def one_to_many(fmr: float, gallery_size: float) -> tuple[float, float]:
    """(expected false candidates, chance of at least one) when one face is searched against N strangers."""
    if not 0.0 <= fmr <= 1.0:
        raise ValueError(f"a false-match rate must lie between 0 and 1; got {fmr}")
    n = float(gallery_size)
    if fmr >= 1.0:
        return n, 1.0 if n > 0 else 0.0
    return n * fmr, -math.expm1(n * math.log1p(-fmr))
