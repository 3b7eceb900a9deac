"""Printable handouts: one role sheet per acting delegation and a teacher's guide.

Plain HTML files with their own print CSS (A4, serif, large type), no
scripts and no external resources, so they print the same from any browser
and can be mailed to a colleague. Every scenario text is escaped. Stances
are put in words (which options a team favours, which it can live with),
never as the numbers the AI uses: the sheet briefs a team, it does not
hand it the model.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import assert_never

from babel.numbers import format_decimal, format_percent

from game.engine.narrate import option_label
from game.i18n import N_, Translator
from game.scenario import models as m
from game.scenario.models import Delegation, Option, Scenario, Stance, Text
from game.scenario.texts import tr

#: Interface words of the handouts: msgids of the shared catalogs (game/i18n), marked for the catalog check.
LABELS: dict[str, str] = {
    "role_sheet": N_("Role sheet"),
    "teacher_guide": N_("Teacher's guide"),
    "setting": N_("The setting"),
    "leaders": N_("Your delegation"),
    "public": N_("Public demands (everyone knows these)"),
    "private": N_("Private briefing: for your team only"),
    "aims": N_("Aims"),
    "red_lines": N_("Red lines"),
    "secret": N_("Secret instructions"),
    "fears": N_("Fears"),
    "stances": N_("Your position on each question"),
    "matters_most": N_("matters most to you"),
    "matters_much": N_("matters a great deal to you"),
    "matters": N_("matters to you"),
    "matters_little": N_("matters little to you"),
    "favour": N_("You favour"),
    "accept": N_("You could live with"),
    "oppose": N_("You oppose"),
    "rather_none": N_("Better no agreement than"),
    "start": N_("You open with"),
    "scored": N_("How your team is scored"),
    "aim": N_("Aim"),
    "weight": N_("Weight"),
    "share": N_("Share of the score"),
    "instruments": N_("Agreements you can sign"),
    "parties": N_("Parties"),
    "settles": N_("Settles"),
    "others": N_("The other delegations"),
    "essential": N_("If your delegation walks out, the conference ends."),
    "full": N_("Full conference"),
    "setup": N_("Setting up the lesson"),
    "lengths": N_("Game lengths and timing"),
    "length": N_("Length"),
    "sittings": N_("Sittings"),
    "minutes": N_("Minutes"),
    "per_sitting": N_("Minutes per sitting"),
    "dates": N_("Dates"),
    "delegations": N_("The delegations"),
    "style": N_("AI style"),
    "role": N_("Role"),
    "observer": N_("observer (does not act)"),
    "main": N_("main party (a walkout ends the conference)"),
    "member": N_("delegation"),
    "issues": N_("The questions on the table"),
    "events": N_("Events"),
    "when": N_("When"),
    "chance": N_("Chance"),
    "teacher_fires": N_("only when you fire it from the console"),
    "audience": N_("Seen only by"),
    "outcomes": N_("Possible outcomes"),
    "historical": N_("what happened in history"),
    "debrief": N_("Debrief questions"),
    "history": N_("What history says"),
    "sources": N_("Sources"),
    "variant": N_("What this variant changes"),
    "secret_treaty": N_("secret until leaked"),
    "ends": N_("signing it ends the conference"),
    "command": N_("To start"),
    "unsettled_start": N_("no stated position"),
    "condition": N_("when"),
    "and": N_("and"),
    "or": N_("or"),
    "not": N_("not"),
    "always": N_("always"),
    "audience_refused": N_("audience refused or put off"),
    "turn": N_("Your turn, step by step"),
    "turn_read": N_("Read what is new: “Since your last turn” says who answered your proposals, and what was signed."),
    "turn_answer": N_("Answer the proposals in your inbox: Accept, Reject or Counter (a proposal of your own in reply)."),
    "turn_reject": N_("After you reject, “Ask for a change” says which issue decided it and what you want there: the others take note."),
    "turn_heard": N_("Your inbox then tells you when a later offer gives what you asked for. Answering does not end your turn."),
    "turn_talks": N_("Receive or refuse those who ask you for private talks."),
    "turn_move": N_("Then make one move: Propose a package, change a Position, make a Statement, ask for Talks, Walk out or Pass."),
    "audience_granted": N_("audience granted"),
    "never": N_("never"),
    "tough": N_("tough"),
    "linear": N_("steady"),
    "flexible": N_("flexible"),
}

CSS = """
@page { size: A4; margin: 18mm 16mm; }
html { font-family: Georgia, "Times New Roman", "DejaVu Serif", serif; font-size: 13pt; line-height: 1.45; color: #111; }
body { max-width: 178mm; margin: 0 auto; }
h1 { font-size: 22pt; margin: 0 0 2pt; }
h2 { font-size: 16pt; margin: 16pt 0 4pt; border-bottom: 1px solid #888; }
h3 { font-size: 13.5pt; margin: 10pt 0 2pt; }
.sub { font-style: italic; margin: 0 0 10pt; }
.private { border: 2px solid #222; padding: 4pt 10pt 8pt; margin-top: 12pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; }
th, td { border: 1px solid #999; padding: 3pt 6pt; text-align: left; vertical-align: top; }
th { background: #eee; }
.num { text-align: right; }
ul { margin: 2pt 0 6pt; padding-left: 18pt; }
.small { font-size: 11pt; color: #333; }
section { break-inside: avoid-page; }
@media print { a { color: inherit; text-decoration: none; } h2 { break-after: avoid; } }
"""


@dataclass(frozen=True)
class Handouts:
    """File name -> HTML text."""

    pages: dict[str, str]

    def write(self, out: Path) -> list[Path]:
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name, html in self.pages.items():
            target = out / name
            target.write_text(html, encoding="utf-8")
            written.append(target)
        return written


class _Writer:
    def __init__(self, s: Scenario, lang: str, length: str) -> None:
        self.s = s
        self.lang = lang
        self.length = length
        self.translator = Translator(lang)
        self.words = {key: self.translator.t(msgid) for key, msgid in LABELS.items()}
        self.names = {d.id: self.t(d.name) for d in s.delegations}
        self.issues = {i.id: i for i in s.issues}
        self.instruments = {i.id: i for i in s.instruments}
        self.events = {e.id: e for e in s.events}

    def t(self, text: Text) -> str:
        return tr(text, self.lang)

    def e(self, text: Text) -> str:
        """A scenario text, translated and escaped; paragraphs kept."""
        return "<br>".join(escape(line) for line in self.t(text).splitlines())

    def w(self, key: str) -> str:
        return escape(self.words[key])

    def date(self, day: dt.date) -> str:
        return self.translator.date(day)

    def num(self, x: float) -> str:
        """A number as the language writes it (Babel): 0.6 / 0,6; 175,000 / 175 000."""
        try:
            return str(format_decimal(x, format="#,##0.##", locale=self.lang))
        except (ValueError, LookupError):
            return f"{x:g}"

    def bounds(self, above: float | None, below: float | None) -> str:
        return " ".join(x for x in (f"> {self.num(above)}" if above is not None else "", f"< {self.num(below)}" if below is not None else "") if x)

    def pct(self, share: float) -> str:
        try:
            return str(format_percent(share, locale=self.lang))
        except (ValueError, LookupError):
            return f"{100 * share:.0f}%"

    def page(self, title: str, body: str) -> str:
        return (
            f'<!DOCTYPE html>\n<html lang="{escape(self.lang)}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
        )

    def head(self, kind: str) -> str:
        s = self.s
        cal = s.calendar.sittings
        sub = ", ".join(x for x in (self.t(s.meta.place), f"{self.date(cal[0])} – {self.date(cal[-1])}") if x)
        return (
            f'<h1>{self.e(s.meta.title)}</h1>\n<p class="sub">{self.w(kind)}'
            f"{' · ' + self.e(s.meta.subtitle) if self.t(s.meta.subtitle) else ''} · {escape(sub)}</p>\n"
        )

    # -- a delegation's role sheet ------------------------------------------------------

    def role_sheet(self, d: Delegation) -> str:
        s = self.s
        parts = [self.head("role_sheet"), f"<h2>{self.e(d.name)}</h2>"]
        if d.leaders:
            parts.append(f"<p><b>{self.w('leaders')}:</b> {escape(', '.join(d.leaders))}</p>")
        if d.essential:
            parts.append(f"<p>{self.w('essential')}</p>")
        if self.t(s.meta.setting):
            parts.append(f"<section><h3>{self.w('setting')}</h3><p>{self.e(s.meta.setting)}</p></section>")
        if self.t(d.public_demands):
            parts.append(f"<section><h3>{self.w('public')}</h3><p>{self.e(d.public_demands)}</p></section>")
        brief = [(k, getattr(d.briefing, k)) for k in ("aims", "red_lines", "secret", "fears") if self.t(getattr(d.briefing, k))]
        if brief:
            items = "".join(f"<h3>{self.w(k)}</h3><p>{self.e(v)}</p>" for k, v in brief)
            parts.append(f'<section class="private"><h2>{self.w("private")}</h2>{items}</section>')
        if d.stances:
            parts.append(f"<section><h2>{self.w('stances')}</h2>{self.stances(d)}</section>")
        if d.aims:
            parts.append(f"<section><h2>{self.w('scored')}</h2>{self.aims(d)}</section>")
        mine = [i for i in s.instruments if d.id in i.parties]
        if mine:
            rows = "".join(
                f"<li><b>{self.e(i.title)}</b>{': ' + self.e(i.description) if self.t(i.description) else ''}"
                f'<br><span class="small">{self.w("parties")}: {escape(", ".join(self.names[p] for p in i.parties))}; '
                f"{self.w('settles')}: {escape(', '.join(self.t(self.issues[x].title) for x in i.scope))}</span></li>"
                for i in mine
            )
            parts.append(f"<section><h2>{self.w('instruments')}</h2><ul>{rows}</ul></section>")
        steps = "".join(f"<li>{self.w(k)}</li>" for k in ("turn_read", "turn_answer", "turn_reject", "turn_heard", "turn_talks", "turn_move"))
        parts.append(f"<section><h2>{self.w('turn')}</h2><ol>{steps}</ol></section>")
        others = [o for o in s.delegations if o.id != d.id and not o.observer]
        if others:
            rows = "".join(f"<li><b>{self.e(o.name)}</b>{': ' + self.e(o.public_demands) if self.t(o.public_demands) else ''}</li>" for o in others)
            parts.append(f"<section><h2>{self.w('others')}</h2><ul>{rows}</ul></section>")
        return self.page(f"{self.t(s.meta.title)} — {self.t(d.name)}", "\n".join(parts))

    def stances(self, d: Delegation) -> str:
        top = max((st.weight for st in d.stances.values()), default=0.0)
        out = []
        for issue in self.s.issues:
            st = d.stances.get(issue.id)
            if st is None:
                continue
            out.append(f'<h3>{self.e(issue.title)} <span class="small">— {self.w(_importance(st.weight, top))}</span></h3>')
            out.append("<ul>" + "".join(f"<li>{self.w(k)}: {escape(v)}</li>" for k, v in self.stance_words(issue.id, st, d)) + "</ul>")
        return "\n".join(out)

    def stance_words(self, issue_id: str, st: Stance, d: Delegation) -> list[tuple[str, str]]:
        issue = self.issues[issue_id]
        labels = {o.id: option_label(o, self.lang, self.translator.t, self.translator.number) for o in issue.options}
        vals = st.values
        lo, hi = min(vals.values()), max(vals.values())
        span = hi - lo
        groups: dict[str, list[str]] = {"favour": [], "accept": [], "oppose": []}
        for o in issue.options:
            rel = 1.0 if span <= 0 else (vals[o.id] - lo) / span
            groups["favour" if rel >= 0.75 else "oppose" if rel <= 0.25 else "accept"].append(labels[o.id])
        out = [(k, "; ".join(v)) for k, v in groups.items() if v]
        no_deal = st.no_deal if st.no_deal is not None else d.reservation
        worse = [labels[o.id] for o in issue.options if vals[o.id] < no_deal]
        if worse and len(worse) < len(issue.options):
            out.append(("rather_none", "; ".join(worse)))
        start = st.position or max(vals, key=lambda k: vals[k])
        out.append(("start", labels[start]))
        return out

    def aims(self, d: Delegation) -> str:
        total = sum(a.weight for a in d.aims) or 1.0
        rows = "".join(
            f'<tr><td>{self.e(a.text)}</td><td class="num">{self.num(a.weight)}</td><td class="num">{self.pct(a.weight / total)}</td></tr>'
            for a in d.aims
        )
        return f"<table><tr><th>{self.w('aim')}</th><th>{self.w('weight')}</th><th>{self.w('share')}</th></tr>{rows}</table>"

    # -- the teacher's guide ------------------------------------------------------------

    def guide(self, path_hint: str) -> str:
        s = self.s
        parts = [self.head("teacher_guide")]
        if self.t(s.variant_note):
            parts.append(f"<section><h2>{self.w('variant')}</h2><p>{self.e(s.variant_note)}</p></section>")
        if self.t(s.meta.setting):
            parts.append(f"<section><h2>{self.w('setting')}</h2><p>{self.e(s.meta.setting)}</p></section>")
        parts.append(
            f"<section><h2>{self.w('setup')}</h2>{self.lengths()}"
            f"<p><b>{self.w('command')}:</b> <code>plenipo play {escape(path_hint)} --length {escape(self.length)} "
            f"--lang {escape(self.lang)} --human ID …</code></p></section>"
        )
        rows = "".join(
            f'<tr><td><b>{self.e(d.name)}</b><br><span class="small">{escape(", ".join(d.leaders))}</span></td>'
            f"<td>{self.w('observer' if d.observer else 'main' if d.essential else 'member')}</td>"
            f"<td>{self.w(d.style.value)}</td><td>{self.e(d.public_demands)}</td></tr>"
            for d in s.delegations
        )
        parts.append(
            f"<section><h2>{self.w('delegations')}</h2><table><tr><th>{self.w('delegations')}</th><th>{self.w('role')}</th>"
            f"<th>{self.w('style')}</th><th>{self.w('public')}</th></tr>{rows}</table></section>"
        )
        items = "".join(
            f"<li><b>{self.e(i.title)}</b>{': ' + self.e(i.description) if self.t(i.description) else ''}<ul>"
            + "".join(f"<li>{self.option_text(o)}</li>" for o in i.options)
            + "</ul></li>"
            for i in s.issues
        )
        parts.append(f"<section><h2>{self.w('issues')}</h2><ul>{items}</ul></section>")
        insts = "".join(
            f"<li><b>{self.e(i.title)}</b> — {self.w('parties')}: {escape(', '.join(self.names[p] for p in i.parties))}; "
            f"{self.w('settles')}: {escape(', '.join(self.t(self.issues[x].title) for x in i.scope))}"
            f"{'; ' + self.w('secret_treaty') if i.secret else ''}{'; ' + self.w('ends') if i.ends_conference else ''}</li>"
            for i in s.instruments
        )
        parts.append(f"<section><h2>{self.w('instruments')}</h2><ul>{insts}</ul></section>")
        if s.events:
            parts.append(f"<section><h2>{self.w('events')}</h2>{self.event_table()}</section>")
        outs = "".join(
            f"<li><b>{self.e(o.title)}</b>{' (' + self.w('historical') + ')' if o.historical else ''}"
            f"{'<br>' + self.e(o.debrief) if self.t(o.debrief) else ''}</li>"
            for o in s.outcomes
        )
        parts.append(f"<section><h2>{self.w('outcomes')}</h2><ul>{outs}</ul></section>")
        if s.meta.debrief_questions:
            qs = "".join(f"<li>{self.e(q)}</li>" for q in s.meta.debrief_questions)
            parts.append(f"<section><h2>{self.w('debrief')}</h2><ol>{qs}</ol></section>")
        hist = [o for o in s.outcomes if o.historical]
        if self.t(s.meta.history) or hist:
            named = "".join(f"<p><b>{self.e(o.title)}</b></p>" for o in hist)
            parts.append(f"<section><h2>{self.w('history')}</h2>{named}<p>{self.e(s.meta.history)}</p></section>")
        if s.meta.sources:
            src = "".join(f"<li>{escape(x.short)}{' — ' + self.e(x.note) if self.t(x.note) else ''}</li>" for x in s.meta.sources)
            parts.append(f'<section><h2>{self.w("sources")}</h2><ul class="small">{src}</ul></section>')
        return self.page(f"{self.t(s.meta.title)} — {self.words['teacher_guide']}", "\n".join(parts))

    def option_text(self, o: Option) -> str:
        """An option with its figure in the language's number style, marked when the figure is disputed."""
        label = escape(option_label(o, self.lang, self.translator.t, self.translator.number))
        return label + (f' — <span class="small">{self.e(o.description)}</span>' if self.t(o.description) else "")

    def lengths(self) -> str:
        cal = self.s.calendar
        rows = []
        full_minutes = int(getattr(cal, "minutes", 90))
        entries = [("full", self.words["full"], list(cal.sittings), full_minutes)]
        entries += [(x.id, self.t(x.title), list(x.sittings), x.minutes) for x in cal.lengths]
        for lid, title, days, minutes in entries:
            mark = " ◀" if lid == self.length else ""
            rows.append(
                f'<tr><td>{escape(title)} <span class="small"><code>--length {escape(lid)}</code></span>{mark}</td>'
                f'<td class="num">{len(days)}</td>'
                f'<td class="num">{minutes}</td><td class="num">{self.num(round(minutes / len(days)))}</td>'
                f"<td>{escape(self.date(days[0]))} – {escape(self.date(days[-1]))}</td></tr>"
            )
        return (
            f"<h3>{self.w('lengths')}</h3><table><tr><th>{self.w('length')}</th><th>{self.w('sittings')}</th>"
            f"<th>{self.w('minutes')}</th><th>{self.w('per_sitting')}</th><th>{self.w('dates')}</th></tr>{''.join(rows)}</table>"
        )

    def event_table(self) -> str:
        rows = []
        for ev in self.s.events:
            when = []
            if ev.optional:
                when.append(self.words["teacher_fires"])
            if ev.date is not None:
                when.append(self.date(ev.date))
            if ev.when is not None:
                when.append(f"{self.words['condition']} {self.condition(ev.when)}")
            extra = (
                f'<br><span class="small">{self.w("audience")}: {escape(", ".join(self.names[a] for a in ev.audience))}</span>' if ev.audience else ""
            )
            rows.append(
                f'<tr><td>{escape("; ".join(when))}</td><td class="num">{self.pct(ev.chance)}</td>'
                f"<td><b>{self.e(ev.title)}</b><br>{self.e(ev.text)}{extra}</td></tr>"
            )
        return f"<table><tr><th>{self.w('when')}</th><th>{self.w('chance')}</th><th>{self.w('events')}</th></tr>{''.join(rows)}</table>"

    def condition(self, c: m.Condition) -> str:
        """A condition in plain words (ids replaced by titles); not escaped."""
        w = self.words
        match c:
            case m.WhenAll(all=items):
                return f" {w['and']} ".join(self.condition(x) for x in items)
            case m.WhenAny(any=items):
                return "(" + f" {w['or']} ".join(self.condition(x) for x in items) + ")"
            case m.WhenNot(not_=inner):
                return f"{w['not']} ({self.condition(inner)})"
            case m.WhenAlways(always=always):
                return w["always"] if always else w["never"]
            case m.WhenOnOrAfter(on_or_after=day):
                return f"≥ {self.date(day)}"
            case m.WhenBefore(before=day):
                return f"< {self.date(day)}"
            case m.WhenTurnAtLeast(turn_at_least=turn):
                return f"{w['sittings'].lower()} ≥ {turn}"
            case m.WhenSigned(signed=k):
                return f"✍ {self.t(self.instruments[k].title)}"
            case m.WhenFired(fired=ev):
                return f"⚑ {self.t(self.events[ev].title)}"
            case m.WhenWalkedOut(walked_out=who):
                return f"⇥ {self.names[who]}"
            case m.WhenProposed(proposed=t):
                return f"? {self.t(self.instruments[t.instrument].title)}"
            case m.WhenAudience(audience=a):
                host = self.names[a.by] if a.by is not None else "…"
                return f"{self.names[a.of]} ⇢ {host}: {w['audience_' + a.answer.value]}"
            case m.WhenRelation(relation=r):
                return f"{self.names[r.of]} → {self.names[r.toward]} {self.bounds(r.above, r.below)}"
            case m.WhenPressure(pressure=p):
                return f"{self.names[p.of]} {self.bounds(p.above, p.below)}"
            case m.WhenSettled(settled=t):
                return self.options_among(t.issue, t.among)
            case m.WhenPosition(position=t):
                return f"{self.names[t.of]}: " + self.options_among(t.issue, t.among)
            case _:
                assert_never(c)

    def options_among(self, issue_id: str, among: list[str]) -> str:
        issue = self.issues[issue_id]
        labels = {o.id: self.t(o.label) for o in issue.options}
        return f"{self.t(issue.title)} = " + " / ".join(labels[x] for x in among)


def _importance(weight: float, top: float) -> str:
    if top <= 0:
        return "matters_little"
    if weight >= top:
        return "matters_most"
    if weight >= top * 2 / 3:
        return "matters_much"
    if weight >= top / 3:
        return "matters"
    return "matters_little"


def render(s: Scenario, lang: str = "en", length: str = "full", path_hint: str | None = None) -> Handouts:
    """Every page: `<delegation>.html` per acting delegation and `teacher.html`."""
    w = _Writer(s, lang, length)
    pages = {f"{d.id}.html": w.role_sheet(d) for d in s.delegations if not d.observer}
    pages["teacher.html"] = w.guide(path_hint or s.id)
    return Handouts(pages)
