"""How outcome shares move as one scenario parameter varies.

Every value is played with the same batch seed, so game k of each row has the
same seed key: differences between rows come from the parameter, not from
luck (common random numbers). Shares and their 95% Wilson intervals are
computed for the whole table at once with numpy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from game.analysis.batch import BatchResult, run_batch
from game.analysis.stats import wilson_arrays
from game.engine.compiled import compile_scenario
from game.scenario.loader import load


@dataclass(frozen=True)
class SweepResult:
    scenario: str
    keypath: str
    values: tuple[Any, ...]
    outcomes: tuple[str, ...]
    instruments: tuple[str, ...]
    runs: int
    seed: int
    length: str
    counts: npt.NDArray[np.int64]  # values x outcomes
    signed: npt.NDArray[np.int64]  # values x instruments
    mean_turns: npt.NDArray[np.float64]  # per value
    seconds: float

    @property
    def shares(self) -> npt.NDArray[np.float64]:
        return self.counts / max(1, self.runs)

    def intervals(self) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
        return wilson_arrays(self.counts, self.runs)

    def to_json(self) -> dict[str, Any]:
        lo, hi = self.intervals()
        shares = self.shares
        rows = []
        for r, value in enumerate(self.values):
            rows.append(
                {
                    "value": value,
                    "outcomes": {o: int(self.counts[r, c]) for c, o in enumerate(self.outcomes)},
                    "shares": {o: round(float(shares[r, c]), 4) for c, o in enumerate(self.outcomes)},
                    "ci95": {o: [round(float(lo[r, c]), 4), round(float(hi[r, c]), 4)] for c, o in enumerate(self.outcomes)},
                    "instruments": {i: int(self.signed[r, c]) for c, i in enumerate(self.instruments)},
                    "mean_turns": round(float(self.mean_turns[r]), 3),
                }
            )
        return {
            "scenario": self.scenario,
            "set": self.keypath,
            "runs": self.runs,
            "seed": self.seed,
            "length": self.length,
            "rows": rows,
            "seconds": round(self.seconds, 3),
        }


def run_sweep(
    path: str | Path,
    keypath: str,
    values: Sequence[Any],
    runs: int,
    seed: int = 0,
    jobs: int = 1,
    length: str = "full",
    progress: Callable[[int, int], None] | None = None,
) -> SweepResult:
    """One batch per value of `keypath`; raises ScenarioError when a value is invalid
    (every value is loaded and checked before any game is played)."""
    compiled = [compile_scenario(load(path, {keypath: v}).scenario) for v in values]
    results: list[BatchResult] = []
    total = runs * len(values)
    for r, (value, cs) in enumerate(zip(values, compiled, strict=True)):

        def step(done: int, _total: int, r: int = r) -> None:
            if progress:
                progress(r * runs + done, total)

        results.append(run_batch(path, runs, seed, jobs, length, step, compiled=cs, overrides={keypath: value}, watch_deals=False))
    s = compiled[0].scenario
    outcomes = tuple(o.id for o in s.outcomes)
    instruments = tuple(i.id for i in s.instruments)
    counts = np.array([[res.tally.outcomes.get(o, 0) for o in outcomes] for res in results], dtype=np.int64)
    signed = np.array([[res.tally.instruments.get(i, 0) for i in instruments] for res in results], dtype=np.int64)
    turns = np.array([res.tally.turns / max(1, res.runs) for res in results], dtype=np.float64)
    return SweepResult(
        s.id, keypath, tuple(values), outcomes, instruments, runs, seed, length, counts, signed, turns, sum(res.seconds for res in results)
    )
