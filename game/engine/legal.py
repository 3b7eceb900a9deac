"""Whether an action is allowed now: one check per action type.

`validate` refuses with `IllegalAction`, whose `refusal` is data (a code and its
parameters, see refusals.py) and is worded where it is shown. The checks run in
a fixed order (conference over, then whose move it is, then the closing round,
then the action's own rules), so the same mistake always gets the same refusal.
A new action type is one `case` here and one in `rules._apply`; forgetting either
is a type error (`_unknown` takes only what no case matched).
"""

from __future__ import annotations

import datetime as dt
from typing import Never, NoReturn

from game.engine import actions as A
from game.engine.compiled import CompiledScenario
from game.engine.log import LogKind
from game.engine.refusals import Code as R
from game.engine.refusals import Refusal, describe
from game.engine.state import AudienceStatus, GameState, Proposal, ProposalStatus
from game.scenario.models import MAX_SITTINGS

MAX_STATEMENT = 500


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


def refuse(cs: CompiledScenario, code: R, **params: str | int | tuple[str, ...]) -> IllegalAction:
    return IllegalAction(Refusal.of(code, **params), cs)


def check(s: GameState, action: A.Action) -> Refusal | None:
    """Why `action` is illegal now (as data: `refusals.describe` words it), or None when it is allowed."""
    try:
        validate(s, action)
    except IllegalAction as err:
        return err.refusal
    return None


def validate(s: GameState, action: A.Action) -> None:
    """Raise IllegalAction unless `action` is allowed in `s`."""
    if s.ended:
        raise refuse(s.cs, R.CONFERENCE_OVER)
    match action:
        case A.FireEvent():
            _fire_event(s, action)
        case A.News():
            if not action.title.strip():
                raise refuse(s.cs, R.NEWS_NEEDS_HEADLINE)
        case A.MoveEnd():
            _move_end(s, action)
        case A.EndNow():
            pass
        case A.SetControl():
            _set_control(s, action)
        case A.Propose() | A.Respond() | A.Shift() | A.Statement() | A.Walkout() | A.Pass() | A.RequestAudience() | A.AnswerAudience():
            _move(s, action)
        case _:
            _unknown(s.cs, action)


def _unknown(cs: CompiledScenario, action: Never) -> NoReturn:
    """A value no case knows: for the type checker a missing case, at run time a refusal (a save or a
    script may hand the engine anything)."""
    raise refuse(cs, R.UNKNOWN_ACTION, action=type(action).__name__)


# --- the teacher's console ----------------------------------------------------------


def _fire_event(s: GameState, action: A.FireEvent) -> None:
    cs = s.cs
    if action.event not in cs.event_index:
        raise refuse(cs, R.UNKNOWN_EVENT, event=action.event)
    k = cs.event_index[action.event]
    if s.fired[k] > 0 and not cs.event(k).repeat:
        raise refuse(cs, R.EVENT_HAPPENED)


def _move_end(s: GameState, action: A.MoveEnd) -> None:
    cs = s.cs
    if len(s.sittings) - 1 + action.delta < s.turn:
        raise refuse(cs, R.END_BEFORE_NOW)
    if len(s.sittings) + action.delta > MAX_SITTINGS:
        raise refuse(cs, R.TOO_MANY_SITTINGS, limit=MAX_SITTINGS)
    if action.delta > 0 and len(extra_dates(s, action.delta)) < action.delta:
        raise refuse(cs, R.NO_MORE_SITTINGS)


def _set_control(s: GameState, action: A.SetControl) -> None:
    cs = s.cs
    if action.delegation not in cs.d_index:
        raise refuse(cs, R.UNKNOWN_DELEGATION, delegation=action.delegation)
    if cs.d_index[action.delegation] not in cs.actors:
        raise refuse(cs, R.OBSERVER)


# --- a delegation's moves -------------------------------------------------------------


def _move(s: GameState, action: A.DelegationAction) -> None:
    cs = s.cs
    d = _actor(s, action.actor)
    if s.answering and not isinstance(action, A.Respond | A.Pass):
        raise refuse(cs, R.CLOSING_ROUND)
    match action:
        case A.RequestAudience():
            _request_audience(s, d, action)
        case A.AnswerAudience():
            _answer_audience(s, d, action)
        case A.Respond():
            _respond(s, d, action)
        case A.Propose():
            _propose(s, d, action)
        case A.Shift():
            _shift(s, d, action)
        case A.Statement():
            _statement(s, action)
        case A.Walkout() | A.Pass():
            pass
        case _:
            _unknown(cs, action)


def _actor(s: GameState, actor: str) -> int:
    cs = s.cs
    if actor not in cs.d_index:
        raise refuse(cs, R.UNKNOWN_DELEGATION, delegation=actor)
    d = cs.d_index[actor]
    if s.actor != d:
        raise refuse(cs, R.NOT_YOUR_MOVE, delegation=actor, acting=s.actor_id or "")
    return d


def _respond(s: GameState, d: int, action: A.Respond) -> None:
    cs = s.cs
    p = proposal(s, action.proposal)
    if action.want is not None and action.answer is A.Answer.REJECT and p.answer_of(d) is A.Answer.REJECT:
        # a refusal given earlier in this turn, without saying what would change it, may still say it
        if not refused_unsaid(s, d, p.id):
            raise refuse(cs, R.ALREADY_ANSWERED)
        _want(cs, p, action)
        return
    if p.status is not ProposalStatus.OPEN:
        raise refuse(cs, R.PROPOSAL_CLOSED, proposal=p.id)
    if p.proposer == d:
        raise refuse(cs, R.OWN_PROPOSAL)
    if d not in s.active_parties(p.instrument):
        raise refuse(cs, R.NOT_A_PARTY_TO_ANSWER, instrument=cs.instrument_ids[p.instrument])
    if not p.seen_by(d):
        raise refuse(cs, R.NOT_ADDRESSED)
    if p.answer_of(d) is not None:
        raise refuse(cs, R.ALREADY_ANSWERED)
    if action.want is not None:
        _want(cs, p, action)


#: The entries that end a delegation's turn: its one main move of the sitting.
_MAIN_MOVES = frozenset({LogKind.PROPOSAL, LogKind.POSITION, LogKind.STATEMENT, LogKind.PASS, LogKind.WALKOUT})


def refused_unsaid(s: GameState, d: int, pid: int) -> bool:
    """Whether d refused proposal `pid` in the turn it is playing now (since its last main move or the start of the
    sitting) without saying what would change it: that refusal may still say it (`A.Respond` with a `want` on the
    refused proposal)."""
    did = s.cs.delegation_ids[d]
    for e in reversed(s.log):
        if e.kind is LogKind.SITTING:
            return False
        if e.actor != did:
            continue
        if e.kind is LogKind.ANSWER and e.data.get("proposal") == pid:
            return e.data.get("answer") == "reject" and not e.data.get("want")
        if e.kind in _MAIN_MOVES:  # its turn before this one (in the closing round: the sitting's main move)
            return False
    return False


def _want(cs: CompiledScenario, p: Proposal, action: A.Respond) -> None:
    """What a refusal says would change it: an issue of the agreement, and an option not offered there."""
    assert action.want is not None
    if action.answer is not A.Answer.REJECT:
        raise refuse(cs, R.WANT_ONLY_ON_REFUSAL)
    issue, option = action.want
    scope = cs.scope[p.instrument]
    i = cs.i_index.get(issue)
    if i is None or i not in scope:
        raise refuse(cs, R.OUT_OF_SCOPE, issues=(issue,), scope=tuple(cs.issue_ids[x] for x in scope))
    if option not in cs.option_ids[i]:
        raise refuse(cs, R.UNKNOWN_OPTION, issue=issue, option=option)
    if cs.option_ids[i].index(option) == p.package[scope.index(i)]:
        raise refuse(cs, R.WANT_AS_OFFERED, issue=issue, option=option)


def _propose(s: GameState, d: int, action: A.Propose) -> None:
    cs = s.cs
    if action.instrument not in cs.inst_index:
        raise refuse(cs, R.UNKNOWN_INSTRUMENT, instrument=action.instrument)
    k = cs.inst_index[action.instrument]
    title = action.instrument
    if s.is_signed(k):
        raise refuse(cs, R.ALREADY_SIGNED, instrument=title)
    if d not in cs.parties[k] and not cs.delegation(d).mediator:
        raise refuse(cs, R.NOT_A_PARTY, instrument=title)
    if (d, k) in s.excluded:
        raise refuse(cs, R.EXCLUDED, instrument=title)
    blocked = [x for x in cs.parties[k] if x in s.walked_out and (x, k) not in s.excluded]
    if blocked:
        raise refuse(cs, R.PARTY_WALKED_OUT, instrument=title, delegation=cs.delegation_ids[blocked[0]])
    package_indexes(s, k, action.package)
    if action.to:
        _addressees(s, d, k, action.to)
    if action.counter_to is not None:
        p = proposal(s, action.counter_to)
        if p not in s.pending_for(d):
            raise refuse(cs, R.NOT_WAITING, proposal=p.id)


def _addressees(s: GameState, d: int, k: int, names: tuple[str, ...]) -> None:
    """Private talks: every addressee known, present and not banned from talking to `d`, and every active party named."""
    cs = s.cs
    to = set()
    for x in names:
        if x not in cs.d_index:
            raise refuse(cs, R.UNKNOWN_DELEGATION, delegation=x)
        t = cs.d_index[x]
        if t == d:
            continue
        if t in s.walked_out:
            raise refuse(cs, R.WALKED_OUT, delegation=x)
        if s.is_banned(d, t):
            raise refuse(cs, R.TALKS_BANNED, delegation=x)
        to.add(t)
    missing = [x for x in s.active_parties(k) if x != d and x not in to]
    if missing:
        raise refuse(cs, R.PARTIES_MISSING, names=tuple(cs.delegation_ids[x] for x in missing))


def _shift(s: GameState, d: int, action: A.Shift) -> None:
    cs = s.cs
    if action.issue not in cs.i_index:
        raise refuse(cs, R.UNKNOWN_ISSUE, issue=action.issue)
    i = cs.i_index[action.issue]
    if s.position(d, i) < 0:
        raise refuse(cs, R.NO_POSITION)
    if action.option not in cs.option_ids[i]:
        raise refuse(cs, R.UNKNOWN_OPTION, issue=action.issue, option=action.option)
    if cs.option_ids[i].index(action.option) == s.position(d, i):
        raise refuse(cs, R.SAME_POSITION)


def _statement(s: GameState, action: A.Statement) -> None:
    cs = s.cs
    if action.kind is A.StatementKind.FREE and not action.text.strip():
        raise refuse(cs, R.EMPTY_STATEMENT)
    if action.issue is not None and action.issue not in cs.i_index:
        raise refuse(cs, R.UNKNOWN_ISSUE, issue=action.issue)
    if len(action.text) > MAX_STATEMENT:
        raise refuse(cs, R.STATEMENT_TOO_LONG, limit=MAX_STATEMENT)


def _request_audience(s: GameState, d: int, action: A.RequestAudience) -> None:
    cs = s.cs
    if action.host not in cs.d_index:
        raise refuse(cs, R.UNKNOWN_DELEGATION, delegation=action.host)
    h = cs.d_index[action.host]
    if h == d:
        raise refuse(cs, R.AUDIENCE_SELF)
    if h not in cs.actors:
        raise refuse(cs, R.AUDIENCE_OBSERVER, delegation=action.host)
    if h in s.walked_out:
        raise refuse(cs, R.WALKED_OUT, delegation=action.host)
    if s.is_banned(d, h):
        raise refuse(cs, R.TALKS_BANNED, delegation=action.host)
    if any(a.asker == d and a.turn == s.turn for a in s.audiences):
        raise refuse(cs, R.AUDIENCE_ONCE)
    if any(a.asker == d and a.host == h and a.status is AudienceStatus.ASKED for a in s.audiences):
        raise refuse(cs, R.AUDIENCE_WAITING, delegation=action.host)


def _answer_audience(s: GameState, d: int, action: A.AnswerAudience) -> None:
    cs = s.cs
    if not 1 <= action.audience <= len(s.audiences):
        raise refuse(cs, R.NO_AUDIENCE, audience=action.audience)
    a = s.audiences[action.audience - 1]
    if a.host != d:
        raise refuse(cs, R.AUDIENCE_NOT_YOURS)
    if a.status is not AudienceStatus.ASKED:
        raise refuse(cs, R.AUDIENCE_ANSWERED)


# --- shared by the checks and the rules -------------------------------------------------


def package_indexes(s: GameState, instrument: int, package: tuple[tuple[str, str], ...]) -> tuple[int, ...]:
    """Option indexes for a package given as (issue, option) ids, checked against the scope."""
    cs = s.cs
    scope = cs.scope[instrument]
    given = dict(package)
    if len(given) != len(package):
        raise refuse(cs, R.ISSUE_TWICE)
    scope_ids = [cs.issue_ids[i] for i in scope]
    extra = [x for x in given if x not in scope_ids]
    if extra:
        raise refuse(cs, R.OUT_OF_SCOPE, issues=tuple(extra), scope=tuple(scope_ids))
    missing = [x for x in scope_ids if x not in given]
    if missing:
        raise refuse(cs, R.OPTION_MISSING, issues=tuple(missing))
    out = []
    for i in scope:
        oid = given[cs.issue_ids[i]]
        if oid not in cs.option_ids[i]:
            raise refuse(cs, R.UNKNOWN_OPTION, issue=cs.issue_ids[i], option=oid)
        o = cs.option_ids[i].index(oid)
        if s.settled[i] >= 0 and s.settled[i] != o:
            raise refuse(cs, R.ISSUE_SETTLED, issue=cs.issue_ids[i], option=cs.option_ids[i][s.settled[i]])
        out.append(o)
    return tuple(out)


def proposal(s: GameState, pid: int) -> Proposal:
    """Proposal number `pid` (from 1), or a refusal naming it."""
    if not 1 <= pid <= len(s.proposals):
        raise refuse(s.cs, R.NO_PROPOSAL, proposal=pid)
    return s.proposals[pid - 1]


def extra_dates(s: GameState, n: int) -> list[dt.date]:
    """Dates for sittings added at the end: the full calendar's later sittings, then weekly."""
    later = [x for x in s.cs.sittings("full") if x > s.sittings[-1]]
    while len(later) < n:
        last = later[-1] if later else s.sittings[-1]
        if last > dt.date.max - dt.timedelta(days=7):
            break  # the calendar cannot go past 9999-12-31: fewer dates, and the check refuses the move
        later.append(last + dt.timedelta(days=7))
    return later[:n]
