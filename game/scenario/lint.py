"""Warnings: what a valid scenario says that can never happen, or looks like a slip.

The loader runs these after the cross-reference checks (`check.py`), on a
scenario that is known to be consistent. A warning never stops a file from
loading: `plenipo validate --strict` turns them into a failure for CI.

Each check is meant to be *sure*, not clever. "Can never hold" means: under
the rules in `game/engine`, with the calendar as written (every game length)
and whatever a human team does, the condition is never true. Where an event
or an instrument's effect could change the facts a check relies on (a
stance, a cost), the check stays silent rather than guess. The list of
kinds, with a sentence each, is `KINDS` (the guide prints it).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, assert_never

from pydantic import BaseModel

from game.scenario import models as m
from game.scenario.errors import KeyPath, Problem, Severity
from game.scenario.models import Scenario, Text
from game.scenario.texts import languages_of

#: Every warning the validator knows: kind -> what it means (printed in the authoring guide).
KINDS: dict[str, str] = {
    "event-never-fires": "An event's `when` (together with its `date`) can never hold, so it never fires on its own.",
    "event-outside-calendar": "An event's `date` is after the last sitting of every game length (it never fires), "
    "or before the first sitting (it fires at the first sitting anyway).",
    "outcome-unreachable": "An outcome's condition can never hold at the end of a game.",
    "outcome-shadowed": "An outcome can never be chosen because an earlier one always holds, has the same condition, or is part of its `all`.",
    "no-catch-all": "No outcome is sure to hold at the end (the last is not `always = true` and the outcomes do not "
    "cover each other), so a game could end with no rule holding.",
    "option-nobody-values": "Every delegation with a stance on the issue gives this option its lowest value "
    "(and prefers some other option): no one will ever propose it.",
    "instrument-unacceptable": "For one of its parties, no package of the instrument's scope beats having no deal, "
    "even at no political cost: that party's AI never accepts it.",
    "missing-translation": "A text lacks one of the languages listed in `meta.languages` (a plain string counts as English; "
    'one without letters, like `"%"`, counts as every language).',
    "aim-never-met": "An aim's condition can never hold at the end, so it can never be met.",
    "length-off-calendar": "A game length has sittings that are not sittings of the full calendar.",
    "instruments-overlap": "Two instruments settle the same issue: whichever is signed first settles it for both (open proposals "
    "of the other that disagree are withdrawn). List the other in `overlaps` when that is intended.",
    "delegation-idle": "A delegation (not an observer) is party to no instrument and is not a mediator: it can never propose "
    "or answer, so it only states positions.",
    "reservation-unused": "A delegation sets `reservation` but every one of its stances sets its own `no_deal`, so the "
    "reservation is never used (changing it, or sweeping it, changes nothing).",
    "options-not-a-scale": "No delegation's values rise or fall steadily along the issue's option order; the AI concedes one "
    "step at a time along that order, so options should run from one side's wish to the other's.",
    "label-too-long": "An option's label needs more than two lines in the proposal form's row (about 48 characters a line, "
    "shared by the row's options) and it has no `short` label.",
    "chance-draws-implicit": "An event with `when` and a `chance` below 1 does not say `per_sitting`: it draws its chance again at "
    "every sitting where `when` holds, until it fires.",
}

#: Characters one line of the proposal form's option row holds, shared by its options (about 16 each for three).
ROW_CHARACTERS = 48
#: Lines of a label the form shows before the row grows so tall that fewer issues fit on a page.
LABEL_LINES = 2

_EPS = 1e-9

#: Date bounds a condition is checked within: (on or after, before, from sitting number).
_Dates = tuple[dt.date | None, dt.date | None, int]


@dataclass(frozen=True)
class _Calendar:
    """Every (turn number, date) a sitting can have, over every game length."""

    slots: tuple[tuple[int, dt.date], ...]
    first: dt.date
    last: dt.date
    max_turns: int


def _calendar(s: Scenario) -> _Calendar:
    lengths = [list(s.calendar.sittings), *(list(x.sittings) for x in s.calendar.lengths)]
    slots = sorted({(k + 1, day) for dates in lengths for k, day in enumerate(dates)})
    days = [d for _, d in slots]
    return _Calendar(tuple(slots), min(days), max(days), max(len(x) for x in lengths))


class _Linter:
    def __init__(self, s: Scenario) -> None:
        self.s = s
        self.cal = _calendar(s)
        self.out: list[Problem] = []
        self.events = {e.id: e for e in s.events}
        self.instruments = {i.id: i for i in s.instruments}
        self.delegations = {d.id: d for d in s.delegations}
        self.in_scope = {i for inst in s.instruments for i in inst.scope}
        self._event_busy: set[str] = set()
        self._event_why: dict[str, str | None] = {}  # event id -> why it never fires; filled in dependency order
        self._settling = True
        self._settle_event_chains()

    def _mediator(self, did: str) -> bool:
        d = self.delegations.get(did)
        return d is not None and d.mediator

    def warn(self, kind: str, path: KeyPath, message: str) -> None:
        self.out.append(Problem(Path(), path, f"{message} [{kind}]", severity=Severity.WARNING))

    # -- can a condition ever hold? -------------------------------------------------

    def never(self, c: m.Condition, at_end: bool, dates: _Dates = (None, None, 0)) -> str | None:
        """Why `c` can never hold, or None. `at_end`: checked when the game is over (outcomes,
        aims) rather than at the start of a sitting (events). `dates`: the bounds the tests
        beside it in an `all` set (on or after, before, from sitting)."""
        match c:
            case m.WhenAll(all=items):
                return self._never_all(items, at_end, dates)
            case m.WhenAny(any=items):
                if not items:
                    return "`any` with an empty list never holds"
                reasons = [self.never(x, at_end) for x in items]
                return "no test in `any` can hold: " + "; ".join(r for r in reasons if r) if all(reasons) else None
            case m.WhenNot(not_=inner):
                sure = self.certain(inner)
                return f"`not` of a test that always holds ({sure})" if sure else None
            case m.WhenAlways(always=always):
                return None if always else "`always = false` never holds"
            case m.WhenOnOrAfter() | m.WhenBefore() | m.WhenTurnAtLeast():
                lo, hi, turn = _narrow(dates, c)
                return None if self._dates_possible(lo, hi, turn) else _date_reason(lo, hi, turn, self.cal)
            case m.WhenSigned(signed=k):
                if not at_end and self.instruments[k].ends_conference:
                    return f"signing {k!r} ends the conference, so no later sitting sees it signed"
                return None
            case m.WhenFired(fired=eid):
                return self._never_fired(eid)
            case m.WhenWalkedOut(walked_out=who):
                d = self.delegations[who]
                if d.observer:
                    return f"{who!r} is an observer and never acts, so never walks out"
                if not at_end and d.essential:
                    return f"a walkout by {who!r} ends the conference, so no later sitting sees it"
                return None
            case m.WhenProposed(proposed=t):
                if t.by is not None and t.by not in self.instruments[t.instrument].parties and not self._mediator(t.by):
                    return f"only the parties to {t.instrument!r} (and mediators) may propose it, and {t.by!r} is neither"
                return "a delegation always sees its own proposals" if t.excluding is not None and t.excluding == t.by else None
            case m.WhenAudience(audience=a):
                return self._never_audience(a)
            case m.WhenRelation(relation=r):
                return _never_between("relation", r.above, r.below, 100.0)
            case m.WhenPressure(pressure=pr):
                return _never_between("pressure", pr.above, pr.below, 1.0)
            case m.WhenSettled(settled=t):
                return None if t.issue in self.in_scope else f"no instrument settles issue {t.issue!r}"
            case m.WhenPosition(position=t):
                if t.issue not in self.delegations[t.of].stances:
                    return f"{t.of!r} has no stance, hence no public position, on {t.issue!r}"
                return None
            case _:
                assert_never(c)

    def _never_all(self, items: list[m.Condition], at_end: bool, dates: _Dates) -> str | None:
        for x in items:
            dates = _narrow(dates, x)
        for x in items:
            why = self.never(x, at_end, dates)
            if why:
                return why
        asked: dict[str, set[str]] = {}
        for x in items:
            if isinstance(x, m.WhenSettled):
                issue, among = x.settled.issue, set(x.settled.among)
                if issue in asked and not asked[issue] & among:
                    return (
                        f"issue {issue!r} is settled once, on one option, but `settled` tests here ask for "
                        f"{' or '.join(sorted(asked[issue]))} and for {' or '.join(sorted(among))} at once"
                    )
                asked[issue] = asked.get(issue, among) & among
        plain = [x for x in items if not isinstance(x, m.WhenNot)]
        if any(isinstance(x, m.WhenNot) and x.not_ in plain for x in items):
            return "`all` holds a test and its `not` together"
        return None

    def _dates_possible(self, lo: dt.date | None, hi: dt.date | None, turn: int) -> bool:
        return any((lo is None or day >= lo) and (hi is None or day < hi) and k >= turn for k, day in self.cal.slots)

    def _never_fired(self, eid: str) -> str | None:
        ev = self.events[eid]
        if ev.optional or eid in self._event_busy:
            return None
        if eid in self._event_why or self._settling:  # a loop of events waiting for each other: no verdict
            why = self._event_why.get(eid)
        else:
            self._event_busy.add(eid)
            try:
                why = self.event_never(ev)
            finally:
                self._event_busy.discard(eid)
        if why or ev.chance <= 0:
            return f"event {eid!r} never fires ({why or 'its chance is 0'})"
        return None

    def _never_audience(self, a: m.AudienceTest) -> str | None:
        for who in (a.of, a.by):
            if who is not None and self.delegations[who].observer:
                return f"{who!r} is an observer: it neither asks for nor grants an audience"
        if a.by is not None and a.by == a.of:
            return "a delegation cannot ask itself for an audience"
        return None

    def certain(self, c: m.Condition) -> str | None:
        """Why `c` always holds, or None (only the plain cases: no guessing)."""
        match c:
            case m.WhenAlways(always=True):
                return "`always = true`"
            case m.WhenAll(all=items):
                if not items:
                    return "an empty `all`"
                return "every test in `all` always holds" if all(self.certain(x) for x in items) else None
            case m.WhenAny(any=items):
                if any(self.certain(x) for x in items):
                    return "a test in `any` always holds"
                if any(isinstance(x, m.WhenNot) and x.not_ in items for x in items):
                    return "`any` holds a test and its `not`"
                return None
            case m.WhenNot(not_=inner):
                return "`not` of a test that never holds" if self.never(inner, at_end=True) else None
        return None

    def _settle_event_chains(self) -> None:
        """Work out, once, whether each event can fire, the events it waits for first.

        A chain of events each waiting for the previous one (`when = { fired = ... }`) may be
        hundreds long; asking recursively would exhaust Python's stack, so the order is found
        with an explicit stack and every answer is remembered."""
        waits: dict[str, list[str]] = {}
        for ev in self.s.events:
            found: list[str] = []
            todo = [ev.when] if ev.when is not None else []
            while todo:
                match todo.pop():
                    case m.WhenFired(fired=eid) if eid in self.events:
                        found.append(eid)
                    case m.WhenAll(all=subs) | m.WhenAny(any=subs):
                        todo.extend(subs)
                    case m.WhenNot(not_=sub):
                        todo.append(sub)
            waits[ev.id] = found
        done: set[str] = set()
        for root in waits:
            stack: list[tuple[str, int]] = [(root, 0)]
            on_path = {root}
            while stack:
                eid, k = stack.pop()
                if eid in done:
                    on_path.discard(eid)
                    continue
                deps = waits.get(eid, [])
                if k < len(deps):
                    stack.append((eid, k + 1))
                    nxt = deps[k]
                    if nxt not in done and nxt not in on_path:
                        on_path.add(nxt)
                        stack.append((nxt, 0))
                    continue
                done.add(eid)
                on_path.discard(eid)
                ev = self.events[eid]
                if not ev.optional:
                    self._event_busy.add(eid)
                    try:
                        self._event_why[eid] = self.event_never(ev)
                    finally:
                        self._event_busy.discard(eid)
        self._settling = False

    def event_never(self, ev: Any) -> str | None:
        whole: list[m.Condition] = [m.WhenOnOrAfter(on_or_after=ev.date)] if ev.date is not None else []
        if ev.until is not None:
            whole.append(m.WhenBefore(before=ev.until + dt.timedelta(days=1)))
        if ev.when is not None:
            whole.append(ev.when)
        if not whole:
            return None
        return self.never(m.WhenAll(all=whole), at_end=False)

    # -- the checks -----------------------------------------------------------------

    def run(self) -> list[Problem]:
        s = self.s
        cal = self.cal
        for k, length in enumerate(s.calendar.lengths):
            off = [d.isoformat() for d in length.sittings if d not in set(s.calendar.sittings)]
            if off:
                self.warn(
                    "length-off-calendar",
                    ("calendar", "lengths", k, "sittings"),
                    f"length {length.id!r} has sittings not in the full calendar: {', '.join(off)}",
                )
        for k, ev in enumerate(s.events):
            if ev.optional:
                continue
            if ev.date is not None and ev.date > cal.last:
                self.warn("event-outside-calendar", ("events", k, "date"), f"{ev.date} is after the last sitting ({cal.last}): the event never fires")
                continue
            if ev.date is not None and ev.date < cal.first:
                self.warn(
                    "event-outside-calendar",
                    ("events", k, "date"),
                    f"{ev.date} is before the first sitting ({cal.first}): it fires at the first sitting; date it so",
                )
            if ev.chance <= 0:
                self.warn("event-never-fires", ("events", k, "chance"), "chance = 0: the event never fires on its own")
                continue
            if ev.when is not None:
                why = self.event_never(ev)
                if why:
                    self.warn("event-never-fires", ("events", k, "when"), f"this condition can never hold: {why}")
        self.outcomes()
        for k, d in enumerate(s.delegations):
            for j, aim in enumerate(d.aims):
                why = self.never(aim.when, at_end=True)
                if why:
                    self.warn("aim-never-met", ("delegations", k, "aims", j, "when"), f"aim {aim.id!r} can never be met: {why}")
        self.options()
        self.instruments_acceptable()
        self.translations()
        self.overlaps()
        self.idle()
        self.reservations()
        self.scales()
        self.labels()
        self.draws()
        return self.out

    def overlaps(self) -> None:
        insts = self.s.instruments
        for k, inst in enumerate(insts):
            for earlier in insts[:k]:
                shared = [i for i in inst.scope if i in earlier.scope]
                if not shared or earlier.id in inst.overlaps or inst.id in earlier.overlaps:
                    continue
                self.warn(
                    "instruments-overlap",
                    ("instruments", k, "scope"),
                    f"{inst.id!r} and {earlier.id!r} both settle {', '.join(map(repr, shared))}: whichever is signed "
                    f"first settles it for both; if that is intended, add {earlier.id!r} to this instrument's `overlaps`",
                )

    def idle(self) -> None:
        parties = {p for inst in self.s.instruments for p in inst.parties}
        for k, d in enumerate(self.s.delegations):
            if d.observer or d.mediator or d.id in parties:
                continue
            self.warn(
                "delegation-idle",
                ("delegations", k, "id"),
                f"{d.id!r} is party to no instrument and is not a mediator: it can never propose or answer; "
                "make it a party, a mediator (`mediator = true`) or an observer (`observer = true`)",
            )

    def reservations(self) -> None:
        for k, d in enumerate(self.s.delegations):
            if "reservation" not in d.model_fields_set or not d.stances:
                continue
            if all(st.no_deal is not None for st in d.stances.values()):
                self.warn(
                    "reservation-unused",
                    ("delegations", k, "reservation"),
                    f"reservation = {d.reservation:g} is never used: every stance of {d.id!r} sets its own `no_deal`",
                )

    def scales(self) -> None:
        moved = {e.issue for e in self._effects() if isinstance(e, m.ValueEffect)}
        for k, issue in enumerate(self.s.issues):
            if len(issue.options) < 3 or issue.id in moved:
                continue
            rows = []
            for d in self.s.delegations:
                st = d.stances.get(issue.id)
                if st is not None and len(set(st.values.values())) > 1:
                    rows.append([st.values[o.id] for o in issue.options])
            if rows and not any(_monotone(r) for r in rows):
                order = ", ".join(o.id for o in issue.options)
                self.warn(
                    "options-not-a-scale",
                    ("issues", k, "options"),
                    f"no delegation's values rise or fall steadily along the order {order}: the AI concedes one step "
                    "at a time along it, so put the options in order from one side's wish to the other's",
                )

    def labels(self) -> None:
        for k, issue in enumerate(self.s.issues):
            room = max(8, ROW_CHARACTERS // len(issue.options)) * LABEL_LINES
            for j, opt in enumerate(issue.options):
                if opt.short:
                    text, key = opt.short, "short"
                else:
                    text, key = opt.label, "label"
                longest = max(((len(v), lang) for lang, v in _by_language(text).items()), default=(0, "en"))
                if longest[0] > room:
                    where = f" ({longest[1]})" if isinstance(text, dict) else ""
                    fix = "shorten it" if key == "short" else "give a `short` label (the full label shows on hover)"
                    self.warn(
                        "label-too-long",
                        ("issues", k, "options", j, key),
                        f"{key} of {opt.id!r} has {longest[0]} characters{where}; a row of {len(issue.options)} options "
                        f"shows about {room} each in {LABEL_LINES} lines: {fix}",
                    )

    def draws(self) -> None:
        for k, ev in enumerate(self.s.events):
            if ev.optional or ev.when is None or ev.chance >= 1 or ev.chance <= 0 or ev.per_sitting is not None:
                continue
            self.warn(
                "chance-draws-implicit",
                ("events", k, "chance"),
                f"with `when`, chance = {ev.chance:g} is drawn again at every sitting where `when` holds, until "
                "the event fires; write `per_sitting = true` to keep that, or `per_sitting = false` for one draw",
            )

    def outcomes(self) -> None:
        outs = self.s.outcomes
        for k, out in enumerate(outs):
            path = ("outcomes", k, "when")
            why = self.never(out.when, at_end=True)
            if why:
                self.warn("outcome-unreachable", path, f"outcome {out.id!r} can never hold: {why}")
                continue
            for earlier in outs[:k]:
                sure = self.certain(earlier.when)
                if sure:
                    self.warn("outcome-shadowed", path, f"outcome {out.id!r} is never chosen: the earlier {earlier.id!r} always holds ({sure})")
                    break
                if earlier.when == out.when:
                    self.warn("outcome-shadowed", path, f"outcome {out.id!r} is never chosen: the earlier {earlier.id!r} has the same condition")
                    break
                if isinstance(out.when, m.WhenAll) and earlier.when in out.when.all:
                    self.warn(
                        "outcome-shadowed",
                        path,
                        f"outcome {out.id!r} is never chosen: its `all` includes the condition of the earlier {earlier.id!r}",
                    )
                    break
        conds = [o.when for o in outs]
        covered = any(self.certain(c) for c in conds) or any(isinstance(c, m.WhenNot) and c.not_ in conds for c in conds)
        if not covered:
            self.warn(
                "no-catch-all",
                ("outcomes", len(outs) - 1, "when"),
                "no outcome is sure to hold at the end; add a last outcome with `when = { always = true }`",
            )

    def _effects(self) -> Iterator[m.Effect]:
        """Every effect anywhere: of events and of instruments."""
        for effects in [*(x.effects for x in self.s.events), *(x.effects for x in self.s.instruments)]:
            yield from effects

    def options(self) -> None:
        raised = {(e.delegation, e.issue, e.option) for e in self._effects() if isinstance(e, m.ValueEffect) and e.delta > 0}
        for k, issue in enumerate(self.s.issues):
            holders = [d for d in self.s.delegations if issue.id in d.stances]
            keen = [d for d in holders if max(d.stances[issue.id].values.values()) > min(d.stances[issue.id].values.values())]
            if not keen:
                continue
            for j, opt in enumerate(issue.options):
                if any((d.id, issue.id, opt.id) in raised for d in keen):
                    continue
                if all(d.stances[issue.id].values[opt.id] <= min(d.stances[issue.id].values.values()) for d in keen):
                    names = ", ".join(d.id for d in keen)
                    self.warn(
                        "option-nobody-values",
                        ("issues", k, "options", j),
                        f"option {opt.id!r} of {issue.id!r} is the lowest-valued option of every delegation with a stance ({names})",
                    )

    def instruments_acceptable(self) -> None:
        moved = {e.delegation for e in self._effects() if isinstance(e, m.ValueEffect | m.WeightEffect | m.ReservationEffect)}
        cheaper = {(e.delegation, e.instrument) for e in self._effects() if isinstance(e, m.CostEffect) and e.delta < 0}
        by_id = self.delegations
        for k, inst in enumerate(self.s.instruments):
            for party in inst.parties:
                if party in moved or (party, inst.id) in cheaper:
                    continue
                d = by_id[party]
                best, no_deal = _best_and_no_deal(d, self.s, inst.scope)
                bonus = max(0.0, -inst.costs.get(party, 0.0))
                if best + bonus <= no_deal + _EPS:
                    self.warn(
                        "instrument-unacceptable",
                        ("instruments", k, "parties"),
                        f"{party!r} never accepts {inst.id!r}: its best package is worth {best:.1f}, no deal {no_deal:.1f} (utility, 0-100)",
                    )
                    break

    def translations(self) -> None:
        wanted = list(self.s.meta.languages)
        for path, text in _texts(self.s, ()):
            if text == {} or (isinstance(text, str) and not any(ch.isalpha() for ch in text)):
                continue  # empty, or language-neutral like "%" or "5:5:3"
            missing = [lang for lang in wanted if lang not in languages_of(text)]
            if missing:
                self.warn("missing-translation", path, f"no {', '.join(missing)} text")


def _monotone(values: list[float]) -> bool:
    pairs = list(itertools.pairwise(values))
    return all(a <= b for a, b in pairs) or all(a >= b for a, b in pairs)


def _by_language(text: Text) -> dict[str, str]:
    return {"en": text} if isinstance(text, str) else dict(text)


def _narrow(dates: _Dates, c: m.Condition) -> _Dates:
    """The date bounds once a date test is added to them (other tests leave them as they are)."""
    lo, hi, turn = dates
    match c:
        case m.WhenOnOrAfter(on_or_after=day):
            return (day if lo is None else max(lo, day), hi, turn)
        case m.WhenBefore(before=day):
            return (lo, day if hi is None else min(hi, day), turn)
        case m.WhenTurnAtLeast(turn_at_least=k):
            return (lo, hi, max(turn, k))
    return dates


def _never_between(name: str, above: float | None, below: float | None, top: float) -> str | None:
    """Why a value in [0, top] is never strictly above `above` and below `below`, or None."""
    if above is not None and above >= top:
        return f"{name} is at most {top:g}, never strictly above {above:g}"
    if below is not None and below <= 0:
        return f"{name} is at least 0, never strictly below {below:g}"
    if above is not None and below is not None and above >= below:
        return f"no {name} is above {above:g} and below {below:g} at once"
    return None


def _date_reason(lo: dt.date | None, hi: dt.date | None, turn: int, cal: _Calendar) -> str:
    if lo is not None and lo > cal.last:
        return f"{lo} is after the last sitting ({cal.last})"
    if hi is not None and hi <= cal.first:
        return f"nothing is before {hi}: the first sitting is {cal.first}"
    if turn > cal.max_turns:
        return f"no game length has {turn} sittings (the longest has {cal.max_turns})"
    parts = [f"on or after {lo}" if lo else "", f"before {hi}" if hi else "", f"from sitting {turn}" if turn else ""]
    return "no sitting is " + " and ".join(p for p in parts if p)


def _best_and_no_deal(d: Any, s: Scenario, scope: list[str]) -> tuple[float, float]:
    """The party's utility (0-100) of its best package of `scope`, and of no deal, at the start.

    The same formula as `game.engine.utility` (weighted mean over the issues it has a
    stance on); written over the pydantic stances so linting needs no game."""
    total = sum(st.weight for st in d.stances.values())
    if total <= 0:
        return 0.0, 0.0
    best = no_deal = 0.0
    for issue_id, st in d.stances.items():
        share = st.weight / total
        nd = st.no_deal if st.no_deal is not None else d.reservation
        no_deal += share * nd
        best += share * (max(st.values.values()) if issue_id in scope else nd)
    return best, no_deal


def _texts(node: Any, path: KeyPath) -> Iterator[tuple[KeyPath, Text]]:
    """Every player-facing text in a model, with its key path as written in the file."""
    if isinstance(node, BaseModel):
        for name, field in type(node).model_fields.items():
            value = getattr(node, name)
            key = field.alias or name
            if field.annotation == Text or field.annotation == Text | None:
                if value is not None:
                    yield path + (key,), value
            elif field.annotation == list[Text]:
                for j, item in enumerate(value):
                    yield path + (key, j), item
            else:
                yield from _texts(value, path + (key,))
    elif isinstance(node, list):
        for j, item in enumerate(node):
            yield from _texts(item, path + (j,))
    elif isinstance(node, dict):
        for key, item in node.items():
            if isinstance(item, BaseModel | list):
                yield from _texts(item, path + (key,))


def lint(s: Scenario) -> list[Problem]:
    """Every warning for a scenario that passed the cross-reference checks (file left blank)."""
    return _Linter(s).run()
