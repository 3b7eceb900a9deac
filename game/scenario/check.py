"""Cross-reference checks that a schema alone cannot express.

Every id a scenario uses must exist; stances must cover their issue's
options; instrument parties must have a stance on every issue the
instrument settles; dates must fit the calendar. Problems are collected,
never raised one at a time, so a designer sees them all at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import assert_never

from game.scenario import models as m
from game.scenario.errors import KeyPath, Problem, did_you_mean
from game.scenario.models import Scenario


class _Checker:
    def __init__(self, s: Scenario, raw_ids: dict[str, set[str]] | None = None) -> None:
        self.s = s
        self.problems: list[Problem] = []
        extra = raw_ids or {}
        self.delegations = {d.id for d in s.delegations} | extra.get("delegations", set())
        # the first issue with an id wins, so a duplicated id is reported once, not as every option of the original going missing
        self.issues = {i.id: i for i in reversed(s.issues)}
        self.issue_ids = set(self.issues) | extra.get("issues", set())
        self.instruments = {i.id for i in s.instruments} | extra.get("instruments", set())
        self.events = {e.id for e in s.events} | extra.get("events", set())

    def err(self, path: KeyPath, message: str) -> None:
        self.problems.append(Problem(Path(), path, message))

    def ref(self, path: KeyPath, kind: str, name: str, known: Collection[str]) -> bool:
        if name in known or (kind == "issue" and name in self.issue_ids):
            return name in known
        self.err(path, f"unknown {kind} {name!r}{did_you_mean(name, known)}")
        return False

    def option(self, path: KeyPath, issue: str, option: str) -> None:
        if issue in self.issues:
            ids = [o.id for o in self.issues[issue].options]
            if option not in ids:
                self.err(path, f"issue {issue!r} has no option {option!r}{did_you_mean(option, ids)}")

    # -- whole file ---------------------------------------------------------------

    def run(self) -> list[Problem]:
        self.unique_ids()
        self.calendar()
        self.check_delegations()
        self.check_instruments()
        self.check_events()
        for k, out in enumerate(self.s.outcomes):
            self.condition(("outcomes", k, "when"), out.when)
        return self.problems

    def unique_ids(self) -> None:
        s = self.s
        for name, ids_of_kind in (
            ("issue", [x.id for x in s.issues]),
            ("delegation", [x.id for x in s.delegations]),
            ("instrument", [x.id for x in s.instruments]),
            ("event", [x.id for x in s.events]),
            ("outcome", [x.id for x in s.outcomes]),
        ):
            seen: set[str] = set()
            for k, item_id in enumerate(ids_of_kind):
                if item_id in seen:
                    self.err((name + "s", k, "id"), f"{name} id {item_id!r} is used twice")
                seen.add(item_id)
        for k, issue in enumerate(s.issues):
            ids = [o.id for o in issue.options]
            for j, oid in enumerate(ids):
                if oid in ids[:j]:
                    self.err(("issues", k, "options", j, "id"), f"option id {oid!r} is used twice in issue {issue.id!r}")

    def check_delegations(self) -> None:
        for k, d in enumerate(self.s.delegations):
            base: KeyPath = ("delegations", k)
            aim_ids = [a.id for a in d.aims]
            for j, aid in enumerate(aim_ids):
                if aid in aim_ids[:j]:  # the score, the setup screen's weights and saves find an aim by its id
                    self.err(base + ("aims", j, "id"), f"aim {aid!r} is listed twice for {d.id!r}; give each aim its own id")
            for other in d.relations:
                self.ref(base + ("relations", other), "delegation", other, self.delegations)
            for issue_id, stance in d.stances.items():
                self.stance_of(base + ("stances", issue_id), issue_id, stance)
            for j, aim in enumerate(d.aims):
                self.condition(base + ("aims", j, "when"), aim.when)
        for k, d in enumerate(self.s.delegations):
            if d.mediator and d.observer:
                self.err(("delegations", k, "mediator"), f"{d.id!r} is an observer, and observers never act: it cannot mediate")

    def stance_of(self, p: KeyPath, issue_id: str, stance: m.Stance) -> None:
        """A stance's issue exists and it values every option of it (and nothing else)."""
        if not self.ref(p, "issue", issue_id, self.issues):
            return
        ids = [o.id for o in self.issues[issue_id].options]
        for oid in stance.values:
            if oid not in ids:
                self.err(p + ("values", oid), f"issue {issue_id!r} has no option {oid!r}{did_you_mean(oid, ids)}")
        missing = [o for o in ids if o not in stance.values]
        if missing:
            self.err(p + ("values",), f"no value for option(s) {', '.join(map(repr, missing))}")
        if stance.position is not None:
            self.option(p + ("position",), issue_id, stance.position)

    def check_instruments(self) -> None:
        s = self.s
        by_id = {d.id: d for d in s.delegations}
        for k, inst in enumerate(s.instruments):
            base: KeyPath = ("instruments", k)
            for j, party in enumerate(inst.parties):
                if self.ref(base + ("parties", j), "delegation", party, self.delegations):
                    if party in by_id and by_id[party].observer:
                        self.err(base + ("parties", j), f"observer {party!r} cannot be a party")
            if len(set(inst.parties)) != len(inst.parties):
                self.err(base + ("parties",), "a delegation is listed twice")
            for j, issue_id in enumerate(inst.scope):
                if not self.ref(base + ("scope", j), "issue", issue_id, self.issues):
                    continue
                for party in inst.parties:
                    if party in by_id and issue_id not in by_id[party].stances:
                        self.err(
                            ("delegations", [d.id for d in s.delegations].index(party), "stances"),
                            f"{party!r} is a party to {inst.id!r} but has no stance on its issue {issue_id!r}",
                        )
            unknown_party = any(p not in self.delegations for p in inst.parties)
            for party in inst.costs:
                if party not in inst.parties and not unknown_party:  # a misspelt party is one mistake, reported once above
                    self.err(base + ("costs", party), f"{party!r} is not a party to {inst.id!r}")
            for issue_id, option_id in inst.historical.items():
                if issue_id not in inst.scope:
                    self.err(base + ("historical", issue_id), f"{issue_id!r} is not in the scope of {inst.id!r}")
                else:
                    self.option(base + ("historical", issue_id), issue_id, option_id)
            for j, eff in enumerate(inst.effects):
                self.effect(base + ("effects", j), eff)
            for j, other in enumerate(inst.overlaps):
                self.ref(base + ("overlaps", j), "instrument", other, self.instruments)

    def check_events(self) -> None:
        for k, ev in enumerate(self.s.events):
            base: KeyPath = ("events", k)
            if ev.date is None and ev.when is None and not ev.optional:
                self.err(base, "an event needs a `date`, a `when` condition, or `optional = true`")
            if ev.when is not None:
                self.condition(base + ("when",), ev.when)
            if ev.until is not None and ev.date is not None and ev.until < ev.date:
                self.err(base + ("until",), f"`until` ({ev.until}) is before `date` ({ev.date}): the window holds no sitting")
            for j, who in enumerate(ev.audience):
                self.ref(base + ("audience", j), "delegation", who, self.delegations)
            for j, eff in enumerate(ev.effects):
                self.effect(base + ("effects", j), eff)

    def _in_order(self, path: KeyPath, days: list[dt.date]) -> None:
        """Sittings in order, each date once: the first date that breaks the rule, and why."""
        for k in range(1, len(days)):
            if days[k] == days[k - 1] or days[k] in days[:k]:
                self.err(path + (k,), f"sittings must be in order, each date once: {days[k]} is listed twice")
                return
            if days[k] < days[k - 1]:
                self.err(path + (k,), f"sittings must be in order, each date once: {days[k]} comes after {days[k - 1]}")
                return

    def calendar(self) -> None:
        cal = self.s.calendar
        self._in_order(("calendar", "sittings"), list(cal.sittings))
        seen = {"full"}
        for k, length in enumerate(cal.lengths):
            if length.id in seen:
                self.err(("calendar", "lengths", k, "id"), f"length id {length.id!r} is used twice (or is 'full', which is always there)")
            seen.add(length.id)
            self._in_order(("calendar", "lengths", k, "sittings"), list(length.sittings))

    # -- conditions and effects ---------------------------------------------------

    def condition(self, path: KeyPath, c: m.Condition) -> None:
        for sub_path, sub in _walk(path, c):
            self.test(sub_path + (m.test_key(sub),), sub)

    def test(self, p: KeyPath, c: m.Condition) -> None:
        """The references of one test; `p` is the path of its key."""
        match c:
            case m.WhenAll() | m.WhenAny() | m.WhenNot() | m.WhenAlways() | m.WhenOnOrAfter() | m.WhenBefore() | m.WhenTurnAtLeast():
                pass  # nothing to look up (the tests inside are walked on their own)
            case m.WhenSigned(signed=k):
                self.ref(p, "instrument", k, self.instruments)
            case m.WhenFired(fired=ev):
                self.ref(p, "event", ev, self.events)
            case m.WhenWalkedOut(walked_out=d):
                self.ref(p, "delegation", d, self.delegations)
            case m.WhenProposed(proposed=t):
                self.ref(p + ("instrument",), "instrument", t.instrument, self.instruments)
                for key, who in (("by", t.by), ("excluding", t.excluding)):
                    if who is not None:
                        self.ref(p + (key,), "delegation", who, self.delegations)
            case m.WhenAudience(audience=a):
                self.ref(p + ("of",), "delegation", a.of, self.delegations)
                if a.by is not None:
                    self.ref(p + ("by",), "delegation", a.by, self.delegations)
            case m.WhenRelation(relation=r):
                self.ref(p + ("of",), "delegation", r.of, self.delegations)
                self.ref(p + ("toward",), "delegation", r.toward, self.delegations)
                if r.above is None and r.below is None:
                    self.err(p, "a relation test needs `above` or `below`")
            case m.WhenPressure(pressure=pr):
                self.ref(p + ("of",), "delegation", pr.of, self.delegations)
                if pr.above is None and pr.below is None:
                    self.err(p, "a pressure test needs `above` or `below`")
            case m.WhenSettled(settled=t):
                self.options_of(p, t.issue, t.among)
            case m.WhenPosition(position=t):
                self.options_of(p, t.issue, t.among)
                self.ref(p + ("of",), "delegation", t.of, self.delegations)
            case _:
                assert_never(c)

    def options_of(self, p: KeyPath, issue: str, among: list[str]) -> None:
        if self.ref(p + ("issue",), "issue", issue, self.issues):
            for j, oid in enumerate(among):
                self.option(p + ("among", j), issue, oid)

    def effect(self, path: KeyPath, e: m.Effect) -> None:
        if not isinstance(e, m.LeakEffect):
            self.ref(path + ("delegation",), "delegation", e.delegation, self.delegations)
        match e:
            case m.RelationEffect() | m.BanTalksEffect() | m.AllowTalksEffect():
                for other in e.toward:
                    self.ref(path + ("toward",), "delegation", other, self.delegations)
            case m.LeakEffect() | m.CostEffect() | m.ExcludeEffect() | m.ReadmitEffect():
                self.ref(path + ("instrument",), "instrument", e.instrument, self.instruments)
            case m.ValueEffect() | m.PositionEffect():
                self.stance(path, e.delegation, e.issue, e.option)
            case m.WeightEffect():
                self.stance(path, e.delegation, e.issue)
            case m.ReservationEffect():
                if e.issue is not None:
                    self.stance(path, e.delegation, e.issue)
            case m.PressureEffect():
                pass
            case _:
                assert_never(e)

    def stance(self, path: KeyPath, delegation: str, issue: str, option: str | None = None) -> None:
        """The issue (and option) an effect names exist, and the delegation has a stance on it to change."""
        if not self.ref(path + ("issue",), "issue", issue, self.issues):
            return
        if option is not None:
            self.option(path + ("option",), issue, option)
        d = next((d for d in self.s.delegations if d.id == delegation), None)
        if d is not None and issue not in d.stances:
            self.err(path + ("issue",), f"{delegation!r} has no stance on {issue!r}")


def _walk(path: KeyPath, c: m.Condition) -> Iterator[tuple[KeyPath, m.Condition]]:
    yield path, c
    match c:
        case m.WhenAll(all=subs) | m.WhenAny(any=subs):
            key = m.test_key(c)
            for j, sub in enumerate(subs):
                yield from _walk(path + (key, j), sub)
        case m.WhenNot(not_=sub):
            yield from _walk(path + ("not",), sub)


def check_references(s: Scenario, raw_ids: dict[str, set[str]] | None = None) -> list[Problem]:
    """Every cross-reference problem of a validated scenario (file left blank).

    `raw_ids` names ids that exist in the file but whose items failed schema
    validation, so references to them are not reported as unknown too."""
    return _Checker(s, raw_ids).run()
