"""The record laid out as a document: headings, paragraphs, tables, lists.

Markdown and HTML render the same blocks, so the printed record and the
Markdown file never differ in content or order. All labels are translated
here (string literals passed to `t`, found by the catalog test); the record's own
texts were already put in its language by the narrator.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from babel.numbers import format_decimal

from game.i18n import Translator
from game.record.model import BY_AI, BY_TEACHER, BY_TEAM, AIReasons, Move, Record, Signed


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Para:
    text: str
    style: str = ""  # "", "note" (a boxed warning), "strong", "quote"


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    span: str | None = None  # a full-width line (what followed a move) instead of cells
    kind: str = ""  # "", "private", "teacher": the HTML marks these rows


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[Row, ...]
    widths: tuple[int, ...] = ()  # relative column widths for print
    keys: bool = False  # a two-column key/value table (first column is a label)


@dataclass(frozen=True)
class Items:
    items: tuple[str, ...]
    ordered: bool = False


Block = Heading | Para | Table | Items


@dataclass
class _Doc:
    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)


class Layout:
    """Lays out one record in one language for the interface labels."""

    def __init__(self, record: Record, lang: str | None = None) -> None:
        self.r = record
        self.lang = lang or record.lang
        self.tl = Translator(self.lang)
        self.t = self.tl.t

    # -- small formatting helpers ------------------------------------------------------

    def num(self, x: float | None) -> str:
        if x is None:
            return "—"
        try:
            return format_decimal(x, format="#,##0.#", locale=self.lang)
        except (ValueError, LookupError):
            return f"{x:.1f}"

    def date(self, iso: str) -> str:
        try:
            return self.tl.date(dt.date.fromisoformat(iso))
        except ValueError:
            return iso

    def by(self, by: str) -> str:
        t = self.t
        return {BY_TEAM: t("Team"), BY_AI: t("AI"), BY_TEACHER: t("Teacher")}.get(by, by)

    def yes(self, flag: bool) -> str:
        return self.t("yes") if flag else self.t("no")

    # -- the document --------------------------------------------------------------------

    def title(self) -> str:
        return self.t("Session record: {title}", title=self.r.setup.title)

    def blocks(self) -> list[Block]:
        doc = _Doc()
        t, r = self.t, self.r
        doc.add(Heading(1, self.title()))
        for note in r.notes:
            doc.add(Para(note, "note"))
        self._setup(doc)
        if r.outcome is not None:
            doc.add(Heading(2, t("Outcome")), Para(r.outcome.title, "strong"))
            if r.outcome.debrief:
                doc.add(Para(r.outcome.debrief))
            if r.outcome.end:
                doc.add(Para(r.outcome.end))
        self._history(doc)
        if r.results:
            self._results(doc)
        self._signed(doc)
        self._proceedings(doc)
        self._teacher(doc)
        if r.questions:
            doc.add(Heading(2, t("Debrief questions")), Items(r.questions, ordered=True))
        return doc.blocks

    def _setup(self, doc: _Doc) -> None:
        t, r, s = self.t, self.r, self.r.setup
        status = (
            t("Ended at sitting {sitting} of {of}", sitting=r.sitting, of=r.of)
            if r.ended
            else t("In progress: sitting {sitting} of {of}", sitting=r.sitting, of=r.of)
        )
        sittings = self.tl.tn("{n} sitting", "{n} sittings", s.sittings)
        keys = (
            (t("Scenario"), f"{s.title} ({s.file})"),
            (t("Seed"), str(s.seed)),
            (t("Game length"), f"{s.length_title}, {sittings}"),
            (t("Language"), s.language),
            (t("Status"), status),
            (t("Exported"), r.exported.replace("T", " ")),
            (t("Scenario content hash"), s.digest[:16]),
        )
        doc.add(Heading(2, t("Setup")), Table((t("Item"), t("Value")), tuple(Row(k) for k in keys), (1, 3), keys=True))
        seats = tuple(Row((seat.name, self.by(seat.played_by))) for seat in s.seats)
        doc.add(Heading(3, t("Delegations")), Table((t("Delegation"), t("Played by")), seats, (3, 1)))
        if s.weights_changed:
            rows = tuple(Row((d, aim, self.num(w), self.num(w0))) for d, aim, w, w0 in s.weights_changed)
            doc.add(
                Heading(3, t("Aim weights set by the teacher")),
                Table((t("Delegation"), t("Aim"), t("Weight used"), t("Scenario weight")), rows, (2, 4, 1, 1)),
            )
        elif r.revealed:
            doc.add(Para(t("Aim weights: as the scenario sets them.")))

    def _history(self, doc: _Doc) -> None:
        t, h = self.t, self.r.history
        if not h.text and not h.historical_outcomes:
            return
        doc.add(Heading(2, t("Comparison with history")))
        if h.text:
            doc.add(Para(h.text, "quote"))
        if h.historical_outcomes:
            doc.add(Para(t("The historical outcome: {titles}.", titles=", ".join(h.historical_outcomes))))
        if h.matches is True:
            doc.add(Para(t("This game ended as history did."), "strong"))
        elif h.matches is False:
            doc.add(Para(t("This game ended differently from history."), "strong"))

    def _results(self, doc: _Doc) -> None:
        t = self.t
        doc.add(
            Heading(2, t("Results against aims")),
            Para(
                t("The score is the weighted share of its aims a delegation met (0–100).")
                + " "
                + t("The utility is how much it valued the final settlement by its own stances (0–100).")
            ),
        )
        summary = tuple(Row((res.name, self.by(res.played_by), self.num(res.score), self.num(res.utility))) for res in self.r.results)
        doc.add(Table((t("Delegation"), t("Played by"), t("Score"), t("Utility")), summary, (3, 1, 1, 1)))
        for res in self.r.results:
            doc.add(Heading(3, t("{name}: score {score}", name=res.name, score=self.num(res.score))))
            if res.paid:
                doc.add(
                    Para(
                        t(
                            "Signing cost it {points} points, taken off its score and utility as the same cost weighs on the AI.",
                            points=self.num(res.paid),
                        )
                    )
                )
            if not res.aims:
                doc.add(Para(t("No scored aims.")))
                continue
            rows = []
            for a in res.aims:
                weight = (
                    self.num(a.weight)
                    if a.weight == a.default_weight
                    else t("{weight} (scenario: {default})", weight=self.num(a.weight), default=self.num(a.default_weight))
                )
                rows.append(Row((a.text, weight, t("met") if a.met else t("not met"))))
            doc.add(Table((t("Aim"), t("Weight"), t("Result")), tuple(rows), (5, 1, 1)))

    def _signed(self, doc: _Doc) -> None:
        t = self.t
        doc.add(Heading(2, t("Signed agreements")))
        if not self.r.signed:
            doc.add(Para(t("Nothing was signed.") if self.r.ended else t("Nothing has been signed so far.")))
        for sig in self.r.signed:
            self._one_signed(doc, sig)

    def _one_signed(self, doc: _Doc, sig: Signed) -> None:
        t = self.t
        head = t("{title}: signed at sitting {sitting}, {date}", title=sig.title, sitting=sig.sitting, date=self.date(sig.date))
        doc.add(Heading(3, head), Para(t("Parties: {names}.", names=", ".join(sig.parties)) + (" " + t("A secret treaty.") if sig.secret else "")))
        if sig.history:
            doc.add(
                Table(
                    (t("Issue"), t("Agreed option"), t("In history")),
                    tuple(Row((*p, h)) for p, h in zip(sig.package, sig.history, strict=True)),
                    (1, 2, 2),
                )
            )
        else:
            doc.add(Table((t("Issue"), t("Agreed option")), tuple(Row(p) for p in sig.package), (1, 2)))
        if sig.terms:
            doc.add(Para(sig.terms))
        m = sig.measure
        if m is None:
            return
        facts = [
            t("Pareto-efficient: {answer}.", answer=self.yes(m.efficient)) + ("" if m.exact else " " + t("(approximate: too many packages to list)")),
            t("Every party could still have gained {points} points at once.", points=self.num(m.frontier_gap))
            if m.frontier_gap > 0
            else t("No package was better for every party."),
        ]
        if m.nash_distance is not None and m.nash_package is not None:
            facts.append(t("Distance to the Nash bargaining point: {distance} utility points.", distance=self.num(m.nash_distance)))
            facts.append(t("The Nash point: {package}.", package="; ".join(f"{i}: {o}" for i, o in m.nash_package)))
        else:
            facts.append(t("No package was better than no agreement for every party, so there is no Nash point."))
        doc.add(Items(tuple(facts)))
        rows = tuple(Row((p.name, self.num(p.utility), self.num(p.no_deal), self.num(p.nash), self.num(p.difference))) for p in m.parties)
        doc.add(Table((t("Party"), t("Utility of the deal"), t("Without it"), t("At the Nash point"), t("Difference")), rows, (3, 1, 1, 1, 1)))

    def reasons(self, r: AIReasons) -> str:
        t = self.t
        text = t(
            "value {value}, aspiration {aspiration}, alternative {alternative}",
            value=self.num(r.value),
            aspiration=self.num(r.aspiration),
            alternative=self.num(r.alternative),
        )
        if r.note:
            text += f"; {r.note}"
        if r.deciding:
            text += "; " + t("deciding: {issues}", issues=", ".join(r.deciding))
        if r.chance is not None:  # a proposal: beside what came of it, the teacher sees how sure its proposer was
            text += "; " + t("its guess that all accept: {chance}%", chance=self.num(round(100 * r.chance)))
        return f"{r.sentence} ({text})" if r.sentence else text

    def move_cells(self, m: Move) -> tuple[str, ...]:
        t = self.t
        text = m.text
        if m.visibility == "private":
            text = t("[Private, with {names}]", names=", ".join(m.audience) or "—") + " " + text
        why = f"“{m.rationale}”" if m.rationale else ""
        if m.reasons is not None:
            why = (why + " " if why else "") + t("AI: {reasons}", reasons=self.reasons(m.reasons))
        return (str(m.number), m.actor_name, self.by(m.by), text, why)

    def _proceedings(self, doc: _Doc) -> None:
        t, r = self.t, self.r
        intro = t("Every move in the order played, with the team's rationale or the AI's reasons.") if r.revealed else t("The public moves so far.")
        doc.add(Heading(2, t("Proceedings")), Para(intro))
        if not r.moves:
            doc.add(Para(t("No moves yet.")))
        if r.opening:
            doc.add(Items(r.opening))
        sittings = sorted({m.sitting for m in r.moves} | {h.sitting for h in r.happenings})
        headers = (t("No."), t("Delegation"), t("By"), t("Move"), t("Rationale or reasons"))
        for n in sittings:
            items: list[tuple[tuple[int, int], Row]] = []
            date = ""
            for m in r.moves:
                if m.sitting == n:
                    items.append(
                        (
                            (m.number, 0),
                            Row(self.move_cells(m), kind="private" if m.visibility == "private" else "teacher" if m.by == BY_TEACHER else ""),
                        )
                    )
                    date = date or m.date
            for h in r.happenings:
                if h.sitting == n:
                    items.append(((h.after_move, 1), Row((), span="→ " + h.text, kind="private" if h.private else "")))
                    date = date or h.date
            items.sort(key=lambda x: x[0])
            doc.add(
                Heading(3, t("Sitting {number}, {date}", number=n, date=self.date(date))),
                Table(headers, tuple(row for _, row in items), (1, 3, 2, 10, 6)),
            )

    def _teacher(self, doc: _Doc) -> None:
        t = self.t
        doc.add(Heading(2, t("The teacher's actions")))
        if not self.r.teacher:
            doc.add(Para(t("The teacher did not intervene.")))
            return
        rows = []
        for a in self.r.teacher:
            text = a.text + ("" if not a.taken_back else " " + t("Taken back:") + "\n" + "\n".join("– " + x for x in a.taken_back))
            rows.append(Row(("" if a.move is None else str(a.move), str(a.sitting), self.date(a.date), t("Teacher"), text), kind="teacher"))
        doc.add(Table((t("No."), t("Sitting"), t("Date"), t("By"), t("Action")), tuple(rows), (1, 1, 3, 2, 10)))
