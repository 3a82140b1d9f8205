"""`face-value model`: JSON out, and policy-file errors that name the file, line and key."""
from __future__ import annotations

import argparse
import json

import pytest

from game.app import model_cmd


@pytest.fixture
def run(monkeypatch, model_content, capsys):
    monkeypatch.setattr(model_cmd, "load_content", lambda root=None: model_content)

    def go(*argv: str):
        parser = argparse.ArgumentParser()
        model_cmd.add_arguments(parser)
        code = model_cmd.run(parser.parse_args(list(argv)))
        out = capsys.readouterr()
        return code, out.out, out.err
    return go


def test_prints_the_year_and_a_sample_as_json(run):
    code, out, err = run("--days", "30", "--seed", "3", "--sample", "200")
    assert code == 0, err
    data = json.loads(out)
    assert data["year"]["days"] == 30
    assert data["sample"]["vehicles"] == 200 and data["sample"]["seed"] == 3
    assert data["policy"]["capture_failure"] == "manual_check"
    assert set(data["year"]["by_group"]) == {"men", "women", "most-affected-men", "most-affected-women"}


def test_a_policy_file_changes_the_outcome(run, tmp_path):
    path = tmp_path / "board.yaml"
    path.write_text("capture_failure: retake\nforward_to_ident: false\nthreshold: fmr-1e-6\n", encoding="utf-8")
    code, out, err = run("--policy", str(path))
    assert code == 0, err
    data = json.loads(out)
    assert data["policy"]["capture_failure"] == "retake"
    assert data["policy"]["forward_to_ident"] == "keep_in_cbp"
    assert data["year"]["photos_held"]["ident"]["years-10"] == 0


def test_a_bad_policy_file_names_file_line_and_key(run, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("threshold: fmr-1e-5\ncapture_failure: retak\nbogus: 1\nthreshold_score: high\n",
                    encoding="utf-8")
    code, out, err = run("--policy", str(path))
    assert code == 2 and out == ""
    assert "Traceback" not in err
    assert f"{path}:3: bogus: unknown key" in err
    assert f"{path}:4: threshold_score: expected" in err
    path.write_text("capture_failure: retak\n", encoding="utf-8")
    code, out, err = run("--policy", str(path))
    assert code == 2
    assert f"{path}:1: capture_failure: expected one of mandatory_secondary, manual_check, retake; " \
           f"got 'retak' (did you mean 'retake'?)" in err


@pytest.mark.parametrize("text, message", [("", "file is empty"), ("[1, 2]", "expected a mapping"),
                                           ("a: [", "YAML syntax error")])
def test_malformed_policy_files(run, tmp_path, text, message):
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    code, _, err = run("--policy", str(path))
    assert code == 2 and message in err and "Traceback" not in err


def test_missing_policy_file(run, tmp_path):
    code, _, err = run("--policy", str(tmp_path / "nope.yaml"))
    assert code == 2 and "file is missing" in err


def test_calibration_table_lists_every_public_figure(run, model):
    code, out, err = run("--calibration")
    assert code == 0, out + err
    lines = out.strip().splitlines()
    assert lines[0].split()[:2] == ["public", "figure"]
    assert len(lines) == 1 + len(model.calibration) + 1
    assert lines[-1].startswith(f"{len(model.calibration)} of {len(model.calibration)} figures inside")
    assert all(line.rstrip().endswith("yes") for line in lines[1:-1])


def test_calibration_exits_1_when_a_policy_leaves_a_band(run, tmp_path):
    policy = tmp_path / "strict.yaml"
    policy.write_text("threshold: fmr-1e-6\n")
    code, out, _ = run("--calibration", "--policy", str(policy))
    assert code == 1
    assert "NO" in out and "outside: not-matched" in out
