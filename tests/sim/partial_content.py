"""The model's own content, loaded and cross-checked without the files it does not read.

The model tests load sources, the model's three files, travellers (for documents) and the strings,
and check every reference they make, so they stay meaningful while other content is in progress.
"""
from __future__ import annotations

from pathlib import Path

from game.content import DEFAULT_ROOT, ContentErrors
from game.content.loader import FILES, Content, _check_references, _load_strings, _rel, check_rules
from game.content.reader import MISSING, Reader

MODEL_FILES = ("sources.yaml", "model.yaml", "records.yaml", "policy.yaml", "travellers.yaml")


def load_model_content(root: Path = DEFAULT_ROOT) -> Content:
    """The model's files, read, cross-referenced and held to the rules the model relies on."""
    errors, refs, files, nodes = [], [], {}, {}
    for name in MODEL_FILES:
        reader = Reader(_rel(root / name, root))
        node = reader.compose(root / name)
        if node is not None:
            nodes[name] = node
            value = reader.read(node, FILES[name])
            if value is not MISSING:
                files[name] = value
        errors += reader.errors
        refs += [r for r in reader.refs if r.kind not in ("station",)]
    strings, lines = _load_strings(root, errors)
    content = Content(root, files, strings, lines)
    if not errors:
        errors += _check_references(content, refs)
    if not errors:
        errors += check_rules(content, nodes)
    if errors:
        raise ContentErrors(errors)
    return content
