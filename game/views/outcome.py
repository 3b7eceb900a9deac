"""What the outcome and debrief screen shows, computed from a finished session. No pygame here.

Everything private is revealed here (the conference is over), so the debrief
can ask why the AI did what it did: every AI answer carries the engine's
reasons (its value of the package, its aspiration, its alternative).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from game.ai.explain import Explainer
from game.analysis.whatif import Change, WhatIf
from game.engine.log import LogKind
from game.engine.narrate import option_label
from game.engine.scoring import score
from game.i18n import Translator
from game.play.session import Session
from game.record.model import ai_note
from game.scenario.texts import tr
from game.views.codes import short_codes
from game.views.conference import NewsLine, log_date, narrator


@dataclass(frozen=True)
class AimView:
    text: str
    met: bool
    weight: float


@dataclass(frozen=True)
class ScoreRow:
    id: str
    name: str
    code: str
    team: bool
    score: float
    utility: float
    aims: tuple[AimView, ...]


@dataclass(frozen=True)
class WhyRow:
    """An AI decision and the engine's reasons for it."""

    date: str
    sentence: str
    value: float
    aspiration: float
    alternative: float
    note: str  # the AI's short tag in the reader's language (the teacher's view)
    deciding: str
    reason: str = ""  # the sentence a student reads: what decided it, and what would have changed it
    deal: bool = True  # False for an answer to a request for an audience: no package, so no worth to show


@dataclass(frozen=True)
class Series:
    delegation: str
    code: str
    values: tuple[float | None, ...]  # one per snapshot; None where it had no position


@dataclass(frozen=True)
class PositionChart:
    issue: str
    options: tuple[str, ...]
    series: tuple[Series, ...]


@dataclass(frozen=True)
class OutcomeView:
    title: str
    debrief: str
    history: str
    historical: bool
    reason: str
    scores: tuple[ScoreRow, ...]
    signed: tuple[str, ...]
    revealed: tuple[NewsLine, ...]  # the whole log, oldest first, private entries marked
    whys: tuple[WhyRow, ...]
    turns: tuple[int, ...]  # sitting number of each snapshot
    positions: tuple[PositionChart, ...]
    trust: tuple[Series, ...]  # per delegation: mean trust the others place in it, per snapshot
    questions: tuple[str, ...]


def outcome_view(session: Session, tr_: Translator, weights: Mapping[str, Mapping[str, float]] | None = None) -> OutcomeView:
    s, cs = session.state, session.cs
    lang, t = tr_.lang, tr_.t
    scen = cs.scenario
    n = narrator(session, tr_)
    codes = short_codes(scen.delegations, lang)
    out = cs.outcome(s.outcome) if s.outcome is not None else None
    reasons = {
        "signed": t("An agreement that ends the conference was signed."),
        "walkout": t("A delegation the conference could not do without walked out."),
        "calendar": t("The calendar ran out."),
        "teacher": t("The teacher ended the conference."),
        "settled": t("Nothing was left to negotiate."),
    }
    rows = []
    for sc in score(s, weights if weights is not None else session.setup.aim_weights):
        k = cs.d_index[sc.delegation]
        d = cs.delegation(k)
        texts = {a.id: tr(a.text, lang) for a in d.aims}
        aims = tuple(AimView(texts.get(a.aim, a.aim), a.met, a.weight) for a in sc.aims)
        rows.append(ScoreRow(d.id, tr(d.name, lang), codes[d.id], k in s.humans, sc.score, sc.utility, aims))
    signed = []
    for sig in s.signed:
        package = {cs.issue_ids[i]: cs.option_ids[i][o] for i, o in zip(cs.scope[sig.instrument], sig.package, strict=True)}
        secret = t(" (secret)") if cs.instrument(sig.instrument).secret else ""
        signed.append(
            t(
                "Sitting {number}: {instrument}{secret} — {package}",
                number=sig.turn + 1,
                instrument=n.instrument(cs.instrument_ids[sig.instrument]),
                secret=secret,
                package=n.package(package),
            )
            + "".join(
                " " + x for x in (n.history_text(cs.instrument_ids[sig.instrument], package), n.terms_text(cs.instrument_ids[sig.instrument])) if x
            )
        )
    revealed = tuple(NewsLine(e.turn, log_date(tr_, e.date), n.sentence(e), e.audience is not None, e.kind.value, e.actor) for e in s.log)
    whys = []
    humans = {cs.delegation_ids[k] for k in s.humans}
    explainer = Explainer(n, t)  # reads the whole log in order: it remembers what each proposal offered
    for e in s.log:
        sentence = explainer.why(e)
        r = e.data.get("reasons") if e.data else None
        if not r or e.actor in humans:
            continue
        deciding = ", ".join(n.issue(x) for x in r.get("deciding", []) if x in cs.i_index)
        whys.append(
            WhyRow(
                log_date(tr_, e.date),
                n.sentence(e),
                float(r["value"]),
                float(r["aspiration"]),
                float(r["alternative"]),
                ai_note(t, str(r.get("note", ""))),
                deciding,
                sentence or "",
                e.kind is not LogKind.AUDIENCE_ANSWER,
            )
        )
    history = s.history
    turns = tuple(h.turn for h in history)
    charts = []
    n_d, n_i = cs.n_delegations, cs.n_issues
    for i, issue in enumerate(scen.issues):
        series = []
        for k, d in enumerate(scen.delegations):
            vals = tuple((float(h.positions[k * n_i + i]) if h.positions[k * n_i + i] >= 0 else None) for h in history)
            if any(v is not None for v in vals):
                series.append(Series(d.id, codes[d.id], vals))
        if series:
            charts.append(PositionChart(tr(issue.title, lang), tuple(option_label(o, lang, t, tr_.number) for o in issue.options), tuple(series)))
    trust = []
    actors = list(cs.actors)
    for k in actors:
        means: list[float | None] = []
        for h in history:
            others = [float(h.relations[j * n_d + k]) for j in actors if j != k]
            means.append(sum(others) / len(others) if others else None)
        trust.append(Series(cs.delegation_ids[k], codes[cs.delegation_ids[k]], tuple(means)))
    return OutcomeView(
        title=tr(out.title, lang) if out else t("The conference is over"),
        debrief=tr(out.debrief, lang) if out else "",
        history=tr(scen.meta.history, lang),
        historical=bool(out and out.historical),
        reason=reasons.get(s.end_reason.value if s.end_reason else "", ""),
        scores=tuple(sorted(rows, key=lambda r: -r.score)),
        signed=tuple(signed),
        revealed=revealed,
        whys=tuple(whys),
        turns=turns,
        positions=tuple(charts),
        trust=tuple(trust),
        questions=tuple(tr(q, lang) for q in scen.meta.debrief_questions),
    )


@dataclass(frozen=True)
class TeamWhatIfs:
    """A team's "what if" lines for the debrief: its own decisions, changed one at a time and replayed."""

    id: str
    name: str
    code: str
    lines: tuple[str, ...]


def _join(t: Callable[..., str], parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return t("{first} and {last}", first=", ".join(parts[:-1]), last=parts[-1])


def whatif_sentence(w: WhatIf, session: Session, tr_: Translator) -> str:
    """'Had you accepted No. 3 on 16 April, Rapallo would not have been signed and the conference would have ended in …'."""
    cs, t, lang = session.cs, tr_.t, tr_.lang
    d = w.decision
    date = tr_.date(d.date)
    title = tr(cs.instrument(cs.inst_index[d.instrument]).title, lang) if d.instrument else ""
    proposer = tr(cs.delegation(cs.d_index[d.proposer]).name, lang) if d.proposer else ""
    clauses: list[str] = []
    for iid in cs.instrument_ids:
        name = tr(cs.instrument(cs.inst_index[iid]).title, lang)
        if iid in w.changed.signed and iid not in w.actual.signed:
            clauses.append(t("{instrument} would have been signed", instrument=name))
        elif iid in w.actual.signed and iid not in w.changed.signed:
            clauses.append(t("{instrument} would not have been signed", instrument=name))
    if w.outcome_changed:
        titles = {o.id: tr(o.title, lang) for o in cs.scenario.outcomes}
        ending = titles.get(w.changed.outcome or "", t("no outcome"))
        clauses.append(t("the conference would have ended in “{ending}”", ending=ending))
    if abs(w.score_change) >= 1 or not clauses:
        clauses.append(t("your score would have been {new} instead of {old}", new=round(w.changed.score), old=round(w.actual.score)))
    named = d.instrument is not None and (d.instrument in w.changed.signed) != (d.instrument in w.actual.signed)
    if named:  # the consequences name the instrument already: keep the head short
        head = {
            Change.ACCEPT: t("Had you accepted No. {number} from {proposer} on {date}"),
            Change.REJECT: t("Had you rejected No. {number} from {proposer} on {date}"),
            Change.ANSWER_ACCEPT: t("Had you accepted No. {number} from {proposer} when it reached you on {date}"),
            Change.STAY: t("Had you stayed at the conference instead of walking out on {date}"),
            Change.NOT_PROPOSE: t("Had you not proposed No. {number} on {date}"),
        }[d.change]
    else:
        head = {
            Change.ACCEPT: t("Had you accepted No. {number} ({instrument}, from {proposer}) on {date}"),
            Change.REJECT: t("Had you rejected No. {number} ({instrument}, from {proposer}) on {date}"),
            Change.ANSWER_ACCEPT: t("Had you accepted No. {number} ({instrument}, from {proposer}) when it reached you on {date}"),
            Change.STAY: t("Had you stayed at the conference instead of walking out on {date}"),
            Change.NOT_PROPOSE: t("Had you not proposed No. {number} ({instrument}) on {date}"),
        }[d.change]
    head = head.format(number=d.proposal, instrument=title, proposer=proposer, date=date)
    return t("{decision}, {consequences}.", decision=head, consequences=_join(t, clauses))


def whatif_view(found: Mapping[str, tuple[WhatIf, ...]], session: Session, tr_: Translator) -> tuple[TeamWhatIfs, ...]:
    """Every team, in seating order, with its lines (none when no single changed decision changed anything)."""
    cs = session.cs
    codes = short_codes(cs.scenario.delegations, tr_.lang)
    teams = [cs.delegation_ids[k] for k in sorted(session.state.humans)]
    for did in session.setup.humans:
        if did not in teams:
            teams.append(did)
    out = []
    for did in teams:
        lines = tuple(whatif_sentence(w, session, tr_) for w in found.get(did, ()))
        out.append(TeamWhatIfs(did, tr(cs.delegation(cs.d_index[did]).name, tr_.lang), codes[did], lines))
    return tuple(out)


def comparison_lines(tally: object, session: Session, tr_: Translator) -> list[str]:
    """This game beside many all-AI games of the same scenario: 'in 41% of AI-played conferences …'."""
    cs, s = session.cs, session.state
    t = tr_.t
    runs = int(getattr(tally, "runs", 0))
    if runs <= 0:
        return []
    outcomes = getattr(tally, "outcomes", {})
    instruments = getattr(tally, "instruments", {})
    lines = []
    this = cs.outcome(s.outcome).id if s.outcome is not None else None
    for o in cs.scenario.outcomes:
        share = round(100 * outcomes.get(o.id, 0) / runs)
        title = tr(o.title, tr_.lang)
        if o.id == this:
            lines.append(t("In {share}% of AI-played conferences: {title} (as in this game).", share=share, title=title))
        else:
            lines.append(t("In {share}% of AI-played conferences: {title}.", share=share, title=title))
    signed_here = {cs.instrument_ids[sig.instrument] for sig in s.signed}
    for inst in cs.scenario.instruments:
        share = round(100 * instruments.get(inst.id, 0) / runs)
        here = t("signed in this game") if inst.id in signed_here else t("not signed in this game")
        lines.append(t("{instrument} was signed in {share}% of them ({here}).", instrument=tr(inst.title, tr_.lang), share=share, here=here))
    return lines
