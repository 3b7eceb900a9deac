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
from dataclasses import dataclass

from game.ai.memory import Memory
from game.ai.model import NEG, Stakes
from game.engine.state import GameState

#: Weight of the proposer's own gains in the mixes that generate candidate packages.
SELF_WEIGHTS = (1.0, 0.75, 0.5, 0.25)
#: Spread (estimated value points) of the acceptance chance around an addressee's threshold.
CHANCE_SCALE = 5.0
#: Sittings of answers that still tell where an addressee's threshold lies.
MEMORY_SITTINGS = 3
#: Sittings in which a refusal's stated want still suggests a package (in the last sitting: its own).
WANT_SITTINGS = 1
#: A deal must beat no deal by at least this much (utility points).
MIN_GAIN = 0.5


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


def threshold_prior(t: float) -> float:
    """Where an addressee's acceptance threshold is believed to lie before any answer: it falls with time."""
    return 85.0 - 35.0 * t


def thresholds(mem: Memory, s: GameState, d: int, k: int, others: list[int]) -> list[float]:
    """d's belief about the estimated value each of `others` needs to accept a package on k:
    above what it refused lately, at most what it accepted lately."""
    base = threshold_prior(s.time_fraction())
    answers = mem.recent_answers(d, k, s.turn - MEMORY_SITTINGS + 1)
    out = []
    for j in others:
        theta = base - (float(s.relations[j, d]) - 50.0) * 0.2
        table = None
        for a in answers:
            if a.who != j:
                continue
            if table is None:
                table = mem.estimate_table(s, d, j, k)
            seen = sum([row[o] for row, o in zip(table, a.package, strict=True)])
            theta = min(theta, seen) if a.accepted else max(theta, seen + 1.0)
        out.append(theta)
    return out


def chance(estimate: float, theta: float) -> float:
    return 1.0 / (1.0 + math.exp(-(estimate - theta) / CHANCE_SCALE))


def best_bid(mem: Memory, s: GameState, d: int, k: int, st: Stakes, target: float, mediator: bool = False, refine: bool = True) -> Bid | None:
    """The package d should propose on k, or None when nothing at or above the target is left.

    A mediator (not a party) has no target of its own: it looks for the package the parties
    are most likely all to accept. Without `refine`, only the mixes are tried (and their
    neighbours when every mix is ruled out): a quick look, to choose which instrument to bid on."""
    if not mediator and st.best < max(target, st.alternative + MIN_GAIN):
        return None
    others = [j for j in s.active_parties(k) if j != d]
    tables = [mem.estimate_table(s, d, j, k) for j in others]
    thetas = thresholds(mem, s, d, k, others)
    gain = st.gain
    base = st.alternative - st.cost
    n_issues = len(gain)

    options = [[o for o, g in enumerate(row) if g > NEG] if NEG in row else list(range(len(row))) for row in gain]
    # the others' mean estimated value of each option, per issue (0-1 scale, like the own part)
    if tables:
        scale = 1.0 / (100.0 * len(tables))
        mean_others = [[sum(col) * scale for col in zip(*[t[i] for t in tables], strict=True)] for i in range(n_issues)]
    else:
        mean_others = [[0.0] * len(row) for row in gain]
    span = 0.0
    for row, opts in zip(gain, options, strict=True):
        if len(opts) == len(row):
            span += max(row) - min(row)
    span = span or 1.0
    weights = (0.0,) if mediator else SELF_WEIGHTS
    seeds: list[tuple[int, ...]] = []
    for a in weights:
        pkg_list = []
        for i, opts in enumerate(options):
            row, mine = gain[i], mean_others[i]
            top_o, top = opts[0], NEG
            for o in opts:
                x = a * row[o] / span + (1.0 - a) * mine[o]
                if x > top + 1e-12:
                    top_o, top = o, x
            pkg_list.append(top_o)
        pkg = tuple(pkg_list)
        if pkg not in seeds:
            seeds.append(pkg)
    # a refusal that named what would change it: the same package with that change made,
    # which the refuser said it wants (its estimate is raised to its threshold for that one)
    vouched: dict[tuple[int, ...], int] = {}
    for w in mem.wants if s.turn + 1 >= s.n_turns else ():
        if w.instrument != k or w.turn < s.turn - WANT_SITTINGS + 1 or w.who not in others or (w.audience is not None and d not in w.audience):
            continue
        if w.option not in options[w.issue]:
            continue
        pkg = (*w.package[: w.issue], w.option, *w.package[w.issue + 1 :])
        vouched[pkg] = others.index(w.who)
        if pkg not in seeds:
            seeds.append(pkg)
    n_t = len(tables)

    def log_chance(ests: list[float]) -> float:
        total = 0.0
        for e, th in zip(ests, thetas, strict=True):
            x = (e - th) / CHANCE_SCALE
            total += -math.log1p(math.exp(-x)) if x > -30.0 else x
        return total

    def ok(pkg: tuple[int, ...], value: float) -> bool:
        if not mediator and (value < target or value <= st.alternative + MIN_GAIN):
            return False
        return mem.blocked(s, d, k, pkg) is None

    best: tuple[float, float, tuple[int, ...], list[float]] | None = None
    evaluated = []
    for pkg in seeds:
        value = base + sum([g[o] for g, o in zip(gain, pkg, strict=True)])
        ests = [sum([row[o] for row, o in zip(tb, pkg, strict=True)]) for tb in tables]
        if pkg in vouched:
            x = vouched[pkg]
            ests[x] = max(ests[x], thetas[x])
        lc = log_chance(ests)
        evaluated.append((pkg, value, ests))
        if (best is None or (lc, value) > (best[0], best[1])) and ok(pkg, value):
            best = (lc, value, pkg, ests)
    # improve one issue at a time from the best (or, when every seed fails, from each seed in turn)
    starts = [(best[2], best[1], best[3])] if best is not None else evaluated
    if best is not None and not refine:
        starts = []
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
                    if not mediator and (value < target or value <= st.alternative + MIN_GAIN):
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
    if best is None:
        return None
    lc, value, pkg, ests = best
    likely = all(e >= th for e, th in zip(ests, thetas, strict=True))
    return Bid(k, pkg, value, target, st.alternative, math.exp(lc), likely, tuple(ests))
