"""`plenipo sweep`: a table of outcome shares per value of one parameter."""

from __future__ import annotations

import json

import numpy as np

from game.analysis.sweep import run_sweep
from game.cli.main import main
from tests.scenario.conftest import SCENARIOS

TUTORIAL = SCENARIOS / "tutorial.toml"


def test_sweep_rows_sum_to_one_and_move_with_the_parameter():
    r = run_sweep(TUTORIAL, "delegations.northland.reservation", [10, 80], runs=60, seed=0)
    assert np.allclose(r.shares.sum(axis=1), 1.0)
    treaty = r.outcomes.index("treaty")
    assert r.shares[0, treaty] - r.shares[1, treaty] > 0.5  # a Northland that values no deal highly blocks the treaty


def test_sweep_json(capsys):
    assert main(["sweep", str(TUTORIAL), "--set", "delegations.northland.reservation=10,80", "--runs", "20", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [row["value"] for row in data["rows"]] == [10, 80]
    for row in data["rows"]:
        assert abs(sum(row["shares"].values()) - 1) < 1e-9
        assert set(row["ci95"]) == set(row["shares"])


def test_sweep_table(capsys):
    assert main(["sweep", "tutorial", "--set", "events.storm.chance=0,1", "--runs", "10"]) == 0
    out = capsys.readouterr().out
    assert "events.storm.chance" in out and "treaty" in out and "%" in out


def test_sweep_with_jobs_gives_the_same_counts():
    one = run_sweep(TUTORIAL, "events.storm.chance", [0.0], runs=12, seed=4, jobs=1)
    two = run_sweep(TUTORIAL, "events.storm.chance", [0.0], runs=12, seed=4, jobs=2)
    assert (one.counts == two.counts).all()


def test_sweep_unknown_path_fails_with_did_you_mean(capsys):
    assert main(["sweep", "tutorial", "--set", "delegations.northlnd.reservation=1,2", "--runs", "2"]) == 2
    assert "did you mean 'northland'" in capsys.readouterr().err


def test_sweep_invalid_value_fails_with_key_path(capsys):
    assert main(["sweep", "tutorial", "--set", "delegations.northland.reservation=50,500", "--runs", "2"]) == 2
    assert "delegations[0].reservation" in capsys.readouterr().err


def test_sweep_bad_setting_syntax(capsys):
    assert main(["sweep", "tutorial", "--set", "reservation", "--runs", "2"]) == 2
    assert "PATH=V1,V2" in capsys.readouterr().err
