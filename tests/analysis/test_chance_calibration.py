"""The batch's check on the opponent models: the chance each proposer gave its proposal against what came of it."""

from __future__ import annotations

import json
from fractions import Fraction

from game.ai.driver import play_game
from game.ai.negotiator import Negotiator
from game.analysis.ai_measures import AIMeasures
from game.cli.main import main
from game.engine.compiled import compile_scenario
from game.engine.log import LogKind
from game.engine.state import GameState, ProposalStatus
from game.scenario.loader import load
from tests.scenario.conftest import SCENARIOS

GENOA = SCENARIOS / "genoa_1922.toml"


def _fates(s: GameState) -> list[tuple[float, bool, bool]]:
    """Per AI proposal, counted here from the log and the final state: (its logged chance, whether every
    other active party accepted it or it was signed, whether it was made in the last sitting)."""
    out = []
    for e in s.log:
        if e.kind is not LogKind.PROPOSAL:
            continue
        chance = e.data["reasons"]["chance"]
        p = next(x for x in s.proposals if x.id == e.data["proposal"])
        answers = dict(p.answers)
        others = [j for j in s.active_parties(p.instrument) if j != p.proposer]
        ok = p.status is ProposalStatus.SIGNED or all(answers.get(j) is not None and answers[j].value == "accept" for j in others)
        out.append((chance, ok, p.turn == s.n_turns - 1))
    return out


def test_every_ai_proposal_logs_the_chance_its_proposer_gave_it():
    cs = compile_scenario(load(GENOA).scenario)
    s = play_game(cs, (1922, 3), "short", Negotiator())
    chances = [e.data["reasons"].get("chance") for e in s.log if e.kind is LogKind.PROPOSAL]
    assert chances and all(isinstance(c, float) and 0.0 <= c <= 1.0 for c in chances)
    assert len(set(chances)) > 3  # estimates, not a constant


def test_the_calibration_table_counts_each_proposal_once_by_its_fate():
    cs = compile_scenario(load(GENOA).scenario)
    measures = AIMeasures()
    fates: list[tuple[float, bool, bool]] = []
    for k in range(6):
        s = play_game(cs, (1922, k), "short", Negotiator())
        measures.add_game(s)
        fates += _fates(s)
    table = measures.to_json()["chance_calibration"]
    for scope, rows in table.items():
        mine = [f for f in fates if scope == "all" or f[2]]
        assert sum(row["proposals"] for row in rows.values()) == len(mine)
        for name, row in rows.items():
            lo = int(name.split("-")[0]) / 100
            inside = [f for f in mine if min(4, int(f[0] * 5)) == round(lo * 5)]
            assert row["proposals"] == len(inside)
            assert row["accepted_share"] == round(sum(f[1] for f in inside) / len(inside), 3)
            # the logged chances have three decimals: their mean, exactly, rounded half to even
            assert row["mean_chance"] == float(round(sum(Fraction(str(f[0])) for f in inside) / len(inside), 3))
    assert any(f[1] for f in fates) and not all(f[1] for f in fates)  # both fates occur
    brier = sum((Fraction(str(c)) - ok) ** 2 for c, ok, _ in fates) / len(fates)
    assert measures.to_json()["chance_brier"] == float(round(brier, 4))


def test_the_batch_json_adds_the_workers_tables_up(capsys):
    args = ["batch", str(GENOA), "--runs", "6", "--seed", "5", "--length", "short", "--json"]
    assert main([*args, "--jobs", "1"]) == 0
    one = json.loads(capsys.readouterr().out)["ai"]
    assert main([*args, "--jobs", "2"]) == 0
    two = json.loads(capsys.readouterr().out)["ai"]
    assert one["chance_calibration"] == two["chance_calibration"] and one["chance_brier"] == two["chance_brier"]
    assert sum(row["proposals"] for row in one["chance_calibration"]["all"].values()) == one["proposals"]


def test_a_batch_without_the_deal_watch_plays_the_same_games():
    """Sweeps, calibrations and the debrief's comparison read outcome shares only and leave the deal watch out:
    the games, and every count but the deal-for-all measure, are the same."""
    from game.analysis.batch import run_batch

    watched = run_batch(GENOA, 8, seed=11, length="short").to_json()
    plain = run_batch(GENOA, 8, seed=11, length="short", watch_deals=False).to_json()
    assert watched["ai"]["deal_for_all"] and not plain["ai"]["deal_for_all"]
    for data in (watched, plain):
        del data["ai"]["deal_for_all"], data["seconds"], data["games_per_second"]
    assert watched == plain
