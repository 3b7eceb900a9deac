"""Concession curves: how an aspiration falls from the ideal toward the walk-away value.

`fraction(t)` is the share of the distance already conceded at time t in
[0, 1]. A tough delegation (small exponent) holds out until late; a flexible
one gives ground early. Pressure from home makes the clock run faster.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Curve:
    exponent: float  # < 1: tough (Boulware), 1: linear, > 1: flexible (conceder)

    def fraction(self, t: float, pressure: float = 0.0) -> float:
        clock = min(1.0, max(0.0, t) * (1.0 + pressure))
        return float(clock ** (1.0 / self.exponent))

    def aspiration(self, best: float, walk_away: float, t: float, pressure: float = 0.0) -> float:
        if best <= walk_away:
            return walk_away
        return best - (best - walk_away) * self.fraction(t, pressure)


#: Share of the time-based concession kept when the others have conceded nothing.
RECIPROCITY_FLOOR = 0.55
#: From this point of the clock on, the deadline alone sets the pace.
ENDGAME = 0.85


def conceded_share(time_share: float, reciprocity: float, t: float) -> float:
    """How far toward its walk-away value a delegation has come: the time-based share, scaled by
    how much the others have conceded in turn (Faratin's behaviour-dependent tactics), so a
    hard-liner who stalls gains nothing by it. Near the end, the deadline decides."""
    if t >= ENDGAME:
        return time_share
    r = min(1.0, max(0.0, reciprocity))
    return time_share * (RECIPROCITY_FLOOR + (1.0 - RECIPROCITY_FLOOR) * r)


def target(best: float, walk_away: float, share: float) -> float:
    """The value a delegation holds out for after conceding `share` of the distance."""
    if best <= walk_away:
        return walk_away
    return best - (best - walk_away) * share
