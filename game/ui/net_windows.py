"""The windows of `plenipo host` (the projector) and `plenipo join` (a team's computer).

The network runs on its own thread (game/net/link.py); the window's loop
only reads the newest view. A `--script` runs on the network thread while the
window draws, and the window closes when the script is done.
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable, Coroutine
from functools import partial
from pathlib import Path
from typing import Any

import pygame

from game.net import protocol as P
from game.net.client import Client
from game.net.host import Host
from game.net.link import Loop
from game.ui.kit.scene import Scene
from game.ui.kit.widgets import Button, Widget
from game.ui.screens.remote.projector import ProjectorConference, install_console
from game.ui.screens.remote.team import TeamConference, install_net_layer


class SeatPicker(Scene):
    """A team's first screen when no seat was given: the room's free delegations, one button each."""

    name = "choose_seat"

    def __init__(self, client: Client, loop: Loop, lobby: P.Lobby) -> None:
        super().__init__()
        from game.ui.kit.focus import FocusGroup

        self.client, self.loop, self.lobby = client, loop, lobby
        self.focus = FocusGroup()
        self.pending: concurrent.futures.Future[P.Welcome] | None = None
        self.message = ""

    def layout(self) -> None:
        lay, t = self.ctx.layout, self.ctx.t
        body = lay.body()
        bh = lay.button_height()
        free = [s for s in self.lobby.seats if not s.taken]
        col = pygame.Rect(0, 0, min(lay.px(640), body.width), body.height)
        col.midtop = (body.centerx, body.y + lay.px(70))
        rows = lay.stack(col, [bh] * max(1, len(free)), lay.px(12))
        widgets: list[Widget] = [
            Button(f"seat:{s.id}", r, s.name, partial(self._claim, s.id), style="primary") for s, r in zip(free, rows, strict=False)
        ]
        self.focus.set(widgets)
        del t

    def _claim(self, seat: str) -> None:
        if self.pending is None:
            self.pending = self.loop.submit(self.client.claim(seat))

    def update(self, dt: float) -> None:
        self.focus.update(dt)
        if self.pending is None or not self.pending.done():
            return
        fut, self.pending = self.pending, None
        try:
            fut.result()
        except Exception as e:  # refused (taken meanwhile) or dropped: say so and show the seats again
            self.message = str(e)
            if self.client.lobby is not None:
                self.lobby = self.client.lobby
            self.layout()
            return
        self.ctx.replace(TeamConference(self.client, self.loop))

    def handle_event(self, event: pygame.event.Event) -> bool | None:
        return self.focus.handle_event(event, self.ctx)

    def draw(self, surface: pygame.Surface) -> None:
        from game.ui.kit.chrome import draw_backdrop, draw_footer, draw_header
        from game.ui.kit.text import draw_line

        app, t = self.ctx, self.ctx.t
        draw_backdrop(surface, app)
        draw_header(surface, app, self.lobby.title, t("Which delegation does this computer play?"))
        body = app.layout.body()
        font = app.theme.text_font(app.layout, "body")
        if not any(not s.taken for s in self.lobby.seats):
            draw_line(
                surface,
                font,
                t("Every seat is taken: ask the teacher to free one."),
                app.theme.c("ink"),
                pygame.Rect(body.x + app.layout.margin, body.y + app.layout.px(20), body.width, font.get_linesize()),
            )
        draw_footer(surface, app, self.message)
        self.focus.draw(surface, app)


def _open(first: Scene, lang: str, screenshots: Path | None, host: Host | None = None):  # type: ignore[no-untyped-def]
    """The window; on the host, every frame holds the game's lock (the network loop changes the game between frames)."""
    from game.ui.app import App, Settings

    if host is None:
        app = App(settings=Settings(lang=lang), screenshot_dir=screenshots, first_scene=first)
        install_net_layer(app)
        return app

    lock = host.lock

    class HostApp(App):
        def handle_event(self, event: pygame.event.Event) -> None:
            with lock:
                super().handle_event(event)

        def update(self, dt: float) -> None:
            with lock:
                super().update(dt)

        def draw(self) -> pygame.Surface:
            with lock:
                return super().draw()

    return HostApp(settings=Settings(lang=lang), screenshot_dir=screenshots, first_scene=first)


def _run(app: Any, until: concurrent.futures.Future[Any] | None) -> None:
    """The window's loop (as App.run, at 60 updates a second); with a script, it ends when the script does,
    after a last frame for the screenshots."""
    import time

    from game.ui.app import FPS, STEP

    clock = pygame.time.Clock()
    acc, last = 0.0, time.perf_counter()
    while app.running:
        for event in pygame.event.get():
            app.handle_event(event)
        now = time.perf_counter()
        acc, last = min(acc + now - last, 0.25), now
        while acc >= STEP:
            app.update(STEP)
            acc -= STEP
        if until is not None and until.done():
            app.update(STEP)
            app.capture("last")
            app.draw()
            break
        app.draw()
        pygame.display.flip()
        clock.tick(FPS)


def _ui_script(app: Any, ui_script: Path, screenshots: Path | None) -> int:
    from game.ui.net_script import NetScriptRun
    from game.ui.script_lang import parse_file

    return NetScriptRun(app, parse_file(ui_script), str(ui_script), screenshots).run()


def run_projector(
    host: Host,
    addresses: list[str],
    bind: str,
    port: int,
    lang: str,
    screenshots: Path | None,
    script: Callable[[Host], Coroutine[Any, Any, int]] | None,
    ui_script: Path | None = None,
) -> int:
    """Start the host on a network thread and show the projector until the window closes (or the script ends)."""
    loop = Loop()
    try:
        loop.run(host.start(bind, port))
        app = _open(ProjectorConference(host, loop, addresses), lang, screenshots, host)
        install_console(host, loop, app)
        if ui_script is not None:
            status = _ui_script(app, ui_script, screenshots)
        else:
            done = loop.submit(script(host)) if script is not None else None
            _run(app, done)
            status = done.result(5) if done is not None and done.done() else 0
        pygame.quit()
        return status
    finally:
        try:
            loop.run(host.stop(), timeout=10)
        finally:
            loop.stop()


def run_team(
    client: Client,
    loop: Loop,
    lang: str,
    screenshots: Path | None,
    script: Callable[[Client], Coroutine[Any, Any, int]] | None,
    ui_script: Path | None = None,
    lobby: P.Lobby | None = None,
) -> int:
    """A team's window over a joined client (or the room's seats to choose from); a UI script plays it by what is shown."""
    first: Scene = SeatPicker(client, loop, lobby) if lobby is not None else TeamConference(client, loop)
    app = _open(first, lang, screenshots)
    if ui_script is not None:
        status = _ui_script(app, ui_script, screenshots)
        pygame.quit()
        return status
    done = loop.submit(script(client)) if script is not None else None
    _run(app, done)
    status = done.result(5) if done is not None and done.done() else 0
    pygame.quit()
    return status
