"""The AI's shortcuts for speed give exactly what the long way gives.

A quick bid refined later is the bid a full search finds; observers sharing one
opponent model learn what each would have learned with a model of its own; a
stake's best value and span, taken from each row's extremes, are those of its
gain rows. (How much faster this is, `tools/ai_speed.py` measures; no test here
times anything.)
"""

from __future__ import annotations

from engine_kit import SCENARIOS

from game.ai import bidding
from game.ai.driver import play_ai_turn
from game.ai.memory import Memory
from game.ai.model import NEG
from game.ai.negotiator import Negotiator
from game.engine.compiled import CompiledScenario, compile_scenario
from game.engine.rules import new_game
from game.engine.state import GameState
from game.scenario.loader import load


def _genoa() -> CompiledScenario:
    return compile_scenario(load(SCENARIOS / "genoa_1922.toml").scenario)


def _states(cs: CompiledScenario, seed: int, turns: int) -> list[tuple[Negotiator, GameState]]:
    """The state before each of the first `turns` AI turns of a game, with the AI that plays it."""
    ai = Negotiator()
    s = new_game(cs, (seed, 0))
    out = []
    while not s.ended and len(out) < turns:
        out.append((ai, s))
        s, _ = play_ai_turn(s, ai)
    return out


def test_a_refined_quick_bid_is_the_bid_a_full_search_finds() -> None:
    cs = _genoa()
    compared = 0
    for ai, s in _states(cs, 5, 90):
        mem = ai.memory(s)
        for d in cs.actors:
            for k in range(len(cs.instrument_ids)):
                if d not in s.active_parties(k) or s.is_signed(k):
                    continue
                st = mem.stakes(s, d, k)
                for share in (0.0, 0.3, 0.7):
                    tgt = st.best - (st.best - st.alternative) * share
                    quick = bidding.best_bid(mem, s, d, k, st, tgt, refine=False)
                    full = bidding.best_bid(mem, s, d, k, st, tgt)
                    assert (quick is None) == (full is None)
                    if quick is None or full is None:
                        continue
                    done = bidding.refined(quick)
                    assert (done.package, done.value, done.chance, done.likely) == (full.package, full.value, full.chance, full.likely)
                    assert bidding.refined(done) is done  # refining twice changes nothing
                    compared += 1
    assert compared > 100


def test_observers_sharing_a_model_learn_what_models_of_their_own_would() -> None:
    cs = _genoa()
    ai = Negotiator()
    s = new_game(cs, (3, 1))
    while not s.ended:
        s, _ = play_ai_turn(s, ai)
    shared = Memory(cs, s.seed)
    shared.catch_up(s)
    own = Memory(cs, s.seed)
    n_d = cs.n_delegations
    own.models = [[own._new_model() for _ in range(n_d)] for _ in range(n_d)]
    own._holders = [set() for _ in range(n_d)]  # nobody shares: each observer's model gets its evidence alone
    own.catch_up(s)
    for o in range(n_d):
        for j in range(n_d):
            a, b = shared.models[o][j], own.models[o][j]
            assert (a.freq, a.stable, a.shifts, a.changed) == (b.freq, b.stable, b.shifts, b.changed)
            assert (a.last_offer, a.version) == (b.last_offer, b.version)
    # both cases occurred: some observers still share a model, and private talks gave some their own
    assert any(len(h) > 1 for h in shared._holders)
    assert any(len(h) < n_d - 1 for h in shared._holders)
    for j, holders in enumerate(shared._holders):
        assert len({shared.models[o][j].serial for o in holders}) <= 1


def test_a_stake_best_value_and_span_are_those_of_its_gain_rows() -> None:
    cs = _genoa()
    checked = 0
    for ai, s in _states(cs, 8, 120):
        mem = ai.memory(s)
        for d in cs.actors:
            for k in range(len(cs.instrument_ids)):
                st = mem.stakes(s, d, k)
                tops = 0.0
                span = 0.0
                for row in st.gain:
                    tops += max(row)
                    if NEG not in row:
                        span += max(row) - min(row)
                assert st.best == st.alternative - st.cost + tops
                assert st.span == (span or 1.0)
                assert st.options == tuple(tuple(o for o, g in enumerate(row) if g > NEG) for row in st.gain)
                checked += 1
    assert checked > 1000


def test_a_deal_watch_reading_the_playing_ai_memory_sees_what_one_with_its_own_sees() -> None:
    from game.ai.driver import play_game
    from game.analysis.ai_measures import DealWatch

    cs = _genoa()
    ai = Negotiator()
    shared, own = DealWatch(ai), DealWatch()
    found = 0
    for g in range(4):
        plain = play_game(cs, (6, g))
        watched = play_game(cs, (6, g), strategy=ai, observe=shared)
        alone = play_game(cs, (6, g), observe=own)
        assert watched.fingerprint() == plain.fingerprint() == alone.fingerprint()
        assert shared.found == own.found
        found += len(shared.found)
    assert found > 0
