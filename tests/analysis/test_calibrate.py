"""Calibration by target: bisection over seeded batches, the grid, and the one Wilson interval."""

from __future__ import annotations

import json

import pytest

from game.analysis import batch, sweep
from game.analysis.batch import run_batch
from game.analysis.calibrate import calibrate, spaced
from game.analysis.stats import wilson, wilson_arrays
from game.cli.main import main
from tests.scenario.conftest import SCENARIOS

TUTORIAL = SCENARIOS / "tutorial.toml"
KNOB = "delegations.southport.reservation"  # a Southport that values no deal more signs the treaty less often


def test_bisection_finds_a_value_within_three_points_of_the_target():
    # with the endgame AI the treaty's share slides from about a half at 47 to a third by 56, then drops off a
    # cliff near 62 (a third to nearly none): a target on the slope, where a value within three points exists
    r = calibrate(TUTORIAL, KNOB, 47.0, 65.0, "treaty", 0.40, runs=60, seed=0, steps=6)
    assert r.bracketed
    assert abs(r.best.share - 0.40) <= 0.03, [(p.values, p.share) for p in r.probes]
    # the reported share is what a batch at that value gives with the same seeds
    again = run_batch(TUTORIAL, 60, seed=0, overrides={KNOB: r.best.values[0]})
    assert again.tally.outcomes["treaty"] == r.best.count
    assert r.best.interval == wilson(r.best.count, 60)


def test_bisection_of_whole_numbers_plays_whole_numbers_only():
    r = calibrate(TUTORIAL, KNOB, 35, 70, "treaty", 0.40, runs=20, seed=0, steps=3)
    assert all(isinstance(p.values[0], int) for p in r.probes)


def test_a_target_outside_the_range_gives_the_nearer_end_and_says_so(capsys):
    assert main(["sweep", "tutorial", "--set", f"{KNOB}=10..20", "--target", "treaty=10%", "--runs", "10"]) == 0
    out = capsys.readouterr().out
    assert "the target is outside the shares at the range's ends, so this is the nearer end" in out


def test_sweep_target_json(capsys):
    assert main(["sweep", "tutorial", "--set", f"{KNOB}=35.0..70.0", "--target", "treaty=0.4", "--runs", "20", "--steps", "2", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["outcome"] == "treaty" and data["target"] == 0.4 and len(data["probes"]) == 4
    assert data["value"] in [p["values"][0] for p in data["probes"]]
    lo, hi = data["ci95"]
    assert lo <= data["share"] <= hi


def test_two_settings_give_a_grid(capsys):
    assert (
        main(
            [
                "sweep",
                "tutorial",
                "--set",
                f"{KNOB}=35..65",
                "--set",
                "delegations.eastmark.reservation=35,65",
                "--points",
                "3",
                "--target",
                "treaty=0.5",
                "--runs",
                "10",
                "--json",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["values"] == [[35, 50, 65], [35, 65]]
    assert [len(row) for row in data["cells"]] == [2, 2, 2]
    shares = [c["share"] for row in data["cells"] for c in row]
    assert data["nearest"]["share"] == min(shares, key=lambda x: abs(x - 0.5))


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--set", f"{KNOB}=35..70"], "is a range: add --target OUTCOME=SHARE to search it"),
        (["--set", f"{KNOB}=35..70", "--target", "treaty=1.5"], "write OUTCOME=SHARE with a share from 0 to 1 (or 0% to 100%)"),
        (["--set", f"{KNOB}=35..70", "--target", "treat=0.5"], "--target: unknown outcome 'treat'; tutorial has treaty, side_pact, no_deal"),
        (["--set", f"{KNOB}=a..b", "--target", "treaty=0.5"], "a range needs two numbers"),
        (["--set", f"{KNOB}=35..65", "--set", f"{KNOB}=1,2"], "a grid (--set twice) shows one outcome's share: add --target"),
        (["--set", f"{KNOB}=35..65", "--set", f"{KNOB}=1,2", "--target", "treaty=0.5"], "a grid needs two different parameters"),
    ],
)
def test_sweep_target_mistakes_exit_2_with_a_message(capsys, argv, message):
    assert main(["sweep", "tutorial", *argv, "--runs", "2"]) == 2
    assert message in capsys.readouterr().err


def test_spaced_values():
    assert spaced(35, 65, 3) == [35, 50, 65]
    assert spaced(0.0, 1.0, 5) == [0.0, 0.25, 0.5, 0.75, 1.0]


def test_batch_and_sweep_share_one_wilson_interval():
    assert batch.wilson is wilson and sweep.wilson_arrays is wilson_arrays
    lo, hi = wilson(7, 60)
    assert 0.05 < lo < 7 / 60 < hi < 0.23
    assert wilson(0, 0) == (0.0, 0.0)
