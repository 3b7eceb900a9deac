"""A scenario turned into index tables and numpy arrays, once per game setup.

The engine and the AI work on integer indexes and arrays, never on ids and
pydantic objects in the hot path. Compiling is done once per scenario and
shared (read-only) by every game of a batch.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import numpy.typing as npt

from game.scenario.models import Delegation, Event, Instrument, Issue, Outcome, Scenario

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

_STYLE_BETA = {"tough": 0.35, "linear": 1.0, "flexible": 2.5}


class UnknownLength(ValueError):
    """A game length id that the scenario's calendar does not offer."""

    def __init__(self, scenario: str, length_id: str, offered: tuple[str, ...]) -> None:
        super().__init__(f"unknown game length {length_id!r}; {scenario} offers {', '.join(offered)}")
        self.length_id = length_id
        self.offered = offered


@dataclass(frozen=True)
class Stances:
    """What every delegation values; changed only by effects, so shared until then.

    `values[d, o]` is delegation d's value of global option o (0-100);
    `weights[d, i]` the weight of issue i for d (0 = no stance);
    `no_deal[d, i]` the value of leaving issue i unsettled.
    """

    values: FloatArray
    weights: FloatArray
    no_deal: FloatArray

    def freeze(self) -> Stances:
        for a in (self.values, self.weights, self.no_deal):
            a.flags.writeable = False
        return self

    @cached_property
    def tables(self) -> dict[int, Any]:
        """Utility tables made from these stances, by delegation (filled by `engine.utility.table`).

        Kept on the stances object itself, which no one mutates, so a table can
        never outlive the values it was made from, and games never share a memo
        they do not also share the stances of."""
        return {}


@dataclass(frozen=True)
class CompiledScenario:
    scenario: Scenario
    delegation_ids: tuple[str, ...]
    issue_ids: tuple[str, ...]
    instrument_ids: tuple[str, ...]
    option_ids: tuple[tuple[str, ...], ...]  # per issue
    option_offset: tuple[int, ...]  # per issue: index of its first option in the global option axis
    stances: Stances
    relations: FloatArray  # D x D trust 0-100
    pressure: tuple[float, ...]
    positions: tuple[int, ...]  # D*I flattened: start public position per (d, i), -1 = none
    beta: tuple[float, ...]  # concession exponent per delegation
    actors: tuple[int, ...]  # delegations that act (not observers)
    parties: tuple[tuple[int, ...], ...]  # per instrument
    scope: tuple[tuple[int, ...], ...]  # per instrument: issue indexes
    costs: FloatArray  # instruments x D

    @property
    def n_delegations(self) -> int:
        return len(self.delegation_ids)

    @cached_property
    def n_issues(self) -> int:
        return len(self.issue_ids)

    def delegation(self, index: int) -> Delegation:
        return self.scenario.delegations[index]

    def issue(self, index: int) -> Issue:
        return self.scenario.issues[index]

    def instrument(self, index: int) -> Instrument:
        return self.scenario.instruments[index]

    def event(self, index: int) -> Event:
        return self.scenario.events[index]

    def outcome(self, index: int) -> Outcome:
        return self.scenario.outcomes[index]

    @cached_property
    def d_index(self) -> dict[str, int]:
        return {d: k for k, d in enumerate(self.delegation_ids)}

    @cached_property
    def i_index(self) -> dict[str, int]:
        return {i: k for k, i in enumerate(self.issue_ids)}

    @cached_property
    def inst_index(self) -> dict[str, int]:
        return {i: k for k, i in enumerate(self.instrument_ids)}

    @cached_property
    def event_index(self) -> dict[str, int]:
        return {e.id: k for k, e in enumerate(self.scenario.events)}

    def option_index(self, issue: int, option_id: str) -> int:
        return self.option_ids[issue].index(option_id)

    def sittings(self, length_id: str = "full") -> tuple[dt.date, ...]:
        """The sitting dates of one game length; UnknownLength if the scenario does not offer it."""
        days = self.scenario.calendar.sittings_of(length_id)
        if days is None:
            raise UnknownLength(self.scenario.id, length_id, self.length_ids())
        return tuple(days)

    def check_length(self, length_id: str) -> str:
        """`length_id` back if this scenario offers it, else UnknownLength naming the ones it does.

        The one check every entry point (new game, CLI commands, batches) goes
        through, so they all refuse a bad length with the same sentence."""
        self.sittings(length_id)
        return length_id

    @cached_property
    def tables_by_rows(self) -> dict[tuple[bytes, ...], Any]:
        """Utility tables of this scenario by the bytes of a delegation's stance rows.

        Every game of a scenario starts from the same stances, and an effect
        changes a few delegations' rows, so most tables recur bit for bit; this
        memo (filled by `engine.utility.table`, reused only for identical bytes)
        spares remaking them, for every game that shares this compiled scenario."""
        return {}

    def length_ids(self) -> tuple[str, ...]:
        return self.scenario.calendar.length_ids()

    @cached_property
    def n_options(self) -> tuple[int, ...]:
        return tuple(len(o) for o in self.option_ids)


def compile_scenario(s: Scenario) -> CompiledScenario:
    d_ids = tuple(d.id for d in s.delegations)
    i_ids = tuple(i.id for i in s.issues)
    opt_ids = tuple(tuple(o.id for o in i.options) for i in s.issues)
    offsets: list[int] = []
    total = 0
    for opts in opt_ids:
        offsets.append(total)
        total += len(opts)
    n_d, n_i = len(d_ids), len(i_ids)
    values = np.zeros((n_d, total))
    weights = np.zeros((n_d, n_i))
    no_deal = np.zeros((n_d, n_i))
    positions = [-1] * (n_d * n_i)
    relations = np.full((n_d, n_d), 50.0)
    d_idx = {d: k for k, d in enumerate(d_ids)}
    i_idx = {i: k for k, i in enumerate(i_ids)}
    for d, deleg in enumerate(s.delegations):
        no_deal[d, :] = deleg.reservation
        for other, trust in deleg.relations.items():
            relations[d, d_idx[other]] = trust
        relations[d, d] = 100.0
        for issue_id, stance in deleg.stances.items():
            i = i_idx[issue_id]
            weights[d, i] = stance.weight
            for o, oid in enumerate(opt_ids[i]):
                values[d, offsets[i] + o] = stance.values[oid]
            if stance.no_deal is not None:
                no_deal[d, i] = stance.no_deal
            if stance.position is not None:
                positions[d * n_i + i] = opt_ids[i].index(stance.position)
            else:
                positions[d * n_i + i] = int(np.argmax(values[d, offsets[i] : offsets[i] + len(opt_ids[i])]))
    costs = np.zeros((len(s.instruments), n_d))
    for k, inst in enumerate(s.instruments):
        for party, cost in inst.costs.items():
            costs[k, d_idx[party]] = cost
    costs.flags.writeable = False
    relations.flags.writeable = False
    return CompiledScenario(
        scenario=s,
        delegation_ids=d_ids,
        issue_ids=i_ids,
        instrument_ids=tuple(i.id for i in s.instruments),
        option_ids=opt_ids,
        option_offset=tuple(offsets),
        stances=Stances(values, weights, no_deal).freeze(),
        relations=relations,
        pressure=tuple(d.pressure for d in s.delegations),
        positions=tuple(positions),
        beta=tuple(_STYLE_BETA[d.style.value] for d in s.delegations),
        actors=tuple(k for k, d in enumerate(s.delegations) if not d.observer),
        parties=tuple(tuple(d_idx[p] for p in inst.parties) for inst in s.instruments),
        scope=tuple(tuple(i_idx[x] for x in inst.scope) for inst in s.instruments),
        costs=costs,
    )
