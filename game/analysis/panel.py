"""The designer panel's figures, pygame-free: the window's panel and `plenipo inspect` both read them.

Per delegation and instrument: its best package and that package's value, its
aspiration, what no agreement is worth to it (the AI's alternative) and the
instrument's political cost; per instrument: how many packages every party
prefers to no deal and which has the highest Nash product (from
`game.analysis.pareto`); per delegation: what its AI would do if it moved
now. Aspirations and plans come from the AI itself (`Negotiator.line`, its
stakes, `move`), never from a copy of its logic, so the figures explain the
moves the AI is about to make.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from game.ai.negotiator import Negotiator, Strategy
from game.analysis.pareto import acceptable_count, frontier
from game.engine import actions as A
from game.engine.state import GameState
from game.scenario.texts import tr

#: The verdict for an instrument no package of which every party prefers to no deal.
UNSIGNABLE = "no package is acceptable to all parties: this instrument cannot be signed unless events move values"


@dataclass(frozen=True)
class InstrumentLine:
    """An instrument the delegation is party to, as the AI sees it now (None values when signed or out)."""

    title: str
    best: float | None
    aspiration: float | None
    alternative: float | None
    cost: float
    status: str  # "", "signed", "excluded", "walked out"
    plan: str  # the package it would propose now ("" when none beats its aspiration)
    id: str = ""
    package: tuple[tuple[str, str], ...] = ()  # the plan as (issue id, option id) pairs
    best_package: tuple[tuple[str, str], ...] = ()  # its most valued candidate package (worth `best`)


def instrument_lines(s: GameState, d: int, neg: Negotiator, lang: str) -> tuple[InstrumentLine, ...]:
    """Per instrument d is party to: best package (and its value), aspiration, alternative, cost, and its plan.

    All from the AI itself: `Negotiator.line` (best value, aspiration, alternative, the package it
    would propose) and its stakes (the best package: utility is additive, so it is the best option
    of every issue)."""
    cs = s.cs
    out = []
    for k in range(len(cs.instrument_ids)):
        if d not in cs.parties[k]:
            continue
        iid = cs.instrument_ids[k]
        title = tr(cs.instrument(k).title, lang)
        cost = float(s.costs[k, d])
        if s.is_signed(k):
            out.append(InstrumentLine(title, None, None, None, cost, "signed", "", iid))
            continue
        if d in s.walked_out:
            out.append(InstrumentLine(title, None, None, None, cost, "walked out", "", iid))
            continue
        if d not in s.active_parties(k):
            out.append(InstrumentLine(title, None, None, None, cost, "excluded", "", iid))
            continue
        line = neg.line(s, d, k)
        scope = cs.scope[k]
        pairs: tuple[tuple[str, str], ...] = ()
        if line.package is not None:
            pairs = tuple((cs.issue_ids[i], cs.option_ids[i][o]) for i, o in zip(scope, line.package, strict=True))
        gains = neg.memory(s).stakes(s, d, k).gain
        top = tuple(max(range(len(g)), key=g.__getitem__) for g in gains)
        best_pairs = tuple((cs.issue_ids[i], cs.option_ids[i][o]) for i, o in zip(scope, top, strict=True))
        words = ", ".join(o for _, o in pairs)
        out.append(InstrumentLine(title, line.best, line.aspiration, line.alternative, cost, "", words, iid, pairs, best_pairs))
    return tuple(out)


@dataclass(frozen=True)
class Agreement:
    """One instrument's zone of agreement among its active parties, in engine utility (0-100, net of costs)."""

    id: str
    title: str
    parties: tuple[str, ...]
    status: str  # "open", "signed", "blocked" (a party walked out)
    packages: int  # how many packages the scope has (settled issues fixed)
    acceptable: int  # of them, how many every party strictly prefers to no deal
    exact: bool  # False: `acceptable` counts only the frontier (a lower bound)
    no_deal: tuple[tuple[str, float], ...]  # per party: utility of the world without this instrument
    nash: tuple[tuple[str, str], ...]  # the package with the highest Nash product (empty when none)
    nash_utilities: tuple[tuple[str, float], ...]
    verdict: str


def agreements(s: GameState, lang: str = "en") -> tuple[Agreement, ...]:
    cs = s.cs
    out = []
    for k, iid in enumerate(cs.instrument_ids):
        title = tr(cs.instrument(k).title, lang)
        parties = s.active_parties(k)
        names = tuple(cs.delegation_ids[d] for d in parties)
        scope = cs.scope[k]
        total = math.prod(1 if s.settled[i] >= 0 else cs.n_options[i] for i in scope)
        if s.is_signed(k):
            sig = next(x for x in s.signed if x.instrument == k)
            words = ", ".join(f"{cs.issue_ids[i]}={cs.option_ids[i][o]}" for i, o in zip(scope, sig.package, strict=True))
            out.append(Agreement(iid, title, names, "signed", total, 0, True, (), (), (), f"signed at sitting {sig.turn + 1}: {words}"))
            continue
        gone = [cs.delegation_ids[d] for d in parties if d in s.walked_out]
        if gone:
            out.append(Agreement(iid, title, names, "blocked", total, 0, True, (), (), (), f"cannot be signed: {', '.join(gone)} has walked out"))
            continue
        f = frontier(s, k)
        count, exact = acceptable_count(s, k)
        no_deal = tuple((n, round(float(v), 2)) for n, v in zip(names, f.no_deal, strict=True))
        nash: tuple[tuple[str, str], ...] = ()
        nash_u: tuple[tuple[str, float], ...] = ()
        if f.nash is not None and f.nash_utilities is not None:
            nash = tuple((cs.issue_ids[i], cs.option_ids[i][o]) for i, o in zip(scope, f.nash, strict=True))
            nash_u = tuple((n, round(float(v), 2)) for n, v in zip(names, f.nash_utilities, strict=True))
        if count == 0:
            verdict = UNSIGNABLE
            free = {i for i in scope if s.settled[i] < 0}
            sharing = [
                f"{other}: {', '.join(cs.issue_ids[i] for i in cs.scope[j] if i in free)}"
                for j, other in enumerate(cs.instrument_ids)
                if j != k and not s.is_signed(j) and free & set(cs.scope[j])
            ]
            if sharing:
                verdict += f", or another instrument settles some of its issues first ({'; '.join(sharing)})"
        else:
            some = "" if exact else "at least "
            verdict = f"{some}{count} of {total} packages are acceptable to all parties"
        out.append(Agreement(iid, title, names, "open", total, count, exact, no_deal, nash, nash_u, verdict))
    return tuple(out)


@dataclass(frozen=True)
class Intention:
    """What a delegation's AI would do if it moved now (this sitting's dice, the state as it is)."""

    delegation: str
    kind: str  # propose, shift, statement, walkout, pass
    instrument: str = ""
    package: tuple[tuple[str, str], ...] = ()
    to: tuple[str, ...] = ()  # private addressees; empty: plenary
    issue: str = ""
    option: str = ""
    note: str = ""

    def words(self) -> str:
        if self.kind == "propose":
            where = f"to {', '.join(self.to)}" if self.to else "in plenary"
            package = ", ".join(f"{i}={o}" for i, o in self.package)
            return f"proposes {self.instrument} {where}: {package}" + (f" ({self.note})" if self.note else "")
        if self.kind == "shift":
            return f"moves its public position on {self.issue} to {self.option}" + (f" ({self.note})" if self.note else "")
        if self.kind == "walkout":
            return "walks out" + (f" ({self.note})" if self.note else "")
        if self.kind == "statement":
            return self.note.replace("_", " ") + (f" on {self.issue}" if self.issue else "")
        return "waits"


def intentions(s: GameState, neg: Strategy) -> tuple[Intention, ...]:
    """Each acting AI delegation's move if it were its turn now, through the AI's own `move`."""
    cs = s.cs
    out = []
    for d in cs.actors:
        if d in s.walked_out or s.ended:
            continue
        me = cs.delegation_ids[d]
        move = neg.move(s, d)
        reasons = move.reasons if isinstance(move, A.Propose | A.Shift | A.Walkout) else None
        note = reasons.note if reasons is not None else ""
        if isinstance(move, A.Propose):
            out.append(Intention(me, "propose", move.instrument, tuple(move.package), tuple(move.to), note=note))
        elif isinstance(move, A.Shift):
            out.append(Intention(me, "shift", issue=move.issue, option=move.option, note=note))
        elif isinstance(move, A.Walkout):
            out.append(Intention(me, "walkout", note=note))
        elif isinstance(move, A.Statement):
            out.append(Intention(me, "statement", issue=move.issue or "", note=move.kind.value))
        else:
            out.append(Intention(me, "pass"))
    return tuple(out)


def lines_json(lines: tuple[InstrumentLine, ...]) -> dict[str, Any]:
    return {
        x.id: {
            "best": _r(x.best),
            "aspiration": _r(x.aspiration),
            "no_deal": _r(x.alternative),
            "cost": round(x.cost, 2),
            "status": x.status or "open",
            "best_package": dict(x.best_package) if x.best_package else None,
            "plan": dict(x.package) if x.package else None,
        }
        for x in lines
    }


def _r(v: float | None) -> float | None:
    return None if v is None else round(v, 2)
