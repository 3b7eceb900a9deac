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
from game.ui.kit.chrome import panel_inner
from game.ui.kit.layout import Fr, Track, column, grid, row
from game.ui.kit.scroll import ScrollArea, ScrollState
from game.ui.kit.text import draw_line, draw_wrapped, text_height, text_width, wrap
from game.ui.kit.widgets import Button, Choice, Label, TextField, Toggle, Widget, button_width, choose_segments, share_name_size
from game.ui.kit.wrap_list import WrapListBox, pill_height, row_height_for
from game.ui.screens.conference.screen import ConferenceScene
from game.ui.screens.teacher.tools import ConfirmScene, TeacherCard, room_for

if TYPE_CHECKING:
    from game.ui.kit.context import Looks

MINUTES = (0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20)
EVENT_TITLE_LINES = 3  # an event's title whole in a narrow column ("… (happened)" adds a word)


class EventList(WrapListBox):
    """The prepared events: a click only chooses one; Enter or the Fire button fires it.

    A plain list activates a row clicked a second time, which here would fire
    an event the moment a teacher clicks the list to scroll it with the keys.
    """

    def handle_event(self, event: pygame.event.Event, app: Looks) -> bool:
        if event.type != pygame.MOUSEBUTTONUP:
            return super().handle_event(event, app)
        keep, self.on_activate = self.on_activate, None
        try:
            return super().handle_event(event, app)
        finally:
            self.on_activate = keep


class ConsoleScene(TeacherCard):
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
        self.text_scroll = ScrollState()

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
        """The status line, three columns (conduct, events and news, who plays), the message and Close: one grid."""
        app, lay, t = self.ctx, self.ctx.layout, self.ctx.t
        self.card = lay.rect.inflate(-2 * lay.margin, -2 * lay.margin)
        inner = panel_inner(app, self.card)
        bh, gap = lay.button_height(), lay.px(10)
        cols = [Fr(10, least=self._conduct_width()), Fr(13), Fr(9, least=self._who_width())]
        status_h = app.theme.text_font(lay, "body").get_linesize()
        areas = ["status status status", "conduct events who", "foot foot foot"]
        cells = grid(inner, areas, rows=[status_h, Fr(), bh], cols=cols, row_gap=gap, col_gap=lay.px(20))
        if self._head_h() + sum(self._conduct_tracks(cells["conduct"].width)[1]) + gap * 7 > cells["conduct"].height:
            # large text: the conduct column runs down to the card's foot and the message line moves right of it
            areas[2] = "conduct foot foot"
            cells = grid(inner, areas, rows=[status_h, Fr(), bh], cols=cols, row_gap=gap, col_gap=lay.px(20))
        foot = row(cells["foot"], [("message", Fr()), ("close", lay.px(260))], gap=gap)
        self.status_rect, self.message_rect = cells["status"], foot["message"]
        self.columns = [(cells["conduct"], t("Conduct")), (cells["events"], t("Events and news")), (cells["who"], t("Who plays"))]
        self.focus.set(
            [
                *self._conduct(cells["conduct"]),
                *self._events(cells["events"]),
                *self._who_plays(cells["who"]),
                Button("close", foot["close"], t("Close (Esc)"), self.ctx.pop),
            ]
        )

    def _head_h(self) -> int:
        lay = self.ctx.layout
        return self.ctx.theme.text_font(lay, "label", "heading").get_linesize() + lay.px(8)

    def _conduct_tracks(self, width: int) -> tuple[list[str], list[int]]:
        """The conduct column's rows, top down: names and heights (the last sitting's date in two lines when needed)."""
        lay, theme = self.ctx.layout, self.ctx.theme
        bh, label_h = lay.button_height(), theme.text_font(lay, "body", "bold").get_linesize()
        end_h = 2 * label_h if theme.text_font(lay, "body", "bold").size(self._last_sitting_text())[0] > width else label_h
        timer_h = Label.height_for(self.ctx, self.ctx.t("Timer per team turn"), width, "body")
        auto_h = max(bh, 2 * theme.text_font(lay, "small", "bold").get_height() - 6)  # room for its name in two lines
        names = ["pause", "timer_label", "minutes", "auto_pass", "end", "move", "undo", "end_now"]
        return names, [bh, timer_h, bh, auto_h, end_h, bh, bh, bh]

    def _conduct(self, area: pygame.Rect) -> list[Widget]:
        """Pause, the turn timer, the last sitting (earlier, later), undo, end now."""
        app, lay, t, room = self.ctx, self.ctx.layout, self.ctx.t, self.room
        s = self.conference.session.state
        names, heights = self._conduct_tracks(area.width)
        spare = area.height - self._head_h() - sum(heights)
        gap = next((g for g in (lay.px(10), lay.px(6)) if g * (len(heights) - 1) <= spare), lay.px(3))  # tighter before running out
        cells = column(area, list(zip(names, heights, strict=True)), gap=gap, padding=(self._head_h(), 0, 0, 0))
        cells |= row(cells["move"], [("earlier", Fr()), ("later", Fr())], gap=lay.px(10))
        self.end_rect = cells["end"]
        current = min(range(len(MINUTES)), key=lambda i: abs(MINUTES[i] - room.minutes))
        earlier, later = room.last_date_after(-1), room.last_date_after(1)
        auto = Toggle(
            "auto_pass",
            cells["auto_pass"],
            t("Pass when time is up"),
            room.auto_pass,
            self._auto,
            on_text=t("On"),
            off_text=t("Off"),
            enabled=room.minutes > 0,
            tooltip=t("When the time runs out the team's turn is passed for it (a chime and a flash either way)"),
        )
        auto.compact = not auto.fits(app)  # a long label (Lithuanian at 1280): only the current state, in words
        return [
            Button(
                "pause",
                cells["pause"],
                t("Resume (P)") if room.paused else t("Pause (P)"),
                self._pause,
                style="primary",
                tooltip=t("Pause: the AI stops, the teams' moves are locked, PAUSED shows on the screen (P)"),
            ),
            Label("timer_label", cells["timer_label"], t("Timer per team turn"), size="body"),
            Choice(
                "minutes",
                cells["minutes"],
                [t("No timer") if m == 0 else app.tr.tn("{n} minute", "{n} minutes", m) for m in MINUTES],
                current,
                self._minutes,
                tooltip=t("Left and Right change it; it applies to the turn under way too"),
            ),
            auto,
            Button(
                "earlier",
                cells["earlier"],
                t("Earlier"),
                lambda: self._move_end(-1),
                enabled=earlier is not None,
                tooltip=t("One sitting earlier: the conference would end on {date}", date=app.tr.date(earlier)) if earlier else None,
            ),
            Button(
                "later",
                cells["later"],
                t("Later"),
                lambda: self._move_end(1),
                enabled=later is not None,
                tooltip=t("One sitting later: the conference would end on {date}", date=app.tr.date(later)) if later else None,
            ),
            Button(
                "undo",
                cells["undo"],
                t("Undo the last sitting…"),
                self._ask_undo,
                enabled=self.conference.session.can_undo() and not s.ended,
                tooltip=t("Back to the start of this sitting (or the one before); asks first"),
            ),
            Button(
                "end_now",
                cells["end_now"],
                t("End the conference now…"),
                self._ask_end,
                enabled=not s.ended,
                tooltip=t("The conference ends at once and the outcome screen follows; asks first"),
            ),
        ]

    def _events(self, area: pygame.Rect) -> list[Widget]:
        """The prepared events as a list of whole titles, the chosen one's text (scrolling when long), Fire; then a news item."""
        app, lay, t, theme = self.ctx, self.ctx.layout, self.ctx.t, self.ctx.theme
        bh, gap = lay.button_height(), lay.px(10)
        events = self.room.optional_events(app.tr.lang)
        self.event_index = min(self.event_index, max(0, len(events) - 1))
        items = [(t("{title} (happened)", title=e.title) if e.fired else e.title, "") for e in events]
        text_h = text_height(theme.text_font(lay, "small"), events[self.event_index].text, area.width) if events else 2 * bh
        # the text keeps its room first: heading, Fire, the headline, the news text and Publish, and the gaps take theirs
        list_h, row_h, strip = self._event_list(items, area.width, area.height - self._head_h() - 3 * bh - 4 * gap - text_h)
        tracks: list[tuple[str, Track]] = [("events", list_h), ("text", Fr()), ("fire", bh), ("headline", bh), ("news", bh)]
        if not events:
            tracks = [track for track in tracks if track[0] not in ("events", "fire")]
        cells = column(area, tracks, gap=gap, padding=(self._head_h(), 0, 0, 0))
        free = area.width - gap  # the news text and Publish share a row 3:2, Publish giving way to the text's placeholder
        field_need = theme.text_font(lay, "body").size(t("Text (optional)"))[0] + 2 * lay.px(12) + lay.px(8)
        publish_w = max(button_width(app, t("Publish"), bh), min(free - round(free * 3 / 5), free - field_need))
        cells |= row(cells["news"], [("news_text", Fr()), ("publish", publish_w)], gap=gap)  # room for the event's text above
        step = round(theme.text_font(lay, "small").get_linesize() * 1.2)
        if text_h > cells["text"].height:  # a text that scrolls shows whole lines, not half of the last one
            cells["text"].height -= cells["text"].height % step
        self.event_text_rect = cells["text"]
        widgets: list[Widget] = []
        if events:
            chosen = events[self.event_index]
            widgets += [
                EventList(
                    "events",
                    cells["events"],
                    items,
                    self.event_index,
                    self._pick_event,
                    row_height=row_h,
                    strip=strip,
                    title_lines=EVENT_TITLE_LINES,
                    on_activate=lambda _i: self._fire(),
                    tooltip=t("Up and Down choose an event"),
                ),
                ScrollArea(
                    "event_text",
                    cells["text"],
                    self.text_scroll,
                    text_h,
                    self._paint_event_text,
                    line=step,
                    tooltip=t("The chosen event's text; Up and Down scroll it"),
                ),
                Button(
                    "fire",
                    cells["fire"],
                    t("Fire this event"),
                    self._fire,
                    enabled=not chosen.fired,
                    tooltip=t("It appears in the news column at once and takes effect"),
                ),
            ]
        return [
            *widgets,
            TextField(
                "headline",
                cells["headline"],
                self.headline,
                self._typed_headline,
                placeholder=t("News headline of your own"),
                max_len=120,
                tooltip=t("A news item written by you: it appears in the news column"),
            ),
            TextField(
                "news_text",
                cells["news_text"],
                self.news_text,
                self._typed_text,
                placeholder=t("Text (optional)"),
                max_len=300,
                on_submit=lambda _x: self._publish(),
            ),
            Button("publish", cells["publish"], t("Publish"), self._publish, enabled=bool(self.headline.strip())),
        ]

    def _event_list(self, items: list[tuple[str, str]], width: int, room: int) -> tuple[int, int, int]:
        """The events list's height, row height and pill strip: every row when they fit in `room`, else as many as
        fit with the strip under them, one row at least (Up and Down go on), as tall as the chosen title then."""
        if not items:
            return 0, 0, 0
        row_h, strip = row_height_for(self.ctx, items, width, EVENT_TITLE_LINES), pill_height(self.ctx)
        if len(items) * row_h <= room:
            return len(items) * row_h, row_h, 0
        rows = max(1, (room - strip) // max(1, row_h))
        if rows == 1:
            row_h = row_height_for(self.ctx, [items[self.event_index]], width, EVENT_TITLE_LINES)
        return rows * row_h + strip, row_h, strip

    def _conduct_width(self) -> int:
        """The least width of the conduct column: "Pass when time is up" in two lines beside its state."""
        lay, t = self.ctx.layout, self.ctx.t
        font = self.ctx.theme.text_font(lay, "small", "bold")
        seg = max(text_width(font, t("On")), text_width(font, t("Off"))) + 2 * lay.px(8)
        words = t("Pass when time is up").split()
        half = (
            min(max(text_width(font, " ".join(words[:k])), text_width(font, " ".join(words[k:]))) for k in range(1, len(words)))
            if len(words) > 1
            else 0
        )
        return max(half, text_width(font, t("Pass when time is up")) // 2) + seg + 3 * lay.px(10) + 2

    def _who_width(self) -> int:
        """The least width of the who-plays column: every name whole beside its state (the toggles' compact form)."""
        app, lay, t = self.ctx, self.ctx.layout, self.ctx.t
        font = app.theme.text_font(lay, "small", "bold")
        seg = max(text_width(font, t("Team")), text_width(font, t("AI"))) + 2 * lay.px(8)
        names = [tr(d.name, app.tr.lang) for d in self.conference.session.cs.scenario.delegations if not d.observer]
        return max((text_width(font, n) for n in names), default=0) + seg + 3 * lay.px(10) + 2

    def _who_plays(self, area: pygame.Rect) -> list[Widget]:
        """One toggle a delegation: a team or the AI, from now on."""
        app, lay, t, theme = self.ctx, self.ctx.layout, self.ctx.t, self.ctx.theme
        s = self.conference.session.state
        n = sum(1 for d in self.conference.session.cs.scenario.delegations if not d.observer)
        step = min(theme.text_font(lay, "body", "bold").get_linesize() + lay.px(20), (area.height - self._head_h() + lay.px(6)) // max(1, n))
        trow = step - lay.px(6)  # as tall as the column allows for every delegation, up to the usual row
        y = area.y + self._head_h()
        toggles: list[Toggle] = []
        for d in self.conference.session.cs.scenario.delegations:
            if d.observer:
                continue
            toggles.append(
                Toggle(
                    f"ctl:{d.id}",
                    pygame.Rect(area.x, y, area.width, trow),
                    tr(d.name, app.tr.lang),
                    self.conference.session.cs.d_index[d.id] in s.humans,
                    partial(self._control, d.id),
                    on_text=t("Team"),
                    off_text=t("AI"),
                    enabled=not s.ended,
                    tooltip=t("Hand this delegation to a team or to the AI, from now on"),
                )
            )
            y += trow + lay.px(6)
        choose_segments(toggles, app)
        compact = not all(w.fits(app) for w in toggles)
        for w in toggles:
            w.compact = compact
        share_name_size(toggles, app)
        return list(toggles)

    def _paint_event_text(self, surface: pygame.Surface, rect: pygame.Rect, offset: int) -> None:
        events = self.room.optional_events(self.ctx.tr.lang)
        if events:
            ev = events[min(self.event_index, len(events) - 1)]
            font = self.ctx.theme.text_font(self.ctx.layout, "small")
            box = pygame.Rect(rect.x, rect.y - offset, rect.width, text_height(font, ev.text, rect.width))
            draw_wrapped(surface, font, ev.text, self.ctx.theme.c("ink_soft"), box)

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
        self.text_scroll.offset = 0  # a new event's text from its first line
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
        if not room.optional_events(app.tr.lang):
            draw_wrapped(
                surface, small, t("This scenario has no prepared events; write a news item instead."), theme.c("ink_soft"), self.event_text_rect
            )
        if self.message:
            font, message = self._message_font()
            draw_wrapped(surface, font, message, theme.c("danger" if self.message_bad else "ink"), self.message_rect, max_lines=2)
        self.focus.draw(surface, app)
