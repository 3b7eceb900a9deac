"""`plenipo batch` designer report: when instruments are signed, game lengths, events, CSV."""

from __future__ import annotations

import csv
import json

from game.cli.main import main


def test_batch_json_has_the_designer_figures(capsys):
    assert main(["batch", "tutorial", "--runs", "30", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("outcome_ci95", "instrument_sittings", "game_lengths", "events_never_fired", "mean_score", "mean_turns"):
        assert key in data
    for iid, by_sitting in data["instrument_sittings"].items():
        assert sum(by_sitting.values()) == data["instruments"][iid]
    assert sum(data["game_lengths"].values()) == 30


def test_batch_table_and_csv(tmp_path, capsys):
    out = tmp_path / "b.csv"
    assert main(["batch", "tutorial", "--runs", "20", "--csv", str(out)]) == 0
    text = capsys.readouterr().out
    assert "signed at sitting" in text and "sittings played" in text and "95% interval" in text
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    kinds = {r["kind"] for r in rows}
    assert {"outcome", "instrument", "instrument_at_sitting", "game_length", "event", "delegation"} <= kinds
