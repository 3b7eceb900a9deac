"""What each computer in the room may see, built on the host from the live session. No pygame here.

Privacy is by construction: a view is built *for* one seat (or for the
projector, seat None) from the same view models the window draws
(game/views/conference.py), which already filter the log and the
proposals by audience. A seat's forms hold only its own instruments and its
own values, and its briefing only its own papers. Nothing else about the
game leaves the host.
"""

from __future__ import annotations

from game.engine.state import GameState
from game.engine.utility import table
from game.i18n import Translator
from game.net import protocol as P
from game.play.session import Session
from game.scenario.texts import tr
from game.views.codes import short_codes
from game.views.conference import briefing_view, conference_view, narrator
from game.views.digest import since_last_turn
from game.views.inbox import ask_choices, inbox, requests
from game.views.move import option_cells


def _weighted(s: GameState, d: int, issues: tuple[int, ...], pick: tuple[int, ...] | None) -> float | None:
    """This delegation's weighted value over `issues` for the options `pick` (None: no agreement)."""
    num = den = 0.0
    for n, i in enumerate(issues):
        w = float(s.stances.weights[d, i])
        if w <= 0:
            continue
        v = float(s.stances.no_deal[d, i]) if pick is None else float(s.stances.values[d, s.cs.option_offset[i] + pick[n]])
        num += w * v
        den += w
    return round(num / den, 1) if den else None


def forms(session: Session, tr_: Translator, seat: str) -> P.Forms:
    """The choices behind one seat's move forms: its instruments, the issues with its own values, its possible partners."""
    s, cs = session.state, session.cs
    lang = tr_.lang
    d = cs.d_index[seat]
    codes = short_codes(cs.scenario.delegations, lang)
    instruments = []
    for k, inst in enumerate(cs.scenario.instruments):
        if d in cs.parties[k] or cs.delegation(d).mediator:
            instruments.append(
                P.InstrumentChoice(
                    id=inst.id,
                    name=tr(inst.title, lang),
                    scope=tuple(cs.issue_ids[i] for i in cs.scope[k]),
                    parties=tuple(cs.delegation_ids[x] for x in sorted(cs.parties[k])),
                    signed=s.is_signed(k),
                    active=tuple(cs.delegation_ids[x] for x in sorted(s.active_parties(k))),
                    cost=float(s.costs[k, d]) if d in cs.parties[k] else 0.0,
                )
            )
    mine = table(s, d)  # this seat's own utility rows: the form weighs a package for the team as one computer does
    issues = []
    for i, issue in enumerate(cs.scenario.issues):
        cells = option_cells(s, d, i, lang)
        options = tuple(
            P.OptionChoice(id=opt.id, label=c.label, value=c.value, allowed=c.allowed, description=c.description, stated_by=c.stated_by)
            for opt, c in zip(issue.options, cells, strict=True)
        )
        pos = s.position(d, i)
        issues.append(
            P.IssueChoice(
                id=issue.id,
                title=tr(issue.title, lang),
                options=options,
                position=cs.option_ids[i][pos] if pos >= 0 else None,
                settled=int(s.settled[i]),
                contrib=mine.rows[i],
            )
        )
    partners = tuple(
        P.Partner(id=cs.delegation_ids[k], name=tr(cs.delegation(k).name, lang), code=codes[cs.delegation_ids[k]])
        for k in cs.actors
        if k != d and k not in s.walked_out
    )
    awaiting = []
    for p in s.pending_for(d):
        scope = cs.scope[p.instrument]
        package = tuple((cs.issue_ids[i], cs.option_ids[i][o]) for i, o in zip(scope, p.package, strict=True))
        awaiting.append(
            P.Awaiting(
                proposal=p.id,
                instrument=cs.instrument_ids[p.instrument],
                package=package,
                value=_weighted(s, d, scope, p.package),
                alternative=_weighted(s, d, scope, None),
                proposer=cs.delegation_ids[p.proposer],
                to=tuple(cs.delegation_ids[x] for x in sorted(p.to)) if p.to is not None else None,
            )
        )
    latest = {p.instrument: p for p in s.proposals if p.proposer == d}  # the last one per agreement wins
    own = tuple(
        P.OwnProposal(
            proposal=p.id,
            instrument=cs.instrument_ids[k],
            package=tuple((cs.issue_ids[i], cs.option_ids[i][o]) for i, o in zip(cs.scope[k], p.package, strict=True)),
            to=tuple(cs.delegation_ids[x] for x in sorted(p.to)) if p.to is not None else None,
        )
        for k, p in sorted(latest.items())
    )
    me = cs.delegation(d)
    return P.Forms(
        instruments=tuple(instruments),
        issues=tuple(issues),
        partners=partners,
        awaiting=tuple(awaiting),
        own=own,
        essential=bool(me.essential),
        mediator=bool(me.mediator),
    )


def outcome_title(session: Session, lang: str) -> str:
    s = session.state
    if not s.ended or s.outcome is None:
        return ""
    return tr(session.cs.scenario.outcomes[s.outcome].title, lang)


def build_view(session: Session, tr_: Translator, seat: str | None, clock: P.Clock, seats: tuple[P.SeatInfo, ...]) -> P.View:
    """The view for one seat (its private papers included) or, with seat None, the public table for the projector."""
    s = session.state
    seated = seat is not None and not s.ended
    turn = seat is not None and session.waiting_for_human and s.actor_id == seat
    n = narrator(session, tr_) if seated else None
    return P.View(
        type="view",
        version=P.PROTOCOL_VERSION,
        revision=len(session.actions),
        seat=seat,
        your_turn=turn,
        conference=conference_view(session, tr_, seat),
        briefing=briefing_view(session, tr_, seat) if seat is not None else None,
        forms=forms(session, tr_, seat) if seat is not None and not s.ended else None,
        clock=clock,
        seats=seats,
        outcome=outcome_title(session, tr_.lang),
        inbox=inbox(s, seat, tr_, n) if seat is not None and n is not None else (),
        digest=since_last_turn(s, seat, tr_, n) if turn and seat is not None and n is not None else (),
        requests=requests(s, seat, n) if seat is not None and n is not None else (),
        asks=ask_choices(s, seat, tr_, n) if turn and seat is not None and n is not None else (),
        closing=bool(s.answering and not s.ended),
    )
