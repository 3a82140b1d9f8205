"""The model's content: every number sourced or labelled, every text id present, no stray digits,
and broken model files stopped with errors that name the file and key path."""
from __future__ import annotations

import importlib.util
import re
import string
from pathlib import Path

import pytest

from game.content import ContentErrors, load_content, schema

from .edits import mutate

_spec = importlib.util.spec_from_file_location(
    "partial_content", Path(__file__).resolve().parents[1] / "sim" / "partial_content.py")
_partial = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_partial)
load_model_content = _partial.load_model_content  # the model tests' loader: only the files the model reads


@pytest.fixture(scope="module")
def mc():
    return load_model_content()


@pytest.fixture(scope="module")
def model(mc):
    from game.sim import Model
    return Model.from_content(mc)


def test_every_parameter_names_a_known_source_or_an_assumption(mc, model):
    assert len(model.params) > 60
    for path, param in model.params.items():
        assert bool(param.source) != bool(param.assumption), path
        if param.source:
            assert param.source in mc.sources, f"{path}: unknown source {param.source}"
        else:
            assert len(mc.strings["en"][param.assumption]) > 20, f"{path}: say why"
    for i, flow in enumerate(mc.records.flows):
        assert bool(flow.source) != bool(flow.assumption), f"flows[{i}]"
        assert flow.source is None or flow.source in mc.sources
    for name, spec in mc.policy.fields.items():
        assert bool(spec.source) != bool(spec.assumption), name
        assert spec.source is None or spec.source in mc.sources


def test_assumptions_are_words_the_player_reads(mc, model):
    """Each reason is a text id (`assumption.<its path>`), so the game shows it, translated, in "How do
    we know?" (game/story/assumptions.py); the words name sources as a reader would, never by id."""
    ids = [p.assumption for p in model.params.values() if p.assumption]
    ids += [f.assumption for f in mc.records.flows if f.assumption]
    ids += [s.assumption for s in mc.policy.fields.values() if s.assumption]
    ids += [r.unstated for r in mc.records.retentions.values() if r.unstated]
    assert len(ids) > 60
    for text_id in ids:
        assert text_id.startswith("assumption."), text_id
        for lang, table in mc.strings.items():
            assert not re.search(r"\(([a-z0-9-]+(?:-[a-z0-9]+)+)\)", table[text_id]), f"{lang}:{text_id}"


def _model_text_ids(mc, model) -> set[str]:
    from game.sim import model as m
    ids = {g.label for g in mc.model.groups.values()} | set(model.limits)
    ids |= {f"model.cause.seat.{s}" for s in m.SEATS + (m.PERSON,)}
    ids |= {f"model.cause.condition.{c}" for c in m.CONDITIONS}
    ids |= {f"model.cause.behaviour.{b}" for b in m.BEHAVIOURS}
    source = "".join(p.read_text(encoding="utf-8") for p in Path(m.__file__).parent.glob("*.py"))
    ids |= set(re.findall(r'"(model\.(?:outcome|decision|reason)\.[a-z0-9.-]+)"', source))
    return ids


def test_every_text_id_the_model_emits_exists(mc, model):
    ids = _model_text_ids(mc, model)
    assert len(ids) > 60
    missing = sorted(i for i in ids if i not in mc.strings["en"])
    assert missing == []


def test_model_strings_hold_no_digits_and_only_known_placeholders(mc, model):
    from game.sim import option_values, retention_values
    for key, text in mc.strings["en"].items():
        if key.startswith("model."):
            assert not re.search(r"\d", text), key
    for rid, retention in mc.records.retentions.items():
        mc.text(retention.label, **retention_values(model, rid))
    for name, spec in mc.policy.fields.items():
        for oid, option in spec.options.items():
            mc.text(option.label, **option_values(model, name, oid))
    allowed = {"n", "hours", "days", "weeks", "years"}
    for key, text in mc.strings["en"].items():
        if key.startswith("model."):
            names = {n for _, n, _, _ in string.Formatter().parse(text) if n}
            assert names <= allowed, key


def test_groups_are_labelled_as_model_groups(mc):
    for gid, group in mc.model.groups.items():
        assert group.label == f"model.group.{gid}"


@pytest.mark.parametrize("file, old, new, path, expected", [
    ("model.yaml", "differentials: [women]", "differentials: [woman]",
     "groups.women.differentials[0]", "unknown differential id"),
    ("model.yaml", "one: 0.40", "one: 0.50", "traffic.occupancy.values", "expected shares that add up to 1"),
    ("model.yaml", "driver: 0.03, front: 0.05", "driver: 1.3, front: 0.05",
     "capture.placements.windshield.no_image_by_seat.values.driver", "expected a chance in [0, 1]; got 1.3"),
    ("records.yaml", "retention: years-15", "retention: years-51", "flows[10].retention", "unknown retention"),
    ("policy.yaml", "default: manual_check", "default: manual", "fields.capture_failure.default", "expected one of"),
    ("model.yaml", "  impostor_mean: {value: 0.0, assumption:", "  impostor_mean: {value: 0.0, source: nist-8280, assumption:",
     "matching.impostor_mean", "expected exactly one of 'source'"),
    ("model.yaml", "assumption: assumption.matching.spread", "assumption: both curves share one spread",
     "matching.spread.assumption", "unknown text id"),
])
def test_broken_model_content_is_refused_with_file_line_and_path(content_copy, file, old, new, path, expected):
    """The model's own rules run when the content loads (and so in `face-value validate`), not when the
    model is built: each error names the file actually read, the line and the key path."""
    line = mutate(content_copy, file, old, new)
    with pytest.raises(ContentErrors) as info:
        load_content(content_copy)
    report = info.value.report()
    assert f"content/{file}:{line}: {path}: " in report and expected in report, report
    with pytest.raises(ContentErrors):  # the model's tests load only the model's files: the same rules hold
        load_model_content(content_copy)


def test_the_whole_content_folder_loads_and_builds_the_model():
    from game.sim import Model, Policy, port_year
    content = load_content()
    model = Model.from_content(content)
    assert port_year(model, Policy.default(model)).people > 0
    assert isinstance(content.records, schema.RecordsFile) and isinstance(content.policy, schema.PolicyContentFile)
