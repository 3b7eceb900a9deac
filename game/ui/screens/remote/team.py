"""A team's own computer: the one-computer conference screen over the classroom network.

`TeamConference` is the conference screen a team sees on one computer (its
inbox with Accept / Reject / Counter, the move forms, the confirmation card,
the "since your last turn" digest, its briefing), minus the hand-over
screens: the computer belongs to one seat, so the team's view is always
open. What the screen would ask a local session it asks `NetSeat`
(game/net/seat.py), which answers from the newest view the host built for
this seat; a move goes to the host and the screen waits for its answer (a
round trip on the classroom network). Between its turns a team reads, opens
its briefing and drafts in the forms; the rules' reason shows why a draft
cannot be sent yet, and the host's engine judges every move it does send.
"""

from __future__ import annotations

import concurrent.futures
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

import pygame

from game.engine import actions as A
from game.engine.refusals import Code, Refusal
from game.net import protocol as P
from game.net.client import Client
from game.net.link import Loop
from game.net.seat import NetProposalDraft, NetSeat, NetShiftDraft, delegations_of, refusal_of, word_refusal
from game.play.session import Session
from game.scenario.models import Delegation
from game.ui.kit.card import CardScene
from game.ui.kit.chrome import panel_inner
from game.ui.kit.scene import Scene
from game.ui.kit.widgets import Button
from game.ui.screens.conference.done import DoneScene
from game.ui.screens.conference.move_forms import FormScene
from game.ui.screens.conference.screen import ConferenceScene
from game.views.conference import BriefingView, ConferenceView
from game.views.inbox import AskChoice, InboxItem, RequestItem
from game.views.move import ProposalForm, ShiftForm

if TYPE_CHECKING:
    from game.ui.kit.context import AppContext

#: How long the screen waits for the host's answer to a move before saying the connection is lost.
ANSWER_SECONDS = 15.0


def clock_text(clock: P.Clock, since: float) -> str:
    """m:ss left in the acting team's turn, counted down from when the view arrived."""
    if clock.remaining is None:
        return ""
    left = clock.remaining if clock.paused else max(0.0, clock.remaining - (time.monotonic() - since))
    return f"{int(left) // 60}:{int(left) % 60:02d}"


class TeamConference(ConferenceScene):
    """The one-computer team view of one seat, read from its host's views (no session on this computer)."""

    name = "conference"

    def __init__(self, client: Client, loop: Loop) -> None:
        super().__init__(cast(Session, None))  # every reading of the session goes through the seams below
        self.client, self.loop = client, loop
        self.viewer = client.seat
        self.shown_view: P.View | None = client.view
        self.view_since = time.monotonic()
        self.lost = False  # the last move's answer never came (the connection dropped)
        self._dels: dict[str, Delegation] = {}
        self._dels_from: object = None
        self._ended_shot = False
        self._status = ""
        self.made: int | None = None  # the number the last move made (a proposal's, a request's)
        self._drafts: dict[str, NetProposalDraft | NetShiftDraft] = {}  # unsent drafts, kept until sent

    # --- the host's newest view ----------------------------------------------------------------------
    def seat(self) -> NetSeat:
        view = self.shown_view
        assert view is not None
        return NetSeat(view)

    @property
    def ready(self) -> bool:
        return self.shown_view is not None and self.shown_view.seat is not None

    def poll(self) -> bool:
        """Take the newest view the host sent; True when it changed what the screen shows.

        Not while a mouse button is held: laying the screen out anew between press and release would drop the click."""
        view = self.client.view
        if view is None or view is self.shown_view:
            return False
        if self.app is not None and any(isinstance(x, NetLayer) and x.pressing for x in self.ctx.extras):
            return False
        began = view.your_turn and not (self.shown_view is not None and self.shown_view.your_turn)
        self.shown_view, self.view_since = view, time.monotonic()
        self.viewer = view.seat
        if self.app is not None:
            self.refresh()
            if began:
                self.ctx.capture(f"turn_{view.revision:04d}")
            if view.conference.ended and not self._ended_shot:
                self._ended_shot = True
                self.ctx.capture("outcome")
        return True

    @property
    def my_turn(self) -> bool:
        """The host says it is this seat's move, and the view already shows this computer's last move."""
        v = self.shown_view
        return bool(v is not None and v.your_turn and not v.clock.paused and v.revision >= self.client.last_done and not v.conference.ended)

    # --- the seams of the conference screen ---------------------------------------------------------------
    @property
    def animating(self) -> bool:
        return False  # the host has already played the AI; its news arrive whole

    @property
    def team_turn(self) -> bool:
        """The team's own view is always open on its computer: drafts at any time, moves on its turn."""
        v = self.shown_view
        return bool(v is not None and v.seat is not None and not v.conference.ended and not v.clock.paused)

    @property
    def paused(self) -> bool:
        return bool(self.shown_view is not None and self.shown_view.clock.paused)

    @property
    def ended(self) -> bool:
        return bool(self.shown_view is not None and self.shown_view.conference.ended)

    def conference_model(self) -> ConferenceView:
        return self.seat().conference()

    def inbox_items(self) -> tuple[InboxItem, ...]:
        return self.seat().inbox()

    def digest_lines(self) -> tuple[str, ...]:
        return self.seat().digest()

    def audience_requests(self) -> tuple[RequestItem, ...]:
        return self.shown_view.requests if self.shown_view is not None else ()

    def audience_choices(self, actor: str) -> tuple[AskChoice, ...]:
        return self.shown_view.asks if self.shown_view is not None else ()

    @property
    def closing_round(self) -> bool:
        v = self.shown_view
        return bool(v is not None and v.closing and not v.conference.ended)

    def _asker(self, audience: int) -> str:
        return next((r.asker for r in self.audience_requests() if r.id == audience), "")

    def _request_number(self) -> int:
        return self.made or 0

    def delegations(self) -> dict[str, Delegation]:
        public = self.client.delegations
        if public is not self._dels_from:
            self._dels, self._dels_from = delegations_of(public), public
        return self._dels

    def proposal_draft(self, actor: str, counter_to: int | None = None) -> ProposalForm:
        """The proposal form's draft; a team's own proposal (not a counter) is kept between openings, so a package
        drafted while others move is still there when the turn comes."""
        kept = self._drafts.get("proposal")
        if counter_to is None and isinstance(kept, NetProposalDraft) and self.shown_view is not None:
            kept.view = self.shown_view
            return kept
        draft = self.seat().proposal_draft(counter_to)
        draft.gate = self._not_now
        if counter_to is None:
            self._drafts["proposal"] = draft
        return draft

    def shift_draft(self, actor: str) -> ShiftForm:
        kept = self._drafts.get("shift")
        if isinstance(kept, NetShiftDraft) and self.shown_view is not None:
            kept.view = self.shown_view
            return kept
        draft = self.seat().shift_draft()
        draft.gate = self._not_now
        self._drafts["shift"] = draft
        return draft

    def check(self, action: A.Action) -> Refusal | None:
        return self._not_now() or self.seat().check(action)

    def describe(self, problem: Refusal) -> str:
        return self.seat().describe(problem, self.ctx.tr)

    def briefing(self, actor: str) -> BriefingView:
        return self.seat().briefing()

    def essential(self, actor: str) -> bool:
        return self.seat().essential()

    def done_card(self, text: str) -> Scene:
        return NetDoneScene(self, text)

    def _not_now(self) -> Refusal | None:
        """Why this seat cannot move now, before anything is sent."""
        v = self.shown_view
        if v is None or v.seat is None:
            return Refusal.of(Code.OTHER, text=self.ctx.t("This computer no longer holds a seat: ask the teacher."))
        if v.conference.ended:
            return Refusal.of(Code.CONFERENCE_OVER)
        if not self.my_turn:
            return Refusal.of(Code.NOT_YOUR_MOVE, delegation=v.seat, acting=v.conference.actor or "")
        return None

    def _name(self, did: str) -> str:
        d = self.delegations().get(did)
        return str(d.name) if d is not None else did

    def _turn_text(self, view: ConferenceView) -> str:
        t = self.ctx.t
        v = self.shown_view
        if v is not None and view.ended and v.outcome:
            return t("The conference is over") + ": " + v.outcome
        # the whole screen is this team's: "Your move" says it in fewer words, leaving the header room for the clock
        text = t("Your move") if self.my_turn else super()._turn_text(view)
        if v is not None and not view.ended:
            clock = clock_text(v.clock, self.view_since)
            if v.clock.paused:
                text += "  ·  " + t("Paused")
            elif clock:
                text += "  ·  " + t("Time left: {clock}", clock=clock)
        return text

    # --- moves go to the host ---------------------------------------------------------------------------------
    def act(self, action: A.Action) -> Refusal | None:
        """Send the move and wait for the host's answer; the refusal (worded here) or None once it was applied."""
        t = self.ctx.t
        problem = self.check(action)
        if problem is not None:
            self.message = self.describe(problem)
            self.refresh()
            return problem
        fut: concurrent.futures.Future[P.Done | P.Refused] = self.loop.submit(self.client.act(P.from_action(action), timeout=ANSWER_SECONDS))
        try:
            answer = fut.result(ANSWER_SECONDS + 1.0)
        except Exception:  # a dropped connection: whether the move counted shows in the next view
            self.lost = True
            self.message = t("Connection lost before the host answered; check the news.")
            self.refresh()
            return Refusal.of(Code.OTHER, text=self.message)
        self.lost = False
        if isinstance(answer, P.Refused):
            self.message = word_refusal(answer, self.shown_view, self.ctx.tr)
            self.refresh()
            return refusal_of(answer) or Refusal.of(Code.OTHER, text=self.message)
        self.message = ""
        self.notice = ""
        self.made = answer.made
        if isinstance(action, A.MAIN_MOVES):
            self.rationale = ""
            self.confirmed = answer.text
            self._drafts.pop({A.Propose: "proposal", A.Shift: "shift"}.get(type(action), ""), None)  # sent: start afresh
        self.refresh()
        return None

    def _autosave(self) -> None:
        """The host saves the game; nothing is kept on a team's computer."""

    def _draw_footer(self, surface: pygame.Surface) -> None:
        v = self.shown_view
        if v is not None and v.conference.ended:  # no outcome screen here: the projector shows the debrief
            from game.ui.kit.chrome import draw_footer

            t = self.ctx.t
            draw_footer(surface, self.ctx, t("The conference is over") + (f": {v.outcome}" if v.outcome else ""), until=self.ctx.layout.width)
            return
        super()._draw_footer(surface)

    def skip(self) -> None:
        """Nothing to skip: the host's news arrive whole."""

    def update(self, dt: float) -> None:
        self.focus.update(dt)
        self.pulse += dt
        self.fresh = max(0.0, self.fresh - dt)
        self.poll()
        status = self.status()
        if status != self._status:  # a dropped connection or a freed seat, said above the buttons until it is over
            if self.notice in ("", self._status):
                self.notice = status
            self._status = status
            self.refresh()

    def layout(self) -> None:
        if not self.ready:
            self.view = None
            self.focus.set([])
            return
        super().layout()

    def _menu(self) -> None:
        self.ctx.push(NetMenuCard())  # no save, load or new game on a team's computer: the game lives on the host

    def handle_event(self, event: pygame.event.Event) -> bool | None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE and not self._typing(event):
            self._menu()
            return True
        if not self.ready:
            return None
        return super().handle_event(event)

    def _typing(self, event: pygame.event.Event) -> bool:
        from game.ui.kit.widgets import TextField

        return isinstance(self.focus.focused, TextField)

    def draw(self, surface: pygame.Surface) -> None:
        if not self.ready:
            from game.ui.kit.chrome import draw_backdrop, draw_footer, draw_header

            draw_backdrop(surface, self.ctx)
            draw_header(surface, self.ctx, self.ctx.t("Waiting for the host..."))
            draw_footer(surface, self.ctx, self.status())
            return
        super().draw(surface)

    def status(self) -> str:
        """A line about the connection ("" while all is well)."""
        t = self.ctx.t
        if self.client.seat is None:
            return t("This computer no longer holds a seat: ask the teacher.")
        if not self.client.connected:
            return t("Connection lost: reconnecting to the host...")
        return ""


class NetDoneScene(DoneScene):
    """The confirmation card on a team's own computer: nothing to hand over, the screen stays the team's."""

    def body(self) -> str:
        return self.text + "\n" + self.ctx.t("Your turn is over. The other delegations move now; your screen follows the conference.")

    def button_text(self) -> str:
        return self.ctx.t("Back to the conference (Enter)")

    def button_tip(self) -> str:
        return self.ctx.t("Close this card (Enter)")


class NetLayer:
    """Over every scene of a team's window: the host's views keep coming while a form or a card is open."""

    def __init__(self, app: AppContext) -> None:
        self.app = app
        self.pressing = False  # a mouse button is down: new views wait until it is released

    def update(self, dt: float) -> None:
        conf = next((s for s in reversed(list(self.app.stack)) if isinstance(s, TeamConference)), None)
        if conf is None or self.app.stack.top is conf:
            return  # the conference polls for itself
        if conf.poll():
            top = self.app.stack.top
            draft = getattr(top, "draft", None)
            view = conf.shown_view
            if isinstance(draft, NetProposalDraft | NetShiftDraft) and view is not None:
                draft.view = view
            if view is not None and view.conference.ended and isinstance(top, FormScene):
                self.app.pop()  # the conference is over: open forms close (a confirmation card stays to be read)
            elif isinstance(top, FormScene) and top.app is not None:
                top.layout()  # a draft's form: it may be sent now (or no longer)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEBUTTONDOWN:
            self.pressing = True
        elif event.type == pygame.MOUSEBUTTONUP:
            self.pressing = False
        return False

    def draw(self, surface: pygame.Surface) -> None:
        pass


def install_net_layer(app: AppContext) -> None:
    if not any(isinstance(x, NetLayer) for x in app.extras):
        app.extras.append(NetLayer(app))


class NetMenuCard(CardScene):
    """Esc on a networked screen: settings or quit; the game itself is the host's."""

    name = "network_menu"

    def layout(self) -> None:
        from game.ui.screens.menu.pause import SettingsScene

        t, lay = self.ctx.t, self.ctx.layout
        entries: list[tuple[str, str, Callable[[], None]]] = [
            ("resume", t("Resume"), self.ctx.pop),
            ("settings", t("Settings"), lambda: self.ctx.push(SettingsScene())),
            ("quit", t("Quit Plenipo"), self.ctx.quit),
        ]
        bh = lay.button_height()
        h = len(entries) * (bh + lay.px(12)) + lay.px(90)
        self.card = pygame.Rect(0, 0, min(lay.px(520), lay.width - 2 * lay.margin), h)
        self.card.center = lay.rect.center
        inner = panel_inner(self.ctx, self.card)
        rows = lay.stack(inner, [bh] * len(entries), lay.px(12))
        self.focus.set(
            [Button(k, r, label, fn, style="primary" if k == "resume" else "normal") for (k, label, fn), r in zip(entries, rows, strict=True)]
        )

    def draw(self, surface: pygame.Surface) -> None:
        self.shaded_card(surface, self.ctx.t("Menu"))
        self.focus.draw(surface, self.ctx)
