"""A team's inbox: the proposals waiting for its answer, in words, newest first. No pygame here.

Each item carries everything a team needs to decide without opening anything
else: who proposes what, in plenary or in private, every issue and option of
the package in full, what the package is worth to this team beside what no
agreement is worth to it on the same issues, and who has answered so far.
Plain frozen data, so a networked client could draw the same inbox.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import actions as A
from game.engine.actions import Answer
from game.engine.log import LogKind
from game.engine.narrate import Narrator
from game.engine.refusals import describe
from game.engine.rules import check
from game.engine.state import GameState, Proposal
from game.engine.utility import shortfall
from game.i18n import Translator
from game.scenario.texts import tr


@dataclass(frozen=True)
class WantChoice:
    """An issue a refusal may name as the one that would change it, and the options it may ask for there."""

    issue: str  # issue id
    title: str
    offered: str  # the label of the option the proposal offers there
    options: tuple[tuple[str, str], ...]  # (option id, label): every option but the one offered
    values: tuple[float, ...]  # this team's value (0-100) of each of `options`, as its proposal form shows it


@dataclass(frozen=True)
class InboxItem:
    id: int
    proposer: str
    instrument: str
    private: bool
    to: tuple[str, ...]  # names of those invited (private talks); empty in plenary
    package: tuple[tuple[str, str], ...]  # (issue title, option label), in the instrument's order
    value: float | None  # the package's worth to this team, 0-100 (None: no stake in these issues)
    no_deal: float | None  # what no agreement on the same issues is worth to this team, 0-100
    accepted_by: tuple[str, ...]
    refused_by: tuple[str, ...]
    waiting_for: tuple[str, ...]  # parties who have not answered yet (this team among them)
    terms: tuple[str, ...] = ()  # the instrument's standing clauses, in the scenario's words (what signing it also means)
    # what a refusal may say would change it: the package's issues not yet settled by a signed agreement
    wants: tuple[WantChoice, ...] = ()
    # what this team last asked for on the agreement when it refused an offer of it, (issue title, option label),
    # when this package gives it: the team sees its request was heard
    heard: tuple[str, str] | None = None


def worth(s: GameState, d: int, instrument: int, package: tuple[int, ...]) -> tuple[float | None, float | None]:
    """(package value, no-agreement value) for delegation `d`, weighted by how much each issue matters to it."""
    cs = s.cs
    num = base = den = 0.0
    for i, o in zip(cs.scope[instrument], package, strict=True):
        w = float(s.stances.weights[d, i])
        num += w * float(s.stances.values[d, cs.option_offset[i] + o])
        base += w * float(s.stances.no_deal[d, i])
        den += w
    return (num / den, base / den) if den else (None, None)


def heard(s: GameState, p: Proposal, d: int) -> tuple[int, int] | None:
    """(issue, option) that d last asked for before p was made, refusing an offer of p's agreement, when p gives it."""
    cs = s.cs
    did = cs.delegation_ids[d]
    made = next((k for k, e in enumerate(s.log) if e.kind is LogKind.PROPOSAL and e.data.get("proposal") == p.id), len(s.log))
    for e in reversed(s.log[:made]):
        if e.kind is not LogKind.ANSWER or e.actor != did or not e.data.get("want"):
            continue
        q = s.proposals[int(e.data["proposal"]) - 1]
        if q.instrument != p.instrument:
            continue
        i = cs.i_index[str(e.data["want"]["issue"])]
        o = cs.option_ids[i].index(str(e.data["want"]["option"]))
        return (i, o) if p.package[cs.scope[p.instrument].index(i)] == o else None
    return None


def inbox_item(s: GameState, p: Proposal, d: int, n: Narrator, lang: str) -> InboxItem:
    cs = s.cs

    def name(k: int) -> str:
        return n.name(cs.delegation_ids[k])

    scope = list(zip(cs.scope[p.instrument], p.package, strict=True))
    package = tuple((tr(cs.issue(i).title, lang), tr(cs.issue(i).options[o].label, lang)) for i, o in scope)
    # the issues a refusal may name, those where the offer costs the team most first (a stable sort: ties keep the
    # package's order), each with every option but the one offered
    open_ = sorted(((i, o) for i, o in scope if s.settled[i] < 0), key=lambda io: -shortfall(s, d, *io)[0])
    wants = tuple(
        WantChoice(
            cs.issue_ids[i],
            tr(cs.issue(i).title, lang),
            tr(cs.issue(i).options[o].label, lang),
            tuple((opt.id, tr(opt.label, lang)) for k, opt in enumerate(cs.issue(i).options) if k != o),
            tuple(float(s.stances.values[d, cs.option_offset[i] + k]) for k in range(len(cs.option_ids[i])) if k != o),
        )
        for i, o in open_
    )
    value, no_deal = worth(s, d, p.instrument, p.package)
    parties = [k for k in s.active_parties(p.instrument) if k != p.proposer]
    answered = dict(p.answers)
    return InboxItem(
        id=p.id,
        proposer=name(p.proposer),
        instrument=n.instrument(cs.instrument_ids[p.instrument]),
        private=p.to is not None,
        to=tuple(name(k) for k in sorted(p.to)) if p.to is not None else (),
        package=package,
        value=value,
        no_deal=no_deal,
        accepted_by=tuple(name(k) for k, a in p.answers if a is Answer.ACCEPT),
        refused_by=tuple(name(k) for k, a in p.answers if a is Answer.REJECT),
        waiting_for=tuple(name(k) for k in parties if k not in answered),
        terms=tuple(n.terms(cs.instrument_ids[p.instrument])),
        wants=wants,
        heard=None if (h := heard(s, p, d)) is None else (tr(cs.issue(h[0]).title, lang), tr(cs.issue(h[0]).options[h[1]].label, lang)),
    )


def inbox(s: GameState, did: str, tr_: Translator, n: Narrator) -> tuple[InboxItem, ...]:
    """Every open proposal `did` must still answer, newest first."""
    d = s.cs.d_index[did]
    return tuple(inbox_item(s, p, d, n, tr_.lang) for p in sorted(s.pending_for(d), key=lambda p: -p.id))


@dataclass(frozen=True)
class RequestItem:
    """A request for an audience (private talks) this team has still to grant or refuse."""

    id: int  # the request's number (its own series, not a proposal number)
    asker: str  # the asking delegation's name
    trust: float  # this team's trust in the asker, 0-100 (granting raises the asker's trust in it)


def requests(s: GameState, did: str, n: Narrator) -> tuple[RequestItem, ...]:
    """Requests for an audience `did` must still answer, newest first; none in the closing round (answers to proposals only)."""
    if s.answering or s.ended:
        return ()
    d = s.cs.d_index[did]
    return tuple(
        RequestItem(a.id, n.name(s.cs.delegation_ids[a.asker]), float(s.relations[d, a.asker]))
        for a in sorted(s.audiences_for(d), key=lambda a: -a.id)
    )


@dataclass(frozen=True)
class AskChoice:
    """A delegation a team might ask for private talks, and why not when the rules refuse it now."""

    id: str
    name: str
    refusal: str  # "" when the request is allowed


def ask_choices(s: GameState, did: str, tr_: Translator, n: Narrator) -> tuple[AskChoice, ...]:
    """Every other negotiating delegation still at the table, each with the rules' verdict on asking it now."""
    cs = s.cs
    out = []
    for k in cs.actors:
        host = cs.delegation_ids[k]
        if host == did or k in s.walked_out:
            continue
        problem = check(s, A.RequestAudience(did, host))
        out.append(AskChoice(host, n.name(host), describe(problem, cs, tr_.lang, tr_.t) if problem is not None else ""))
    return tuple(out)
