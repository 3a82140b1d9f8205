"""Load the whole content folder, check every cross-reference, and fail with all errors at once."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from . import rules, texts
from .assets import check_assets
from .content import BASE_LANGUAGE, DEFAULT_ROOT, FILES, Content
from .errors import ContentError, ContentErrors, one_of
from .reader import MISSING, Reader, Reference, lines_of, read_strings


def _rel(path: Path, root: Path) -> str:
    try:
        return str(Path(root.name) / path.relative_to(root))
    except ValueError:
        return str(path)


def load_content(root: Path | str | None = None, assets: Path | str | None = None) -> Content:
    """Read every content file under `root`; raise ContentErrors listing every problem found.

    The checks run in stages, each only once the one before found nothing, since each needs what the
    last one proved: the files' shapes, then every reference, then the rules across files, the
    strings against the code (texts) and the assets the game loads (fonts)."""
    root = Path(root) if root else DEFAULT_ROOT
    errors: list[ContentError] = []
    refs: list[Reference] = []
    if not root.is_dir():
        raise ContentErrors([ContentError(str(root), None, "", "content folder not found")])
    files: dict[str, Any] = {}
    nodes: dict[str, Any] = {}
    for name, cls in FILES.items():
        reader = Reader(_rel(root / name, root))
        node = reader.compose(root / name)
        if node is not None:
            nodes[name] = node
            value = reader.read(node, cls)
            if value is not MISSING:
                files[name] = value
        errors += reader.errors
        refs += reader.refs
    strings, string_lines = _load_strings(root, errors)
    content = Content(root, files, strings, string_lines)
    if not errors:  # cross-file checks need every file read; rules across files need every id resolved
        errors += _check_references(content, refs) + _check_translations(content)
        errors += texts.check_strings(content, refs, BASE_LANGUAGE)
    if not errors:
        errors += check_rules(content, nodes)
    errors += check_assets(Path(assets) if assets else None)
    if errors:
        raise ContentErrors(errors)
    return content


def check_rules(content: Content, nodes: dict[str, Any]) -> list[ContentError]:
    """The rules across files (game.content.rules), blamed on lines of the files' node trees."""
    blame = rules.Blamer(content.root.name, nodes)
    rules.check_all(content, blame)
    return blame.errors


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


KIND_NAMES = {"flow_retention": "retention (or policy.<decision> whose options each name one)",
              "flow_reader": "reader (or policy.<decision> whose options name readers)"}


def _check_references(content: Content, refs: list[Reference]) -> list[ContentError]:
    found = []
    valid_of: dict[str, set[str]] = {}
    for r in refs:
        valid = valid_of.setdefault(r.kind, content.ids(r.kind))
        if r.value not in valid:
            kind = KIND_NAMES.get(r.kind) or (f"option of {r.kind.removeprefix('option:')}"
                                              if r.kind.startswith("option:") else f"{r.kind} id")
            found.append(ContentError(r.file, r.line, r.path, f"unknown {kind}; {one_of(valid, r.value)}"))
    return found


def _check_translations(content: Content) -> list[ContentError]:
    """A translation may leave strings out (English shows), but may not invent ids (placeholders: texts)."""
    base = content.strings.get(BASE_LANGUAGE, {})
    found = []
    for lang, table in content.strings.items():
        if lang == BASE_LANGUAGE:
            continue
        file = f"{content.root.name}/strings/{lang}.yaml"
        for key in table:
            if key not in base:
                line = content.string_lines[lang].get(key)
                found.append(ContentError(file, line, key, f"unknown text id; {one_of(base, key)}"))
    return found
