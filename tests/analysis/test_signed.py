"""The batch's signed-package and refusal tables, checked against the games themselves."""

from __future__ import annotations

import csv
import json
from collections import Counter

from game.ai.driver import play_game
from game.analysis.batch import run_batch
from game.analysis.signed import SignedTally
from game.cli.main import main
from game.engine.compiled import compile_scenario
from game.engine.log import LogKind
from game.scenario.loader import load
from tests.scenario.conftest import SCENARIOS

TUTORIAL = SCENARIOS / "tutorial.toml"
RUNS = 24


def test_signed_packages_count_what_the_games_signed():
    result = run_batch(TUTORIAL, RUNS, seed=5)
    data = result.to_json()["signed_packages"]
    cs = compile_scenario(load(TUTORIAL).scenario)
    seen: Counter[tuple[str, tuple[tuple[str, str], ...]]] = Counter()
    refusals: Counter[tuple[str, str]] = Counter()
    for k in range(RUNS):
        s = play_game(cs, (5, k))
        for sig in s.signed:
            package = tuple((cs.issue_ids[i], cs.option_ids[i][o]) for i, o in zip(cs.scope[sig.instrument], sig.package, strict=True))
            seen[(cs.instrument_ids[sig.instrument], package)] += 1
        for e in s.log:
            if e.kind is LogKind.ANSWER and e.data["answer"] == "reject":
                refusals[(e.data["instrument"], e.actor)] += 1
    assert list(data) == list(cs.instrument_ids)
    for iid, inst in data.items():
        assert inst["signed"] == result.tally.instruments[iid] == sum(n for (i, _), n in seen.items() if i == iid)
        for row in inst["packages"]:
            assert seen[(iid, tuple(row["package"].items()))] == row["count"]
        counts = [row["count"] for row in inst["packages"]]
        assert counts == sorted(counts, reverse=True)
        for shares in inst["options"].values():
            assert abs(sum(shares.values()) - 1.0) < 1e-3
        for d, r in inst["refusals"].items():
            assert r["refusals"] == refusals[(iid, d)]
            assert r["with_reasons"] == sum(r["deciding"].values()) <= r["refusals"]
            if r["top_issue"] is not None:
                assert r["top_issue"] in cs.scenario.instruments[cs.inst_index[iid]].scope
                assert r["deciding"][r["top_issue"]] == max(r["deciding"].values())


def test_signed_tallies_add_up_like_the_batch():
    whole = run_batch(TUTORIAL, 12, seed=9).tally.signed
    cs = compile_scenario(load(TUTORIAL).scenario)
    a, b = SignedTally(), SignedTally()
    for k in range(12):
        (a if k < 5 else b).add_game(play_game(cs, (9, k)))
    assert (a + b).packages == whole.packages and (a + b).deciding == whole.deciding and (a + b).refusals == whole.refusals


def test_batch_shows_signed_packages_in_table_json_and_csv(tmp_path, capsys):
    out = tmp_path / "b.csv"
    assert main(["batch", "tutorial", "--runs", "20", "--csv", str(out)]) == 0
    text = capsys.readouterr().out
    assert "signed packages (share of the instrument's signatures; of all games)" in text
    assert "deciding issue (share of refusals with reasons)" in text
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    kinds = Counter(r["kind"] for r in rows)
    assert kinds["signed_package"] >= 1 and kinds["signed_option"] >= 1 and kinds["refusal_issue"] >= 1
    assert main(["batch", "tutorial", "--runs", "20", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    harbour = data["signed_packages"]["harbour_treaty"]
    assert {"signed", "distinct_packages", "packages", "options", "refusals"} <= set(harbour)
