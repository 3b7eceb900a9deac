"""Invariants as properties: over seeds, scenarios and random legal play by teams."""

from __future__ import annotations

import itertools
import random
from functools import cache

from engine_kit import TUTORIAL, drive, entries, loaded, replay, shipped_scenarios
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.ai.concession import Curve
from game.ai.driver import play_ai_turn, play_game
from game.ai.negotiator import Negotiator
from game.engine.compiled import CompiledScenario, compile_scenario
from game.engine.log import LogKind
from game.engine.rules import new_game
from game.engine.scoring import score
from game.engine.state import GameState
from game.engine.utility import table, utility

SCENARIO_NAMES = [p.stem for p in shipped_scenarios()]
FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@cache
def compiled(name: str) -> CompiledScenario:
    path = TUTORIAL.parent / f"{name}.toml"
    return compile_scenario(loaded(path).scenario)


seeds = st.integers(min_value=0, max_value=2**32 - 1)
scenario_names = st.sampled_from(SCENARIO_NAMES)
lengths = st.sampled_from(["full", "short"])


def humans_from(cs: CompiledScenario, mask: int) -> tuple[str, ...]:
    return tuple(cs.delegation_ids[d] for j, d in enumerate(cs.actors) if mask >> j & 1)


def assert_one_outcome(s: GameState) -> None:
    assert s.ended and s.end_reason is not None
    assert s.outcome is not None and 0 <= s.outcome < len(s.cs.scenario.outcomes)
    outcomes = entries(s, "outcome")
    assert len(outcomes) == 1 and len(entries(s, "end")) == 1
    assert outcomes[0].data["outcome"] == s.cs.outcome(s.outcome).id
    assert s.log[-1].kind is LogKind.OUTCOME


# --- utilities ------------------------------------------------------------------------


@FAST
@given(name=scenario_names, seed=seeds, data=st.data())
def test_utilities_and_scores_stay_between_0_and_100(name, seed, data):
    cs = compiled(name)
    s = play_game(cs, seed, "short")
    worlds = [s.settled, tuple(-1 for _ in range(cs.n_issues))]
    worlds += [tuple(data.draw(st.integers(-1, n - 1)) for n in cs.n_options) for _ in range(3)]
    for d in cs.actors:
        t = table(s, d)
        for world in worlds:
            assert -1e-9 <= utility(t, world) <= 100 + 1e-9
    for result in score(s):
        assert 0.0 <= result.score <= 100.0
        assert -1e-9 <= result.utility <= 100 + 1e-9
    assert ((s.stances.values >= 0) & (s.stances.values <= 100)).all()
    assert ((s.relations >= 0) & (s.relations <= 100)).all()
    assert all(0.0 <= p <= 1.0 for p in s.pressure)


@settings(max_examples=200, deadline=None)
@given(
    exponent=st.floats(0.05, 20.0),
    best=st.floats(0.0, 100.0),
    walk=st.floats(0.0, 100.0),
    t1=st.floats(0.0, 1.0),
    t2=st.floats(0.0, 1.0),
    p1=st.floats(0.0, 1.0),
    p2=st.floats(0.0, 1.0),
)
def test_concession_curve_never_rises_with_time_or_pressure(exponent, best, walk, t1, t2, p1, p2):
    curve = Curve(exponent)
    (ta, tb), (pa, pb) = sorted((t1, t2)), sorted((p1, p2))
    early, late = curve.aspiration(best, walk, ta, pa), curve.aspiration(best, walk, tb, pb)
    assert late <= early + 1e-9
    assert min(best, walk) - 1e-9 <= late <= max(best, walk) + 1e-9
    assert 0.0 <= curve.fraction(tb, pb) <= 1.0


def sitting_starts(cs: CompiledScenario, seed: int) -> list[GameState]:
    """The state at the start of every sitting of an all-AI game (events already fired)."""
    s = new_game(cs, seed)
    starts = [s]
    ai = Negotiator()
    while not s.ended:
        s, _ = play_ai_turn(s, ai)
        if not s.ended and s.turn != starts[-1].turn:
            starts.append(s)
    return starts


def quiet_sittings(cs: CompiledScenario, seed: int) -> list[tuple[GameState, GameState]]:
    """Consecutive sitting starts with no event, signature or teacher action in between."""
    out = []
    for before, after in itertools.pairwise(sitting_starts(cs, seed)):
        between = {e.kind for e in after.log[len(before.log) :]}
        if not between & {LogKind.EVENT, LogKind.SIGNED, LogKind.TEACHER}:
            out.append((before, after))
    return out


@FAST
@given(name=scenario_names, seed=seeds, best=st.floats(50.0, 100.0), gap=st.floats(0.0, 50.0))
def test_aspiration_never_rises_between_sittings_without_an_event_or_signature(name, seed, best, gap):
    cs = compiled(name)
    for before, after in quiet_sittings(cs, seed):
        for d in cs.actors:
            ai = Negotiator()
            assert ai.aspiration(after, d, best, best - gap) <= ai.aspiration(before, d, best, best - gap) + 1e-9
            assert after.pressure[d] >= before.pressure[d]


def test_quiet_sittings_occur_so_the_aspiration_property_is_not_vacuous():
    for name in SCENARIO_NAMES:
        cs = compiled(name)
        if not any(quiet_sittings(cs, seed) for seed in range(8)):
            raise AssertionError(f"{name}: no quiet pair of sittings in 8 games, so the aspiration property checks nothing there")


# --- ending -----------------------------------------------------------------------------


@FAST
@given(name=scenario_names, seed=seeds, length=lengths)
def test_every_ai_game_ends_with_exactly_one_outcome(name, seed, length):
    s = play_game(compiled(name), seed, length)
    assert_one_outcome(s)
    assert len(entries(s, "sitting")) <= s.n_turns


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=scenario_names, seed=seeds, mask=st.integers(0, 255), choices=seeds, length=lengths)
def test_random_legal_play_by_teams_never_crashes_and_always_ends(name, seed, mask, choices, length):
    cs = compiled(name)
    s, actions, _ = drive(cs, seed, random.Random(choices), length, humans_from(cs, mask | 1), teacher_rate=0.05)
    assert_one_outcome(s)
    assert actions
    for p in s.proposals:
        assert p.status.value in {"open", "signed", "rejected", "lapsed"}
    signed = {sig.instrument for sig in s.signed}
    assert len(signed) == len(s.signed), "an instrument was signed twice"


# --- replay -------------------------------------------------------------------------


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=scenario_names, seed=seeds, mask=st.integers(0, 255), choices=seeds)
def test_replaying_the_actions_of_a_game_reproduces_its_final_state(name, seed, mask, choices):
    cs = compiled(name)
    final, actions, start = drive(cs, seed, random.Random(choices), "short", humans_from(cs, mask))
    again = replay(start, actions)
    assert again.fingerprint() == final.fingerprint()
    assert [e.to_json() for e in again.log] == [e.to_json() for e in final.log]


def test_replay_holds_for_every_shipped_scenario_with_full_calendars():
    for name in SCENARIO_NAMES:
        cs = compiled(name)
        for seed in (1, 2):
            final, actions, start = drive(cs, seed, random.Random(seed), "full", humans_from(cs, 0b101))
            assert replay(start, actions).fingerprint() == final.fingerprint(), (name, seed)
