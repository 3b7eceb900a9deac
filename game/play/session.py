"""A game in progress: the engine state plus what the shell needs around it.

The engine is pure; a session is the one mutable object the UI and the CLI
hold. It records every applied action (so a save is the setup plus the
actions, replayed exactly on load), keeps the state at the start of each
sitting (so the teacher's undo is exact), and lets AI delegations play.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from game.ai.driver import run_ai_turn
from game.ai.negotiator import Negotiator, Strategy
from game.engine import actions as A
from game.engine.compiled import CompiledScenario, compile_scenario
from game.engine.log import LogEntry
from game.engine.rules import new_game, step
from game.engine.state import GameState
from game.scenario.loader import LoadedScenario


@dataclass(frozen=True)
class SessionSetup:
    """Everything chosen on the setup screen; with the actions, it fully determines a game."""

    scenario_path: str
    lang: str = "en"
    humans: tuple[str, ...] = ()
    length_id: str = "full"
    seed: int = 1
    aim_weights: Mapping[str, Mapping[str, float]] = field(default_factory=dict)  # delegation -> aim -> weight
    teacher_pin: str = ""
    turn_minutes: float = 0.0  # the teacher's timer per team turn; 0 = no timer
    auto_pass: bool = False  # pass a team's turn when its time runs out


@dataclass(frozen=True)
class Undone:
    """Actions taken back by the teacher's undo, kept for the session record."""

    sitting: int
    actions: tuple[A.Action, ...]


@dataclass(frozen=True)
class JournalEntry:
    """A teacher's act that is not an engine action (pause, resume, timer, time up), kept for the record.

    `at` is how many actions had been applied, so the record can place it among the moves."""

    kind: str  # "pause", "resume", "timer", "time_up"
    at: int
    sitting: int
    date: str  # ISO date of the sitting
    minutes: float = 0.0  # "timer": the new limit (0 = off)
    auto_pass: bool = False  # "timer": the option chosen; "time_up": the turn was passed
    delegation: str = ""  # "time_up": whose time ran out


class Session:
    def __init__(
        self, loaded: LoadedScenario, setup: SessionSetup, compiled: CompiledScenario | None = None, strategy: Strategy | None = None
    ) -> None:
        self.loaded = loaded
        self.setup = setup
        self.cs = compiled if compiled is not None else compile_scenario(loaded.scenario)
        # the session's own AI: its memory is of this game only
        self.strategy: Strategy = strategy if strategy is not None else Negotiator()
        self.state: GameState = new_game(self.cs, setup.seed, setup.length_id, setup.humans)
        self.actions: list[A.Action] = []
        self.undone: list[Undone] = []
        self.journal: list[JournalEntry] = []  # the teacher's pauses, timers and time-ups (see JournalEntry)
        # (number of actions applied, state) at the start of each sitting reached
        self.checkpoints: list[tuple[int, GameState]] = [(0, self.state)]

    # -- moving the game on -----------------------------------------------------------

    def apply(self, action: A.Action) -> tuple[LogEntry, ...]:
        """Apply one action (a team's, the AI's or the teacher's); IllegalAction leaves all as it was."""
        result = step(self.state, action)
        self.actions.append(action)
        before = self.state.turn
        self.state = result.state
        if self.state.turn != before and not self.state.ended:
            self.checkpoints.append((len(self.actions), self.state))
        return result.entries

    @property
    def waiting_for_human(self) -> bool:
        s = self.state
        return not s.ended and s.actor is not None and s.actor in s.humans

    @property
    def waiting_for_ai(self) -> bool:
        s = self.state
        return not s.ended and s.actor is not None and s.actor not in s.humans

    def ai_turn(self) -> tuple[LogEntry, ...]:
        """Let the AI play the current delegation's whole turn (answers, then its move)."""
        if not self.waiting_for_ai:
            return ()
        entries: list[LogEntry] = []

        def apply(_: GameState, action: A.Action) -> GameState:
            entries.extend(self.apply(action))
            return self.state

        run_ai_turn(self.state, apply, self.strategy)
        return tuple(entries)

    def run_ai(self) -> tuple[LogEntry, ...]:
        """AI turns until a team must act or the conference ends."""
        entries: list[LogEntry] = []
        while self.waiting_for_ai:
            entries.extend(self.ai_turn())
        return tuple(entries)

    def note(self, kind: str, **details: object) -> JournalEntry:
        """Journal a teacher's act that changes no game state (so the record can still show it)."""
        s = self.state
        entry = JournalEntry(kind, len(self.actions), min(s.turn + 1, s.n_turns), s.date.isoformat(), **details)  # type: ignore[arg-type]
        self.journal.append(entry)
        return entry

    # -- the teacher's undo -----------------------------------------------------------

    def can_undo(self) -> bool:
        return len(self.actions) > 0

    def undo_sitting(self) -> bool:
        """Back to the start of the current sitting, or of the previous one if nothing happened yet in this one."""
        if not self.actions:
            return False
        count, state = self.checkpoints[-1]
        if count == len(self.actions) and len(self.checkpoints) > 1:
            self.checkpoints.pop()
            count, state = self.checkpoints[-1]
        taken = tuple(self.actions[count:])
        del self.actions[count:]
        self.undone.append(Undone(state.turn + 1, taken))
        self.state = state
        return True

    # -- replay -----------------------------------------------------------------------

    @classmethod
    def replay(cls, loaded: LoadedScenario, setup: SessionSetup, actions: list[A.Action]) -> Session:
        """Rebuild a session by applying recorded actions from the start; IllegalAction if they no longer fit."""
        session = cls(loaded, setup)
        for action in actions:
            session.apply(action)
        return session
