"""The AI delegation: answer what is addressed to it, then make one move.

A negotiator is two decisions (as in NegMAS): `respond` to a proposal and
choose a `move`. Both read only the game state (public positions, proposals
it has seen, its own stances) and this sitting's dice for the delegation, so
a decision is a pure function of the state and replays exactly. Every
decision carries its reasons as data.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import numpy as np

from game.ai.concession import Curve
from game.ai.valuation import (
    Outlook,
    Table,
    deciding_issues,
    estimated_value,
    estimates,
    expected,
    outlook,
    package_value,
    package_values,
    table,
)
from game.engine import actions as A
from game.engine.state import GameState, Proposal

SELF_WEIGHTS = (1.0, 0.85, 0.7, 0.55, 0.4, 0.25, 0.1)
NOISE = 6.0  # spread (utility points) of the seeded noise on an aspiration
MIN_GAIN = 0.5  # a deal must beat no deal by at least this much


class Strategy(Protocol):
    """What the driver asks of an AI delegation."""

    def respond(self, s: GameState, d: int, p: Proposal) -> A.Respond: ...

    def move(self, s: GameState, d: int) -> A.MoveAction: ...


@dataclass(frozen=True, slots=True)
class Plan:
    instrument: int
    package: tuple[int, ...]
    value: float
    aspiration: float
    alternative: float
    likely: bool  # every addressee is expected to accept
    closeness: float  # how near the least willing addressee is to accepting (<= 0 when unlikely)


class Negotiator:
    """Aspiration-based negotiator with an opponent model from public positions."""

    def __init__(self) -> None:
        # candidate packages depend only on d's table, settled issues and stated positions; the
        # key holds the (identity-hashed) table itself, and tables are shared by every state and
        # game with the same stance rows, so a game finds the packages earlier games worked out
        self._cache: dict[tuple[object, ...], list[tuple[int, ...]]] = {}
        # one issue's column of candidate options, keyed by what it is a pure function of (the
        # issue's option values, the span, what the others stated), not by the table: a new table
        # (stances changed elsewhere, another game) keeps every column whose inputs are unchanged
        self._columns: dict[tuple[object, ...], tuple[int, ...]] = {}
        # (candidates, table, outlook, settled, instrument, cost) -> package values; see `_values`
        # the same (identical) state inputs -> (d, k) -> candidates: most asks repeat within a
        # turn, and this skips building the full key; swapped whole when any input changes
        self._recent: tuple[tuple[object, ...], dict[tuple[int, int], list[tuple[int, ...]]]] = ((None, None, None, None), {})
        self._values_memo: dict[tuple[object, ...], tuple[object, list[float]]] = {}

    def curve(self, s: GameState, d: int) -> Curve:
        return Curve(s.cs.beta[d] * s.temperament[d])

    # -- shared pieces ---------------------------------------------------------------

    def aspiration(self, s: GameState, d: int, best: float, alternative: float, noise: float = 0.0) -> float:
        return self.curve(s, d).aspiration(best, alternative, s.time_fraction(), s.pressure[d]) + noise

    def candidates(self, s: GameState, d: int, k: int, t: Table) -> list[tuple[int, ...]]:
        """Packages on the line from d's ideal toward what the others have said they want.

        Each mix weighs d's own values against the others' stated positions;
        with additive utilities the best package for a mix is chosen issue by issue."""
        inputs, made = self._recent
        if not (inputs[0] is s.positions and inputs[1] is s.settled and inputs[2] is s.stances and inputs[3] is s.excluded):
            made = {}
            self._recent = ((s.positions, s.settled, s.stances, s.excluded), made)
        result = made.get((d, k))
        if result is None:
            result = made[(d, k)] = self._lookup(s, d, k, t)
        return result

    def _lookup(self, s: GameState, d: int, k: int, t: Table) -> list[tuple[int, ...]]:
        cs = s.cs
        scope = cs.scope[k]
        others = [j for j in s.active_parties(k) if j != d]
        n_i = cs.n_issues
        key = (t, k, tuple(others), tuple(s.settled[i] for i in scope),
               tuple(s.positions[j * n_i + i] for j in others for i in scope))
        result = self._cache.get(key)
        if result is None:
            result = self._candidates(s, d, k, t, others)
            if len(self._cache) > 20000:
                self._cache.clear()
            self._cache[key] = result
        return result

    def _candidates(self, s: GameState, d: int, k: int, t: Table, others: list[int]) -> list[tuple[int, ...]]:
        cs = s.cs
        scope = cs.scope[k]
        free = [i for i in scope if s.settled[i] < 0]
        spread = t.spread
        span = sum([spread[i] for i in free]) or 1.0
        n_mixes = len(_mixes(len(others))[0])
        n_i = cs.n_issues
        positions = s.positions
        bases = [(b, len([i for i in free if positions[b + i] >= 0]) or 1) for b in [j * n_i for j in others]]
        columns: list[tuple[int, ...]] = []
        for i in scope:
            if s.settled[i] >= 0:
                columns.append((s.settled[i],) * n_mixes)
                continue
            # a Shift changes one issue's column, so columns are kept one by one
            key = (t.contrib[i], span, tuple([(positions[b + i], c) for b, c in bases]))
            column = self._columns.get(key)
            if column is None:
                if len(self._columns) > 20_000:
                    self._columns.clear()
                column = self._columns[key] = self._column(t.contrib[i], span, key[2])
            columns.append(column)
        return list(dict.fromkeys(zip(*columns, strict=True)))

    @staticmethod
    def _column(contrib: tuple[float, ...], span: float, seen: tuple[tuple[int, int], ...]) -> tuple[int, ...]:
        """Each mix's best option on one issue: own value against the others' stated positions
        (`seen`: each other's position, -1 = none, and how many issues it has stated)."""
        self_w = _mix_columns(len(seen))[0]
        n = len(contrib)
        own = np.asarray(contrib) / span
        if seen:
            score = self_w * own[None, :] + _others_part(n, seen)
        else:
            score = np.broadcast_to(own, (len(self_w), n))
        return tuple((score > score.max(axis=1, keepdims=True) - 1e-12).argmax(axis=1).tolist())

    def _values(self, s: GameState, t: Table, d: int, k: int, options: list[tuple[int, ...]], look: Outlook) -> list[float]:
        """`package_value` of each candidate. `respond` asks again for the packages `plan`
        valued (once per pending proposal), so the list is kept while its inputs are the very
        same objects (the candidate list, table and outlook are held, never matched by a reused id)."""
        cost = float(s.costs[k, d])
        key = (id(options), t, look, s.settled, k, cost)
        cached = self._values_memo.get(key)
        if cached is not None and cached[0] is options:
            return cached[1]
        values = package_values(s, t, d, k, options, look)
        if len(self._values_memo) > 20_000:
            self._values_memo.clear()
        self._values_memo[key] = (options, values)
        return values

    def threshold(self, s: GameState, j: int, d: int, k: int) -> float:
        """The estimated value below which j would reject a package on instrument k from d."""
        return self._thresholds(s, d, k, [j])[0]

    def _thresholds(self, s: GameState, d: int, k: int, others: list[int]) -> list[float]:
        """`threshold` for each of `others`: the recent proposals d has seen are picked once."""
        recent = []
        for p in _by_instrument(s.proposals, k):
            if p.turn >= s.turn - 4 and p.seen_by(d):
                answers: dict[int, A.Answer] = {}
                for who, answer in p.answers:
                    answers.setdefault(who, answer)  # the first answer counts, as in answer_of
                recent.append((answers, p.package))
        base = 100.0 - (25.0 + 35.0 * s.time_fraction())
        return [self._threshold(s, j, d, k, recent, base) for j in others]

    def _threshold(
        self, s: GameState, j: int, d: int, k: int, recent: list[tuple[dict[int, A.Answer], tuple[int, ...]]], base: float
    ) -> float:
        theta = base - (float(s.relations[j, d]) - 50.0) * 0.2
        for answers, package in recent:
            answer = answers.get(j)
            if answer is None:
                continue
            seen_value = estimated_value(s, j, k, package)
            if answer is A.Answer.REJECT:
                theta = max(theta, seen_value + 1.0)
            else:
                theta = min(theta, seen_value)
        return theta

    def plan(self, s: GameState, d: int, k: int, t: Table, look: Outlook) -> Plan | None:
        cs = s.cs
        alternative = expected(t, s.settled, look)
        options = self.candidates(s, d, k, t)
        values = self._values(s, t, d, k, options, look)
        best = max(values)
        asp = self.aspiration(s, d, best, alternative)
        others = [j for j in s.active_parties(k) if j != d]
        thresholds = self._thresholds(s, d, k, others)
        # each addressee's estimates fetched once, not per package (`estimated_value` per call)
        memos = [(j, estimates(s, j), th) for j, th in zip(others, thresholds, strict=True)]
        chosen: Plan | None = None
        rank: tuple[bool, float] = (False, 0.0)
        for package, value in zip(options, values, strict=True):
            if value < asp or value <= alternative + MIN_GAIN:
                continue
            key = (k, package)
            margins = [
                (v if (v := memo.get(key)) is not None else estimated_value(s, j, k, package)) - th for j, memo, th in memos
            ]
            closeness = min(margins) if margins else 100.0
            likely = closeness >= 0
            # the best: any likely plan over any unlikely one, then the highest value (likely)
            # or the nearest to acceptance (unlikely); the first of equals is kept
            candidate_rank = (likely, value if likely else closeness)
            if chosen is None or candidate_rank > rank:
                chosen = Plan(k, package, value, asp, alternative, likely, closeness)
                rank = candidate_rank
        _ = cs
        return chosen

    # -- the two decisions -------------------------------------------------------------

    def respond(self, s: GameState, d: int, p: Proposal) -> A.Respond:
        cs = s.cs
        k = p.instrument
        t = table(s, d)
        look = outlook(s, exclude=k)
        value = package_value(s, t, d, k, p.package, look)
        alternative = expected(t, s.settled, look)
        best = max(max(self._values(s, t, d, k, self.candidates(s, d, k, t), look)), value)
        noise = (float(s.dice[d, 0]) - 0.5) * NOISE - (float(s.relations[d, p.proposer]) - 50.0) * 0.1
        asp = self.aspiration(s, d, best, alternative, noise)
        accept = value >= asp and value > alternative + MIN_GAIN
        if accept:
            note = "meets its aspiration"
        elif value <= alternative + MIN_GAIN:
            note = "worse than no agreement"
        else:
            note = "below its aspiration"
        reasons = A.Reasons(value, asp, alternative, deciding_issues(s, t, k, p.package), note)
        answer = A.Answer.ACCEPT if accept else A.Answer.REJECT
        return A.Respond(cs.delegation_ids[d], p.id, answer, reasons)

    def move(self, s: GameState, d: int) -> A.MoveAction:
        cs = s.cs
        me = cs.delegation_ids[d]
        t = table(s, d)
        dice = s.dice[d]
        plans: list[Plan] = []
        mine = {p.instrument for p in s.open_proposals() if p.proposer == d}
        for k in range(len(cs.instrument_ids)):
            if s.is_signed(k) or d not in s.active_parties(k):
                continue
            if any(x in s.walked_out for x in s.active_parties(k)):
                continue
            if k in mine:
                continue
            plan = self.plan(s, d, k, t, outlook(s, exclude=k))
            if plan is not None:
                plans.append(plan)
        likely = [p for p in plans if p.likely]
        if likely:
            choice = max(likely, key=lambda p: (p.value - p.alternative, -p.instrument))
            return self._propose(s, d, choice, "expects the addressees to accept")
        walkout = cs.delegation(d).walkout_pressure
        # a delegation that has already signed something here has a result to defend, not a protest to make
        signed_here = any(d in cs.parties[sig.instrument] for sig in s.signed)
        if walkout is not None and not signed_here and s.pressure[d] >= walkout and s.time_fraction() >= 0.5 and dice[1] < 0.35:
            base = expected(t, s.settled, outlook(s))
            return A.Walkout(me, A.Reasons(base, base, base, (), "pressure from home and no deal in sight"))
        if plans and dice[2] < 0.45:
            choice = max(plans, key=lambda p: (p.closeness, -p.instrument))
            return self._propose(s, d, choice, "tests the others with an offer")
        shift = self._concede(s, d, t)
        if shift is not None:
            return shift
        if plans:
            return A.Statement(me, kind=A.StatementKind.URGES_AGREEMENT)
        return A.Statement(me, kind=A.StatementKind.HOLDS_FIRM, issue=self._main_issue(s, d))

    # -- helpers ----------------------------------------------------------------------

    def _propose(self, s: GameState, d: int, plan: Plan, note: str) -> A.Propose:
        cs = s.cs
        k = plan.instrument
        inst = cs.instrument(k)
        package = tuple((cs.issue_ids[i], cs.option_ids[i][o]) for i, o in zip(cs.scope[k], plan.package, strict=True))
        parties = s.active_parties(k)
        private = inst.secret or len(parties) == 2 or any(s.is_banned(d, j) for j in range(cs.n_delegations) if j not in parties)
        to = tuple(cs.delegation_ids[j] for j in parties if j != d) if private else ()
        t = table(s, d)
        reasons = A.Reasons(plan.value, plan.aspiration, plan.alternative, deciding_issues(s, t, k, plan.package), note)
        return A.Propose(cs.delegation_ids[d], cs.instrument_ids[k], package, to, reasons=reasons)

    def _concede(self, s: GameState, d: int, t: Table) -> A.Shift | None:
        """Move one public position one step toward what the aspiration now allows."""
        cs = s.cs
        curve = self.curve(s, d)
        conceded = curve.fraction(s.time_fraction(), s.pressure[d])
        best_move: tuple[float, int, int] | None = None
        n_i = cs.n_issues
        rest = [j * n_i for j in cs.actors if j != d and j not in s.walked_out]
        for i in range(n_i):
            pos = s.position(d, i)
            if pos < 0 or s.settled[i] >= 0:
                continue
            row = t.contrib[i]
            top = max(row)
            spread = top - min(row)
            if spread <= 0:
                continue
            # the others' average position on this issue: where conceding leads
            others = [x for b in rest if (x := s.positions[b + i]) >= 0]
            if not others:
                continue
            target = sum(others) / len(others)
            if abs(target - pos) < 0.5:
                continue
            step = 1 if target > pos else -1
            new = pos + step
            loss = (row[pos] - row[new]) / spread
            allowed = conceded - (top - row[pos]) / spread
            if loss <= allowed + 1e-9 and (best_move is None or loss < best_move[0]):
                best_move = (loss, i, new)
        if best_move is None:
            return None
        _, i, new = best_move
        value = expected(t, s.settled, outlook(s))
        reasons = A.Reasons(value, value, value, (cs.issue_ids[i],), "concedes as time runs out")
        return A.Shift(cs.delegation_ids[d], cs.issue_ids[i], cs.option_ids[i][new], reasons)

    def _main_issue(self, s: GameState, d: int) -> str | None:
        w = s.stances.weights[d]
        if float(w.max()) <= 0:
            return None
        return s.cs.issue_ids[int(w.argmax())]


_RANGE = np.arange(16, dtype=float)

# proposals tuple -> its proposals per instrument, in order: `threshold` runs for every
# addressee of every plan, and scanning all proposals each time was its whole cost.
_index_memo: list[tuple[object, dict[int, list[Proposal]]]] = [(None, {})]


def _by_instrument(proposals: tuple[Proposal, ...], k: int) -> list[Proposal]:
    held, index = _index_memo[0]
    if held is not proposals:
        index = {}
        for p in proposals:
            index.setdefault(p.instrument, []).append(p)
        _index_memo[0] = (proposals, index)
    return index.get(k, [])


@lru_cache(maxsize=16)
def _mixes(n_others: int) -> tuple[np.ndarray, np.ndarray]:
    """Weights (self, per other) of the mixes that generate candidate packages."""
    if n_others == 0:
        return np.array([1.0]), np.zeros((1, 0))
    even = [1.0 / n_others] * n_others
    self_w = list(SELF_WEIGHTS)
    shares = [even] * len(SELF_WEIGHTS)
    if n_others > 1:
        for j in range(n_others):
            one = [0.0] * n_others
            one[j] = 1.0
            self_w += [0.6, 0.35]
            shares += [one, one]
    return np.array(self_w), np.array(shares)


@lru_cache(maxsize=16)
def _mix_columns(n_others: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The mixes as columns ready to broadcast: self weight, the others' share, per-other weights."""
    self_w, share_w = _mixes(n_others)
    return self_w[:, None], (1.0 - self_w)[:, None], share_w


@lru_cache(maxsize=4096)
def _others_part(n: int, seen: tuple[tuple[int, int], ...]) -> np.ndarray:
    """The others' share of every mix's score on an n-option issue (see `_column`): it depends
    only on what they stated, which recurs across issues and turns, and building it was most
    of a column's cost."""
    _, rest_w, share_w = _mix_columns(len(seen))
    est = np.array([_estimate_row(n, pos, counted) for pos, counted in seen])
    part = rest_w * (share_w @ est)
    part.flags.writeable = False
    return part


@lru_cache(maxsize=1024)
def _estimate_row(n: int, pos: int, counted: int) -> np.ndarray:
    """How much a delegation that stated option `pos` (of n; -1 = none) on one of its `counted`
    stated issues would like each option, spread over those issues."""
    if pos < 0:
        return np.zeros(n)
    return (1.0 - np.abs(_RANGE[:n] - pos) / (n - 1)) / counted


STRATEGIES: dict[str, Negotiator] = {"negotiator": Negotiator()}
