"""Requests for an audience (private talks): when an AI delegation asks, whom, and whether it receives.

Small and pure, so any negotiator can call it: `request(s, d)` and `answer(s, d, a)`
read the state and return an engine action; nothing here remembers anything.

Asking: a delegation that stands to lose by what an instrument settles but is not
one of its parties (Germany and the Russian settlement at Genoa) asks one of that
instrument's parties for private talks, once per sitting, until one of them has
received it or it has asked `MAX_ASKS` times in all, each host once. It asks the party most likely
to take up its case (`appeal`): one it trusts, whose own preferences on the open
issues that threaten it lie close to its own (`sympathy`: what the host itself
would make of the asker's best options there), and whose word carries weight with
the rest (an essential party, whose walkout would end the conference). So Germany
seeks Lloyd George, not the Soviets, who want Article 116 pressed; refused, it
turns to the next (Italy, then Japan).

Receiving: the host weighs its own trust in the asker against its partners'
distrust of the asker, each partner counted by the host's own regard for it
(receiving someone your trusted partners distrust costs you with them; a partner
you distrust has no claim on your faith), and a host pressed for a deal at home is
a little readier to listen; so is a host who stands to lose if the asker, left
outside, signs a side deal of its own without it (`side_deal`), in its stances and
in the aims that deal would break (`side_deal_aims`: Britain's "no fierce friendship").
And it counts the price the scenario puts on a reception (`received`,
`expected_aims_lost`): the events a reception would set off (Barthou's protest at
Genoa) and what they would do to its own aims, the same score a team is judged by.
So Lloyd George receives Rathenau when the Entente is warm enough that Paris does not
protest, and keeps him waiting when it would cost Britain its Entente aim. The
Soviets, who distrust France and Belgium, weigh those partners' distrust of Germany
at a fraction (under half of what they would at Genoa's start if they counted every
partner alike), and a game in which Germany kept the Allies' trust plays out
differently. The answer's note says which of these decided (`answer`).
"""

from __future__ import annotations

import dataclasses

import numpy as np

from game.engine import actions as A
from game.engine.conditions import holds
from game.engine.effects import apply_effects
from game.engine.state import Audience, AudienceStatus, GameState, Signature
from game.engine.utility import table

#: How often a delegation asks, in all, before it gives up on an instrument (Rathenau tried three times).
MAX_ASKS = 3
#: How often it asks the same host: once. A host that refused has given its answer, and asking again
#: would only cost the asker more trust and pressure; the next ask goes to the next most likely party.
MAX_ASKS_PER_HOST = 1
#: How much a host's pressure from home inclines it to receive (per unit of pressure, 0-1).
PRESSURE_WEIGHT = 0.3


#: How much an instrument it is not party to must be able to cost a delegation (utility points,
#: 0-100) before it asks that instrument's parties to hear it.
THREAT_MIN = 10.0
#: Utility points (0-100) of a side deal the asker could sign without the host that weigh as much,
#: in the host's willingness to receive it, as the whole range of trust (Lloyd George's fear of a
#: German-Soviet "fierce friendship" against the cost of receiving Rathenau with France watching).
SIDE_DEAL_SCALE = 35.0
#: Host utility points (0-100) on the threatening issues that weigh, in whom the asker turns to, as
#: much as 50 points of the asker's trust: a host that would itself lose 2 points by the asker's best
#: options is as poor a hope as one trusted 50 points less. Small, because a host's stake in another's
#: grievance is usually small (Britain's in Article 116 is a point or two), yet its sign decides.
SYMPATHY_SCALE = 2.0
#: The appeal (in units of 50 trust points) of a host whose walkout would end the conference: its word
#: carries the asker's case to the other parties (Lloyd George, not the smaller delegations).
ESSENTIAL_APPEAL = 0.5

#: Score points (0-100, the weighted share of its aims) whose loss weighs, in the host's willingness to
#: receive, as much as the whole range of trust: Britain's Entente aim (3 of 10) is 30 points, so a
#: reception that would set off Barthou's protest outweighs any pressure from home.
AIMS_SCALE = 15.0
#: How likely a host takes it, at the first sitting, that an asker it refuses goes on to sign its side
#: deal; the risk falls with the sittings left (`1 - time_fraction`), since a late refusal leaves the
#: asker little time. The aims that deal would break count at this risk (at Genoa a Germany refused by
#: every host signs Rapallo in most full-length games).
SIDE_DEAL_RISK = 1.0
#: Trust points (0-100) by which the quarrel a reception starts may outrun what the scenario's events say:
#: later quarrels come on top (at Genoa, French trust in a Britain that had received Rathenau ended 2-8
#: points below where the protest left it). The host averages its aims over falls deepened by 0 to this.
PRUDENCE = 20.0
#: How many depths of that quarrel, evenly spaced from none to PRUDENCE, the host averages over.
ECHOES = 5
#: Events whose chance of following a reception is at least this are counted on when a host weighs it.
LIKELY = 0.5

#: The answer notes (a closed set, worded in game/ai/explain.py and the catalogs).
GRANT_TRUST = "values the asker's trust"
GRANT_SIDE_DEAL = "fears a side deal without it"
GRANT_PRESSURE = "pressed at home for a deal"
REFUSE_PARTNERS = "keeps faith with its partners"
REFUSE_DISTRUST = "distrusts the asker"
REFUSE_AIMS = "receiving would cost it one of its aims"
#: How many of the partners whose distrust weighed most a refusal names.
CRITICS_NAMED = 2


def threat(s: GameState, d: int, instrument: int) -> float:
    """The most `d` could lose if the instrument were signed without it: per open issue of its
    scope, leaving the issue open less the worst option, in d's own utility points."""
    t = table(s, d)
    return sum(t.unsettled[i] - min(t.contrib[i]) for i in s.cs.scope[instrument] if s.settled[i] < 0)


def sympathy(s: GameState, d: int, host: int, instrument: int) -> float:
    """How much the host itself would gain (utility points, its own table) if the open issues of the
    instrument went the asker's way: per issue, the host's value of the asker's best option less its
    value of the asker's worst, weighted by the asker's stake in the issue. Negative: the host wants
    what the asker fears (the Soviets and Article 116)."""
    td, th = table(s, d), table(s, host)
    num = den = 0.0
    for i in s.cs.scope[instrument]:
        if s.settled[i] >= 0:
            continue
        row = td.contrib[i]
        stake = max(row) - min(row)
        if stake <= 0:
            continue
        best, worst = row.index(max(row)), row.index(min(row))
        num += stake * (th.contrib[i][best] - th.contrib[i][worst])
        den += stake
    return num / den if den else 0.0


def appeal(s: GameState, d: int, host: int, instrument: int) -> float:
    """How likely the host is to take up d's case (units of 50 trust points): trust, sympathy, weight."""
    essential = ESSENTIAL_APPEAL if s.cs.delegation(host).essential else 0.0
    return float(s.relations[d, host]) / 50.0 + sympathy(s, d, host, instrument) / SYMPATHY_SCALE + essential


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
            if sum(a.host == h for a in asked) >= MAX_ASKS_PER_HOST:
                continue  # it has had this host's answer
            key = (appeal(s, d, h, k), float(s.relations[d, h]), -h)
            if best is None or key > best:
                best = key
    if best is None:
        return None
    return A.RequestAudience(cs.delegation_ids[d], cs.delegation_ids[-int(best[2])])


def _critics(s: GameState, host: int, asker: int) -> dict[int, float]:
    """Each partner's distrust of the asker as it weighs with the host (units of `willingness`, before
    dividing by the number of partners): its distrust below 50, counted in proportion to the host's
    regard for it (its trust): once for a partner the host trusts as it would a stranger (50), twice
    for one it trusts completely, not at all for one it distrusts completely. Partners: the other
    parties of the unsigned instruments the host is party to and the asker is not."""
    cs = s.cs
    partners: set[int] = set()
    for k in range(len(cs.instrument_ids)):
        if host in cs.parties[k] and asker not in cs.parties[k] and not s.is_signed(k):
            partners.update(p for p in s.active_parties(k) if p not in (host, asker))
    return {p: float(s.relations[host, p]) / 50.0 * (50.0 - float(s.relations[p, asker])) / 50.0 for p in sorted(partners)}


def received(s: GameState, host: int, asker: int) -> GameState:
    """The state as the host foresees it if it receives the asker now: the request granted, and the
    scenario's likely consequences of that applied (the events a reception would set off that would
    not come without it, such as Barthou's protest at Genoa), as far as the host can know them
    from the rules every delegation plays by. Dates are not checked: a consequence held back by its
    date still comes."""
    cs = s.cs
    mine = next((a for a in s.audiences if a.asker == asker and a.host == host and a.status is AudienceStatus.ASKED), None)
    if mine is None:
        mine = Audience(len(s.audiences) + 1, s.turn, asker, host)
        audiences = (*s.audiences, dataclasses.replace(mine, status=AudienceStatus.GRANTED, answered=s.turn))
    else:
        audiences = tuple(dataclasses.replace(a, status=AudienceStatus.GRANTED, answered=s.turn) if a is mine else a for a in s.audiences)
    after = s.evolve(audiences=audiences)
    for k, ev in enumerate(cs.scenario.events):
        if ev.optional or ev.when is None or ev.chance < LIKELY or s.fired[k] < 0 or (s.fired[k] > 0 and not ev.repeat):
            continue
        if holds(ev.when, after) and not holds(ev.when, s):
            fired = list(after.fired)
            fired[k] += 1
            after = apply_effects(after.evolve(fired=tuple(fired)), ev.effects)
    return after


def _echo(s: GameState, after: GameState, extra: float) -> GameState:
    """`after` with every fall in trust it shows (against `s`) deepened by `extra` points."""
    fell = after.relations < s.relations
    if not fell.any() or extra <= 0:
        return after
    rel = np.where(fell, np.maximum(after.relations - extra, 0.0), after.relations)
    rel.flags.writeable = False
    return after.evolve(relations=rel)


def expected_aims_lost(s: GameState, host: int, after: GameState) -> float:
    """`aims_lost` averaged over how far the quarrel a reception starts may go: the falls in trust it
    foresees as they are, and deepened by up to PRUDENCE points (ECHOES steps). An aim that only just
    survives the protest counts as half lost, one that survives it with PRUDENCE to spare not at all."""
    return sum(aims_lost(s, host, _echo(s, after, PRUDENCE * k / (ECHOES - 1))) for k in range(ECHOES)) / ECHOES


def aims_lost(s: GameState, host: int, after: GameState) -> float:
    """Score points (0-100) of the host's aims that hold now and would not in `after`, less those
    that would newly hold: what the host's result would lose if the game ended on each."""
    aims = s.cs.delegation(host).aims
    total = sum(a.weight for a in aims)
    if not total:
        return 0.0
    return 100.0 * sum(a.weight * (holds(a.when, s) - holds(a.when, after)) for a in aims) / total


def side_deal_aims(s: GameState, host: int, asker: int) -> float:
    """Score points (0-100) of the host's aims that the worst side deal the asker could sign without it
    would break (Britain's "no fierce friendship" and Rapallo), read as if it were signed now."""
    signed = (s.evolve(signed=(*s.signed, Signature(k, (), s.turn, 0))) for k in _side_deals(s, host, asker))
    return max([0.0, *(aims_lost(s, host, after) for after in signed)])


def _parts(s: GameState, host: int, asker: int) -> tuple[float, float, float, float, float]:
    """The host's own trust, its partners' distrust (weighted by its regard for each), its pressure,
    its fear of a side deal and the aims a reception would cost it, each in the units of
    `willingness` (the trust range is 1)."""
    own = (float(s.relations[host, asker]) - 50.0) / 50.0
    critics = _critics(s, host, asker)
    distrust = sum(critics.values()) / len(critics) if critics else 0.0
    lost = expected_aims_lost(s, host, received(s, host, asker)) / AIMS_SCALE
    risk = SIDE_DEAL_RISK * (1.0 - s.time_fraction())
    fear = side_deal(s, host, asker) / SIDE_DEAL_SCALE + risk * side_deal_aims(s, host, asker) / AIMS_SCALE
    return own, distrust, PRESSURE_WEIGHT * s.pressure[host], fear, lost


def willingness(s: GameState, host: int, asker: int) -> float:
    """Positive: receiving the asker serves the host's interests; negative: it costs more with its
    partners, or in the aims a reception would break."""
    own, distrust, pressure, fear, lost = _parts(s, host, asker)
    return own - distrust + pressure + fear - lost


def side_deal(s: GameState, host: int, asker: int) -> float:
    """The most the host could lose (utility points) by the instruments the asker can sign without it."""
    return max([0.0, *(threat(s, host, k) for k in _side_deals(s, host, asker))])


def _side_deals(s: GameState, host: int, asker: int) -> list[int]:
    """The unsigned instruments the asker is party to and the host is not: what it could sign without it."""
    cs = s.cs
    return [k for k in range(len(cs.instrument_ids)) if asker in cs.parties[k] and host not in cs.parties[k] and not s.is_signed(k)]


def answer(s: GameState, host: int, a: Audience) -> A.AnswerAudience:
    """Grant or refuse, with the reason in the AI's usual terms (trust on the 0-100 scale) and a
    note naming what decided: on a refusal the larger of its partners' weighted distrust (the
    `deciding` ids are then the partners whose distrust weighed most, delegation ids, not issues)
    and its own distrust; on a grant the largest of its trust, its fear of a side deal and its pressure."""
    cs = s.cs
    own, distrust, pressure, fear, lost = _parts(s, host, a.asker)
    w = own - distrust + pressure + fear - lost
    grant = w >= 0
    trust = float(s.relations[host, a.asker])
    deciding: tuple[str, ...] = ()
    if grant:
        note = max(((own, GRANT_TRUST), (fear, GRANT_SIDE_DEAL), (pressure, GRANT_PRESSURE)))[1]
    elif lost > 0 and lost >= distrust and lost >= -own:
        note = REFUSE_AIMS
        deciding = _offended(s, host, a.asker)
    elif distrust >= -own:
        note = REFUSE_PARTNERS
        weighed = sorted(((x, p) for p, x in _critics(s, host, a.asker).items() if x > 0), key=lambda xp: (-xp[0], xp[1]))
        deciding = tuple(cs.delegation_ids[p] for _, p in weighed[:CRITICS_NAMED])
    else:
        note = REFUSE_DISTRUST
    reasons = A.Reasons(round(min(100.0, max(0.0, 50 + 50 * w)), 2), 50.0, trust, deciding, note)
    return A.AnswerAudience(cs.delegation_ids[host], a.id, grant, reasons)


def _offended(s: GameState, host: int, asker: int) -> tuple[str, ...]:
    """The delegation (id) whose trust in the host a reception would lower most, as the host foresees it."""
    cs = s.cs
    after = received(s, host, asker)
    drops = sorted((float(after.relations[p, host] - s.relations[p, host]), p) for p in range(cs.n_delegations) if p != host)
    return tuple(cs.delegation_ids[p] for x, p in drops[:1] if x < 0)
