"""Each delegation's result against its aims: "who won at Genoa?".

The score is the weighted share of its aims met at the end (0-100); the
utility of the final world (0-100, by its own stances) is given beside it,
so a class can tell a lucky score from a good deal. Teachers may reweight
aims before the game; the weights used are part of the result.

Both are net of the political costs the delegation paid to sign (see
`game.engine.signing`): the cost that makes the AI hesitate counts for a
team in the same points.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from game.engine.conditions import holds
from game.engine.signing import paid
from game.engine.state import GameState
from game.engine.utility import table, utility


@dataclass(frozen=True, slots=True)
class AimResult:
    aim: str
    weight: float
    met: bool


@dataclass(frozen=True, slots=True)
class DelegationScore:
    delegation: str
    score: float  # 0-100: weighted share of aims met
    utility: float  # value of the final world by its own stances, less the costs it paid to sign
    aims: tuple[AimResult, ...]
    paid: float = 0.0  # political costs of what it signed, taken off both score and utility


def score(s: GameState, weights: Mapping[str, Mapping[str, float]] | None = None) -> tuple[DelegationScore, ...]:
    """Scores of every acting delegation; `weights` overrides aim weights (delegation -> aim -> weight)."""
    cs = s.cs
    out = []
    for d in cs.actors:
        deleg = cs.delegation(d)
        override = (weights or {}).get(deleg.id, {})
        results = tuple(AimResult(a.id, float(override.get(a.id, a.weight)), holds(a.when, s)) for a in deleg.aims)
        total = sum(r.weight for r in results)
        met = sum(r.weight for r in results if r.met)
        cost = paid(s, d)
        share = 100.0 * met / total if total else 0.0
        out.append(DelegationScore(deleg.id, min(100.0, max(0.0, share - cost)), utility(table(s, d), s.settled) - cost, results, cost))
    return tuple(out)
