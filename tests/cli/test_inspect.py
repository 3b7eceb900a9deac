"""`plenipo inspect`: the designer panel in the terminal, checked against the engine's own utility."""

from __future__ import annotations

import itertools
import json

from game.analysis.panel import UNSIGNABLE, agreements
from game.analysis.pareto import acceptable_count
from game.cli.main import main
from game.engine.compiled import compile_scenario
from game.engine.rules import new_game
from game.engine.utility import table, utility
from game.scenario.loader import load
from tests.scenario.conftest import SCENARIOS

TUTORIAL = SCENARIOS / "tutorial.toml"
GENOA = SCENARIOS / "genoa_1922.toml"


def brute_force_acceptable(s, k: int) -> int:
    """Packages every active party strictly prefers to no deal, counted one by one with `utility`."""
    cs = s.cs
    scope = cs.scope[k]
    parties = s.active_parties(k)
    tables = [table(s, d) for d in parties]
    no_deal = [utility(t, s.settled) for t in tables]
    count = 0
    for package in itertools.product(*(range(cs.n_options[i]) for i in scope)):
        world = list(s.settled)
        for i, o in zip(scope, package, strict=True):
            world[i] = o
        net = [utility(t, tuple(world)) - float(s.costs[k, d]) for t, d in zip(tables, parties, strict=True)]
        count += all(u - n > 1e-9 for u, n in zip(net, no_deal, strict=True))
    return count


def test_acceptable_count_matches_a_brute_force_count():
    cs = compile_scenario(load(TUTORIAL).scenario)
    s = new_game(cs, 1)
    for k in range(len(cs.instrument_ids)):
        count, exact = acceptable_count(s, k)
        assert exact and count == brute_force_acceptable(s, k)


def test_an_instrument_no_package_of_which_suits_every_party_gets_the_verdict(tmp_path):
    text = TUTORIAL.read_text(encoding="utf-8").replace("costs = { southport = 21, eastmark = 5 }", "costs = { southport = 21, eastmark = 90 }")
    path = tmp_path / "t.toml"
    path.write_text(text, encoding="utf-8")
    cs = compile_scenario(load(path).scenario)
    verdicts = {a.id: a.verdict for a in agreements(new_game(cs, 1))}
    # the pact shares fishing and berths with the treaty, which could settle them first
    assert verdicts["side_pact"] == UNSIGNABLE + ", or another instrument settles some of its issues first (harbour_treaty: fishing, berths)"
    assert verdicts["harbour_treaty"] != UNSIGNABLE


def test_inspect_json_has_the_panel_figures(capsys):
    assert main(["inspect", str(GENOA), "--sitting", "7", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["sitting"] == 7 and data["date"] == "1922-04-16"
    germany = data["delegations"]["germany"]
    rapallo = germany["instruments"]["rapallo_treaty"]
    assert {"best", "best_package", "aspiration", "no_deal", "cost", "plan", "status"} <= set(rapallo)
    assert set(rapallo["best_package"]) == {"article_116", "german_claims", "german_relations", "mfn_trade"}
    assert "kind" in germany["would"] and germany["would"]["text"]
    for iid, inst in data["instruments"].items():
        assert {"parties", "acceptable", "packages", "nash", "no_deal", "verdict"} <= set(inst), iid
        if inst["status"] == "open":
            assert (inst["acceptable"] == 0) == inst["verdict"].startswith(UNSIGNABLE)
            assert (inst["nash"] is None) == (inst["acceptable"] == 0)


def test_inspect_at_the_start_prints_the_table(capsys):
    assert main(["inspect", "tutorial"]) == 0
    out = capsys.readouterr().out
    assert "sitting 1 of 6 (1900-06-04)" in out
    assert "harbour_treaty (northland, southport, eastmark):" in out
    assert "What each AI would do if it moved now" in out


def test_inspect_refuses_a_sitting_off_the_calendar(capsys):
    assert main(["inspect", "tutorial", "--sitting", "9"]) == 2
    assert "--sitting must be between 1 and 6 (length 'full' has 6 sittings)" in capsys.readouterr().err


def test_inspect_says_when_the_game_ends_before_the_sitting(capsys):
    # most all-AI tutorial games end with the treaty before the sixth (last) sitting
    ended = []
    for seed in range(1, 11):
        code = main(["inspect", "tutorial", "--sitting", "6", "--seed", str(seed)])
        err = capsys.readouterr().err
        if code == 2:
            assert f"with seed {seed} the conference ends at sitting " in err
            assert "before sitting 6; choose an earlier sitting or another seed" in err
            ended.append(seed)
        else:
            assert code == 0 and err == ""
    assert ended
