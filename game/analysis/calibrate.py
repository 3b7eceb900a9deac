"""Calibration by target: the value of one parameter that gives an outcome a wanted share.

A designer knows the share they want ("the treaty in about half the
games") and which knob should move it (a reservation, a cost, a chance);
the arithmetic of finding the value is bisection over seeded batches. Every
value is played with the same batch seed, so game k of every batch has the
same seed key (common random numbers): the share then changes with the
parameter, not with luck, and bisection over a noisy but mostly monotone
curve settles. The result is the evaluated value whose share is nearest
the target, with that share's 95% Wilson interval — the interval says how
far a classroom's games may stray from it.

`grid` plays every pair of values of two parameters for the same outcome.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.analysis.batch import run_batch
from game.analysis.stats import wilson
from game.engine.compiled import compile_scenario
from game.scenario.loader import load

#: Bisection steps after the two ends (each one batch).
STEPS = 8


@dataclass(frozen=True)
class Probe:
    """One batch at one setting: how often the outcome came out."""

    values: tuple[Any, ...]  # one per parameter
    count: int
    runs: int

    @property
    def share(self) -> float:
        return self.count / max(1, self.runs)

    @property
    def interval(self) -> tuple[float, float]:
        return wilson(self.count, self.runs)

    def to_json(self) -> dict[str, Any]:
        lo, hi = self.interval
        return {"values": list(self.values), "count": self.count, "share": round(self.share, 4), "ci95": [round(lo, 4), round(hi, 4)]}


@dataclass(frozen=True)
class Calibration:
    scenario: str
    keypath: str
    outcome: str
    target: float
    runs: int
    seed: int
    length: str
    probes: tuple[Probe, ...]  # in the order they were played
    best: Probe
    bracketed: bool  # the target lies between the shares at the range's two ends
    integer: bool

    def to_json(self) -> dict[str, Any]:
        lo, hi = self.best.interval
        return {
            "scenario": self.scenario,
            "set": self.keypath,
            "outcome": self.outcome,
            "target": self.target,
            "runs": self.runs,
            "seed": self.seed,
            "length": self.length,
            "value": self.best.values[0],
            "share": round(self.best.share, 4),
            "ci95": [round(lo, 4), round(hi, 4)],
            "bracketed": self.bracketed,
            "probes": [p.to_json() for p in self.probes],
        }


@dataclass(frozen=True)
class Grid:
    scenario: str
    keypaths: tuple[str, str]
    values: tuple[tuple[Any, ...], tuple[Any, ...]]
    outcome: str
    target: float | None
    runs: int
    seed: int
    length: str
    cells: tuple[tuple[Probe, ...], ...]  # rows: first parameter's values; columns: the second's

    def nearest(self) -> Probe | None:
        if self.target is None:
            return None
        target = self.target
        return min((p for row in self.cells for p in row), key=lambda p: abs(p.share - target))

    def to_json(self) -> dict[str, Any]:
        near = self.nearest()
        return {
            "scenario": self.scenario,
            "set": list(self.keypaths),
            "values": [list(v) for v in self.values],
            "outcome": self.outcome,
            "target": self.target,
            "runs": self.runs,
            "seed": self.seed,
            "length": self.length,
            "cells": [[p.to_json() for p in row] for row in self.cells],
            "nearest": near.to_json() if near is not None else None,
        }


def check_outcome(path: str | Path, outcome: str) -> str:
    """The scenario's id; ValueError naming the outcomes when `outcome` is not one."""
    s = load(path).scenario
    ids = [o.id for o in s.outcomes]
    if outcome not in ids:
        raise ValueError(f"unknown outcome {outcome!r}; {s.id} has {', '.join(ids)}")
    return s.id


def probe(path: str | Path, overrides: dict[str, Any], outcome: str, runs: int, seed: int, jobs: int, length: str) -> Probe:
    """One batch with these overrides (same seeds whatever the values); ScenarioError if a value is invalid."""
    cs = compile_scenario(load(path, overrides).scenario)
    result = run_batch(path, runs, seed, jobs, length, compiled=cs, overrides=overrides, watch_deals=False)  # shares only
    return Probe(tuple(overrides.values()), result.tally.outcomes.get(outcome, 0), runs)


def calibrate(
    path: str | Path,
    keypath: str,
    low: float,
    high: float,
    outcome: str,
    target: float,
    runs: int,
    seed: int = 0,
    jobs: int = 1,
    length: str = "full",
    steps: int = STEPS,
    progress: Callable[[Probe], None] | None = None,
) -> Calibration:
    """Bisect `keypath` over [low, high] for the value whose `outcome` share is nearest `target`.

    Integer bounds search whole numbers only (and stop when the bracket is one apart).
    Plays the two ends first; if the target is not between their shares, the nearer end
    is the answer (`bracketed` False) and nothing else is played."""
    scenario = check_outcome(path, outcome)
    integer = isinstance(low, int) and isinstance(high, int) and not isinstance(low, bool) and not isinstance(high, bool)
    probes: list[Probe] = []

    def play(value: float) -> Probe:
        p = probe(path, {keypath: value}, outcome, runs, seed, jobs, length)
        probes.append(p)
        if progress:
            progress(p)
        return p

    a, b = play(low), play(high)
    bracketed = min(a.share, b.share) <= target <= max(a.share, b.share)
    if bracketed:
        lo_v, hi_v, lo_share = low, high, a.share
        for _ in range(steps):
            if integer and hi_v - lo_v <= 1:
                break
            mid = (lo_v + hi_v) // 2 if integer else round((lo_v + hi_v) / 2, 6)
            m = play(mid)
            if m.share == target:
                break
            # keep the half whose ends' shares still straddle the target
            if (m.share - target) * (lo_share - target) > 0:
                lo_v, lo_share = mid, m.share
            else:
                hi_v = mid
    best = min(probes, key=lambda p: (abs(p.share - target), len(probes) - probes.index(p)))
    return Calibration(scenario, keypath, outcome, target, runs, seed, length, tuple(probes), best, bracketed, integer)


def grid(
    path: str | Path,
    keypaths: tuple[str, str],
    values: tuple[Sequence[Any], Sequence[Any]],
    outcome: str,
    target: float | None,
    runs: int,
    seed: int = 0,
    jobs: int = 1,
    length: str = "full",
    progress: Callable[[Probe], None] | None = None,
) -> Grid:
    """Every pair of values of two parameters, one batch each, for one outcome's share."""
    scenario = check_outcome(path, outcome)
    rows = []
    for v1 in values[0]:
        row = []
        for v2 in values[1]:
            p = probe(path, {keypaths[0]: v1, keypaths[1]: v2}, outcome, runs, seed, jobs, length)
            if progress:
                progress(p)
            row.append(p)
        rows.append(tuple(row))
    return Grid(scenario, keypaths, (tuple(values[0]), tuple(values[1])), outcome, target, runs, seed, length, tuple(rows))


def spaced(low: float, high: float, points: int) -> list[Any]:
    """`points` evenly spaced values from low to high (whole numbers when both ends are, duplicates dropped)."""
    if points < 2:
        return [low]
    step = (high - low) / (points - 1)
    if isinstance(low, int) and isinstance(high, int):
        return list(dict.fromkeys(round(low + k * step) for k in range(points)))
    return [round(low + k * step, 6) for k in range(points)]
