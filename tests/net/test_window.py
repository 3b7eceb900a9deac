"""The windows over the network, headless: a team answers a private proposal with one click; the projector stays public.

The host and the clients run on a network thread on 127.0.0.1, as in
`plenipo host` and `plenipo join`; the window is driven by mouse events at
the place its button is drawn.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pygame

from game.net import protocol as P
from game.net.client import Client
from game.net.host import Host
from game.net.link import Loop
from game.ui.app import App, Settings
from game.ui.kit.widgets import Button
from game.ui.screens.remote.table import RemoteTable, TeamSource
from game.ui.screens.remote.windows import ProjectorSource
from tests.net.common import LOOPBACK, new_session


def frames_until(app: App, test: Callable[[], bool], seconds: float = 20.0) -> None:
    end = time.monotonic() + seconds
    for _ in range(100_000):
        app.frame()
        if test():
            return
        if time.monotonic() > end:
            break
        time.sleep(0.005)
    raise AssertionError("the window never showed what was expected")


def click(app: App, button: Button) -> None:
    pos = button.rect.center
    app.frame(
        [
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
            pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1),
        ]
    )


def test_a_team_accepts_a_private_proposal_with_one_click_and_the_projector_never_shows_it(tmp_path: Path) -> None:
    loop = Loop()
    host = Host(new_session(), save_path=tmp_path / "autosave.json", network_file=tmp_path / "network.json")
    port = loop.run(host.start(LOOPBACK, 0))
    url = f"ws://127.0.0.1:{port}"
    germany, soviet = Client(url, host.code), Client(url, host.code)
    try:
        loop.run(germany.join(seat="germany"))
        loop.run(soviet.join(seat="soviet"))
        # Germany, on its turn, offers Rapallo to Soviet Russia in private (through its client, as its window would)
        view = loop.run(germany.wait_for(lambda v: v.your_turn, 30))
        assert view.forms is not None
        rapallo = next(k for k in view.forms.instruments if k.id == "rapallo_treaty")
        issues = {i.id: i for i in view.forms.issues}
        package = tuple((iid, max(issues[iid].options, key=lambda o: o.value or 0).id) for iid in rapallo.scope)
        done = loop.run(germany.act(P.ProposeMove(kind="propose", actor="germany", instrument="rapallo_treaty", package=package, to=("soviet",))))
        assert isinstance(done, P.Done), done
        proposal = len(host.session.state.proposals)

        # the projector: public view only, never the private offer
        app = App(settings=Settings(lang="en"), first_scene=RemoteTable(ProjectorSource(host, loop, ["127.0.0.1"])))
        app.frame()
        public = host.public
        assert public is not None and public.seat is None and public.briefing is None and public.forms is None
        assert all(p.id != proposal for p in public.conference.pending)

        # the Soviet team's window: the offer is in its inbox; one click on its Accept button answers it
        app = App(settings=Settings(lang="en"), first_scene=RemoteTable(TeamSource(soviet, loop)))
        table = app.stack.top
        assert isinstance(table, RemoteTable)

        def accept_button() -> Button | None:
            w = table.focus_widget(f"accept:{proposal}")
            return w if isinstance(w, Button) and w.enabled else None

        frames_until(app, lambda: accept_button() is not None)
        shown = table.shown
        assert shown is not None and shown.briefing is not None and shown.briefing.name == "Soviet Russia"
        button = accept_button()
        assert button is not None
        click(app, button)
        frames_until(app, lambda: bool(table.source.notice))
        assert not table.source.notice_bad, table.source.notice
        answered = [a for a in host.session.actions if type(a).__name__ == "Respond" and getattr(a, "actor", "") == "soviet"]
        assert answered and answered[-1].proposal == proposal and answered[-1].answer.value == "accept"  # type: ignore[union-attr]
        assert "accepts" in table.source.notice
    finally:
        loop.run(germany.close())
        loop.run(soviet.close())
        loop.run(host.stop())
        loop.stop()


def test_a_team_without_a_seat_picks_its_delegation_on_screen(tmp_path: Path) -> None:
    from game.ui.screens.remote.windows import SeatPicker

    loop = Loop()
    host = Host(new_session(), save_path=tmp_path / "autosave.json", network_file=tmp_path / "network.json")
    port = loop.run(host.start(LOOPBACK, 0))
    client = Client(f"ws://127.0.0.1:{port}", host.code)
    try:
        lobby = loop.run(client.join())
        assert isinstance(lobby, P.Lobby) and {s.id for s in lobby.seats} == {"germany", "soviet"}
        app = App(settings=Settings(lang="en"), first_scene=SeatPicker(client, loop, lobby))
        app.frame()
        picker = app.stack.top
        assert isinstance(picker, SeatPicker)
        button = next(w for w in picker.focus.widgets if isinstance(w, Button) and w.label == "Soviet Russia")
        click(app, button)
        frames_until(app, lambda: isinstance(app.stack.top, RemoteTable))
        assert client.seat == "soviet" and host.seats["soviet"].conn is not None and host.seats["germany"].token is None
    finally:
        loop.run(client.close())
        loop.run(host.stop())
        loop.stop()
