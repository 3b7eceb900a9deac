"""Seeded variety a designer declares: ranges on stance values, trust and event dates.

A scenario file may say how far a value may vary from game to game (`jitter` on a
stance, `relations_jitter` on a delegation) and how far an event's date may move
(`window`, in days). Each game draws its own values once, at the start, from its
own seed stream, so the same seed still gives the same game, and a scenario that
declares no ranges plays exactly as written (no draw is made at all).
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from game.engine.compiled import Stances
from game.engine.rng import stream
from game.engine.state import GameState


def varied(s: GameState) -> GameState:
    """The starting state with this game's draws applied (the same state if nothing may vary)."""
    cs = s.cs
    scen = cs.scenario
    jitters = [(d, cs.i_index[iid], st.jitter) for d, deleg in enumerate(scen.delegations) for iid, st in deleg.stances.items() if st.jitter > 0]
    trust = [(d, deleg.relations_jitter) for d, deleg in enumerate(scen.delegations) if deleg.relations_jitter > 0]
    windows = [(k, ev.window) for k, ev in enumerate(scen.events) if ev.window > 0 and ev.date is not None]
    if not (jitters or trust or windows):
        return s
    rng = stream(s.seed, "variety")
    changes: dict[str, object] = {}
    if jitters:
        values, no_deal = s.stances.values.copy(), s.stances.no_deal.copy()
        for d, i, size in jitters:
            off, n = cs.option_offset[i], cs.n_options[i]
            values[d, off : off + n] = np.clip(values[d, off : off + n] + rng.uniform(-size, size, n), 0.0, 100.0)
            no_deal[d, i] = float(np.clip(no_deal[d, i] + rng.uniform(-size, size), 0.0, 100.0))
        changes["stances"] = Stances(values, s.stances.weights.copy(), no_deal).freeze()
    if trust:
        rel = s.relations.copy()
        for d, size in trust:
            shift = rng.uniform(-size, size, cs.n_delegations)
            for j in range(cs.n_delegations):
                if j != d:
                    rel[d, j] = float(np.clip(rel[d, j] + shift[j], 0.0, 100.0))
        rel.flags.writeable = False
        changes["relations"] = rel
    if windows:
        dates: list[dt.date | None] = [ev.date for ev in scen.events]
        for k, size in windows:
            base = scen.events[k].date
            assert base is not None
            dates[k] = base + dt.timedelta(days=int(rng.integers(-size, size + 1)))
        changes["event_dates"] = tuple(dates)
    return s.evolve(**changes)
