"""The conference over the classroom network, in the window: a team's computer and the host's projector.

Both draw a `View` the host built (game/net/views.py) with the same pieces as
the one-computer conference screen: the table, the issue board, the news, the
proposals. A team's computer shows only its own seat's view, so there is no
hand-over screen; between its turns it can read, open its briefing, draft a
proposal, a position or a statement, and watch the clock; the buttons that
send stay locked until its turn. The projector shows the public view, the
room code and address, and who holds which seat; the teacher's keys there
pause the game, pass a team's turn, free a seat or give it to the AI.
"""

from __future__ import annotations

import concurrent.futures
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

import pygame

from game.net import protocol as P
from game.scenario.models import Delegation, Emblem
from game.ui.kit.card import CardScene
from game.ui.kit.chrome import draw_backdrop, draw_footer, draw_header, draw_panel, panel_inner
from game.ui.kit.focus import FocusGroup
from game.ui.kit.registry import FRAME
from game.ui.kit.scene import Scene
from game.ui.kit.scroll import ScrollArea, ScrollState
from game.ui.kit.text import draw_line, draw_wrapped, wrap
from game.ui.kit.widgets import Button, Choice, Label, TextField, Widget
from game.ui.screens.conference.board import BoardArea, BoardState
from game.ui.screens.conference.draw import (
    board_geometry,
    board_height,
    draw_pending,
    draw_table,
    news_item_height,
    paint_board,
    paint_news,
    pending_height,
)
from game.ui.screens.conference.move_forms import OptionRow
from game.ui.screens.conference.screen import theme_line
from game.views.conference import PendingView
from game.views.move import OptionCell


def delegations_of(public: tuple[P.PublicDelegation, ...]) -> dict[str, Delegation]:
    """Seat drawings from what the host may share: names, colours and emblems, nothing else."""
    out = {}
    for d in public:
        emblem = Emblem(d.emblem) if d.emblem in Emblem._value2member_map_ else Emblem.PLAIN
        out[d.id] = Delegation(id=d.id, name=d.name, colour=d.colour, colour2=d.colour2, emblem=emblem)
    return out


def item_tag(t: Callable[..., str], p: PendingView) -> str:
    """How an inbox proposal is named in the list of what is shown: its number, proposer and instrument."""
    return t("No. {number}: {who} proposes {instrument}", number=p.id, who=p.proposer, instrument=p.instrument)


def clock_text(clock: P.Clock, since: float) -> str:
    if clock.remaining is None:
        return ""
    left = clock.remaining if clock.paused else max(0.0, clock.remaining - (time.monotonic() - since))
    return f"{int(left) // 60}:{int(left) % 60:02d}"


@dataclass
class Drafts:
    """A team's unsent drafts: kept while forms close, turns pass and the connection drops."""

    instrument: int = 0
    choice: dict[str, int] = field(default_factory=dict)  # issue -> option index
    private: int = 0  # 0: plenary, 1: private talks with the other parties
    issue: int = 0
    option: int = 0
    statement: str = ""
    rationale: str = ""


class Source:
    """What a networked screen draws from; the team's link and the host's projector each provide one."""

    team = False

    def view(self) -> P.View | None:
        raise NotImplementedError

    def delegations(self) -> dict[str, Delegation]:
        raise NotImplementedError

    def status(self, t: Callable[..., str]) -> str:
        """A line about the connection or the room ("" when there is nothing to say)."""
        return ""

    def send(self, move: P.Move) -> None:
        """Send a move; the answer shows up later in `notice`."""

    def poll(self, t: Callable[..., str]) -> None:
        """Called every frame on the window's thread."""

    notice = ""
    notice_bad = False

    @property
    def moved_at(self) -> int:
        """The game's revision after this computer's last move: an older view cannot show it yet."""
        return 0


class TeamSource(Source):
    """A team's computer: its Client on the network thread."""

    team = True

    def __init__(self, client: object, loop: object) -> None:
        from game.net.client import Client
        from game.net.link import Loop

        assert isinstance(client, Client) and isinstance(loop, Loop)
        self.client, self.loop = client, loop
        self._pending: concurrent.futures.Future[P.Done | P.Refused] | None = None
        self._dels: dict[str, Delegation] = {}
        self._dels_from: object = None
        self.lost = False  # the last move's answer never came (the connection dropped)

    def view(self) -> P.View | None:
        return self.client.view

    def delegations(self) -> dict[str, Delegation]:
        public = self.client.delegations
        if public is not self._dels_from:
            self._dels, self._dels_from = delegations_of(public), public
        return self._dels

    def status(self, t: Callable[..., str]) -> str:
        if self.client.seat is None:
            return t("This computer no longer holds a seat: ask the teacher.")
        if not self.client.connected:
            return t("Connection lost: reconnecting to the host...")
        return ""

    def send(self, move: P.Move) -> None:
        if self._pending is None or self._pending.done():
            self._pending = self.loop.submit(self.client.act(move))

    @property
    def moved_at(self) -> int:
        return self.client.last_done

    @property
    def busy(self) -> bool:
        return self._pending is not None and not self._pending.done()

    def poll(self, t: Callable[..., str]) -> None:
        fut = self._pending
        if fut is None or not fut.done():
            return
        self._pending = None
        try:
            answer = fut.result()
        except Exception:  # a dropped connection: whether the move counted shows in the next view
            self.notice, self.notice_bad = t("Connection lost before the host answered; check the news."), True
            self.lost = True
            return
        self.lost = False
        if isinstance(answer, P.Done):
            self.notice, self.notice_bad = answer.text, False
        else:
            self.notice, self.notice_bad = t("Not allowed: {reason}", reason=answer.text), True


class RemoteTable(Scene):
    """The conference from a `Source`: a team's own view, or the projector's public one."""

    name = "network"

    def __init__(self, source: Source, on_teacher: Callable[[RemoteTable], Scene | None] | None = None) -> None:
        super().__init__()
        self.source = source
        self.on_teacher = on_teacher
        self.focus = FocusGroup()
        self.news_scroll = ScrollState()
        self.board_scroll = BoardState()
        self.drafts = Drafts()
        self.shown: P.View | None = None
        self.view_since = time.monotonic()
        self._rects: dict[str, pygame.Rect] = {}
        self._boxes: list[tuple[pygame.Rect, P.View, int, int]] = []
        self._values: list[tuple[pygame.Rect, str]] = []
        self._items: list[tuple[pygame.Rect, str]] = []  # an inbox proposal and its buttons, for the list of what is shown
        self._waiting_line: pygame.Rect | None = None
        self._more = 0  # proposals that did not fit in the panel
        self._ended_shot = False

    # --- the network's side ---------------------------------------------------------------------------------
    @property
    def my_turn(self) -> bool:
        v = self.shown
        return bool(
            self.source.team
            and v is not None
            and v.your_turn
            and not v.clock.paused
            and v.revision >= self.source.moved_at
            and not getattr(self.source, "busy", False)
        )

    def update(self, dt: float) -> None:
        self.focus.update(dt)
        self.source.poll(self.ctx.t)
        view = self.source.view()
        if view is not None and view is not self.shown:
            turn_began = view.your_turn and not (self.shown is not None and self.shown.your_turn)
            self.shown = view
            self.view_since = time.monotonic()
            self.layout()
            if turn_began:
                self.ctx.capture(f"turn_{view.revision:04d}")
            if view.conference.ended and not self._ended_shot:
                self._ended_shot = True
                self.ctx.capture("outcome")

    def send(self, move: P.Move) -> None:
        self.source.send(move)
        self.drafts.rationale = ""

    # --- layout ------------------------------------------------------------------------------------------------
    def layout(self) -> None:
        app, lay, t = self.ctx, self.ctx.layout, self.ctx.t
        view = self.shown or self.source.view()
        self.shown = view
        widgets: list[Widget] = []
        bh = lay.button_height()
        if view is None:
            self.focus.set(widgets)
            return
        body = lay.body()
        left, middle, right = lay.columns(body, [9, 13, 8])
        table_h = round(left.height * (0.4 if self.source.team else 0.62))  # a team needs its inbox more than the table
        self._rects = {
            "table": pygame.Rect(left.x, left.y, left.width, table_h),
            "pending": pygame.Rect(left.x, left.y + table_h + lay.gap, left.width, left.height - table_h - lay.gap),
            "board": middle,
            "news": right,
        }
        inner = panel_inner(app, self._rects["pending"])
        y = inner.y
        self._boxes, self._values, self._items = [], [], []
        self._more = 0
        forms = view.forms
        worth = {a.proposal: a for a in (forms.awaiting if forms else ())}
        small = app.theme.text_font(lay, "small")
        small_bh = round(bh * 0.85)
        self._waiting_line = None
        if forms and forms.awaiting:  # how many wait, in words, above the inbox
            self._waiting_line = pygame.Rect(inner.x, y, inner.width, small.get_linesize())
            y += small.get_linesize() + lay.px(4)
        for p in sorted(view.conference.pending, key=lambda p: (not p.awaiting, -p.id)):
            answer = self.source.team and p.awaiting
            extra = (small_bh + small.get_linesize() + lay.px(8)) if answer else 0
            lines = 3
            while lines > 1 and y + pending_height(app, p, inner.width, lines) + extra > inner.bottom:
                lines -= 1
            h = pending_height(app, p, inner.width, lines)
            if y + h + extra > inner.bottom:
                self._more += 1
                continue
            self._boxes.append((pygame.Rect(inner.x, y, inner.width, h), view, p.id, lines))
            y += h
            if answer:
                a = worth.get(p.id)
                if a is not None and a.value is not None:
                    text = t(
                        "Worth {value} to you; no agreement: {alternative}",
                        value=f"{a.value:.0f}",
                        alternative="-" if a.alternative is None else f"{a.alternative:.0f}",
                    )
                    self._values.append((pygame.Rect(inner.x, y, inner.width, small.get_linesize()), text))
                y += small.get_linesize() + lay.px(2)
                cols = lay.columns(pygame.Rect(inner.x, y, inner.width, small_bh), [1, 1], lay.px(8))
                ok = self.my_turn
                tip = None if ok else t("You can answer on your turn")
                tag = item_tag(t, p)
                for b in (
                    Button(f"accept:{p.id}", cols[0], t("Accept (A)"), partial(self._answer, p.id, True), enabled=ok, tooltip=tip),
                    Button(f"reject:{p.id}", cols[1], t("Reject (R)"), partial(self._answer, p.id, False), enabled=ok, tooltip=tip),
                ):
                    b.item = tag  # `click "Accept" in "No. 3"` finds the button of that proposal, never another's
                    widgets.append(b)
                self._items.append((pygame.Rect(inner.x, self._boxes[-1][0].y, inner.width, y + small_bh - self._boxes[-1][0].y), tag))
                y += small_bh + lay.px(6)
            y += lay.px(8)
        b_inner = panel_inner(app, middle)
        b_rect = b_inner.inflate(-lay.px(10), 0).move(-lay.px(5), 0)
        issues = view.conference.issues
        rows = [(g.top, g.height) for g in board_geometry(app, b_rect.width, issues)]
        widgets.append(
            BoardArea(
                "board",
                b_rect,
                self.board_scroll,
                board_height(app, b_rect.width, issues),
                self._paint_board,
                line=theme_line(app),
                rows=rows,
                issues=issues,
                app=app,
                tooltip=t("Arrow keys move over the options; each shows its full text"),
            )
        )
        n_inner = panel_inner(app, right)
        n_rect = n_inner.inflate(-lay.px(10), 0).move(-lay.px(5), 0)
        total = sum(news_item_height(app, line, n_rect.width) for line in view.conference.news)
        widgets.append(
            ScrollArea(
                "news", n_rect, self.news_scroll, total, self._paint_news, line=lay.px(40), tooltip=t("Up and Down, Page Up and Page Down to read on")
            )
        )
        foot = lay.footer()
        row = pygame.Rect(lay.margin, foot.centery - bh // 2 + lay.px(1), foot.width - 2 * lay.margin, bh)
        if self.source.team and not view.conference.ended:
            turn = self.my_turn
            entries = [
                ("briefing", t("Briefing (B)"), self.open_briefing, True),
                ("propose", t("Propose (P)"), lambda: self.ctx.push(ProposalCard(self)), bool(forms and forms.instruments)),
                ("shift", t("Position (S)"), lambda: self.ctx.push(PositionCard(self)), bool(forms)),
                ("statement", t("Statement (M)"), lambda: self.ctx.push(StatementCard(self)), True),
                ("walkout", t("Walk out (W)"), lambda: self.ctx.push(WalkoutCard(self)), turn),
                ("pass", t("Pass (N)"), self._pass, turn),
            ]
            for (k, label, fn, on), rect in zip(entries, lay.columns(row, [1] * len(entries), lay.px(10)), strict=True):
                widgets.append(Button(k, rect, label, fn, style="primary" if k == "propose" else "normal", enabled=on))
        elif self.on_teacher is not None:
            w = min(lay.px(260), row.width // 4)
            widgets.append(
                Button(
                    "teacher",
                    pygame.Rect(row.right - w, row.y, w, bh),
                    t("Teacher (T)"),
                    self._teacher,
                    style="quiet",
                    tooltip=t("The teacher's console (T)"),
                )
            )
        self.focus.set(widgets)

    def _answer(self, pid: int, accept: bool) -> None:
        seat = self.shown.seat if self.shown else None
        if seat and self.my_turn:
            self.send(
                P.RespondMove(
                    kind="respond", actor=seat, proposal=pid, answer="accept" if accept else "reject", rationale=self.drafts.rationale.strip()
                )
            )

    def _pass(self) -> None:
        seat = self.shown.seat if self.shown else None
        if seat and self.my_turn:
            self.send(P.PassMove(kind="pass", actor=seat, rationale=self.drafts.rationale.strip()))

    def open_briefing(self) -> None:
        if self.shown is not None and self.shown.briefing is not None:
            self.ctx.push(BriefingCard(self.shown.briefing))

    def _teacher(self) -> None:
        panel = self.on_teacher(self) if self.on_teacher is not None else None
        if panel is not None:
            self.ctx.push(panel)

    def handle_event(self, event: pygame.event.Event) -> bool | None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.ctx.push(NetMenuCard())  # no save, load or new game here: the game lives on the host
            return True
        focused = self.focus.focused
        typing = isinstance(focused, TextField) and event.type in (pygame.KEYDOWN, pygame.TEXTINPUT)
        if not typing and event.type == pygame.KEYDOWN and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            keys: dict[int, str] = {
                pygame.K_b: "briefing",
                pygame.K_p: "propose",
                pygame.K_s: "shift",
                pygame.K_m: "statement",
                pygame.K_w: "walkout",
                pygame.K_n: "pass",
                pygame.K_t: "teacher",
            }
            if event.key in (pygame.K_a, pygame.K_r) and isinstance(focused, Button) and ":" in focused.key:
                pid = int(focused.key.split(":")[1])  # A and R answer the proposal whose button has the focus, never a hidden one
                self._answer(pid, event.key == pygame.K_a)
                return True
            target = self.focus_widget(keys.get(event.key, ""))
            if isinstance(target, Button) and target.enabled:
                target.on_click()
                return True
        return self.focus.handle_event(event, self.ctx)

    def focus_widget(self, key: str) -> Widget | None:
        return next((w for w in self.focus.widgets if w.key == key), None)

    # --- drawing -----------------------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        app, t = self.ctx, self.ctx.t
        theme, lay = app.theme, app.layout
        draw_backdrop(surface, app)
        view = self.shown
        if view is None:
            draw_header(surface, app, t("Waiting for the host..."))
            draw_footer(surface, app, self.source.status(t))
            return
        c = view.conference
        sub = t("Sitting {number} of {total}", number=c.sitting, total=c.sittings) + "  ·  " + c.date
        if c.ended:
            turn = t("The conference is over") + (f": {view.outcome}" if view.outcome else "")
        elif view.your_turn:
            turn = t("Your move")
        elif c.actor:
            turn = t("To move: {name} ({who})", name=c.actor_name, who=t("team") if c.actor_is_team else t("AI"))
        else:
            turn = ""
        clock = clock_text(view.clock, self.view_since)
        right = (t("Paused") if view.clock.paused else "") or (t("Time left: {clock}", clock=clock) if clock else "")
        title = c.title if view.briefing is None else f"{view.briefing.name} · {c.title}"
        draw_header(surface, app, title, sub + ("  ·  " + turn if turn else ""), right)
        dels = self.source.delegations()
        inner = draw_panel(surface, app, self._rects["table"], t("The table"))
        if all(s.id in dels for s in c.seats):
            draw_table(surface, app, inner, c, dels, 0.0)
        p_inner = draw_panel(surface, app, self._rects["pending"], t("Proposals"))
        if self._waiting_line is not None and view.forms is not None:
            n = len(view.forms.awaiting)
            draw_line(
                surface,
                theme.text_font(lay, "small", "bold"),
                app.tr.tn("{n} proposal awaits your answer", "{n} proposals await your answer", n),
                theme.c("danger"),
                self._waiting_line,
            )
        for rect, _, pid, lines in self._boxes:
            p = next((x for x in c.pending if x.id == pid), None)
            if p is not None:
                draw_pending(surface, app, rect, p, lines)
        small = theme.text_font(lay, "small")
        for rect, text in self._values:
            draw_line(surface, small, text, theme.c("ink_soft"), rect)
        for rect, tag in self._items:
            FRAME.add(surface, tag, "item", rect)
        if not c.pending:
            draw_line(
                surface, small, t("No open proposals."), theme.c("ink_soft"), pygame.Rect(p_inner.x, p_inner.y, p_inner.width, small.get_linesize())
            )
        elif self._more:
            draw_line(
                surface,
                small,
                app.tr.tn("{n} more proposal: see the news", "{n} more proposals: see the news", self._more),
                theme.c("ink_soft"),
                pygame.Rect(p_inner.x, p_inner.bottom - small.get_linesize(), p_inner.width, small.get_linesize()),
            )
        draw_panel(surface, app, self._rects["board"], t("Public positions"))
        draw_panel(surface, app, self._rects["news"], t("News"))
        band = draw_footer(surface, app, "" if self.source.team and not c.ended else self._footer_text(view), until=lay.width - lay.margin)
        line = self.source.status(t) or self.source.notice
        if line:
            bad = bool(self.source.status(t)) or self.source.notice_bad
            font = theme.text_font(lay, "small", "bold")
            r = pygame.Rect(lay.margin, band.y - font.get_linesize() - lay.px(4), band.width - 2 * lay.margin, font.get_linesize())
            pygame.draw.rect(surface, theme.c("panel_bg"), r.inflate(lay.px(8), lay.px(2)))
            draw_line(surface, font, line, theme.c("danger" if bad else "ink"), r)
        self.focus.draw(surface, app)

    def _footer_text(self, view: P.View) -> str:
        t = self.ctx.t
        seats = "  ·  ".join(
            f"{s.name}: " + (t("at its computer") if s.connected else t("computer away") if s.taken else t("free seat")) for s in view.seats
        )
        return seats

    def _paint_board(self, surface: pygame.Surface, rect: pygame.Rect, offset: int) -> None:
        if self.shown is not None:
            paint_board(surface, self.ctx, rect, offset, self.shown.conference.issues, self.source.delegations())

    def _paint_news(self, surface: pygame.Surface, rect: pygame.Rect, offset: int) -> None:
        if self.shown is not None:
            paint_news(surface, self.ctx, rect, offset, self.shown.conference.news, 0.0)


# --- a team's forms: drafts can be written at any time, sent on the team's turn ------------------------------------------


class _FormCard(CardScene):
    def title(self) -> str:
        raise NotImplementedError

    def __init__(self, table: RemoteTable) -> None:
        super().__init__()
        self.table = table

    @property
    def view(self) -> P.View | None:
        return self.table.shown

    def update(self, dt: float) -> None:
        super().update(dt)
        self.table.update(dt)  # the game goes on while a draft is written
        if self.view is None or self.view.conference.ended:
            self.ctx.pop()

    def send_row(self, inner: pygame.Rect, widgets: list[Widget], on_send: Callable[[], None], problem: str = "") -> pygame.Rect:
        lay, t = self.ctx.layout, self.ctx.t
        bh = lay.button_height()
        row = pygame.Rect(inner.x, inner.bottom - bh, inner.width, bh)
        send, close = lay.columns(row, [2, 1], lay.px(10))
        ok = self.table.my_turn and not problem
        label = t("Send") if self.table.my_turn else t("Send (on your turn)")
        widgets.append(Button("send", send, label, lambda: self._send(on_send), style="primary", enabled=ok, tooltip=problem or None))
        widgets.append(Button("close", close, t("Close"), self.ctx.pop))
        return row

    def _send(self, on_send: Callable[[], None]) -> None:
        on_send()
        self.ctx.pop()

    def why_field(self, rect: pygame.Rect, widgets: list[Widget]) -> None:
        t = self.ctx.t
        widgets.append(
            TextField(
                "why",
                rect,
                self.table.drafts.rationale,
                self._why,
                max_len=200,
                placeholder=t("Why? One line for the record (optional)"),
                tooltip=t("Your reason, kept in the session record"),
            )
        )

    def _why(self, text: str) -> None:
        self.table.drafts.rationale = text

    def draw(self, surface: pygame.Surface) -> None:
        self.shaded_card(surface, self.title())
        self.focus.draw(surface, self.ctx)


class ProposalCard(_FormCard):
    def title(self) -> str:
        return self.ctx.t("Propose")

    def layout(self) -> None:
        lay, t = self.ctx.layout, self.ctx.t
        view = self.view
        widgets: list[Widget] = []
        self.card = lay.rect.inflate(-2 * lay.margin, -2 * lay.margin)  # the whole window: eight issues must fit at 720 lines
        inner = panel_inner(self.ctx, self.card)
        if view is None or view.forms is None or not view.forms.instruments:
            self.focus.set(widgets)
            return
        forms, d = view.forms, self.table.drafts
        d.instrument %= len(forms.instruments)
        inst = forms.instruments[d.instrument]
        bh = lay.button_height()
        y = inner.y
        widgets.append(
            Choice(
                "instrument",
                pygame.Rect(inner.x, y, inner.width, bh),
                [k.name for k in forms.instruments],
                d.instrument,
                self._instrument,
                tooltip=t("Which agreement this package is for"),
            )
        )
        y += bh + lay.gap
        issues = {i.id: i for i in forms.issues}
        markers = {row.id: row for row in view.conference.issues}
        fixed = 3 * (bh + lay.gap) + bh  # the instrument, addressees, reason and send rows
        row_h = max(bh, min(round(bh * 1.6), (inner.height - fixed) // max(1, len(inst.scope)) - lay.px(6)))
        for iid in inst.scope:
            issue = issues[iid]
            stated = {k: tuple(m.code for m in markers[iid].markers if m.option == k) if iid in markers else () for k in range(len(issue.options))}
            cells = [OptionCell(o.label, o.value, stated[k], o.allowed) for k, o in enumerate(issue.options)]
            pick = d.choice.get(iid)
            if pick is None or not issue.options[pick].allowed:
                allowed = [k for k, o in enumerate(issue.options) if o.allowed] or [0]
                pick = max(allowed, key=lambda k: -1.0 if issue.options[k].value is None else float(issue.options[k].value or 0))
                d.choice[iid] = pick
            widgets.append(
                OptionRow(f"issue:{iid}", pygame.Rect(inner.x, y, inner.width, row_h), issue.title, cells, pick, partial(self._option, iid))
            )
            y += row_h + lay.px(6)
        others = [p for p in inst.parties if p != view.seat]
        names = {p.id: p.name for p in forms.partners}
        where = [t("In plenary (everyone)"), t("Private talks with: {names}", names=", ".join(names.get(x, x) for x in others))]
        widgets.append(Choice("where", pygame.Rect(inner.x, y, inner.width, bh), where, d.private, self._where))
        y += bh + lay.gap
        self.why_field(pygame.Rect(inner.x, y, inner.width, bh), widgets)
        self.send_row(inner, widgets, self._propose)
        self.focus.set(widgets)

    def _instrument(self, k: int) -> None:
        self.table.drafts.instrument = k
        self.layout()

    def _option(self, iid: str, k: int) -> None:
        self.table.drafts.choice[iid] = k
        self.layout()

    def _where(self, k: int) -> None:
        self.table.drafts.private = k

    def _propose(self) -> None:
        view = self.view
        if view is None or view.forms is None or view.seat is None:
            return
        d = self.table.drafts
        inst = view.forms.instruments[d.instrument]
        issues = {i.id: i for i in view.forms.issues}
        package = tuple((iid, issues[iid].options[d.choice[iid]].id) for iid in inst.scope)
        to = tuple(p for p in inst.parties if p != view.seat) if d.private else ()
        self.table.send(P.ProposeMove(kind="propose", actor=view.seat, instrument=inst.id, package=package, to=to, rationale=d.rationale.strip()))


class PositionCard(_FormCard):
    def title(self) -> str:
        return self.ctx.t("Position")

    def layout(self) -> None:
        lay, t = self.ctx.layout, self.ctx.t
        view = self.view
        widgets: list[Widget] = []
        self.card = lay.body().inflate(-lay.px(160), -lay.px(120))
        inner = panel_inner(self.ctx, self.card)
        if view is None or view.forms is None or not view.forms.issues:
            self.focus.set(widgets)
            return
        d = self.table.drafts
        issues = view.forms.issues
        d.issue %= len(issues)
        issue = issues[d.issue]
        d.option %= len(issue.options)
        bh = lay.button_height()
        y = inner.y
        widgets.append(Choice("issue", pygame.Rect(inner.x, y, inner.width, bh), [i.title for i in issues], d.issue, self._issue))
        y += bh + lay.gap
        now = next((o.label for o in issue.options if o.id == issue.position), t("none yet"))
        widgets.append(
            Label("now", pygame.Rect(inner.x, y, inner.width, bh), t("Your public position now: {option}", option=now), size="small", role="body")
        )
        y += bh
        cells = [OptionCell(o.label, o.value, (), o.allowed) for o in issue.options]
        widgets.append(OptionRow("option", pygame.Rect(inner.x, y, inner.width, round(bh * 1.6)), issue.title, cells, d.option, self._option))
        y += round(bh * 1.6) + lay.gap
        self.why_field(pygame.Rect(inner.x, y, inner.width, bh), widgets)
        same = issue.options[d.option].id == issue.position
        self.send_row(inner, widgets, self._shift, t("That is already your public position.") if same else "")
        self.focus.set(widgets)

    def _issue(self, k: int) -> None:
        self.table.drafts.issue, self.table.drafts.option = k, 0
        self.layout()

    def _option(self, k: int) -> None:
        self.table.drafts.option = k
        self.layout()

    def _shift(self) -> None:
        view = self.view
        if view is None or view.forms is None or view.seat is None:
            return
        d = self.table.drafts
        issue = view.forms.issues[d.issue]
        self.table.send(P.ShiftMove(kind="shift", actor=view.seat, issue=issue.id, option=issue.options[d.option].id, rationale=d.rationale.strip()))


class StatementCard(_FormCard):
    def title(self) -> str:
        return self.ctx.t("Statement")

    def layout(self) -> None:
        lay, t = self.ctx.layout, self.ctx.t
        widgets: list[Widget] = []
        self.card = lay.body().inflate(-lay.px(200), -lay.px(220))
        inner = panel_inner(self.ctx, self.card)
        bh = lay.button_height()
        widgets.append(
            TextField(
                "text",
                pygame.Rect(inner.x, inner.y, inner.width, bh),
                self.table.drafts.statement,
                self._text,
                max_len=500,
                placeholder=t("What your delegation says to the conference"),
            )
        )
        self.why_field(pygame.Rect(inner.x, inner.y + bh + lay.gap, inner.width, bh), widgets)
        empty = not self.table.drafts.statement.strip()
        self.send_row(inner, widgets, self._say, t("Write something first.") if empty else "")
        self.focus.set(widgets)

    def _text(self, text: str) -> None:
        had = bool(self.table.drafts.statement.strip())
        self.table.drafts.statement = text
        if had != bool(text.strip()):
            self.layout()

    def _say(self) -> None:
        view = self.view
        if view is not None and view.seat is not None and self.table.drafts.statement.strip():
            d = self.table.drafts
            self.table.send(P.StatementMove(kind="statement", actor=view.seat, text=d.statement.strip(), rationale=d.rationale.strip()))
            d.statement = ""


class WalkoutCard(_FormCard):
    def title(self) -> str:
        return self.ctx.t("Walk out")

    def layout(self) -> None:
        lay = self.ctx.layout
        widgets: list[Widget] = []
        self.card = lay.body().inflate(-lay.px(300), -lay.px(300))
        inner = panel_inner(self.ctx, self.card)
        self.why_field(pygame.Rect(inner.x, inner.y + lay.button_height() * 2, inner.width, lay.button_height()), widgets)
        self.send_row(inner, widgets, self._walk)
        self.focus.set(widgets)

    def draw(self, surface: pygame.Surface) -> None:
        inner = self.shaded_card(surface, self.title())
        theme, lay = self.ctx.theme, self.ctx.layout
        draw_wrapped(
            surface,
            theme.text_font(lay, "body"),
            self.ctx.t("Your delegation leaves the conference for good. Are you sure?"),
            theme.c("ink"),
            pygame.Rect(inner.x, inner.y, inner.width, lay.button_height() * 2),
        )
        self.focus.draw(surface, self.ctx)

    def _walk(self) -> None:
        view = self.view
        if view is not None and view.seat is not None:
            self.table.send(P.WalkoutMove(kind="walkout", actor=view.seat, rationale=self.table.drafts.rationale.strip()))


class BriefingCard(CardScene):
    """A team's own papers, from its own view."""

    def __init__(self, briefing: object) -> None:
        super().__init__()
        from game.views.conference import BriefingView

        assert isinstance(briefing, BriefingView)
        self.briefing = briefing
        self.scroll = ScrollState()

    def layout(self) -> None:
        lay = self.ctx.layout
        self.card = lay.body().inflate(-lay.px(120), -lay.px(40))
        inner = panel_inner(self.ctx, self.card)
        bh = lay.button_height()
        area = pygame.Rect(inner.x, inner.y, inner.width, inner.height - bh - lay.gap)
        widgets: list[Widget] = [
            ScrollArea("papers", area, self.scroll, self._height(area.width), self._paint, line=lay.px(40)),
            Button("close", pygame.Rect(inner.right - lay.px(220), inner.bottom - bh, lay.px(220), bh), self.ctx.t("Close"), self.ctx.pop),
        ]
        self.focus.set(widgets)

    def _texts(self) -> list[tuple[str, str]]:
        b = self.briefing
        aims = "\n".join(f"• {a}" for a in b.aims)
        return [*b.sections, *([(self.ctx.t("Scored aims"), aims)] if aims else [])]

    def _height(self, width: int) -> int:
        theme, lay = self.ctx.theme, self.ctx.layout
        head, body = theme.text_font(lay, "label", "bold"), theme.text_font(lay, "body")
        return sum(head.get_linesize() + _wrapped_height(body, x, width) + lay.px(12) for _, x in self._texts())

    def _paint(self, surface: pygame.Surface, rect: pygame.Rect, offset: int) -> None:
        theme, lay = self.ctx.theme, self.ctx.layout
        head, body = theme.text_font(lay, "label", "bold"), theme.text_font(lay, "body")
        y = rect.y - offset
        for h, x in self._texts():
            draw_line(surface, head, h, theme.c("ink"), pygame.Rect(rect.x, y, rect.width, head.get_linesize()))
            y += head.get_linesize()
            th = _wrapped_height(body, x, rect.width)
            draw_wrapped(surface, body, x, theme.c("ink"), pygame.Rect(rect.x, y, rect.width, th))
            y += th + lay.px(12)

    def draw(self, surface: pygame.Surface) -> None:
        self.shaded_card(surface, self.briefing.name)
        self.focus.draw(surface, self.ctx)


def _wrapped_height(font: pygame.font.Font, text: str, width: int) -> int:
    """The height draw_wrapped needs for every line (its own step per line, so nothing is cut by rounding)."""
    return len(wrap(font, text, width)) * round(font.get_linesize() * 1.2) + 2


class NetMenuCard(CardScene):
    """Esc on a networked screen: settings or quit; the game itself is the host's."""

    name = "network_menu"

    def layout(self) -> None:
        from game.ui.screens.conference.pause import SettingsScene

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

    def update(self, dt: float) -> None:
        super().update(dt)
        below = [s for s in self.ctx.stack if isinstance(s, RemoteTable)]
        if below:
            below[-1].update(dt)  # the conference goes on behind the menu

    def draw(self, surface: pygame.Surface) -> None:
        self.shaded_card(surface, self.ctx.t("Menu"))
        self.focus.draw(surface, self.ctx)
