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

from game.scenario.errors import KeyPath, Problem, did_you_mean
from game.scenario.models import Condition, Effect, EffectKind, Scenario


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
        self.calendar()
        for k, d in enumerate(s.delegations):
            base: KeyPath = ("delegations", k)
            aim_ids = [a.id for a in d.aims]
            for j, aid in enumerate(aim_ids):
                if aid in aim_ids[:j]:  # the score, the setup screen's weights and saves find an aim by its id
                    self.err(base + ("aims", j, "id"), f"aim {aid!r} is listed twice for {d.id!r}; give each aim its own id")
            for other in d.relations:
                self.ref(base + ("relations", other), "delegation", other, self.delegations)
            for issue_id, stance in d.stances.items():
                p = base + ("stances", issue_id)
                if not self.ref(p, "issue", issue_id, self.issues):
                    continue
                ids = [o.id for o in self.issues[issue_id].options]
                for oid in stance.values:
                    if oid not in ids:
                        self.err(p + ("values", oid), f"issue {issue_id!r} has no option {oid!r}{did_you_mean(oid, ids)}")
                missing = [o for o in ids if o not in stance.values]
                if missing:
                    self.err(p + ("values",), f"no value for option(s) {', '.join(map(repr, missing))}")
                if stance.position is not None:
                    self.option(p + ("position",), issue_id, stance.position)
            for j, aim in enumerate(d.aims):
                self.condition(base + ("aims", j, "when"), aim.when)
        by_id = {d.id: d for d in s.delegations}
        for k, inst in enumerate(s.instruments):
            base = ("instruments", k)
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
            for j, eff in enumerate(inst.effects):
                self.effect(base + ("effects", j), eff)
        for k, ev in enumerate(s.events):
            base = ("events", k)
            if ev.date is None and ev.when is None and not ev.optional:
                self.err(base, "an event needs a `date`, a `when` condition, or `optional = true`")
            if ev.when is not None:
                self.condition(base + ("when",), ev.when)
            for j, who in enumerate(ev.audience):
                self.ref(base + ("audience", j), "delegation", who, self.delegations)
            for j, eff in enumerate(ev.effects):
                self.effect(base + ("effects", j), eff)
        for k, out in enumerate(s.outcomes):
            self.condition(("outcomes", k, "when"), out.when)
        return self.problems

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

    def condition(self, path: KeyPath, c: Condition) -> None:
        for sub_path, sub in _walk(path, c):
            if sub.signed is not None:
                self.ref(sub_path + ("signed",), "instrument", sub.signed, self.instruments)
            if sub.fired is not None:
                self.ref(sub_path + ("fired",), "event", sub.fired, self.events)
            if sub.walked_out is not None:
                self.ref(sub_path + ("walked_out",), "delegation", sub.walked_out, self.delegations)
            if sub.proposed is not None:
                p = sub_path + ("proposed",)
                self.ref(p + ("instrument",), "instrument", sub.proposed.instrument, self.instruments)
                for key in ("by", "excluding"):
                    who = getattr(sub.proposed, key)
                    if who is not None:
                        self.ref(p + (key,), "delegation", who, self.delegations)
            if sub.relation is not None:
                p = sub_path + ("relation",)
                self.ref(p + ("of",), "delegation", sub.relation.of, self.delegations)
                self.ref(p + ("toward",), "delegation", sub.relation.toward, self.delegations)
                if sub.relation.above is None and sub.relation.below is None:
                    self.err(p, "a relation test needs `above` or `below`")
            if sub.pressure is not None:
                p = sub_path + ("pressure",)
                self.ref(p + ("of",), "delegation", sub.pressure.of, self.delegations)
                if sub.pressure.above is None and sub.pressure.below is None:
                    self.err(p, "a pressure test needs `above` or `below`")
            for key in ("settled", "position"):
                test = getattr(sub, key)
                if test is None:
                    continue
                p = sub_path + (key,)
                if self.ref(p + ("issue",), "issue", test.issue, self.issues):
                    for j, oid in enumerate(test.among):
                        self.option(p + ("among", j), test.issue, oid)
                if key == "position":
                    if test.of is None:
                        self.err(p + ("of",), "a position test needs `of` (whose position)")
                    else:
                        self.ref(p + ("of",), "delegation", test.of, self.delegations)

    def effect(self, path: KeyPath, e: Effect) -> None:
        if e.delegation is not None:
            self.ref(path + ("delegation",), "delegation", e.delegation, self.delegations)
        for other in e.toward_ids():
            self.ref(path + ("toward",), "delegation", other, self.delegations)
        if e.instrument is not None:
            self.ref(path + ("instrument",), "instrument", e.instrument, self.instruments)
        if e.issue is not None and self.ref(path + ("issue",), "issue", e.issue, self.issues):
            if e.option is not None:
                self.option(path + ("option",), e.issue, e.option)
            if e.kind in (EffectKind.VALUE, EffectKind.WEIGHT, EffectKind.POSITION, EffectKind.RESERVATION) and e.delegation:
                d = next((d for d in self.s.delegations if d.id == e.delegation), None)
                if d is not None and e.issue not in d.stances:
                    self.err(path + ("issue",), f"{e.delegation!r} has no stance on {e.issue!r}")


def _walk(path: KeyPath, c: Condition) -> Iterator[tuple[KeyPath, Condition]]:
    yield path, c
    for key in ("all", "any"):
        subs = getattr(c, key)
        if subs:
            for j, sub in enumerate(subs):
                yield from _walk(path + (key, j), sub)
    if c.not_ is not None:
        yield from _walk(path + ("not",), c.not_)


def walk_conditions(c: Condition) -> Iterator[Condition]:
    """Every test inside a condition, nested ones included."""
    for _, sub in _walk((), c):
        yield sub


def check_references(s: Scenario, raw_ids: dict[str, set[str]] | None = None) -> list[Problem]:
    """Every cross-reference problem of a validated scenario (file left blank).

    `raw_ids` names ids that exist in the file but whose items failed schema
    validation, so references to them are not reported as unknown too."""
    return _Checker(s, raw_ids).run()
