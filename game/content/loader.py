"""Load the whole content folder, check every cross-reference, and fail with all errors at once."""
from __future__ import annotations

import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import schema
from .errors import ContentError, ContentErrors, one_of
from .reader import MISSING, Reader, Reference, lines_of, read_strings

BASE_LANGUAGE = "en"
DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "content"

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
        """The valid ids of one kind of reference."""
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
    "station": lambda c: c.stations,
    "group": lambda c: c.files["model.yaml"].groups,
}


def _rel(path: Path, root: Path) -> str:
    try:
        return str(Path(root.name) / path.relative_to(root))
    except ValueError:
        return str(path)


def load_content(root: Path | str | None = None) -> Content:
    """Read every content file under `root`; raise ContentErrors listing every problem found."""
    root = Path(root) if root else DEFAULT_ROOT
    errors: list[ContentError] = []
    refs: list[Reference] = []
    if not root.is_dir():
        raise ContentErrors([ContentError(str(root), None, "", "content folder not found")])
    files: dict[str, Any] = {}
    for name, cls in FILES.items():
        reader = Reader(_rel(root / name, root))
        node = reader.compose(root / name)
        if node is not None:
            value = reader.read(node, cls)
            if value is not MISSING:
                files[name] = value
        errors += reader.errors
        refs += reader.refs
    strings, string_lines = _load_strings(root, errors)
    content = Content(root, files, strings, string_lines)
    if not errors:  # cross-file checks need every file read; rules across files need every id resolved
        errors += _check_references(content, refs) + _check_translations(content)
    if not errors:
        errors += _check_extra(content)
    if errors:
        raise ContentErrors(errors)
    return content


def _load_strings(root: Path, errors: list[ContentError]) -> tuple[dict, dict]:
    folder = root / "strings"
    strings: dict[str, dict[str, str]] = {}
    lines: dict[str, dict[str, int]] = {}
    paths = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if not any(p.stem == BASE_LANGUAGE for p in paths):
        errors.append(ContentError(_rel(folder / f"{BASE_LANGUAGE}.yaml", root), None, "",
                                   "file is missing; the English strings are the base every other language follows"))
    for path in paths:
        reader = Reader(_rel(path, root))
        node = reader.compose(path)
        if node is not None:
            strings[path.stem] = read_strings(reader, node)
            lines[path.stem] = lines_of(reader, node)
        errors += reader.errors
    return strings, lines


def _check_references(content: Content, refs: list[Reference]) -> list[ContentError]:
    found = []
    for r in refs:
        valid = content.ids(r.kind)
        if r.value not in valid:
            found.append(ContentError(r.file, r.line, r.path, f"unknown {r.kind} id; {one_of(valid, r.value)}"))
    return found


def _check_translations(content: Content) -> list[ContentError]:
    """A translation may leave strings out (English shows), but may not invent ids or drop placeholders."""
    base = content.strings.get(BASE_LANGUAGE, {})
    found = []
    for lang, table in content.strings.items():
        if lang == BASE_LANGUAGE:
            continue
        file = f"{content.root.name}/strings/{lang}.yaml"
        for key, text in table.items():
            line = content.string_lines[lang].get(key)
            if key not in base:
                found.append(ContentError(file, line, key, f"unknown text id; {one_of(base, key)}"))
            elif _placeholders(text) != _placeholders(base[key]):
                found.append(ContentError(file, line, key, f"placeholders {sorted(_placeholders(text))} differ "
                                          f"from English {sorted(_placeholders(base[key]))}"))
    return found


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _check_extra(content: Content) -> list[ContentError]:
    """Rules that span files: lanes lead somewhere, station chains end, text ids for languages exist."""
    found = []
    stations_file = f"{content.root.name}/stations.yaml"
    for lane_id, lane in content.lanes.items():
        seen: list[str] = []
        current: str | None = lane.first
        while current is not None:
            if current in seen:
                found.append(ContentError(stations_file, None, f"lanes.{lane_id}",
                                          f"stations loop back to '{current}'; a lane must end"))
                break
            seen.append(current)
            current = content.stations[current].next
    found += _check_questions(content)
    return found


def _check_questions(content: Content) -> list[ContentError]:
    """Every option sets real policy fields to options that policy.yaml offers."""
    file = f"{content.root.name}/questions.yaml"
    fields = content.policy.fields
    found = []
    for qid, question in content.questions.items():
        for i, option in enumerate(question.options):
            for name, value in option.set.items():
                path = f"questions.{qid}.options[{i}].set.{name}"
                if name not in fields:
                    found.append(ContentError(file, None, path, f"unknown policy field; {one_of(fields, name)}"))
                elif value not in fields[name].options:
                    found.append(ContentError(file, None, path, f"unknown option; {one_of(fields[name].options, value)}"))
    return found
