"""The state of one conference: immutable, replaced (not copied) at each step.

Unchanged parts (the compiled scenario, stances, relation matrices, the log's
earlier entries) are shared between successive states, so a step costs what
it changes, not the size of the game.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field, fields
from enum import StrEnum
from functools import cached_property
from typing import Any

from game.engine.actions import Answer
from game.engine.compiled import CompiledScenario, FloatArray, Stances
from game.engine.log import LogEntry


class ProposalStatus(StrEnum):
    OPEN = "open"
    SIGNED = "signed"
    REJECTED = "rejected"
    LAPSED = "lapsed"


@dataclass(frozen=True, slots=True)
class Proposal:
    id: int
    turn: int
    proposer: int
    instrument: int
    package: tuple[int, ...]  # option index per issue of the instrument's scope
    to: frozenset[int] | None  # None: plenary
    answers: tuple[tuple[int, Answer], ...] = ()
    status: ProposalStatus = ProposalStatus.OPEN
    counter_to: int | None = None

    @property
    def private(self) -> bool:
        return self.to is not None

    def answer_of(self, d: int) -> Answer | None:
        for who, answer in self.answers:
            if who == d:
                return answer
        return None

    def seen_by(self, d: int) -> bool:
        return self.to is None or d == self.proposer or d in self.to


@dataclass(frozen=True, slots=True)
class Signature:
    instrument: int
    package: tuple[int, ...]
    turn: int
    proposal: int
    # the political cost each party paid when it signed, in the order of the instrument's
    # parties: counted in that party's displayed value and score, as it steered the AI
    costs: tuple[float, ...] = ()


class AudienceStatus(StrEnum):
    ASKED = "asked"
    GRANTED = "granted"
    REFUSED = "refused"  # refused, or put off: not answered in time


@dataclass(frozen=True, slots=True)
class Audience:
    """A request by `asker` for private talks with `host`, and its fate."""

    id: int
    turn: int  # the sitting it was asked in (0-based)
    asker: int
    host: int
    status: AudienceStatus = AudienceStatus.ASKED
    answered: int = -1  # the sitting of the answer, -1 while open


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Public positions, trust and pressure at the end of a sitting, for the charts."""

    turn: int
    positions: tuple[int, ...]
    relations: tuple[float, ...]
    pressure: tuple[float, ...]


class EndReason(StrEnum):
    SIGNED = "signed"  # an instrument that ends the conference was signed
    WALKOUT = "walkout"  # an essential delegation walked out
    CALENDAR = "calendar"  # the last sitting is over
    TEACHER = "teacher"  # ended from the teacher's console
    SETTLED = "settled"  # nothing is left to sign


@dataclass(frozen=True, eq=False)
class GameState:
    cs: CompiledScenario = field(repr=False)
    seed: tuple[int, ...]
    length_id: str
    sittings: tuple[dt.date, ...]
    turn: int  # 0-based index of the current sitting
    order: tuple[int, ...]  # who acts this sitting, in seeded order
    cursor: int  # index into order of the delegation to act
    humans: frozenset[int]
    stances: Stances
    positions: tuple[int, ...]  # D*I public positions (option index, -1 = none)
    pressure: tuple[float, ...]
    relations: FloatArray
    costs: FloatArray
    temperament: tuple[float, ...]  # per-game concession exponent multiplier per delegation
    dice: FloatArray = field(repr=False)  # this sitting's uniform draws per delegation (AI noise)
    bans: frozenset[tuple[int, int]] = frozenset()
    excluded: frozenset[tuple[int, int]] = frozenset()  # (delegation, instrument)
    leaked: frozenset[int] = frozenset()
    proposals: tuple[Proposal, ...] = ()
    signed: tuple[Signature, ...] = ()
    audiences: tuple[Audience, ...] = ()
    settled: tuple[int, ...] = ()
    walked_out: frozenset[int] = frozenset()
    fired: tuple[int, ...] = ()  # times each event fired
    event_dates: tuple[dt.date | None, ...] = ()  # this game's date of each event (its `window` drawn); () = as written
    log: tuple[LogEntry, ...] = ()
    history: tuple[Snapshot, ...] = ()
    ended: bool = False
    # the last sitting's closing round: every addressee answers what is still open, then passes
    answering: bool = False
    end_reason: EndReason | None = None
    outcome: int | None = None

    # -- small derived facts ---------------------------------------------------

    @property
    def n_turns(self) -> int:
        return len(self.sittings)

    @property
    def date(self) -> dt.date:
        return self.sittings[min(self.turn, len(self.sittings) - 1)]

    @property
    def actor(self) -> int | None:
        """The delegation whose move it is, or None once the conference has ended."""
        if self.ended or self.cursor >= len(self.order):
            return None
        return self.order[self.cursor]

    @property
    def actor_id(self) -> str | None:
        a = self.actor
        return None if a is None else self.cs.delegation_ids[a]

    def time_fraction(self) -> float:
        """0 at the first sitting, 1 at the last: the clock of every concession curve."""
        return self.turn / max(1, self.n_turns - 1)

    def position(self, d: int, i: int) -> int:
        return self.positions[d * self.cs.n_issues + i]

    # The AI asks `is_signed` and `active_parties` hundreds of times per state, while
    # signatures and exclusions change a few times per game. So each answer is derived
    # once per state (cached_property) and `evolve` hands it on to the next state unless
    # a field it was derived from changed (see _DERIVED_FROM): per game, no module state.

    @cached_property
    def signed_instruments(self) -> frozenset[int]:
        """The instruments signed so far."""
        return frozenset(sig.instrument for sig in self.signed)

    @cached_property
    def _parties_now(self) -> tuple[tuple[int, ...], ...]:
        return tuple(tuple(p for p in ps if (p, k) not in self.excluded) for k, ps in enumerate(self.cs.parties))

    def is_signed(self, instrument: int) -> bool:
        return instrument in self.signed_instruments

    def is_banned(self, a: int, b: int) -> bool:
        return (min(a, b), max(a, b)) in self.bans

    def audiences_for(self, host: int) -> tuple[Audience, ...]:
        """Requests for an audience that `host` has still to answer."""
        return tuple(a for a in self.audiences if a.host == host and a.status is AudienceStatus.ASKED)

    def open_proposals(self) -> tuple[Proposal, ...]:
        return tuple(p for p in self.proposals if p.status is ProposalStatus.OPEN)

    def pending_for(self, d: int) -> tuple[Proposal, ...]:
        """Open proposals that d, as a party, has still to answer."""
        return tuple(
            p
            for p in self.proposals
            if p.status is ProposalStatus.OPEN
            and p.proposer != d
            and d in self.active_parties(p.instrument)
            and p.seen_by(d)
            and p.answer_of(d) is None
        )

    def active_parties(self, instrument: int) -> tuple[int, ...]:
        """The parties to `instrument` not excluded from it (walk-outs, events)."""
        return self._parties_now[instrument]

    def signature_visible_to(self, sig: Signature, d: int | None) -> bool:
        inst = self.cs.instrument(sig.instrument)
        if not inst.secret or self.ended or sig.instrument in self.leaked:
            return True
        return d is not None and d in self.cs.parties[sig.instrument]

    def evolve(self, **changes: Any) -> GameState:
        """A copy with some fields changed: `dataclasses.replace` without re-running
        `__init__`, which made it the engine's most expensive line (a step makes a few)."""
        if not changes.keys() <= _FIELDS:
            raise TypeError(f"GameState has no field {sorted(changes.keys() - _FIELDS)[0]!r}")
        new = object.__new__(GameState)
        state = self.__dict__ | changes  # one new dict, handed over whole (half the cost of filling an empty one)
        for derived, sources in _DERIVED_FROM_ITEMS:
            if derived in state and not sources.isdisjoint(changes):
                del state[derived]
        object.__setattr__(new, "__dict__", state)
        return new

    def fingerprint(self) -> str:
        """A hash of everything that matters, for replay and undo checks."""
        return hashlib.sha256(json.dumps(self.to_json(), sort_keys=True).encode()).hexdigest()

    def to_json(self) -> dict[str, Any]:
        return {
            "seed": list(self.seed),
            "length": self.length_id,
            "sittings": [d.isoformat() for d in self.sittings],
            "turn": self.turn,
            "order": list(self.order),
            "cursor": self.cursor,
            "humans": sorted(self.humans),
            "values": self.stances.values.round(6).tolist(),
            "weights": self.stances.weights.round(6).tolist(),
            "no_deal": self.stances.no_deal.round(6).tolist(),
            "positions": list(self.positions),
            "pressure": [round(p, 6) for p in self.pressure],
            "relations": self.relations.round(6).tolist(),
            "costs": self.costs.round(6).tolist(),
            "temperament": [round(t, 9) for t in self.temperament],
            "bans": sorted(self.bans),
            "excluded": sorted(self.excluded),
            "leaked": sorted(self.leaked),
            "proposals": [
                [
                    p.id,
                    p.turn,
                    p.proposer,
                    p.instrument,
                    list(p.package),
                    sorted(p.to) if p.to is not None else None,
                    [[a, b.value] for a, b in p.answers],
                    p.status.value,
                    p.counter_to,
                ]
                for p in self.proposals
            ],
            "signed": [[s.instrument, list(s.package), s.turn, s.proposal, [round(c, 6) for c in s.costs]] for s in self.signed],
            "audiences": [[a.id, a.turn, a.asker, a.host, a.status.value, a.answered] for a in self.audiences],
            "settled": list(self.settled),
            "walked_out": sorted(self.walked_out),
            "fired": list(self.fired),
            **({"event_dates": [d.isoformat() if d else None for d in self.event_dates]} if self.event_dates else {}),
            "log": [e.to_json() for e in self.log],
            "ended": self.ended,
            **({"answering": True} if self.answering else {}),
            "end_reason": self.end_reason.value if self.end_reason else None,
            "outcome": self.outcome,
        }


_FIELDS = frozenset(f.name for f in fields(GameState))
# derived value (a cached_property of GameState) -> the fields it is computed from
_DERIVED_FROM = {"signed_instruments": frozenset({"signed"}), "_parties_now": frozenset({"cs", "excluded"})}
_DERIVED_FROM_ITEMS = tuple(_DERIVED_FROM.items())
