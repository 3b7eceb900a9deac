"""Drive AI delegations through the engine: the same `step` a team's click uses.

Each game gets its own `Negotiator` (its memory of that game); pass one in
to reuse its compiled preferences across many games in one thread.
"""

from __future__ import annotations

from collections.abc import Callable

from game.ai import audience
from game.ai.negotiator import Negotiator, Strategy
from game.engine import actions as A
from game.engine.compiled import CompiledScenario
from game.engine.log import LogEntry
from game.engine.rng import SeedKey
from game.engine.rules import new_game, step
from game.engine.state import GameState


def run_ai_turn(s: GameState, apply: Callable[[GameState, A.Action], GameState], strategy: Strategy) -> GameState:
    """The AI's whole turn for the current actor: an answer to each request for an audience and
    each proposal awaiting it, a request for an audience of its own if it wants one, then one move.

    `apply(state, action)` carries each action out and returns the next state, so the
    batch driver and a session (which records actions and checkpoints) share this order."""
    d = s.actor
    if d is None:
        return s
    # a strategy may decide audiences itself (a scripted team does); otherwise game.ai.audience does
    answer = getattr(strategy, "answer_audience", audience.answer)
    request = getattr(strategy, "request_audience", audience.request)
    if not s.answering:  # the closing round is for open proposals only
        for a in s.audiences_for(d):
            s = apply(s, answer(s, d, a))
    defers = getattr(strategy, "defers", None)
    for p in s.pending_for(d):
        if defers is not None and not s.answering and defers(s, d, p):
            continue  # it answers in the closing round, when every offer is on the table
        s = apply(s, strategy.respond(s, d, p))
    ask = request(s, d) if not s.answering else None
    if ask is not None:
        s = apply(s, ask)
    return apply(s, strategy.move(s, d))


def play_ai_turn(s: GameState, strategy: Strategy | None = None) -> tuple[GameState, list[LogEntry]]:
    """Let the AI play the current actor's whole turn: answers first, then one move.

    Without a strategy, a fresh AI reads the whole log first: right, but slow for whole games."""
    strategy = strategy if strategy is not None else Negotiator()
    entries: list[LogEntry] = []

    def apply(state: GameState, action: A.Action) -> GameState:
        result = step(state, action)
        entries.extend(result.entries)
        return result.state

    return run_ai_turn(s, apply, strategy), entries


def play_until_human(
    s: GameState,
    strategy: Strategy | None = None,
    on_entries: Callable[[list[LogEntry]], None] | None = None,
) -> GameState:
    """Run AI turns until a human delegation must act or the conference ends."""
    strategy = strategy if strategy is not None else Negotiator()
    while not s.ended and s.actor is not None and s.actor not in s.humans:
        s, entries = play_ai_turn(s, strategy)
        if on_entries is not None:
            on_entries(entries)
    return s


def _fast_apply(state: GameState, action: A.Action) -> GameState:
    return step(state, action).state


def play_game(
    cs: CompiledScenario,
    seed: int | SeedKey,
    length_id: str = "full",
    strategy: Strategy | None = None,
    observe: Callable[[GameState], None] | None = None,
) -> GameState:
    """A whole all-AI conference (with a fresh AI unless one is given).

    `observe(state)` is called before every turn, for measures that need the game as it was
    at each moment (the batch's deal-for-all measure); it must not change the game."""
    strategy = strategy if strategy is not None else Negotiator()
    s = new_game(cs, seed, length_id)
    while not s.ended and s.actor is not None:
        if observe is not None:
            observe(s)
        s = run_ai_turn(s, _fast_apply, strategy)
    return s
