"""The engine's speed-ups change no game: each memo or shortcut against the plain computation.

The AI keeps tables, outlooks, candidate packages, expected values and estimates
while their (immutable) inputs are the very same objects, and the engine replaces
`dataclasses.replace` by `GameState.evolve`. Here every state of many games is
checked against the straightforward computation, written out again below.
"""

from __future__ import annotations

import dataclasses
import random
import sys
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
from engine_kit import TUTORIAL, drive, shipped_scenarios

from game.ai import valuation as V
from game.ai.driver import DEFAULT, play_game, run_ai_turn
from game.ai.negotiator import Negotiator, _mixes
from game.engine import actions as A
from game.engine.compiled import CompiledScenario, compile_scenario
from game.engine.rules import new_game, step
from game.engine.state import GameState
from game.engine.utility import _table, table
from game.scenario.loader import load


def reference_candidates(s: GameState, d: int, k: int, t: V.Table) -> list[tuple[int, ...]]:
    """Candidate packages as first written: all issues at once, nothing cached."""
    cs = s.cs
    scope = cs.scope[k]
    others = [j for j in s.active_parties(k) if j != d]
    free = [i for i in scope if s.settled[i] < 0]
    span = sum(max(t.contrib[i]) - min(t.contrib[i]) for i in free) or 1.0
    self_w, share_w = _mixes(len(others))
    n_i = cs.n_issues
    counted = [sum(1 for i in free if s.positions[j * n_i + i] >= 0) or 1 for j in others]
    columns = []
    for i in scope:
        if s.settled[i] >= 0:
            columns.append(np.full(len(self_w), s.settled[i]))
            continue
        n = cs.n_options[i]
        own = np.asarray(t.contrib[i]) / span
        if others:
            est = np.zeros((len(others), n))
            for y, j in enumerate(others):
                pos = s.positions[j * n_i + i]
                if pos >= 0:
                    est[y] = (1.0 - np.abs(np.arange(n, dtype=float) - pos) / (n - 1)) / counted[y]
            score = self_w[:, None] * own[None, :] + (1.0 - self_w)[:, None] * (share_w @ est)
        else:
            score = np.broadcast_to(own, (len(self_w), n))
        columns.append(np.argmax(score > score.max(axis=1, keepdims=True) - 1e-12, axis=1))
    return list(dict.fromkeys(map(tuple, np.stack(columns, axis=1).tolist())))


def reference_chances(s: GameState, exclude: int | None) -> tuple[object, ...]:
    out = []
    for k in range(len(s.cs.instrument_ids)):
        p = 0.0 if s.is_signed(k) else V.prospects(s, k)
        if p > 0.0 and k != exclude:
            out.append((p, s.cs.scope[k], V.likely_package(s, k)))
    return tuple(out)


def check_state(s: GameState, fresh: Negotiator) -> None:
    """Every memoised value the AI could ask for in this state equals the plain computation."""
    cs = s.cs
    for d in cs.actors:
        t = table(s, d)
        plain = _table(s, d)
        assert (t.contrib, t.unsettled) == (plain.contrib, plain.unsettled)
        for k in range(len(cs.instrument_ids)):
            if d not in s.active_parties(k):
                continue
            look = V.outlook(s, exclude=k)
            assert look.chances == reference_chances(s, k)
            packages = DEFAULT.candidates(s, d, k, t)
            assert packages == reference_candidates(s, d, k, t) == fresh.candidates(s, d, k, t)
            plain = [V._expected(t, V.with_package(s.settled, cs.scope[k], p), look) - float(s.costs[k, d]) for p in packages]
            assert V.package_values(s, d=d, t=t, instrument=k, packages=packages, look=look) == plain
            for package in packages[:4]:
                world = V.with_package(s.settled, cs.scope[k], package)
                assert V.expected(t, world, look) == V._expected(t, world, look)
                for j in s.active_parties(k):
                    assert V.estimated_value(s, j, k, package) == V._estimated_value(s, j, k, package)


def states_of(cs: CompiledScenario, seed: tuple[int, int]) -> list[GameState]:
    """Every state an all-AI game passes through (after each action)."""
    s = new_game(cs, seed)
    out = [s]

    def apply(state: GameState, action: A.Action) -> GameState:
        out.append(step(state, action).state)
        return out[-1]

    while not s.ended:
        s = run_ai_turn(s, apply)
    return out


@pytest.fixture(scope="module", params=shipped_scenarios(), ids=lambda p: p.stem)
def compiled(request: pytest.FixtureRequest) -> CompiledScenario:
    return compile_scenario(load(request.param).scenario)


def test_memoised_ai_inputs_equal_the_plain_computation_in_every_state(compiled: CompiledScenario) -> None:
    fresh = Negotiator()
    seeds = range(3) if compiled.scenario.id.startswith("genoa") else range(6)
    for k in seeds:
        states = states_of(compiled, (11, k))
        for s in states[:: max(1, len(states) // 40)]:  # about 40 states a game, spread over it
            check_state(s, fresh)


def test_driver_and_step_by_step_play_give_the_same_game(compiled: CompiledScenario) -> None:
    for k in range(4):
        assert play_game(compiled, (5, k)).fingerprint() == states_of(compiled, (5, k))[-1].fingerprint()


def test_evolve_is_dataclasses_replace() -> None:
    cs = compile_scenario(load(TUTORIAL).scenario)
    s = play_game(cs, 3)
    changes = {"turn": 1, "cursor": 2, "positions": tuple(reversed(s.positions)), "ended": False}
    assert s.evolve(**changes).to_json() == dataclasses.replace(s, **changes).to_json()
    with pytest.raises(TypeError, match="no field 'nope'"):
        s.evolve(nope=1)


def test_games_interleaved_with_other_games_are_unchanged() -> None:
    """Games of two scenarios played alternately: no game reads a memo made for another."""
    tutorial = compile_scenario(load(TUTORIAL).scenario)
    other = compile_scenario(load(shipped_scenarios()[-1]).scenario)
    alone = [play_game(tutorial, (9, k)).fingerprint() for k in range(8)]
    mixed = []
    for k in range(8):
        play_game(other, (9, k), "short" if "short" in other.length_ids() else "full")
        mixed.append(play_game(tutorial, (9, k)).fingerprint())
    assert mixed == alone


def test_games_played_at_once_in_threads_are_unchanged() -> None:
    """The UI plays comparison games in a background thread while the conference goes on:
    games of two scenarios run in four threads, switching every few microseconds, must
    each end exactly as when played alone."""
    scenarios = [compile_scenario(load(TUTORIAL).scenario), compile_scenario(load(shipped_scenarios()[0]).scenario)]
    jobs = [(cs, (13, k)) for k in range(6) for cs in scenarios]
    alone = [play_game(cs, seed).fingerprint() for cs, seed in jobs]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            together = list(pool.map(lambda job: play_game(*job).fingerprint(), jobs))
    finally:
        sys.setswitchinterval(interval)
    assert together == alone


def test_games_with_human_and_teacher_moves_replay_identically() -> None:
    cs = compile_scenario(load(TUTORIAL).scenario)
    for k in range(10):
        end, actions, start = drive(cs, k, random.Random(k), humans=(cs.delegation_ids[cs.actors[0]],), teacher_rate=0.05)
        s = start
        for action in actions:
            s = step(s, action).state
        assert s.fingerprint() == end.fingerprint()
