"""The one Wilson score interval of the analysis tools (batch, sweep, calibration).

Wilson's interval stays inside [0, 1] and is honest for shares near 0 or 1
and for the few hundred games a classroom calibration can afford, where the
normal approximation is not.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Z95 = 1.96


def wilson_arrays(counts: npt.ArrayLike, n: int, z: float = Z95) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Wilson score intervals (low, high) for an array of counts out of n games each."""
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
    """95% confidence interval of one share (count of n), as plain floats."""
    lo, hi = wilson_arrays(count, n, z)
    return float(lo), float(hi)
