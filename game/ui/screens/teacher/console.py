"""The teacher's console: one card over the conference with every control a lesson needs.

Three columns, read as a teacher thinks during a lesson: *conduct* (pause,
the turn timer, the end of the conference, undo, end now), *events and news*
(the scenario's prepared optional events, a free news item), and *who plays*
(hand a delegation between a team and the AI). Each control calls one
`Classroom` command (game/classroom/console.py), so the console shows exactly
what the engine accepted; a refusal is shown in the rules' words. Closing the
console locks it again when a PIN guards it.
"""

from __future__ import annotations

import contextlib
from functools import partial
from typing import TYPE_CHECKING

import pygame

from game.classroom.console import Classroom
from game.classroom.timer import clock_text
from game.engine.refusals import Refusal, describe
from game.play.saves import autosave_path, save
from game.scenario.texts import tr
from game.ui.kit.card import CardScene
from game.ui.kit.chrome import panel_inner
from game.ui.kit.text import draw_line, draw_wrapped, wrap
from game.ui.kit.widgets import Button, Choice, Label, ListBox, TextField, Toggle, Widget
from game.ui.screens.conference.screen import ConferenceScene
from game.ui.screens.teacher.tools import ConfirmScene, room_for

if TYPE_CHECKING:
    from game.ui.app import App

MINUTES = (0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20)


class EventList(ListBox):
    """The prepared events: a click only chooses one; Enter or the Fire button fires it.

    A plain list activates a row clicked a second time, which here would fire
    an event the moment a teacher clicks the list to scroll it with the keys.
    """

    def handle_event(self, event: pygame.event.Event, app: App) -> bool:
        if event.type != pygame.MOUSEBUTTONUP:
            return super().handle_event(event, app)
        keep, self.on_activate = self.on_activate, None
        try:
            return super().handle_event(event, app)
        finally:
            self.on_activate = keep


class ConsoleScene(CardScene):
    name = "teacher_console"

    def __init__(self, conference: ConferenceScene) -> None:
        super().__init__()
        self.conference = conference
        self.event_index = 0
        self.headline = ""
        self.news_text = ""
        self.message = ""
        self.message_short = ""
        self.message_bad = False
        self.columns: list[tuple[pygame.Rect, str]] = []
        self.status_rect = pygame.Rect(0, 0, 0, 0)
        self.event_text_rect = pygame.Rect(0, 0, 0, 0)
        self.end_rect = pygame.Rect(0, 0, 0, 0)
        self.message_rect = pygame.Rect(0, 0, 0, 0)

    @property
    def room(self) -> Classroom:
        return room_for(self.ctx, self.conference.session)

    def resume(self) -> None:
        self.layout()

    # --- commands ---------------------------------------------------------------------------
    def _done(self, problem: Refusal | str | None, success: str, short: str = "") -> None:
        """After a command: say what happened (or why not), keep the autosave current, redraw the conference.

        `short` is the same news in fewer words, shown when large text leaves no room for the whole of `success`.
        """
        t = self.ctx.t
        self.message_short = short if problem is None else ""
        self.message_bad = problem is not None
        reason = describe(problem, self.conference.session.cs, self.ctx.tr.lang, t) if isinstance(problem, Refusal) else problem
        self.message = t("Not allowed: {reason}", reason=reason) if problem is not None else success
        if problem is None:
            with contextlib.suppress(OSError):  # the conference's own autosave reports failures
                save(self.conference.session, autosave_path())
        self.conference.refresh()
        self.layout()

    def _pause(self) -> None:
        self.room.toggle_pause()
        self.conference.refresh()
        self._done(None, self.ctx.t("The conference is paused.") if self.room.paused else self.ctx.t("The conference goes on."))

    def _minutes(self, i: int) -> None:
        self.room.set_timer(MINUTES[i])
        self._done(None, self._timer_text())

    def _auto(self, value: bool) -> None:
        self.room.set_timer(self.room.minutes, value)
        self._done(None, self._timer_text())

    def _timer_text(self) -> str:
        t, m = self.ctx.t, self.room.minutes
        if m <= 0:
            return t("No timer.")
        text = self.ctx.tr.tn("Each team turn has {n} minute.", "Each team turn has {n} minutes.", round(m))
        return text + (" " + t("The turn passes when time is up.") if self.room.auto_pass else "")

    def _fire(self) -> None:
        events = self.room.optional_events(self.ctx.tr.lang)
        if not events:
            return
        ev = events[min(self.event_index, len(events) - 1)]
        self._done(self.room.fire(ev.id), self.ctx.t("Event fired: {title}", title=ev.title), self.ctx.t("The event was fired."))

    def _publish(self) -> None:
        title = self.headline
        problem = self.room.news(self.headline, self.news_text)
        if problem is None:
            self.headline = self.news_text = ""
        self._done(problem, self.ctx.t("News published: {title}", title=title.strip()))

    def _move_end(self, delta: int) -> None:
        problem = self.room.move_end(delta)
        self._done(problem, self.ctx.t("The conference now ends on {date}.", date=self.ctx.tr.date(self.room.last_date())))

    def _ask_end(self) -> None:
        self.ctx.push(
            ConfirmScene(
                self.conference,
                self.ctx.t("End the conference now? The outcome screen follows; this cannot be undone."),
                self.ctx.t("End it now"),
                self._end_now,
            )
        )

    def _end_now(self) -> None:
        problem = self.room.end_now()
        if problem is None:
            self.room.resume()  # the outcome must be able to show
            self.ctx.pop()  # close the console: the conference announces the end
            self.conference.refresh()
            return
        self._done(problem, "")

    def _ask_undo(self) -> None:
        s = self.conference.session
        if not s.can_undo():
            self._done(self.ctx.t("nothing has happened yet"), "")
            return
        count, state = s.checkpoints[-1]
        number = state.turn + 1
        if count == len(s.actions) and len(s.checkpoints) > 1:
            number = s.checkpoints[-2][1].turn + 1
        q = self.ctx.t("Undo back to the start of sitting {number}? Every move since then is taken back (the record keeps them).", number=number)
        self.ctx.push(ConfirmScene(self.conference, q, self.ctx.t("Undo"), self._undo))

    def _undo(self) -> None:
        conf = self.conference
        if self.room.undo():
            conf.shown = min(conf.shown, len(conf.session.state.log))
            conf.viewer = None  # the next team passes the hand-over screen again
            conf.message = ""
            u = conf.session.undone[-1]
            self._done(
                None,
                self.ctx.tr.tn(
                    "Back to the start of sitting {number}; {n} move taken back.",
                    "Back to the start of sitting {number}; {n} moves taken back.",
                    len(u.actions),
                    number=u.sitting,
                ),
            )
        else:
            self._done(self.ctx.t("nothing has happened yet"), "")

    def _control(self, did: str, human: bool) -> None:
        conf = self.conference
        problem = self.room.set_control(did, human)
        if problem is None and not human and conf.viewer == did:
            conf.viewer = None  # the AI plays it now: its papers leave the screen
        name = conf._name(did)
        ok = self.ctx.t("{name} is now played by a team.", name=name) if human else self.ctx.t("{name} is now played by the AI.", name=name)
        self._done(problem, ok)

    # --- layout -----------------------------------------------------------------------------------
    def layout(self) -> None:
        app, lay, t = self.ctx, self.ctx.layout, self.ctx.t
        theme = app.theme
        room, s = self.room, self.conference.session.state
        self.card = lay.rect.inflate(-2 * lay.margin, -2 * lay.margin)
        inner = panel_inner(app, self.card)
        bh, gap = lay.button_height(), lay.px(10)
        body = theme.text_font(lay, "body")
        label_h = theme.text_font(lay, "body", "bold").get_linesize()
        self.status_rect = pygame.Rect(inner.x, inner.y, inner.width, body.get_linesize())
        foot = pygame.Rect(inner.x, inner.bottom - bh, inner.width, bh)
        self.message_rect = pygame.Rect(inner.x, foot.y, inner.width - lay.px(260) - gap, bh)
        area = pygame.Rect(inner.x, self.status_rect.bottom + gap, inner.width, foot.y - gap - self.status_rect.bottom - gap)
        c1, c2, c3 = lay.columns(area, [10, 13, 9], lay.px(20))
        self.columns = [(c1, t("Conduct")), (c2, t("Events and news")), (c3, t("Who plays"))]
        head_h = theme.text_font(lay, "label", "heading").get_linesize() + lay.px(8)
        widgets: list[Widget] = []

        # conduct: pause, timer, end, undo, end now
        end_h = 2 * label_h if theme.text_font(lay, "body", "bold").size(self._last_sitting_text())[0] > c1.width else label_h
        heights = [bh, label_h, bh, bh, end_h, bh, bh, bh]
        if head_h + sum(heights) + gap * (len(heights) - 1) > c1.height:
            # large text: the conduct column runs down to the card's foot and the message line moves right of it
            c1 = pygame.Rect(c1.x, c1.y, c1.width, inner.bottom - c1.y)
            self.message_rect = pygame.Rect(c2.x, foot.y, foot.right - lay.px(260) - gap - c2.x, bh)
        x = pygame.Rect(c1.x, c1.y + head_h, c1.width, c1.height - head_h)
        rows = lay.stack(x, heights, gap)
        widgets.append(
            Button(
                "pause",
                rows[0],
                t("Resume (P)") if room.paused else t("Pause (P)"),
                self._pause,
                style="primary",
                tooltip=t("Pause: the AI stops, the teams' moves are locked, PAUSED shows on the screen (P)"),
            )
        )
        widgets.append(Label("timer_label", rows[1], t("Timer per team turn"), size="body"))
        current = min(range(len(MINUTES)), key=lambda i: abs(MINUTES[i] - room.minutes))
        widgets.append(
            Choice(
                "minutes",
                rows[2],
                [t("No timer") if m == 0 else app.tr.tn("{n} minute", "{n} minutes", m) for m in MINUTES],
                current,
                self._minutes,
                tooltip=t("Left and Right change it; it applies to the turn under way too"),
            )
        )
        widgets.append(
            Toggle(
                "auto_pass",
                rows[3],
                t("Pass when time is up"),
                room.auto_pass,
                self._auto,
                on_text=t("On"),
                off_text=t("Off"),
                enabled=room.minutes > 0,
                tooltip=t("When the time runs out the team's turn is passed for it (a chime and a flash either way)"),
            )
        )
        auto = widgets[-1]
        if isinstance(auto, Toggle) and not auto.fits(app):
            auto.compact = True  # a long label (Lithuanian at 1280): only the current state, in words
        self.end_rect = rows[4]
        earlier, later = room.last_date_after(-1), room.last_date_after(1)
        half = lay.columns(rows[5], [1, 1], gap)
        widgets.append(
            Button(
                "earlier",
                half[0],
                t("Earlier"),
                lambda: self._move_end(-1),
                enabled=earlier is not None,
                tooltip=t("One sitting earlier: the conference would end on {date}", date=app.tr.date(earlier)) if earlier else None,
            )
        )
        widgets.append(
            Button(
                "later",
                half[1],
                t("Later"),
                lambda: self._move_end(1),
                enabled=later is not None,
                tooltip=t("One sitting later: the conference would end on {date}", date=app.tr.date(later)) if later else None,
            )
        )
        can_undo = self.conference.session.can_undo() and not s.ended
        widgets.append(
            Button(
                "undo",
                rows[6],
                t("Undo the last sitting…"),
                self._ask_undo,
                enabled=can_undo,
                tooltip=t("Back to the start of this sitting (or the one before); asks first"),
            )
        )
        widgets.append(
            Button(
                "end_now",
                rows[7],
                t("End the conference now…"),
                self._ask_end,
                enabled=not s.ended,
                tooltip=t("The conference ends at once and the outcome screen follows; asks first"),
            )
        )

        # events and news: the prepared events as a list, the chosen one's text, then a news item of the teacher's own
        events = room.optional_events(app.tr.lang)
        self.event_index = min(self.event_index, max(0, len(events) - 1))
        y = c2.y + head_h
        small_h = theme.text_font(lay, "small").get_linesize()
        row_h = label_h + lay.px(14)
        news_h = 2 * bh + gap
        n = lay.stack(pygame.Rect(c2.x, c2.bottom - news_h, c2.width, news_h), [bh, bh], gap)
        text_field, publish = lay.columns(n[1], [3, 2], gap)  # the news text and its button share a row: room for the event's text
        if events:
            # the chosen event's title and whole text come first; the list gets what is left (at least two rows)
            chosen = events[self.event_index]
            bold = theme.text_font(lay, "body", "bold")
            title_lines = min(2, len(wrap(bold, chosen.title, c2.width)))
            text_lines = len(wrap(theme.text_font(lay, "small"), chosen.text, c2.width)) if chosen.text else 0
            room_for_text = title_lines * round(bold.get_linesize() * 1.2) + text_lines * round(small_h * 1.2)
            rows_fit = max(1, (n[0].y - 3 * gap - bh - room_for_text - y) // row_h)  # one row at least (Up/Down go on)
            list_h = min(len(events), rows_fit) * row_h
            items = [(t("{title} (happened)", title=e.title) if e.fired else e.title, "") for e in events]
            widgets.append(
                EventList(
                    "events",
                    pygame.Rect(c2.x, y, c2.width, list_h),
                    items,
                    self.event_index,
                    self._pick_event,
                    row_height=row_h,
                    on_activate=lambda _i: self._fire(),
                    tooltip=t("Up and Down choose an event"),
                )
            )
            y += list_h + gap
            fire = pygame.Rect(c2.x, n[0].y - 2 * gap - bh, c2.width, bh)
            self.event_text_rect = pygame.Rect(c2.x, y, c2.width, max(0, fire.y - gap - y))
            widgets.append(
                Button(
                    "fire",
                    fire,
                    t("Fire this event"),
                    self._fire,
                    enabled=not chosen.fired,
                    tooltip=t("It appears in the news column at once and takes effect"),
                )
            )
        else:
            self.event_text_rect = pygame.Rect(c2.x, y, c2.width, small_h * 2)
        widgets.append(
            TextField(
                "headline",
                n[0],
                self.headline,
                self._typed_headline,
                placeholder=t("News headline of your own"),
                max_len=120,
                tooltip=t("A news item written by you: it appears in the news column"),
            )
        )
        widgets.append(
            TextField(
                "news_text",
                text_field,
                self.news_text,
                self._typed_text,
                placeholder=t("Text (optional)"),
                max_len=300,
                on_submit=lambda _x: self._publish(),
            )
        )
        widgets.append(Button("publish", publish, t("Publish"), self._publish, enabled=bool(self.headline.strip())))

        # who plays
        y = c3.y + head_h
        trow = label_h + lay.px(14)
        for d in self.conference.session.cs.scenario.delegations:
            if d.observer:
                continue
            human = self.conference.session.cs.d_index[d.id] in s.humans
            widgets.append(
                Toggle(
                    f"ctl:{d.id}",
                    pygame.Rect(c3.x, y, c3.width, trow),
                    tr(d.name, app.tr.lang),
                    human,
                    partial(self._control, d.id),
                    on_text=t("Team"),
                    off_text=t("AI"),
                    enabled=not s.ended,
                    tooltip=t("Hand this delegation to a team or to the AI, from now on"),
                )
            )
            y += trow + lay.px(6)
        toggles = [w for w in widgets if isinstance(w, Toggle) and w.key.startswith("ctl:")]
        compact = not all(w.fits(app) for w in toggles)
        for w in toggles:
            w.compact = compact
        widgets.append(Button("close", pygame.Rect(foot.right - lay.px(260), foot.y, lay.px(260), bh), t("Close (Esc)"), self.ctx.pop))
        self.focus.set(widgets)

    def _message_font(self) -> tuple[pygame.font.Font, str]:
        """The message in the largest of bold, body and small text where it fits its line (or two), else its short form."""
        theme, lay, r = self.ctx.theme, self.ctx.layout, self.message_rect
        fonts = [theme.text_font(lay, "body", "bold"), theme.text_font(lay, "body"), theme.text_font(lay, "small")]
        for message in (self.message, self.message_short):
            for font in fonts:
                fit = min(2, max(1, r.height // round(font.get_linesize() * 1.2)))
                if message and len(wrap(font, message, r.width)) <= fit:
                    return font, message
        return fonts[-1], self.message

    def _last_sitting_text(self) -> str:
        return self.ctx.t("Last sitting: {date}", date=self.ctx.tr.date(self.room.last_date()))

    def _pick_event(self, i: int) -> None:
        self.event_index = i
        self.layout()

    def _typed_headline(self, text: str) -> None:
        had = bool(self.headline.strip())
        self.headline = text
        if had != bool(text.strip()):
            self.layout()

    def _typed_text(self, text: str) -> None:
        self.news_text = text

    # --- input and drawing -----------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool | None:
        typing = isinstance(self.focus.focused, TextField)
        if event.type == pygame.KEYDOWN and event.key == pygame.K_p and not typing and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            self._pause()
            return True
        return super().handle_event(event)

    def draw(self, surface: pygame.Surface) -> None:
        app, t = self.ctx, self.ctx.t
        theme, lay = app.theme, app.layout
        room, s = self.room, self.conference.session.state
        self.shaded_card(surface, t("Teacher's console"))
        bold = theme.text_font(lay, "body", "bold")
        view = self.conference.view
        parts = [t("Sitting {number} of {total}", number=min(s.turn + 1, s.n_turns), total=s.n_turns), app.tr.date(s.date)]
        if s.ended:
            parts.append(t("The conference is over"))
        elif view is not None and view.actor:
            parts.append(t("To move: {name} ({who})", name=view.actor_name, who=t("team") if view.actor_is_team else t("AI")))
        left = room.remaining()
        if left is not None:
            parts.append(t("Time left {clock}", clock=clock_text(left)))
        parts.append(t("PAUSED") if room.paused else t("Running"))
        draw_line(surface, bold, "  ·  ".join(parts), theme.c("danger" if room.paused else "ink"), self.status_rect)
        head = theme.text_font(lay, "label", "heading")
        for rect, title in self.columns:
            draw_line(surface, head, title, theme.c("ink"), pygame.Rect(rect.x, rect.y, rect.width, head.get_linesize()))
            pygame.draw.rect(surface, theme.c("rule"), (rect.x, rect.y + head.get_linesize() + lay.px(1), rect.width, max(1, lay.px(2))))
        small = theme.text_font(lay, "small")
        draw_wrapped(surface, theme.text_font(lay, "body", "bold"), self._last_sitting_text(), theme.c("ink"), self.end_rect, spacing=1.0)
        events = room.optional_events(app.tr.lang)
        if events:
            ev = events[min(self.event_index, len(events) - 1)]
            r = self.event_text_rect
            used = draw_wrapped(surface, bold, ev.title, theme.c("ink"), r, max_lines=2)
            rest = pygame.Rect(r.x, r.y + used, r.width, max(0, r.height - used))
            if rest.height >= small.get_linesize():  # never a line drawn under the Fire button
                draw_wrapped(surface, small, ev.text, theme.c("ink_soft"), rest)
        else:
            draw_wrapped(
                surface, small, t("This scenario has no prepared events; write a news item instead."), theme.c("ink_soft"), self.event_text_rect
            )
        if self.message:
            font, message = self._message_font()
            draw_wrapped(surface, font, message, theme.c("danger" if self.message_bad else "ink"), self.message_rect, max_lines=2)
        self.focus.draw(surface, app)
