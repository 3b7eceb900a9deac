"""Turn log entries into dated sentences, in any language.

Sentences are message ids passed through a translator `t` (identity for
English), so the CLI, the news column and the session record say the same
thing. Nothing here decides anything: it only reads the log and the scenario.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, assert_never

from game.engine.compiled import CompiledScenario
from game.engine.log import LogEntry, LogKind
from game.scenario.models import Option
from game.scenario.texts import tr

Translate = Callable[[str], str]


def _identity(msg: str) -> str:
    return msg


Number = Callable[[float], str]


def plain_number(value: float) -> str:
    """Numbers as Python writes them; the interface passes its language's style instead (game.i18n)."""
    return f"{value:g}"


def option_label(o: Option, lang: str = "en", t: Translate = _identity, number: Number = plain_number) -> str:
    """An option's label with its figure, and the figure marked when historians dispute it.

    One function for the board, the forms, the news, the record and the handouts,
    so a disputed number ("18 bn gold roubles") is never printed without its warning.
    """
    label = tr(o.label, lang)
    notes = []
    if o.quantity is not None:
        notes.append(f"{number(o.quantity)} {tr(o.unit, lang)}".strip())
    if o.uncertain:
        notes.append(t("disputed"))
    return f"{label} ({', '.join(notes)})" if notes else label


class Narrator:
    def __init__(self, cs: CompiledScenario, lang: str = "en", t: Translate = _identity, number: Number = plain_number) -> None:
        self.cs = cs
        self.lang = lang
        self.t = t
        self.number = number  # how figures are written (0,6 and 175 000 in Lithuanian): given by the interface

    # -- names ---------------------------------------------------------------------

    def delegation(self, did: str | None) -> str:
        if did is None:
            return self.t("The conference")
        if did == "teacher":
            return self.t("The teacher")
        d = self.cs.delegation(self.cs.d_index[did])
        if d.adjective:
            return self.t("The {adjective} delegation").format(adjective=tr(d.adjective, self.lang))
        return tr(d.name, self.lang)

    def name(self, did: str) -> str:
        return tr(self.cs.delegation(self.cs.d_index[did]).name, self.lang)

    def instrument(self, iid: str) -> str:
        return tr(self.cs.instrument(self.cs.inst_index[iid]).title, self.lang)

    def issue(self, iid: str) -> str:
        return tr(self.cs.issue(self.cs.i_index[iid]).title, self.lang)

    def option(self, iid: str, oid: str) -> str:
        issue = self.cs.issue(self.cs.i_index[iid])
        for o in issue.options:
            if o.id == oid:
                return option_label(o, self.lang, self.t, self.number)
        return oid

    def terms(self, iid: str) -> list[str]:
        """The standing clauses of an instrument, in the language (empty if the designer wrote none)."""
        return [tr(x, self.lang) for x in self.cs.instrument(self.cs.inst_index[iid]).terms]

    def history_text(self, iid: str, package: dict[str, str]) -> str:
        """How a signed package differs from the one signed in history ("" if the designer gave none, or it is the same)."""
        hist = dict(self.cs.instrument(self.cs.inst_index[iid]).historical)
        diff = [(i, o) for i, o in hist.items() if package.get(i) != o]
        if not diff:
            return ""
        return self.t("In history, instead: {package}").format(package=self.package(dict(diff)))

    def terms_text(self, iid: str) -> str:
        """ "Its terms: (1) … (2) …", or "" when the instrument has no written clauses."""
        clauses = self.terms(iid)
        if not clauses:
            return ""
        return self.t("Its terms: {terms}").format(terms=" ".join(f"({k}) {c}" for k, c in enumerate(clauses, 1)))

    def _with_terms(self, sentence: str, iid: str) -> str:
        terms = self.terms_text(iid)
        return f"{sentence} {terms}" if terms else sentence

    def package(self, package: dict[str, str]) -> str:
        return "; ".join(f"{self.issue(i)}: {self.option(i, o)}" for i, o in package.items())

    # -- sentences -----------------------------------------------------------------

    def sentence(self, e: LogEntry, with_terms: bool = False) -> str:
        """One entry in words. A signature always carries the instrument's terms; a proposal
        only when `with_terms` (the first time a reader meets that instrument, see `first_proposals`).
        One case per kind of entry: a new kind without words is a type error."""
        t, d = self.t, e.data
        who = self.delegation(e.actor)
        match e.kind:
            case LogKind.OPENING:
                return t("The conference opens.")
            case LogKind.SITTING:
                return t("Sitting {number} of {of}.").format(number=d["number"], of=d["of"])
            case LogKind.EVENT:
                return self._event(d)
            case LogKind.PROPOSAL:
                return self._proposal(who, d, with_terms)
            case LogKind.ANSWER:
                return self._answer(who, d)
            case LogKind.SIGNED:
                said = t("{instrument} is signed: {package}.").format(instrument=self.instrument(d["instrument"]), package=self.package(d["package"]))
                return self._with_terms(said, d["instrument"])
            case LogKind.LAPSED:
                return self._lapsed(d)
            case LogKind.POSITION:
                return t("{who} now states on {issue}: {option} (was: {was}).").format(
                    who=who, issue=self.issue(d["issue"]), option=self.option(d["issue"], d["option"]), was=self.option(d["issue"], d["was"])
                )
            case LogKind.STATEMENT:
                return self._statement(who, d)
            case LogKind.WALKOUT:
                return t("{who} walks out of the conference.").format(who=who)
            case LogKind.PASS:
                return t("{who} waits.").format(who=who)
            case LogKind.LEAK:
                return t("The press reveals {instrument}.").format(instrument=self.instrument(d["instrument"]))
            case LogKind.AUDIENCE:
                return t("{who} asks {host} for private talks.").format(who=who, host=self.name(str(d["host"])))
            case LogKind.AUDIENCE_ANSWER:
                return self._audience_answer(who, d)
            case LogKind.TEACHER:
                return self._teacher(d)
            case LogKind.END:
                return self._end(d)
            case LogKind.OUTCOME:
                out = self.cs.scenario.outcomes[[o.id for o in self.cs.scenario.outcomes].index(d["outcome"])]
                return t("Outcome: {title}.").format(title=tr(out.title, self.lang))
            case _:
                assert_never(e.kind)

    def _event(self, d: Any) -> str:
        ev = self.cs.event(self.cs.event_index[d["event"]])
        text = tr(ev.text, self.lang)
        head = tr(ev.title, self.lang)
        return f"{head}. {text}".strip() if text else f"{head}."

    def _proposal(self, who: str, d: Any, with_terms: bool) -> str:
        t = self.t
        where = t("in plenary") if d["to"] == "plenary" else t("in private talks with {names}").format(names=", ".join(self.name(x) for x in d["to"]))
        said = t("{who} proposes {instrument} {where}: {package}.").format(
            who=who, instrument=self.instrument(d["instrument"]), where=where, package=self.package(d["package"])
        )
        return self._with_terms(said, d["instrument"]) if with_terms else said

    def _answer(self, who: str, d: Any) -> str:
        t = self.t
        accepts = d["answer"] == "accept"
        want = d.get("want")
        if want and not accepts:  # a team's refusal that says what would change it, at once or a moment later
            said = (
                t("{who} adds to its refusal of proposal {number} ({instrument}): it asks for {option} on {issue}.")
                if d.get("amends")
                else t("{who} rejects proposal {number} ({instrument}) and asks for {option} on {issue}.")
            )
            return said.format(who=who, number=d["proposal"], instrument=self.instrument(d["instrument"]), **self.wanted(want))
        msg = t("{who} accepts proposal {number} ({instrument}).") if accepts else t("{who} rejects proposal {number} ({instrument}).")
        return msg.format(who=who, number=d["proposal"], instrument=self.instrument(d["instrument"]))

    def wanted(self, want: Any) -> dict[str, str]:
        """A refusal's `want` (issue id, option id) as the words {issue} and {option}."""
        return {"issue": self.issue(str(want["issue"])), "option": self.option(str(want["issue"]), str(want["option"]))}

    def _lapsed(self, d: Any) -> str:
        t = self.t
        if d.get("withdrawn"):
            return t("Proposal {number} ({instrument}) is withdrawn: {settled_by} has already settled {issue} otherwise.").format(
                number=d["proposal"],
                instrument=self.instrument(d["instrument"]),
                settled_by=self.instrument(d["settled_by"]),
                issue=self.issue(d["issue"]),
            )
        return t("Proposal {number} ({instrument}) lapses unanswered.").format(number=d["proposal"], instrument=self.instrument(d["instrument"]))

    def _audience_answer(self, who: str, d: Any) -> str:
        t = self.t
        msg = {
            "granted": t("{who} receives {asker} for private talks."),
            "refused": t("{who} refuses {asker} an audience."),
            "put_off": t("{who} puts {asker} off: the request for an audience goes unanswered."),
        }[str(d["answer"])]
        return msg.format(who=who, asker=self.name(str(d["asker"])))

    def _end(self, d: Any) -> str:
        t = self.t
        return {
            "signed": t("The conference ends with a signature."),
            "walkout": t("The conference breaks up after a walkout."),
            "calendar": t("The last sitting is over."),
            "teacher": t("The teacher ends the conference."),
            "settled": t("Nothing is left to negotiate; the conference closes."),
        }[str(d["reason"])]

    def _statement(self, who: str, d: Any) -> str:
        t = self.t
        kind = d.get("statement", "free")
        if kind == "holds_firm":
            if d.get("issue"):
                return t("{who} holds firm on {issue}.").format(who=who, issue=self.issue(d["issue"]))
            return t("{who} holds firm.").format(who=who)
        if kind == "urges_agreement":
            return t("{who} urges the conference to settle.").format(who=who)
        if kind == "warns":
            return t("{who} warns that time is running out.").format(who=who)
        return t("{who} states: “{text}”").format(who=who, text=d.get("text", ""))

    def _teacher(self, d: Any) -> str:
        t = self.t
        what = d.get("what")
        if what == "news":
            title = str(d["title"]).rstrip()
            stop = "" if title.endswith((".", "!", "?", "…")) else "."
            return f"{title}{stop} {d.get('text', '')}".strip()
        if what == "move_end":
            return t("The conference will now end on {date}.").format(date=d["last"])
        if what == "end_now":
            return t("The teacher ends the conference.")
        if what == "control":
            msg = t("A team now plays {name}.") if d["human"] else t("The computer now plays {name}.")
            return msg.format(name=self.name(d["delegation"]))
        return str(what)

    def lines(self, entries: Iterable[LogEntry], viewer: str | None = None, ended: bool = True) -> list[str]:
        """Dated lines of the entries `viewer` may see ("YYYY-MM-DD  sentence")."""
        shown = [e for e in entries if e.visible_to(viewer, ended)]
        first = first_proposals(shown)
        out = []
        for k, e in enumerate(shown):
            tag = "  " + self.t("[private] ").strip() if e.audience is not None else ""
            out.append(f"{e.date}  {self.sentence(e, k in first)}{tag}")
        return out


def first_proposals(entries: list[LogEntry]) -> set[int]:
    """Positions (in `entries`) of the first proposal of each instrument: where a reader first meets its terms."""
    seen: set[str] = set()
    out: set[int] = set()
    for k, e in enumerate(entries):
        if e.kind is LogKind.PROPOSAL and str(e.data["instrument"]) not in seen:
            seen.add(str(e.data["instrument"]))
            out.add(k)
    return out
