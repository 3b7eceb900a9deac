"""The conference screen: the table, the issue board, the news, the proposals, and the flow of turns.

One scene runs the whole conference. Its `update` moves the game on: it
announces new log entries one at a time (about 0.6 s each, Space skips), lets
the AI play when an AI delegation is to move, and puts up the hand-over
screen before a team's turn, so the projector never shows a team's private
talks to the class. What it shows is `conference_view(session, viewer)`.

Seams for the teacher's console (issue 6): `ConferenceScene.session` is the
live game, `open_overlay(scene)` pushes a panel over the conference,
`refresh()` redraws after the teacher changed the game, and the T key calls
the hook `TEACHER_PANEL(conference) -> Scene | None` when one is installed
(a "Teacher (T)" button in the header does the same). While the hook
`PAUSED(conference)` returns True the game stands still: no announcements,
no AI moves, no hand-over, and the team's move buttons are locked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.engine import actions as A
from game.engine.refusals import Refusal, describe
from game.engine.rules import check
from game.play.saves import autosave_path, save
from game.play.session import Session
from game.scenario.models import Delegation
from game.ui.kit.chrome import draw_backdrop, draw_footer, draw_header, draw_panel, panel_inner
from game.ui.kit.focus import FocusGroup
from game.ui.kit.scene import Scene
from game.ui.kit.scroll import ScrollArea, ScrollState
from game.ui.kit.text import draw_line, wrap
from game.ui.kit.widgets import Button, TextField, Widget, button_columns, button_width, match_buttons
from game.ui.screens.conference.board import BoardArea, BoardState
from game.ui.screens.conference.done import confirmation
from game.ui.screens.conference.draw import (
    board_geometry,
    board_height,
    digest_height,
    draw_pending,
    draw_table,
    news_heights,
    paint_board,
    paint_news,
    pending_height,
    table_height,
)
from game.ui.screens.conference.inbox import Inbox
from game.views.conference import BriefingView, ConferenceView, briefing_view, conference_view, narrator
from game.views.digest import since_last_turn
from game.views.inbox import AskChoice, InboxItem, RequestItem, ask_choices, inbox, requests
from game.views.move import ProposalDraft, ProposalForm, ShiftDraft, ShiftForm

if TYPE_CHECKING:
    from game.ui.kit.context import Looks

ANNOUNCE = 0.6  # seconds each AI move stays the newest line before the next one
#: Installed by the teacher's console: called with the conference on T; returns the panel to push.
TEACHER_PANEL: Callable[[ConferenceScene], Scene | None] | None = None
#: Installed by the teacher's console: True while the teacher has paused the conference.
PAUSED: Callable[[ConferenceScene], bool] | None = None
SKIP_KEYS = (pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER)
#: The footer's moves a team still has in the closing round of the last sitting (the engine refuses the rest).
CLOSING_KEYS = frozenset({"briefing", "pass"})


def theme_line(app: Looks) -> int:
    """One scroll step of the board: a line of its option text."""
    return app.theme.text_font(app.layout, "small").get_linesize()


class ConferenceScene(Scene):
    name = "conference"

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.viewer: str | None = None  # the team whose private view is open; None = the projector view
        self.shown = 0  # log entries announced so far
        self.timer = 0.0
        self.fresh = 0.0
        self.pulse = 0.0
        self.end_timer = 0.0
        self.message = ""
        self.rationale = ""
        self.focus = FocusGroup()
        self.news_scroll = ScrollState()
        self.board_scroll = BoardState()
        self.view: ConferenceView | None = None
        # the last view model and what it was computed from: (state, translator, viewer, shown), see `conference_model`
        self._model: tuple[object, object, str | None, int, ConferenceView] | None = None
        self._capture: str | None = None
        self._rects: dict[str, pygame.Rect] = {}
        self._pending_boxes: list[tuple[pygame.Rect, int, int]] = []
        self._more = 0
        self.inbox: Inbox | None = None
        self.inbox_pos = 0  # the inbox item on screen (0 = the newest waiting proposal)
        self.inbox_scroll = ScrollState()
        self.inbox_page = "requests"  # on a panel too small for both: the request for talks, or the proposals
        self.digest: tuple[str, ...] = ()  # "since your last turn", at the top of a team's news
        self.notice = ""  # what the team's last answer did (answering does not end the turn)
        self.refused: InboxItem | None = None  # the proposal the team refused this turn, while it may still say why
        self.confirmed = ""  # what the last move did, in words ("Proposal No. 3 sent privately to Soviet Russia")

    # --- seams ------------------------------------------------------------------------
    @property
    def delay(self) -> float:
        return 0.0 if self.ctx.fast else ANNOUNCE

    @property
    def animating(self) -> bool:
        return self.shown < len(self.session.state.log)

    @property
    def team_turn(self) -> bool:
        """A team is at the keyboard and may move: its view is open and nothing is being announced."""
        s = self.session.state
        return self.session.waiting_for_human and self.viewer == s.actor_id and not self.animating and not self.paused

    @property
    def closing_round(self) -> bool:
        """The closing round of the last sitting: a team may only answer open proposals, or pass."""
        return self.session.state.answering and not self.session.state.ended

    def _closing_text(self) -> str:
        return self.ctx.t("The last sitting's closing round: you may only answer the proposals still open to you, or pass.")

    @property
    def paused(self) -> bool:
        return PAUSED is not None and PAUSED(self)

    def open_overlay(self, scene: Scene) -> None:
        self.ctx.push(scene)

    def refresh(self) -> None:
        """Recompute what is shown (after any change to the session, e.g. from the teacher's console)."""
        if self.app is not None:
            self.layout()

    def resume(self) -> None:
        self.layout()

    # --- what the screen reads: the local session here; a networked team's screen reads its host's views ----------
    # (game/ui/screens/remote/team.py overrides these, over the adapter in game/net/seat.py)
    @property
    def ended(self) -> bool:
        return self.session.state.ended

    def conference_model(self) -> ConferenceView:
        # paused, the screen shows what the whole class may see, not the team's papers under a veil
        viewer = None if self.paused else self.viewer
        # the view is a pure function of the (immutable) game state, the translator, the viewer and how much of the
        # log is announced: a re-layout that changed none of them (a card closed, a scroll, a refusal) reuses it
        state, tr_ = self.session.state, self.ctx.tr
        last = self._model
        if last is not None and last[0] is state and last[1] is tr_ and last[2] == viewer and last[3] == self.shown:
            return last[4]
        view = conference_view(self.session, tr_, viewer, self.shown)
        self._model = (state, tr_, viewer, self.shown, view)
        return view

    def inbox_items(self) -> tuple[InboxItem, ...]:
        return inbox(self.session.state, self.viewer, self.ctx.tr, narrator(self.session, self.ctx.tr)) if self.viewer else ()

    def audience_requests(self) -> tuple[RequestItem, ...]:
        return requests(self.session.state, self.viewer, narrator(self.session, self.ctx.tr)) if self.viewer else ()

    def audience_choices(self, actor: str) -> tuple[AskChoice, ...]:
        """Whom `actor` may ask for private talks now, each with the rules' verdict."""
        return ask_choices(self.session.state, actor, self.ctx.tr, narrator(self.session, self.ctx.tr))

    def digest_lines(self) -> tuple[str, ...]:
        return since_last_turn(self.session.state, self.viewer, self.ctx.tr, narrator(self.session, self.ctx.tr)) if self.viewer else ()

    def delegations(self) -> dict[str, Delegation]:
        return {d.id: d for d in self.session.cs.scenario.delegations}

    def proposal_draft(self, actor: str, counter_to: int | None = None) -> ProposalForm:
        return ProposalDraft(self.session.state, actor, counter_to)

    def shift_draft(self, actor: str) -> ShiftForm:
        return ShiftDraft(self.session.state, actor)

    def check(self, action: A.Action) -> Refusal | None:
        """Why the rules would refuse `action` now (None: allowed), asked before the button is pressed."""
        return check(self.session.state, action)

    def describe(self, problem: Refusal) -> str:
        """A refusal in the interface's language."""
        return describe(problem, self.session.cs, self.ctx.tr.lang, self.ctx.t)

    def briefing(self, actor: str) -> BriefingView:
        return briefing_view(self.session, self.ctx.tr, actor)

    def done_card(self, text: str) -> Scene:
        """The confirmation card after a move ("Proposal No. 3 sent privately to ...")."""
        from game.ui.screens.conference.done import DoneScene

        return DoneScene(self, text)

    def essential(self, actor: str) -> bool:
        cs = self.session.cs
        return bool(cs.delegation(cs.d_index[actor]).essential)

    # --- moving the game on --------------------------------------------------------
    def act(self, action: A.Action) -> Refusal | None:
        """Apply a team's action; returns the refusal (and changes nothing) when it is illegal; `message` words it."""
        problem = check(self.session.state, action)
        if problem is not None:
            self.message = self.describe(problem)
            self.refresh()
            return problem
        before = self.session.state.turn
        self.session.apply(action)
        self.shown = len(self.session.state.log)
        self.message = ""
        self.notice = ""
        self.refused = None
        if isinstance(action, A.MAIN_MOVES):
            self.viewer = None  # the next team must not find this one's papers on the screen
            self.rationale = ""
            self.confirmed = confirmation(self.session.state, action, self.ctx.tr)  # the move form shows it (game/ui/screens/conference/done.py)
        self._after_change(before)
        self._autosave()
        self.refresh()
        return None

    def _after_change(self, before_turn: int) -> None:
        """A new sitting (or the end): photograph it. (Both callers autosave right after, so the new sitting is saved once.)"""
        s = self.session.state
        if s.turn != before_turn or s.ended:
            self._capture = f"sitting_{before_turn + 1:02d}"

    def _autosave(self) -> None:
        try:
            save(self.session, autosave_path())
        except OSError as err:
            self.message = self.ctx.t("The game could not be saved automatically: {error}", error=err.strerror or str(err))

    def _reveal_next(self) -> None:
        s = self.session.state
        while self.shown < len(s.log):
            entry = s.log[self.shown]
            self.shown += 1
            if entry.visible_to(self.viewer, s.ended):
                self.fresh = 1.0
                self.news_scroll.offset = 0
                break
        self.refresh()

    def skip(self) -> None:
        """Show every waiting announcement at once (Space, Enter or a click)."""
        self.shown = len(self.session.state.log)
        self.fresh = 1.0
        self.news_scroll.offset = 0
        self.refresh()

    def update(self, dt: float) -> None:
        self.focus.update(dt)
        self.pulse += dt
        self.fresh = max(0.0, self.fresh - dt / max(ANNOUNCE, 0.001))
        if self.paused:
            return
        s = self.session.state
        if self.animating:
            self.timer += dt
            if self.timer >= self.delay:
                self.timer = 0.0
                self._reveal_next()
            return
        if self._capture:
            self.ctx.capture(self._capture)
            self._capture = None
        if s.ended:
            self.end_timer += dt
            if self.end_timer >= 2 * self.delay:
                from game.ui.screens.outcome.screen import OutcomeScene

                self.ctx.replace(OutcomeScene(self.session))
            return
        if self.session.waiting_for_ai:
            self.timer += dt
            if self.timer >= self.delay / 2:
                self.timer = 0.0
                before = s.turn
                self.session.ai_turn()
                self._after_change(before)
                self._autosave()  # a crash or a closed window loses at most the move being announced
                self.refresh()
            return
        if self.session.waiting_for_human and self.viewer != s.actor_id:
            from game.ui.screens.conference.handover import HandoverScene

            self.viewer = None
            self.refresh()
            self.ctx.push(HandoverScene(self, s.actor_id or ""))

    def unlock(self, did: str) -> None:
        """The hand-over screen was passed: open this team's private view."""
        self.viewer = did
        self.message = ""
        self.notice = ""
        self.refused = None
        self.inbox_page = "requests"
        self.news_scroll.offset = 0
        self.refresh()

    # --- the team's moves ----------------------------------------------------------------
    def open_briefing(self) -> None:
        from game.ui.screens.conference.move_forms import BriefingScene

        if self.team_turn and self.viewer:
            self.ctx.push(BriefingScene(self, self.viewer))

    def open_proposal(self, counter_to: int | None = None) -> None:
        from game.ui.screens.conference.move_forms import ProposalScene

        if self.team_turn and self.viewer:
            self.ctx.push(ProposalScene(self, self.viewer, counter_to, self.rationale))

    def open_shift(self) -> None:
        from game.ui.screens.conference.move_forms import ShiftScene

        if self.team_turn and self.viewer:
            self.ctx.push(ShiftScene(self, self.viewer, self.rationale))

    def open_statement(self) -> None:
        from game.ui.screens.conference.move_forms import StatementScene

        if self.team_turn and self.viewer:
            self.ctx.push(StatementScene(self, self.viewer, self.rationale))

    def open_confirm(self, kind: str) -> None:
        from game.ui.screens.conference.move_forms import ConfirmScene

        if self.team_turn and self.viewer:
            self.ctx.push(ConfirmScene(self, self.viewer, kind, self.rationale))

    def open_refusal(self) -> None:
        """After a refusal, "Ask for a change" (or Y): a card asks which issue decided it and what the team wants there."""
        from game.ui.screens.conference.move_forms import RefuseScene

        if self.team_turn and self.viewer and self.refused is not None:
            self.ctx.push(RefuseScene(self, self.viewer, self.refused, self.rationale))

    def answer(self, pid: int, accept: bool) -> None:
        """Accept or Reject in the inbox (or A and R). After a refusal the notice line offers "Ask for a change"."""
        item = next((x for x in self.inbox.items if x.id == pid), None) if self.inbox is not None else None
        if self.respond(pid, accept) is None and not accept and item is not None and item.wants:
            self.refused = item
            self.layout()

    def respond(self, pid: int, accept: bool, want: tuple[str, str] | None = None, rationale: str | None = None) -> Refusal | None:
        """Answer proposal `pid`; a refusal may say what would change it (`want`: issue id, option id). The rules'
        refusal, if any, for the card that asked (the inbox shows it in the notice line)."""
        if not (self.team_turn and self.viewer):
            return None
        why = (self.rationale if rationale is None else rationale).strip()
        amended = self.refused if want is not None and self.refused is not None and self.refused.id == pid else None
        problem = self.act(A.Respond(self.viewer, pid, A.Answer.ACCEPT if accept else A.Answer.REJECT, rationale=why, want=want))
        if problem is None:
            self.refused = None  # said once, or another answer given (a team computer's `act` does not clear it)
            t = self.ctx.t
            done = t("You accepted No. {number}.", number=pid) if accept else t("You refused No. {number}.", number=pid)
            if amended is not None and want is not None:
                issue, option = want
                said = next(((w.title, label) for w in amended.wants if w.issue == issue for o, label in w.options if o == option), None)
                if said is not None:
                    done += " " + t("You asked for {option} on {issue}.", option=said[1], issue=said[0])
            self.notice = done + " " + t("Answering does not end your turn: now make your move.")
            self.rationale = ""
            self.refresh()
            self.focus.focus("propose")  # a second Enter must not answer the next proposal unseen
        return problem

    def grant(self, audience: int, grant: bool) -> None:
        """Grant or refuse a request for an audience from the inbox; like an answer, it does not end the turn."""
        if not (self.team_turn and self.viewer):
            return
        asker = self._asker(audience)
        if self.act(A.AnswerAudience(self.viewer, audience, grant, rationale=self.rationale.strip())) is None:
            t = self.ctx.t
            done = t("You received {who} for private talks.", who=asker) if grant else t("You refused {who} an audience.", who=asker)
            self.notice = done + " " + t("Answering does not end your turn: now make your move.")
            self.rationale = ""
            self.refresh()
            self.focus.focus("propose")

    def ask(self, host: str) -> Refusal | None:
        """Ask `host` for private talks (an audience); not a main move: the turn goes on, and the line above the moves says so."""
        if not (self.team_turn and self.viewer):
            return None
        problem = self.act(A.RequestAudience(self.viewer, host, rationale=self.rationale.strip()))
        if problem is None:
            number = self._request_number()
            self.notice = self.ctx.t(
                "You asked {who} for private talks (request No. {number}); it answers on its own turn. Asking does not end your turn.",
                who=self._name(host),
                number=number,
            )
            self.refresh()
        return problem

    def _asker(self, audience: int) -> str:
        """The name of who asked for audience No. `audience` (a seam: a team's own computer reads its inbox)."""
        s = self.session.state
        return self._name(s.cs.delegation_ids[s.audiences[audience - 1].asker]) if 1 <= audience <= len(s.audiences) else ""

    def _request_number(self) -> int:
        """The number of the request just made (a seam: on a team's computer it comes with the host's answer)."""
        return self.session.state.audiences[-1].id

    def open_audience(self) -> None:
        from game.ui.screens.conference.audience import AudienceScene

        if self.team_turn and self.viewer and not self.closing_round:
            self.ctx.push(AudienceScene(self, self.viewer))

    def _first_awaiting(self) -> int | None:
        view = self.view
        return next((p.id for p in view.pending if p.awaiting), None) if view else None

    def _set_rationale(self, text: str) -> None:
        self.rationale = text

    # --- layout ------------------------------------------------------------------------
    def layout(self) -> None:
        app, lay, t = self.ctx, self.ctx.layout, self.ctx.t
        self.view = view = self.conference_model()
        body = lay.body()
        team = self.team_turn
        if not team:
            self.refused = None  # what a refusal may still say ends with the team's turn
        if team and (self.message or self.notice or self.closing_round):  # the line above the buttons gets its own room, over nothing
            body.height -= self._notice_height() + lay.px(6)
        items = self.inbox_items() if team and self.viewer else ()
        asks = self.audience_requests() if team and self.viewer else ()
        self.inbox = Inbox(items, self.inbox_pos, self.inbox_scroll, asks, self.inbox_page) if items or asks else None
        if self.inbox is not None:
            self.inbox_pos = self.inbox.selected
        # large text: the board (what the class reads) gets the room the news column's few words a line cannot use
        big = lay.text_scale >= 1.5
        left, middle, right = lay.columns(body, ([11, 12, 7] if big else [11, 11, 8]) if self.inbox else ([9, 14, 7] if big else [9, 13, 8]))
        probe = pygame.Rect(left.x, left.y, left.width, 1000)
        chrome = probe.height - panel_inner(app, probe).height
        line = app.theme.text_font(lay, "small").get_linesize()
        need = table_height(app, view, panel_inner(app, probe).width) + chrome  # the seats' labels as they will be set
        # the proposals panel keeps two lines, or one when the table would not fit otherwise (large text on 720 lines)
        keep = lay.gap + chrome + (2 * line if need <= left.height - lay.gap - chrome - 2 * line else line)
        table_h = min(left.height - keep, max(round(left.height * 0.62), need))
        self._rects = {
            "table": pygame.Rect(left.x, left.y, left.width, table_h),
            "pending": pygame.Rect(left.x, left.y + table_h + lay.gap, left.width, left.height - table_h - lay.gap),
            "board": middle,
            "news": right,
        }
        if need > left.height - keep:  # not even that: the table takes the column (the news lists every proposal too)
            self._rects = {"table": left, "board": middle, "news": right}
        if self.inbox is not None:
            self._rects = {"inbox": left, "board": middle, "news": right}
        widgets: list[Widget] = []
        bh = lay.button_height()
        head = lay.header()
        mw = min(lay.px(180), head.width // 6)
        widgets.append(
            Button(
                "menu",
                pygame.Rect(head.right - lay.margin - mw, head.centery - bh // 2 - lay.px(2), mw, bh),
                t("Menu"),
                lambda: self._menu(),
                tooltip=t("Pause, save, load, settings (Esc)"),
            )
        )
        if TEACHER_PANEL is not None and not self.team_turn:  # a team's screen keeps the header for its clock; T still works
            widgets.append(
                Button(
                    "teacher",
                    pygame.Rect(head.right - lay.margin - 2 * mw - lay.gap, head.centery - bh // 2 - lay.px(2), mw, bh),
                    t("Teacher (T)"),
                    self._teacher,
                    style="quiet",
                    tooltip=t("The teacher's console (T)"),
                )
            )

        if self.inbox is not None:
            # untitled: the headline ("2 proposals await your answer") is the panel's title, and leaves room for the proposal
            widgets += self.inbox.layout(
                app,
                panel_inner(app, left, titled=False),
                rationale=self.rationale,
                on_rationale=self._set_rationale,
                answer=self.answer,
                counter=self.open_proposal,
                no_counter=self._closing_text() if self.closing_round else "",
                select=self._select_item,
                grant=self.grant,
                show=self._show_inbox_page,
            )
        else:
            self._layout_pending(widgets, team)
        self._layout_rest(widgets, team, view, middle, right)

    def _show_inbox_page(self, page: str) -> None:
        self.inbox_page = page
        self.refresh()
        self.focus.focus("grant" if page == "requests" else "accept")

    def _select_item(self, k: int) -> None:
        self.inbox_pos = k
        self.inbox_scroll.offset = 0
        self.refresh()

    def _layout_pending(self, widgets: list[Widget], team: bool) -> None:
        """The open proposals this viewer may see, under the table (none of them waits for this team's answer)."""
        app, lay = self.ctx, self.ctx.layout
        theme, view = app.theme, self.view
        assert view is not None
        self._pending_boxes, self._more = [], 0
        if "pending" not in self._rects:
            return
        inner = panel_inner(app, self._rects["pending"])
        items = sorted(view.pending, key=lambda p: (not p.awaiting, -p.id))
        note_h = theme.text_font(lay, "small").get_linesize()
        # first as if every proposal fits; when one does not, again with the "N more proposals" line kept free for all,
        # so no proposal is drawn over that line
        for reserve in (0, note_h):
            y = inner.y
            self._pending_boxes = []
            self._more = 0
            for p in items:
                lines = 3
                while lines > 0 and y + pending_height(app, p, inner.width, lines) > inner.bottom - note_h:
                    lines -= 1
                h = pending_height(app, p, inner.width, lines)
                if y + h > inner.bottom - reserve:
                    self._more += 1
                    continue
                self._pending_boxes.append((pygame.Rect(inner.x, y, inner.width, h), p.id, lines))
                y += h + lay.px(8)
            if not self._more:
                break

    def _layout_rest(self, widgets: list[Widget], team: bool, view: ConferenceView, middle: pygame.Rect, right: pygame.Rect) -> None:
        app, lay, t = self.ctx, self.ctx.layout, self.ctx.t
        bh = lay.button_height()
        # the issue board
        b_inner = panel_inner(app, middle)
        b_rect = b_inner.inflate(-lay.px(10), 0).move(-lay.px(5), 0)
        rows = [(g.top, g.height) for g in board_geometry(app, b_rect.width, view.issues)]
        widgets.append(
            BoardArea(
                "board",
                b_rect,
                self.board_scroll,
                board_height(app, b_rect.width, view.issues),
                self._paint_board,
                line=theme_line(app),
                rows=rows,
                issues=view.issues,
                app=app,
                tooltip=t("Arrow keys move over the options; each shows its full text"),
            )
        )
        # the news
        n_inner = panel_inner(app, right)
        n_rect = n_inner.inflate(-lay.px(10), 0).move(-lay.px(5), 0)
        self.digest = self.digest_lines() if team and self.viewer else ()
        total = sum(news_heights(app, view.news, n_rect.width))
        total += digest_height(app, t("Since your last turn"), self.digest, n_rect.width)
        widgets.append(
            ScrollArea(
                "news", n_rect, self.news_scroll, total, self._paint_news, line=lay.px(40), tooltip=t("Up and Down, Page Up and Page Down to read on")
            )
        )

        # the footer: a team's moves, each with its key
        if team:
            foot = lay.footer()
            entries = [
                ("briefing", t("Briefing (B)"), self.open_briefing, t("Your private papers: aims, red lines, secrets (B)")),
                ("propose", t("Propose (P)"), self.open_proposal, t("Put a package to the conference or in private talks (P)")),
                ("shift", t("Position (S)"), self.open_shift, t("Change your public position on an issue (S)")),
                ("statement", t("Statement (M)"), self.open_statement, t("Say something to the conference (M)")),
                ("talks", t("Talks (K)"), self.open_audience, t("Ask another delegation to hear you in private (K)")),
                ("walkout", t("Walk out (W)"), lambda: self.open_confirm("walkout"), t("Leave the conference for good (W)")),
                ("pass", t("Pass (N)"), lambda: self.open_confirm("pass"), t("Make no move this sitting (N)")),
            ]
            row = pygame.Rect(lay.margin, foot.centery - bh // 2 + lay.px(1), foot.width - 2 * lay.margin, bh)
            closing = self.closing_round
            row_buttons = [
                Button(
                    k,
                    rect,
                    label,
                    fn,
                    style="primary" if k == ("pass" if closing else "propose") else "normal",
                    enabled=not closing or k in CLOSING_KEYS,
                    tooltip=tip if not closing or k in CLOSING_KEYS else self._closing_text(),
                )
                for (k, label, fn, tip), rect in zip(entries, button_columns(app, row, [e[1] for e in entries], lay.px(10)), strict=True)
            ]
            match_buttons(app, row_buttons)
            widgets.extend(row_buttons)
            label = self._ask_label()
            if label is not None and self.notice:  # after a refusal: say what would change it, in the notice line
                h = self._notice_height() - lay.px(12)
                w = button_width(app, label, self._ask_height())
                ask = pygame.Rect(lay.width - lay.margin - w, foot.y - h - lay.px(6) + (h - self._ask_height()) // 2, w, self._ask_height())
                refused = self.refused
                tip = t("Say which issue decided your refusal of No. {number} and what you want there (Y)", number=refused.id if refused else 0)
                widgets.append(Button("ask_change", ask, label, self.open_refusal, tooltip=tip))
        self.focus.set(widgets, auto=self.team_turn)  # no focus ring on Menu while the AI moves
        if team and self.focus.focus_key in (None, "menu", "board", "news"):
            self.focus.focus_key = "pass" if self.closing_round else "propose"

    def _teacher(self) -> None:
        panel = TEACHER_PANEL(self) if TEACHER_PANEL is not None else None
        if panel is not None:
            self.open_overlay(panel)

    def _menu(self) -> None:
        from game.ui.screens.menu.pause import PauseScene

        self.ctx.push(PauseScene())

    # --- input -----------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool | None:
        if self.animating or (self.ended and not self.animating):
            if (event.type == pygame.KEYDOWN and event.key in SKIP_KEYS) or (event.type == pygame.MOUSEBUTTONUP and event.button == 1):
                self.skip()
                self.end_timer = max(self.end_timer, 2 * self.delay)
                return True
        focused = self.focus.focused
        typing = isinstance(focused, TextField) and event.type in (pygame.KEYDOWN, pygame.TEXTINPUT)
        if typing and event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.focus.focus("propose")
            return True
        if typing and self.focus.handle_event(event, self.ctx):
            return True
        if event.type == pygame.KEYDOWN and not typing and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            if event.key == pygame.K_t and TEACHER_PANEL is not None:
                self._teacher()
                return True
            if self.team_turn:
                first = self.inbox.current.id if self.inbox is not None and self.inbox.current is not None else None
                keys: dict[int, Callable[[], None]] = {
                    pygame.K_b: self.open_briefing,
                    pygame.K_p: self.open_proposal,
                    pygame.K_s: self.open_shift,
                    pygame.K_m: self.open_statement,
                    pygame.K_k: self.open_audience,
                    pygame.K_w: lambda: self.open_confirm("walkout"),
                    pygame.K_n: lambda: self.open_confirm("pass"),
                }
                if self.closing_round:  # only answering or passing: the other keys would open a move the rules refuse
                    keys = {pygame.K_b: self.open_briefing, pygame.K_n: keys[pygame.K_n]}
                asks = self.inbox.requests if self.inbox is not None else ()
                if asks:  # the request shown first in the inbox (its box names these keys)
                    keys[pygame.K_g] = lambda: self.grant(asks[0].id, True)
                    keys[pygame.K_f] = lambda: self.grant(asks[0].id, False)
                if first is not None:
                    keys[pygame.K_a] = lambda: self.answer(first, True)
                    keys[pygame.K_r] = lambda: self.answer(first, False)
                    if not self.closing_round:
                        keys[pygame.K_c] = lambda: self.open_proposal(first)
                if self.refused is not None:
                    keys[pygame.K_y] = self.open_refusal
                if event.key in keys:
                    keys[event.key]()
                    return True
        return self.focus.handle_event(event, self.ctx)

    # --- drawing -----------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        app, t = self.ctx, self.ctx.t
        theme, lay = app.theme, app.layout
        view = self.view
        assert view is not None
        draw_backdrop(surface, app)
        sub = t("Sitting {number} of {total}", number=view.sitting, total=view.sittings) + "  ·  " + view.date
        turn = self._turn_text(view)
        buttons = [w.rect for w in self.focus.widgets if w.key in ("menu", "teacher")]
        reserve = (lay.width - lay.margin - min(r.x for r in buttons) + lay.gap) if buttons else 0
        draw_header(surface, app, view.title, sub + ("  ·  " + turn if turn else ""), reserve=reserve)
        dels = self.delegations()
        if self.inbox is not None:
            draw_panel(surface, app, self._rects["inbox"])
            self.inbox.draw(surface, app)
            self._draw_rest(surface)
            return
        inner = draw_panel(surface, app, self._rects["table"], t("The table"))
        draw_table(surface, app, inner, view, dels, self.pulse)
        if "pending" not in self._rects:
            self._draw_rest(surface)
            return
        p_inner = draw_panel(surface, app, self._rects["pending"], t("Proposals"))
        for rect, pid, lines in self._pending_boxes:
            p = next(x for x in view.pending if x.id == pid)
            draw_pending(surface, app, rect, p, lines)
        small = theme.text_font(lay, "small")
        if not view.pending:
            draw_line(
                surface,
                small,
                t("No open proposals."),
                theme.c("ink_soft"),
                pygame.Rect(p_inner.x, p_inner.bottom - small.get_linesize(), p_inner.width, small.get_linesize()),
            )
        elif self._more:
            draw_line(
                surface,
                small,
                app.tr.tn("{n} more proposal: see the news", "{n} more proposals: see the news", self._more)
                if self._pending_boxes
                else app.tr.tn("{n} open proposal: see the news", "{n} open proposals: see the news", self._more),  # none fits: not "more"
                theme.c("ink_soft"),
                pygame.Rect(p_inner.x, p_inner.bottom - small.get_linesize(), p_inner.width, small.get_linesize()),
            )
        self._draw_rest(surface)

    def _draw_rest(self, surface: pygame.Surface) -> None:
        app, t = self.ctx, self.ctx.t
        draw_panel(surface, app, self._rects["board"], t("Public positions"))
        draw_panel(surface, app, self._rects["news"], t("News"))
        self._draw_footer(surface)
        self.focus.draw(surface, app)

    def _name(self, did: str) -> str:
        from game.views.conference import delegation_name

        return delegation_name(self.session, did, self.ctx.tr.lang)

    def _turn_text(self, view: ConferenceView) -> str:
        t = self.ctx.t
        if view.ended:
            return t("The conference is over")
        if not view.actor:
            return ""
        if self.viewer is not None and self.viewer == view.actor and not self.paused:
            return t("Private view of {name}: your move", name=view.actor_name)
        who = t("team") if view.actor_is_team else t("AI")
        return t("To move: {name} ({who})", name=view.actor_name, who=who)

    def _notice_text(self) -> str:
        if self.message:
            return self.ctx.t("Not allowed: {reason}", reason=self.message)
        if self.closing_round:  # said in words on the screen, not only in the disabled buttons' tooltips
            return " ".join(x for x in (self.notice, self._closing_text()) if x)
        return self.notice

    def _ask_label(self) -> str | None:
        """The notice line's button after a refusal that may still say what would change it (None: no button)."""
        if self.refused is None or self.message or not self.team_turn:
            return None
        return self.ctx.t("Ask for a change (Y)")

    def _notice_width(self) -> int:
        """The notice's text width: the band less the button beside it, if any."""
        lay = self.ctx.layout
        width = lay.width - 2 * lay.margin
        label = self._ask_label()
        if label is not None:
            width -= button_width(self.ctx, label, self._ask_height()) + lay.px(12)
        return max(lay.px(120), width)

    def _ask_height(self) -> int:
        """The notice line's button fills its framed box (the text line and the frame's margin): the band keeps the
        height it has without the button, so nothing above it moves when the button comes."""
        lay = self.ctx.layout
        return self.ctx.theme.text_font(lay, "small", "bold").get_linesize() + lay.px(6)

    def _notice_height(self) -> int:
        lay = self.ctx.layout
        font = self.ctx.theme.text_font(lay, "small", "bold")
        return len(wrap(font, self._notice_text(), self._notice_width())) * font.get_linesize() + lay.px(12)

    def _draw_footer(self, surface: pygame.Surface) -> None:
        app, t = self.ctx, self.ctx.t
        theme, lay = app.theme, app.layout
        if self.team_turn:
            band = draw_footer(surface, app)
            if self.message or self.notice or self.closing_round:  # a refusal (why, in the rules' words), what an answer did, or the closing round
                font = theme.text_font(lay, "small", "bold")
                lines = wrap(font, self._notice_text(), self._notice_width())
                h = self._notice_height() - lay.px(12)
                r = pygame.Rect(lay.margin, band.y - h - lay.px(6), band.width - 2 * lay.margin, h)
                pygame.draw.rect(surface, theme.c("panel_bg"), r.inflate(lay.px(12), lay.px(6)), border_radius=lay.px(4))
                pygame.draw.rect(
                    surface, theme.c("danger" if self.message else "ok"), r.inflate(lay.px(12), lay.px(6)), max(1, lay.px(2)), border_radius=lay.px(4)
                )
                for k, line in enumerate(lines):
                    draw_line(
                        surface,
                        font,
                        line,
                        theme.c("danger" if self.message else "ink"),
                        pygame.Rect(r.x, r.y + k * font.get_linesize(), r.width, font.get_linesize()),
                    )
            return
        if self.animating:
            hint = t("Space, Enter or a click: skip the announcements") + "   ·   " + t("Esc: menu")
        elif self.ended:
            hint = t("The conference is over. Space: the outcome")
        else:
            hint = t("Esc: menu")
        if self.message:
            hint = self.message + "   ·   " + hint
        draw_footer(surface, app, hint, until=lay.width - lay.margin)

    def _paint_board(self, surface: pygame.Surface, rect: pygame.Rect, offset: int) -> None:
        assert self.view is not None
        dels = self.delegations()
        paint_board(surface, self.ctx, rect, offset, self.view.issues, dels)

    def _paint_news(self, surface: pygame.Surface, rect: pygame.Rect, offset: int) -> None:
        assert self.view is not None
        paint_news(surface, self.ctx, rect, offset, self.view.news, self.fresh, self.digest)
