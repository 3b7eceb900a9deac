"""The Wilson interval behind every share that batch and sweep print."""

from __future__ import annotations

import numpy as np
import pytest

from game.analysis.stats import wilson, wilson_arrays


@pytest.mark.parametrize(
    ("count", "n", "expected"),
    [
        (0, 10, (0.0, 0.2775)),  # published reference values (Newcombe 1998, method 3)
        (5, 10, (0.2366, 0.7634)),
        (10, 10, (0.7225, 1.0)),
        (81, 263, (0.2553, 0.3662)),
    ],
)
def test_wilson_matches_published_values(count, n, expected):
    assert wilson(count, n) == pytest.approx(expected, abs=1e-4)


def test_an_empty_batch_says_nothing_is_known():
    assert wilson(0, 0) == (0.0, 0.0)
    lo, hi = wilson_arrays(np.array([[0, 3]]), 0)
    assert lo.shape == (1, 2) and not hi.any()


def test_the_table_form_gives_each_cell_its_own_interval():
    lo, hi = wilson_arrays(np.array([[0, 5], [10, 5]]), 10)
    assert (lo[0, 1], hi[0, 1]) == pytest.approx(wilson(5, 10))
    assert lo[0, 0] == 0.0 and hi[1, 0] == 1.0
    assert (lo <= hi).all()
