"""What the conference screen shows, computed from a session and a viewer. No pygame here.

The screen is a pure function of (state, viewer, how much of the log has been
announced). Keeping that function apart from drawing lets tests check *what*
each audience sees without a window: above all, that the projector view
(`viewer=None`) and one team's view never show another team's private talks.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.ai.explain import Explainer
from game.engine.compiled import CompiledScenario
from game.engine.log import LogEntry, LogKind
from game.engine.narrate import Narrator, first_proposals, option_label
from game.engine.state import GameState, ProposalStatus
from game.i18n import Translator
from game.play.session import Session
from game.scenario.texts import tr
from game.views.codes import short_codes


@dataclass(frozen=True)
class SeatView:
    """One delegation at the table; `role` is 'team', 'ai' or 'observer' (drawn in words, not only colour)."""

    id: str
    name: str
    code: str
    leader: str
    role: str
    acting: bool
    walked_out: bool


@dataclass(frozen=True)
class LinkView:
    """Talks drawn on the table: a private proposal from `a` to `b`, or a plenary one (`b` None)."""

    a: str
    b: str | None
    proposal: int
    private: bool


@dataclass(frozen=True)
class Marker:
    delegation: str
    code: str
    option: int


@dataclass(frozen=True)
class IssueRow:
    """An issue on the board: its options in words and every stated public position as a marker."""

    id: str
    title: str
    options: tuple[str, ...]
    markers: tuple[Marker, ...]
    settled: int  # option index settled by a signed instrument, -1 if open
    details: tuple[str, ...] = ()  # each option's description (for the board's tooltips)


@dataclass(frozen=True)
class NewsLine:
    turn: int
    date: str
    text: str
    private: bool
    kind: str
    actor: str | None


@dataclass(frozen=True)
class PendingView:
    """An open proposal the viewer may see; `awaiting` when the viewer must still answer it."""

    id: int
    proposer: str
    instrument: str
    package: str
    where: str
    private: bool
    awaiting: bool
    answers: str


@dataclass(frozen=True)
class ConferenceView:
    title: str
    date: str
    sitting: int
    sittings: int
    actor: str | None
    actor_name: str
    actor_is_team: bool
    viewer: str | None
    seats: tuple[SeatView, ...]
    links: tuple[LinkView, ...]
    issues: tuple[IssueRow, ...]
    news: tuple[NewsLine, ...]  # newest first
    pending: tuple[PendingView, ...]
    signed: tuple[str, ...]
    ended: bool


def narrator(session: Session, tr_: Translator) -> Narrator:
    """The engine's narrator speaking the interface language (its sentences are in the catalog)."""
    return Narrator(session.cs, tr_.lang, t=tr_.t, number=tr_.number)


def delegation_name(session: Session, did: str, lang: str) -> str:
    return tr(session.cs.delegation(session.cs.d_index[did]).name, lang)


#: News lines already worded, by (id of the log entry, with the terms): (entry, scenario, translator, line). A line is a
#: pure function of its entry (immutable, and shared by every later state's log), the scenario and the translator, so the
#: news panel words each entry once rather than its whole log again at every announcement. The entry kept in the value
#: keeps its id from being reused; the scenario and translator are checked by identity.
_WORDED: dict[tuple[int, bool], tuple[LogEntry, CompiledScenario, Translator, NewsLine]] = {}
_WORDED_SIZE = 20000


def news_lines(session: Session, tr_: Translator, viewer: str | None, shown: int | None = None) -> tuple[NewsLine, ...]:
    """Log entries up to `shown` the viewer may see, newest first, as translated dated sentences."""
    s, cs = session.state, session.cs
    n: Narrator | None = None
    entries: list[LogEntry] = [e for e in s.log[: len(s.log) if shown is None else shown] if e.visible_to(viewer, s.ended)]
    first = first_proposals(entries)  # an instrument's terms come with the first proposal of it the viewer sees
    why: Explainer | None = None  # made when an AI's refusal is first worded (it needs the packages proposed)
    out = []
    for k in reversed(range(len(entries))):
        e = entries[k]
        key = (id(e), k in first)
        known = _WORDED.get(key)
        if known is not None and known[0] is e and known[1] is cs and known[2] is tr_:
            out.append(known[3])
            continue
        if n is None:
            n = narrator(session, tr_)
        text = n.sentence(e, key[1])
        if e.kind is LogKind.ANSWER and e.data.get("answer") == "reject" and e.data.get("reasons"):
            # an AI says why it refuses, as the AI delegations that hear it learn (what decided, what it wants):
            # a team hears the same reason
            if why is None:
                why = Explainer(n, tr_.t)
                why.remember(s.log)
            reason = why.why(e, tr_.t("It"))  # the news line has just named the delegation
            text = f"{text} {reason}" if reason else text
        line = NewsLine(e.turn, log_date(tr_, e.date), text, e.audience is not None, e.kind.value, e.actor)
        if len(_WORDED) >= _WORDED_SIZE:
            _WORDED.clear()
        _WORDED[key] = (e, cs, tr_, line)
        out.append(line)
    return tuple(out)


def log_date(tr_: Translator, iso: str) -> str:
    """A log entry's ISO date in the player's words ("10 April 1922"); a date that does not parse is shown as written."""
    import datetime as dt

    try:
        return tr_.date(dt.date.fromisoformat(iso))
    except ValueError:
        return iso


def can_see_proposal(s: GameState, pid: int, viewer: str | None) -> bool:
    p = s.proposals[pid - 1]
    if s.ended or p.to is None:
        return True
    return viewer is not None and p.seen_by(s.cs.d_index[viewer])


IssueTexts = tuple[str, tuple[str, ...], tuple[str, ...]]  # an issue's title, its options' labels and their descriptions
#: What the view words from the scenario alone, for the last few (scenario, translator): the delegations' short codes
#: and each issue's texts. Checked by identity; a new game or another language words them anew. Read, never changed.
_WORDINGS: list[tuple[CompiledScenario, Translator, dict[str, str], tuple[IssueTexts, ...]]] = []


def _wording(cs: CompiledScenario, tr_: Translator) -> tuple[dict[str, str], tuple[IssueTexts, ...]]:
    for c, t, codes, texts in _WORDINGS:
        if c is cs and t is tr_:
            return codes, texts
    lang, scen = tr_.lang, cs.scenario
    codes = short_codes(scen.delegations, lang)
    texts = tuple(
        (
            tr(issue.title, lang),
            tuple(option_label(o, lang, tr_.t, tr_.number) for o in issue.options),
            tuple(tr(o.description, lang) for o in issue.options),
        )
        for issue in scen.issues
    )
    _WORDINGS.append((cs, tr_, codes, texts))
    if len(_WORDINGS) > 4:
        del _WORDINGS[0]
    return codes, texts


def conference_view(session: Session, tr_: Translator, viewer: str | None, shown: int | None = None) -> ConferenceView:
    """Everything the conference screen shows to `viewer` (None: the projector between team turns)."""
    s, cs = session.state, session.cs
    lang = tr_.lang
    scen = cs.scenario
    codes, issue_texts = _wording(cs, tr_)
    n = narrator(session, tr_)
    actor = s.actor_id
    seats = []
    for k, d in enumerate(scen.delegations):
        role = "observer" if d.observer else ("team" if k in s.humans else "ai")
        seats.append(SeatView(d.id, tr(d.name, lang), codes[d.id], d.leaders[0] if d.leaders else "", role, d.id == actor, k in s.walked_out))
    links = []
    for p in s.proposals:
        if p.status is not ProposalStatus.OPEN or not can_see_proposal(s, p.id, viewer):
            continue
        a = cs.delegation_ids[p.proposer]
        if p.to is None:
            links.append(LinkView(a, None, p.id, False))
        else:
            links.extend(LinkView(a, cs.delegation_ids[b], p.id, True) for b in sorted(p.to))
    issues = []
    for i, (issue, (title, labels, details)) in enumerate(zip(scen.issues, issue_texts, strict=True)):
        markers = tuple(Marker(d.id, codes[d.id], at) for k, d in enumerate(scen.delegations) if (at := s.position(k, i)) >= 0)
        issues.append(IssueRow(issue.id, title, labels, markers, s.settled[i], details))
    viewer_index = cs.d_index[viewer] if viewer is not None else None
    pending = []
    waiting = {p.id for p in s.pending_for(viewer_index)} if viewer_index is not None else set()
    for p in s.open_proposals():
        if not can_see_proposal(s, p.id, viewer):
            continue
        package = {cs.issue_ids[i]: cs.option_ids[i][o] for i, o in zip(cs.scope[p.instrument], p.package, strict=True)}
        where = tr_.t("in plenary") if p.to is None else tr_.t("private: {names}", names=", ".join(codes[cs.delegation_ids[x]] for x in sorted(p.to)))
        yes, no = tr_.t("yes"), tr_.t("no")
        answers = ", ".join(f"{codes[cs.delegation_ids[who]]} {yes if a.value == 'accept' else no}" for who, a in p.answers)
        pending.append(
            PendingView(
                p.id,
                n.name(cs.delegation_ids[p.proposer]),
                n.instrument(cs.instrument_ids[p.instrument]),
                n.package(package),
                where,
                p.to is not None,
                p.id in waiting,
                answers,
            )
        )
    signed = tuple(n.instrument(cs.instrument_ids[sig.instrument]) for sig in s.signed if s.signature_visible_to(sig, viewer_index))
    return ConferenceView(
        title=tr(scen.meta.title, lang),
        date=tr_.date(s.date),
        sitting=s.turn + 1,
        sittings=s.n_turns,
        actor=actor,
        actor_name=n.name(actor) if actor else "",
        actor_is_team=session.waiting_for_human,
        viewer=viewer,
        seats=tuple(seats),
        links=tuple(links),
        issues=tuple(issues),
        news=news_lines(session, tr_, viewer, shown),
        pending=tuple(pending),
        signed=signed,
        ended=s.ended,
    )


# --- a team's private briefing ------------------------------------------------------------


@dataclass(frozen=True)
class BriefingView:
    name: str
    sections: tuple[tuple[str, str], ...]  # (heading, text)
    aims: tuple[str, ...]


def briefing_view(session: Session, tr_: Translator, did: str) -> BriefingView:
    """A team's private papers: aims, red lines, secret instructions, fears, and the scored aims."""
    d = session.cs.delegation(session.cs.d_index[did])
    lang, t = tr_.lang, tr_.t
    b = d.briefing
    sections = [
        (t("Aims"), tr(b.aims, lang)),
        (t("Red lines"), tr(b.red_lines, lang)),
        (t("Secret instructions"), tr(b.secret, lang)),
        (t("Fears"), tr(b.fears, lang)),
    ]
    return BriefingView(tr(d.name, lang), tuple((h, x) for h, x in sections if x.strip()), tuple(tr(a.text, lang) for a in d.aims))
