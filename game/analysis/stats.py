"""Confidence intervals shared by every table that reports shares of games.

`plenipo batch` reports one share at a time and `plenipo sweep` a whole table
at once; both go through `wilson_arrays`, so the two commands can never
disagree about the interval of the same count.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Z95 = 1.96  # two-sided 95% normal quantile


def wilson_arrays(counts: npt.ArrayLike, n: int, z: float = Z95) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Wilson score intervals for an array of counts, each out of `n` games.

    The Wilson interval stays inside [0, 1] and is sensible at 0 and n
    successes, where the textbook normal interval collapses to a point.
    With no games at all the interval is (0, 0): nothing is known.
    """
    c = np.asarray(counts, dtype=np.float64)
    if n <= 0:
        zero = np.zeros(c.shape)
        return zero, zero
    p = c / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return np.clip(centre - half, 0.0, 1.0), np.clip(centre + half, 0.0, 1.0)


def wilson(count: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The 95% Wilson interval of one share, `count` out of `n`."""
    lo, hi = wilson_arrays(count, n, z)
    return float(lo), float(hi)
