"""Every check the game relies on runs when the content loads (so in `face-value validate`), each error one
line: `file:line: key.path: expected ...; got ...`. The numbers carry bounds declared on the schema's
fields (game/content/fields.py); the rules across files live in game/content/rules.py."""
from __future__ import annotations

import contextlib
import io

import pytest

from game.content import ContentErrors, load_content

from .edits import mutate


RATIO_REF = "value: 1.0e-5\n    assumption: assumption.matching.ratio_reference_fmr"

# file, old, new, lines after the change's first line, key path, what the message says
CASES = [
    ("model.yaml", "older_share: {value: 0.12", "older_share: {value: 1.5", 0, "traffic.older_share.value",
     "expected a chance in [0, 1]; got 1.5"),
    ("model.yaml", "older_share: {value: 0.12", "older_share: {value: -0.1", 0, "traffic.older_share.value",
     "expected a chance in [0, 1]; got -0.1"),
    ("model.yaml", "one: 0.40", "one: 0.45", 0, "traffic.occupancy.values",
     "expected shares that add up to 1; they add up to 1.05"),
    ("model.yaml", "daylight: 0.55", "daylight: 0.5", 0, "traffic.conditions.values", "add up to 0.95"),
    ("model.yaml", RATIO_REF, RATIO_REF.replace("1.0e-5", "0"), 0, "matching.ratio_reference_fmr.value",
     "expected a false-match rate above 0 in (0, 0.01]; got 0"),
    ("model.yaml", RATIO_REF, RATIO_REF.replace("1.0e-5", "1"), 0, "matching.ratio_reference_fmr.value", "got 1"),
    ("model.yaml", RATIO_REF, RATIO_REF.replace("1.0e-5", ".nan"), 0, "matching.ratio_reference_fmr.value",
     "expected a finite number"),
    ("model.yaml", "value: 100.0\n    source: nist-8280", "value: 200000.0\n    source: nist-8280", 0,
     "matching.max_fmr_ratio.value", "keeps the reference false-match rate (1e-05) below 1; got 200000"),
    ("policy.yaml", "value: 1.0e-3}", "value: 0}", 0, "fields.threshold.options.fmr-1e-3.value",
     "expected a target false-match rate above 0 and below 1; got 0"),
    ("policy.yaml", "value: 1.0e-3}", "value: .nan}", 0, "fields.threshold.options.fmr-1e-3.value",
     "expected a finite number"),
    ("model.yaml", "spread: {value: 1.0", "spread: {value: 0", 0, "matching.spread.value",
     "expected a spread in [0.05, 10]; got 0"),
    ("model.yaml", "middle-differential: 3.2", "middle-differential: 0.5", 0,
     "differentials.women.fmr_ratio.values.middle-differential", "expected a factor in [1, 1e+06]; got 0.5"),
    ("policy.yaml", "readers: [ice, uscis-request]", "readers: [icee, uscis-request]", 0,
     "fields.ice_sharing.options.standing_access.readers[0]", "unknown reader id"),
    ("policy.yaml", "retention: weeks-2}", "retention: weeks-3}", 0,
     "fields.citizen_retention.options.weeks-2.retention", "unknown retention id"),
    ("policy.yaml", "profile: low-differential}", "profile: lowest}", 0,
     "fields.audits_before_expansion.options.audit_first.profile", "unknown profile id"),
    ("policy.yaml", "flag: true, profile: low-differential}", "profile: low-differential}", 0,
     "fields.audits_before_expansion.options.audit_first", "expected 'flag: true' or 'flag: false'"),
    ("records.yaml", "- system: tecs", "- system: teks", 0, "flows[0].system", "unknown system id"),
    ("records.yaml", "readers: [cbp, policy.ice_sharing]", "readers: [cbp, policy.ice_share]", 0, "flows[0].readers[1]",
     "unknown reader (or policy.<decision> whose options name readers)"),
    ("records.yaml", "retention: policy.citizen_retention", "retention: policy.ice_sharing", 0, "flows[2].retention",
     "unknown retention (or policy.<decision> whose options each name one)"),
    ("records.yaml", "when: {forward_to_ident: [forward]}", "when: {forward_to_ident: [forwardd]}", 0,
     "flows[4].when.forward_to_ident[0]", "unknown option of forward_to_ident"),
    ("model.yaml", "value: 7.01", "value: .inf", 0, "matching.genuine_mean.value", "expected a finite number"),
    ("model.yaml", "value: 7.01", "value: -.inf", 0, "matching.genuine_mean.value", "expected a finite number"),
    ("model.yaml", "value: 7.01", "value: 1e20", 0, "matching.genuine_mean.value", "got '1e20'"),
    ("model.yaml", "value: 7.01", "value: 1e9", 0, "matching.genuine_mean.value", "expected a mean score in [-20, 20]"),
    ("model.yaml", "mask: {value: -1.10", "mask: {value: .nan", 0, "matching.occlusion_shift.mask.value",
     "expected a finite number"),
    ("model.yaml", "differentials: [women]", "differentials: [woman]", 0, "groups.women.differentials[0]",
     "unknown differential id"),
    ("model.yaml", "quality_level: {daylight: fair", "quality_level: {daylight: fairish", 0,
     "capture.placements.windshield.quality_level.daylight", "unknown quality_level id"),
    ("model.yaml", "    quantity: all_captured_share", "    quantity: all_captured", 0, "calibration.all-captured.quantity",
     "(did you mean 'all_captured_share'?)"),
    ("model.yaml", "    quantity: fmr_ratio\n    group: women\n", "    quantity: fmr_ratio\n", -1,
     "calibration.women-ratio.group", "expected a group for the quantity fmr_ratio"),
    ("model.yaml", "{driver: 0.03, front: 0.05, ", "{driver: 0.03, ", 0,
     "capture.placements.windshield.no_image_by_seat.values", "missing front"),
    ("model.yaml", "{hat: 0.05, sunglasses", "{hat: 0.05, hats: 0.1, sunglasses", 0,
     "capture.no_image_by_behaviour.values.hats", "unknown key"),
    ("model.yaml", "values: {low-differential: 2.0, ", "values: {", 0,
     "differentials.women.fmr_ratio.values", "missing low-differential"),
    ("model.yaml", "values: {recent: 1.0, middle: 5.0, old: 9.0}", "values: {recent: 1.0, mid: 5.0, old: 9.0}", 0,
     "traffic.photo_age_years.values", "expected the same keys as photo_age_share.values; they differ in mid, middle"),
    ("records.yaml", "value: 12, unit", "value: -12, unit", 0, "retentions.hours-12.hours.value",
     "expected hours in [0, 1.752e+06]; got -12"),
    ("records.yaml", "value: 12, unit", "value: 1e300, unit", 0, "retentions.hours-12.hours.value",
     "expected a finite number"),
    ("records.yaml", "value: 12, unit", "value: 0, unit", 0, "retentions.hours-12.hours.value",
     "expected hours above 0: only the retention 'at-match'"),
    ("scenes.yaml", "idle_reset_seconds: 90", "idle_reset_seconds: .nan", 0, "kiosk.idle_reset_seconds",
     "expected a finite number"),
    ("scenes.yaml", "idle_reset_seconds: 90", "idle_reset_seconds: -5", 0, "kiosk.idle_reset_seconds",
     "expected seconds in [10, 3600]; got -5"),
    ("scenes.yaml", "idle_reset_seconds: 90", "idle_reset_seconds: 0.001", 0, "kiosk.idle_reset_seconds",
     "expected seconds in [10, 3600]; got 0.001"),
    ("scenes.yaml", "attract_seconds: 8", "attract_seconds: 0", 0, "kiosk.attract_seconds", "expected seconds in [1, 600]"),
    ("travellers.yaml", "photo_age_years: 3", "photo_age_years: -3", 0, "travellers.commuter.photo_age_years",
     "expected years in [0, 100]; got -3"),
    ("travellers.yaml", "photo_age_years: 3", "photo_age_years: .nan", 0, "travellers.commuter.photo_age_years",
     "expected a finite number"),
    ("stations.yaml", "position: [330, 262]", "position: [100000000000000000000, 262]", 0,
     "stations.queue.position[0]", "expected a finite whole number"),
    ("stations.yaml", "position: [330, 262]", "position: [330, 2620]", 0, "stations.queue.position[1]",
     "expected y on the 1920x1080 canvas, from 0 to 1080; got 2620"),
    ("stations.yaml", "position: [330, 262]", "position: [330]", 0, "stations.queue.position", "expected [x, y]"),
    ("questions.yaml", "    prompt: question.threshold.prompt\n", "", -3, "questions.threshold.prompt",
     "missing; expected a text id"),
    ("questions.yaml", "figures: [held_in_secondary,", "figures: [held_in_secondry,", 0, "questions.threshold.figures[0]",
     "did you mean 'held_in_secondary'?"),
    ("sources.yaml", "text: fact.anzalduas-capture}", "}", 0, "facts.anzalduas-capture.text",
     "missing; expected a text id"),
]


@pytest.mark.parametrize("file, old, new, offset, path, expected", CASES,
                         ids=[f"{c[0]}:{c[4]}:{c[2][:24]}" for c in CASES])
def test_refused_with_file_line_and_path(content_copy, file, old, new, offset, path, expected):
    line = mutate(content_copy, file, old, new) + offset
    with pytest.raises(ContentErrors) as caught:
        load_content(content_copy)
    errors = [str(e) for e in caught.value.errors]
    wanted = f"content/{file}:{line}: {path}: "
    assert any(e.startswith(wanted) and expected in e for e in errors), "\n".join(errors)


def test_validate_reports_them_from_the_folder_it_read(tmp_path, content_copy):
    """The command line names the file it read (not content/... of the game's own folder), with its line."""
    from game.app.cli import main
    folder = tmp_path / "museum-edit"
    content_copy.rename(folder)
    line = mutate(folder, "model.yaml", "spread: {value: 1.0", "spread: {value: 0")
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main(["validate", str(folder)]) == 2
    assert err.getvalue().startswith(f"museum-edit/model.yaml:{line}: matching.spread.value: expected a spread in")
    assert "Traceback" not in err.getvalue()


def test_a_plain_exponent_is_a_number(content_copy):
    mutate(content_copy, "policy.yaml", "value: 1.0e-3}", "value: 7e-4}")
    assert load_content(content_copy).policy.fields["threshold"].options["fmr-1e-3"].value == 7e-4


def test_the_lab_needs_the_middle_photo_age(content_copy):
    mutate(content_copy, "model.yaml", "values: {recent: 1.0, middle: 5.0", "values: {recent: 1.0, mid: 5.0")
    line = mutate(content_copy, "model.yaml", "values: {recent: 0.34, middle: 0.33", "values: {recent: 0.34, mid: 0.33")
    with pytest.raises(ContentErrors) as caught:
        load_content(content_copy)
    assert [str(e) for e in caught.value.errors] == [
        f"content/model.yaml:{line}: traffic.photo_age_share.values: missing middle; expected keys recent, middle, old",
        f"content/model.yaml:{line}: traffic.photo_age_share.values.mid: unknown key; expected one of middle, old, "
        "recent; got 'mid' (did you mean 'middle'?)"]
