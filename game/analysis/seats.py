"""Can a seat be solved? Scripted team strategies against the AI, over paired seeds.

A scenario is a game only if no delegation's best play is to do nothing and every
delegation has some lever on how the conference ends. This module plays one seat
with a fixed, simple strategy (the other seats stay with the AI) over the same
seeds as the all-AI games, and compares: the seat's mean score against its AI's
(paired: the same seed, so the same dice, jitter and event dates), and how far the
strategy moves each outcome's share.

The strategies act through the engine's own actions, exactly as a team's clicks
do. The seat is not marked as a team's in the state, so only the strategy differs
from the all-AI game of the same seed: the AI still asks it for audiences, and it
answers them (a team in the window cannot answer an audience yet; marking the seat
as a team's would change every game through that alone). Four are "do-nothing" strategies that must
score clearly below the seat's AI; the others are simple, sensible plays that
show whether a seat has a lever (some outcome share moved by at least
`LEVER_POINTS`).

Game k of a run uses the seed key (seed, k), like `plenipo batch`, so the AI column
is the batch of the same seed and the results do not depend on the number of jobs.
"""

from __future__ import annotations

import math
import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from game.ai import audience
from game.ai.driver import play_game, run_ai_turn
from game.ai.negotiator import Negotiator
from game.engine import actions as A
from game.engine.compiled import CompiledScenario, compile_scenario
from game.engine.rules import check, new_game, package_indexes, step
from game.engine.scoring import score
from game.engine.signing import signing_value
from game.engine.state import Audience, AudienceStatus, GameState, Proposal
from game.engine.utility import shortfall, table
from game.scenario.loader import load

#: An outcome share a strategy moves by at least this many points (0-100) counts as a lever.
LEVER_POINTS = 10.0


class Policy(StrEnum):
    """How the scripted seat plays. The first four do nothing useful; the rest are simple, sensible plays."""

    REFUSE_ALL = "refuse_all"  # rejects every proposal and every request for an audience, passes every turn
    ACCEPT_ALL = "accept_all"  # accepts every proposal, grants every audience, passes every turn
    PASS_ALL = "pass_all"  # answers nothing and passes every turn
    OWN_IDEAL = "own_ideal"  # proposes its own best package, accepts nothing less
    DEAL_TAKER = "deal_taker"  # the AI's moves, but accepts any package worth more to it than no agreement
    OPEN_DOOR = "open_door"  # the AI's moves, but grants every audience and names every outsider in its private talks
    HARD_LINE = "hard_line"  # the AI's moves, but accepts only packages that meet its AI's aspiration and beat no deal by 10
    PERSISTENT = "persistent"  # the AI's play, but asks for an audience every sitting, a new host each time, until received
    RED_LINE = "red_line"  # the AI's play, but walks out when it is asked to sign a package far worse for it than no agreement
    TOP_ISSUE = "top_issue"  # the AI's play, but signs nothing that settles its weightiest issue worse than leaving it open
    FOLLOWER = "follower"  # the AI's answers and requests, but it never proposes: it waits for the others' offers
    SAYS_WHY = "says_why"  # deal_taker, but each refusal names what would change it (see `named_want`)


DO_NOTHING = (Policy.REFUSE_ALL, Policy.ACCEPT_ALL, Policy.PASS_ALL, Policy.OWN_IDEAL)
SENSIBLE = (
    Policy.DEAL_TAKER,
    Policy.OPEN_DOOR,
    Policy.HARD_LINE,
    Policy.PERSISTENT,
    Policy.RED_LINE,
    Policy.TOP_ISSUE,
    Policy.FOLLOWER,
    Policy.SAYS_WHY,
)
#: what `HARD_LINE` asks a package to beat no agreement by (utility points, 0-100)
HARD_LINE_MARGIN = 10.0
#: how far below no agreement (utility points, 0-100) a package it is asked to sign must fall for `RED_LINE` to walk out
RED_LINE_MARGIN = 10.0


@dataclass(frozen=True, slots=True)
class Game:
    """What one game left: its outcome and every acting delegation's score."""

    outcome: str
    scores: tuple[tuple[str, float], ...]

    def score_of(self, delegation: str) -> float:
        return dict(self.scores)[delegation]


# --- the scripted seat -----------------------------------------------------------------


def _package_ids(s: GameState, k: int, package: Sequence[int]) -> tuple[tuple[str, str], ...]:
    cs = s.cs
    return tuple((cs.issue_ids[i], cs.option_ids[i][o]) for i, o in zip(cs.scope[k], package, strict=True))


def ideal_package(s: GameState, d: int, k: int) -> tuple[int, ...]:
    """d's best package of instrument k now: its best option on each open issue, settled ones kept.

    Utility is a sum over issues and the cost does not depend on the package, so the best
    package is the best option issue by issue (ties: the first option)."""
    t = table(s, d)
    out = []
    for i in s.cs.scope[k]:
        if s.settled[i] >= 0:
            out.append(s.settled[i])
        else:
            row = t.contrib[i]
            out.append(max(range(len(row)), key=lambda o: (row[o], -o)))
    return tuple(out)


def _ideal_move(s: GameState, d: int) -> A.MoveAction:
    """Propose its ideal package of the instrument it gains most from, in plenary; pass if none can be proposed."""
    cs = s.cs
    me = cs.delegation_ids[d]
    best: tuple[float, int, A.Propose] | None = None
    for k in range(len(cs.instrument_ids)):
        if d not in s.active_parties(k) or s.is_signed(k):
            continue
        if any(p.instrument == k and p.proposer == d for p in s.open_proposals()):
            continue  # its offer stands
        pkg = ideal_package(s, d, k)
        sv = signing_value(s, d, k, pkg)
        action = A.Propose(me, cs.instrument_ids[k], _package_ids(s, k, pkg))
        if check(s, action) is not None:
            continue
        key = (sv.value - sv.alternative, -k)
        if best is None or key > (best[0], best[1]):
            best = (key[0], key[1], action)
    return best[2] if best is not None else A.Pass(me)


def _open_door_move(s: GameState, d: int, move: A.MoveAction) -> A.MoveAction:
    """The AI's move, but private talks name every delegation it may talk to (no one is shut out)."""
    if not isinstance(move, A.Propose) or not move.to:
        return move
    cs = s.cs
    everyone = tuple(
        cs.delegation_ids[x] for x in cs.actors if x != d and x not in s.walked_out and not s.is_banned(d, x) and cs.delegation_ids[x] != move.actor
    )
    wider = A.Propose(move.actor, move.instrument, move.package, everyone, move.counter_to, move.reasons, move.rationale)
    return wider if check(s, wider) is None else move


def named_want(s: GameState, d: int, p: Proposal) -> tuple[str, str] | None:
    """What a sensible team names when it refuses p: its best option on the open issue where the offer costs it most
    (the gap to that option times the issue's weight); None when the offer already gives its best everywhere."""
    cs = s.cs
    best: tuple[float, int, int] | None = None
    for i, o in zip(cs.scope[p.instrument], p.package, strict=True):
        if s.settled[i] >= 0:
            continue
        gap, top = shortfall(s, d, i, o)
        if top != o and (best is None or gap > best[0]):
            best = (gap, i, top)
    return None if best is None else (cs.issue_ids[best[1]], cs.option_ids[best[1]][best[2]])


def crosses_red_line(s: GameState, d: int) -> bool:
    """Whether d is asked to sign a package worth at least `RED_LINE_MARGIN` less to it than no agreement."""
    for p in s.pending_for(d):
        sv = signing_value(s, d, p.instrument, p.package)
        if sv.value <= sv.alternative - RED_LINE_MARGIN:
            return True
    return False


def gives_up_top_issue(s: GameState, d: int, k: int, package: Sequence[int]) -> bool:
    """Whether the package settles d's weightiest open issue of instrument k (by its stance weight now)
    on an option d values below leaving that issue open."""
    weights = s.stances.weights[d]
    open_issues = [(float(weights[i]), -n, i, o) for n, (i, o) in enumerate(zip(s.cs.scope[k], package, strict=True)) if s.settled[i] < 0]
    if not open_issues:
        return False
    _, _, i, o = max(open_issues)
    t = table(s, d)
    return t.contrib[i][o] < t.unsettled[i] - 1e-9


def _persistent_request(s: GameState, d: int) -> A.RequestAudience | None:
    """Ask, once a sitting, a party of an instrument that threatens d (the AI's test) for an audience:
    the most trusted one not asked yet (then the most trusted again), until one has received d."""
    cs = s.cs
    if any(a.asker == d and a.turn == s.turn for a in s.audiences):
        return None
    best: tuple[int, float, int] | None = None
    for k in range(len(cs.instrument_ids)):
        if d in cs.parties[k] or s.is_signed(k) or audience.threat(s, d, k) < audience.THREAT_MIN:
            continue
        mine = [a for a in s.audiences if a.asker == d and a.host in cs.parties[k]]
        if any(a.status is not AudienceStatus.REFUSED for a in mine):
            continue  # received, or waiting for an answer
        asked = {a.host for a in mine}
        for h in s.active_parties(k):
            if h == d or h in s.walked_out or s.is_banned(d, h) or h not in cs.actors:
                continue
            key = (int(h not in asked), float(s.relations[d, h]), -h)
            if best is None or key > best:
                best = key
    return None if best is None else A.RequestAudience(cs.delegation_ids[d], cs.delegation_ids[-best[2]])


class SeatPlayer:
    """Plays one seat with a fixed policy; every other seat (and the seat's own AI-style moves) by `ai`."""

    def __init__(self, seat: int, policy: Policy, ai: Negotiator) -> None:
        self.seat = seat
        self.policy = policy
        self.ai = ai

    def _answer(self, s: GameState, d: int, p: Proposal) -> A.Respond | None:
        cs = s.cs
        me = cs.delegation_ids[d]
        pol = self.policy
        if pol is Policy.PASS_ALL:
            return None
        if pol is Policy.REFUSE_ALL:
            return A.Respond(me, p.id, A.Answer.REJECT)
        if pol is Policy.ACCEPT_ALL:
            return A.Respond(me, p.id, A.Answer.ACCEPT)
        sv = signing_value(s, d, p.instrument, p.package)
        if pol is Policy.OWN_IDEAL:
            ideal = signing_value(s, d, p.instrument, ideal_package(s, d, p.instrument))
            ok = sv.value >= ideal.value - 1e-9
        elif pol in (Policy.DEAL_TAKER, Policy.SAYS_WHY):
            ok = sv.value > sv.alternative
            if not ok and pol is Policy.SAYS_WHY:
                return A.Respond(me, p.id, A.Answer.REJECT, want=named_want(s, d, p))
        elif pol is Policy.TOP_ISSUE:
            if gives_up_top_issue(s, d, p.instrument, p.package):
                return A.Respond(me, p.id, A.Answer.REJECT)
            return self.ai.respond(s, d, p)
        elif pol is Policy.HARD_LINE:
            ok = sv.value >= sv.alternative + HARD_LINE_MARGIN and self.ai.respond(s, d, p).answer is A.Answer.ACCEPT
        else:  # OPEN_DOOR, PERSISTENT, RED_LINE and FOLLOWER answer as its AI does
            return self.ai.respond(s, d, p)
        return A.Respond(me, p.id, A.Answer.ACCEPT if ok else A.Answer.REJECT)

    def _grant(self, s: GameState, d: int, a: Audience) -> A.AnswerAudience | None:
        me = s.cs.delegation_ids[d]
        if self.policy is Policy.PASS_ALL:
            return None
        if self.policy in (Policy.ACCEPT_ALL, Policy.OPEN_DOOR):
            return A.AnswerAudience(me, a.id, True)
        if self.policy in (Policy.REFUSE_ALL, Policy.OWN_IDEAL):
            return A.AnswerAudience(me, a.id, False)
        return audience.answer(s, d, a)

    def _move(self, s: GameState, d: int) -> A.MoveAction:
        me = s.cs.delegation_ids[d]
        if s.answering or self.policy in (Policy.REFUSE_ALL, Policy.ACCEPT_ALL, Policy.PASS_ALL, Policy.FOLLOWER):
            return A.Pass(me)
        if self.policy is Policy.OWN_IDEAL:
            return _ideal_move(s, d)
        move = self.ai.move(s, d)
        if self.policy is Policy.TOP_ISSUE and isinstance(move, A.Propose) and d in s.cs.parties[(k := s.cs.inst_index[move.instrument])]:
            if gives_up_top_issue(s, d, k, package_indexes(s, k, move.package)):
                return A.Pass(me)  # it does not offer what it would not sign
        return _open_door_move(s, d, move) if self.policy is Policy.OPEN_DOOR else move

    def turn(self, s: GameState) -> GameState:
        """The seat's whole turn, in the driver's order: audiences, answers, a request, one move."""
        d = self.seat
        if self.policy is Policy.RED_LINE and not s.answering and crosses_red_line(s, d):
            walkout = A.Walkout(s.cs.delegation_ids[d], rationale="its red line is crossed")
            if check(s, walkout) is None:
                return step(s, walkout).state
        if not s.answering:
            for a in s.audiences_for(d):
                grant = self._grant(s, d, a)
                if grant is not None:
                    s = step(s, grant).state
        for p in s.pending_for(d):
            answer = self._answer(s, d, p)
            if answer is not None:
                s = step(s, answer).state
        if not s.answering and self.policy in SENSIBLE:
            ask = _persistent_request(s, d) if self.policy is Policy.PERSISTENT else audience.request(s, d)
            if ask is not None:
                s = step(s, ask).state
        return step(s, self._move(s, d)).state


def _apply(s: GameState, action: A.Action) -> GameState:
    return step(s, action).state


def play_seat(cs: CompiledScenario, seed: int | tuple[int, ...], length: str, seat: str, policy: Policy, ai: Negotiator | None = None) -> GameState:
    """One whole game with `seat` played by `policy` and every other seat by the AI."""
    ai = ai if ai is not None else Negotiator()
    s = new_game(cs, seed, length)
    player = SeatPlayer(cs.d_index[seat], policy, ai)
    for _ in range(100_000):
        if s.ended or s.actor is None:
            return s
        s = player.turn(s) if s.actor == player.seat else run_ai_turn(s, _apply, ai)
    raise RuntimeError("the conference never ended")


def _game(s: GameState) -> Game:
    assert s.outcome is not None
    return Game(s.cs.outcome(s.outcome).id, tuple((r.delegation, r.score) for r in score(s)))


def play_unit(cs: CompiledScenario, seed: int, seeds: int, length: str, seat: str | None, policy: Policy | None) -> list[Game]:
    """Games 0..seeds-1 of one column: the all-AI games (seat None) or one seat's strategy."""
    ai = Negotiator()
    out = []
    for k in range(seeds):
        if seat is None or policy is None:
            out.append(_game(play_game(cs, (seed, k), length, ai)))
        else:
            out.append(_game(play_seat(cs, (seed, k), length, seat, policy, ai)))
    return out


def _worker(path: str, seed: int, seeds: int, length: str, seat: str | None, policy: str | None) -> list[Game]:
    cs = compile_scenario(load(path).scenario)
    return play_unit(cs, seed, seeds, length, seat, Policy(policy) if policy else None)


# --- results ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One strategy in one seat, against that seat's AI over the same seeds."""

    policy: Policy
    scores: tuple[float, ...]  # the seat's score per seed
    ai_scores: tuple[float, ...]  # the seat's AI's score per seed
    shares: dict[str, float]  # outcome -> share (0-1)
    ai_shares: dict[str, float]
    outcomes: tuple[str, ...]  # every outcome of the scenario, in its order

    @property
    def mean(self) -> float:
        return sum(self.scores) / len(self.scores)

    @property
    def diff(self) -> float:
        """Mean paired difference, strategy less AI (score points)."""
        return self.mean - sum(self.ai_scores) / len(self.ai_scores)

    @property
    def diff_se(self) -> float:
        """Standard error of the paired difference."""
        d = [a - b for a, b in zip(self.scores, self.ai_scores, strict=True)]
        n = len(d)
        if n < 2:
            return 0.0
        m = sum(d) / n
        return math.sqrt(sum((x - m) ** 2 for x in d) / (n - 1) / n)

    def moves(self) -> dict[str, float]:
        """Outcome -> change of its share in points (strategy less AI), every outcome."""
        return {o: 100.0 * (self.shares.get(o, 0.0) - self.ai_shares.get(o, 0.0)) for o in self.outcomes}

    @property
    def biggest_move(self) -> tuple[str, float]:
        moves = self.moves()
        o = max(moves, key=lambda x: abs(moves[x]))
        return o, moves[o]


@dataclass(frozen=True)
class SeatResult:
    seat: str
    ai_mean: float
    columns: tuple[Column, ...]

    def column(self, policy: Policy) -> Column:
        return next(c for c in self.columns if c.policy is policy)

    @property
    def lever(self) -> tuple[Policy, str, float] | None:
        """The sensible strategy that moves an outcome share most, if it reaches `LEVER_POINTS`."""
        best: tuple[Policy, str, float] | None = None
        for c in self.columns:
            if c.policy not in SENSIBLE:
                continue
            o, m = c.biggest_move
            if abs(m) >= LEVER_POINTS and (best is None or abs(m) > abs(best[2])):
                best = (c.policy, o, m)
        return best

    @property
    def do_nothing_ok(self) -> bool:
        """Every do-nothing strategy present scores below the seat's AI."""
        return all(c.diff < 0 for c in self.columns if c.policy in DO_NOTHING)


@dataclass(frozen=True)
class SeatsReport:
    scenario: str
    seed: int
    seeds: int
    length: str
    outcomes: tuple[str, ...]
    ai_shares: dict[str, float]
    seats: tuple[SeatResult, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "seed": self.seed,
            "seeds": self.seeds,
            "length": self.length,
            "ai_shares": {o: round(self.ai_shares.get(o, 0.0), 4) for o in self.outcomes},
            "seats": {
                r.seat: {
                    "ai_score": round(r.ai_mean, 2),
                    "do_nothing_below_ai": r.do_nothing_ok,
                    "lever": None if r.lever is None else {"strategy": r.lever[0].value, "outcome": r.lever[1], "points": round(r.lever[2], 1)},
                    "strategies": {
                        c.policy.value: {
                            "score": round(c.mean, 2),
                            "diff": round(c.diff, 2),
                            "diff_se": round(c.diff_se, 2),
                            "shares": {o: round(c.shares.get(o, 0.0), 4) for o in self.outcomes},
                            "moves": {o: round(v, 1) for o, v in c.moves().items()},
                        }
                        for c in r.columns
                    },
                }
                for r in self.seats
            },
        }

    def lines(self) -> list[str]:
        """The table: per seat, the AI's score, then each strategy's score, paired difference and biggest moves."""
        out = [
            f"{self.scenario}: {self.seeds} paired seeds (seed {self.seed}, length {self.length}); all-AI shares: "
            + ", ".join(f"{o} {100 * self.ai_shares.get(o, 0.0):.0f}%" for o in self.outcomes),
            "",
            f"{'seat':<12}{'strategy':<12}{'score':>7}{'diff':>8}{'±se':>6}   outcome shares moved (points, |move| ≥ 5)",
        ]
        for r in self.seats:
            out.append(f"{r.seat:<12}{'AI':<12}{r.ai_mean:>7.1f}")
            for c in r.columns:
                moved = ", ".join(f"{o} {m:+.0f}" for o, m in c.moves().items() if abs(m) >= 5) or "—"
                out.append(f"{'':<12}{c.policy.value:<12}{c.mean:>7.1f}{c.diff:>+8.1f}{c.diff_se:>6.1f}   {moved}")
            lever = r.lever
            verdict = "do-nothing below AI: " + ("yes" if r.do_nothing_ok else "NO")
            verdict += "; lever: " + (f"{lever[0].value} moves {lever[1]} {lever[2]:+.0f}" if lever else f"none ≥ {LEVER_POINTS:.0f} points")
            out.append(f"{'':<12}{verdict}")
        return out


def _shares(games: Iterable[Game]) -> dict[str, float]:
    games = list(games)
    counts = Counter(g.outcome for g in games)
    return {o: n / len(games) for o, n in counts.items()}


def run_seats(
    path: str | Path,
    seeds: int = 60,
    seed: int = 0,
    jobs: int = 1,
    length: str = "full",
    seats: Sequence[str] | None = None,
    policies: Sequence[Policy] = (*DO_NOTHING, *SENSIBLE),
    progress: Callable[[int, int], None] | None = None,
) -> SeatsReport:
    """Play the all-AI games and every (seat, strategy) column over the same `seeds` seeds."""
    cs = compile_scenario(load(path).scenario)
    cs.check_length(length)
    names = tuple(seats) if seats else tuple(cs.delegation_ids[d] for d in cs.actors)
    for name in names:
        if name not in cs.d_index or cs.d_index[name] not in cs.actors:
            raise ValueError(f"{name!r} is not a seat of {cs.scenario.id}")
    units: list[tuple[str | None, Policy | None]] = [(None, None)] + [(n, p) for n in names for p in policies]
    results: list[list[Game]] = []
    jobs = max(1, min(jobs, os.cpu_count() or 1, len(units)))
    if jobs == 1:
        for n, (seat, pol) in enumerate(units):
            results.append(play_unit(cs, seed, seeds, length, seat, pol))
            if progress:
                progress(n + 1, len(units))
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(_worker, str(path), seed, seeds, length, seat, pol.value if pol else None) for seat, pol in units]
            for n, f in enumerate(futures):
                results.append(f.result())
                if progress:
                    progress(n + 1, len(units))
    ai_games = results[0]
    ai_shares = _shares(ai_games)
    by_unit = dict(zip(units[1:], results[1:], strict=True))
    outcomes = tuple(o.id for o in cs.scenario.outcomes)
    out = []
    for name in names:
        ai_scores = tuple(g.score_of(name) for g in ai_games)
        columns = tuple(
            Column(p, tuple(g.score_of(name) for g in by_unit[(name, p)]), ai_scores, _shares(by_unit[(name, p)]), ai_shares, outcomes)
            for p in policies
        )
        out.append(SeatResult(name, sum(ai_scores) / len(ai_scores), columns))
    return SeatsReport(cs.scenario.id, seed, seeds, length, outcomes, ai_shares, tuple(out))
