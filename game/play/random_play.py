"""Random but legal play, for fingerprints, property tests and fuzzing.

Teams pick random legal moves, the AI plays its delegations exactly as in a
real game (`run_ai_turn`), and the teacher sometimes intervenes. Everything
is driven by the `random.Random` passed in, so the same arguments replay the
same game. The golden-game fingerprints (`tools/golden_games.py`), the
engine's property tests and the speed-equivalence tests all play through
`drive`, so a change to the AI's turn order shows up in all of them at once.
"""

from __future__ import annotations

import random

from game.ai.driver import run_ai_turn
from game.ai.negotiator import Negotiator
from game.engine import actions as A
from game.engine.compiled import CompiledScenario
from game.engine.rules import check, new_game, step
from game.engine.state import GameState


def legal_moves(s: GameState, rnd: random.Random) -> list[A.Action]:
    """A sample of the current actor's legal actions (answers and main moves), built from the state.

    Packages are drawn at random per instrument (settled issues kept), so the sample is
    small but every kind of move appears; everything returned passes `check`."""
    cs = s.cs
    d = s.actor
    if d is None:
        return []
    me = cs.delegation_ids[d]
    out: list[A.Action] = []
    for p in s.pending_for(d):
        out += [A.Respond(me, p.id, A.Answer.ACCEPT), A.Respond(me, p.id, A.Answer.REJECT)]
    out.append(A.Pass(me))
    out.append(A.Statement(me, rnd.choice(["We stand firm.", "Let us settle.", "Ünïcødé ✓ 条约"])))
    out.append(A.Statement(me, kind=rnd.choice(list(A.StatementKind)[1:]), issue=rnd.choice((None, *cs.issue_ids))))
    for i in range(cs.n_issues):
        pos = s.position(d, i)
        if pos >= 0:
            for o in (pos - 1, pos + 1):
                if 0 <= o < cs.n_options[i]:
                    out.append(A.Shift(me, cs.issue_ids[i], cs.option_ids[i][o]))
    for k, iid in enumerate(cs.instrument_ids):
        if d not in cs.parties[k]:
            continue
        package = tuple(
            (cs.issue_ids[i], cs.option_ids[i][s.settled[i] if s.settled[i] >= 0 else rnd.randrange(cs.n_options[i])]) for i in cs.scope[k]
        )
        others = tuple(cs.delegation_ids[x] for x in s.active_parties(k) if x != d)
        pending = s.pending_for(d)
        counter = rnd.choice(pending).id if pending and rnd.random() < 0.3 else None
        out.append(A.Propose(me, iid, package, counter_to=counter if counter and s.proposals[counter - 1].instrument == k else None))
        out.append(A.Propose(me, iid, package, to=others))
    if rnd.random() < 0.1:
        out.append(A.Walkout(me))
    return [a for a in out if check(s, a) is None]


def teacher_moves(s: GameState, rnd: random.Random, budget: dict[str, int]) -> list[A.Action]:
    cs = s.cs
    out: list[A.Action] = [A.News(rnd.choice(["Strike!", "Élection — 选举"]), "text")]
    out += [A.FireEvent(e.id) for e in cs.scenario.events]
    if budget.get("later", 0) > 0:
        out.append(A.MoveEnd(1))
    out.append(A.MoveEnd(-1))
    did = rnd.choice([cs.delegation_ids[d] for d in cs.actors])
    out.append(A.SetControl(did, rnd.random() < 0.5))
    if rnd.random() < 0.05:
        out.append(A.EndNow("bell"))
    return [a for a in out if check(s, a) is None]


def drive(
    cs: CompiledScenario,
    seed: int,
    rnd: random.Random,
    length: str = "full",
    humans: tuple[str, ...] = (),
    teacher_rate: float = 0.03,
) -> tuple[GameState, list[A.Action], GameState]:
    """Play a whole game: teams pick random legal moves, the AI plays the rest, the teacher
    sometimes intervenes. Returns the final state, every action applied, and the start."""
    start = new_game(cs, seed, length, humans)
    s = start
    actions: list[A.Action] = []
    budget = {"later": 2}

    def apply(state: GameState, action: A.Action) -> GameState:
        actions.append(action)
        if isinstance(action, A.MoveEnd) and action.delta > 0:
            budget["later"] -= 1
        return step(state, action).state

    ai = Negotiator()  # this game's AI, with its own memory
    for _ in range(10_000):
        if s.ended:
            return s, actions, start
        if rnd.random() < teacher_rate:
            s = apply(s, rnd.choice(teacher_moves(s, rnd, budget)))
            continue
        d = s.actor
        if d is None:
            raise RuntimeError("a running conference has no one to move")
        s = apply(s, rnd.choice(legal_moves(s, rnd))) if d in s.humans else run_ai_turn(s, apply, ai)
    raise RuntimeError("the conference never ended in 10,000 moves")
