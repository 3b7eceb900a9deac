"""UI scripts (game/ui/script_lang.py) on the networked windows: a team's computer or the projector.

The same commands as `plenipo play --script`, clicking and reading what is on
the screen; only the waiting differs, because the game moves on another
computer: `wait ai` waits until it is this team's move (on the projector: a
team's move) or the end, `wait outcome` until the conference is over, and
`expect` and the moves sent by a click allow the host a few seconds to
answer. Every wait is bounded in real time. `setup` belongs to the host, so a
team's script may not use it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

from game.ui.app import App
from game.ui.kit.registry import visible
from game.ui.screens.remote.table import RemoteTable, TeamSource
from game.ui.script import ScriptRun, StepFailed, shows
from game.ui.script_lang import Command

WAIT_SECONDS = 180.0  # `wait ai` / `wait outcome`
ANSWER_SECONDS = 30.0  # the host's answer to a move, or a text to appear


class NetScriptRun(ScriptRun):
    def table(self) -> RemoteTable:
        found = [s for s in self.app.stack if isinstance(s, RemoteTable)]
        if not found:
            raise StepFailed("no conference on this screen")
        return found[-1]

    def _setup(self, cmd: Command) -> None:
        raise StepFailed("setup is the host's: start `plenipo host` with the teams, length, seed and language")

    def _real_until(self, done: Callable[[App], bool], seconds: float, reason: str) -> None:
        end = time.monotonic() + seconds
        for _ in range(1_000_000):
            self.app.frame()
            if done(self.app):
                self._frames(2)
                return
            if time.monotonic() > end:
                break
            time.sleep(0.01)
        raise StepFailed(reason)

    def _wait_ai(self, cmd: Command) -> None:
        table = self.table()

        def done(_: App) -> bool:
            v = table.shown
            if v is None:
                return False
            if table.source.team:
                return v.conference.ended or table.my_turn
            return v.conference.ended or v.conference.actor_is_team

        self._real_until(done, WAIT_SECONDS, "it never became this team's move and the conference did not end")

    def _wait_outcome(self, cmd: Command) -> None:
        table = self.table()

        def done(_: App) -> bool:
            v = table.shown
            if v is not None and table.source.team and table.my_turn and not v.conference.ended:
                raise StepFailed("it is this team's move: the conference cannot end while it waits")
            return v is not None and v.conference.ended

        self._real_until(done, WAIT_SECONDS, "the conference did not end")

    def _click(self, cmd: Command) -> None:
        tables = [s for s in self.app.stack if isinstance(s, RemoteTable)]
        source = tables[-1].source if tables else None
        before = tables[-1].shown.revision if tables and tables[-1].shown else -1
        for _ in range(3):
            super()._click(cmd)
            if not isinstance(source, TeamSource):
                return
            # a move was sent: let the host answer before the next line
            self._real_until(lambda _: not source.busy, ANSWER_SECONDS, "the host did not answer the move")
            if not source.lost:
                return
            # the connection dropped before the answer (Wi-Fi, a host restarting): once back, press again only if the
            # move did not count, as a student would who sees nothing has changed
            self._real_until(partial(_seated, source), WAIT_SECONDS, "the host never came back")
            self._real_until(lambda _: tables[-1].shown is not None and tables[-1].shown.revision >= before, ANSWER_SECONDS, "no view")
            self._frames(5)
            table = tables[-1]
            if table.shown is None or table.shown.revision != before or not table.my_turn:
                return
        raise StepFailed("the connection keeps dropping")

    def _expect(self, cmd: Command) -> None:
        try:
            self._real_until(lambda _: shows(visible(), cmd.text), ANSWER_SECONDS, "")
        except StepFailed:
            super()._expect(cmd)  # the runner's own words for what is missing or cut


def _seated(source: TeamSource, _: App) -> bool:
    return source.client.connected and source.client.seat is not None
