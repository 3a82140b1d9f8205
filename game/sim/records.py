"""Records: which systems a capture reaches, for how long, and who may read it, under a policy.

All of it is content (content/records.yaml); this module only applies the board's choices.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.content import schema

from .model import Model
from .policy import Policy


@dataclass(frozen=True)
class RecordEntry:
    """One record: `what` and labels are text ids; `readers` are reader ids (see `reader_access`)."""

    system: str
    what: str
    photo: bool
    retention: str
    retention_hours: float
    readers: tuple[str, ...]

    def held_at(self, hours: float) -> bool:
        """Still held this long after it was made ('up to 75 years' counts at 75 years)."""
        return self.retention_hours >= hours


def _flow_applies(choices: dict[str, str], flow: schema.RecordFlow) -> bool:
    return all(choices[name] in allowed for name, allowed in flow.when.items())


def _entry(model: Model, policy: Policy, flow: schema.RecordFlow) -> RecordEntry:
    retention = flow.retention
    if retention.startswith("policy."):
        retention = policy.retention_id(model, retention.removeprefix("policy."))
    readers: list[str] = []
    for r in flow.readers:
        if r.startswith("policy."):
            name = r.removeprefix("policy.")
            readers += model.option(name, getattr(policy, name)).readers
        else:
            readers.append(r)
    return RecordEntry(flow.system, flow.what, flow.photo, retention, model.retention_hours[retention],
                       tuple(dict.fromkeys(readers)))


def records_for(model: Model, policy: Policy, category: str, path: str) -> list[RecordEntry]:
    """Every record a crossing on `path` (a lane) makes for someone of `category`, under `policy`."""
    key = ("records", policy, category, path)
    cached = model.cache.get(key)
    if cached is None:
        choices = policy.choices(model)
        cached = [_entry(model, policy, f) for f in model.records.flows
                  if path in f.paths and category in f.categories and _flow_applies(choices, f)]
        model.cache[key] = cached
    return list(cached)


def reader_access(model: Model, reader: str) -> str:
    """'standing' or 'request'."""
    return model.records.readers[reader].access
