"""What if a team had decided one thing differently? Replays of the class's own game.

The debrief's most personal lesson is "your choice mattered": had the Soviet
team accepted No. 3, Rapallo would not have been signed. This module finds
each team's decisions (answers, walkouts, proposals that were signed, and
proposals it left unanswered), changes one, and replays the whole conference
from the saved actions with the same seed:

* before the change, the replay is the game as it was played (same dice, same
  moves), so only the one decision differs;
* after it, AI delegations decide afresh (they react to the new situation),
  the teacher's acts come back at the same sitting and turn, and every team
  repeats what it did at that sitting and turn where the rules still allow it:
  answers find "the same proposal" by proposer, instrument, package and
  addressees (its number may have changed); a move that is no longer allowed
  becomes a pass; a turn the team never had in the real game is played by
  the AI, as a stand-in.

A replay that only changes nothing is dropped; the rest are ranked by how much
changed (the outcome, then which agreements were signed, then the team's own
score) and the first three per team are kept. Pure and pygame-free: the UI
words the results and runs this in a background thread.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from game.ai.driver import run_ai_turn
from game.ai.negotiator import Negotiator, Strategy
from game.engine import actions as A
from game.engine.compiled import CompiledScenario
from game.engine.rng import SeedKey
from game.engine.rules import IllegalAction, new_game, step
from game.engine.scoring import score
from game.engine.state import GameState, Proposal

#: a team's score must move by at least this much (0-100) to count as a change on its own
SCORE_CHANGE = 5.0
TEACHER_ACTIONS = (A.FireEvent, A.News, A.MoveEnd, A.EndNow, A.SetControl)

Key = tuple[int, int]  # (sitting index, delegation whose turn it was)
ProposalKey = tuple[int, int, tuple[int, ...], frozenset[int] | None]


class Change(StrEnum):
    """The one decision changed in a replay."""

    ACCEPT = "accept"  # it rejected (or countered) a proposal: accept it instead
    REJECT = "reject"  # it accepted a proposal: reject it instead
    ANSWER_ACCEPT = "answer_accept"  # it left a proposal unanswered: accept it
    STAY = "stay"  # it walked out: pass instead
    NOT_PROPOSE = "not_propose"  # it made a proposal that was signed: pass instead


@dataclass(frozen=True)
class Decision:
    delegation: str
    change: Change
    turn: int  # sitting index (0-based)
    date: dt.date
    proposal: int | None  # number of the proposal concerned, if any
    instrument: str | None  # that proposal's instrument
    proposer: str | None  # that proposal's proposer


@dataclass(frozen=True)
class Result:
    outcome: str | None  # outcome id
    signed: tuple[str, ...]  # instrument ids, in the order signed
    score: float  # the team's score (0-100)
    sittings: int  # sittings held


@dataclass(frozen=True)
class WhatIf:
    decision: Decision
    actual: Result
    changed: Result

    @property
    def outcome_changed(self) -> bool:
        return self.changed.outcome != self.actual.outcome

    @property
    def signed_changed(self) -> bool:
        return set(self.changed.signed) != set(self.actual.signed)

    @property
    def score_change(self) -> float:
        return self.changed.score - self.actual.score

    @property
    def matters(self) -> bool:
        return self.outcome_changed or self.signed_changed or abs(self.score_change) >= SCORE_CHANGE

    def rank(self) -> tuple[int, int, float, int]:
        """Sort key, most telling first: outcome, agreements, score change, later decisions first."""
        return (-int(self.outcome_changed), -int(self.signed_changed), -abs(self.score_change), -self.decision.turn)


@dataclass(frozen=True)
class _Recorded:
    """The saved game as a script: the actions at each (sitting, turn) and the team decisions in it."""

    scripts: dict[Key, list[A.Action]]
    keys: list[Key | None]  # key of each action (None: applied after the end)
    proposals: dict[int, ProposalKey]  # original proposal number -> what identifies it
    decisions: list[tuple[Decision, int, Key]]  # decision, index of the action changed (-1: inserted), key
    final: GameState


def _pkey(p: Proposal) -> ProposalKey:
    return (p.proposer, p.instrument, p.package, p.to)


def _record(start: GameState, actions: Sequence[A.Action]) -> _Recorded:
    cs = start.cs
    s = start
    scripts: dict[Key, list[A.Action]] = {}
    keys: list[Key | None] = []
    decisions: list[tuple[Decision, int, Key]] = []
    offered: set[tuple[int, int]] = set()  # (delegation, proposal) already counted as left unanswered
    answered: set[tuple[int, int]] = set()
    pending_seen: list[tuple[int, Proposal, int, Key]] = []  # (delegation, proposal, turn, key) at its turn's start
    for n, action in enumerate(actions):
        d = s.actor
        key = None if d is None else (s.turn, d)
        keys.append(key)
        if key is not None:
            scripts.setdefault(key, []).append(action)
            if d in s.humans and len(scripts[key]) == 1:
                for p in s.pending_for(d):
                    if (d, p.id) not in offered:
                        offered.add((d, p.id))
                        pending_seen.append((d, p, s.turn, key))
        me = getattr(action, "actor", None)
        if key is not None and me is not None and d in s.humans and me == cs.delegation_ids[d]:
            date = s.date
            if isinstance(action, A.Respond):
                p = s.proposals[action.proposal - 1]
                answered.add((d, p.id))
                change = Change.REJECT if action.answer is A.Answer.ACCEPT else Change.ACCEPT
                decisions.append((Decision(me, change, s.turn, date, p.id, cs.instrument_ids[p.instrument], cs.delegation_ids[p.proposer]), n, key))
            elif isinstance(action, A.Propose):
                if action.counter_to is not None:
                    p = s.proposals[action.counter_to - 1]
                    answered.add((d, p.id))
                    decisions.append(
                        (Decision(me, Change.ACCEPT, s.turn, date, p.id, cs.instrument_ids[p.instrument], cs.delegation_ids[p.proposer]), n, key)
                    )
                decisions.append((Decision(me, Change.NOT_PROPOSE, s.turn, date, len(s.proposals) + 1, action.instrument, me), n, key))
            elif isinstance(action, A.Walkout):
                decisions.append((Decision(me, Change.STAY, s.turn, date, None, None, None), n, key))
        s = step(s, action).state
    signed_proposals = {sig.proposal for sig in s.signed}
    decisions = [x for x in decisions if x[0].change is not Change.NOT_PROPOSE or x[0].proposal in signed_proposals]
    for d, p, turn, key in pending_seen:
        if (d, p.id) not in answered:
            decisions.append(
                (
                    Decision(
                        cs.delegation_ids[d],
                        Change.ANSWER_ACCEPT,
                        turn,
                        s.sittings[turn],
                        p.id,
                        cs.instrument_ids[p.instrument],
                        cs.delegation_ids[p.proposer],
                    ),
                    -1,
                    key,
                )
            )
    proposals = {p.id: _pkey(p) for p in s.proposals}
    return _Recorded(scripts, keys, proposals, decisions, s)


def _result(s: GameState, d: int, weights: Mapping[str, Mapping[str, float]] | None) -> Result:
    cs = s.cs
    mine = next((x.score for x in score(s, weights) if x.delegation == cs.delegation_ids[d]), 0.0)
    return Result(
        cs.outcome(s.outcome).id if s.outcome is not None else None, tuple(cs.instrument_ids[sig.instrument] for sig in s.signed), mine, s.turn + 1
    )


def _translate(s: GameState, d: int, action: A.Action, proposals: Mapping[int, ProposalKey]) -> A.Action | None:
    """A recorded team action in the replayed world: proposal numbers found again by content; None if gone."""

    def find(pid: int) -> int | None:
        want = proposals.get(pid)
        for p in s.pending_for(d):
            if _pkey(p) == want:
                return p.id
        return None

    if isinstance(action, A.Respond):
        pid = find(action.proposal)
        return None if pid is None else A.Respond(action.actor, pid, action.answer, action.reasons, action.rationale)
    if isinstance(action, A.Propose) and action.counter_to is not None:
        pid = find(action.counter_to)
        return A.Propose(action.actor, action.instrument, action.package, action.to, pid, action.reasons, action.rationale)
    return action


def replay(
    cs: CompiledScenario,
    seed: int | SeedKey,
    length_id: str,
    humans: Sequence[str],
    actions: Sequence[A.Action],
    change: tuple[Decision, int, Key] | None = None,
    strategy: Strategy | None = None,
    recorded: _Recorded | None = None,
) -> GameState:
    """The game again from its saved actions, with one team decision changed (or none: the game as played)."""
    strategy = strategy if strategy is not None else Negotiator()
    start = new_game(cs, seed, length_id, humans)
    rec = recorded if recorded is not None else _record(start, actions)
    scripts = {k: list(v) for k, v in rec.scripts.items()}
    if change is not None:
        decision, index, key = change
        script = scripts.setdefault(key, [])
        if index < 0:  # an unanswered proposal: answer it first thing in that turn
            script.insert(0, A.Respond(decision.delegation, decision.proposal or 0, A.Answer.ACCEPT))
        else:
            pos = sum(1 for k in rec.keys[:index] if k == key)
            old = script[pos]
            if decision.change in (Change.ACCEPT, Change.REJECT) and isinstance(old, A.Respond):
                answer = A.Answer.ACCEPT if decision.change is Change.ACCEPT else A.Answer.REJECT
                script[pos] = A.Respond(old.actor, old.proposal, answer)
            elif decision.change is Change.ACCEPT and isinstance(old, A.Propose) and old.counter_to is not None:
                script[pos : pos + 1] = [A.Respond(old.actor, old.counter_to, A.Answer.ACCEPT), A.Pass(old.actor)]
            else:  # STAY, NOT_PROPOSE
                script[pos] = A.Pass(decision.delegation)
    s = start
    done: set[Key] = set()

    def apply(state: GameState, action: A.Action) -> GameState:
        return step(state, action).state

    while not s.ended and s.actor is not None:
        d = s.actor
        key = (s.turn, d)
        moved = False
        if key not in done:
            done.add(key)
            for action in scripts.get(key, ()):
                if s.ended or s.actor != d:
                    break
                if isinstance(action, TEACHER_ACTIONS):
                    with contextlib.suppress(IllegalAction):
                        s = step(s, action).state
                    continue
                if d not in s.humans:
                    continue  # an AI delegation decides afresh
                main = not isinstance(action, A.Respond)
                translated = _translate(s, d, action, rec.proposals)
                try:
                    if translated is None:
                        raise IllegalAction("gone")
                    s = step(s, translated).state
                except IllegalAction:
                    if main:
                        s = step(s, A.Pass(cs.delegation_ids[d])).state
                if main:
                    moved = True
                    break
        if s.ended or s.actor != d or moved:
            continue
        s = run_ai_turn(s, apply, strategy)  # an AI delegation, or a team's turn the real game never reached
    return s


def what_ifs(
    cs: CompiledScenario,
    seed: int | SeedKey,
    length_id: str,
    humans: Sequence[str],
    actions: Sequence[A.Action],
    strategy: Strategy | None = None,
    weights: Mapping[str, Mapping[str, float]] | None = None,
    per_team: int = 3,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> dict[str, tuple[WhatIf, ...]]:
    """Per team (delegation id), up to `per_team` replays in which one of its decisions changed something."""
    # the AI's memory belongs to one game at a time: the replays get their own AI, so the
    # session's (which may go on playing in another thread) is never touched
    strategy = type(strategy)() if isinstance(strategy, Negotiator) else (strategy if strategy is not None else Negotiator())
    start = new_game(cs, seed, length_id, humans)
    rec = _record(start, actions)
    final = rec.final
    out: dict[str, list[WhatIf]] = {}
    total = len(rec.decisions)
    for n, change in enumerate(rec.decisions):
        if cancelled():
            break
        decision = change[0]
        d = cs.d_index[decision.delegation]
        try:
            s = replay(cs, seed, length_id, humans, actions, change, strategy, rec)
        except IllegalAction:
            s = None  # a replay the rules cannot finish says nothing
        if s is not None and s.ended:
            w = WhatIf(decision, _result(final, d, weights), _result(s, d, weights))
            if w.matters:
                out.setdefault(decision.delegation, []).append(w)
        if progress is not None:
            progress(n + 1, total)
    return {k: _pick(v, per_team) for k, v in out.items()}


def _pick(found: list[WhatIf], n: int) -> tuple[WhatIf, ...]:
    """The `n` most telling replays, different consequences first (three roads to the same
    deadlock teach less than three different endings)."""
    ranked = sorted(found, key=WhatIf.rank)
    chosen: list[WhatIf] = []
    seen: set[tuple[str | None, frozenset[str]]] = set()
    for w in ranked:
        ending = (w.changed.outcome, frozenset(w.changed.signed))
        if ending not in seen:
            seen.add(ending)
            chosen.append(w)
    chosen.extend(w for w in ranked if w not in chosen)
    return tuple(sorted(chosen[:n], key=WhatIf.rank))
