"""The speed-ups change no game: the driver against step-by-step play, `evolve` against
`dataclasses.replace`, games interleaved with others, and the AI's memory (rebuilt from the
log) against a fresh AI that reads the whole log at every decision."""

from __future__ import annotations

import dataclasses
import random

import pytest
from engine_kit import TUTORIAL, drive, shipped_scenarios

from game.ai.driver import play_game
from game.ai.negotiator import Negotiator
from game.engine.compiled import CompiledScenario, compile_scenario
from game.engine.rules import new_game, step
from game.engine.state import GameState
from game.scenario.loader import load


def states_of(cs: CompiledScenario, seed: tuple[int, int]) -> list[GameState]:
    """Every state an all-AI game passes through (after each action)."""
    s = new_game(cs, seed)
    out = [s]
    ai = Negotiator()
    while not s.ended:
        d = s.actor
        assert d is not None
        for p in s.pending_for(d):
            s = step(s, ai.respond(s, d, p)).state
            out.append(s)
        s = step(s, ai.move(s, d)).state
        out.append(s)
    return out


@pytest.fixture(scope="module", params=shipped_scenarios(), ids=lambda p: p.stem)
def compiled(request: pytest.FixtureRequest) -> CompiledScenario:
    return compile_scenario(load(request.param).scenario)


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
    """Memos are swapped as games alternate (as in the UI's comparison thread): no game sees another's."""
    tutorial = compile_scenario(load(TUTORIAL).scenario)
    other = compile_scenario(load(shipped_scenarios()[-1]).scenario)
    alone = [play_game(tutorial, (9, k)).fingerprint() for k in range(8)]
    mixed = []
    for k in range(8):
        play_game(other, (9, k), "short" if "short" in other.length_ids() else "full")
        mixed.append(play_game(tutorial, (9, k)).fingerprint())
    assert mixed == alone


def test_games_with_human_and_teacher_moves_replay_identically() -> None:
    cs = compile_scenario(load(TUTORIAL).scenario)
    for k in range(10):
        end, actions, start = drive(cs, k, random.Random(k), humans=(cs.delegation_ids[cs.actors[0]],), teacher_rate=0.05)
        s = start
        for action in actions:
            s = step(s, action).state
        assert s.fingerprint() == end.fingerprint()
