"""The AI's shortcuts for speed give exactly what the long way gives.

A quick bid refined later is the bid a full search finds; observers sharing one
opponent model learn what each would have learned with a model of its own; a
stake's best value and span, taken from each row's extremes, are those of its
gain rows. (How much faster this is, `tools/ai_speed.py` measures; no test here
times anything.)
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np
from ai_kit import late_turns
from engine_kit import SCENARIOS
from numpy.typing import NDArray

from game.ai import bidding
from game.ai.driver import play_ai_turn
from game.ai.memory import Memory
from game.ai.model import NEG, Stakes
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


def _grid(rows: list[tuple[float, ...]] | tuple[tuple[float, ...], ...]) -> NDArray[np.float64]:
    """The long way: the sum of one entry per row for every combination, flat, the first row slowest."""
    total = np.zeros(1)
    for row in rows:
        total = (total[:, None] + np.asarray(row, dtype=np.float64)[None, :]).ravel()
    return total


def test_the_stacked_grids_hold_each_row_grid_to_the_bit() -> None:
    """`stacked_grids` adds up several estimate tables at once with the last issue slowest in memory;
    each of its grids, renumbered by `usual_numbers`, is `_grid` of that table alone, bit for bit
    (options ruled out, -inf, included)."""
    rng = np.random.default_rng(11)
    for sizes in ((4, 4, 3, 3, 3, 3, 3, 3), (3, 2), (5,), (2, 7, 1, 3)):
        blocks = [[tuple(float(x) for x in rng.normal(0.0, 30.0, n)) for n in sizes] for _ in range(4)]
        blocks[0][0] = (0.0, *([NEG] * (sizes[0] - 1)))
        grids = bidding.stacked_grids(blocks)
        flat = np.arange(grids.shape[1])
        for rows, grid in zip(blocks, grids, strict=True):
            want = _grid(rows)
            got = np.empty_like(want)
            got[bidding.usual_numbers(flat, sizes)] = grid
            assert want.tobytes() == got.tobytes()


def _every_the_long_way(search: bidding._Search, vouched: dict[tuple[int, ...], int]) -> bidding._Best | None:
    """`_Search.every` as first written: each grid on its own, every package sorted."""
    import math

    st, tables, thetas = search.st, search.tables, search.thetas
    sizes = tuple(len(row) for row in st.gain)
    value = st.alternative - st.cost + _grid(st.gain)
    ok = np.isfinite(value)
    if not search.mediator:
        ok &= (value >= search.target) & (value > st.alternative + bidding.MIN_GAIN)
    where = np.flatnonzero(ok)
    if where.size == 0:
        return None
    ests = [_grid(tb)[where] for tb in tables]
    for pkg, x in vouched.items():
        hit = np.flatnonzero(where == np.ravel_multi_index(pkg, sizes))
        if hit.size:
            ests[x][hit[0]] = max(ests[x][hit[0]], thetas[x])
    lc = np.zeros(where.shape)
    for e, th in zip(ests, thetas, strict=True):
        lc -= np.logaddexp(0.0, -(e - th) / bidding.CHANCE_SCALE)
    for pos in np.lexsort((where, -value[where], -lc))[:64].tolist():
        pkg = tuple(int(o) for o in np.unravel_index(int(where[pos]), sizes))
        if search.mem.blocked(search.s, search.d, search.k, pkg) is None:
            assert math.isfinite(float(lc[pos]))
            return (float(lc[pos]), float(value[where[pos]]), pkg, [float(e[pos]) for e in ests])
    return None


def test_weighing_every_package_finds_what_sorting_them_all_finds() -> None:
    """The endgame's whole-space bid picks the best package without sorting the space (it sorts
    only the few best when the best is blocked): the same bid, to the bit, as sorting them all,
    at each late turn of a few games, for the delegation to move at its own target and at others,
    with ties between packages, refusals blocking the best and a refuser's want vouched for."""
    from game.ai.concession import target

    cs = _genoa()
    k = cs.inst_index["general_settlement"]
    ai = Negotiator()
    compared = blocked = 0
    for g in range(4):
        late = late_turns(cs, k, ai, (1922, g))
        for s in late:
            d = s.actor
            assert d is not None
            mem = ai.memory(s)
            st = mem.stakes(s, d, k)
            others = [j for j in s.active_parties(k) if j != d]
            tables = [mem.estimate_table(s, d, j, k) for j in others]
            thetas = bidding.thresholds(mem, s, d, k, others, tables)
            own = target(st.best, st.alternative, ai.share(mem, s, d, k, st, s.time_fraction()))
            for tgt, mediator in ((own, False), (st.alternative, False), (st.alternative, True)):
                search = bidding._Search(mem, s, d, k, st, tgt, mediator, tables, thetas)
                want = _every_the_long_way(search, {})
                assert search.every({}) == want
                compared += 1
                if want is None:
                    continue
                # the best is refused (by a party that has not moved since): the next best, as sorted
                refusals = dict(mem.refusals)
                mem.refusals[(k, want[2])] = [(others[0], mem.moves[others[0]], None)]
                vouched = {(*want[2][:-1], (want[2][-1] + 1) % len(st.gain[-1])): 0}
                assert search.every(vouched) == _every_the_long_way(search, vouched)
                mem.refusals = refusals
                blocked += 1
    assert compared > 100 and blocked > 50
    # exact ties hardly happen in play: make the first and the last issue count for nothing to
    # anyone, so the best packages tie in fours (or more), and the first of them must be taken
    s = late[-1]
    d = s.actor
    assert d is not None
    mem = ai.memory(s)
    st = mem.stakes(s, d, k)
    ends = (0, len(st.options) - 1)
    parts = tuple((tuple([row[0]] * len(row)), shift, -1) if x in ends else (row, shift, -1) for x, (row, shift, _) in enumerate(st._parts))
    flat = Stakes(st.alternative, st.cost, parts, st.best, tuple(tuple(range(len(p[0]))) for p in parts), st.span)
    others = [j for j in s.active_parties(k) if j != d]
    tables = [tuple(tuple([row[0]] * len(row)) if x in ends else row for x, row in enumerate(mem.estimate_table(s, d, j, k))) for j in others]
    thetas = bidding.thresholds(mem, s, d, k, others, tables)
    for tgt in (flat.alternative, (flat.alternative + flat.best) / 2):
        search = bidding._Search(mem, s, d, k, flat, tgt, False, tables, thetas)
        want = _every_the_long_way(search, {})
        assert want is not None and want[2][0] == 0 and want[2][-1] == 0
        assert search.every({}) == want


def _deal_the_long_way(ai: Negotiator, s: GameState, k: int, proposer: int) -> tuple[int, ...] | None:
    """`DealWatch.deal_for_all` (for a package space it lists) as first written: every party's
    value of every package, every party's rule asked in the parties' order."""
    from game.analysis.ai_measures import _floor

    mem = ai.memory(s)
    parties = s.active_parties(k)
    gains = [mem.stakes(s, j, k) for j in parties]
    sizes = [len(row) for row in gains[0].gain]
    if any(st.best <= st.alternative + bidding.MIN_GAIN for st in gains):
        return None
    total = np.array([[st.alternative - st.cost] for st in gains])
    for rows in zip(*(st.gain for st in gains), strict=True):
        row = np.array(rows)
        total = (total[:, None, :] + row[:, :, None]).reshape(len(gains), -1)
    zone = np.ones(total.shape[1], dtype=bool)
    for st, v in zip(gains, total, strict=True):
        zone &= v > st.alternative + bidding.MIN_GAIN
    alive = np.flatnonzero(zone)
    for j, st, v in zip(parties, gains, total, strict=True):
        rule = ai.rule(s, j, k, proposer)
        floor = _floor(rule)
        if st.best < floor:
            return None
        cand = v[alive]
        keep = np.flatnonzero(cand >= floor)
        alive = alive[keep[rule.accepts(cand[keep])]]
    if alive.size == 0:
        return None
    usual = np.ravel_multi_index(np.unravel_index(alive, sizes[::-1])[::-1], sizes)
    return tuple(int(x) for x in np.unravel_index(int(usual.min()), sizes))


def test_the_deal_watch_finds_what_asking_every_package_finds() -> None:
    """The watch keeps per sitting what the stakes alone decide, values the zone party by party
    and asks first the party that last left no package: at every turn of a game, for every
    proposer, the same answer as valuing every package and asking the rules in order; also with
    rules lenient enough (most ask only to beat no deal) that packages for all are found, while
    one party in four, another one at each turn, asks for much more and leaves none."""
    from game.ai import acceptance
    from game.analysis.ai_measures import DealWatch

    class Lenient(Negotiator):
        def rule(self, s: GameState, d: int, k: int, proposer: int) -> acceptance.Rule:
            r = super().rule(s, d, k, proposer)
            ask = r.alternative + (30.0 if (d + proposer + s.turn) % 4 == 0 else 0.0)  # one in four asks much
            return acceptance.Rule(ask, r.alternative, -float("inf"), 0.0, (), (), r.min_gain)

    cs = _genoa()
    k = cs.inst_index["general_settlement"]
    compared = found = 0
    for strategy in (Negotiator, Lenient):
        states = _states(cs, 8, 300)
        ai = strategy()
        watch = DealWatch(ai)
        for _, s in states:
            if s.is_signed(k) or s.answering:
                continue
            watch(s)  # as in a batch: the watch follows the game turn by turn
            for proposer in s.active_parties(k):
                got = watch.deal_for_all(s, k, proposer)
                assert got == _deal_the_long_way(ai, s, k, proposer)
                compared += 1
                found += got is not None
    assert compared > 1000 and found > 50


def test_compiled_preferences_are_each_share_times_each_value() -> None:
    """`compile_prefs` multiplies a whole delegation's row at once: each contribution is still
    the issue's share of the weights times the option's value, bit for bit (zero weights too)."""
    from game.ai.model import compile_prefs
    from game.engine.compiled import Stances

    cs = _genoa()
    rng = np.random.default_rng(7)
    shape_v, shape_w = cs.stances.values.shape, cs.stances.weights.shape
    for _ in range(50):
        weights = rng.uniform(0.0, 3.0, shape_w) * (rng.random(shape_w) > 0.2)
        weights[0] = 0.0  # a delegation that weighs nothing
        st = Stances(rng.uniform(0.0, 100.0, shape_v), weights, rng.uniform(0.0, 100.0, cs.stances.no_deal.shape))
        prefs = compile_prefs(cs, st)
        for d, w in enumerate(weights.tolist()):
            total = sum(w)
            for i, n in enumerate(cs.n_options):
                share = w[i] / total if total > 0 else 0.0
                assert prefs.contrib[d][i] == tuple(share * float(st.values[d, cs.option_offset[i] + o]) for o in range(n))


def test_the_floor_bound_is_never_above_the_rule_floor() -> None:
    """The deal watch rules a zone out by `floor_bound` before asking the rule: that is exact only if
    the bound is never above the floor of the rule itself, for any delegation, instrument and proposer."""
    from game.analysis.ai_measures import _floor

    cs = _genoa()
    compared = 0
    for seed in (3, 11):
        for ai, s in _states(cs, seed, 120):
            for k in range(len(cs.instrument_ids)):
                parties = s.active_parties(k)
                for d in parties:
                    for proposer in parties:
                        bound = ai.floor_bound(s, d, k, proposer)
                        if bound is None:
                            continue
                        assert bound <= _floor(ai.rule(s, d, k, proposer))
                        compared += 1
    assert compared > 1000


def test_a_negotiator_playing_many_games_keeps_its_memo_bounded_and_its_games_unchanged(monkeypatch):
    """A batch worker's negotiator keeps compiled preferences across games (Genoa's stances differ from game
    to game); past MAX_PREFS it starts again, and the games it plays are the games fresh negotiators play."""
    from game.ai import negotiator as N
    from game.ai.driver import play_game

    cs = _genoa()
    monkeypatch.setattr(N, "MAX_PREFS", 8)
    ai = Negotiator()
    sizes = []
    for k in range(6):
        kept = play_game(cs, (5, k), "short", ai)
        sizes.append(len(ai._prefs))
        fresh = play_game(cs, (5, k), "short", Negotiator())
        assert kept.log == fresh.log
    steps = [b - a for a, b in pairwise(sizes)]
    assert any(x < 0 for x in steps)  # the memo started again ...
    assert max(sizes) <= 8 + max(sizes[0], *steps)  # ... and never held more than the bound and one game's worth
