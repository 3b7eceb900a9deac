"""The scenario compiled for the AI: each delegation's value of every option, issue by issue.

A delegation's utility is additive over issues (the engine's formula: the
weighted mean of option values, 0-100), so everything the AI asks about a
package splits into per-issue pieces: its value to me, my estimate of its
value to you, the cheapest concession. `Prefs` holds those pieces for one
stances object; `Outlook` adds what a delegation expects from the other
instruments at this sitting. Both are plain immutable values built from the
game state, so the AI keeps them in its per-game memory, never in module
globals.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.engine.compiled import CompiledScenario, Stances
from game.engine.state import GameState

#: How much the prospect of the other instruments counts when valuing a world.
OUTLOOK_WEIGHT = 1.0


@dataclass(frozen=True, slots=True)
class Prefs:
    """One stances object, compiled: `contrib[d][i][o]` is d's weighted value of option o of issue i
    (the issue's share of d's 0-100 utility); `unsettled[d][i]` the same for leaving it open;
    `weight[d][i]` the issue's share of d's weights (0-1)."""

    contrib: tuple[tuple[tuple[float, ...], ...], ...]
    unsettled: tuple[tuple[float, ...], ...]
    weight: tuple[tuple[float, ...], ...]
    highs: tuple[tuple[float, ...], ...] = ()  # per delegation, per issue: max of its contributions
    lows: tuple[tuple[float, ...], ...] = ()  # ... and min
    # per issue: all its options (0..n-1), made once here rather than for every stakes of a sitting
    choices: tuple[tuple[int, ...], ...] = ()

    def utility(self, d: int, world: tuple[int, ...]) -> float:
        c, u = self.contrib[d], self.unsettled[d]
        return sum([c[i][o] if o >= 0 else u[i] for i, o in enumerate(world)])

    def top_issue(self, d: int) -> int:
        """The issue d weighs most (the first of equals)."""
        w = self.weight[d]
        return max(range(len(w)), key=lambda i: (w[i], -i))


#: One delegation's part of `Prefs`: (contributions per issue, unsettled, shares, highs, lows).
DelegationPrefs = tuple[tuple[tuple[float, ...], ...], tuple[float, ...], tuple[float, ...], tuple[float, ...], tuple[float, ...]]


def compile_prefs(cs: CompiledScenario, stances: Stances, rows: dict[tuple[tuple[int, ...], bytes], DelegationPrefs] | None = None) -> Prefs:
    """`rows`, when given, keeps each delegation's part by its own stances' bytes: an event changes
    one or two delegations' stances, and every other part is a function of its own row alone."""
    contrib = []
    unsettled = []
    shares = []
    highs = []
    lows = []
    issue_of = np.repeat(np.arange(cs.n_issues), cs.n_options)  # per global option, its issue
    ends = [*cs.option_offset[1:], len(issue_of)]
    values, weights, no_deal = stances.values, stances.weights, stances.no_deal
    for d in range(len(weights)):
        key = (cs.n_options, values[d].tobytes() + weights[d].tobytes() + no_deal[d].tobytes())
        part = rows.get(key) if rows is not None else None
        if part is None:
            w = weights[d].tolist()
            nd = no_deal[d].tolist()
            total = sum(w)
            share = [x / total if total > 0 else 0.0 for x in w]
            # share[i] * value, for every option at once (one multiplication each, as written out)
            row = (np.array(share)[issue_of] * values[d]).tolist()
            mine = tuple(tuple(row[a:b]) for a, b in zip(cs.option_offset, ends, strict=True))
            part = (
                mine,
                tuple(share[i] * nd[i] for i in range(len(w))),
                tuple(share),
                tuple(max(r) for r in mine),
                tuple(min(r) for r in mine),
            )
            if rows is not None:
                rows[key] = part
        contrib.append(part[0])
        unsettled.append(part[1])
        shares.append(part[2])
        highs.append(part[3])
        lows.append(part[4])
    choices = tuple(tuple(range(n)) for n in cs.n_options)
    return Prefs(tuple(contrib), tuple(unsettled), tuple(shares), tuple(highs), tuple(lows), choices)


@dataclass(frozen=True, slots=True)
class Outlook:
    """What the other instruments look like at the start of this sitting, as anyone can read
    it from the public positions and trust: per instrument, the chance it is signed (0-1)
    and the package a neutral observer expects (the middle of its parties' positions)."""

    chance: tuple[float, ...]
    likely: tuple[tuple[int, ...], ...]


def read_outlook(s: GameState) -> Outlook:
    """The outlook from the positions and trust at the end of the previous sitting: a pure
    function of the state, the same whenever in the sitting it is asked."""
    cs = s.cs
    n_i = cs.n_issues
    if s.history:
        positions = s.history[-1].positions
        flat = s.history[-1].relations
        n_d = cs.n_delegations

        def trust_of(a: int, b: int) -> float:
            return flat[a * n_d + b]
    else:
        positions = cs.positions
        rel = cs.relations.tolist()

        def trust_of(a: int, b: int) -> float:
            return float(rel[a][b])

    chances = []
    likely = []
    signed = {sig.instrument for sig in s.signed}
    for k, scope in enumerate(cs.scope):
        parties = s.active_parties(k)
        package = []
        spreads = []
        for i in scope:
            if s.settled[i] >= 0:
                package.append(s.settled[i])
                continue
            n = cs.n_options[i]
            pos = [x for p in parties if (x := positions[p * n_i + i]) >= 0]
            package.append(int(sum(pos) / len(pos) + 0.5) if pos else 0)
            if pos:
                spreads.append((max(pos) - min(pos)) / (n - 1))
        likely.append(tuple(package))
        if k in signed or not parties or any(p in s.walked_out for p in parties):
            chances.append(0.0)
            continue
        compat = max(0.0, 1.0 - (sum(spreads) / len(spreads) if spreads else 0.0))
        if len(parties) > 1:
            pairs = [trust_of(a, b) for a in parties for b in parties if a != b]
            trust = sum(pairs) / (100.0 * len(pairs))
        else:
            trust = 1.0
        chances.append(compat**2 * (0.4 + 0.6 * trust))
    return Outlook(tuple(chances), tuple(likely))


class Stakes:
    """What instrument k is worth to delegation d this sitting, issue by issue.

    value(package) = alternative - cost + sum of gain[i][o] over the scope: `alternative` is the
    world as it stands plus the expected result of the other instruments; each gain is what
    settling that issue on that option adds to it.

    `best` and `span` come from each row's extremes; the rows themselves are made when first
    read (often never: nothing beats no deal, so there is nothing to search)."""

    __slots__ = ("_gain", "_parts", "_values", "alternative", "best", "cost", "options", "span")

    def __init__(
        self,
        alternative: float,
        cost: float,
        parts: tuple[tuple[tuple[float, ...], float, int], ...],
        best: float,
        options: tuple[tuple[int, ...], ...],
        span: float,
    ) -> None:
        self.alternative = alternative
        self.cost = cost
        self.best = best  # the highest value any package reaches
        # for the bid search: per scope issue, the options still open (all of them unless
        # settled), and the summed spread of the gains of the issues not yet settled
        self.options = options
        self.span = span
        self._parts = parts  # per scope issue: (own contributions, the shift off them, its settled option or -1)
        self._gain: tuple[tuple[float, ...], ...] | None = None
        # packages valued so far: a delegation weighs the same few offers again and again in a
        # sitting (every answer, every check of the best offer seen and of the others' pace)
        self._values: dict[tuple[int, ...], float] = {}

    @property
    def gain(self) -> tuple[tuple[float, ...], ...]:
        """Per scope issue: per option (settled issues: 0 for its option, -inf otherwise)."""
        gain = self._gain
        if gain is None:
            rows = []
            for row, shift, fixed in self._parts:
                if fixed >= 0:
                    rows.append(tuple([0.0 if o == fixed else NEG for o in range(len(row))]))
                else:
                    rows.append(tuple([c - shift for c in row]))
            gain = self._gain = tuple(rows)
        return gain

    def value(self, package: tuple[int, ...]) -> float:
        v = self._values.get(package)
        if v is None:
            v = self._values[package] = self.alternative - self.cost + sum(map(tuple.__getitem__, self.gain, package))  # the terms in order
        return v


NEG = float("-inf")


@dataclass(frozen=True, slots=True)
class Prospect:
    """What one delegation expects from every instrument this sitting, before asking about one:
    its utility of the world as it stands, and per instrument the expected gain on each open
    issue of its scope if that instrument is signed as the outlook expects (empty if unlikely)."""

    now: float
    terms: tuple[tuple[tuple[int, float], ...], ...]


def prospect(prefs: Prefs, look: Outlook, s: GameState, d: int) -> Prospect:
    contrib, unsettled = prefs.contrib[d], prefs.unsettled[d]
    settled = s.settled
    terms: list[tuple[tuple[int, float], ...]] = []
    for scope, p, likely in zip(s.cs.scope, look.chance, look.likely, strict=True):
        if p <= 0.0:
            terms.append(())
            continue
        terms.append(tuple([(i, p * (contrib[i][o] - unsettled[i])) for i, o in zip(scope, likely, strict=True) if settled[i] < 0]))
    return Prospect(prefs.utility(d, settled), tuple(terms))


def stakes(cs: CompiledScenario, prefs: Prefs, pro: Prospect, s: GameState, d: int, k: int) -> Stakes:
    contrib, unsettled = prefs.contrib[d], prefs.unsettled[d]
    settled = s.settled
    expect = [0.0] * cs.n_issues  # per issue: expected gain from the other instruments
    for k2, terms in enumerate(pro.terms):
        if k2 != k:
            for i, x in terms:
                expect[i] += x
    base = pro.now + OUTLOOK_WEIGHT * sum(expect)
    parts = []
    options: list[tuple[int, ...]] = []
    span = tops = 0.0
    highs, lows, choices = prefs.highs[d], prefs.lows[d], prefs.choices
    for i in cs.scope[k]:
        row = contrib[i]
        fixed = settled[i]
        if fixed >= 0:
            parts.append((row, 0.0, fixed))
            options.append((fixed,))
        else:
            shift = unsettled[i] + OUTLOOK_WEIGHT * expect[i]
            parts.append((row, shift, -1))
            options.append(choices[i])
            # a float subtraction keeps order, so the row's extremes less the shift are the gains' extremes
            top = highs[i] - shift
            span += top - (lows[i] - shift)
            tops += top
    cost = float(s.costs[k, d])
    return Stakes(base, cost, tuple(parts), base - cost + tops, tuple(options), span or 1.0)
