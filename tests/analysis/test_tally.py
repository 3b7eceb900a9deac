"""Batch tallies add up across workers without losing anyone."""

from __future__ import annotations

from game.analysis.batch import Tally


def test_merging_keeps_a_delegation_whose_scores_sum_to_zero():
    a = Tally(runs=1, score_sum={"soviet": 0.0, "britain": 40.5}, utility_sum={"soviet": 0.0})
    b = Tally(runs=1, score_sum={"soviet": 0.0, "britain": 9.5})
    merged = Tally() + a + b
    assert merged.runs == 2
    assert merged.score_sum == {"soviet": 0.0, "britain": 50.0}
    assert merged.utility_sum == {"soviet": 0.0}
