"""Prototype, not used by the game: the core of one AI bid decision for many games at once.

    python tools/ai_kernel_prototype.py [--decisions 2000]

What would reach 1,000 Genoa conferences per second on one core? A game makes
about 130 moves, 60 answers and 200 engine steps, so 1 ms a game leaves a few
microseconds a decision: the per-call overhead of plain Python (and of numpy on
arrays this small) is already more than that. This script times the heart of
the bid search (`game.ai.opponent.OpponentModel.issue_table` for each
addressee, their mean per option, the four mixes that seed the search, each
seed's estimated values and log chance) two ways on the same random inputs
shaped like Genoa's general settlement (8 issues of 2-4 options, 4 addressees):

- as the game does it, one decision at a time in Python (the real functions);
- vectorised over many decisions at once with numpy (what lock-step games, all
  at the same point of their sitting, would allow);

and checks that both choose the same seed packages. It prints microseconds per
decision for each and the ratio. Figures only; nothing here is asserted.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.ai.bidding import CHANCE_SCALE, SELF_WEIGHTS
from game.ai.opponent import FREQUENCY_SHARE, OpponentModel

N_OPTIONS = (4, 4, 3, 3, 3, 3, 3, 3)  # Genoa's general settlement scope
ADDRESSEES = 4


def inputs(n: int, rng: np.random.Generator) -> dict[str, np.ndarray]:
    i, o = len(N_OPTIONS), max(N_OPTIONS)
    valid = np.array([[x < m for x in range(o)] for m in N_OPTIONS])
    return {
        "stable": rng.random((n, ADDRESSEES, i)) * 2,
        "shifts": rng.integers(0, 3, (n, ADDRESSEES, i)),
        "freq": rng.integers(0, 6, (n, ADDRESSEES, i, o)) * valid * 1.0,
        "positions": rng.integers(0, 99, (n, ADDRESSEES, i)) % np.array(N_OPTIONS),
        "gain": np.where(valid, rng.random((n, i, o)) * 10 - 5, -np.inf),
        "thetas": 50 + rng.random((n, ADDRESSEES)) * 30,
    }


def python_decisions(x: dict[str, np.ndarray]) -> tuple[float, list[tuple[int, ...]]]:
    """The game's own code, one decision after another (inputs converted to its plain tuples first)."""
    n = len(x["gain"])
    scope = tuple(range(len(N_OPTIONS)))
    cases = []
    for g in range(n):
        models = []
        for a in range(ADDRESSEES):
            m = OpponentModel(N_OPTIONS)
            m.stable = x["stable"][g, a].tolist()
            m.shifts = x["shifts"][g, a].tolist()
            m.freq = [row[:k] for row, k in zip(x["freq"][g, a].tolist(), N_OPTIONS, strict=True)]
            models.append((m, tuple(x["positions"][g, a].tolist())))
        gain = tuple(tuple(row[:k]) for row, k in zip(x["gain"][g].tolist(), N_OPTIONS, strict=True))
        cases.append((models, gain, x["thetas"][g].tolist()))
    picks = []
    start = time.process_time()
    for models, gain, thetas in cases:
        tables = [m.issue_table(scope, pos) for m, pos in models]
        scale = 1.0 / (100.0 * len(tables))
        mean_others = [[sum(col) * scale for col in zip(*rows, strict=True)] for rows in zip(*tables, strict=True)]
        span = sum(max(r) - min(r) for r in gain) or 1.0
        best: tuple[float, tuple[int, ...]] | None = None
        for a in SELF_WEIGHTS:  # as game.ai.bidding.best_bid seeds its search
            b = 1.0 - a
            pkg_list = []
            for row, mine in zip(gain, mean_others, strict=True):
                top_o, top = 0, -math.inf
                for o in range(len(row)):
                    v = a * row[o] / span + b * mine[o]
                    if v > top + 1e-12:
                        top_o, top = o, v
                pkg_list.append(top_o)
            pkg = tuple(pkg_list)
            ests = [sum(map(tuple.__getitem__, t, pkg)) for t in tables]
            lc = 0.0
            for e, th in zip(ests, thetas, strict=True):
                z = (e - th) / CHANCE_SCALE
                lc += -math.log1p(math.exp(-z)) if z > -30.0 else z
            if best is None or lc > best[0]:
                best = (lc, pkg)
        assert best is not None
        picks.append(best[1])
    return time.process_time() - start, picks


def numpy_decisions(x: dict[str, np.ndarray]) -> tuple[float, list[tuple[int, ...]]]:
    """The same decisions as whole-array operations over every decision at once."""
    n_opt = np.array(N_OPTIONS)
    o = max(N_OPTIONS)
    valid = np.arange(o)[None, :] < n_opt[:, None]
    start = time.process_time()
    raw = (1.0 + x["stable"]) / (1.0 + 2.0 * x["shifts"])  # (n, a, i)
    f = 100.0 * raw / raw.sum(axis=2, keepdims=True)
    close = 1.0 - np.abs(np.arange(o)[None, None, None, :] - x["positions"][..., None]) / (n_opt[None, None, :, None] - 1)
    top = x["freq"].max(axis=3, keepdims=True)
    blend = np.where(top > 0, (1.0 - FREQUENCY_SHARE) * close + FREQUENCY_SHARE / np.where(top > 0, top, 1.0) * x["freq"], close)
    tables = np.where(valid, f[..., None] * blend, 0.0)  # (n, a, i, o)
    mean_others = tables.sum(axis=1) / (100.0 * ADDRESSEES)  # (n, i, o)
    gain = x["gain"]
    finite = np.where(valid, gain, np.nan)
    span = (np.nanmax(finite, axis=2) - np.nanmin(finite, axis=2)).sum(axis=1)
    span = np.where(span == 0, 1.0, span)[:, None, None]
    mixes = np.array(SELF_WEIGHTS)[:, None, None, None]  # (m, 1, 1, 1)
    score = np.where(valid, mixes * np.where(valid, gain, 0.0) / span + (1 - mixes) * mean_others, -np.inf)  # (m, n, i, o)
    pkgs = score.argmax(axis=3)  # (m, n, i)
    ests = np.take_along_axis(tables[None], pkgs[:, :, None, :, None], axis=4)[..., 0].sum(axis=3)  # (m, n, a)
    z = (ests - x["thetas"][None]) / CHANCE_SCALE
    lc = np.where(z > -30.0, -np.log1p(np.exp(-z)), z).sum(axis=2)  # (m, n)
    pick = pkgs[lc.argmax(axis=0), np.arange(len(gain))]  # (n, i)
    seconds = time.process_time() - start
    return seconds, [tuple(int(v) for v in row) for row in pick]


_KERNEL = """
import math
import numpy as np
from numba import njit

@njit(cache=False)
def decide(stable, shifts, freq, positions, gain, thetas, n_opt, mixes, share, scale_chance, out):
    n, a_n, i_n = stable.shape
    o_n = freq.shape[3]
    tables = np.zeros((a_n, i_n, o_n))
    mean = np.zeros((i_n, o_n))
    pkg = np.zeros(i_n, np.int64)
    for g in range(n):
        for a in range(a_n):
            total = 0.0
            for i in range(i_n):
                total += (1.0 + stable[g, a, i]) / (1.0 + 2.0 * shifts[g, a, i])
            for i in range(i_n):
                f = 100.0 * ((1.0 + stable[g, a, i]) / (1.0 + 2.0 * shifts[g, a, i])) / total
                top = 0.0
                for o in range(n_opt[i]):
                    top = max(top, freq[g, a, i, o])
                for o in range(n_opt[i]):
                    c = 1.0 - abs(o - positions[g, a, i]) / (n_opt[i] - 1)
                    v = c if top <= 0 else (1.0 - share) * c + share / top * freq[g, a, i, o]
                    tables[a, i, o] = f * v
        span = 0.0
        for i in range(i_n):
            hi, lo = -1e300, 1e300
            for o in range(n_opt[i]):
                s = 0.0
                for a in range(a_n):
                    s += tables[a, i, o]
                mean[i, o] = s / (100.0 * a_n)
                hi, lo = max(hi, gain[g, i, o]), min(lo, gain[g, i, o])
            span += hi - lo
        if span == 0.0:
            span = 1.0
        best_lc = -1e300
        for m in range(mixes.shape[0]):
            w = mixes[m]
            for i in range(i_n):
                top_o, top = 0, -1e300
                for o in range(n_opt[i]):
                    v = w * gain[g, i, o] / span + (1.0 - w) * mean[i, o]
                    if v > top + 1e-12:
                        top_o, top = o, v
                pkg[i] = top_o
            lc = 0.0
            for a in range(a_n):
                e = 0.0
                for i in range(i_n):
                    e += tables[a, i, pkg[i]]
                z = (e - thetas[g, a]) / scale_chance
                lc += -math.log1p(math.exp(-z)) if z > -30.0 else z
            if lc > best_lc:
                best_lc = lc
                for i in range(i_n):
                    out[g, i] = pkg[i]
"""


def compiled_decisions(x: dict[str, np.ndarray]) -> tuple[float, float, list[tuple[int, ...]]] | None:
    """The same loops compiled with numba (if it is installed: it is no dependency of the game):
    (seconds for all decisions in one call, seconds for one call per decision, picks)."""
    try:
        namespace: dict[str, object] = {}
        exec(_KERNEL, namespace)
    except ImportError:
        return None
    decide = namespace["decide"]
    args = (x["stable"], x["shifts"].astype(np.float64), x["freq"], x["positions"].astype(np.int64), x["gain"], x["thetas"])
    consts = (np.array(N_OPTIONS, dtype=np.int64), np.array(SELF_WEIGHTS), FREQUENCY_SHARE, CHANCE_SCALE)
    out = np.zeros((len(x["gain"]), len(N_OPTIONS)), np.int64)
    decide(*(a[:1] for a in args), *consts, out[:1])  # compile first
    start = time.process_time()
    decide(*args, *consts, out)  # type: ignore[operator]
    batched = time.process_time() - start
    one = np.zeros_like(out)
    start = time.process_time()
    for g in range(len(out)):
        decide(*(a[g : g + 1] for a in args), *consts, one[g : g + 1])  # type: ignore[operator]
    single = time.process_time() - start
    return batched, single, [tuple(int(v) for v in row) for row in out]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--decisions", type=int, default=2000)
    args = ap.parse_args(argv)
    x = inputs(args.decisions, np.random.default_rng(11))
    py_s, py_picks = python_decisions(x)
    np_s, np_picks = numpy_decisions(x)
    same = sum(a == b for a, b in zip(py_picks, np_picks, strict=True))
    n = args.decisions
    print(f"python, one at a time: {1e6 * py_s / n:8.2f} us per decision")
    print(f"numpy, {n} at once:    {1e6 * np_s / n:8.2f} us per decision   ({py_s / np_s:.1f}x)")
    print(f"same seed package chosen in {same} of {n} decisions (ties between near-equal mixes may differ)")
    got = compiled_decisions(x)
    if got is None:
        print("numba is not installed: no compiled figure (pip install numba to see one; the game does not use it)")
        return 0
    batched, single, picks = got
    same = sum(a == b for a, b in zip(py_picks, picks, strict=True))
    print(f"numba, {n} in one call:  {1e6 * batched / n:8.2f} us per decision   ({py_s / batched:.1f}x python, {np_s / batched:.1f}x numpy)")
    print(f"numba, one call each:   {1e6 * single / n:8.2f} us per decision   ({py_s / single:.1f}x python, {np_s / single:.1f}x numpy)")
    print(f"same seed package chosen in {same} of {n} decisions")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
