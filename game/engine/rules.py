"""The rules of a conference: start a game, and step it by one action.

`step(state, action)` is the engine's one door: it checks the action, returns
the next state and the log entries it produced, or raises `IllegalAction`
with a reason a student can act on. The UI, the CLI, the AI driver and the
replay of a save all go through it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable

import numpy as np

from game.engine import actions as A
from game.engine.compiled import CompiledScenario, UnknownLength
from game.engine.conditions import holds
from game.engine.effects import apply_effects
from game.engine.log import LogEntry, LogKind
from game.engine.refusals import Code as R
from game.engine.refusals import Refusal, describe
from game.engine.rng import SeedKey, stream
from game.engine.state import Audience, AudienceStatus, EndReason, GameState, Proposal, ProposalStatus, Signature, Snapshot
from game.engine.utility import table
from game.engine.variety import varied
from game.scenario.models import MAX_SITTINGS

DICE_PER_DELEGATION = 8  # uniform draws per delegation per sitting, for the AI
MAX_STATEMENT = 500
AUDIENCE_REFUSED_PRESSURE = 0.05  # pressure from home on a delegation refused an audience: it was shut out


class IllegalAction(Exception):
    """An action the rules do not allow now: `refusal` says why as data (shown translated),
    `reason` in English (for logs, the command line and save errors)."""

    def __init__(self, refusal: Refusal | str, cs: CompiledScenario | None = None) -> None:
        if isinstance(refusal, str):
            refusal = Refusal.of(R.OTHER, text=refusal)
        reason = describe(refusal, cs)
        super().__init__(reason)
        self.refusal = refusal
        self.reason = reason


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
            raise _no(cs, R.UNKNOWN_DELEGATION, delegation=h)
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


# --- checking ---------------------------------------------------------------------


def check(s: GameState, action: A.Action) -> Refusal | None:
    """Why `action` is illegal now (as data: `refusals.describe` words it), or None when it is allowed."""
    try:
        _validate(s, action)
    except IllegalAction as err:
        return err.refusal
    return None


def _no(cs: CompiledScenario, code: R, **params: str | int | tuple[str, ...]) -> IllegalAction:
    return IllegalAction(Refusal.of(code, **params), cs)


def _actor(s: GameState, actor: str) -> int:
    cs = s.cs
    if actor not in cs.d_index:
        raise _no(cs, R.UNKNOWN_DELEGATION, delegation=actor)
    d = cs.d_index[actor]
    if s.actor != d:
        raise _no(cs, R.NOT_YOUR_MOVE, delegation=actor, acting=s.actor_id or "")
    return d


def package_indexes(s: GameState, instrument: int, package: tuple[tuple[str, str], ...]) -> tuple[int, ...]:
    """Option indexes for a package given as (issue, option) ids, checked against the scope."""
    cs = s.cs
    scope = cs.scope[instrument]
    given = dict(package)
    if len(given) != len(package):
        raise _no(cs, R.ISSUE_TWICE)
    scope_ids = [cs.issue_ids[i] for i in scope]
    extra = [x for x in given if x not in scope_ids]
    if extra:
        raise _no(cs, R.OUT_OF_SCOPE, issues=tuple(extra), scope=tuple(scope_ids))
    missing = [x for x in scope_ids if x not in given]
    if missing:
        raise _no(cs, R.OPTION_MISSING, issues=tuple(missing))
    out = []
    for i in scope:
        oid = given[cs.issue_ids[i]]
        if oid not in cs.option_ids[i]:
            raise _no(cs, R.UNKNOWN_OPTION, issue=cs.issue_ids[i], option=oid)
        o = cs.option_ids[i].index(oid)
        if s.settled[i] >= 0 and s.settled[i] != o:
            raise _no(cs, R.ISSUE_SETTLED, issue=cs.issue_ids[i], option=cs.option_ids[i][s.settled[i]])
        out.append(o)
    return tuple(out)


def _validate(s: GameState, action: A.Action) -> None:
    cs = s.cs
    if s.ended:
        raise _no(cs, R.CONFERENCE_OVER)
    if isinstance(action, A.FireEvent):
        if action.event not in cs.event_index:
            raise _no(cs, R.UNKNOWN_EVENT, event=action.event)
        k = cs.event_index[action.event]
        if s.fired[k] > 0 and not cs.event(k).repeat:
            raise _no(cs, R.EVENT_HAPPENED)
        return
    if isinstance(action, A.News):
        if not action.title.strip():
            raise _no(cs, R.NEWS_NEEDS_HEADLINE)
        return
    if isinstance(action, A.MoveEnd):
        new_last = len(s.sittings) - 1 + action.delta
        if new_last < s.turn:
            raise _no(cs, R.END_BEFORE_NOW)
        if len(s.sittings) + action.delta > MAX_SITTINGS:
            raise _no(cs, R.TOO_MANY_SITTINGS, limit=MAX_SITTINGS)
        if action.delta > 0 and len(_extra_dates(s, action.delta)) < action.delta:
            raise _no(cs, R.NO_MORE_SITTINGS)
        return
    if isinstance(action, A.EndNow):
        return
    if isinstance(action, A.SetControl):
        if action.delegation not in cs.d_index:
            raise _no(cs, R.UNKNOWN_DELEGATION, delegation=action.delegation)
        if cs.d_index[action.delegation] not in cs.actors:
            raise _no(cs, R.OBSERVER)
        return
    d = _actor(s, action.actor)
    if s.answering and not isinstance(action, A.Respond | A.Pass):
        raise _no(cs, R.CLOSING_ROUND)
    if isinstance(action, A.RequestAudience | A.AnswerAudience):
        _validate_audience(s, d, action)
        return
    if isinstance(action, A.Respond):
        p = _proposal(s, action.proposal)
        if p.status is not ProposalStatus.OPEN:
            raise _no(cs, R.PROPOSAL_CLOSED, proposal=p.id)
        if p.proposer == d:
            raise _no(cs, R.OWN_PROPOSAL)
        if d not in s.active_parties(p.instrument):
            raise _no(cs, R.NOT_A_PARTY_TO_ANSWER, instrument=cs.instrument_ids[p.instrument])
        if not p.seen_by(d):
            raise _no(cs, R.NOT_ADDRESSED)
        if p.answer_of(d) is not None:
            raise _no(cs, R.ALREADY_ANSWERED)
        return
    if isinstance(action, A.Propose):
        if action.instrument not in cs.inst_index:
            raise _no(cs, R.UNKNOWN_INSTRUMENT, instrument=action.instrument)
        k = cs.inst_index[action.instrument]
        title = action.instrument
        if s.is_signed(k):
            raise _no(cs, R.ALREADY_SIGNED, instrument=title)
        if d not in cs.parties[k] and not cs.delegation(d).mediator:
            raise _no(cs, R.NOT_A_PARTY, instrument=title)
        if (d, k) in s.excluded:
            raise _no(cs, R.EXCLUDED, instrument=title)
        blocked = [x for x in cs.parties[k] if x in s.walked_out and (x, k) not in s.excluded]
        if blocked:
            raise _no(cs, R.PARTY_WALKED_OUT, instrument=title, delegation=cs.delegation_ids[blocked[0]])
        package_indexes(s, k, action.package)
        if action.to:
            to = set()
            for x in action.to:
                if x not in cs.d_index:
                    raise _no(cs, R.UNKNOWN_DELEGATION, delegation=x)
                t = cs.d_index[x]
                if t == d:
                    continue
                if t in s.walked_out:
                    raise _no(cs, R.WALKED_OUT, delegation=x)
                if s.is_banned(d, t):
                    raise _no(cs, R.TALKS_BANNED, delegation=x)
                to.add(t)
            missing = [x for x in s.active_parties(k) if x != d and x not in to]
            if missing:
                raise _no(cs, R.PARTIES_MISSING, names=tuple(cs.delegation_ids[x] for x in missing))
        if action.counter_to is not None:
            p = _proposal(s, action.counter_to)
            if p not in s.pending_for(d):
                raise _no(cs, R.NOT_WAITING, proposal=p.id)
        return
    if isinstance(action, A.Shift):
        if action.issue not in cs.i_index:
            raise _no(cs, R.UNKNOWN_ISSUE, issue=action.issue)
        i = cs.i_index[action.issue]
        if s.position(d, i) < 0:
            raise _no(cs, R.NO_POSITION)
        if action.option not in cs.option_ids[i]:
            raise _no(cs, R.UNKNOWN_OPTION, issue=action.issue, option=action.option)
        if cs.option_ids[i].index(action.option) == s.position(d, i):
            raise _no(cs, R.SAME_POSITION)
        return
    if isinstance(action, A.Statement):
        if action.kind is A.StatementKind.FREE and not action.text.strip():
            raise _no(cs, R.EMPTY_STATEMENT)
        if action.issue is not None and action.issue not in cs.i_index:
            raise _no(cs, R.UNKNOWN_ISSUE, issue=action.issue)
        if len(action.text) > MAX_STATEMENT:
            raise _no(cs, R.STATEMENT_TOO_LONG, limit=MAX_STATEMENT)
        return
    if isinstance(action, A.Walkout | A.Pass):
        return
    raise _no(cs, R.UNKNOWN_ACTION, action=type(action).__name__)


def _validate_audience(s: GameState, d: int, action: A.RequestAudience | A.AnswerAudience) -> None:
    cs = s.cs
    if isinstance(action, A.AnswerAudience):
        if not 1 <= action.audience <= len(s.audiences):
            raise _no(cs, R.NO_AUDIENCE, audience=action.audience)
        a = s.audiences[action.audience - 1]
        if a.host != d:
            raise _no(cs, R.AUDIENCE_NOT_YOURS)
        if a.status is not AudienceStatus.ASKED:
            raise _no(cs, R.AUDIENCE_ANSWERED)
        return
    if action.host not in cs.d_index:
        raise _no(cs, R.UNKNOWN_DELEGATION, delegation=action.host)
    h = cs.d_index[action.host]
    if h == d:
        raise _no(cs, R.AUDIENCE_SELF)
    if h not in cs.actors:
        raise _no(cs, R.AUDIENCE_OBSERVER, delegation=action.host)
    if h in s.walked_out:
        raise _no(cs, R.WALKED_OUT, delegation=action.host)
    if s.is_banned(d, h):
        raise _no(cs, R.TALKS_BANNED, delegation=action.host)
    if any(a.asker == d and a.turn == s.turn for a in s.audiences):
        raise _no(cs, R.AUDIENCE_ONCE)
    if any(a.asker == d and a.host == h and a.status is AudienceStatus.ASKED for a in s.audiences):
        raise _no(cs, R.AUDIENCE_WAITING, delegation=action.host)


def _proposal(s: GameState, pid: int) -> Proposal:
    if not 1 <= pid <= len(s.proposals):
        raise _no(s.cs, R.NO_PROPOSAL, proposal=pid)
    return s.proposals[pid - 1]


def _extra_dates(s: GameState, n: int) -> list[dt.date]:
    """Dates for sittings added at the end: the full calendar's later sittings, then weekly."""
    later = [x for x in s.cs.sittings("full") if x > s.sittings[-1]]
    while len(later) < n:
        last = later[-1] if later else s.sittings[-1]
        if last > dt.date.max - dt.timedelta(days=7):
            break  # the calendar cannot go past 9999-12-31: fewer dates, and the check refuses the move
        later.append(last + dt.timedelta(days=7))
    return later[:n]


# --- stepping ---------------------------------------------------------------------


def step(s: GameState, action: A.Action) -> Step:
    """Apply one action; raises IllegalAction (and changes nothing) if it is not allowed."""
    _validate(s, action)
    n0 = len(s.log)
    s = _apply(s, action)
    return Step(s, s.log[n0:])


def _apply(s: GameState, action: A.Action) -> GameState:
    cs = s.cs
    if isinstance(action, A.FireEvent):
        s, fired_entries = _fire(s, cs.event_index[action.event], by_teacher=True)
        return _with_log(s, fired_entries)
    if isinstance(action, A.News):
        return _with_log(s, [_entry(s, LogKind.TEACHER, "teacher", what="news", title=action.title, text=action.text)])
    if isinstance(action, A.MoveEnd):
        if action.delta < 0:
            sittings = s.sittings[: len(s.sittings) + action.delta]
        else:
            sittings = s.sittings + tuple(_extra_dates(s, action.delta))
        s = s.evolve(sittings=sittings)
        s = _with_log(s, [_entry(s, LogKind.TEACHER, "teacher", what="move_end", delta=action.delta, last=sittings[-1].isoformat())])
        if s.turn >= len(sittings) - 1 and s.cursor >= len(s.order):
            return _end(s, EndReason.CALENDAR)
        return s
    if isinstance(action, A.EndNow):
        s = _with_log(s, [_entry(s, LogKind.TEACHER, "teacher", what="end_now", reason=action.reason)])
        return _end(s, EndReason.TEACHER)
    if isinstance(action, A.SetControl):
        d = cs.d_index[action.delegation]
        humans = s.humans | {d} if action.human else s.humans - {d}
        s = s.evolve(humans=frozenset(humans))
        return _with_log(s, [_entry(s, LogKind.TEACHER, "teacher", what="control", delegation=action.delegation, human=action.human)])

    d = cs.d_index[action.actor]
    me = action.actor
    if isinstance(action, A.RequestAudience):
        h = cs.d_index[action.host]
        a = Audience(len(s.audiences) + 1, s.turn, d, h)
        s = s.evolve(audiences=(*s.audiences, a))
        return _with_log(
            s, [_entry(s, LogKind.AUDIENCE, me, frozenset({me, action.host}), audience=a.id, host=action.host, **_why(action.rationale))]
        )
    if isinstance(action, A.AnswerAudience):
        a = s.audiences[action.audience - 1]
        s = _answer_audience(s, a, AudienceStatus.GRANTED if action.grant else AudienceStatus.REFUSED)
        return _with_log(
            s,
            [
                _entry(
                    s,
                    LogKind.AUDIENCE_ANSWER,
                    me,
                    frozenset({me, cs.delegation_ids[a.asker]}),
                    audience=a.id,
                    asker=cs.delegation_ids[a.asker],
                    answer="granted" if action.grant else "refused",
                    **_reasons(action.reasons),
                    **_why(action.rationale),
                )
            ],
        )
    if isinstance(action, A.Respond):
        p = s.proposals[action.proposal - 1]
        status = ProposalStatus.REJECTED if action.answer is A.Answer.REJECT else ProposalStatus.OPEN
        p = dataclasses.replace(p, answers=(*p.answers, (d, action.answer)), status=status)
        s = _replace_proposal(s, p)
        return _with_log(
            s,
            [
                _entry(
                    s,
                    LogKind.ANSWER,
                    me,
                    _audience(s, p),
                    proposal=p.id,
                    answer=action.answer.value,
                    instrument=cs.instrument_ids[p.instrument],
                    **_reasons(action.reasons),
                    **_why(action.rationale),
                )
            ],
        )

    entries: list[LogEntry] = []
    if isinstance(action, A.Propose):
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
    elif isinstance(action, A.Shift):
        i = cs.i_index[action.issue]
        positions = list(s.positions)
        old_opt = cs.option_ids[i][positions[d * cs.n_issues + i]]
        positions[d * cs.n_issues + i] = cs.option_ids[i].index(action.option)
        s = s.evolve(positions=tuple(positions))
        entries.append(
            _entry(
                s, LogKind.POSITION, me, issue=action.issue, option=action.option, was=old_opt, **_reasons(action.reasons), **_why(action.rationale)
            )
        )
    elif isinstance(action, A.Statement):
        extra = {"issue": action.issue} if action.issue else {}
        entries.append(_entry(s, LogKind.STATEMENT, me, text=action.text, statement=action.kind.value, **extra, **_why(action.rationale)))
    elif isinstance(action, A.Pass):
        entries.append(_entry(s, LogKind.PASS, me, **_why(action.rationale)))
    elif isinstance(action, A.Walkout):
        s = s.evolve(walked_out=s.walked_out | {d})
        for old in s.open_proposals():
            if old.proposer == d or d in cs.parties[old.instrument]:
                s = _replace_proposal(s, dataclasses.replace(old, status=ProposalStatus.LAPSED))
        entries.append(_entry(s, LogKind.WALKOUT, me, essential=cs.delegation(d).essential, **_reasons(action.reasons), **_why(action.rationale)))
        if cs.delegation(d).essential:
            s = _with_log(s, entries)
            return _end(s, EndReason.WALKOUT)
    s = s.evolve(log=s.log + tuple(entries), cursor=s.cursor + 1)
    if s.cursor >= len(s.order):
        s = _closing_round(s) if s.turn + 1 >= s.n_turns and not s.answering else s
        if s.cursor >= len(s.order):
            s = _resolve_sitting(s)
    return s


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
    return {"reasons": out}


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
