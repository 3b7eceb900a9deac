"""Public positions: which stated demand to give up next, and when.

A delegation concedes the step that costs it least in its own (weighted)
utility for the most movement toward the delegations it is negotiating
with on that issue, as its opponent models weigh them: giving ground where
it matters little to it and much to them is the logroll that opens a deal.
It never moves back on an issue it has already moved on, so a position
shift always means what its word says.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.ai.memory import Memory, partners

__all__ = ["PUBLIC_SHARE", "Step", "cheapest_step", "conceded_so_far", "partners"]
from game.ai.model import Prefs
from game.engine.state import GameState

#: The share of its room a delegation gives up in public by the last sitting (the rest is for bargaining).
PUBLIC_SHARE = 0.6


@dataclass(frozen=True, slots=True)
class Step:
    issue: int
    option: int
    loss: float  # own utility points given up
    movement: float  # estimated weighted movement toward the partners (0-1 per issue)


def conceded_so_far(prefs: Prefs, s: GameState, d: int) -> tuple[float, float]:
    """(own utility given up in public since the start, the room there was to give up)."""
    cs = s.cs
    n_i = cs.n_issues
    contrib = prefs.contrib[d]
    given = room = 0.0
    for i in range(n_i):
        start = cs.positions[d * n_i + i]
        if start < 0 or s.settled[i] >= 0:
            continue
        row = contrib[i]
        given += row[start] - row[s.positions[d * n_i + i]]
        room += row[start] - min(row)
    return given, room


def _distance(mem: Memory, s: GameState, d: int, j: int) -> tuple[list[float], float]:
    """j's estimated issue weights, and the factor that scales them by how far j stands from d
    overall: moving toward the partner that is hardest to satisfy counts most (a deal needs the
    farthest one too)."""
    n_i = s.cs.n_issues
    mine = s.positions[d * n_i : (d + 1) * n_i]
    theirs = s.positions[j * n_i : (j + 1) * n_i]
    w = mem.models[d][j].weights(theirs)
    gap = sum([x * abs(a - b) / steps for x, a, b, steps in zip(w, mine, theirs, mem.steps, strict=True) if a >= 0 and b >= 0])
    return w, 0.1 + gap


def cheapest_step(mem: Memory, prefs: Prefs, s: GameState, d: int, affordable: Callable[[float], bool] | None = None) -> Step | None:
    """The concession with the lowest own cost per unit of movement toward the partners.

    With `affordable` (own loss -> whether the delegation may give that much now), None as soon
    as no possible step is affordable: whichever were cheapest, it could not be made, and the
    opponent models need not be read to find it."""
    cs = s.cs
    n_i = cs.n_issues
    contrib = prefs.contrib[d]
    positions, settled, n_options, direction = s.positions, s.settled, cs.n_options, mem.direction
    allies = mem.partners(s, d)
    base = d * n_i
    candidates = []
    for i in range(n_i):
        pos = positions[base + i]
        if pos < 0 or settled[i] >= 0:
            continue
        others = [(j, x) for j in allies[i] if (x := positions[j * n_i + i]) >= 0]
        if not others:
            continue
        n = n_options[i]
        row = contrib[i]
        went = direction.get((d, i))
        for step in (-1, 1):
            new = pos + step
            if not 0 <= new < n or (went is not None and went != step):
                continue
            loss = row[pos] - row[new]
            if loss < 0:
                continue
            candidates.append((i, pos, new, n, loss, others))
    if not candidates or (affordable is not None and not any(affordable(c[4]) for c in candidates)):
        return None
    best: tuple[float, float, int, Step] | None = None
    weights: dict[int, tuple[list[float], float]] = {}
    for i, pos, new, n, loss, others in candidates:
        movement = 0.0
        for j, x in others:
            wf = weights.get(j)
            if wf is None:
                wf = weights[j] = _distance(mem, s, d, j)
            movement += wf[0][i] * wf[1] * (abs(pos - x) - abs(new - x)) / (n - 1)
        if movement <= 1e-9:
            continue
        ratio = loss / movement
        key = (ratio, loss, i)
        if best is None or key < best[:3]:
            best = (ratio, loss, i, Step(i, new, loss, movement))
    return best[3] if best is not None else None
