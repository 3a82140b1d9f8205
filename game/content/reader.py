"""Turn YAML node trees into the typed objects of `schema`, collecting every error.

We walk PyYAML's composed nodes rather than loaded Python values so that every value
keeps its line number: an error can then name the file, the line and the key path.
"""
from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import yaml

from .errors import ContentError, one_of

MISSING = object()
_SCALARS = yaml.SafeLoader("")  # only its scalar constructors are used
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: same nodes, faster

TYPE_NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true or false"}


@dataclass(frozen=True)
class Reference:
    """A pending cross-reference, checked after every file is read."""

    kind: str
    value: str
    file: str
    line: int | None
    path: str


class Reader:
    """Reads one file's node tree into a dataclass; errors and references pile up."""

    def __init__(self, file: str):
        self.file = file
        self.errors: list[ContentError] = []
        self.refs: list[Reference] = []

    # -- entry points -------------------------------------------------------
    def compose(self, path: Path) -> yaml.Node | None:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            self.fail(None, "", "file is missing")
            return None
        except (OSError, UnicodeDecodeError) as exc:
            self.fail(None, "", f"cannot be read as UTF-8 text ({exc.__class__.__name__})")
            return None
        try:
            node = yaml.compose(text, Loader=FAST_LOADER)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else None
            problem = " ".join(p for p in (exc.context, exc.problem) if p)
            self.fail(line, "", f"YAML syntax error: {problem}")
            return None
        except yaml.YAMLError as exc:
            self.fail(None, "", f"YAML error: {exc}")
            return None
        if node is None:
            self.fail(1, "", "file is empty; expected a mapping of keys to values")
        return node

    def read(self, node: yaml.Node, tp: Any, path: str = "") -> Any:
        """Convert `node` to `tp`, or record an error and return MISSING."""
        origin = get_origin(tp)
        if origin in (typing.Union, types.UnionType):
            options = [a for a in get_args(tp) if a is not type(None)]
            if _is_null(node):
                return None
            if len(options) == 1:
                return self.read(node, options[0], path)
            return self._read_union(node, options, path)
        if origin is Literal:
            return self._read_literal(node, get_args(tp), path)
        if origin is list:
            return self._read_list(node, get_args(tp)[0], path)
        if origin is dict:
            key_tp, value_tp = get_args(tp)
            return self._read_dict(node, key_tp, value_tp, path)
        if dataclasses.is_dataclass(tp):
            return self._read_dataclass(node, tp, path)
        if tp is Any:
            return _SCALARS.construct_object(node, deep=True)
        return self._read_scalar(node, tp, path)

    # -- helpers ------------------------------------------------------------
    def fail(self, line: int | None, path: str, message: str) -> None:
        self.errors.append(ContentError(self.file, line, path, message))

    def fail_at(self, node: yaml.Node, path: str, message: str) -> None:
        self.fail(node.start_mark.line + 1, path, message)

    def _read_scalar(self, node: yaml.Node, tp: type, path: str) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            self.fail_at(node, path, f"expected {TYPE_NAMES.get(tp, tp.__name__)}; got {_shape(node)}")
            return MISSING
        value = _SCALARS.construct_object(node)
        if tp is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if tp is float and isinstance(value, str) and not node.style:
            value = _plain_float(value)  # PyYAML reads 1e-5 as text; a teacher means a number
        if not isinstance(value, tp) or (tp in (int, float) and isinstance(value, bool)):
            self.fail_at(node, path, f"expected {TYPE_NAMES.get(tp, tp.__name__)}; got {node.value!r}")
            return MISSING
        return value

    def _read_literal(self, node: yaml.Node, choices: tuple, path: str) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            self.fail_at(node, path, f"expected one of {', '.join(map(str, choices))}; got {_shape(node)}")
            return MISSING
        value = _SCALARS.construct_object(node)
        if value not in choices:
            self.fail_at(node, path, one_of(choices, value))
            return MISSING
        return value

    def _read_union(self, node: yaml.Node, options: list, path: str) -> Any:
        for option in options:
            trial = Reader(self.file)
            value = trial.read(node, option, path)
            if not trial.errors:
                self.refs.extend(trial.refs)
                return value
        names = " or ".join(TYPE_NAMES.get(o, getattr(o, "__name__", str(o))) for o in options)
        self.fail_at(node, path, f"expected {names}; got {_shape(node)}")
        return MISSING

    def _read_list(self, node: yaml.Node, item_tp: Any, path: str) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            self.fail_at(node, path, f"expected a list; got {_shape(node)}")
            return MISSING
        items = [self.read(child, item_tp, f"{path}[{i}]") for i, child in enumerate(node.value)]
        return [item for item in items if item is not MISSING]

    def _read_dict(self, node: yaml.Node, key_tp: Any, value_tp: Any, path: str) -> Any:
        if not isinstance(node, yaml.MappingNode):
            self.fail_at(node, path, f"expected a mapping; got {_shape(node)}")
            return MISSING
        result: dict = {}
        for key_node, value_node in node.value:
            key = self.read(key_node, key_tp, path or "(top)")
            if key is MISSING:
                continue
            child_path = f"{path}.{key}" if path else str(key)
            if key in result:
                self.fail_at(key_node, child_path, "this key appears twice")
                continue
            value = self.read(value_node, value_tp, child_path)
            if value is MISSING:
                continue
            if dataclasses.is_dataclass(value) and hasattr(value, "id") and _has_key_id(type(value)):
                object.__setattr__(value, "id", key)
            result[key] = value
        return result

    def _read_dataclass(self, node: yaml.Node, cls: type, path: str) -> Any:
        if not isinstance(node, yaml.MappingNode):
            self.fail_at(node, path, f"expected a mapping with keys {', '.join(_field_names(cls))}; got {_shape(node)}")
            return MISSING
        hints, fields = _shape_of(cls)
        given: dict[str, yaml.Node] = {}
        values: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _SCALARS.construct_object(key_node)
            child_path = f"{path}.{key}" if path else str(key)
            if key not in fields:
                self.fail_at(key_node, child_path, f"unknown key; {one_of(fields, key)}")
                continue
            if key in given:
                self.fail_at(key_node, child_path, "this key appears twice")
                continue
            given[key] = value_node
        complete = True
        for name, f in fields.items():
            child_path = f"{path}.{name}" if path else name
            if name not in given:
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                    self.fail_at(node, child_path, f"missing; expected {_describe(hints[name])}")
                    complete = False
                continue
            value = self.read(given[name], hints[name], child_path)
            if value is MISSING:
                complete = False
                continue
            kind = f.metadata.get("ref")
            if kind:
                self._note_refs(kind, value, given[name], child_path)
            values[name] = value
        if not complete:
            return MISSING
        obj = cls(**values)
        check = getattr(obj, "check", None)
        if check:
            for message in check():
                self.fail_at(node, path, message)
        return obj

    def _note_refs(self, kind: str, value: Any, node: yaml.Node, path: str) -> None:
        if isinstance(value, list):
            for i, (item, child) in enumerate(zip(value, node.value)):
                self._note_refs(kind, item, child, f"{path}[{i}]")
        elif isinstance(value, dict):
            for (key_node, child), item in zip(node.value, value.values()):
                self._note_refs(kind, item, child, f"{path}.{key_node.value}")
        elif value is not None:
            self.refs.append(Reference(kind, value, self.file, node.start_mark.line + 1, path))


def read_strings(reader: Reader, node: yaml.Node, prefix: str = "") -> dict[str, str]:
    """Flatten a nested mapping of text into dotted ids: {'title': {'play': …}} -> 'title.play'."""
    if not isinstance(node, yaml.MappingNode):
        reader.fail_at(node, prefix, f"expected a mapping of text ids; got {_shape(node)}")
        return {}
    found: dict[str, str] = {}
    for key_node, value_node in node.value:
        key = f"{prefix}.{key_node.value}" if prefix else str(key_node.value)
        if isinstance(value_node, yaml.MappingNode):
            found.update(read_strings(reader, value_node, key))
        elif isinstance(value_node, yaml.ScalarNode) and value_node.tag.endswith(":str"):
            if key in found:
                reader.fail_at(key_node, key, "this key appears twice")
            found[key] = value_node.value
        else:
            reader.fail_at(value_node, key, f"expected text; got {_shape(value_node)}")
    return found


def lines_of(reader: Reader, node: yaml.Node, prefix: str = "") -> dict[str, int]:
    """The line of every dotted id in a strings file, for errors about them."""
    result: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = f"{prefix}.{key_node.value}" if prefix else str(key_node.value)
            result[key] = key_node.start_mark.line + 1
            result.update(lines_of(reader, value_node, key))
    return result


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")


def _shape(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return repr(node.value) if node.value != "" else "nothing"


@functools.cache
def _shape_of(cls: type) -> tuple[dict[str, Any], dict[str, dataclasses.Field]]:
    """A dataclass's resolved type hints and its fields read from YAML (computed once per class)."""
    fields = {f.name: f for f in dataclasses.fields(cls) if not f.metadata.get("key_id")}
    return typing.get_type_hints(cls), fields


@functools.cache
def _has_key_id(cls: type) -> bool:
    return any(f.metadata.get("key_id") for f in dataclasses.fields(cls))


def _field_names(cls: type) -> list[str]:
    return [f.name for f in dataclasses.fields(cls) if not f.metadata.get("key_id")]


def _describe(tp: Any) -> str:
    origin = get_origin(tp)
    if origin is Literal:
        return "one of " + ", ".join(map(str, get_args(tp)))
    if origin is list:
        return "a list"
    if origin is dict or dataclasses.is_dataclass(tp):
        return "a mapping"
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_describe(a) for a in get_args(tp) if a is not type(None))
    return TYPE_NAMES.get(tp, getattr(tp, "__name__", str(tp)))


def _plain_float(text: str) -> float | str:
    try:
        return float(text.replace("_", ""))
    except ValueError:
        return text
