"""The speed-ups change no game: the driver against step-by-step play, `evolve` against
`dataclasses.replace`, games interleaved with others, and the AI's memory (rebuilt from the
log) against a fresh AI that reads the whole log at every decision."""

from __future__ import annotations

import dataclasses
import random
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
from engine_kit import TUTORIAL, drive, loaded, shipped_scenarios

from game.ai.driver import play_game, run_ai_turn
from game.ai.negotiator import Negotiator
from game.engine import actions as A
from game.engine.compiled import CompiledScenario, compile_scenario
from game.engine.rules import new_game, step
from game.engine.state import GameState
from game.scenario.loader import load


def states_of(cs: CompiledScenario, seed: tuple[int, int]) -> list[GameState]:
    """Every state an all-AI game passes through (after each action)."""
    s = new_game(cs, seed)
    out = [s]
    ai = Negotiator()

    def apply(state: GameState, action: A.Action) -> GameState:
        out.append(step(state, action).state)
        return out[-1]

    while not s.ended:
        s = run_ai_turn(s, apply, ai)
    return out


@pytest.fixture(scope="module", params=shipped_scenarios(), ids=lambda p: p.stem)
def compiled(request: pytest.FixtureRequest) -> CompiledScenario:
    return compile_scenario(loaded(request.param).scenario)


def test_incremental_memory_decides_as_a_fresh_ai_reading_the_whole_log(compiled: CompiledScenario) -> None:
    """The memory is a pure function of the log: at sampled states, a fresh AI decides the same."""
    states = states_of(compiled, (11, 0))
    for s in states[:: max(1, len(states) // 25)]:
        d = s.actor
        if d is None:
            continue
        kept = Negotiator()
        for earlier in states[: states.index(s)]:
            kept.memory(earlier)  # the memory built step by step, as in a game
        assert kept.move(s, d) == Negotiator().move(s, d)
        for p in s.pending_for(d):
            assert kept.respond(s, d, p) == Negotiator().respond(s, d, p)


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
