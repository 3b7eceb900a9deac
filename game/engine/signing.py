"""What signing costs a delegation: one rule for teams and the AI.

An instrument's `costs` (fear of Allied anger, a humiliating adjournment) are
what hold an AI delegation back from signing: it values a package at the world
after signing less that cost. The same cost, as it stood when the delegation
signed, comes off its displayed value and its score at the end, so a team
cannot collect what the AI would have had to pay for.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.state import GameState
from game.engine.utility import table, utility


def paid(s: GameState, d: int) -> float:
    """The political costs delegation `d` has paid for everything it signed so far."""
    total = 0.0
    for sig in s.signed:
        parties = s.cs.parties[sig.instrument]
        if d in parties and sig.costs:
            total += sig.costs[parties.index(d)]
    return total


@dataclass(frozen=True, slots=True)
class SigningValue:
    """A package as the AI weighs it: the world after signing less the cost, against no agreement."""

    value: float  # utility of the world after signing, less the cost (0-100 scale)
    alternative: float  # utility of the world as it stands (no agreement)
    cost: float  # the political cost of signing for this delegation now


def signing_value(s: GameState, d: int, instrument: int, package: tuple[int, ...]) -> SigningValue:
    """What signing `package` of `instrument` is worth to `d` now, in the AI's own terms."""
    cs = s.cs
    world = list(s.settled)
    for i, o in zip(cs.scope[instrument], package, strict=True):
        world[i] = o
    t = table(s, d)
    cost = float(s.costs[instrument, d]) if d in cs.parties[instrument] else 0.0
    return SigningValue(utility(t, tuple(world)) - cost, utility(t, s.settled), cost)
