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

from game.ai.memory import Refusal

#: From this point of the clock on, the best offer seen so far is good enough (AC_combi).
COMBI_FROM = 0.8
#: A refused package counts as better only by more than this (utility points).
TOLERANCE = 0.5
#: A fall in the value of no deal that counts as a changed situation.
PROSPECT_STEP = 8.0


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


@dataclass(frozen=True, slots=True)
class Verdict:
    accept: bool
    note: str  # one of the closed set of tags in `game.ai.explain.NOTES`


def change_since(r: Refusal, now: Situation) -> str | None:
    """The note naming what changed for the delegation since refusal r, or None if nothing did.
    The last sitting comes first: whatever else changed, what is refused now is lost for good."""
    if now.last_sitting and r.turn < now.turn:
        return "accepts now that the conference is ending"
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
        return Verdict(False, "worse than no agreement")
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
        if change == "accepts now that the conference is ending":
            allowance = float("inf")  # anything above no deal beats leaving with nothing
        if change is None or value + TOLERANCE + allowance < max(x.value for x in better):
            return Verdict(False, "worse than an offer it refused before")
        note = change
    return Verdict(True, note)
