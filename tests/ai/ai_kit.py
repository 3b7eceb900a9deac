"""Helpers the AI tests share."""

from __future__ import annotations

from game.ai.concession import ENDGAME
from game.ai.driver import play_game
from game.ai.negotiator import Negotiator
from game.engine.compiled import CompiledScenario
from game.engine.state import GameState


def late_turns(cs: CompiledScenario, k: int, ai: Negotiator, key: tuple[int, int]) -> list[GameState]:
    """The states of the all-AI game `key` (played by `ai`) at which, from `ENDGAME` of the clock on,
    the delegation to move is an active party of the unsigned instrument k and may propose."""
    late: list[GameState] = []

    def keep(s: GameState) -> None:
        d = s.actor
        if d is not None and not s.answering and s.time_fraction() >= ENDGAME and not s.is_signed(k) and d in s.active_parties(k):
            late.append(s)

    play_game(cs, key, strategy=ai, observe=keep)
    return late
