"""Every board option moves at least one consequence, in the direction the model says."""
from __future__ import annotations

import pytest

from game.story.board import FIGURES, BoardState, default_decisions, figures
from game.story.world import World


@pytest.fixture(scope="module")
def world(content):
    return World(content, seed=2)


def outcome(world, content, question_id, index):
    state = BoardState(default_decisions(world.model, content.questions))
    state.decisions[question_id] = index
    policy = state.policy(world.model, content.questions)
    travellers = tuple(world.crossing(t, policy).summary for t in content.travellers)
    return figures(world.year(policy)), travellers


def test_question_figures_are_known(content):
    for question in content.questions.values():
        assert question.figures and set(question.figures) <= set(FIGURES), question.id


def test_every_option_changes_something(world, content):
    for qid, question in content.questions.items():
        results = [outcome(world, content, qid, i) for i in range(len(question.options))]
        for i, a in enumerate(results):
            for j, b in enumerate(results[i + 1:], i + 1):
                assert a != b, f"{qid}: options {i} and {j} change nothing"


def by_option(world, content, qid, label_part):
    question = content.questions[qid]
    index = next(i for i, o in enumerate(question.options) if label_part in str(o.set))
    return outcome(world, content, qid, index)[0]


def test_directions(world, content):
    lenient, strict = by_option(world, content, "threshold", "fmr-1e-3"), by_option(world, content, "threshold", "fmr-1e-6")
    assert strict["false_non_matches"] > lenient["false_non_matches"]
    assert strict["impostors_missed"] < lenient["impostors_missed"]
    short, long = (by_option(world, content, "citizen_retention", r) for r in ("hours-12", "years-75"))
    assert long["photos_year_1"] > short["photos_year_1"]
    request, standing = (by_option(world, content, "ice_sharing", r) for r in ("formal_request", "standing_access"))
    assert request["records_ice_standing"] == 0 < standing["records_ice_standing"]
    banned, review, allowed = (by_option(world, content, "one_to_many", r) for r in ("banned", "human_review", "'allowed'"))
    assert banned["search_false_leads"] == 0 < review["search_false_leads"] < allowed["search_false_leads"]
    no_consent, consent, no_scans = (by_option(world, content, "field_scans", r)
                                     for r in ("no_consent", "consent_opt_out", "'banned'"))
    assert no_consent["street_scans"] > consent["street_scans"] > no_scans["street_scans"] == 0
    manual, secondary = (by_option(world, content, "capture_failure", r) for r in ("manual_check", "mandatory_secondary"))
    assert secondary["held_in_secondary"] > manual["held_in_secondary"]
    now, audit, never = (by_option(world, content, "audits", r) for r in ("no_audit', 'outbound_capture': 'on",
                                                                         "audit_first", "off_lanes"))
    assert now["outbound_faces"] > audit["outbound_faces"] > never["outbound_faces"] == 0


def test_every_consequence_has_facts_behind_it(content):
    table = content.files["questions.yaml"].figure_facts
    assert set(table) == set(FIGURES)
    assert all(table[f] for f in FIGURES)


def test_the_labs_algorithm_choice_sets_the_profile_and_moves_group_figures(world, content):
    lab = next(q for q in content.questions.values() if q.algorithm)
    slot = f"{lab.id}.algorithm"
    state = BoardState(default_decisions(world.model, content.questions))
    assert state.policy(world.model, content.questions).profile == "middle-differential"  # today: the middle
    profiles, women_fmr = [], []
    for index in range(len(lab.algorithm)):
        state.decisions[slot] = index
        policy = state.policy(world.model, content.questions)
        profiles.append(policy.profile)
        women_fmr.append(world.year(policy).by_group["women"].fmr)
    assert sorted(profiles) == sorted(world.model.profiles)
    assert len(set(women_fmr)) == len(profiles)
