"""The rules of a conference: start a game, and step it by one action.

`step(state, action)` is the engine's one door: it checks the action, returns
the next state and the log entries it produced, or raises `IllegalAction`
with a reason a student can act on. The UI, the CLI, the AI driver and the
replay of a save all go through it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import assert_never

import numpy as np

from game.engine import actions as A
from game.engine.compiled import CompiledScenario, UnknownLength
from game.engine.conditions import holds
from game.engine.effects import apply_effects
from game.engine.legal import MAX_STATEMENT, IllegalAction, check, extra_dates, package_indexes, refuse, validate
from game.engine.log import LogEntry, LogKind
from game.engine.refusals import Code as R
from game.engine.rng import SeedKey, stream
from game.engine.state import Audience, AudienceStatus, EndReason, GameState, Proposal, ProposalStatus, Signature, Snapshot
from game.engine.utility import table
from game.engine.variety import varied

# the checks live in legal.py; these names are the engine's door, so they stay importable from here
__all__ = ["MAX_STATEMENT", "IllegalAction", "Step", "check", "new_game", "package_indexes", "step"]

DICE_PER_DELEGATION = 8  # uniform draws per delegation per sitting, for the AI
AUDIENCE_REFUSED_PRESSURE = 0.05  # pressure from home on a delegation refused an audience: it was shut out


@dataclasses.dataclass(frozen=True)
class Step:
    state: GameState
    entries: tuple[LogEntry, ...]


# --- starting ---------------------------------------------------------------------


def new_game(
    cs: CompiledScenario,
    seed: int | SeedKey,
    length_id: str = "full",
    humans: Iterable[str] = (),
) -> GameState:
    """A conference at its first sitting, the opening news already fired."""
    key: SeedKey = (seed,) if isinstance(seed, int) else tuple(seed)
    try:
        sittings = cs.sittings(length_id)
    except UnknownLength as unknown:  # its message names the lengths on offer (and the nearest one)
        raise IllegalAction(str(unknown), cs) from None
    human_idx = set()
    for h in humans:
        if h not in cs.d_index:
            raise refuse(cs, R.UNKNOWN_DELEGATION, delegation=h)
        human_idx.add(cs.d_index[h])
    temper = stream(key, "temperament").lognormal(0.0, 0.3, cs.n_delegations)
    s = GameState(
        cs=cs,
        seed=key,
        length_id=length_id,
        sittings=sittings,
        turn=0,
        order=(),
        cursor=0,
        humans=frozenset(human_idx),
        stances=cs.stances,
        positions=cs.positions,
        pressure=cs.pressure,
        relations=cs.relations,
        costs=cs.costs,
        temperament=tuple(float(x) for x in temper),
        settled=(-1,) * cs.n_issues,
        fired=(0,) * len(cs.scenario.events),
        dice=np.zeros((cs.n_delegations, DICE_PER_DELEGATION)),
    )
    s = varied(s)
    opening = LogEntry(0, sittings[0].isoformat(), LogKind.OPENING, data={"scenario": cs.scenario.id, "length": length_id})
    s = s.evolve(log=(opening,))
    s, _ = _begin_sitting(s)
    return s


def _entry(s: GameState, kind: LogKind, actor: str | None = None, audience: frozenset[str] | None = None, /, **data: object) -> LogEntry:
    return LogEntry(s.turn + 1, s.date.isoformat(), kind, actor, audience, data)


def _begin_sitting(s: GameState) -> tuple[GameState, list[LogEntry]]:
    cs = s.cs
    rng = stream(s.seed, "sitting", s.turn)
    dice = rng.random((cs.n_delegations, DICE_PER_DELEGATION))
    dice.flags.writeable = False
    entries = [_entry(s, LogKind.SITTING, number=s.turn + 1, of=s.n_turns)]
    s = s.evolve(dice=dice)
    event_draws = rng.random(max(1, len(cs.scenario.events)))
    for k, ev in enumerate(cs.scenario.events):
        if ev.optional or s.fired[k] < 0 or (s.fired[k] > 0 and not ev.repeat):
            continue
        due = s.event_dates[k] if s.event_dates else ev.date
        if due is not None and due > s.date:
            continue
        if ev.until is not None and ev.until < s.date:
            continue
        if ev.when is not None and not holds(ev.when, s):
            continue
        if event_draws[k] >= ev.chance:
            once = ev.when is None if ev.per_sitting is None else not ev.per_sitting
            if once:  # one draw only: the event had its chance
                fired = list(s.fired)
                fired[k] = -1
                s = s.evolve(fired=tuple(fired))
            continue
        s, fired_entries = _fire(s, k)
        entries.extend(fired_entries)
    order = [d for d in cs.actors if d not in s.walked_out]
    perm = rng.permutation(len(order))
    s = s.evolve(order=tuple(order[j] for j in perm), cursor=0, answering=False)
    return _with_log(s, entries), entries


def _fire(s: GameState, k: int, by_teacher: bool = False) -> tuple[GameState, list[LogEntry]]:
    ev = s.cs.event(k)
    fired = list(s.fired)
    fired[k] = max(fired[k], 0) + 1
    s = s.evolve(fired=tuple(fired))
    before = s.leaked
    s = apply_effects(s, list(ev.effects))
    audience = frozenset(ev.audience) if ev.audience else None
    entry = _entry(s, LogKind.EVENT, "teacher" if by_teacher else None, audience, event=ev.id)
    return s, [entry, *_leak_entries(s, before)]


def _leak_entries(s: GameState, before: frozenset[int]) -> list[LogEntry]:
    """Public entries for newly leaked instruments: the secret SIGNED entry stays private,
    so without these a leak would change nothing a non-party can read in the log."""
    return [_entry(s, LogKind.LEAK, None, None, instrument=s.cs.instrument_ids[k], signed=s.is_signed(k)) for k in sorted(s.leaked - before)]


def _with_log(s: GameState, entries: list[LogEntry]) -> GameState:
    return s.evolve(log=s.log + tuple(entries)) if entries else s


# --- stepping ---------------------------------------------------------------------


def step(s: GameState, action: A.Action) -> Step:
    """Apply one action; raises IllegalAction (and changes nothing) if it is not allowed."""
    validate(s, action)
    n0 = len(s.log)
    s = _apply(s, action)
    return Step(s, s.log[n0:])


def _apply(s: GameState, action: A.Action) -> GameState:
    """The state after a validated action: one function per action type."""
    match action:
        case A.FireEvent():
            s, fired_entries = _fire(s, s.cs.event_index[action.event], by_teacher=True)
            return _with_log(s, fired_entries)
        case A.News():
            return _with_log(s, [_entry(s, LogKind.TEACHER, "teacher", what="news", title=action.title, text=action.text)])
        case A.MoveEnd():
            return _move_end(s, action)
        case A.EndNow():
            s = _with_log(s, [_entry(s, LogKind.TEACHER, "teacher", what="end_now", reason=action.reason)])
            return _end(s, EndReason.TEACHER)
        case A.SetControl():
            return _set_control(s, action)
        case A.RequestAudience():
            return _request_audience(s, action)
        case A.AnswerAudience():
            return _answer_request(s, action)
        case A.Respond():
            return _respond(s, action)
        case A.Propose() | A.Shift() | A.Statement() | A.Walkout() | A.Pass():
            return _main_move(s, action)
        case _:
            assert_never(action)


def _move_end(s: GameState, action: A.MoveEnd) -> GameState:
    if action.delta < 0:
        sittings = s.sittings[: len(s.sittings) + action.delta]
    else:
        sittings = s.sittings + tuple(extra_dates(s, action.delta))
    s = s.evolve(sittings=sittings)
    s = _with_log(s, [_entry(s, LogKind.TEACHER, "teacher", what="move_end", delta=action.delta, last=sittings[-1].isoformat())])
    if s.turn >= len(sittings) - 1 and s.cursor >= len(s.order):
        return _end(s, EndReason.CALENDAR)
    return s


def _set_control(s: GameState, action: A.SetControl) -> GameState:
    d = s.cs.d_index[action.delegation]
    humans = s.humans | {d} if action.human else s.humans - {d}
    s = s.evolve(humans=frozenset(humans))
    return _with_log(s, [_entry(s, LogKind.TEACHER, "teacher", what="control", delegation=action.delegation, human=action.human)])


def _request_audience(s: GameState, action: A.RequestAudience) -> GameState:
    cs = s.cs
    a = Audience(len(s.audiences) + 1, s.turn, cs.d_index[action.actor], cs.d_index[action.host])
    s = s.evolve(audiences=(*s.audiences, a))
    audience = frozenset({action.actor, action.host})
    return _with_log(s, [_entry(s, LogKind.AUDIENCE, action.actor, audience, audience=a.id, host=action.host, **_why(action.rationale))])


def _answer_request(s: GameState, action: A.AnswerAudience) -> GameState:
    cs = s.cs
    a = s.audiences[action.audience - 1]
    s = _answer_audience(s, a, AudienceStatus.GRANTED if action.grant else AudienceStatus.REFUSED)
    asker = cs.delegation_ids[a.asker]
    entry = _entry(
        s,
        LogKind.AUDIENCE_ANSWER,
        action.actor,
        frozenset({action.actor, asker}),
        audience=a.id,
        asker=asker,
        answer="granted" if action.grant else "refused",
        **_reasons(action.reasons),
        **_why(action.rationale),
    )
    return _with_log(s, [entry])


def _respond(s: GameState, action: A.Respond) -> GameState:
    cs = s.cs
    p = s.proposals[action.proposal - 1]
    if p.answer_of(cs.d_index[action.actor]) is not None:  # a refusal of this turn says what would change it
        entry = _entry(
            s,
            LogKind.ANSWER,
            action.actor,
            _audience(s, p),
            proposal=p.id,
            answer="reject",
            instrument=cs.instrument_ids[p.instrument],
            **_want(action),
            amends=True,
            **_why(action.rationale),
        )
        return _with_log(s, [entry])
    status = ProposalStatus.REJECTED if action.answer is A.Answer.REJECT else ProposalStatus.OPEN
    p = dataclasses.replace(p, answers=(*p.answers, (cs.d_index[action.actor], action.answer)), status=status)
    s = _replace_proposal(s, p)
    entry = _entry(
        s,
        LogKind.ANSWER,
        action.actor,
        _audience(s, p),
        proposal=p.id,
        answer=action.answer.value,
        instrument=cs.instrument_ids[p.instrument],
        **_reasons(action.reasons),
        **_want(action),
        **_why(action.rationale),
    )
    return _with_log(s, [entry])


def _main_move(s: GameState, action: A.MoveAction) -> GameState:
    """A move that ends the actor's turn: its own change, then the turn passes on (and the sitting
    may close). An essential delegation's walkout ends the conference at once."""
    d = s.cs.d_index[action.actor]
    match action:
        case A.Propose():
            s, entries = _propose(s, d, action)
        case A.Shift():
            s, entries = _shift(s, d, action)
        case A.Statement():
            extra = {"issue": action.issue} if action.issue else {}
            entries = [_entry(s, LogKind.STATEMENT, action.actor, text=action.text, statement=action.kind.value, **extra, **_why(action.rationale))]
        case A.Pass():
            entries = [_entry(s, LogKind.PASS, action.actor, **_why(action.rationale))]
        case A.Walkout():
            s, entries = _walk_out(s, d, action)
            if s.cs.delegation(d).essential:
                return _end(_with_log(s, entries), EndReason.WALKOUT)
        case _:
            assert_never(action)
    s = s.evolve(log=s.log + tuple(entries), cursor=s.cursor + 1)
    if s.cursor >= len(s.order):
        s = _closing_round(s) if s.turn + 1 >= s.n_turns and not s.answering else s
        if s.cursor >= len(s.order):
            s = _resolve_sitting(s)
    return s


def _propose(s: GameState, d: int, action: A.Propose) -> tuple[GameState, list[LogEntry]]:
    cs = s.cs
    me = action.actor
    entries: list[LogEntry] = []
    k = cs.inst_index[action.instrument]
    if action.counter_to is not None:
        old = s.proposals[action.counter_to - 1]
        old = dataclasses.replace(old, answers=(*old.answers, (d, A.Answer.REJECT)), status=ProposalStatus.REJECTED)
        s = _replace_proposal(s, old)
        entries.append(
            _entry(
                s,
                LogKind.ANSWER,
                me,
                _audience(s, old),
                proposal=old.id,
                answer="reject",
                instrument=cs.instrument_ids[old.instrument],
                countered=True,
            )
        )
    # a delegation's newer proposal on the same instrument replaces its older one
    for old in s.open_proposals():
        if old.proposer == d and old.instrument == k:
            s = _replace_proposal(s, dataclasses.replace(old, status=ProposalStatus.LAPSED))
    to = None
    if action.to:
        to = frozenset(cs.d_index[x] for x in action.to if cs.d_index[x] != d)
    p = Proposal(len(s.proposals) + 1, s.turn, d, k, package_indexes(s, k, action.package), to, counter_to=action.counter_to)
    s = s.evolve(proposals=(*s.proposals, p))
    if to is not None:
        s = _consulted(s, p)
    entries.append(
        _entry(
            s,
            LogKind.PROPOSAL,
            me,
            _audience(s, p),
            proposal=p.id,
            instrument=action.instrument,
            package=dict(action.package),
            to=sorted(action.to) if action.to else "plenary",
            **_reasons(action.reasons),
            **_why(action.rationale),
        )
    )
    return s, entries


def _shift(s: GameState, d: int, action: A.Shift) -> tuple[GameState, list[LogEntry]]:
    cs = s.cs
    i = cs.i_index[action.issue]
    positions = list(s.positions)
    old_opt = cs.option_ids[i][positions[d * cs.n_issues + i]]
    positions[d * cs.n_issues + i] = cs.option_ids[i].index(action.option)
    s = s.evolve(positions=tuple(positions))
    why = {**_reasons(action.reasons), **_why(action.rationale)}
    return s, [_entry(s, LogKind.POSITION, action.actor, issue=action.issue, option=action.option, was=old_opt, **why)]


def _walk_out(s: GameState, d: int, action: A.Walkout) -> tuple[GameState, list[LogEntry]]:
    cs = s.cs
    s = s.evolve(walked_out=s.walked_out | {d})
    for old in s.open_proposals():
        if old.proposer == d or d in cs.parties[old.instrument]:
            s = _replace_proposal(s, dataclasses.replace(old, status=ProposalStatus.LAPSED))
    why = {**_reasons(action.reasons), **_why(action.rationale)}
    return s, [_entry(s, LogKind.WALKOUT, action.actor, essential=cs.delegation(d).essential, **why)]


def _answer_audience(s: GameState, a: Audience, status: AudienceStatus) -> GameState:
    """Record the answer; the asker's trust in the host moves by its `consulted_trust`: up when
    received, down when refused or put off (and it feels the pressure of being shut out)."""
    cs = s.cs
    gain = cs.delegation(a.asker).consulted_trust
    rel = s.relations.copy()
    delta = gain if status is AudienceStatus.GRANTED else -gain
    rel[a.asker, a.host] = min(100.0, max(0.0, float(rel[a.asker, a.host]) + delta))
    rel.flags.writeable = False
    audiences = list(s.audiences)
    audiences[a.id - 1] = dataclasses.replace(a, status=status, answered=s.turn)
    pressure = s.pressure
    if status is AudienceStatus.REFUSED:
        pressure = tuple(min(1.0, x + AUDIENCE_REFUSED_PRESSURE) if k == a.asker else x for k, x in enumerate(s.pressure))
    return s.evolve(relations=rel, audiences=tuple(audiences), pressure=pressure)


def _closing_round(s: GameState) -> GameState:
    """In the last sitting, every addressee gets to answer every proposal still open, whatever
    its seat: otherwise a proposal made late in the sitting could never be signed."""
    waiting = tuple(d for d in s.order if d not in s.walked_out and s.pending_for(d))
    if not waiting:
        return s
    return s.evolve(order=waiting, cursor=0, answering=True)


def _consulted(s: GameState, p: Proposal) -> GameState:
    """Outsiders brought into private talks trust the host more: being consulted is what
    excluded delegations (Germany at the Villa d'Albertis) missed.

    Only genuine consultation counts: the outsider must have a stake in what the instrument
    settles and be offered a package it could put its name to (no worse for it than leaving
    those issues open). And it counts less each time the same host consults it again
    (halved each time), so naming a delegation on a stream of proposals is no trust pump."""
    cs = s.cs
    assert p.to is not None
    outsiders = [t for t in p.to if t not in cs.parties[p.instrument] and cs.delegation(t).consulted_trust > 0]
    if not outsiders:
        return s
    rel = s.relations.copy()
    changed = False
    for t in outsiders:
        if not _could_sign(s, t, p):
            continue
        before = sum(
            1
            for q in s.proposals
            if q.id != p.id and q.proposer == p.proposer and q.to is not None and t in q.to and t not in cs.parties[q.instrument]
        )
        gain = cs.delegation(t).consulted_trust * 0.5**before
        rel[t, p.proposer] = min(100.0, float(rel[t, p.proposer]) + gain)
        changed = True
    if not changed:
        return s
    rel.flags.writeable = False
    return s.evolve(relations=rel)


def _could_sign(s: GameState, d: int, p: Proposal) -> bool:
    """Whether delegation d has a stake in the proposal's issues and finds its package no worse than leaving them open."""
    t = table(s, d)
    scope = s.cs.scope[p.instrument]
    if not any(t.spread[i] > 0 for i in scope):
        return False
    offered = sum(t.contrib[i][o] for i, o in zip(scope, p.package, strict=True))
    return offered >= sum(t.unsettled[i] for i in scope)


def _reasons(r: A.Reasons | None) -> dict[str, object]:
    if r is None:
        return {}
    out: dict[str, object] = {
        "value": round(r.value, 2),
        "aspiration": round(r.aspiration, 2),
        "alternative": round(r.alternative, 2),
        "deciding": list(r.deciding),
        "note": r.note,
    }
    if r.wanted:
        out["wanted"] = list(r.wanted)
    if r.chance is not None:
        out["chance"] = round(r.chance, 3)
    if r.stated:
        out["stated"] = list(r.stated)
    if r.cost is not None:
        out["cost"] = round(r.cost, 2)
    if r.positions_met:
        out["positions_met"] = True
    return {"reasons": out}


def _want(action: A.Respond) -> dict[str, object]:
    """A refusal's `want` as the record keeps it (nothing when it says none)."""
    return {} if action.want is None else {"want": {"issue": action.want[0], "option": action.want[1]}}


def _why(rationale: str) -> dict[str, object]:
    return {"rationale": rationale} if rationale else {}


def _audience(s: GameState, p: Proposal) -> frozenset[str] | None:
    if p.to is None:
        return None
    return frozenset(s.cs.delegation_ids[x] for x in p.to | {p.proposer})


def _replace_proposal(s: GameState, p: Proposal) -> GameState:
    proposals = list(s.proposals)
    proposals[p.id - 1] = p
    return s.evolve(proposals=tuple(proposals))


def _resolve_sitting(s: GameState) -> GameState:
    cs = s.cs
    entries: list[LogEntry] = []
    for p in s.open_proposals():
        p = s.proposals[p.id - 1]  # a signature earlier in this loop may have withdrawn it
        if p.status is not ProposalStatus.OPEN:
            continue
        parties = s.active_parties(p.instrument)
        if s.is_signed(p.instrument) or any(x in s.walked_out for x in parties):
            s = _replace_proposal(s, dataclasses.replace(p, status=ProposalStatus.LAPSED))
            continue
        if all(x == p.proposer or p.answer_of(x) is A.Answer.ACCEPT for x in parties):
            s = _sign(s, p, entries)
            if s.ended:
                return s
        elif p.turn < s.turn:
            s = _replace_proposal(s, dataclasses.replace(p, status=ProposalStatus.LAPSED))
            entries.append(_entry(s, LogKind.LAPSED, None, _audience(s, p), proposal=p.id, instrument=cs.instrument_ids[p.instrument]))
    for a in s.audiences:  # a request not answered by the end of the sitting after it was made is put off
        if a.status is AudienceStatus.ASKED and a.turn < s.turn:
            s = _answer_audience(s, a, AudienceStatus.REFUSED)
            entries.append(
                _entry(
                    s,
                    LogKind.AUDIENCE_ANSWER,
                    cs.delegation_ids[a.host],
                    frozenset({cs.delegation_ids[a.host], cs.delegation_ids[a.asker]}),
                    audience=a.id,
                    asker=cs.delegation_ids[a.asker],
                    answer="put_off",
                )
            )
    growth = [cs.delegation(d).pressure_growth for d in range(cs.n_delegations)]
    pressure = tuple(min(1.0, x + g) for x, g in zip(s.pressure, growth, strict=True))
    snap = Snapshot(s.turn + 1, s.positions, tuple(float(x) for x in s.relations.ravel()), s.pressure)
    s = s.evolve(pressure=pressure, history=(*s.history, snap))
    s = _with_log(s, entries)
    if s.turn + 1 >= s.n_turns:
        return _end(s, EndReason.CALENDAR)
    if all(s.is_signed(k) or any(p in s.walked_out for p in s.active_parties(k)) for k in range(len(cs.instrument_ids))):
        return _end(s, EndReason.SETTLED)
    s = s.evolve(turn=s.turn + 1)
    s, _ = _begin_sitting(s)
    return s


def _sign(s: GameState, p: Proposal, entries: list[LogEntry]) -> GameState:
    cs = s.cs
    inst = cs.instrument(p.instrument)
    settled = list(s.settled)
    for i, o in zip(cs.scope[p.instrument], p.package, strict=True):
        settled[i] = o
    s = _replace_proposal(s, dataclasses.replace(p, status=ProposalStatus.SIGNED))
    paid = tuple(float(s.costs[p.instrument, x]) for x in cs.parties[p.instrument])
    s = s.evolve(settled=tuple(settled), signed=(*s.signed, Signature(p.instrument, p.package, s.turn, p.id, paid)))
    secret = inst.secret and p.instrument not in s.leaked
    audience = frozenset(cs.delegation_ids[x] for x in cs.parties[p.instrument]) if secret else None
    package = {cs.issue_ids[i]: cs.option_ids[i][o] for i, o in zip(cs.scope[p.instrument], p.package, strict=True)}
    entries.append(_entry(s, LogKind.SIGNED, cs.delegation_ids[p.proposer], audience, instrument=inst.id, proposal=p.id, package=package))
    before = s.leaked
    s = apply_effects(s, list(inst.effects))
    entries.extend(_leak_entries(s, before))
    for other in s.open_proposals():
        if other.instrument == p.instrument:  # the same instrument is done
            s = _replace_proposal(s, dataclasses.replace(other, status=ProposalStatus.LAPSED))
    # another whose package contradicts what is now settled can no longer be signed: withdrawn, and said so
    s = _withdraw_contradicting(s, p, entries)
    if inst.ends_conference:
        s = _with_log(s, entries)
        entries.clear()
        return _end(s, EndReason.SIGNED)
    return s


def _withdraw_contradicting(s: GameState, signed: Proposal, entries: list[LogEntry]) -> GameState:
    """Settled means settled: an open proposal on another instrument that puts an issue the
    signature just settled on a different option can never be signed, so it is withdrawn now
    (logged as a lapse with the instrument and issue that overtook it) rather than signed later
    over the first settlement."""
    cs = s.cs
    for other in s.open_proposals():
        clash = [i for i, o in zip(cs.scope[other.instrument], other.package, strict=True) if s.settled[i] >= 0 and s.settled[i] != o]
        if not clash:
            continue
        s = _replace_proposal(s, dataclasses.replace(other, status=ProposalStatus.LAPSED))
        entries.append(
            _entry(
                s,
                LogKind.LAPSED,
                None,
                _audience(s, other),
                proposal=other.id,
                instrument=cs.instrument_ids[other.instrument],
                withdrawn=True,
                settled_by=cs.instrument_ids[signed.instrument],
                issue=cs.issue_ids[clash[0]],
            )
        )
    return s


def _end(s: GameState, reason: EndReason) -> GameState:
    cs = s.cs
    s = s.evolve(ended=True, end_reason=reason)
    outcome = len(cs.scenario.outcomes) - 1
    for k, out in enumerate(cs.scenario.outcomes):
        if holds(out.when, s):
            outcome = k
            break
    snap = Snapshot(s.turn + 1, s.positions, tuple(float(x) for x in s.relations.ravel()), s.pressure)
    history = s.history if s.history and s.history[-1].turn == s.turn + 1 else (*s.history, snap)
    s = s.evolve(outcome=outcome, history=history)
    return _with_log(
        s,
        [_entry(s, LogKind.END, None, reason=reason.value), _entry(s, LogKind.OUTCOME, None, outcome=cs.outcome(outcome).id)],
    )
