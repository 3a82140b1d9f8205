"""The oversight board's decisions as one small, hashable object.

Each field holds an option id from content/policy.yaml (yes/no decisions hold a bool), so a
run's choices can be written as a short code. `threshold_score` is the live lab's escape hatch:
any score threshold, overriding the `threshold` choice.
"""
from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any

from .model import CHOICE_FIELDS, FLAG_FIELDS, POLICY_FIELDS, Model


class PolicyError(ValueError):
    """A policy names an option the content does not offer."""


@dataclass(frozen=True)
class Policy:
    threshold: str = "fmr-1e-5"
    threshold_score: float | None = None
    placement: str = "windshield"
    capture_failure: str = "manual_check"
    citizen_retention: str = "hours-12"
    noncitizen_retention: str = "weeks-2"
    forward_to_ident: bool = True
    ice_sharing: str = "formal_request"
    one_to_many: str = "allowed"
    field_scans: str = "no_consent"
    audits_before_expansion: bool = False
    outbound_capture: bool = False
    profile: str = "middle-differential"

    @classmethod
    def default(cls, model: Model) -> "Policy":
        """What the sources describe today (the defaults in content/policy.yaml)."""
        return cls.from_choices(model, {})

    @classmethod
    def from_choices(cls, model: Model, choices: dict[str, Any]) -> "Policy":
        """Build from option ids (flags may be given as bools); unspecified fields take the content default."""
        values: dict[str, Any] = {}
        for name in POLICY_FIELDS:
            spec = model.policy_fields[name]
            chosen = choices.get(name, spec.default)
            if name in FLAG_FIELDS:
                if isinstance(chosen, bool):
                    values[name] = chosen
                    continue
                if chosen not in spec.options:
                    raise PolicyError(f"{name}: unknown option {chosen!r}; expected one of {', '.join(spec.options)}")
                values[name] = bool(spec.options[chosen].flag)
            else:
                if chosen not in spec.options:
                    raise PolicyError(f"{name}: unknown option {chosen!r}; expected one of {', '.join(spec.options)}")
                values[name] = chosen
        values["threshold_score"] = choices.get("threshold_score")
        return cls(**values)

    def replace(self, **changes: Any) -> "Policy":
        return dataclasses.replace(self, **changes)

    def choices(self, model: Model) -> dict[str, str]:
        """Every decision as an option id (flags too), in a fixed order: the basis of a decision code."""
        out: dict[str, str] = {}
        for name in POLICY_FIELDS:
            value = getattr(self, name)
            if name in FLAG_FIELDS:
                value = next(o for o, opt in model.policy_fields[name].options.items() if opt.flag == value)
            out[name] = value
        return out

    def check(self, model: Model) -> None:
        """Raise PolicyError if a choice is not an option in the content."""
        for name in CHOICE_FIELDS:
            if getattr(self, name) not in model.policy_fields[name].options:
                raise PolicyError(f"{name}: unknown option {getattr(self, name)!r}")

    # -- what the choices mean ---------------------------------------------------------------
    def target_fmr(self, model: Model) -> float:
        return float(model.option("threshold", self.threshold).value)  # type: ignore[arg-type]

    def effective_profile(self, model: Model) -> str:
        """The deployed algorithm's profile: an audit first requires the audited profile."""
        if self.audits_before_expansion:
            for opt in model.policy_fields["audits_before_expansion"].options.values():
                if opt.flag and opt.profile:
                    return opt.profile
        return model.option("profile", self.profile).profile or self.profile

    def retention_id(self, model: Model, field_name: str) -> str:
        return model.option(field_name, getattr(self, field_name)).retention or ""

    def outbound_months(self, model: Model) -> float:
        """Months of the year outbound lanes capture faces: none if off, fewer if an audit comes first."""
        if not self.outbound_capture:
            return 0.0
        wait = model.port["audit_months"] if self.audits_before_expansion else 0.0
        return max(0.0, 12.0 - wait)


def retention_values(model: Model, retention: str) -> dict[str, float]:
    """Placeholder values for a retention's label: {hours}, {days}, {weeks}, {years}."""
    hours = model.retention_hours[retention]
    if math.isinf(hours):  # no deletion date published: its label names no period
        return {}
    return {"hours": _whole(hours), "days": _whole(hours / 24.0), "weeks": _whole(hours / 168.0),
            "years": _whole(hours / 8760.0)}


def option_values(model: Model, field_name: str, option_id: str) -> dict[str, float]:
    """Placeholder values for a policy option's label (e.g. {n} in 'one false match in {n}')."""
    opt = model.option(field_name, option_id)
    values: dict[str, float] = {}
    if field_name == "threshold" and opt.value:
        values["n"] = _whole(1.0 / opt.value)
        values["fmr"] = opt.value
    if opt.retention:
        values.update(retention_values(model, opt.retention))
    return values


def _whole(x: float) -> float:
    r = round(x)
    return int(r) if abs(x - r) < 1e-9 * max(1.0, abs(x)) else x
