"""Requests for an audience (private talks): when an AI delegation asks, and whether it receives.

Small and pure, so any negotiator can call it: `request(s, d)` and `answer(s, d, a)`
read the state and return an engine action; nothing here remembers anything.

Asking: a delegation that stands to lose by what an instrument settles but is not
one of its parties (Germany and the Russian settlement at Genoa) asks that
instrument's party it trusts most for private talks, once per sitting, until
one of them has received it or it has asked `MAX_ASKS` times.

Receiving: the host weighs its own trust in the asker against its partners'
distrust of the asker (receiving someone your partners distrust costs you with
them), and a host pressed for a deal at home is a little readier to listen; so is
a host who stands to lose if the asker, left outside, signs a side deal of its own
without it (`side_deal`). So Britain refuses Rathenau when France and Belgium
distrust Germany more than Britain fears a German-Soviet treaty, and a game in
which Germany kept their trust plays out differently.
"""

from __future__ import annotations

from game.engine import actions as A
from game.engine.state import Audience, AudienceStatus, GameState
from game.engine.utility import table

#: How often a delegation asks the same host before it gives up (Rathenau tried three times).
MAX_ASKS = 3
#: How much a host's pressure from home inclines it to receive (per unit of pressure, 0-1).
PRESSURE_WEIGHT = 0.3


#: How much an instrument it is not party to must be able to cost a delegation (utility points,
#: 0-100) before it asks that instrument's parties to hear it.
THREAT_MIN = 10.0
#: Utility points (0-100) of a side deal the asker could sign without the host that weigh as much,
#: in the host's willingness to receive it, as the whole range of trust (Lloyd George's fear of a
#: German-Soviet "fierce friendship" against the cost of receiving Rathenau with France watching).
SIDE_DEAL_SCALE = 35.0


def threat(s: GameState, d: int, instrument: int) -> float:
    """The most `d` could lose if the instrument were signed without it: per open issue of its
    scope, leaving the issue open less the worst option, in d's own utility points."""
    t = table(s, d)
    return sum(t.unsettled[i] - min(t.contrib[i]) for i in s.cs.scope[instrument] if s.settled[i] < 0)


def request(s: GameState, d: int) -> A.RequestAudience | None:
    """The request `d` makes this sitting, or None."""
    cs = s.cs
    if any(a.asker == d and a.turn == s.turn for a in s.audiences):
        return None
    best: tuple[float, float, int] | None = None
    for k in range(len(cs.instrument_ids)):
        if d in cs.parties[k] or s.is_signed(k) or threat(s, d, k) < THREAT_MIN:
            continue
        asked = [a for a in s.audiences if a.asker == d and a.host in cs.parties[k]]
        if len(asked) >= MAX_ASKS or any(a.status is not AudienceStatus.REFUSED for a in asked):
            continue  # received already by one of its parties, still waiting for an answer, or given up
        for h in s.active_parties(k):
            # a team's seat is asked like any other: it grants or refuses from its inbox in the window
            if h == d or h in s.walked_out or s.is_banned(d, h) or h not in cs.actors:
                continue
            key = (float(s.relations[d, h]), float(cs.delegation(h).essential), -h)
            if best is None or key > best:
                best = key
    if best is None:
        return None
    return A.RequestAudience(cs.delegation_ids[d], cs.delegation_ids[-int(best[2])])


def willingness(s: GameState, host: int, asker: int) -> float:
    """Positive: receiving the asker serves the host's interests; negative: it costs more with its partners."""
    cs = s.cs
    own = (float(s.relations[host, asker]) - 50.0) / 50.0
    partners: set[int] = set()
    for k in range(len(cs.instrument_ids)):
        if host in cs.parties[k] and asker not in cs.parties[k] and not s.is_signed(k):
            partners.update(p for p in s.active_parties(k) if p not in (host, asker))
    distrust = sum(50.0 - float(s.relations[p, asker]) for p in partners) / (50.0 * len(partners)) if partners else 0.0
    return own - distrust + PRESSURE_WEIGHT * s.pressure[host] + side_deal(s, host, asker) / SIDE_DEAL_SCALE


def side_deal(s: GameState, host: int, asker: int) -> float:
    """The most the host could lose (utility points) by the instruments the asker can sign without it."""
    cs = s.cs
    outside = (k for k in range(len(cs.instrument_ids)) if asker in cs.parties[k] and host not in cs.parties[k] and not s.is_signed(k))
    return max([0.0, *(threat(s, host, k) for k in outside)])


def answer(s: GameState, host: int, a: Audience) -> A.AnswerAudience:
    """Grant or refuse, with the reason in the AI's usual terms (trust on the 0-100 scale)."""
    cs = s.cs
    w = willingness(s, host, a.asker)
    grant = w >= 0
    trust = float(s.relations[host, a.asker])
    note = "values the asker's trust" if grant else "keeps faith with its partners"
    reasons = A.Reasons(round(min(100.0, max(0.0, 50 + 50 * w)), 2), 50.0, trust, (), note)
    return A.AnswerAudience(cs.delegation_ids[host], a.id, grant, reasons)
