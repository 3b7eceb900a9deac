"""UI scripts (game/ui/script_lang.py) on the networked windows: a team's computer or the projector.

The same commands as `plenipo play --script`, clicking and reading what is on
the screen; only the waiting differs, because the game moves on another
computer: `wait ai` waits until it is this team's move (on the projector: a
team's move, with the news announced) or the end, `wait outcome` until the
conference is over, and `expect` allows the host a few seconds to answer.
Every wait is bounded in real time. The game's `setup` belongs to the host: a
networked script may set only its own window and text size.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from game.ui.app import App
from game.ui.kit.registry import visible
from game.ui.screens.conference.screen import ConferenceScene
from game.ui.screens.remote.projector import ProjectorConference
from game.ui.screens.remote.team import TeamConference
from game.ui.script import ScriptRun, StepFailed, shows
from game.ui.script_lang import Command

WAIT_SECONDS = 180.0  # `wait ai` / `wait outcome`
ANSWER_SECONDS = 30.0  # the host's answer to a move, or a text to appear


class NetScriptRun(ScriptRun):
    def conference(self) -> ConferenceScene:
        found = [s for s in self.app.stack if isinstance(s, TeamConference | ProjectorConference)]
        if not found:
            raise StepFailed("no conference on this screen")
        return found[-1]

    def _setup(self, cmd: Command) -> None:
        """Only this screen's window and text size (`setup size=1920x1080 text=175`): the game's setup is the host's,
        and a team's language is `plenipo join --lang`."""
        from dataclasses import replace

        settings = self.app.settings
        for key, value in cmd.setup:
            if key == "size":
                w, sep, h = value.lower().partition("x")
                if not (sep and w.isdigit() and h.isdigit()):
                    raise StepFailed(f"size is WIDTHxHEIGHT, e.g. 1280x720, not {value!r}")
                self.app.windowed_size = (int(w), int(h))
                self.app.surface = self.app._open_window(self.app.windowed_size, False)
            elif key == "text":
                if not value.isdigit() or not 100 <= int(value) <= 200:
                    raise StepFailed(f"text is a size in percent from 100 to 200, not {value!r}")
                settings = replace(settings, text_scale=int(value) / 100)
            else:
                raise StepFailed(f"setup {key}= is the host's: start `plenipo host` with the teams, length, seed and language")
        self.app.apply_settings(settings)
        self._frames(2)

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
        conf = self.conference()

        def done(_: App) -> bool:
            if isinstance(conf, TeamConference):
                return conf.ready and (conf.ended or conf.my_turn)
            return not conf.animating and (conf.ended or conf.session.waiting_for_human)

        self._real_until(done, WAIT_SECONDS, "it never became this team's move and the conference did not end")

    def _wait_outcome(self, cmd: Command) -> None:
        conf = self.conference()

        def done(_: App) -> bool:
            if isinstance(conf, TeamConference) and conf.my_turn:
                raise StepFailed("it is this team's move: the conference cannot end while it waits")
            return conf.ended and not conf.animating

        self._real_until(done, WAIT_SECONDS, "the conference did not end")

    def _at_outcome(self) -> bool:
        """`repeat until outcome` on a networked window: the conference this window shows is over."""
        found = [s for s in self.app.stack if isinstance(s, TeamConference | ProjectorConference)]
        return bool(found) and found[-1].ended and not found[-1].animating

    def _click(self, cmd: Command) -> None:
        conf = next((s for s in self.app.stack if isinstance(s, TeamConference)), None)
        client = conf.client if conf is not None else None
        before = conf.shown_view.revision if conf is not None and conf.shown_view is not None else -1
        for _ in range(3):
            super()._click(cmd)  # a move waits for the host's answer inside the click
            if conf is None or not conf.lost:
                return
            # the connection dropped before the answer (Wi-Fi, a host restarting): once back, press again only if the
            # move did not count, as a student would who sees nothing has changed
            self._real_until(lambda _: client is not None and client.connected and client.seat is not None, WAIT_SECONDS, "the host never came back")
            self._real_until(lambda _: conf.shown_view is not None and conf.shown_view.revision >= before, ANSWER_SECONDS, "no view")
            self._frames(5)
            conf.lost = False
            if conf.shown_view is None or conf.shown_view.revision != before or not conf.my_turn:
                return
        raise StepFailed("the connection keeps dropping")

    def _expect(self, cmd: Command) -> None:
        # the projector shows what the teams' computers do, at their pace; a team waits only for the host's answer
        patience = WAIT_SECONDS if any(isinstance(s, ProjectorConference) for s in self.app.stack) else ANSWER_SECONDS
        try:
            self._real_until(lambda _: shows(visible(), cmd.text), patience, "")
        except StepFailed:
            super()._expect(cmd)  # the runner's own words for what is missing or cut
