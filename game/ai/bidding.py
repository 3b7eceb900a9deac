"""Bidding: which package to propose on an instrument, given a target value.

Among the packages worth at least the target to the proposer, it proposes
the one the opponent models give the best chance that every addressee
accepts (the product of their estimated chances: an estimated Nash
product), never one that an addressee refused and has not moved from since.
Utilities are additive over issues, so candidates come from weighing the
proposer's own gains against the others' estimated values issue by issue
(one mix at a time), then improving the best one an issue at a time; that
works for any number of issues and options without listing every package.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from game.ai.concession import ENDGAME
from game.ai.memory import Answer, Memory
from game.ai.model import NEG, Stakes
from game.engine.state import GameState

#: Weight of the proposer's own gains in the mixes that generate candidate packages.
SELF_WEIGHTS = (1.0, 0.75, 0.5, 0.25)
#: Spread (estimated value points) of the acceptance chance around an addressee's threshold.
CHANCE_SCALE = 5.0
#: Sittings of answers that still tell where an addressee's threshold lies.
MEMORY_SITTINGS = 3
#: How far a refusal moves the believed threshold toward the refused package's estimate: a
#: refusal of a package the model rates highly says as much that the model is wrong about that
#: package as that the threshold is high, so the belief moves only part of the way (an
#: acceptance, which shows a package it really takes, sets the threshold at once).
REFUSAL_STEP = 0.3
#: Sittings (this one and the one before) in which a refusal's stated want still suggests a
#: package, in the last sittings (from `ENDGAME` of the clock on), when few chances are left.
WANT_SITTINGS = 2
#: A deal must beat no deal by at least this much (utility points).
MIN_GAIN = 0.5
#: In the last sittings (from `ENDGAME` of the clock), an instrument with at most this many
#: packages has every package weighed, not only those the greedy search reaches: the zone all
#: parties accept is then often one or two packages, which a search one issue at a time misses.
ENUMERATE_LIMIT = 50_000


EstimateTable = tuple[tuple[float, ...], ...]  # per scope issue, per option: an addressee's estimated value


@dataclass(frozen=True, slots=True)
class Bid:
    instrument: int
    package: tuple[int, ...]
    value: float  # to the proposer
    target: float
    alternative: float
    chance: float  # estimated chance that every addressee accepts
    likely: bool  # every addressee is estimated at or above its threshold
    estimates: tuple[float, ...]  # each addressee's estimated value, in `others` order
    # the search that found it, for `refined` to go on from (not part of the bid's value)
    search: _Search | None = field(default=None, compare=False, repr=False)


def threshold_prior(t: float) -> float:
    """Where an addressee's acceptance threshold is believed to lie before any answer: it falls with time."""
    return 85.0 - 35.0 * t


def thresholds(mem: Memory, s: GameState, d: int, k: int, others: list[int], tables: list[EstimateTable] | None = None) -> list[float]:
    """d's belief about the estimated value each of `others` needs to accept a package on k:
    raised toward what it refused lately (`REFUSAL_STEP`), at most what it accepted lately
    (refusals that gave another reason than the package's worth are left out). `tables`, when given, are
    d's estimate tables of `others` on k (as `best_bid` already holds them)."""
    base = threshold_prior(s.time_fraction())
    # the telling answers, per answerer, in log order (one pass over them, not one per addressee)
    by_who: dict[int, list[Answer]] = {}
    for a in mem.recent_answers(d, k, s.turn - MEMORY_SITTINGS + 1):
        if a.telling:
            by_who.setdefault(a.who, []).append(a)
    relations = s.relations
    out = []
    for x, j in enumerate(others):
        theta = base - (float(relations[j, d]) - 50.0) * 0.2
        table = None
        for a in by_who.get(j, ()):  # in log order: each answer moves the belief from where the last one left it
            if table is None:
                table = tables[x] if tables is not None else mem.estimate_table(s, d, j, k)
            seen = sum(map(tuple.__getitem__, table, a.package))
            if a.accepted:
                if seen < theta:
                    theta = seen
            elif seen + 1.0 > theta:
                theta += REFUSAL_STEP * (seen + 1.0 - theta)
        out.append(theta)
    return out


def chance(estimate: float, theta: float) -> float:
    return 1.0 / (1.0 + math.exp(-(estimate - theta) / CHANCE_SCALE))


def joint_chance(mem: Memory, s: GameState, d: int, k: int, package: tuple[int, ...], who: list[int]) -> float:
    """d's estimate (its opponent model) of the chance that every one of `who` accepts `package` on k."""
    out = 1.0
    for j, theta in zip(who, thresholds(mem, s, d, k, who), strict=True):
        table = mem.estimate_table(s, d, j, k)
        out *= chance(sum([row[o] for row, o in zip(table, package, strict=True)]), theta)
    return out


def best_bid(mem: Memory, s: GameState, d: int, k: int, st: Stakes, target: float, mediator: bool = False, refine: bool = True) -> Bid | None:
    """The package d should propose on k, or None when nothing at or above the target is left.

    A mediator (not a party) has no target of its own: it looks for the package the parties
    are most likely all to accept. Without `refine`, only the mixes are tried (and their
    neighbours when every mix is ruled out): a quick look, to choose which instrument to bid on;
    `refined(bid)` then finishes that search where it stopped."""
    if not mediator and st.best < max(target, st.alternative + MIN_GAIN):
        return None
    others = [j for j in s.active_parties(k) if j != d]
    tables = [mem.estimate_table(s, d, j, k) for j in others]
    thetas = thresholds(mem, s, d, k, others, tables)
    gain = st.gain
    base = st.alternative - st.cost
    options = st.options
    endgame = s.time_fraction() >= ENDGAME
    # from ENDGAME on, a small instrument has every package weighed: no mixes to seed a search with
    whole = endgame and math.prod(len(row) for row in gain) <= ENUMERATE_LIMIT
    seeds: list[tuple[int, ...]] = []
    # the others' mean estimated value of each option, per issue (0-1 scale, like the own part)
    mean_others: list[list[float]] = []
    if not whole and tables:
        scale = 1.0 / (100.0 * len(tables))
        mean_others = [[sum(col) * scale for col in zip(*rows, strict=True)] for rows in zip(*tables, strict=True)]
    elif not whole:
        mean_others = [[0.0] * len(row) for row in gain]
    span = st.span
    weights = () if whole else (0.0,) if mediator else SELF_WEIGHTS
    for a in weights:
        pkg_list = []
        b = 1.0 - a
        for i, opts in enumerate(options):
            row, mine = gain[i], mean_others[i]
            top_o, top = opts[0], NEG
            for o in opts:
                x = a * row[o] / span + b * mine[o]
                if x > top + 1e-12:
                    top_o, top = o, x
            pkg_list.append(top_o)
        pkg = tuple(pkg_list)
        if pkg not in seeds:
            seeds.append(pkg)
    # a refusal that named what would change it: the same package with that change made,
    # which the refuser said it wants (its estimate is raised to its threshold for that one)
    vouched: dict[tuple[int, ...], int] = {}
    for w in mem.wants if endgame else ():
        if w.instrument != k or w.turn < s.turn - WANT_SITTINGS + 1 or w.who not in others or (w.audience is not None and d not in w.audience):
            continue
        if w.option not in options[w.issue]:
            continue
        pkg = (*w.package[: w.issue], w.option, *w.package[w.issue + 1 :])
        vouched[pkg] = others.index(w.who)
        if pkg not in seeds:
            seeds.append(pkg)
    search = _Search(mem, s, d, k, st, target, mediator, tables, thetas)
    if whole:
        search.refined = True  # nothing left to refine: every package was weighed
        return search.bid(search.every(vouched))
    floor = st.alternative + MIN_GAIN
    best: _Best | None = None
    evaluated = []
    for pkg in seeds:
        value = base + sum(map(tuple.__getitem__, gain, pkg))  # the terms in order, as a sum over zip would
        ests = [sum(map(tuple.__getitem__, tb, pkg)) for tb in tables]
        if pkg in vouched:
            x = vouched[pkg]
            ests[x] = max(ests[x], thetas[x])
        lc = search.log_chance(ests)
        evaluated.append((pkg, value, ests))
        if (
            (best is None or (lc, value) > (best[0], best[1]))
            and (mediator or not (value < target or value <= floor))
            and mem.blocked(s, d, k, pkg) is None
        ):
            best = (lc, value, pkg, ests)
    if best is None:  # every seed fails: improve each in turn until one leads somewhere
        search.refined = True
        best = search.improve(None, evaluated)
    elif refine:
        search.refined = True
        best = search.improve(best, [(best[2], best[1], best[3])])
    return search.bid(best)


def refined(bid: Bid) -> Bid:
    """A quick bid (`best_bid(..., refine=False)`) improved one issue at a time, exactly as
    `best_bid` with `refine` would have found it in the same state, without redoing the mixes."""
    search = bid.search
    if search is None or search.refined:
        return bid
    search.refined = True
    best = search.best
    assert best is not None
    return search.bid(search.improve(best, [(best[2], best[1], best[3])])) or bid


_Best = tuple[float, float, tuple[int, ...], list[float]]  # (log chance, value, package, estimates)


class _Search:
    """One bid search's inputs, kept with a quick bid so that `refined` can go on from it."""

    __slots__ = ("best", "d", "k", "mediator", "mem", "refined", "s", "st", "tables", "target", "thetas")

    def __init__(
        self,
        mem: Memory,
        s: GameState,
        d: int,
        k: int,
        st: Stakes,
        target: float,
        mediator: bool,
        tables: list[tuple[tuple[float, ...], ...]],
        thetas: list[float],
    ) -> None:
        self.mem, self.s, self.d, self.k, self.st = mem, s, d, k, st
        self.target, self.mediator, self.tables, self.thetas = target, mediator, tables, thetas
        self.refined = False
        self.best: _Best | None = None

    def log_chance(self, ests: list[float]) -> float:
        total = 0.0
        for e, th in zip(ests, self.thetas, strict=True):
            x = (e - th) / CHANCE_SCALE
            total += -math.log1p(math.exp(-x)) if x > -30.0 else x
        return total

    def every(self, vouched: dict[tuple[int, ...], int]) -> _Best | None:
        """The best package of all (highest estimated chance, then value to the proposer) at or
        above the target and not blocked by a refusal, weighing every package at once.

        Packages are numbered with the first issue slowest (`np.unravel_index` order), so of
        equals the first in that order is taken.

        The proposer's values and the others' estimates are added up together (`stacked_grids`: a
        grid each, the last issue slowest in memory), each number term by term in the issues' order."""
        mem, s, d, k, st = self.mem, self.s, self.d, self.k, self.st
        gain, tables, thetas = st.gain, self.tables, self.thetas
        sizes = tuple(len(row) for row in gain)
        back = sizes[::-1]  # the grids' own numbering: the last issue slowest

        def package(flat: int) -> tuple[int, ...]:
            pkg = []
            for n in sizes:  # the first issue fastest
                flat, o = divmod(flat, n)
                pkg.append(o)
            return tuple(pkg)

        grids = stacked_grids([gain, *tables])
        value = st.alternative - st.cost + grids[0]
        ok = np.isfinite(value)  # options an earlier signature ruled out are not on the table
        if not self.mediator:
            ok &= (value >= self.target) & (value > st.alternative + MIN_GAIN)
        where = ok.nonzero()[0]
        if where.size == 0:
            return None
        # the others' estimates and the chance only where the proposer could bid (usually a small part of the space)
        ests = grids[1:].take(where, axis=1)
        for pkg, x in vouched.items():  # the refuser said it wants this one: at least its threshold
            flat = 0
            for o, n in zip(pkg[::-1], back, strict=True):  # the last issue slowest
                flat = flat * n + o
            pos = int(where.searchsorted(flat))
            if pos < where.size and int(where[pos]) == flat:
                ests[x, pos] = max(ests[x, pos], thetas[x])
        values = value[where]
        # each package's log chance is the sum over addressees of -log(1 + exp(-(e - th) / scale)),
        # taken one addressee after another; every term is negative, so its least likely addressee's
        # term alone bounds it from above, and a package bounded below a known log chance cannot be
        # among the best: the whole sum is needed only for the few that can (a tenth of them or less)
        # -(e - theta) / scale, as (theta - e) / scale in place: a rounded difference only changes
        # sign with its operands (a zero may come out as +0 for -0, and logaddexp reads both alike)
        x = np.subtract(np.array(thetas)[:, None], ests)
        x /= CHANCE_SCALE
        bound = np.zeros(where.shape)
        if tables:
            least = x[0].copy()  # per package, its least likely addressee's x (row by row: a reduction
            for row in x[1:]:  # over the outer axis of a few rows is several times slower)
                np.maximum(least, row, out=least)
            bound = -np.logaddexp(0.0, least)
        lc = np.empty(where.shape)  # filled in where it is needed (`log_chance`)

        def log_chance(pos: NDArray[np.intp]) -> NDArray[np.float64]:
            out = np.zeros(pos.shape)
            for row in np.logaddexp(0.0, x[:, pos]):
                out -= row
            lc[pos] = out
            return out

        # best first: by log chance, then value, then the first package in the usual numbering; the
        # best alone is found without sorting (it is nearly always free to bid), the order only if not
        likely = int(bound.argmax())
        near = (bound >= log_chance(np.array([likely]))[0]).nonzero()[0]
        lc_near = log_chance(near)
        top = near[lc_near == lc_near.max()]
        if top.size > 1:
            top = top[values[top] == values[top].max()]
        first = int(top[0]) if top.size == 1 else int(top[np.argmin(usual_numbers(where[top], sizes))])
        order = [first]
        if mem.blocked(s, d, k, package(int(where[first]))) is not None:
            # the 64 best in order: none can have a log chance below the 64th best of any 64 packages
            few = np.arange(where.size)
            if where.size > 64:
                few = (bound >= log_chance((-bound).argpartition(63)[:64]).min()).nonzero()[0]
            log_chance(few)
            order = few[np.lexsort((usual_numbers(where[few], sizes), -values[few], -lc[few]))][:64].tolist()
        for pos in order:
            pkg = package(int(where[pos]))
            if mem.blocked(s, d, k, pkg) is None:
                return (float(lc[pos]), float(values[pos]), pkg, [float(e) for e in ests[:, pos]])
        return None

    def improve(self, best: _Best | None, starts: list[tuple[tuple[int, ...], float, list[float]]]) -> _Best | None:
        """Improve one issue at a time from each start in turn, until one yields a bid."""
        mem, s, d, k, st = self.mem, self.s, self.d, self.k, self.st
        mediator, target, tables = self.mediator, self.target, self.tables
        floor = st.alternative + MIN_GAIN
        gain, options = st.gain, st.options
        n_issues, n_t = len(gain), len(tables)
        log_chance = self.log_chance
        for pkg0, value0, ests0 in starts:
            current, value_c, ests_c = pkg0, value0, ests0
            for _ in range(2):
                improved = False
                for i in range(n_issues):
                    ci = current[i]
                    g_row = gain[i]
                    for o in options[i]:
                        if o == ci:
                            continue
                        value = value_c + g_row[o] - g_row[ci]
                        if not mediator and (value < target or value <= floor):
                            continue
                        ests = [ests_c[x] + tables[x][i][o] - tables[x][i][ci] for x in range(n_t)]
                        lc = log_chance(ests)
                        if best is not None and (lc, value) <= (best[0], best[1]):
                            continue
                        pkg = (*current[:i], o, *current[i + 1 :])
                        if mem.blocked(s, d, k, pkg) is not None:
                            continue
                        best = (lc, value, pkg, ests)
                        improved = True
                    if improved and best is not None:
                        current, value_c, ests_c = best[2], best[1], best[3]
                        ci = current[i]
                if not improved:
                    break
            if best is not None:
                break
        return best

    def bid(self, best: _Best | None) -> Bid | None:
        if best is None:
            return None
        self.best = best
        lc, value, pkg, ests = best
        likely = all(e >= th for e, th in zip(ests, self.thetas, strict=True))
        return Bid(self.k, pkg, value, self.target, self.st.alternative, math.exp(lc), likely, tuple(ests), self)


def stacked_grids(blocks: Sequence[Sequence[Sequence[float]]], start: Sequence[float] | None = None) -> NDArray[np.float64]:
    """The sum of one entry per row for every combination, for several lists of rows at once (all
    with the same row lengths), stacked, a grid each, each starting from its `start` (0 without)
    and adding the rows in order; each new row's entries take the outer axis (so every addition
    runs over long rows, not a few elements at a time): the grids hold the last row slowest, the
    first fastest (`usual_numbers` renumbers them with the first row slowest). The endgame's bid and the
    deal-for-all watch (game/analysis/ai_measures.py) both weigh every package this way."""
    n = len(blocks)
    total = np.zeros((n, 1)) if start is None else np.array(start, dtype=np.float64).reshape(n, 1)
    for rows in zip(*blocks, strict=True):
        row = np.array(rows, dtype=np.float64)
        total = (row[:, :, None] + total[:, None, :]).reshape(n, -1)
    return total


def usual_numbers(flat: NDArray[np.intp], sizes: Sequence[int]) -> NDArray[np.intp]:
    """`stacked_grids` numbers (the last issue slowest) as numbers with the first issue slowest."""
    return np.ravel_multi_index(np.unravel_index(flat, tuple(sizes)[::-1])[::-1], tuple(sizes))
