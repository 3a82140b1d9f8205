"""Load the whole content folder, check every cross-reference, and fail with all errors at once."""
from __future__ import annotations

import string
from pathlib import Path
from typing import Any

from .content import BASE_LANGUAGE, DEFAULT_ROOT, FILES, Content
from .errors import ContentError, ContentErrors, one_of
from .reader import MISSING, Reader, Reference, lines_of, read_strings


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
