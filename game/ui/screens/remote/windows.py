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
from game.scenario.models import Delegation
from game.ui.kit.card import CardScene
from game.ui.kit.chrome import panel_inner
from game.ui.kit.scene import Scene
from game.ui.kit.widgets import Button, Widget
from game.ui.screens.remote.table import RemoteTable, Source, TeamSource


class ProjectorSource(Source):
    """The host's public view for the projector: never a seat's papers."""

    def __init__(self, host: Host, loop: Loop, addresses: list[str]) -> None:
        self.host, self.loop, self.addresses = host, loop, addresses
        self._dels = {d.id: d for d in host.session.cs.scenario.delegations}

    def view(self) -> P.View | None:
        return self.host.public

    def delegations(self) -> dict[str, Delegation]:
        return self._dels

    def status(self, t: Callable[..., str]) -> str:
        h = self.host
        where = "  ".join(f"plenipo join {a}:{h.port} --code {h.code}" for a in self.addresses[:2])
        return t("Room code {code}. Team computers join with: {command}", code=h.code, command=where)

    def do(self, fn: Callable[[], str | None | None]) -> None:
        """Run a teacher's command on the host's thread (the game is only ever changed there)."""

        def run() -> None:
            problem = fn()
            self.notice, self.notice_bad = (problem or ""), bool(problem)

        self.loop.call(run)


class TeacherNetCard(CardScene):
    """The teacher's network controls: pause, pass a team's turn, free a seat or give it to the AI."""

    name = "network_teacher"

    def __init__(self, source: ProjectorSource) -> None:
        super().__init__()
        self.source = source

    def layout(self) -> None:
        t, lay = self.ctx.t, self.ctx.layout
        h, src = self.source.host, self.source
        view = h.public
        paused = bool(view and view.clock.paused)
        entries: list[tuple[str, str, Callable[[], None]]] = [
            ("pause", t("Resume the conference") if paused else t("Pause the conference"), partial(src.do, partial(self._pause, not paused))),
            ("pass", t("Pass the acting team's turn"), lambda: src.do(h.pass_turn)),
        ]
        for seat in view.seats if view else ():
            entries.append((f"free:{seat.id}", t("Free the seat of {name}", name=seat.name), partial(src.do, partial(h.free_seat, seat.id))))
            entries.append((f"ai:{seat.id}", t("Give {name} to the AI", name=seat.name), partial(src.do, partial(h.to_ai, seat.id))))
        entries.append(("close", t("Close"), self.ctx.pop))
        bh = lay.button_height()
        rows_h = len(entries) * (bh + lay.px(8)) + lay.px(90)
        self.card = pygame.Rect(0, 0, min(lay.px(720), lay.width - 2 * lay.margin), min(rows_h, lay.height - 2 * lay.margin))
        self.card.center = lay.rect.center
        inner = panel_inner(self.ctx, self.card)
        rows = lay.stack(inner, [bh] * len(entries), lay.px(8))
        widgets: list[Widget] = []
        for (k, label, fn), r in zip(entries, rows, strict=True):
            widgets.append(Button(k, r, label, self._then_close(fn), style="quiet" if k != "close" else "normal"))
        self.focus.set(widgets)

    def _pause(self, on: bool) -> None:
        self.source.host.pause(on)

    def _then_close(self, fn: Callable[[], None]) -> Callable[[], None]:
        def go() -> None:
            fn()
            self.ctx.pop()

        return go

    def draw(self, surface: pygame.Surface) -> None:
        self.shaded_card(surface, self.ctx.t("Teacher (T)"))
        self.focus.draw(surface, self.ctx)


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
        self.ctx.replace(RemoteTable(TeamSource(self.client, self.loop)))

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


def _open(first: Scene, lang: str, screenshots: Path | None):  # type: ignore[no-untyped-def]
    from game.ui.app import App, Settings

    app = App(settings=Settings(lang=lang), screenshot_dir=screenshots, first_scene=first)
    return app


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
    from game.ui.screens.remote.script import NetScriptRun
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
        source = ProjectorSource(host, loop, addresses)
        table = RemoteTable(source, on_teacher=lambda _: TeacherNetCard(source))
        app = _open(table, lang, screenshots)
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
    first: Scene = SeatPicker(client, loop, lobby) if lobby is not None else RemoteTable(TeamSource(client, loop))
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
