"""Every assumption in sight (issue 8): each number the content gives a reason for instead of a source
can be read, in every language, from the "How do we know?" of a screen whose numbers rest on it."""
from __future__ import annotations

import re

import pytest

from game.story import assumptions


@pytest.fixture(scope="module")
def model(content):
    from game.sim import Model
    return Model.from_content(content)


def test_the_index_holds_every_assumption_in_the_content(content, model):
    index = assumptions.index(model)
    params = {path for path, p in model.params.items() if p.assumption}
    assert len(params) > 50 and params <= set(index)
    assert {f"policy.{k}" for k, f in content.policy.fields.items() if f.assumption} <= set(index)
    assert {f"records.retentions.{k}" for k, r in content.records.retentions.items() if r.unstated} <= set(index)
    assert sum(1 for f in content.records.flows if f.assumption) == sum(1 for p in index if p.startswith("records.flows"))


def test_every_assumption_is_reachable_from_a_screen_before_the_record(content, model):
    """The record screen shows them all; each must also be on a lane, outcome or board screen of its own."""
    screens = assumptions.screens(content, model)
    index = assumptions.index(model)
    for name, paths in screens.items():
        assert set(paths) <= set(index), name
        assert len(paths) == len(set(paths)), f"{name} lists an assumption twice"
    assert sorted(screens["record"]) == sorted(index)
    reached = {path for name, paths in screens.items() if name != "record" for path in paths}
    assert sorted(set(index) - reached) == []


def test_screens_show_the_assumptions_their_numbers_rest_on(content, model):
    screens = assumptions.screens(content, model)
    lab = next(q for q, spec in content.questions.items() if spec.kind == "threshold_lab")
    assert screens[f"board.{lab}"][:3] == ["policy.threshold", "policy.profile", "model.matching.impostor_mean"]
    assert "model.capture.placements.windshield.no_image_by_seat" in screens["lane.vehicle.face"]
    assert "model.capture.placements.in_motion.no_image_by_seat" not in screens["lane.vehicle.face"]
    assert "model.capture.placements.in_motion.no_image_by_seat" in screens["lane.pedestrian.ped-camera"]
    assert "model.search.search_fmr" in screens["lane.street.scan"]
    assert "model.traffic.impostor_rate" in screens["lane.vehicle.decision"]
    assert screens["lane.vehicle.plate"] == []  # no model number there rests on an assumption


def test_every_figure_says_what_it_rests_on(content):
    """A new figure on the board must say which assumptions it rests on, or its screen would show none."""
    from game.story.board import FIGURES
    assert set(assumptions.FIGURE) == set(FIGURES)
    for q in content.questions.values():
        assert set(q.figures) <= set(assumptions.FIGURE), q.id


def test_record_lines_bring_their_own_assumptions(content, model):
    """A record kept with no published end date, or a kind of record our sources do not describe,
    shows its reason where the record panel shows it."""
    from game.sim import Policy
    from game.story.crossing import build_crossing
    policy = Policy.from_choices(model, {"outbound_capture": "on_lanes"})
    traveller = next(t for t in content.travellers.values() if t.lane == "outbound")
    crossing = build_crossing(content, model, policy, traveller, seed=1)
    shown = assumptions.station(model, "exit", "outbound", crossing.records)
    assert "records.retentions.crossing-unstated" in shown
    exit_flows = [f"records.flows[{i}]" for i, f in enumerate(content.records.flows)
                  if "outbound" in f.paths and f.assumption and f.system == "tecs"]
    assert exit_flows and set(exit_flows) <= set(shown)


def test_every_assumption_has_words_in_every_language(content, model):
    ids = set(assumptions.index(model).values()) | {"assumption.heading"}
    for lang, table in content.strings.items():
        missing = sorted(i for i in ids if not table.get(i, "").strip())
        assert missing == [], f"{lang} lacks {missing[:5]}"
    english, spanish = content.strings["en"], content.strings["es"]
    untranslated = sorted(i for i in ids if english[i] == spanish[i])
    assert untranslated == []


def test_assumption_ids_follow_their_paths(model):
    """assumption.<path in the file>, so an author finds the words from the number and back."""
    for path, text_id in assumptions.index(model).items():
        if path.startswith("records.flows"):
            assert text_id.startswith("assumption.records.flows."), path
        else:
            assert text_id == "assumption." + path.removeprefix("model."), path


def test_no_assumption_shows_a_source_id(content, model):
    """The player reads the source's name in words, never an id such as (latintimes-rfi)."""
    ids = set(assumptions.index(model).values())
    for lang, table in content.strings.items():
        for text_id in ids:
            text = table[text_id]
            assert not re.search(r"\([a-z0-9]+(?:-[a-z0-9]+)+\)", text), f"{lang}:{text_id}"
            named = [sid for sid in content.sources if re.search(rf"\b{re.escape(sid)}\b", text)]
            assert named == [], f"{lang}:{text_id} names {named}"
