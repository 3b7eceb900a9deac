"""The session record: what a teacher keeps to grade and discuss a game.

A record is plain frozen data built once from a session, in one language;
the exporters (Markdown, HTML, JSON) only lay it out, so they never disagree
about what happened. It is rebuilt by replaying the session's actions, which
gives each move its exact sitting, date, log entries and the state just
before every signature (for the Pareto/Nash measures of that deal).

Secrets (private talks, secret treaties, the AI's reasoning, the teams'
rationales, aims and scores, which rest on private briefings) are only put
in the record when the conference has ended, unless the teacher explicitly
asks for a full copy (`reveal=True`); a record built mid-game says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from game.ai.explain import Explainer
from game.analysis.pareto import assess
from game.engine import actions as A
from game.engine.log import LogEntry, LogKind
from game.engine.narrate import Narrator, Translate
from game.engine.rules import new_game, step
from game.engine.scoring import score
from game.engine.state import GameState
from game.i18n import Translator, language_name
from game.play.session import JournalEntry, Session, Undone
from game.scenario.texts import tr

RECORD_FORMAT = "plenipo-record"
RECORD_VERSION = 1

#: Who made a move.
BY_TEAM, BY_AI, BY_TEACHER = "team", "ai", "teacher"

#: Kinds of log entry that are a move's own words; the rest is what followed it.
_OWN = {LogKind.PROPOSAL, LogKind.ANSWER, LogKind.POSITION, LogKind.STATEMENT, LogKind.PASS, LogKind.WALKOUT, LogKind.TEACHER}
#: What followed a move and belongs in the proceedings (new sittings are headings, not lines).
_HAPPENINGS = {LogKind.EVENT, LogKind.SIGNED, LogKind.LAPSED, LogKind.LEAK, LogKind.END, LogKind.OUTCOME}


@dataclass(frozen=True)
class AIReasons:
    value: float
    aspiration: float
    alternative: float
    deciding: tuple[str, ...]  # issue titles
    note: str
    sentence: str = ""  # the reason as a student reads it (game.ai.explain), in the record's language
    chance: float | None = None  # a proposal: its proposer's guess (0-1) that every addressee accepts


@dataclass(frozen=True)
class Move:
    number: int  # 1-based, in the order played
    sitting: int
    date: str  # ISO
    actor: str  # delegation id or "teacher"
    actor_name: str
    by: str  # "team", "ai" or "teacher"
    kind: str  # the action's type: Propose, Respond, Shift, Statement, Walkout, Pass, News, FireEvent, MoveEnd, EndNow, SetControl
    text: str  # what happened, narrated
    rationale: str
    visibility: str  # "public" or "private"
    audience: tuple[str, ...]  # for a private move: the names of the others who saw it
    reasons: AIReasons | None


@dataclass(frozen=True)
class Happening:
    """Something that followed a move: news, a signature, a lapse, the end."""

    after_move: int  # the move it followed (0: before the first)
    sitting: int
    date: str
    kind: str
    text: str
    private: bool


@dataclass(frozen=True)
class PartyMeasure:
    name: str
    utility: float  # net utility of the signed package (after the instrument's cost)
    no_deal: float
    nash: float | None
    difference: float | None  # signed minus Nash


@dataclass(frozen=True)
class DealMeasure:
    efficient: bool
    exact: bool  # every package was enumerated (else the frontier is approximate)
    frontier_gap: float  # the largest gain all parties could still have had at once
    nash_distance: float | None
    nash_package: tuple[tuple[str, str], ...] | None  # (issue title, option label)
    frontier_size: int
    parties: tuple[PartyMeasure, ...]


@dataclass(frozen=True)
class Signed:
    proposal: int
    sitting: int
    date: str
    instrument: str
    title: str
    parties: tuple[str, ...]
    package: tuple[tuple[str, str], ...]  # (issue title, option label)
    secret: bool
    measure: DealMeasure | None
    terms: str = ""  # the instrument's written clauses in words ("Its terms: (1) …"), "" if it has none
    history: tuple[str, ...] = ()  # per row of `package`: the option signed in history ("" if none given)


@dataclass(frozen=True)
class TeacherAction:
    move: int | None  # the move number, None for an undo
    sitting: int
    date: str
    kind: str  # action type, or "Undo"
    text: str
    taken_back: tuple[str, ...] = ()  # for an undo: the moves it took back


@dataclass(frozen=True)
class AimLine:
    aim: str
    text: str
    weight: float
    default_weight: float
    met: bool


@dataclass(frozen=True)
class Result:
    delegation: str
    name: str
    played_by: str  # "team" or "ai" at the end
    score: float
    utility: float
    aims: tuple[AimLine, ...]
    paid: float = 0.0  # political costs of signing, already taken off score and utility


@dataclass(frozen=True)
class Seat:
    delegation: str
    name: str
    played_by: str  # at the start: "team" or "ai"


@dataclass(frozen=True)
class Setup:
    scenario: str
    title: str
    file: str
    digest: str
    seed: int
    length: str
    length_title: str
    sittings: int
    lang: str
    language: str
    seats: tuple[Seat, ...]
    weights_changed: tuple[tuple[str, str, float, float], ...]  # (delegation name, aim text, weight, scenario weight)


@dataclass(frozen=True)
class OutcomeInfo:
    id: str
    title: str
    debrief: str
    historical: bool
    end: str  # how the conference ended, narrated


@dataclass(frozen=True)
class History:
    text: str
    historical_outcomes: tuple[str, ...]
    matches: bool | None  # the game's outcome is the historical one (None while the game is on)


@dataclass(frozen=True)
class Record:
    format: str
    version: int
    exported: str
    lang: str
    ended: bool
    revealed: bool  # secrets are in this record
    sitting: int
    of: int
    setup: Setup
    opening: tuple[str, ...]
    moves: tuple[Move, ...]
    happenings: tuple[Happening, ...]
    signed: tuple[Signed, ...]
    teacher: tuple[TeacherAction, ...]
    outcome: OutcomeInfo | None
    results: tuple[Result, ...]
    history: History
    questions: tuple[str, ...]
    notes: tuple[str, ...]


# --- building -------------------------------------------------------------------------


def build_record(session: Session, lang: str | None = None, reveal: bool | None = None, exported: str | None = None) -> Record:
    """The record of a session, in `lang` (default: the session's language).

    `reveal` defaults to whether the conference has ended; True gives the teacher a full copy mid-game."""
    lang = lang or session.setup.lang
    tl = Translator(lang)
    t = tl.t
    cs = session.cs
    narrator = Narrator(cs, lang, t, tl.number)
    setup = session.setup
    state = new_game(cs, setup.seed, setup.length_id, setup.humans)
    ended = session.state.ended
    show = ended if reveal is None else reveal
    opening = tuple(narrator.sentence(e) for e in state.log if e.kind in _HAPPENINGS and e.visible_to(None, show))
    explainer = Explainer(narrator, t)  # fed every entry in log order: it remembers what each proposal offered
    explainer.feed(state.log)
    moves: list[Move] = []
    happenings: list[Happening] = []
    signed: list[Signed] = []
    teacher: list[TeacherAction] = []
    for action in session.actions:
        before = state
        result = step(state, action)
        state, entries = result.state, result.entries
        own = [e for e in entries if _is_own(e, action)]
        whys = [explainer.why(e) for e in entries]  # every entry, in order, so later answers know the packages
        reason = next((w for e, w in zip(entries, whys, strict=True) if w and any(e is o for o in own)), "")
        first = own[0] if own else entries[0] if entries else None
        sitting = first.turn if first else before.turn + 1
        date = first.date if first else before.date.isoformat()
        private = any(e.audience is not None for e in own)
        is_teacher = not hasattr(action, "actor")
        if is_teacher:
            text = " ".join(narrator.sentence(e) for e in own if e.visible_to(None, show)) or t("A private item, shown when the conference ends.")
            teacher.append(TeacherAction(len(moves) + 1, sitting, date, type(action).__name__, text))
        if not private or show:
            moves.append(_move(narrator, before, action, own, len(moves) + 1, sitting, date, private, show, reason))
        for e in entries:
            if e.kind in _HAPPENINGS and not any(e is o for o in own) and e.visible_to(None, show):
                happenings.append(Happening(len(moves), e.turn, e.date, e.kind.value, narrator.sentence(e), e.audience is not None))
            if e.kind is LogKind.SIGNED and e.visible_to(None, show):
                signed.append(_signed(narrator, before, state, e, show))
    for u in session.undone:
        teacher.append(_undo(narrator, u, show, state))
    if setup.turn_minutes > 0:  # the timer chosen on the setup screen, as the first of the teacher's acts
        first_date = session.state.sittings[0].isoformat()
        teacher.insert(0, _journal(narrator, JournalEntry("timer", 0, 1, first_date, setup.turn_minutes, setup.auto_pass)))
    for j in session.journal:
        teacher.append(_journal(narrator, j))
    final = state
    outcome = _outcome(narrator, final) if final.ended else None
    return Record(
        format=RECORD_FORMAT,
        version=RECORD_VERSION,
        exported=exported or dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        lang=lang,
        ended=final.ended,
        revealed=show,
        sitting=min(final.turn + 1, final.n_turns),
        of=final.n_turns,
        setup=_setup(session, narrator, tl, show),
        opening=opening,
        moves=tuple(moves),
        happenings=tuple(happenings),
        signed=tuple(signed),
        teacher=tuple(teacher),
        outcome=outcome,
        results=_results(session, final, narrator) if show else (),
        history=_history(final, lang),
        questions=tuple(tr(q, lang) for q in cs.scenario.meta.debrief_questions),
        notes=_notes(t, final.ended, show),
    )


def _is_own(e: LogEntry, action: A.Action) -> bool:
    actor = getattr(action, "actor", "teacher")
    return e.actor == actor and (e.kind in _OWN or (e.kind is LogKind.EVENT and actor == "teacher"))


def _reasons(narrator: Narrator, r: A.Reasons | None, sentence: str = "") -> AIReasons | None:
    if r is None:
        return None
    return AIReasons(
        round(r.value, 1),
        round(r.aspiration, 1),
        round(r.alternative, 1),
        tuple(narrator.issue(i) for i in r.deciding if i in narrator.cs.i_index),
        ai_note(narrator.t, r.note),
        sentence,
        r.chance,
    )


def ai_note(t: Translate, note: str) -> str:
    """The AI's short tag in the record's language (its notes are a closed set of English phrases)."""
    known = {
        "meets its aspiration": t("meets its aspiration"),
        "worse than no agreement": t("worse than no agreement"),
        "below its aspiration": t("below its aspiration"),
        "expects the addressees to accept": t("expects the addressees to accept"),
        "tests the others with an offer": t("tests the others with an offer"),
        "pressure from home and no deal in sight": t("pressure from home and no deal in sight"),
        "concedes as time runs out": t("concedes as time runs out"),
        "worse than an offer it refused before": t("worse than an offer it refused before"),
        "the best offer it expects before the end": t("the best offer it expects before the end"),
        "accepts now that a treaty is signed": t("accepts now that a treaty is signed"),
        "accepts now that events changed its priorities": t("accepts now that events changed its priorities"),
        "accepts now that its other prospects have faded": t("accepts now that its other prospects have faded"),
        "proposes what the parties can all accept": t("proposes what the parties can all accept"),
        "concedes where it costs least": t("concedes where it costs least"),
        "accepts now that the conference is ending": t("accepts now that the conference is ending"),
        "accepts now that time is running out": t("accepts now that time is running out"),
        "holds out for a better agreement on the table": t("holds out for a better agreement on the table"),
        "receiving would cost it one of its aims": t("receiving would cost it one of its aims"),
        "values the asker's trust": t("values the asker's trust"),
        "keeps faith with its partners": t("keeps faith with its partners"),
        "distrusts the asker": t("distrusts the asker"),
        "fears a side deal without it": t("fears a side deal without it"),
        "pressed at home for a deal": t("pressed at home for a deal"),
    }
    return known.get(note, note)


def _move(
    narrator: Narrator,
    before: GameState,
    action: A.Action,
    own: list[LogEntry],
    number: int,
    sitting: int,
    date: str,
    private: bool,
    show: bool,
    reason: str = "",
) -> Move:
    cs = narrator.cs
    actor = getattr(action, "actor", None)
    if actor is None:
        who, name, by = "teacher", narrator.delegation("teacher"), BY_TEACHER
    else:
        who, name = actor, narrator.name(actor)
        by = BY_TEAM if cs.d_index[actor] in before.humans else BY_AI
    audience: tuple[str, ...] = ()
    if private:
        seen = set().union(*(e.audience for e in own if e.audience is not None)) - {who}
        audience = tuple(narrator.name(x) for x in sorted(seen) if x in cs.d_index)
    text = " ".join(narrator.sentence(e) for e in own) if own else describe(narrator, action)
    rationale = getattr(action, "rationale", "") if show else ""
    reasons = _reasons(narrator, getattr(action, "reasons", None), reason) if show else None
    return Move(number, sitting, date, who, name, by, type(action).__name__, text, rationale, "private" if private else "public", audience, reasons)


def _signed(narrator: Narrator, before: GameState, after: GameState, e: LogEntry, show: bool) -> Signed:
    cs = narrator.cs
    k = cs.inst_index[e.data["instrument"]]
    pid = int(e.data["proposal"])
    package = tuple((narrator.issue(i), narrator.option(i, o)) for i, o in e.data["package"].items())
    hist = dict(cs.instrument(k).historical)
    sig = next(x for x in after.signed if x.proposal == pid)
    measure = _measure(narrator, before, after, k, sig.package, pid) if show else None
    return Signed(
        pid,
        e.turn,
        e.date,
        cs.instrument_ids[k],
        narrator.instrument(cs.instrument_ids[k]),
        tuple(narrator.name(cs.delegation_ids[p]) for p in cs.parties[k]),
        package,
        cs.instrument(k).secret,
        measure,
        narrator.terms_text(cs.instrument_ids[k]),
        tuple(narrator.option(i, hist[i]) if i in hist else "" for i in e.data["package"]) if hist else (),
    )


def _measure(narrator: Narrator, before: GameState, after: GameState, k: int, package: tuple[int, ...], pid: int) -> DealMeasure:
    """Pareto/Nash measures under the stances just before signing, over the world other treaties had settled by then."""
    cs = narrator.cs
    world = [-1] * cs.n_issues
    for sig in after.signed:
        if sig.proposal == pid:
            break
        for i, o in zip(cs.scope[sig.instrument], sig.package, strict=True):
            world[i] = o
    a = assess(before, k, package, tuple(world))
    f = a.frontier
    parties = []
    for col, d in enumerate(f.parties):
        nash = float(f.nash_utilities[col]) if f.nash_utilities is not None else None
        diff = float(a.nash_difference[col]) if a.nash_difference is not None else None
        parties.append(
            PartyMeasure(
                narrator.name(cs.delegation_ids[d]),
                round(float(a.utilities[col]), 1),
                round(float(f.no_deal[col]), 1),
                None if nash is None else round(nash, 1),
                None if diff is None else round(diff, 1),
            )
        )
    nash_package = None
    if f.nash is not None:
        nash_package = tuple(
            (narrator.issue(cs.issue_ids[i]), narrator.option(cs.issue_ids[i], cs.option_ids[i][o])) for i, o in zip(f.scope, f.nash, strict=True)
        )
    return DealMeasure(
        a.efficient,
        f.exact,
        round(a.frontier_gap, 1),
        None if a.nash_distance is None else round(a.nash_distance, 1),
        nash_package,
        len(f.packages),
        tuple(parties),
    )


def describe(narrator: Narrator, action: A.Action) -> str:
    """A sentence for an action without the state it was played in (for moves the teacher took back)."""
    t = narrator.t
    if isinstance(action, A.Propose):
        entry = LogEntry(
            0,
            "",
            LogKind.PROPOSAL,
            action.actor,
            None,
            {"instrument": action.instrument, "package": dict(action.package), "to": list(action.to) or "plenary"},
        )
        return narrator.sentence(entry)
    if isinstance(action, A.Respond):
        msg = t("{who} accepts proposal {number}.") if action.answer is A.Answer.ACCEPT else t("{who} rejects proposal {number}.")
        return msg.format(who=narrator.delegation(action.actor), number=action.proposal)
    if isinstance(action, A.Shift):
        return t("{who} changes its stated position on {issue} to {option}.").format(
            who=narrator.delegation(action.actor), issue=narrator.issue(action.issue), option=narrator.option(action.issue, action.option)
        )
    if isinstance(action, A.Statement):
        data = {"text": action.text, "statement": action.kind.value, **({"issue": action.issue} if action.issue else {})}
        return narrator.sentence(LogEntry(0, "", LogKind.STATEMENT, action.actor, None, data))
    if isinstance(action, A.Walkout):
        return narrator.sentence(LogEntry(0, "", LogKind.WALKOUT, action.actor))
    if isinstance(action, A.Pass):
        return narrator.sentence(LogEntry(0, "", LogKind.PASS, action.actor))
    if isinstance(action, A.RequestAudience):
        return narrator.sentence(LogEntry(0, "", LogKind.AUDIENCE, action.actor, None, {"host": action.host}))
    if isinstance(action, A.AnswerAudience):
        msg = t("{who} grants request {number} for an audience.") if action.grant else t("{who} refuses request {number} for an audience.")
        return msg.format(who=narrator.delegation(action.actor), number=action.audience)
    if isinstance(action, A.FireEvent):
        return narrator.sentence(LogEntry(0, "", LogKind.EVENT, "teacher", None, {"event": action.event}))
    if isinstance(action, A.News):
        return narrator.sentence(LogEntry(0, "", LogKind.TEACHER, "teacher", None, {"what": "news", "title": action.title, "text": action.text}))
    if isinstance(action, A.MoveEnd):
        tl = Translator(narrator.lang)
        if action.delta < 0:
            return tl.tn(
                "The teacher moves the end of the conference {n} sitting earlier.",
                "The teacher moves the end of the conference {n} sittings earlier.",
                -action.delta,
            )
        return tl.tn(
            "The teacher moves the end of the conference {n} sitting later.",
            "The teacher moves the end of the conference {n} sittings later.",
            action.delta,
        )
    if isinstance(action, A.EndNow):
        return t("The teacher ends the conference.")
    return narrator.sentence(
        LogEntry(0, "", LogKind.TEACHER, "teacher", None, {"what": "control", "delegation": action.delegation, "human": action.human})
    )


def _undo(narrator: Narrator, u: Undone, show: bool, final: GameState) -> TeacherAction:
    t = narrator.t
    tl = Translator(narrator.lang)
    lines = []
    hidden = 0
    for a in u.actions:
        if show or not hasattr(a, "actor"):
            lines.append(describe(narrator, a) + ("" if hasattr(a, "actor") else " " + t("(the teacher's)")))
        else:
            hidden += 1
    if hidden:
        lines.append(
            tl.tn("{n} move by a delegation (shown when the conference ends)", "{n} moves by delegations (shown when the conference ends)", hidden)
        )
    text = tl.tn(
        "Undo: back to the start of sitting {number}; {n} move taken back.",
        "Undo: back to the start of sitting {number}; {n} moves taken back.",
        len(u.actions),
        number=u.sitting,
    )
    sittings = final.sittings
    date = sittings[min(max(u.sitting - 1, 0), len(sittings) - 1)].isoformat()
    return TeacherAction(None, u.sitting, date, "Undo", text, tuple(lines))


def _journal(narrator: Narrator, j: JournalEntry) -> TeacherAction:
    """A pause, resume, timer change or time-up from the console, in the record's language."""
    t = narrator.t
    if j.kind == "pause":
        text = t("The teacher pauses the conference.")
    elif j.kind == "resume":
        text = t("The teacher resumes the conference.")
    elif j.kind == "timer" and j.minutes > 0:
        minutes = f"{j.minutes:g}"
        text = (
            t("The teacher sets a timer of {minutes} minutes per team turn; the turn passes when time is up.")
            if j.auto_pass
            else t("The teacher sets a timer of {minutes} minutes per team turn.")
        ).format(minutes=minutes)
    elif j.kind == "timer":
        text = t("The teacher turns the timer off.")
    elif j.kind == "time_up":
        who = narrator.delegation(j.delegation) if j.delegation in narrator.cs.d_index else j.delegation
        text = (t("Time is up for {who}; its turn is passed.") if j.auto_pass else t("Time is up for {who}.")).format(who=who)
    else:
        text = j.kind
    kind = {"pause": "Pause", "resume": "Resume", "timer": "Timer", "time_up": "TimeUp"}.get(j.kind, j.kind)
    return TeacherAction(None, j.sitting, j.date, kind, text)


def _setup(session: Session, narrator: Narrator, tl: Translator, show: bool) -> Setup:
    cs, setup, lang = session.cs, session.setup, narrator.lang
    scen = cs.scenario
    length_title = tl.t("Full conference")
    for length in scen.calendar.lengths:
        if length.id == setup.length_id:
            length_title = tr(length.title, lang)
    seats = tuple(
        Seat(cs.delegation_ids[d], narrator.name(cs.delegation_ids[d]), BY_TEAM if cs.delegation_ids[d] in setup.humans else BY_AI) for d in cs.actors
    )
    changed = []
    if show:
        for d in cs.actors:
            deleg = cs.delegation(d)
            override = setup.aim_weights.get(deleg.id, {})
            for aim in deleg.aims:
                if aim.id in override and float(override[aim.id]) != aim.weight:
                    changed.append((tr(deleg.name, lang), tr(aim.text, lang), float(override[aim.id]), aim.weight))
    return Setup(
        scen.id,
        tr(scen.meta.title, lang),
        Path(setup.scenario_path).name,
        session.loaded.digest,
        setup.seed,
        setup.length_id,
        length_title,
        len(session.state.sittings),
        lang,
        language_name(lang),
        seats,
        tuple(changed),
    )


def _outcome(narrator: Narrator, s: GameState) -> OutcomeInfo:
    assert s.outcome is not None
    out = s.cs.outcome(s.outcome)
    end = next((narrator.sentence(e) for e in reversed(s.log) if e.kind is LogKind.END), "")
    return OutcomeInfo(out.id, tr(out.title, narrator.lang), tr(out.debrief, narrator.lang), out.historical, end)


def _results(session: Session, s: GameState, narrator: Narrator) -> tuple[Result, ...]:
    cs, lang = s.cs, narrator.lang
    out = []
    for ds in score(s, session.setup.aim_weights):
        deleg = cs.delegation(cs.d_index[ds.delegation])
        texts = {a.id: (tr(a.text, lang), a.weight) for a in deleg.aims}
        aims = tuple(AimLine(r.aim, texts[r.aim][0], r.weight, texts[r.aim][1], r.met) for r in ds.aims)
        by = BY_TEAM if cs.d_index[ds.delegation] in s.humans else BY_AI
        out.append(Result(ds.delegation, narrator.name(ds.delegation), by, round(ds.score, 1), round(ds.utility, 1), aims, round(ds.paid, 1)))
    return tuple(out)


def _history(s: GameState, lang: str) -> History:
    scen = s.cs.scenario
    historical = tuple(tr(o.title, lang) for o in scen.outcomes if o.historical)
    matches = scen.outcomes[s.outcome].historical if s.ended and s.outcome is not None else None
    return History(tr(scen.meta.history, lang), historical, matches)


def _notes(t: Translate, ended: bool, show: bool) -> tuple[str, ...]:
    notes = []
    if not ended:
        notes.append(t("The conference has not ended: this record shows the game so far."))
    if not show:
        notes.append(t("Private talks, secret treaties, aims, scores, rationales and the AI's reasoning are hidden until the conference ends."))
    elif not ended:
        notes.append(t("The teacher's full copy: it shows secrets the delegations have not seen yet."))
    return tuple(notes)
