"""Pareto frontier and Nash point on scenarios small enough to work out by hand.

The hand-made conference: A and B, issue x (three options) and issue y (two),
A weighs x three times y, B the reverse, reservation 40 each. Utilities
(A = .75 x + .25 y, B = .25 x + .75 y):

    (x0,y0) 100/0   (x0,y1) 75/75   (x1,y0) 62.5/12.5
    (x1,y1) 37.5/87.5   (x2,y0) 25/25   (x2,y1) 0/100

Frontier: (x0,y0) (x0,y1) (x1,y1) (x2,y1). No deal is 40/40, so only (x0,y1)
beats it for both: it is the Nash point.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from game.analysis import pareto
from game.analysis.pareto import assess, frontier, pareto_mask, world_without
from game.engine.compiled import compile_scenario
from game.engine.rules import new_game
from game.engine.state import GameState
from game.scenario.loader import load

ROOT = Path(__file__).resolve().parents[2]

HAND = """
id = "hand"
[meta]
title = "Hand-made"
[calendar]
sittings = ["1920-01-01", "1920-01-02"]
[[issues]]
id = "x"
title = "X"
options = [{ id = "x0", label = "X0" }, { id = "x1", label = "X1" }, { id = "x2", label = "X2" }]
[[issues]]
id = "y"
title = "Y"
options = [{ id = "y0", label = "Y0" }, { id = "y1", label = "Y1" }]
[[delegations]]
id = "a"
name = "A"
reservation = 40
stances.x = { values = { x0 = 100, x1 = 50, x2 = 0 }, weight = 3 }
stances.y = { values = { y0 = 100, y1 = 0 }, weight = 1 }
[[delegations]]
id = "b"
name = "B"
reservation = 40
stances.x = { values = { x0 = 0, x1 = 50, x2 = 100 }, weight = 1 }
stances.y = { values = { y0 = 0, y1 = 100 }, weight = 3 }
[[instruments]]
id = "deal"
title = "Deal"
parties = ["a", "b"]
scope = ["x", "y"]
COSTS
[[instruments]]
id = "y_only"
title = "Y only"
parties = ["a", "b"]
scope = ["y"]
[[outcomes]]
id = "any"
title = "Any"
when = { always = true }
"""


def hand_state(tmp_path: Path, costs: str = "") -> GameState:
    path = tmp_path / "hand.toml"
    path.write_text(HAND.replace("COSTS", costs), encoding="utf-8")
    return new_game(compile_scenario(load(path).scenario), 1)


def points(f: pareto.Frontier) -> dict[tuple[int, ...], tuple[float, ...]]:
    return {tuple(int(x) for x in p): tuple(round(float(v), 6) for v in u) for p, u in zip(f.packages, f.utilities, strict=True)}


def test_frontier_and_nash_of_the_hand_made_deal(tmp_path: Path) -> None:
    f = frontier(hand_state(tmp_path), "deal")
    assert f.exact and f.considered == 6
    assert points(f) == {(0, 0): (100, 0), (0, 1): (75, 75), (1, 1): (37.5, 87.5), (2, 1): (0, 100)}
    assert f.no_deal.tolist() == [40, 40]
    assert f.nash == (0, 1)
    assert f.nash_utilities is not None and f.nash_utilities.tolist() == [75, 75]


def test_a_dominated_package_is_measured_against_the_frontier_and_nash(tmp_path: Path) -> None:
    a = assess(hand_state(tmp_path), "deal", (2, 0))  # 25/25
    assert not a.efficient
    assert a.frontier_gap == pytest.approx(50)  # (x0,y1) gives both 50 more
    assert a.nash_distance == pytest.approx(math.hypot(50, 50))
    assert a.nash_difference is not None and a.nash_difference.tolist() == [-50, -50]


def test_an_efficient_package_has_no_gap_but_may_be_far_from_nash(tmp_path: Path) -> None:
    a = assess(hand_state(tmp_path), "deal", (1, 1))  # 37.5/87.5
    assert a.efficient and a.frontier_gap == 0.0
    assert a.nash_distance == pytest.approx(math.hypot(37.5, 12.5))
    nash = assess(hand_state(tmp_path), "deal", (0, 1))
    assert nash.efficient and nash.nash_distance == 0.0


def test_costs_lower_net_utility_but_not_the_no_deal_point(tmp_path: Path) -> None:
    f = frontier(hand_state(tmp_path, "costs = { b = 10 }"), "deal")
    assert points(f)[(0, 1)] == (75, 65)
    assert f.no_deal.tolist() == [40, 40]
    assert f.nash == (0, 1)


def test_an_issue_settled_elsewhere_is_fixed_and_moves_the_no_deal_point(tmp_path: Path) -> None:
    # y settled on y1 by another treaty: A's no deal = .75*40 + 0 = 30, B's = .25*40 + 75 = 85
    f = frontier(hand_state(tmp_path), "deal", world=(-1, 1))
    assert set(points(f)) == {(0, 1), (1, 1), (2, 1)}
    assert f.no_deal.tolist() == [30, 85]
    assert f.nash == (1, 1)  # gains 7.5 and 2.5; (x0,y1) leaves B below no deal


def test_no_nash_point_when_nothing_beats_no_deal_for_everyone(tmp_path: Path) -> None:
    s = hand_state(tmp_path)
    f = frontier(s, "y_only")  # A wants y0, B wants y1; x stays open at 40 for both
    assert f.nash is None and f.nash_utilities is None
    a = assess(s, "y_only", (0,))
    assert a.efficient and a.nash_distance is None


def test_a_signed_instrument_is_analysed_without_its_own_settlement(tmp_path: Path) -> None:
    import dataclasses

    from game.engine.state import Signature

    s = hand_state(tmp_path)
    signed = dataclasses.replace(s, signed=(Signature(0, (0, 1), 0, 1),), settled=(0, 1))
    assert world_without(signed, 0) == (-1, -1)
    assert points(frontier(signed, "deal")) == points(frontier(s, "deal"))


def test_the_fallback_sweep_finds_supported_efficient_packages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    s = hand_state(tmp_path)
    exact = points(frontier(s, "deal"))
    pareto._cache.clear()
    monkeypatch.setattr(pareto, "ENUMERATION_LIMIT", 1)
    f = frontier(s, "deal")
    assert not f.exact
    found = points(f)
    assert set(found) <= set(exact)
    assert {(0, 0), (0, 1), (2, 1)} <= set(found)  # the vertices of the convex hull
    assert f.nash == (0, 1)
    assert not assess(s, "deal", (2, 0)).efficient
    pareto._cache.clear()


def test_pareto_mask_matches_brute_force() -> None:
    rng = np.random.default_rng(7)
    for _ in range(30):
        pts = rng.integers(0, 6, size=(int(rng.integers(1, 60)), int(rng.integers(1, 4)))).astype(float)
        brute = np.array([not any(np.all(q >= p) and np.any(q > p) for q in pts) for p in pts])
        assert (pareto_mask(pts) == brute).all()


@pytest.mark.parametrize("name", ["tutorial", "genoa_1922"])
def test_shipped_scenarios_are_analysed_exactly_and_consistently(name: str) -> None:
    cs = compile_scenario(load(ROOT / "scenarios" / f"{name}.toml").scenario)
    s = new_game(cs, 3)
    for k in range(len(cs.instrument_ids)):
        f = frontier(s, k)
        assert f.exact and len(f.packages) >= 1
        if f.nash is not None:
            assert assess(s, k, f.nash).efficient
            assert np.all(f.nash_utilities > f.no_deal)
        assert frontier(s, k) is f  # cached
