"""Limits that keep a hostile or broken file from crashing, hanging or exhausting memory.

libyaml's composer recurses once per level of nesting, so a list nested 50,000 deep kills the
process; an alias bomb ("billion laughs") expands to gigabytes once loaded; a 50 MB line of text
reaches the renderer. So a content file is read in three guarded steps: its size before reading
it, its characters before parsing them, and its structure while composing the node tree from
libyaml's events ourselves, level by level without recursion, so each limit stops the file at the
line that breaks it. The limits are far above anything the shipped content needs (files under
100 KB, six levels, no text over 600 characters, no anchors, aliases or tags).
"""
from __future__ import annotations

import re

import yaml

MAX_FILE_BYTES = 2_000_000
MAX_DEPTH = 32
MAX_NODES = 100_000
MAX_TEXT_CHARS = 5_000

FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = yaml.SafeLoader("")  # resolves plain scalars' tags (int, float, bool, null, str) as yaml.compose does
# what YAML itself refuses (PyYAML's Reader.NON_PRINTABLE): C0 controls but tab and line breaks, DEL, C1 but NEL
NON_PRINTABLE = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")
_MAP_TAG, _SEQ_TAG = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


class Refused(Exception):
    """A file the reader will not parse: `line` (1-based, or None) and a one-line reason."""

    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def read_text(path) -> str:
    """The file's text, refused when it is too large, not UTF-8 or holds characters YAML forbids."""
    with open(path, "rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)  # never more, whatever the file claims to be
    if len(data) > MAX_FILE_BYTES:
        raise Refused(None, f"file is larger than {MAX_FILE_BYTES // 1_000_000} MB; content files are far smaller "
                            "(is this the right file?)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Refused(data.count(b"\n", 0, exc.start) + 1, "not UTF-8 text (save the file as UTF-8)") from None
    bad = NON_PRINTABLE.search(text)
    if bad:
        raise Refused(text.count("\n", 0, bad.start()) + 1,
                      f"unprintable character U+{ord(bad.group()):04X} is not allowed in a content file")
    return text


def compose(text: str) -> yaml.Node | None:
    """The node tree of `text`, as yaml.compose gives it, or Refused at the first limit broken.

    Anchors, aliases and tags are refused outright: content never needs them, and without aliases
    no node can be reached twice, so the tree is no larger than the file.
    """
    stack: list[tuple[yaml.Node, list | None]] = []  # open collections, each mapping with its pending key
    root = None
    nodes = documents = 0
    for event in yaml.parse(text, Loader=FAST_LOADER):
        kind = event.__class__
        if kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise Refused(_line(event), "a second document (---); a content file holds one")
            continue
        if kind is yaml.AliasEvent:
            raise Refused(_line(event), f"alias *{event.anchor} is not allowed in content; write the value out")
        if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            stack.pop()[0].end_mark = event.end_mark
            continue
        if kind not in (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent):
            continue  # the stream's and the document's ends
        if event.anchor:
            raise Refused(_line(event), f"anchor &{event.anchor} is not allowed in content; write the value out")
        if event.tag:
            raise Refused(_line(event), f"tag {event.tag} is not allowed in content")
        nodes += 1
        if nodes > MAX_NODES:
            raise Refused(_line(event), f"more than {MAX_NODES:,} values in one file")
        if kind is yaml.ScalarEvent:
            if len(event.value) > MAX_TEXT_CHARS:
                raise Refused(_line(event), f"text of {len(event.value):,} characters; "
                                            f"at most {MAX_TEXT_CHARS:,} in one value")
            tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
            node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        elif len(stack) >= MAX_DEPTH:
            raise Refused(_line(event), f"nested more than {MAX_DEPTH} levels deep")
        elif kind is yaml.MappingStartEvent:
            node = yaml.MappingNode(_MAP_TAG, [], event.start_mark, None, event.flow_style)
        else:
            node = yaml.SequenceNode(_SEQ_TAG, [], event.start_mark, None, event.flow_style)
        if stack:
            _attach(stack[-1], node)
        else:
            root = node
        if kind is yaml.MappingStartEvent:
            stack.append((node, [None]))
        elif kind is yaml.SequenceStartEvent:
            stack.append((node, None))
    return root


def _attach(parent: tuple[yaml.Node, list | None], node: yaml.Node) -> None:
    collection, pending = parent
    if pending is None:
        collection.value.append(node)
    elif pending[0] is None:
        pending[0] = node
    else:
        collection.value.append((pending[0], node))
        pending[0] = None


def _line(event: yaml.Event) -> int | None:
    return event.start_mark.line + 1 if event.start_mark else None
