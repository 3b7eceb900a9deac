"""Acceptance: whether to accept a package addressed to the delegation.

AC_next (Baarslag et al.): accept when the offer is worth at least what the
delegation would itself ask for at the next sitting. AC_combi: near the
end, also accept the best offer seen so far if it beats no deal. Never
accept a package worth less than one it refused before, unless its
situation changed since (an event that touched it, a signing, prospects that faded);
the note then names that change, so the record explains the turn.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from game.ai.memory import WORSE_THAN_REFUSED, Refusal

#: From this point of the clock on, the best offer seen so far is good enough (AC_combi).
COMBI_FROM = 0.8
#: A refused package counts as better only by more than this (utility points).
TOLERANCE = 0.5
#: A fall in the value of no deal that counts as a changed situation.
PROSPECT_STEP = 8.0


#: The changes that excuse any offer above no deal: the deadline.
DEADLINE = frozenset({"accepts now that the conference is ending", "accepts now that time is running out"})


@dataclass(frozen=True, slots=True)
class Situation:
    """What a delegation's world looks like now, to compare with when it refused."""

    signed: int  # instruments signed so far
    touched: int  # events that changed its stances, costs or pressure so far
    pressure: float  # its pressure from home now
    pressure_then: float  # ... and at the start of the sitting of the refusal in question
    alternative: float
    turn: int = 0  # the current sitting
    last_sitting: bool = False  # no later sitting will come: what is refused now is lost
    endgame: bool = False  # the last sittings (from `concession.ENDGAME` of the clock): few chances are left


@dataclass(frozen=True, slots=True)
class Verdict:
    accept: bool
    note: str  # one of the closed set of tags in `game.ai.explain.NOTES`


#: The note of an offer that does not beat the delegation's alternative of no agreement.
WORSE_THAN_NO_DEAL = "worse than no agreement"


def change_since(r: Refusal, now: Situation) -> str | None:
    """The note naming what changed for the delegation since refusal r, or None if nothing did.
    The last sitting comes first: whatever else changed, what is refused now is lost for good."""
    if now.last_sitting and r.turn < now.turn:
        return "accepts now that the conference is ending"
    if now.endgame and r.turn < now.turn:
        return "accepts now that time is running out"
    if now.signed > r.signed:
        return "accepts now that a treaty is signed"
    if now.touched > r.touched:
        return "accepts now that events changed its priorities"
    if now.alternative <= r.alternative - PROSPECT_STEP:
        return "accepts now that its other prospects have faded"
    return None


def decide(
    value: float,
    aspiration_next: float,
    alternative: float,
    best_seen: float,
    t: float,
    refusals: list[Refusal],
    situation: Callable[[Refusal], Situation],
    min_gain: float,
) -> Verdict:
    if value <= alternative + min_gain:
        return Verdict(False, WORSE_THAN_NO_DEAL)
    if value >= aspiration_next:
        note = "meets its aspiration"
    elif t >= COMBI_FROM and value >= best_seen:
        note = "the best offer it expects before the end"
    else:
        return Verdict(False, "below its aspiration")
    better = [r for r in refusals if r.value > value + TOLERANCE]
    if better:
        # the latest such refusal is the one to answer for: only a named change excuses taking
        # less, and only as much less as its own alternative has fallen since
        r = better[-1]
        now = situation(r)
        change = change_since(r, now)
        allowance = max(0.0, r.alternative - now.alternative)
        if change in DEADLINE:
            allowance = float("inf")  # anything above no deal beats leaving with nothing
        if change is None or value + TOLERANCE + allowance < max(x.value for x in better):
            return Verdict(False, WORSE_THAN_REFUSED)
        note = change
    return Verdict(True, note)


@dataclass(frozen=True, slots=True)
class Rule:
    """One delegation's acceptance rule on one instrument at one moment: everything `decide`
    needs except the offer's value. `respond` applies it to the package in front of it; the
    batch's measure applies it to every package at once (`accepts`), so the measure asks
    exactly the question the delegation would answer."""

    aspiration_next: float
    alternative: float
    best_seen: float  # the best offer it has seen on the instrument (-inf: none)
    t: float
    refusals: tuple[Refusal, ...]
    situations: tuple[Situation, ...]  # per refusal: its situation now, compared with then
    min_gain: float

    def decide(self, value: float) -> Verdict:
        best = max(self.best_seen, value) if self.t >= COMBI_FROM else value
        return decide(value, self.aspiration_next, self.alternative, best, self.t, list(self.refusals), self._situation, self.min_gain)

    def _situation(self, r: Refusal) -> Situation:
        """r's situation: looked up only for the refusal `decide` answers for (if any), not made
        into a mapping of every refusal on every decision. Of equal refusals, the last one's (as
        such a mapping would hold it)."""
        refusals = self.refusals
        return self.situations[len(refusals) - 1 - refusals[::-1].index(r)]

    def accepts(self, values: NDArray[np.float64]) -> NDArray[np.bool_]:
        """`decide(v).accept` for every value of an array (the same rule, written for arrays)."""
        v = np.asarray(values, dtype=np.float64)
        ok = v > self.alternative + self.min_gain
        meets = v >= self.aspiration_next
        if self.t >= COMBI_FROM:
            meets |= v >= self.best_seen
        ok &= meets
        if not self.refusals:
            return ok
        # per value: the latest refusal worth more than it (by more than TOLERANCE), and the most any was worth
        latest = np.full(v.shape, -1, dtype=np.int64)
        top = np.full(v.shape, -np.inf)
        for x, r in enumerate(self.refusals):
            better = r.value > v + TOLERANCE
            latest[better] = x
            top = np.where(better, np.maximum(top, r.value), top)
        allowance = np.empty(len(self.refusals) + 1)
        allowance[-1] = np.inf  # no refusal worth more: nothing to answer for
        for x, (r, now) in enumerate(zip(self.refusals, self.situations, strict=True)):
            change = change_since(r, now)
            if change is None:
                allowance[x] = -np.inf
            elif change in DEADLINE:
                allowance[x] = np.inf
            else:
                allowance[x] = max(0.0, r.alternative - now.alternative)
        allow = allowance[latest]  # index -1 picks the last slot: no better refusal
        with np.errstate(invalid="ignore"):  # -inf values (options ruled out) are already refused
            return ok & ~(v + TOLERANCE + allow < top)
