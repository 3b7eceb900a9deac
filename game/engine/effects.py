"""Apply scenario effects (from events and signed instruments) to a state.

Each effect returns a new state; arrays that change are copied once, the
rest is shared. Values are clamped to their ranges, so no sequence of
events can push the model outside what the AI and the UI understand.
"""

from __future__ import annotations

import numpy as np

from game.engine.compiled import Stances
from game.engine.state import GameState
from game.scenario.models import Effect, EffectKind


def _clamp(x: float, lo: float, hi: float) -> float:
    return lo if x < lo else hi if x > hi else x


def apply_effect(s: GameState, e: Effect) -> GameState:
    cs = s.cs
    d = cs.d_index[e.delegation] if e.delegation is not None else -1
    kind = e.kind
    if kind is EffectKind.PRESSURE:
        pressure = list(s.pressure)
        pressure[d] = _clamp(pressure[d] + (e.delta or 0.0), 0.0, 1.0)
        return s.evolve(pressure=tuple(pressure))
    if kind is EffectKind.RELATION:
        rel = s.relations.copy()
        for other in e.toward_ids():
            o = cs.d_index[other]
            rel[d, o] = _clamp(rel[d, o] + (e.delta or 0.0), 0.0, 100.0)
            if e.mutual:
                rel[o, d] = _clamp(rel[o, d] + (e.delta or 0.0), 0.0, 100.0)
        rel.flags.writeable = False
        return s.evolve(relations=rel)
    if kind in (EffectKind.RESERVATION, EffectKind.VALUE, EffectKind.WEIGHT):
        values, weights, no_deal = s.stances.values, s.stances.weights, s.stances.no_deal
        if kind is EffectKind.RESERVATION:
            no_deal = no_deal.copy()
            if e.issue is not None:
                i = cs.i_index[e.issue]
                no_deal[d, i] = _clamp(no_deal[d, i] + (e.delta or 0.0), 0.0, 100.0)
            else:
                no_deal[d, :] = np.clip(no_deal[d, :] + (e.delta or 0.0), 0.0, 100.0)
        elif kind is EffectKind.VALUE:
            i = cs.i_index[e.issue or ""]
            o = cs.option_offset[i] + cs.option_index(i, e.option or "")
            values = values.copy()
            values[d, o] = _clamp(values[d, o] + (e.delta or 0.0), 0.0, 100.0)
        else:
            i = cs.i_index[e.issue or ""]
            weights = weights.copy()
            weights[d, i] = _clamp(weights[d, i] * (e.factor if e.factor is not None else 1.0), 0.0, 100.0)
        return s.evolve(stances=Stances(values, weights, no_deal).freeze())
    if kind is EffectKind.POSITION:
        i = cs.i_index[e.issue or ""]
        positions = list(s.positions)
        positions[d * cs.n_issues + i] = cs.option_index(i, e.option or "")
        return s.evolve(positions=tuple(positions))
    if kind is EffectKind.COST:
        k = cs.inst_index[e.instrument or ""]
        costs = s.costs.copy()
        costs[k, d] = _clamp(costs[k, d] + (e.delta or 0.0), -100.0, 100.0)
        costs.flags.writeable = False
        return s.evolve(costs=costs)
    if kind in (EffectKind.BAN_TALKS, EffectKind.ALLOW_TALKS):
        pairs = {(min(d, cs.d_index[o]), max(d, cs.d_index[o])) for o in e.toward_ids() if cs.d_index[o] != d}
        bans = s.bans | pairs if kind is EffectKind.BAN_TALKS else s.bans - pairs
        return s.evolve(bans=frozenset(bans))
    if kind is EffectKind.EXCLUDE:
        return s.evolve(excluded=s.excluded | {(d, cs.inst_index[e.instrument or ""])})
    if kind is EffectKind.READMIT:
        return s.evolve(excluded=s.excluded - {(d, cs.inst_index[e.instrument or ""])})
    if kind is EffectKind.LEAK:
        return s.evolve(leaked=s.leaked | {cs.inst_index[e.instrument or ""]})
    raise AssertionError(f"unhandled effect kind {kind}")


def apply_effects(s: GameState, effects: list[Effect]) -> GameState:
    for e in effects:
        s = apply_effect(s, e)
    return s
