"""The soak (`face-value soak`), for a few simulated minutes: visitors tap, type and press gamepad
buttons, leave the kiosk alone long enough for it to reset itself, and nothing goes wrong. The day-long
run is a command, not a test (its figures are in the kiosk's closing note)."""
from __future__ import annotations

from game.app.cli import main
from game.ui import soak
from game.ui.runtime import init_pygame, shutdown


def test_half_an_hour_of_visitors_raises_nothing_and_every_absence_ends_in_a_fresh_run(content):
    init_pygame(headless=True)
    try:
        run = soak.Soak(content, seed=3, size=(1280, 720), hours=0.5)
        tally = run.run()
        run.end_s += 4 * 3600  # then visitors until two have left it alone long enough to reset (chance says when)
        while tally.absences < 2 and run.now < run.end_s:
            run.visit()
            run.absence()
    finally:
        shutdown()
    assert tally.exceptions == 0 and tally.quits == 0
    assert tally.events > 100 and tally.visits >= 2 and tally.frames > 100
    assert tally.resets >= 1 and tally.runs > 1
    assert tally.absences >= 2 and tally.stale_absences == 0
    assert 0 < tally.rss["start"] <= tally.peak_mb <= soak.MAX_RSS_MB


def test_the_command_prints_its_figures(capsys):
    status = main(["soak", "--hours", "0.05", "--seed", "2", "--size", "960x540"])
    out = capsys.readouterr().out
    assert "exceptions 0 " in out and "unexpected quits 0 " in out, out
    assert "resident memory MB: start" in out and "peak" in out and "targets:" in out
    assert status in (0, 1)  # a few minutes are too short to judge memory growth: only the count matters here
