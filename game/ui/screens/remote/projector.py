"""The projector of `plenipo host`: the one-computer conference screen in its public view, with the teacher's console.

The host's window shows the authoritative session itself, always as the
class may see it (no seat's view is ever opened here, and no hand-over is
needed: the teams move on their own computers). The host's network loop plays
the AI and the teams' moves; this screen announces them one at a time as on
one computer. T opens the same teacher's console as on one computer (pause,
the turn timer, events and news, undo a sitting, end the conference, who
plays); after the conference the outcome and debrief (with the record's
export) follow on Space. "Seats" frees a team's seat or passes its turn when
a computer is gone. The window and the network loop share one lock
(`Host.lock`), so a console command and a team's move never interleave.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pygame

from game.classroom.timer import clock_text
from game.net.host import Host
from game.net.link import Loop
from game.ui.kit.card import CardScene
from game.ui.kit.chrome import draw_footer, panel_inner
from game.ui.kit.context import Layers
from game.ui.kit.text import draw_line, text_width
from game.ui.kit.widgets import Button, Widget
from game.ui.screens.conference import screen as conference_module
from game.ui.screens.conference.screen import ConferenceScene


class ProjectorConference(ConferenceScene):
    """The host's session in the public view; the host's loop moves the game, the console may change it."""

    name = "conference"

    def __init__(self, host: Host, loop: Loop, addresses: list[str]) -> None:
        super().__init__(host.session)
        self.host, self.loop, self.addresses = host, loop, addresses
        self.viewer = None
        self._state = id(host.session.state)

    @property
    def delay(self) -> float:
        """As on one computer, each announcement stays a moment; when teams on their own computers move faster than
        that, the projector catches up rather than fall behind the game."""
        backlog = len(self.session.state.log) - self.shown
        return super().delay * min(1.0, 4.0 / max(1, backlog))

    @property
    def team_turn(self) -> bool:
        return False  # a team's papers are never opened on the projector

    def act(self, action: object) -> None:
        raise RuntimeError("the projector makes no team's moves")

    def unlock(self, did: str) -> None:
        """No hand-over on the projector: the team's view opens on its own computer."""

    def _autosave(self) -> None:
        """The host saves after every change."""

    def update(self, dt: float) -> None:
        self.focus.update(dt)
        self.pulse += dt
        self.fresh = max(0.0, self.fresh - dt / max(self.delay, 0.001))
        s = self.session.state
        if id(s) != self._state:
            self._state = id(s)
            self.shown = min(self.shown, len(s.log))
            self.refresh()
        if self.paused:
            return
        if self.animating:
            self.timer += dt
            if self.timer >= self.delay:
                self.timer = 0.0
                self._reveal_next()
            return
        if s.ended and self.end_timer >= 2 * self.delay:  # Space or a click after the end: the outcome and debrief
            from game.ui.screens.outcome.screen import OutcomeScene

            self.ctx.replace(OutcomeScene(self.session))

    def layout(self) -> None:
        super().layout()
        t = self.ctx.t
        menu = next((w for w in self.focus.widgets if w.key == "menu"), None)
        if isinstance(menu, Button):  # no save or load here: the host keeps the game; the seats card instead of the menu
            menu.label = t("Seats")
            menu.on_click = self._seats
            menu.tooltip = t("Free a team's seat, pass its turn or give it to the AI")

    def clock_line(self) -> str:
        """The acting team's time left (the host keeps the clock), or that the conference is paused."""
        room = self.host.classroom
        left = room.remaining()
        if room.paused:
            return self.ctx.t("Paused")
        if left is not None and not self.ended:
            return self.ctx.t("Time left: {clock}", clock=clock_text(left))
        return ""

    def _seats(self) -> None:
        self.ctx.push(SeatsCard(self))

    def _menu(self) -> None:
        self._seats()

    def handle_event(self, event: pygame.event.Event) -> bool | None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self._seats()
            return True
        pos = getattr(event, "pos", None)
        if event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP) and pos is not None:
            # the teacher's buttons work while news are announced (a click elsewhere skips the announcements)
            if any(w.key in ("menu", "teacher") and w.rect.collidepoint(pos) for w in self.focus.widgets):
                return self.focus.handle_event(event, self.ctx)
        return super().handle_event(event)

    def join_line(self) -> str:
        """The room code, then each join command: separate groups, so a narrow footer drops a command, never the code."""
        h = self.host
        where = "   ".join(f"plenipo join {a}:{h.port} --code {h.code}" for a in self.addresses[:2])
        return self.ctx.t("Room code {code}", code=h.code) + "   " + where

    def seats_line(self) -> str:
        t = self.ctx.t
        return "   ".join(
            f"{s.name}: " + (t("at its computer") if s.connected else t("computer away") if s.taken else t("free seat"))
            for s in self.host.seat_infos(self.ctx.tr.lang)
        )

    def _draw_footer(self, surface: pygame.Surface) -> None:
        """The room code and join line, who is at which computer, and at the right, large, the acting team's clock."""
        app, lay = self.ctx, self.ctx.layout
        hint = self.join_line() + "   " + self.seats_line()
        if self.ended:
            hint = self.ctx.t("The conference is over. Space: the outcome") + "   " + hint
        clock = self.clock_line()
        font = app.theme.text_font(lay, "label", "bold")
        width = text_width(font, clock) if clock else 0
        band = draw_footer(surface, app, hint, until=lay.width - lay.margin - (width + lay.gap if clock else 0))
        if clock:
            rect = pygame.Rect(band.right - lay.margin - width, band.centery - font.get_linesize() // 2, width, font.get_linesize())
            draw_line(surface, font, clock, app.theme.c("ink"), rect)


class SeatsCard(CardScene):
    """The room's seats: free one (a computer broke), give it to the AI, or pass the acting team's turn."""

    name = "network_teacher"

    def __init__(self, conference: ProjectorConference) -> None:
        super().__init__()
        self.conference = conference
        self.message = ""

    def layout(self) -> None:
        t, lay = self.ctx.t, self.ctx.layout
        h = self.conference.host
        entries: list[tuple[str, str, Callable[[], None]]] = [("pass", t("Pass the acting team's turn"), partial(self._do, h.pass_turn))]
        for seat in h.seat_infos(self.ctx.tr.lang):
            entries.append((f"free:{seat.id}", t("Free the seat of {name}", name=seat.name), partial(self._do, partial(h.free_seat, seat.id))))
            entries.append((f"ai:{seat.id}", t("Give {name} to the AI", name=seat.name), partial(self._do, partial(h.to_ai, seat.id))))
        entries.append(("close", t("Close"), self.ctx.pop))
        bh = lay.button_height()
        rows_h = len(entries) * (bh + lay.px(8)) + lay.px(90)
        self.card = pygame.Rect(0, 0, min(lay.px(760), lay.width - 2 * lay.margin), min(rows_h, lay.height - 2 * lay.margin))
        self.card.center = lay.rect.center
        inner = panel_inner(self.ctx, self.card)
        rows = lay.stack(inner, [bh] * len(entries), lay.px(8))
        widgets: list[Widget] = [
            Button(k, r, label, fn, style="quiet" if k != "close" else "primary") for (k, label, fn), r in zip(entries, rows, strict=True)
        ]
        self.focus.set(widgets)

    def _do(self, fn: Callable[[], str | None]) -> None:
        """Run the command on the host's loop (the game changes only there), then close."""
        self.conference.loop.call(fn)
        self.ctx.pop()

    def draw(self, surface: pygame.Surface) -> None:
        self.shaded_card(surface, self.ctx.t("Seats"))
        self.focus.draw(surface, self.ctx)


def install_console(host: Host, loop: Loop, app: Layers) -> None:
    """The teacher's console on T, and the pause it keeps, without the one-computer timer layer (the host times
    turns); and a layer that tells the host when the console changed the game, whatever card is open."""
    from game.ui.screens.teacher.tools import open_console

    conference_module.TEACHER_PANEL = open_console
    conference_module.PAUSED = lambda _conference: host.classroom.paused
    if not any(isinstance(x, HostLayer) for x in app.extras):
        app.extras.append(HostLayer(host, loop))


class HostLayer:
    """Over every scene of the projector: a change the console made goes out to every computer."""

    def __init__(self, host: Host, loop: Loop) -> None:
        self.host, self.loop = host, loop

    def update(self, dt: float) -> None:
        if self.host.signature() != self.host.seen:  # the console changed the game here: the host tells every computer
            self.host.seen = self.host.signature()
            self.loop.call(self.host.touched)

    def handle_event(self, event: pygame.event.Event) -> bool:
        return False

    def draw(self, surface: pygame.Surface) -> None:
        pass
