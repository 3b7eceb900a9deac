"""Evaluate a declarative scenario condition against a game state.

Conditions are data (see `game.scenario.models.Condition`); this is the only
place that gives them meaning, so the validator's "can this ever hold?"
analysis and the engine agree. One `case` per test: a new test that is not
handled here is a type error (`assert_never`), not a silent `False`.
"""

from __future__ import annotations

from typing import assert_never

from game.engine.state import AudienceStatus, GameState
from game.scenario import models as m


def holds(c: m.Condition, s: GameState) -> bool:
    cs = s.cs
    match c:
        case m.WhenAll(all=items):
            return all(holds(x, s) for x in items)
        case m.WhenAny(any=items):
            return any(holds(x, s) for x in items)
        case m.WhenNot(not_=inner):
            return not holds(inner, s)
        case m.WhenAlways(always=always):
            return always
        case m.WhenOnOrAfter(on_or_after=day):
            return s.date >= day
        case m.WhenBefore(before=day):
            return s.date < day
        case m.WhenTurnAtLeast(turn_at_least=turn):
            return s.turn + 1 >= turn
        case m.WhenSigned(signed=instrument):
            return s.is_signed(cs.inst_index[instrument])
        case m.WhenFired(fired=event):
            return s.fired[cs.event_index[event]] > 0
        case m.WhenWalkedOut(walked_out=who):
            return cs.d_index[who] in s.walked_out
        case m.WhenProposed(proposed=t):
            return _proposed(t, s)
        case m.WhenAudience(audience=a):
            asker = cs.d_index[a.of]
            host = cs.d_index[a.by] if a.by is not None else None
            want = AudienceStatus.GRANTED if a.answer is m.AudienceAnswer.GRANTED else AudienceStatus.REFUSED
            return any(x.asker == asker and (host is None or x.host == host) and x.status is want for x in s.audiences)
        case m.WhenRelation(relation=r):
            return _within(float(s.relations[cs.d_index[r.of], cs.d_index[r.toward]]), r.above, r.below)
        case m.WhenPressure(pressure=p):
            return _within(s.pressure[cs.d_index[p.of]], p.above, p.below)
        case m.WhenSettled(settled=t):
            i = cs.i_index[t.issue]
            opt = s.settled[i]
            return opt >= 0 and cs.option_ids[i][opt] in t.among
        case m.WhenPosition(position=t):
            i = cs.i_index[t.issue]
            pos = s.position(cs.d_index[t.of], i)
            return pos >= 0 and cs.option_ids[i][pos] in t.among
        case _:
            assert_never(c)


def _within(value: float, above: float | None, below: float | None) -> bool:
    return (above is None or value > above) and (below is None or value < below)


def _proposed(t: m.ProposedTest, s: GameState) -> bool:
    cs = s.cs
    inst = cs.inst_index[t.instrument]
    by = cs.d_index[t.by] if t.by is not None else None
    excl = cs.d_index[t.excluding] if t.excluding is not None else None
    return any(
        p.instrument == inst
        and (by is None or p.proposer == by)
        and (t.private is None or p.private == t.private)
        and (excl is None or not p.seen_by(excl))
        for p in s.proposals
    )
