"""The strings against the code: every text id the code uses is declared in game/content/texts.py (so
`validate` checks it exists), every placeholder a string uses is one the code fills, in every language,
and each error is blamed on the strings file that is wrong.

The lint half reads game/ itself: when a test here fails after a code change, add the new text id (and
the placeholders the code fills in it) to game/content/texts.py.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import get_args

import pytest

from game.content import schema, texts

from .edits import errors_of, mutate

GAME = Path(__file__).resolve().parents[2] / "game"
TEXT_ID = re.compile(r"^[a-z_]+(\.[a-z0-9_-]+)+$")
NOT_PLACEHOLDERS = {"primary", "role"}  # keyword arguments of game/story/screen.py's builders, not values
# calls that carry a text id beside data that is not (all of) what fills it: the model's events hold their
# details, of which game/story/crossing.py passes the numbers on (texts.py declares the ones always there)
NOT_FILLING = {"StationEvent", "PersonResult"}


def _code_files():
    for path in sorted(GAME.rglob("*.py")):
        if path.relative_to(GAME).parts[0] != "content":
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def _parents(tree):
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _used_ids(english):
    """Text ids written in game/: {id: (where, {keyword names passed beside it})}."""
    namespaces = {key.split(".")[0] for key in english}
    found = {}
    for path, tree in _code_files():
        parents = _parents(tree)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            value, parent = node.value, parents.get(node)
            while isinstance(parent, ast.IfExp):  # t("a" if x else "b", ...)
                parent = parents.get(parent)
            as_argument = isinstance(parent, ast.Call) and any(node is a or node in ast.walk(a) for a in parent.args)
            looks_like_id = TEXT_ID.match(value) and value.split(".")[0] in namespaces
            if value not in english and not (as_argument and looks_like_id):
                continue
            names = set()
            callee = getattr(parent, "func", None)
            if isinstance(parent, ast.Call) and getattr(callee, "id", getattr(callee, "attr", None)) not in NOT_FILLING:
                names = {k.arg for k in parent.keywords if k.arg} - NOT_PLACEHOLDERS
                after = False
                for arg in parent.args:  # Words.of("id", {"n": ...}): a mapping after the id holds its values
                    after = after or node is arg or node in ast.walk(arg)
                    if after and isinstance(arg, ast.Dict) and node is not arg:
                        names |= {k.value for k in arg.keys if isinstance(k, ast.Constant)}
                outer = parents.get(parent)
                if isinstance(outer, ast.Attribute) and outer.attr == "format":  # t("x").format(a=...)
                    names |= {k.arg for k in parents[outer].keywords if k.arg}
            where, seen = found.get(value, (f"{path.relative_to(GAME.parent)}:{node.lineno}", set()))
            found[value] = (where, seen | names)
    return found


@pytest.fixture(scope="module")
def declared(content):
    return texts.expand(content)


def test_every_text_id_in_the_code_is_declared(content, declared):
    missing = {text_id: where for text_id, (where, _) in _used_ids(content.strings["en"]).items()
               if text_id not in declared}
    assert missing == {}, "declare these in game/content/texts.py CODE (with the placeholders the code fills)"


def test_every_declared_text_id_is_still_in_the_code():
    """A stale entry in texts.CODE would make `validate` demand a string the game no longer shows."""
    written = {node.value for _, tree in _code_files() for node in ast.walk(tree)
               if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    stale = sorted(text_id for text_id in texts.CODE if text_id not in written)
    assert stale == [], "remove these from game/content/texts.py CODE: no code asks for them"


def test_the_code_fills_only_declared_placeholders(content, declared):
    wrong = {text_id: (where, sorted(names - set(declared[text_id])))
             for text_id, (where, names) in _used_ids(content.strings["en"]).items()
             if text_id in declared and names - set(declared[text_id])}
    assert wrong == {}, "add these names to the id's entry in game/content/texts.py CODE"


def test_every_text_id_built_at_run_time_matches_a_pattern(content):
    """f"category.{c}" and "lane." + lane: the fixed start of each must begin a template in texts.PATTERNS."""
    namespaces = {key.split(".")[0] for key in content.strings["en"]}
    starts = {template[:template.index("{")] for template, _ in texts.PATTERNS}
    # f-strings that build keys of other tables (assumption paths, screen keys), not text ids
    not_text = ("records.retentions.", "records.flows[", "policy.", "lane.{lane}.", "outcome.", "board.")
    unmatched = []
    for path, tree in _code_files():
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                head = node.values[0].value
            elif (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(node.left, ast.Constant)
                  and isinstance(node.left.value, str)):
                head = node.left.value
            else:
                continue
            if not (isinstance(head, str) and "." in head and head.split(".")[0] in namespaces and " " not in head):
                continue
            source = ast.unparse(node)
            if any(start.startswith(head) or head.startswith(start) for start in starts if start):
                continue
            if any(source.strip("f'\"").startswith(prefix) or head.startswith(prefix) for prefix in not_text):
                continue
            unmatched.append(f"{path.relative_to(GAME.parent)}:{node.lineno}: {source}")
    assert unmatched == [], "add a template for these ids to game/content/texts.py PATTERNS"


def test_vocabularies_match_the_code():
    """The tables in texts.py and the schema that mirror code outside game/content agree with it."""
    from game.sim import calibration, model
    from game.story import board, prefs
    assert texts.SETTINGS == {spec.name: len(spec.choices) for spec in prefs.REGISTRY}
    assert {spec.label for spec in prefs.REGISTRY} <= set(texts.CODE)
    assert set(get_args(schema.Figure)) == set(board.FIGURES)
    assert set(schema.HORIZON_FIGURES) == set(board.FIGURE_HORIZON)
    assert set(model.CALIBRATION_QUANTITIES) == set(calibration.QUANTITIES)
    from game.ui import theme
    assert tuple(theme.CANVAS) == schema.CANVAS


def test_option_labels_are_filled_with_the_declared_names(content):
    """texts.option_fills says what game.sim.policy.option_values fills: the same names, option by option."""
    from game.sim import Model, option_values, retention_values
    model = Model.from_content(content)
    for name, spec in content.policy.fields.items():
        for oid in spec.options:
            assert set(option_values(model, name, oid)) == set(texts.option_fills(content, name, oid)), (name, oid)
    for rid in content.records.retentions:
        assert set(retention_values(model, rid)) == set(texts.retention_fills(content, rid)), rid


# -- the checks, on mutated copies ------------------------------------------------------------------
def _line_of(root: Path, name: str, text_id: str) -> int:
    from game.content.reader import Reader, lines_of
    reader = Reader(name)
    return lines_of(reader, reader.compose(root / name))[text_id]


def test_unknown_placeholder_in_english_is_blamed_on_english(content_copy):
    line = _line_of(content_copy, "strings/en.yaml", "outcome.heading")
    text = content_copy.joinpath("strings/en.yaml").read_text(encoding="utf-8")
    old = next(l for l in text.splitlines() if l.strip().startswith("heading:") and "{name}" in l)
    mutate(content_copy, "strings/en.yaml", old, old.replace("{name}", "{name} {nome}"))
    assert errors_of(content_copy) == [f"content/strings/en.yaml:{line}: outcome.heading: unknown placeholder {{nome}}; "
                                     "the game fills {name} here"]


def test_placeholder_in_a_text_the_code_shows_as_written(content_copy):
    line = mutate(content_copy, "strings/en.yaml", "  play: Start", '  play: "Start {n}"')
    assert errors_of(content_copy) == [f"content/strings/en.yaml:{line}: title.play: unknown placeholder {{n}}; "
                                     "the game fills none here"]


def test_positional_placeholder_is_refused(content_copy):
    line = mutate(content_copy, "strings/en.yaml", "  play: Start", '  play: "Start {}"')
    [error] = errors_of(content_copy)
    assert error.startswith(f"content/strings/en.yaml:{line}: title.play: expected {{name}} placeholders; got {{}}")


def test_stray_brace_in_spanish_is_an_error_not_a_traceback(content_copy):
    line = _line_of(content_copy, "strings/es.yaml", "title.play")
    path = content_copy / "strings" / "es.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[line - 1] = lines[line - 1].rstrip("\n").rstrip('"') + '}"\n' if lines[line - 1].rstrip().endswith('"') \
        else lines[line - 1].rstrip("\n") + "}\n"
    path.write_text("".join(lines), encoding="utf-8")
    [error] = errors_of(content_copy)
    assert error.startswith(f"content/strings/es.yaml:{line}: title.play: expected every brace in a pair")


def test_voice_may_say_when_but_a_label_may_not(content_copy):
    """{when} is filled in what a voice says (its field declares it), nowhere else."""
    text = (content_copy / "strings" / "en.yaml").read_text(encoding="utf-8")
    assert "{when}" in text
    line = mutate(content_copy, "strings/en.yaml", "  back: Back", '  back: "Back {when}"')
    assert errors_of(content_copy) == [f"content/strings/en.yaml:{line}: common.back: unknown placeholder {{when}}; "
                                     "the game fills none here"]


def test_a_text_the_code_asks_for_must_exist(content_copy):
    mutate(content_copy, "strings/en.yaml", '  years_one: "a year"\n', "")
    mutate(content_copy, "strings/es.yaml", "  years_one:", "  years_unused:")
    errors = errors_of(content_copy)
    assert any(e.startswith("content/strings/en.yaml:") and ": record.years_one: missing; the game shows this text"
               in e for e in errors), errors


def test_a_month_name_for_every_month(content_copy):
    line = mutate(content_copy, "strings/en.yaml", ', "12": December}', "}")
    assert f"content/strings/en.yaml:{line}: source.month.12: missing; the game shows this text " \
           "(game/content/texts.py)" in errors_of(content_copy)


def test_deleted_question_prompt_is_an_error(content_copy):
    line = mutate(content_copy, "questions.yaml", "    prompt: question.threshold.prompt\n", "")
    errors = errors_of(content_copy)
    assert any(e.startswith("content/questions.yaml:") and "questions.threshold.prompt: missing; expected a text id"
               in e for e in errors), errors
    assert line


def test_deleted_fact_text_in_english_is_an_error(content_copy):
    text = (content_copy / "strings" / "en.yaml").read_text(encoding="utf-8")
    old = re.search(r"\n  anzalduas-capture: [^\n]*", text[text.index("\nfact:"):]).group(0)
    mutate(content_copy, "strings/en.yaml", old, "")
    errors = errors_of(content_copy)
    assert any(e.startswith("content/sources.yaml:") and "facts.anzalduas-capture.text: unknown text id" in e
               for e in errors), errors
