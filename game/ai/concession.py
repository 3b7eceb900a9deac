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
