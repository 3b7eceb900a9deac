"""Same scenario + seed (+ actions) = identical log; different seeds give different games."""

from __future__ import annotations

import json

import pytest
from engine_kit import TUTORIAL, loaded, shipped_scenarios

from game.ai.driver import play_game
from game.analysis.batch import run_batch
from game.engine.compiled import compile_scenario
from game.engine.rules import new_game
from game.scenario.loader import load


def log_json(s) -> str:
    return json.dumps([e.to_json() for e in s.log], sort_keys=True, ensure_ascii=False)


@pytest.fixture(scope="module", params=shipped_scenarios(), ids=lambda p: p.stem)
def scenario_path(request):
    return request.param


@pytest.fixture(scope="module")
def compiled(scenario_path):
    return compile_scenario(loaded(scenario_path).scenario)


def test_same_seed_gives_byte_identical_log_and_fingerprint(compiled):
    for seed in (0, 7, (3, 11)):
        a = play_game(compiled, seed)
        b = play_game(compiled, seed)
        assert log_json(a) == log_json(b)
        assert a.fingerprint() == b.fingerprint()


def test_same_seed_gives_identical_game_from_a_freshly_loaded_scenario(compiled, scenario_path):
    again = compile_scenario(load(scenario_path).scenario)
    a = play_game(compiled, 5)
    b = play_game(again, 5)
    assert a.fingerprint() == b.fingerprint()


def test_different_seeds_give_different_logs(compiled):
    logs = {log_json(play_game(compiled, seed, "short")) for seed in range(20)}
    assert len(logs) >= 15, f"only {len(logs)} distinct games in 20 seeds"


def test_seed_changes_seating_order_and_temperament(compiled):
    starts = [new_game(compiled, seed) for seed in range(12)]
    assert len({s.temperament for s in starts}) == len(starts)
    assert len({s.order for s in starts}) > 1


def _comparable(result) -> dict:
    data = result.to_json()
    for key in ("seconds", "games_per_second", "jobs"):
        data.pop(key)
    return data


def test_batch_results_do_not_depend_on_the_number_of_jobs():
    one = run_batch(TUTORIAL, 24, seed=3, jobs=1)
    two = run_batch(TUTORIAL, 24, seed=3, jobs=2)
    assert one.runs == two.runs == 24
    assert sum(one.to_json()["outcomes"].values()) == 24
    assert _comparable(one) == _comparable(two)


def test_batch_game_k_is_the_game_with_seed_key_seed_k():
    cs = compile_scenario(load(TUTORIAL).scenario)
    result = run_batch(TUTORIAL, 6, seed=9, jobs=1, compiled=cs)
    expected: dict[str, int] = {}
    for k in range(6):
        s = play_game(cs, (9, k))
        oid = cs.outcome(s.outcome).id
        expected[oid] = expected.get(oid, 0) + 1
    assert {o: n for o, n in result.to_json()["outcomes"].items() if n} == expected
