"""How much a delegation values a world, a package, and the road not taken.

A world is the tuple of settled options (-1 = unsettled). A delegation's
utility is the weighted mean, over the issues it has a stance on, of the
value of the settled option or of leaving it unsettled. Everything here is
a pure function of the game state: the engine's state is the only memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from game.engine.compiled import FloatArray
from game.engine.state import GameState
from game.engine.utility import Table, table, utility

__all__ = ["Table", "table", "utility"]

#: How much the prospect of the other instruments counts when valuing a world.
OUTLOOK_WEIGHT = 1.0


def with_package(world: tuple[int, ...], scope: tuple[int, ...], package: tuple[int, ...]) -> tuple[int, ...]:
    w = list(world)
    for i, o in zip(scope, package, strict=True):
        w[i] = o
    return tuple(w)


# --- reading the public record --------------------------------------------------------


def normalised_positions(s: GameState, parties: tuple[int, ...], issue: int) -> list[float]:
    n = s.cs.n_options[issue]
    n_i = s.cs.n_issues
    positions = s.positions
    return [x / (n - 1) for p in parties if (x := positions[p * n_i + issue]) >= 0]


def prospects(s: GameState, instrument: int) -> float:
    """How likely, from public positions and trust, an instrument looks to be signed (0-1)."""
    parties = s.active_parties(instrument)
    if s.is_signed(instrument) or any(p in s.walked_out for p in parties) or len(parties) < 1:
        return 0.0
    spreads = []
    for i in s.cs.scope[instrument]:
        if s.settled[i] >= 0:
            continue
        pos = normalised_positions(s, parties, i)
        if pos:
            spreads.append(max(pos) - min(pos))
    compat = 1.0 - (sum(spreads) / len(spreads) if spreads else 0.0)
    return max(0.0, min(1.0, compat)) ** 2 * (0.4 + 0.6 * _trust(s, parties))


# relations matrix -> parties -> trust: positions move every few steps, relations far less often
_trusts: list[Any] = [(None, {})]


def _trust(s: GameState, parties: tuple[int, ...]) -> float:
    """The parties' mean trust in one another (0-1; 1 for a single party)."""
    held, made = _trusts[0]
    if held is not s.relations:
        made = {}
        _trusts[0] = (s.relations, made)
    trust = made.get(parties)
    if trust is None:
        if len(parties) > 1:
            rel = s.relations[np.ix_(parties, parties)]
            trust = (float(rel.sum()) - 100.0 * len(parties)) / (len(parties) * (len(parties) - 1) * 100.0)
        else:
            trust = 1.0
        made[parties] = trust
    return trust  # type: ignore[no-any-return]


def likely_package(s: GameState, instrument: int) -> tuple[int, ...]:
    """The package a neutral observer expects: the middle of the parties' stated positions."""
    parties = s.active_parties(instrument)
    out = []
    for i in s.cs.scope[instrument]:
        if s.settled[i] >= 0:
            out.append(s.settled[i])
            continue
        pos = [x for p in parties if (x := s.positions[p * s.cs.n_issues + i]) >= 0]
        out.append(int(np.floor(sum(pos) / len(pos) + 0.5)) if pos else 0)
    return tuple(out)


@dataclass(frozen=True, slots=True, eq=False)
class Outlook:
    """The other instruments that might still be signed, as a delegation sees them.

    Compared and hashed by identity, like `Table`, so `expected` can key its memo on it."""

    chances: tuple[tuple[float, tuple[int, ...], tuple[int, ...]], ...]  # (p, scope, likely package)


# The AI asks for the outlook many times per state, and most steps (answers, statements,
# proposals) change nothing it depends on; so it is kept for as long as its inputs are the
# very same (immutable) objects. Each memo is one tuple, swapped whole, so a game played
# in another thread (the outcome screen's comparison) never reads half of another's.
_Chance = tuple[float, tuple[int, ...], tuple[int, ...]]
_chances_memo: list[Any] = [((), [], {})]  # [(inputs, per-instrument chance or None, exclude -> Outlook)]


def _chance_inputs(s: GameState) -> tuple[object, ...]:
    """Everything `prospects` and `likely_package` read."""
    return (s.cs, s.positions, s.relations, s.settled, s.signed, s.walked_out, s.excluded)


def _all_chances(s: GameState) -> list[_Chance | None]:
    return _chances(s)[1]  # type: ignore[no-any-return]


def _chances(s: GameState) -> tuple[Any, ...]:
    inputs = _chance_inputs(s)
    memo: tuple[Any, ...] = _chances_memo[0]
    if _same(inputs, memo[0]):
        return memo
    out: list[_Chance | None] = []
    for k in range(len(s.cs.instrument_ids)):
        p = 0.0 if s.is_signed(k) else prospects(s, k)
        out.append((p, s.cs.scope[k], likely_package(s, k)) if p > 0.0 else None)
    memo = _chances_memo[0] = (inputs, out, {})
    return memo


def _same(a: tuple[object, ...], b: tuple[object, ...]) -> bool:
    return len(a) == len(b) and all(x is y for x, y in zip(a, b, strict=True))


def outlook(s: GameState, exclude: int | None = None) -> Outlook:
    _, chances, made = _chances(s)
    look = made.get(exclude)
    if look is None:
        look = made[exclude] = Outlook(tuple(c for k, c in enumerate(chances) if c is not None and k != exclude))
    return look


# (table, world, outlook) -> expected value: all three are immutable and the first and last
# are keyed by identity, so an entry is never stale; cleared when it grows large.
_expected_memo: dict[tuple[Table, tuple[int, ...], Outlook], float] = {}


def expected(t: Table, world: tuple[int, ...], look: Outlook) -> float:
    """Utility of a world plus the expected change from the other instruments' prospects.

    Issues already settled in `world` stay as they are: a treaty signed first
    protects its parties from what a later one would have settled."""
    key = (t, world, look)
    value = _expected_memo.get(key)
    if value is None:
        if len(_expected_memo) > 20_000:
            _expected_memo.clear()
        value = _expected_memo[key] = _expected_fast(t, world, look)
    return value


def _expected_fast(t: Table, world: tuple[int, ...], look: Outlook) -> float:
    """`_expected` with a C-level utility sum: the same terms added in the same order."""
    return utility(t, world) + OUTLOOK_WEIGHT * _gain(t, world, look)


def _gain(t: Table, world: tuple[int, ...], look: Outlook) -> float:
    """The outlook part of `_expected`: it reads only which issues `world` leaves unsettled.
    (Computed afresh: an outlook lives a few steps, too short for precomputed terms to pay.)"""
    contrib = t.contrib
    unsettled = t.unsettled
    gain = 0.0
    for p, scope, package in look.chances:
        delta = 0.0
        for i, o in zip(scope, package, strict=True):
            if world[i] < 0:
                delta += contrib[i][o] - unsettled[i]
        gain += p * delta
    return gain


def _expected(t: Table, world: tuple[int, ...], look: Outlook) -> float:
    base = utility(t, world)
    gain = 0.0
    for p, scope, package in look.chances:
        delta = 0.0
        for i, o in zip(scope, package, strict=True):
            if world[i] < 0:
                delta += t.contrib[i][o] - t.unsettled[i]
        gain += p * delta
    return base + OUTLOOK_WEIGHT * gain


def package_value(s: GameState, t: Table, d: int, instrument: int, package: tuple[int, ...], look: Outlook) -> float:
    """What signing `package` is worth to d: the expected world after it, less its political cost."""
    world = with_package(s.settled, s.cs.scope[instrument], package)
    return expected(t, world, look) - float(s.costs[instrument, d])


def package_values(s: GameState, t: Table, d: int, instrument: int, packages: list[tuple[int, ...]], look: Outlook) -> list[float]:
    """`package_value` of each package, bit for bit: every package settles the whole scope, so
    all their worlds leave the same issues open and share one outlook gain."""
    if not packages:
        return []
    scope = s.cs.scope[instrument]
    w = list(s.settled)
    worlds = []
    for p in packages:  # with_package, without copying the world for each package
        for i, o in zip(scope, p, strict=True):
            w[i] = o
        worlds.append(tuple(w))
    gain = OUTLOOK_WEIGHT * _gain(t, worlds[0], look)
    cost = float(s.costs[instrument, d])
    return [(utility(t, w) + gain) - cost for w in worlds]


def deciding_issues(s: GameState, t: Table, instrument: int, package: tuple[int, ...], top: int = 2) -> tuple[str, ...]:
    """The issues whose options moved this delegation's value most (either way)."""
    cs = s.cs
    impacts = []
    for i, o in zip(cs.scope[instrument], package, strict=True):
        impacts.append((abs(t.contrib[i][o] - t.unsettled[i]), cs.issue_ids[i]))
    impacts.sort(reverse=True)
    return tuple(name for size, name in impacts[:top] if size > 0)


# j's stated positions -> (instrument, package) -> value, per compiled scenario; keyed by j's
# own positions, so another delegation's Shift does not throw the estimates away.
_estimates: list[Any] = [(None, {})]
# positions tuple -> j -> j's table in `_estimates`: asked for the same few delegations hundreds
# of times per state, so the slice is cut and hashed once per state, not per package
_views: list[Any] = [(None, None, {})]


def estimated_value(s: GameState, j: int, instrument: int, package: tuple[int, ...]) -> float:
    """Another delegation's value of a package as the public record suggests it (0-100)."""
    mine = estimates(s, j)
    key = (instrument, package)
    value = mine.get(key)
    if value is None:
        value = mine[key] = _estimated_value(s, j, instrument, package)
    return value


def estimates(s: GameState, j: int) -> dict[tuple[int, tuple[int, ...]], float]:
    """j's memo of `estimated_value` by (instrument, package), for j's current stated positions:
    a caller valuing many packages for the same delegations fetches it once per delegation."""
    held, held_cs, views = _views[0]
    if held is not s.positions or held_cs is not s.cs:
        views = {}
        _views[0] = (s.positions, s.cs, views)
    mine = views.get(j)
    if mine is None:
        cs, memo = _estimates[0]
        if cs is not s.cs or len(memo) > 5_000:
            memo = {}
            _estimates[0] = (s.cs, memo)
        n_i = s.cs.n_issues
        mine = views[j] = memo.setdefault(s.positions[j * n_i : (j + 1) * n_i], {})
    return mine  # type: ignore[no-any-return]


def _estimated_value(s: GameState, j: int, instrument: int, package: tuple[int, ...]) -> float:
    cs = s.cs
    total = 0.0
    count = 0
    positions = s.positions
    base = j * cs.n_issues
    for i, o in zip(cs.scope[instrument], package, strict=True):
        pos = positions[base + i]
        if pos < 0:
            continue
        total += 100.0 - 100.0 * abs(o - pos) / (cs.n_options[i] - 1)
        count += 1
    return total / count if count else 100.0


def as_array(values: list[float]) -> FloatArray:
    return np.asarray(values, dtype=float)
