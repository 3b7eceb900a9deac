"""Run many all-AI games and count what happened, in constant memory.

Game k of a batch always has seed key (seed, k), so the counts are the same
whatever the number of worker processes. Each worker streams its games into
a `Tally` (counters only, no logs kept); tallies add up.
"""

from __future__ import annotations

import math
import os
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.ai.driver import play_game
from game.ai.negotiator import Negotiator
from game.analysis.ai_measures import AIMeasures, DealWatch
from game.analysis.signed import SignedTally
from game.analysis.stats import wilson
from game.engine.compiled import CompiledScenario, compile_scenario
from game.engine.scoring import score
from game.engine.state import GameState
from game.scenario.loader import load


@dataclass
class Tally:
    """Counts over a set of games; `+` merges two tallies."""

    runs: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    instruments: Counter[str] = field(default_factory=Counter)
    signed_turns: Counter[str] = field(default_factory=Counter)  # sum of sitting numbers at signature
    events: Counter[str] = field(default_factory=Counter)
    end_reasons: Counter[str] = field(default_factory=Counter)
    walkouts: Counter[str] = field(default_factory=Counter)
    turns: int = 0
    score_sum: dict[str, float] = field(default_factory=dict)  # not a Counter: its `+` drops sums of zero
    utility_sum: dict[str, float] = field(default_factory=dict)
    signed_at: Counter[tuple[str, int]] = field(default_factory=Counter)  # (instrument, sitting number) -> signatures
    lengths: Counter[int] = field(default_factory=Counter)  # sittings played -> games
    signed: SignedTally = field(default_factory=SignedTally)  # signed packages and refusal reasons
    ai: AIMeasures = field(default_factory=AIMeasures)

    def add_game(self, s: GameState, deals: dict[int, int] | None = None) -> None:
        cs = s.cs
        self.runs += 1
        assert s.outcome is not None
        self.outcomes[cs.outcome(s.outcome).id] += 1
        for sig in s.signed:
            iid = cs.instrument_ids[sig.instrument]
            self.instruments[iid] += 1
            self.signed_turns[iid] += sig.turn + 1
            self.signed_at[(iid, sig.turn + 1)] += 1
        for k, n in enumerate(s.fired):
            if n > 0:
                self.events[cs.event(k).id] += 1
        self.end_reasons[s.end_reason.value if s.end_reason else "?"] += 1
        for d in s.walked_out:
            self.walkouts[cs.delegation_ids[d]] += 1
        self.turns += s.turn + 1
        self.lengths[s.turn + 1] += 1
        for result in score(s):
            self.score_sum[result.delegation] = self.score_sum.get(result.delegation, 0.0) + result.score
            self.utility_sum[result.delegation] = self.utility_sum.get(result.delegation, 0.0) + result.utility
        self.signed.add_game(s)
        self.ai.add_game(s, deals)

    def __add__(self, other: Tally) -> Tally:
        def both(mine: Counter[Any], theirs: Counter[Any]) -> Counter[Any]:
            out = Counter(mine)
            out.update(theirs)  # `Counter + Counter` drops zero counts: a delegation whose utility sums to 0 would vanish
            return out

        return Tally(
            self.runs + other.runs,
            both(self.outcomes, other.outcomes),
            both(self.instruments, other.instruments),
            both(self.signed_turns, other.signed_turns),
            both(self.events, other.events),
            both(self.end_reasons, other.end_reasons),
            both(self.walkouts, other.walkouts),
            self.turns + other.turns,
            _add_sums(self.score_sum, other.score_sum),
            _add_sums(self.utility_sum, other.utility_sum),
            both(self.signed_at, other.signed_at),
            both(self.lengths, other.lengths),
            self.signed + other.signed,
            self.ai + other.ai,
        )


def _add_sums(a: dict[str, float], b: dict[str, float]) -> dict[str, float]:
    """Key-wise sum that keeps every delegation, even one whose total is 0."""
    return {k: a.get(k, 0.0) + b.get(k, 0.0) for k in a.keys() | b.keys()}


def run_games(cs: CompiledScenario, seed: int, start: int, count: int, length: str = "full", watch_deals: bool = True) -> Tally:
    """Games start..start+count-1 of a batch. Without `watch_deals`, no `DealWatch` follows them (a sixth
    of a Genoa game's time): the games and every other count are the same, the `ai` section's deal for
    all is left out. Sweeps and calibrations, which read outcome shares only, go without it."""
    tally = Tally()
    ai = Negotiator()  # one per worker: each game resets its memory, the compiled preferences stay
    watch = DealWatch(ai) if watch_deals else None  # reads the playing AI's memory rather than keep a second one
    for k in range(start, start + count):
        s = play_game(cs, (seed, k), length, ai, observe=watch)
        tally.add_game(s, dict(watch.found) if watch is not None else None)
    return tally


def _worker(path: str, seed: int, start: int, count: int, length: str, overrides: dict[str, Any] | None = None, watch_deals: bool = True) -> Tally:
    cs = compile_scenario(load(path, overrides).scenario)
    return run_games(cs, seed, start, count, length, watch_deals)


@dataclass(frozen=True)
class BatchResult:
    scenario: str
    path: str
    runs: int
    seed: int
    length: str
    jobs: int
    tally: Tally
    seconds: float
    all_outcomes: tuple[str, ...]
    all_instruments: tuple[str, ...]
    all_events: tuple[str, ...]
    optional_events: frozenset[str]
    scopes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # instrument -> its scope's issue ids

    @property
    def games_per_second(self) -> float:
        return self.runs / self.seconds if self.seconds > 0 else float("inf")

    def to_json(self) -> dict[str, Any]:
        t = self.tally
        n = max(1, t.runs)
        return {
            "scenario": self.scenario,
            "runs": self.runs,
            "seed": self.seed,
            "length": self.length,
            "jobs": self.jobs,
            "outcomes": {o: t.outcomes.get(o, 0) for o in self.all_outcomes},
            "outcome_ci95": {o: [round(x, 4) for x in wilson(t.outcomes.get(o, 0), t.runs)] for o in self.all_outcomes},
            "instruments": {i: t.instruments.get(i, 0) for i in self.all_instruments},
            "instrument_mean_sitting": {i: round(t.signed_turns[i] / t.instruments[i], 2) for i in self.all_instruments if t.instruments.get(i)},
            "instrument_sittings": {
                i: {str(k): n for (j, k), n in sorted(t.signed_at.items()) if j == i} for i in self.all_instruments if t.instruments.get(i)
            },
            "events": {e: t.events.get(e, 0) for e in self.all_events},
            "events_never_fired": [e for e in self.all_events if not t.events.get(e) and e not in self.optional_events],
            "end_reasons": dict(sorted(t.end_reasons.items())),
            "walkouts": dict(sorted(t.walkouts.items())),
            "mean_turns": round(t.turns / n, 3),
            "game_lengths": {str(k): v for k, v in sorted(t.lengths.items())},
            "mean_score": {d: round(v / n, 2) for d, v in sorted(t.score_sum.items())},
            "mean_utility": {d: round(v / n, 2) for d, v in sorted(t.utility_sum.items())},
            "signed_packages": t.signed.to_json(self.all_instruments, self.scopes, t.runs),
            "ai": t.ai.to_json(),
            "seconds": round(self.seconds, 3),
            "games_per_second": round(self.games_per_second, 1),
        }


def run_batch(
    path: str | Path,
    runs: int,
    seed: int = 0,
    jobs: int = 1,
    length: str = "full",
    progress: Callable[[int, int], None] | None = None,
    compiled: CompiledScenario | None = None,
    overrides: dict[str, Any] | None = None,
    watch_deals: bool = True,
) -> BatchResult:
    """Play `runs` all-AI games; `progress(done, total)` is called as chunks finish.

    `overrides` (key path -> value, see `game.scenario.overrides`) changes the scenario
    for this batch; worker processes reload the file with them. `compiled`, when given,
    must already include them. `watch_deals=False` leaves out the deal-for-all measure
    (see `run_games`) for callers that read no AI measures."""
    cs = compiled if compiled is not None else compile_scenario(load(path, overrides).scenario)
    cs.check_length(length)  # UnknownLength, a ValueError
    start_time = time.perf_counter()
    jobs = max(1, min(jobs, os.cpu_count() or 1, runs or 1))
    chunk = max(1, min(250, math.ceil(runs / (jobs * 4)))) if runs else 1
    pieces = [(k, min(chunk, runs - k)) for k in range(0, runs, chunk)]
    tally = Tally()
    done = 0
    if jobs == 1:
        for start, count in pieces:
            tally = tally + run_games(cs, seed, start, count, length, watch_deals)
            done += count
            if progress:
                progress(done, runs)
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(_worker, str(path), seed, start, count, length, overrides, watch_deals) for start, count in pieces]
            for future in futures:  # in order, so the sum is the same whatever finishes first
                part = future.result()
                tally = tally + part
                done += part.runs
                if progress:
                    progress(done, runs)
    s = cs.scenario
    return BatchResult(
        scenario=s.id,
        path=str(path),
        runs=runs,
        seed=seed,
        length=length,
        jobs=jobs,
        tally=tally,
        seconds=time.perf_counter() - start_time,
        all_outcomes=tuple(o.id for o in s.outcomes),
        all_instruments=tuple(i.id for i in s.instruments),
        all_events=tuple(e.id for e in s.events),
        optional_events=frozenset(e.id for e in s.events if e.optional),
        scopes={i.id: tuple(i.scope) for i in s.instruments},
    )
