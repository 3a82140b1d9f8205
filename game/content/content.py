"""The loaded content as one typed object. No YAML here: a cached copy loads without the parser."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import schema

BASE_LANGUAGE = "en"
def data_folder(name: str) -> Path:
    """A folder the game ships (content, assets): the copy inside the package in an installed game
    (setup.py puts it there), else the checkout's top-level folder (a clone, an editable install)."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "_data" / name
    return packaged if packaged.is_dir() else package.parent / name


DEFAULT_ROOT = data_folder("content")

# file name -> the schema class of its top level; an explicit list, so a stray file is not read
FILES: dict[str, type] = {
    "sources.yaml": schema.SourcesFile,
    "travellers.yaml": schema.TravellersFile,
    "stations.yaml": schema.StationsFile,
    "scenes.yaml": schema.ScenesFile,
    "questions.yaml": schema.QuestionsFile,
    "model.yaml": schema.ModelFile,
    "records.yaml": schema.RecordsFile,
    "policy.yaml": schema.PolicyContentFile,
}


@dataclass
class Content:
    """Everything in content/, typed and cross-checked."""

    root: Path
    files: dict[str, Any]
    strings: dict[str, dict[str, str]]
    string_lines: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def sources(self) -> dict[str, schema.Source]:
        return self.files["sources.yaml"].sources

    @property
    def facts(self) -> dict[str, schema.Fact]:
        return self.files["sources.yaml"].facts

    @property
    def documents(self) -> dict[str, schema.Document]:
        return self.files["travellers.yaml"].documents

    @property
    def travellers(self) -> dict[str, schema.Traveller]:
        return self.files["travellers.yaml"].travellers

    @property
    def stations(self) -> dict[str, schema.Station]:
        return self.files["stations.yaml"].stations

    @property
    def lanes(self) -> dict[str, schema.LaneSpec]:
        return self.files["stations.yaml"].lanes

    @property
    def scenes(self) -> schema.ScenesFile:
        return self.files["scenes.yaml"]

    @property
    def class_check(self):
        """The class path's check, before play and after (an empty mapping: no check)."""
        return self.files["questions.yaml"].class_check

    @property
    def model(self) -> schema.ModelFile:
        return self.files["model.yaml"]

    @property
    def records(self) -> schema.RecordsFile:
        return self.files["records.yaml"]

    @property
    def policy(self) -> schema.PolicyContentFile:
        return self.files["policy.yaml"]

    @property
    def questions(self) -> dict[str, schema.Question]:
        return self.files["questions.yaml"].questions

    @property
    def languages(self) -> list[str]:
        return sorted(self.strings)

    def ids(self, kind: str) -> set[str]:
        """The valid ids of one kind of reference (`option:<policy field>`: that decision's options)."""
        if kind.startswith("option:"):
            spec = self.policy.fields.get(kind.removeprefix("option:"))
            return set(spec.options) if spec else set()
        return set(_INDEXES[kind](self))

    def text(self, text_id: str, lang: str = BASE_LANGUAGE, **values: Any) -> str:
        """A player-facing string in `lang` (English where a translation is missing), filled in."""
        table = self.strings.get(lang, {})
        template = table.get(text_id) or self.strings[BASE_LANGUAGE][text_id]
        return template.format(**values) if values else template

    def summary(self) -> str:
        return (f"content OK: {len(self.sources)} sources, {len(self.facts)} facts, "
                f"{len(self.travellers)} travellers, {len(self.stations)} stations, "
                f"{len(self.strings[BASE_LANGUAGE])} strings in {len(self.strings)} languages "
                f"({', '.join(self.languages)}) from {self.root}")


_INDEXES: dict[str, Any] = {
    "source": lambda c: c.sources,
    "fact": lambda c: c.facts,
    "text": lambda c: c.strings[BASE_LANGUAGE],
    "document": lambda c: c.documents,
    "traveller": lambda c: c.travellers,
    "question": lambda c: c.questions,
    "station": lambda c: c.stations,
    "group": lambda c: c.files["model.yaml"].groups,
    "profile": lambda c: c.model.profiles,
    "differential": lambda c: c.model.differentials,
    "quality_level": lambda c: c.model.matching.quality_shift.values,
    "system": lambda c: c.records.systems,
    "reader": lambda c: c.records.readers,
    "retention": lambda c: c.records.retentions,
    # a record flow's retention: a retention id, or `policy.<field>` for a decision whose options each name one
    "flow_retention": lambda c: set(c.records.retentions) | {
        f"policy.{name}" for name, spec in c.policy.fields.items()
        if spec.options and all(o.retention for o in spec.options.values())},
    # a record flow's reader: a reader id, or `policy.<field>` for a decision whose options name readers
    "flow_reader": lambda c: set(c.records.readers) | {
        f"policy.{name}" for name, spec in c.policy.fields.items() if any(o.readers for o in spec.options.values())},
}
