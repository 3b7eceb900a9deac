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
from game.ui.screens.remote.projector import ProjectorConference
from game.ui.screens.remote.team import NetDoneScene, TeamConference, install_net_layer
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
    """The team's screen is the one-computer team view: its inbox shows the offer with Accept, Reject and Counter."""
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
        cs = host.session.state.cs
        proposal = max(p.id for p in host.session.state.proposals if cs.delegation_ids[p.proposer] == "germany")

        # the projector: the host's session in the public view only, never the private offer
        app = App(settings=Settings(lang="en"), first_scene=ProjectorConference(host, loop, ["127.0.0.1"]))
        frames_until(app, lambda: not app.stack.top.animating)  # type: ignore[union-attr]
        projector = app.stack.top
        assert isinstance(projector, ProjectorConference) and projector.viewer is None and projector.view is not None
        assert all(p.id != proposal for p in projector.view.pending)
        public = host.public
        assert public is not None and public.seat is None and public.briefing is None and public.forms is None and not public.inbox

        # the Soviet team's window: the offer is in its inbox; one click on its Accept button answers it
        app = App(settings=Settings(lang="en"), first_scene=TeamConference(soviet, loop))
        install_net_layer(app)
        table = app.stack.top
        assert isinstance(table, TeamConference)

        def accept_button() -> Button | None:
            w = next((w for w in table.focus.widgets if isinstance(w, Button) and w.label.startswith("Accept")), None)
            return w if isinstance(w, Button) and w.enabled and table.my_turn else None

        frames_until(app, lambda: accept_button() is not None)
        # the inbox opens on the newest offer; an AI seat may have proposed after Germany: page back to it
        for _ in range(5):
            if table.inbox is None or table.inbox.current is None or table.inbox.current.id == proposal:
                break
            older = next(w for w in table.focus.widgets if isinstance(w, Button) and w.label.startswith("Older") and w.enabled)
            click(app, older)
        shown = table.shown_view
        assert shown is not None and shown.briefing is not None and shown.briefing.name == "Soviet Russia"
        assert table.inbox is not None and table.inbox.current is not None and table.inbox.current.id == proposal
        assert any(isinstance(w, Button) and w.label.startswith("Counter") for w in table.focus.widgets)
        button = accept_button()
        assert button is not None
        click(app, button)
        answered = [a for a in host.session.actions if type(a).__name__ == "Respond" and getattr(a, "actor", "") == "soviet"]
        assert answered and answered[-1].proposal == proposal and answered[-1].answer.value == "accept"  # type: ignore[union-attr]
        assert f"You accepted No. {proposal}." in table.notice

        # its move, as on one computer: Pass (N), the confirmation form, then the card saying what was done
        frames_until(app, lambda: table.my_turn)
        pass_button = next(w for w in table.focus.widgets if isinstance(w, Button) and w.key == "pass")
        click(app, pass_button)
        confirm = app.stack.top
        ok = next(w for w in confirm.focus.widgets if isinstance(w, Button) and w.key == "ok")  # type: ignore[union-attr]
        click(app, ok)
        assert isinstance(app.stack.top, NetDoneScene) and "You passed this sitting." in app.stack.top.text
        mine = [a for a in host.session.actions if getattr(a, "actor", "") == "soviet"]
        assert type(mine[-1]).__name__ == "Pass"
    finally:
        loop.run(germany.close())
        loop.run(soviet.close())
        loop.run(host.stop())
        loop.stop()


def test_a_team_without_a_seat_picks_its_delegation_on_screen(tmp_path: Path) -> None:
    from game.ui.net_windows import SeatPicker

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
        frames_until(app, lambda: isinstance(app.stack.top, TeamConference))
        assert client.seat == "soviet" and host.seats["soviet"].conn is not None and host.seats["germany"].token is None
    finally:
        loop.run(client.close())
        loop.run(host.stop())
        loop.stop()


def test_the_projector_opens_the_one_computer_console_and_every_team_computer_follows_it(tmp_path: Path) -> None:
    """T on the projector opens the teacher's console of one computer; what it changes reaches the teams' screens."""
    from game.ui.screens.conference import screen as conference_module
    from game.ui.screens.remote.projector import install_console
    from game.ui.screens.teacher.console import ConsoleScene

    loop = Loop()
    host = Host(new_session(), save_path=tmp_path / "autosave.json", network_file=tmp_path / "network.json")
    port = loop.run(host.start(LOOPBACK, 0))
    soviet = Client(f"ws://127.0.0.1:{port}", host.code)
    try:
        loop.run(soviet.join(seat="soviet"))
        app = App(settings=Settings(lang="en"), first_scene=ProjectorConference(host, loop, ["127.0.0.1"]))
        install_console(host, loop, app)
        app.frame([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_t, mod=0, unicode="t", scancode=0)])
        console = app.stack.top
        assert isinstance(console, ConsoleScene) and console.room is host.classroom
        console._pause()  # the console's Pause (P)
        frames_until(app, lambda: soviet.view is not None and soviet.view.clock.paused)
        console._pause()
        frames_until(app, lambda: soviet.view is not None and not soviet.view.clock.paused)
        console._control("soviet", False)  # the teacher gives the Soviet delegation to the AI
        frames_until(app, lambda: "soviet" not in host.seats and soviet.seat is None)
        assert host.session.cs.d_index["soviet"] not in host.session.state.humans
    finally:
        conference_module.TEACHER_PANEL = None
        conference_module.PAUSED = None
        loop.run(soviet.close())
        loop.run(host.stop())
        loop.stop()


def test_a_team_asks_for_private_talks_and_the_other_team_receives_it_over_the_network(tmp_path: Path) -> None:
    """Audiences as on one computer: the request's number in the asker's notice, the request in the host's inbox."""
    loop = Loop()
    host = Host(new_session(), save_path=tmp_path / "autosave.json", network_file=tmp_path / "network.json")
    port = loop.run(host.start(LOOPBACK, 0))
    url = f"ws://127.0.0.1:{port}"
    germany, soviet = Client(url, host.code), Client(url, host.code)
    try:
        loop.run(germany.join(seat="germany"))
        loop.run(soviet.join(seat="soviet"))
        loop.run(germany.wait_for(lambda v: v.your_turn, 30))
        app = App(settings=Settings(lang="en"), first_scene=TeamConference(germany, loop))
        install_net_layer(app)
        conf = app.stack.top
        assert isinstance(conf, TeamConference)
        frames_until(app, lambda: conf.my_turn)
        assert conf.shown_view is not None and any(c.id == "soviet" and not c.refusal for c in conf.audience_choices("germany"))
        assert conf.ask("soviet") is None
        number = host.session.state.audiences[-1].id
        assert f"(request No. {number})" in conf.notice
        # the Soviet team finds the request in its view on its turn, and receives Germany
        app2 = App(settings=Settings(lang="en"), first_scene=TeamConference(soviet, loop))
        other = app2.stack.top
        assert isinstance(other, TeamConference)
        if not other.my_turn:  # Germany passes until the Soviet turn comes
            click(app, next(w for w in conf.focus.widgets if isinstance(w, Button) and w.key == "pass"))
            confirm = app.stack.top
            click(app, next(w for w in confirm.focus.widgets if isinstance(w, Button) and w.key == "ok"))  # type: ignore[union-attr]
        frames_until(app2, lambda: other.my_turn and any(r.id == number for r in other.audience_requests()))
        other.grant(number, True)
        assert other.notice.startswith("You received Germany for private talks.")
        assert any(type(a).__name__ == "AnswerAudience" and getattr(a, "grant", False) for a in host.session.actions)
    finally:
        loop.run(germany.close())
        loop.run(soviet.close())
        loop.run(host.stop())
        loop.stop()


def test_a_teams_unsent_proposal_is_kept_between_openings_of_the_form_and_dropped_once_sent(tmp_path: Path) -> None:
    loop = Loop()
    host = Host(new_session(), save_path=tmp_path / "autosave.json", network_file=tmp_path / "network.json")
    port = loop.run(host.start(LOOPBACK, 0))
    germany = Client(f"ws://127.0.0.1:{port}", host.code)
    try:
        loop.run(germany.join(seat="germany"))
        loop.run(germany.wait_for(lambda v: v.your_turn, 30))
        app = App(settings=Settings(lang="en"), first_scene=TeamConference(germany, loop))
        conf = app.stack.top
        assert isinstance(conf, TeamConference)
        frames_until(app, lambda: conf.my_turn)
        draft = conf.proposal_draft("germany")
        draft.set_private(True)
        assert conf.proposal_draft("germany") is draft and draft.private  # closed and opened again: still there
        assert conf.proposal_draft("germany", counter_to=1) is not draft  # a counter-proposal starts from its proposal
        action = draft.action()
        assert action is not None and conf.act(action) is None
        assert conf.proposal_draft("germany") is not draft  # sent: the next proposal starts afresh
    finally:
        loop.run(germany.close())
        loop.run(host.stop())
        loop.stop()


def test_a_team_computer_refuses_then_asks_for_a_change_by_clicks(tmp_path: Path) -> None:
    """Reject, then the notice line's "Ask for a change" and the card's "Ask for it", on a team's own computer: the
    host records the refusal and, a moment later, what would change it."""
    from game.ui.screens.conference.move_forms import RefuseScene

    loop = Loop()
    host = Host(new_session(), save_path=tmp_path / "autosave.json", network_file=tmp_path / "network.json")
    port = loop.run(host.start(LOOPBACK, 0))
    germany, soviet = Client(f"ws://127.0.0.1:{port}", host.code), Client(f"ws://127.0.0.1:{port}", host.code)
    try:
        loop.run(germany.join(seat="germany"))
        loop.run(soviet.join(seat="soviet"))
        # Germany's team passes until it is the Soviet team's move (the AI seats play in between)
        for _ in range(20):
            if host.session.state.actor_id == "soviet":
                break
            if host.session.state.actor_id == "germany":
                loop.run(germany.act(P.PassMove(kind="pass", actor="germany")))
            time.sleep(0.05)
        app = App(settings=Settings(lang="en"), first_scene=TeamConference(soviet, loop))
        install_net_layer(app)
        table = app.stack.top
        assert isinstance(table, TeamConference)

        def button(prefix: str) -> Button | None:
            w = next((w for w in app.stack.top.focus.widgets if isinstance(w, Button) and w.label.startswith(prefix)), None)  # type: ignore[union-attr]
            return w if isinstance(w, Button) and w.enabled else None

        frames_until(app, lambda: table.my_turn and button("Reject") is not None)
        assert button("Ask for a change") is None  # offered only after a refusal
        assert table.inbox is not None and table.inbox.current is not None
        pid = table.inbox.current.id
        click(app, button("Reject"))  # type: ignore[arg-type]
        frames_until(app, lambda: button("Ask for a change") is not None)
        click(app, button("Ask for a change"))  # type: ignore[arg-type]
        card = app.stack.top
        assert isinstance(card, RefuseScene) and card.item.id == pid
        issue, option = card.want()
        click(app, button("Ask for it"))  # type: ignore[arg-type]
        said = [e for e in host.session.state.log if e.actor == "soviet" and e.data.get("proposal") == pid]
        assert [e.data.get("amends", False) for e in said] == [False, True] and said[1].data["want"] == {"issue": issue, "option": option}
        frames_until(app, lambda: app.stack.top is table and "You asked for" in table.notice and button("Ask for a change") is None)
    finally:
        loop.run(germany.close())
        loop.run(soviet.close())
        loop.run(host.stop())
        loop.stop()
