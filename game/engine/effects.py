"""Apply scenario effects (from events and signed instruments) to a state.

Each effect returns a new state; arrays that change are copied once, the
rest is shared. Values are clamped to their ranges, so no sequence of
events can push the model outside what the AI and the UI understand. One
`case` per effect model: each has exactly the keys its kind needs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import assert_never

import numpy as np

from game.engine.compiled import Stances
from game.engine.state import GameState
from game.scenario import models as m


def _clamp(x: float, lo: float, hi: float) -> float:
    return lo if x < lo else hi if x > hi else x


def apply_effect(s: GameState, e: m.Effect) -> GameState:
    cs = s.cs
    match e:
        case m.PressureEffect():
            d = cs.d_index[e.delegation]
            pressure = list(s.pressure)
            pressure[d] = _clamp(pressure[d] + e.delta, 0.0, 1.0)
            return s.evolve(pressure=tuple(pressure))
        case m.RelationEffect():
            d = cs.d_index[e.delegation]
            rel = s.relations.copy()
            for other in e.toward:
                o = cs.d_index[other]
                rel[d, o] = _clamp(rel[d, o] + e.delta, 0.0, 100.0)
                if e.mutual:
                    rel[o, d] = _clamp(rel[o, d] + e.delta, 0.0, 100.0)
            rel.flags.writeable = False
            return s.evolve(relations=rel)
        case m.ReservationEffect():
            d = cs.d_index[e.delegation]
            no_deal = s.stances.no_deal.copy()
            if e.issue is not None:
                i = cs.i_index[e.issue]
                no_deal[d, i] = _clamp(no_deal[d, i] + e.delta, 0.0, 100.0)
            else:
                no_deal[d, :] = np.clip(no_deal[d, :] + e.delta, 0.0, 100.0)
            return s.evolve(stances=Stances(s.stances.values, s.stances.weights, no_deal).freeze())
        case m.ValueEffect():
            d, i = cs.d_index[e.delegation], cs.i_index[e.issue]
            o = cs.option_offset[i] + cs.option_index(i, e.option)
            values = s.stances.values.copy()
            values[d, o] = _clamp(values[d, o] + e.delta, 0.0, 100.0)
            return s.evolve(stances=Stances(values, s.stances.weights, s.stances.no_deal).freeze())
        case m.WeightEffect():
            d, i = cs.d_index[e.delegation], cs.i_index[e.issue]
            weights = s.stances.weights.copy()
            weights[d, i] = _clamp(weights[d, i] * e.factor, 0.0, 100.0)
            return s.evolve(stances=Stances(s.stances.values, weights, s.stances.no_deal).freeze())
        case m.PositionEffect():
            d, i = cs.d_index[e.delegation], cs.i_index[e.issue]
            positions = list(s.positions)
            positions[d * cs.n_issues + i] = cs.option_index(i, e.option)
            return s.evolve(positions=tuple(positions))
        case m.CostEffect():
            d, k = cs.d_index[e.delegation], cs.inst_index[e.instrument]
            costs = s.costs.copy()
            costs[k, d] = _clamp(costs[k, d] + e.delta, -100.0, 100.0)
            costs.flags.writeable = False
            return s.evolve(costs=costs)
        case m.BanTalksEffect():
            return s.evolve(bans=s.bans | _pairs(s, e.delegation, e.toward))
        case m.AllowTalksEffect():
            return s.evolve(bans=s.bans - _pairs(s, e.delegation, e.toward))
        case m.ExcludeEffect():
            return s.evolve(excluded=s.excluded | {(cs.d_index[e.delegation], cs.inst_index[e.instrument])})
        case m.ReadmitEffect():
            return s.evolve(excluded=s.excluded - {(cs.d_index[e.delegation], cs.inst_index[e.instrument])})
        case m.LeakEffect():
            return s.evolve(leaked=s.leaked | {cs.inst_index[e.instrument]})
        case _:
            assert_never(e)


def _pairs(s: GameState, delegation: str, toward: list[str]) -> frozenset[tuple[int, int]]:
    """The unordered pairs (low index first) a talks ban names, a delegation never paired with itself."""
    d = s.cs.d_index[delegation]
    others = (s.cs.d_index[o] for o in toward)
    return frozenset((min(d, o), max(d, o)) for o in others if o != d)


def apply_effects(s: GameState, effects: Iterable[m.Effect]) -> GameState:
    for e in effects:
        s = apply_effect(s, e)
    return s
