"""Evaluate a declarative scenario condition against a game state.

Conditions are data (see `game.scenario.models.Condition`); this is the only
place that gives them meaning, so the validator's "can this ever hold?"
analysis and the engine agree.
"""

from __future__ import annotations

from game.engine.state import AudienceStatus, GameState
from game.scenario.models import AudienceAnswer, Condition


def holds(c: Condition, s: GameState) -> bool:
    cs = s.cs
    if c.all is not None:
        return all(holds(x, s) for x in c.all)
    if c.any is not None:
        return any(holds(x, s) for x in c.any)
    if c.not_ is not None:
        return not holds(c.not_, s)
    if c.always is not None:
        return c.always
    if c.on_or_after is not None:
        return s.date >= c.on_or_after
    if c.before is not None:
        return s.date < c.before
    if c.turn_at_least is not None:
        return s.turn + 1 >= c.turn_at_least
    if c.signed is not None:
        return s.is_signed(cs.inst_index[c.signed])
    if c.fired is not None:
        return s.fired[cs.event_index[c.fired]] > 0
    if c.walked_out is not None:
        return cs.d_index[c.walked_out] in s.walked_out
    if c.proposed is not None:
        t = c.proposed
        inst = cs.inst_index[t.instrument]
        by = cs.d_index[t.by] if t.by is not None else None
        excl = cs.d_index[t.excluding] if t.excluding is not None else None
        for p in s.proposals:
            if p.instrument != inst or (by is not None and p.proposer != by):
                continue
            if t.private is not None and p.private != t.private:
                continue
            if excl is not None and p.seen_by(excl):
                continue
            return True
        return False
    if c.audience is not None:
        a = c.audience
        asker = cs.d_index[a.of]
        host = cs.d_index[a.by] if a.by is not None else None
        want = AudienceStatus.GRANTED if a.answer is AudienceAnswer.GRANTED else AudienceStatus.REFUSED
        return any(x.asker == asker and (host is None or x.host == host) and x.status is want for x in s.audiences)
    if c.relation is not None:
        r = c.relation
        trust = float(s.relations[cs.d_index[r.of], cs.d_index[r.toward]])
        return (r.above is None or trust > r.above) and (r.below is None or trust < r.below)
    if c.pressure is not None:
        pr = c.pressure
        value = s.pressure[cs.d_index[pr.of]]
        return (pr.above is None or value > pr.above) and (pr.below is None or value < pr.below)
    if c.settled is not None:
        i = cs.i_index[c.settled.issue]
        opt = s.settled[i]
        return opt >= 0 and cs.option_ids[i][opt] in c.settled.among
    if c.position is not None and c.position.of is not None:
        i = cs.i_index[c.position.issue]
        pos = s.position(cs.d_index[c.position.of], i)
        return pos >= 0 and cs.option_ids[i][pos] in c.position.among
    return False
