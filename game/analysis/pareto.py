"""How good a deal was: the Pareto frontier and the Nash bargaining point of an instrument.

The debrief asks "could everybody have done better?" and "was it fair?".
Both are answered in utility space, with the engine's own utility formula
(`game.engine.utility`), for the parties of one instrument, over the
packages of its scope, given the world already settled by other treaties:

* a party's *net utility* of a package is the utility of the settled world
  with the package applied, less the instrument's political cost to it;
* its *no-deal utility* (disagreement point) is the utility of the world
  without the instrument (its scope issues left open as they are);
* the *Pareto frontier* is the set of packages no other package weakly
  improves for every party and strictly for one;
* the *Nash point* maximises the product of the parties' gains over no deal
  (only packages every party strictly prefers to no deal qualify).

Utility is additive over issues, so a package's utilities are a sum of
per-issue rows: every package is enumerated with numpy broadcasting when
the scope has at most `ENUMERATION_LIMIT` packages (after dropping options
that another option of the same issue beats for every party). Larger
scopes fall back to a weighted-sum sweep: for strictly positive weights the
best package is found issue by issue, and every such package is efficient
(a *supported* efficient package); the Nash point is then refined by
coordinate ascent from the best of them. Results say whether they are exact.

Pure and pygame-free; results are cached per (stances, instrument, world).
"""

from __future__ import annotations

import hashlib
import math
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from game.engine.compiled import CompiledScenario, FloatArray, IntArray
from game.engine.state import GameState
from game.engine.utility import table

#: Above this many packages the frontier is approximated (see the module docstring).
ENUMERATION_LIMIT = 200_000
#: Weight vectors tried by the fallback sweep.
SWEEP_WEIGHTS = 4096
#: Utilities closer than this are equal (they are sums of a few scaled floats).
EPS = 1e-9


@dataclass(frozen=True, eq=False)
class Frontier:
    """The efficient packages of one instrument and its Nash point, for its active parties."""

    instrument: int
    parties: tuple[int, ...]  # delegation indexes, in the instrument's order
    scope: tuple[int, ...]  # issue indexes
    world: tuple[int, ...]  # the settled world without the instrument
    no_deal: FloatArray  # per party: utility of `world`
    packages: IntArray  # frontier packages (rows of option indexes per scope issue)
    utilities: FloatArray  # their net utilities (rows x parties)
    nash: tuple[int, ...] | None  # the Nash package, None if no package beats no deal for every party
    nash_utilities: FloatArray | None
    considered: int  # packages enumerated (or candidates found by the sweep)
    exact: bool  # True when every package was enumerated

    def gains(self, utilities: FloatArray) -> FloatArray:
        return utilities - self.no_deal


@dataclass(frozen=True, eq=False)
class Assessment:
    """How far a signed package lay from the best deals the parties could have made."""

    frontier: Frontier
    package: tuple[int, ...]
    utilities: FloatArray  # net utility per party of the signed package
    efficient: bool  # no package is at least as good for all parties and better for one
    frontier_gap: float  # the largest gain every party could still have had at once (0 if efficient)
    nash_distance: float | None  # Euclidean distance to the Nash point in utility space
    nash_difference: FloatArray | None  # per party: signed minus Nash utility


# --- the world and the utility rows -------------------------------------------------


def world_without(s: GameState, instrument: int) -> tuple[int, ...]:
    """The settled world as it would be had `instrument` not been signed (its other treaties kept)."""
    if not s.is_signed(instrument):
        return s.settled
    cs = s.cs
    world = [-1] * cs.n_issues
    for sig in s.signed:
        if sig.instrument == instrument:
            continue
        for i, o in zip(cs.scope[sig.instrument], sig.package, strict=True):
            world[i] = o
    return tuple(world)


def _rows(s: GameState, instrument: int, parties: tuple[int, ...], world: tuple[int, ...]) -> tuple[FloatArray, list[FloatArray]]:
    """Per party: the utility of the world without the scope, and per scope issue a (options x parties) gain table.

    Issues already settled keep only their settled option (the rules allow no other)."""
    cs = s.cs
    scope = cs.scope[instrument]
    tables = [table(s, d) for d in parties]
    base = np.zeros(len(parties))
    for col, t in enumerate(tables):
        base[col] = sum(t.contrib[i][o] if o >= 0 else t.unsettled[i] for i, o in enumerate(world) if i not in scope)
    per_issue: list[FloatArray] = []
    for i in scope:
        rows = np.array([[t.contrib[i][o] for t in tables] for o in range(cs.n_options[i])], dtype=float)
        if world[i] >= 0:
            masked = np.full_like(rows, -np.inf)
            masked[world[i]] = rows[world[i]]
            rows = masked
        per_issue.append(rows)
    return base, per_issue


def _no_deal(s: GameState, parties: tuple[int, ...], world: tuple[int, ...]) -> FloatArray:
    out = np.zeros(len(parties))
    for col, d in enumerate(parties):
        t = table(s, d)
        out[col] = sum(t.contrib[i][o] if o >= 0 else t.unsettled[i] for i, o in enumerate(world))
    return out


def _useful_options(rows: FloatArray) -> IntArray:
    """Options of one issue that no other option beats for every party (equal twins: the first is kept)."""
    n = rows.shape[0]
    keep = []
    for o in range(n):
        if not np.all(np.isfinite(rows[o])):
            continue
        ge = np.all(rows >= rows[o] - EPS, axis=1)
        gt = np.any(rows > rows[o] + EPS, axis=1)
        equal = ge & ~gt
        dominated = np.any(ge & gt) or np.any(equal[:o])
        if not dominated:
            keep.append(o)
    return np.asarray(keep, dtype=np.int64)


# --- the frontier ---------------------------------------------------------------------


def pareto_mask(u: FloatArray) -> np.ndarray:
    """Which rows of a (points x parties) array are not dominated by another row.

    Points are visited by decreasing sum: a point is never dominated by one
    with a smaller sum, so each visited survivor is efficient and removes
    everything it dominates; the loop runs once per efficient point."""
    m = u.shape[0]
    order = np.argsort(-u.sum(axis=1), kind="stable")
    pts = u[order]
    idx = np.arange(m)
    k = 0
    while k < len(pts):
        p = pts[k]
        dominated = np.all(pts <= p + EPS, axis=1) & np.any(pts < p - EPS, axis=1)
        keep = ~dominated
        pts, idx = pts[keep], idx[keep]
        k = int(keep[:k].sum()) + 1
    mask = np.zeros(m, dtype=bool)
    mask[order[idx]] = True
    return mask


def _enumerate(base: FloatArray, per_issue: list[FloatArray], options: list[IntArray]) -> tuple[IntArray, FloatArray]:
    """Every package of the kept options and its utilities, by broadcasting one issue at a time."""
    u = base[None, :]
    for rows, opts in zip(per_issue, options, strict=True):
        u = (u[:, None, :] + rows[opts][None, :, :]).reshape(-1, len(base))
    grids = np.indices([len(o) for o in options]).reshape(len(options), -1).T
    packages = np.stack([opts[grids[:, j]] for j, opts in enumerate(options)], axis=1) if options else grids
    return packages.astype(np.int64), u


def _sweep(base: FloatArray, per_issue: list[FloatArray], options: list[IntArray]) -> tuple[IntArray, FloatArray]:
    """Supported efficient packages: best package for many strictly positive weightings, issue by issue.

    The weights are a fixed low-discrepancy set on the simplex (no randomness), plus each
    party's near-dictatorial weighting, so the frontier's ends are found too."""
    p = len(base)
    golden = np.array([(math.sqrt(q) % 1.0) for q in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)][: max(1, p)])
    k = np.arange(1, SWEEP_WEIGHTS + 1)[:, None]
    raw = -np.log(np.clip((k * golden[None, :p]) % 1.0, 1e-12, None))  # exponential spacings: uniform on the simplex
    ends = np.full((p, p), 1e-3) + np.eye(p)
    w = np.vstack([np.ones((1, p)), ends, raw])
    w = w / w.sum(axis=1, keepdims=True)
    choice = np.stack([opts[np.argmax(w @ rows[opts].T, axis=1)] for rows, opts in zip(per_issue, options, strict=True)], axis=1)
    packages = np.unique(choice, axis=0)
    return packages.astype(np.int64), _utilities(base, per_issue, packages)


def _utilities(base: FloatArray, per_issue: list[FloatArray], packages: IntArray) -> FloatArray:
    u = np.tile(base, (len(packages), 1))
    for j, rows in enumerate(per_issue):
        u += rows[packages[:, j]]
    return u


def _nash_refine(start: IntArray, base: FloatArray, per_issue: list[FloatArray], options: list[IntArray], no_deal: FloatArray) -> IntArray:
    """Coordinate ascent on the sum of log gains from `start` (the fallback's Nash point)."""
    best = start.copy()

    def value(pkg: IntArray) -> float:
        g = _utilities(base, per_issue, pkg[None, :])[0] - no_deal
        return float(np.sum(np.log(g))) if np.all(g > EPS) else -math.inf

    current = value(best)
    improved = True
    while improved:
        improved = False
        for j, opts in enumerate(options):
            trial = np.repeat(best[None, :], len(opts), axis=0)
            trial[:, j] = opts
            g = _utilities(base, per_issue, trial) - no_deal
            ok = np.all(g > EPS, axis=1)
            if not ok.any():
                continue
            logs = np.where(ok[:, None], np.log(np.where(g > EPS, g, 1.0)), -np.inf).sum(axis=1)
            k = int(np.argmax(logs))
            if logs[k] > current + 1e-12:
                best, current, improved = trial[k].copy(), float(logs[k]), True
    return best


def _nash(packages: IntArray, u: FloatArray, no_deal: FloatArray) -> int | None:
    g = u - no_deal
    ok = np.all(g > EPS, axis=1)
    if not ok.any():
        return None
    logs = np.where(ok, np.log(np.where(g > EPS, g, 1.0)).sum(axis=1), -np.inf)
    return int(np.argmax(logs))


# --- public entry points ----------------------------------------------------------------

_cache: OrderedDict[tuple[object, ...], tuple[CompiledScenario, Frontier]] = OrderedDict()
_CACHE_SIZE = 64


def _key(s: GameState, instrument: int, parties: tuple[int, ...], world: tuple[int, ...]) -> tuple[object, ...]:
    h = hashlib.blake2b(digest_size=16)
    for a in (s.stances.values, s.stances.weights, s.stances.no_deal, s.costs[instrument]):
        h.update(np.ascontiguousarray(a).tobytes())
    return (id(s.cs), instrument, parties, world, h.hexdigest())


def frontier(s: GameState, instrument: int | str, world: tuple[int, ...] | None = None) -> Frontier:
    """The Pareto frontier and Nash point of `instrument` for its active parties under the stances of `s`.

    `world` is the settled world the instrument would be added to; by default the
    world of `s` without this instrument (so a finished game can be analysed too)."""
    cs = s.cs
    k = cs.inst_index[instrument] if isinstance(instrument, str) else instrument
    parties = s.active_parties(k)
    base_world = world_without(s, k) if world is None else tuple(world)
    key = _key(s, k, parties, base_world)
    hit = _cache.get(key)
    if hit is not None and hit[0] is cs:
        _cache.move_to_end(key)
        return hit[1]
    result = _compute(s, k, parties, base_world)
    _cache[key] = (cs, result)
    if len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return result


def _compute(s: GameState, k: int, parties: tuple[int, ...], world: tuple[int, ...]) -> Frontier:
    cs = s.cs
    base, per_issue = _rows(s, k, parties, world)
    base = base - s.costs[k, list(parties)]
    no_deal = _no_deal(s, parties, world)
    options = [_useful_options(rows) for rows in per_issue]
    count = math.prod(len(o) for o in options)
    exact = count <= ENUMERATION_LIMIT
    packages, u = (_enumerate if exact else _sweep)(base, per_issue, options)
    mask = pareto_mask(u)
    fp, fu = packages[mask], u[mask]
    order = np.lexsort(fu.T[::-1])[::-1]  # by the first party's utility, highest first
    fp, fu = fp[order], fu[order]
    n = _nash(fp, fu, no_deal)
    nash: tuple[int, ...] | None = None
    nash_u: FloatArray | None = None
    if n is not None:
        best = fp[n]
        if not exact:
            best = _nash_refine(best, base, per_issue, options, no_deal)
        nash = tuple(int(x) for x in best)
        nash_u = _utilities(base, per_issue, best[None, :])[0]
        if not exact and not any(np.array_equal(best, row) for row in fp):
            fp, fu = np.vstack([fp, best[None, :]]), np.vstack([fu, nash_u[None, :]])
            keep = pareto_mask(fu)
            fp, fu = fp[keep], fu[keep]
    for a in (no_deal, fp, fu):
        a.flags.writeable = False
    return Frontier(k, parties, cs.scope[k], world, no_deal, fp, fu, nash, nash_u, len(packages), exact)


def package_utilities(s: GameState, instrument: int | str, package: tuple[int, ...], world: tuple[int, ...] | None = None) -> FloatArray:
    """Net utility per active party of one package (option index per scope issue)."""
    f = frontier(s, instrument, world)
    base, per_issue = _rows(s, f.instrument, f.parties, f.world)
    base = base - s.costs[f.instrument, list(f.parties)]
    utilities: FloatArray = _utilities(base, per_issue, np.asarray([package], dtype=np.int64))[0]
    return utilities


def assess(s: GameState, instrument: int | str, package: tuple[int, ...], world: tuple[int, ...] | None = None) -> Assessment:
    """Is `package` efficient, how much could every party still have gained, how far from the Nash point."""
    f = frontier(s, instrument, world)
    u = package_utilities(s, f.instrument, package, f.world)
    if f.exact:
        base, per_issue = _rows(s, f.instrument, f.parties, f.world)
        base = base - s.costs[f.instrument, list(f.parties)]
        _, everything = _enumerate(base, per_issue, [_useful_options(r) for r in per_issue])
    else:
        everything = f.utilities
    dominated = bool(np.any(np.all(everything >= u - EPS, axis=1) & np.any(everything > u + EPS, axis=1)))
    gap = float(np.max(np.min(f.utilities - u, axis=1))) if len(f.utilities) else 0.0
    gap = max(0.0, gap)
    if f.nash_utilities is not None:
        diff = u - f.nash_utilities
        distance: float | None = float(np.linalg.norm(diff))
    else:
        diff, distance = None, None
    return Assessment(f, tuple(int(x) for x in package), u, not dominated, gap, distance, diff)


def acceptable_count(s: GameState, instrument: int | str, world: tuple[int, ...] | None = None) -> tuple[int, bool]:
    """How many packages of `instrument` every active party strictly prefers to no deal (net of costs).

    Exact (every package of every option counted, settled issues fixed) when the scope has at
    most `ENUMERATION_LIMIT` packages; otherwise the frontier's packages that qualify, which is
    a lower bound (and zero exactly when no package qualifies among the supported ones).
    Returns (count, exact)."""
    f = frontier(s, instrument, world)
    base, per_issue = _rows(s, f.instrument, f.parties, f.world)
    base = base - s.costs[f.instrument, list(f.parties)]
    options = [np.flatnonzero(np.all(np.isfinite(rows), axis=1)).astype(np.int64) for rows in per_issue]
    if math.prod(len(o) for o in options) <= ENUMERATION_LIMIT:
        _, u = _enumerate(base, per_issue, options)
        return int(np.sum(np.all(u - f.no_deal > EPS, axis=1))), True
    return int(np.sum(np.all(f.utilities - f.no_deal > EPS, axis=1))), False
