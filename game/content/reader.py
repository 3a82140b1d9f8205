"""Turn YAML node trees into the typed objects of `schema`, collecting every error.

We walk PyYAML's composed nodes rather than loaded Python values so that every value
keeps its line number: an error can then name the file, the line and the key path.
"""
from __future__ import annotations

import dataclasses
import functools
import re
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import yaml

from . import limits
from .errors import ContentError, one_of
from .fields import MAX_MAGNITUDE, SHARE_TOLERANCE, Bounds

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
    fills: tuple[str, ...] | None = ()  # text ids: the placeholders the code fills (None: by a rule in texts)


class Reader:
    """Reads one file's node tree into a dataclass; errors and references pile up."""

    def __init__(self, file: str):
        self.file = file
        self.errors: list[ContentError] = []
        self.refs: list[Reference] = []

    # -- entry points -------------------------------------------------------
    def compose(self, path: Path) -> yaml.Node | None:
        """The file's node tree, or None after recording one error (see `limits` for what is refused)."""
        try:
            text = limits.read_text(path)
            node = limits.compose(text)
        except FileNotFoundError:
            self.fail(None, "", "file is missing")
            return None
        except OSError as exc:
            self.fail(None, "", f"cannot be read ({exc.strerror or exc.__class__.__name__})")
            return None
        except limits.Refused as exc:
            self.fail(exc.line, "", exc.message)
            return None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else None
            problem = " ".join(p for p in (exc.context, exc.problem) if p)
            if "nesting depth" in problem:  # PyYAML 6.0.4+ stops deep nesting before our own limit sees it
                self.fail(line, "", f"nested more than {limits.MAX_DEPTH} levels deep")
            else:
                self.fail(line, "", f"YAML syntax error: {problem}")
            return None
        except yaml.reader.ReaderError as exc:  # unmarked; its position is a character index into the text
            self.fail(text.count("\n", 0, exc.position) + 1, "", f"YAML error: {exc.reason}")
            return None
        except yaml.YAMLError as exc:
            self.fail(None, "", f"YAML error: {' '.join(str(exc).split())}")
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
        if tp in (int, float) and not abs(value) <= MAX_MAGNITUDE:  # NaN compares false too
            self.fail_at(node, path, f"expected a finite {TYPE_NAMES[tp].removeprefix('a ')} of at most "
                                     f"{MAX_MAGNITUDE:g} in size; got {_short(node.value)}")
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
        return MISSING if any(item is MISSING for item in items) else items  # never a list short of an item

    def _read_dict(self, node: yaml.Node, key_tp: Any, value_tp: Any, path: str) -> Any:
        if not isinstance(node, yaml.MappingNode):
            self.fail_at(node, path, f"expected a mapping; got {_shape(node)}")
            return MISSING
        result: dict = {}
        complete = True  # a mapping short of an entry is not read, so no rule judges what is left
        for key_node, value_node in node.value:
            key = self.read(key_node, key_tp, path or "(top)")
            if key is MISSING:
                complete = False
                continue
            child_path = f"{path}.{key}" if path else str(key)
            if key in result:
                self.fail_at(key_node, child_path, "this key appears twice")
                continue
            value = self.read(value_node, value_tp, child_path)
            if value is MISSING:
                complete = False
                continue
            if dataclasses.is_dataclass(value) and _has_key_id(type(value)):
                object.__setattr__(value, "id", key)
                self._check(value, value_node, child_path)  # its rules may depend on its id
            result[key] = value
        return result if complete else MISSING

    def _read_dataclass(self, node: yaml.Node, cls: type, path: str) -> Any:
        if not isinstance(node, yaml.MappingNode):
            self.fail_at(node, path, f"expected a mapping with keys {', '.join(_field_names(cls))}; got {_shape(node)}")
            return MISSING
        hints, fields = _shape_of(cls)
        given: dict[str, yaml.Node] = {}
        values: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.fail_at(key_node, path, f"expected a key such as {', '.join(fields)}; got {_shape(key_node)}")
                continue
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
                no_default = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
                if no_default or f.metadata.get("required"):
                    kind = f.metadata.get("ref")
                    self.fail_at(node, child_path, f"missing; expected {f'a {kind} id' if kind else _describe(hints[name])}")
                    complete = False
                continue
            value = self.read(given[name], hints[name], child_path)
            if value is MISSING:
                complete = False
                continue
            kind = f.metadata.get("ref")
            if kind:
                self._note_refs(kind, value, given[name], child_path, f.metadata.get("placeholders", ()))
            bounds = f.metadata.get("bounds")
            if bounds and not self._within(bounds, value, given[name], child_path):
                complete = False
                continue
            values[name] = value
        if not complete:
            return MISSING
        obj = cls(**values)
        if not _has_key_id(cls):  # one with an id is checked once the mapping has given it its id
            self._check(obj, node, path)
        return obj

    def _check(self, obj: Any, node: yaml.Node, path: str) -> None:
        """The object's own rules (`check()`): each a message, or (a key path inside it, a message)."""
        check = getattr(obj, "check", None)
        for problem in check() if check else ():
            if isinstance(problem, tuple):
                rel, message = problem
                self.fail_at(find_node(node, rel), join_path(path, rel), message)
            else:
                self.fail_at(node, path, problem)

    def _within(self, bounds: Bounds, value: Any, node: yaml.Node, path: str) -> bool:
        """Check every number `value` holds against `bounds`; False (after recording why) if one fails."""
        ok = True
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if not bounds.admits(value):
                self.fail_at(node, path, f"expected {bounds.expected()}; got {value:g}")
                return False
            return True
        if hasattr(value, "values") and isinstance(getattr(value, "values"), dict):  # a ParamTable
            return self._within(bounds, value.values, find_node(node, "values"), join_path(path, "values"))
        if hasattr(value, "value") and hasattr(value, "assumption"):  # a Param
            return self._within(bounds, value.value, find_node(node, "value"), join_path(path, "value"))
        if isinstance(value, list) and isinstance(node, yaml.SequenceNode):
            for i, (item, child) in enumerate(zip(value, node.value)):
                ok = self._within(bounds, item, child, f"{path}[{i}]") and ok
        elif isinstance(value, dict) and isinstance(node, yaml.MappingNode):
            for key, item in value.items():
                child = find_node(node, str(key)) if "." not in str(key) else node
                ok = self._within(bounds, item, child, join_path(path, str(key))) and ok
            if ok and bounds.shares and value:
                total = sum(value.values())
                if abs(total - 1.0) > SHARE_TOLERANCE:
                    self.fail_at(node, path, f"expected shares that add up to 1; they add up to {total:.6g}")
                    ok = False
        return ok

    def _note_refs(self, kind: str, value: Any, node: yaml.Node, path: str,
                   fills: tuple[str, ...] | None = ()) -> None:
        """Note every id `value` holds (each item of a list, each value of a mapping) with its line.
        A `policy_option` mapping is {policy field: option id(s)}: each id must be an option of its field."""
        if isinstance(value, list) and isinstance(node, yaml.SequenceNode):
            for i, (item, child) in enumerate(zip(value, node.value)):
                self._note_refs(kind, item, child, f"{path}[{i}]", fills)
        elif isinstance(value, dict) and isinstance(node, yaml.MappingNode):
            for key_node, child in node.value:
                key = _SCALARS.construct_object(key_node) if isinstance(key_node, yaml.ScalarNode) else None
                if key in value:
                    item_kind = f"option:{key}" if kind == "policy_option" else kind
                    self._note_refs(item_kind, value[key], child, join_path(path, str(key)), fills)
        elif isinstance(value, str):
            self.refs.append(Reference(kind, value, self.file, node.start_mark.line + 1, path, fills))


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


def join_path(path: str, rel: str) -> str:
    """'a.b' + 'c' -> 'a.b.c'; 'a' + '[0]' -> 'a[0]'."""
    if not path:
        return rel
    if not rel:
        return path
    return f"{path}{rel}" if rel.startswith("[") else f"{path}.{rel}"


_STEP = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def find_node(node: yaml.Node, rel: str) -> yaml.Node:
    """The node at the key path `rel` under `node` ('a.b[2].c'), or the deepest one that exists
    (a missing key is blamed on the mapping that lacks it)."""
    for index, key in _STEP.findall(rel):
        child = None
        if index and isinstance(node, yaml.SequenceNode) and int(index) < len(node.value):
            child = node.value[int(index)]
        elif key and isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
        if child is None:
            return node
        node = child
    return node


def line_of(node: yaml.Node | None, rel: str) -> int | None:
    """The 1-based line of the value at `rel` under `node` (see find_node)."""
    return find_node(node, rel).start_mark.line + 1 if node is not None else None


def _short(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")


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
