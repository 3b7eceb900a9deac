"""A team's move forms, drawn as cards over its own view: proposal, position, statement, confirm, briefing.

Each form keeps its choices in a draft (`move_model`), asks the engine's
`check` for the reason a move would be refused and shows it *before* the
team presses the button, and hands the action to `ConferenceScene.act`.
Esc or Cancel closes a form without doing anything.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pygame

from game.engine import actions as A
from game.engine.refusals import Refusal
from game.engine.rules import MAX_STATEMENT
from game.ui.kit.card import CardScene
from game.ui.kit.chrome import panel_inner
from game.ui.kit.registry import FRAME
from game.ui.kit.scroll import ScrollArea, ScrollState
from game.ui.kit.text import blit_text, draw_line, draw_paragraphs, draw_wrapped, ellipsize, text_width, wrap
from game.ui.kit.widgets import Button, Choice, Label, TextField, Toggle, Widget, choose_segments, draw_box, share_name_size
from game.views.inbox import InboxItem
from game.views.move import OptionCell, ProposalForm, ShiftForm

if TYPE_CHECKING:
    from game.ui.kit.context import Looks
    from game.ui.screens.conference.screen import ConferenceScene


class OptionRow(Widget):
    """One issue's options side by side; Left / Right or a click picks one.

    Each cell shows the option in words, the team's own value and the codes of
    the delegations that state it now; the chosen cell is filled *and* framed
    thickly, so the choice never rests on colour alone."""

    def __init__(
        self,
        key: str,
        rect: pygame.Rect,
        title: str,
        cells: list[OptionCell],
        selected: int,
        on_change: Callable[[int], None],
        *,
        tooltip: str | None = None,
    ) -> None:
        super().__init__(key, rect, tooltip=tooltip)
        self.title, self.cells, self.selected, self.on_change = title, cells, selected, on_change
        self.app: Looks | None = None  # known after the first draw (cell geometry depends on the layout)
        self.cut: set[int] = set()  # cells whose label did not fit when drawn

    def _title_w(self) -> int:
        return round(self.rect.width * 0.24)

    @staticmethod
    def needed_height(app: Looks, width: int, title: str, cells: list[OptionCell]) -> int:
        """The height that shows the title and every option label in full (wrapped), with the value line under each."""
        lay = app.layout
        bold = app.theme.text_font(lay, "small", "bold")
        small = app.theme.text_font(lay, "small")
        title_w = round(width * 0.24)
        x0 = title_w + lay.px(8)
        cell_w = round((width - x0) / max(1, len(cells))) - lay.px(6) - lay.px(12)
        label_bold, _ = OptionRow.label_fonts(app, cells, cell_w)
        most = max((len(wrap(label_bold, c.label, cell_w)) + len(OptionRow.info_lines(app, small, c, cell_w)) for c in cells), default=2)
        title_h = len(wrap(bold, title, title_w - lay.px(4))) * bold.get_linesize() + lay.px(4)
        return max(title_h, most * small.get_linesize() + lay.px(6) + lay.px(4))

    @staticmethod
    def label_fonts(app: Looks, cells: list[OptionCell], width: int) -> tuple[pygame.font.Font, pygame.font.Font]:
        """The option labels' fonts (the chosen one bold, the others regular): the small size, or smaller (never under 2%
        of the window height) until every label's longest word fits its cell, so "Moratorium" wraps between words and
        is not broken into "Moratoriu / m" at large text."""
        theme, lay = app.theme, app.layout
        bold, regular = theme.text_font(lay, "small", "bold"), theme.text_font(lay, "small")
        words = [w for c in cells for w in c.label.split()]
        floor, px = math.ceil(lay.height * 0.02), bold.point_size
        while px > floor and any(text_width(bold, w) > width for w in words):
            px -= 1
            bold, regular = theme.font("bold", px), theme.font("body", px)
        return bold, regular

    @staticmethod
    def info_lines(app: Looks, font: pygame.font.Font, cell: OptionCell, width: int) -> list[str]:
        """The team's value and who states the option: one line, or two when the codes do not fit beside the value."""
        value = app.t("yours: {value}", value="—" if cell.value is None else f"{round(cell.value)}")
        if not cell.stated_by:
            return [value]
        both = f"{value}  ·  {', '.join(cell.stated_by)}"
        return [both] if text_width(font, both) <= width else [value, *wrap(font, ", ".join(cell.stated_by), width)]

    def cell_rects(self, app: Looks) -> list[pygame.Rect]:
        x0 = self.rect.x + self._title_w() + app.layout.px(8)
        n = max(1, len(self.cells))
        w = (self.rect.right - x0) / n
        return [pygame.Rect(round(x0 + k * w), self.rect.y, round(w) - app.layout.px(6), self.rect.height) for k in range(n)]

    def _tip(self, k: int) -> str:
        cell = self.cells[k]
        return f"{self.title}: {cell.label}" + (f"\n{cell.description}" if cell.description else "")

    def tooltip_at(self, pos: tuple[int, int]) -> str | None:
        """Over a cell: its full label and description (a long label is cut to fit the cell)."""
        if self.app is not None:
            for k, r in enumerate(self.cell_rects(self.app)):
                if r.collidepoint(pos):
                    return self._tip(k)
        return self.tooltip

    def focus_tip(self, app: Looks) -> tuple[str, pygame.Rect] | None:
        """With focus, the chosen cell's full text under it when the cell cuts it, so Left / Right read every option in full."""
        self.app = app
        if self.selected not in self.cut:
            return None
        return self._tip(self.selected), self.cell_rects(app)[self.selected]

    def _set(self, k: int) -> None:
        if 0 <= k < len(self.cells) and self.cells[k].allowed and k != self.selected:
            self.selected = k
            self.on_change(k)

    def handle_event(self, event: pygame.event.Event, app: Looks) -> bool:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            step = -1 if event.key == pygame.K_LEFT else 1
            k = self.selected + step
            while 0 <= k < len(self.cells) and not self.cells[k].allowed:
                k += step
            self._set(k)
            return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self.rect.collidepoint(event.pos):
            for k, r in enumerate(self.cell_rects(app)):
                if r.collidepoint(event.pos):
                    self._set(k)
            return True
        return event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.rect.collidepoint(event.pos)

    def draw(self, surface: pygame.Surface, app: Looks, focused: bool, hovered: bool) -> None:
        self.app = app
        theme, lay = app.theme, app.layout
        bold = theme.text_font(lay, "small", "bold")
        small = theme.text_font(lay, "small")
        title_rect = pygame.Rect(self.rect.x, self.rect.y, self._title_w(), self.rect.height)
        if focused:
            draw_box(surface, app, title_rect, "panel_bg", "panel_bg", True, width=0)
        draw_wrapped(surface, bold, self.title, theme.c("ink"), title_rect.inflate(-lay.px(4), -lay.px(4)), spacing=1.0)
        rects = self.cell_rects(app)
        label_bold, label_regular = self.label_fonts(app, self.cells, min((r.width for r in rects), default=0) - lay.px(12))
        for k, (cell, r) in enumerate(zip(self.cells, rects, strict=True)):
            chosen = k == self.selected
            font = label_bold if chosen else label_regular
            bg = "selected_bg" if chosen else ("field_bg" if cell.allowed else "disabled_bg")
            fg = "selected_text" if chosen else ("ink" if cell.allowed else "disabled_text")
            pygame.draw.rect(surface, theme.c(bg), r, border_radius=lay.px(4))
            pygame.draw.rect(surface, theme.c("focus" if chosen else "border"), r, max(1, lay.px(4 if chosen else 1)), border_radius=lay.px(4))
            inner = r.inflate(-lay.px(12), -lay.px(6))
            lines = wrap(font, cell.label, inner.width)
            info = self.info_lines(app, small, cell, inner.width)
            room = max(1, (inner.height - len(info) * small.get_linesize()) // small.get_linesize())
            y = inner.y
            shown = lines[:room]
            if len(lines) > room:  # cut: say so; the full label shows on hover and, for the chosen cell, on focus
                shown[-1] = ellipsize(font, shown[-1] + " …", inner.width)
                self.cut.add(k)
            for line in shown:
                draw_line(surface, font, line, theme.c(fg), pygame.Rect(inner.x, y, inner.width, small.get_linesize()))
                y += small.get_linesize()
            FRAME.add(surface, cell.label, "option", r, enabled=cell.allowed, item=self.title, cut=len(lines) > room)
            for k2, text in enumerate(info):
                yy = inner.bottom - (len(info) - k2) * small.get_linesize()
                draw_line(surface, small, text, theme.c(fg), pygame.Rect(inner.x, yy, inner.width, small.get_linesize()))


class FormScene(CardScene):
    """Base of the move forms: a big card over the team's view; Esc cancels."""

    title = ""

    def __init__(self, conference: ConferenceScene, actor: str) -> None:
        super().__init__()
        self.conference, self.actor = conference, actor
        self.message = ""

    def card_rect(self, width: float = 0.92, height: float = 0.92) -> pygame.Rect:
        lay = self.ctx.layout
        card = pygame.Rect(0, 0, round(lay.width * width), round(lay.height * height))
        card.center = lay.rect.center
        return card

    def submit(self, action: A.Action | None) -> None:
        if action is None:
            return
        problem = self.conference.act(action)
        if problem is None:
            self.conference.message = ""
            self.ctx.pop()
            if self.conference.confirmed:
                self.ctx.push(self.conference.done_card(self.conference.confirmed))
        else:
            self.message = self.conference.message  # the refusal in the interface's language
            self.layout()

    def then_layout(self, change: Callable[..., object], after: Callable[[], None] | None = None) -> Callable[..., None]:
        """A widget's callback: apply `change` to the draft, then lay the form out again (its rows follow the draft)."""

        def run(*args: Any) -> None:
            change(*args)
            (after or self.layout)()

        return run

    def draw_card(self, surface: pygame.Surface) -> pygame.Rect:
        return self.shaded_card(surface, self.title)

    def draw_problem(self, surface: pygame.Surface, rect: pygame.Rect, problem: str | Refusal | None) -> None:
        """Why the move is refused, in the rules' words (or that it is ready), never only as a colour."""
        theme, lay, t = self.ctx.theme, self.ctx.layout, self.ctx.t
        if isinstance(problem, Refusal):
            problem = self.conference.describe(problem)
        font = theme.text_font(lay, "small", "bold")
        text = t("Not allowed: {reason}", reason=problem) if problem else t("Ready: the rules allow this move.")
        draw_wrapped(surface, font, text, theme.c("danger" if problem else "ok"), rect, max_lines=3)

    def buttons(self, area: pygame.Rect, ok_label: str, on_ok: Callable[[], None], ok_enabled: bool = True) -> list[Widget]:
        lay, t = self.ctx.layout, self.ctx.t
        bh = lay.button_height()
        row = pygame.Rect(area.x, area.bottom - bh, area.width, bh)
        cancel, ok = lay.columns(row, [2, 3], lay.px(10))
        return [
            Button("cancel", cancel, t("Cancel"), self.ctx.pop, tooltip=t("Close without moving (Esc)")),
            Button("ok", ok, ok_label, on_ok, style="primary", enabled=ok_enabled, tooltip=t("Enter")),
        ]


class ProposalScene(FormScene):
    name = "proposal"

    def __init__(self, conference: ConferenceScene, actor: str, counter_to: int | None = None, rationale: str = "") -> None:
        super().__init__(conference, actor)
        self.draft: ProposalForm = conference.proposal_draft(actor, counter_to)
        self.draft.rationale = rationale
        self.info = pygame.Rect(0, 0, 0, 0)
        self.problem_rect = pygame.Rect(0, 0, 0, 0)
        self.first_row = 0  # the first issue shown when not all fit (the pager buttons move it)
        self.closed = ""  # why no agreement is open to this delegation, in words (then the form shows only that)

    def layout(self) -> None:
        app, lay, t = self.ctx, self.ctx.layout, self.ctx.t
        d, lang = self.draft, app.tr.lang
        self.title = t("Counter-proposal to No. {number}", number=d.counter_to) if d.counter_to else t("A proposal")
        self.card = self.card_rect()
        inner = panel_inner(app, self.card)
        left, right = lay.columns(inner, [7, 3])
        bh = lay.button_height()
        widgets: list[Widget] = []
        self.closed = d.closed(app.tr)
        if self.closed:
            self.problem_rect = pygame.Rect(left.x, left.y, inner.width, inner.height - bh - lay.px(12))
            close = pygame.Rect(inner.right - min(inner.width, lay.px(300)), inner.bottom - bh, min(inner.width, lay.px(300)), bh)
            self.focus.set([Button("cancel", close, t("Close"), self.ctx.pop, style="primary", tooltip=t("Close without moving (Esc)"))])
            return
        names = d.instrument_names(lang)
        widgets.append(
            Choice(
                "instrument",
                pygame.Rect(left.x, left.y, left.width, bh),
                names,
                d.instrument_pos,
                self.then_layout(d.set_instrument, lambda: self._first(0)),
                tooltip=t("Which agreement: Left and Right change it"),
            )
        )
        scope = d.scope()
        top = left.y + bh + lay.px(10)
        gap = lay.px(6)
        # the reason field under the issues (the right column keeps room for invitations at any text size)
        why = pygame.Rect(left.x, left.bottom - bh, left.width, bh)
        bottom = why.y - lay.px(10)
        heights = [OptionRow.needed_height(app, left.width, d.issue_title(i, lang), d.cells(i, lang)) for i in scope]
        first = max(0, min(self.first_row, len(scope) - 1)) if scope else 0
        pager_h = bh
        # rows from `first` while they fit; the pager buttons take one row when not every issue fits
        fits_all = sum(heights) + gap * len(heights) <= bottom - top
        limit = bottom if fits_all else bottom - pager_h - gap
        y = top
        shown: list[int] = []
        for k in range(first if not fits_all else 0, len(scope)):
            h = heights[k]
            if y + h > limit and shown:
                break
            shown.append(k)
            y += min(h, limit - y) + gap
        self.first_row = shown[0] if shown else 0
        y = top
        for k in shown:
            i = scope[k]
            rect = pygame.Rect(left.x, y, left.width, min(heights[k], limit - y))
            widgets.append(
                OptionRow(
                    f"issue:{d.issue_id(i)}",
                    rect,
                    d.issue_title(i, lang),
                    d.cells(i, lang),
                    d.choice[i],
                    self.then_layout(functools.partial(d.set_option, i)),
                    tooltip=t("Left and Right choose; each choice shows your value (0–100) and who states it now"),
                )
            )
            y = rect.bottom + gap
        if not fits_all:
            before, after = shown[0] if shown else 0, len(scope) - (shown[-1] + 1 if shown else 0)
            pager = lay.columns(pygame.Rect(left.x, limit + gap, left.width, pager_h), [1, 1], lay.px(8))
            widgets.append(
                Button(
                    "issues_back",
                    pager[0],
                    t("Earlier issues ({n})", n=before),
                    lambda: self._first(self.first_row - 1),
                    enabled=before > 0,
                    tooltip=t("Show the issues above"),
                )
            )
            widgets.append(
                Button(
                    "issues_on",
                    pager[1],
                    t("More issues ({n})", n=after),
                    lambda: self._first(self.first_row + 1),
                    enabled=after > 0,
                    tooltip=t("Show the issues below"),
                )
            )
        widgets.append(
            TextField(
                "rationale",
                why,
                d.rationale,
                self._why,
                placeholder=t("Why? (optional)"),
                max_len=200,
                on_submit=lambda _x: self._propose(),
                tooltip=t("Your reason, kept in the session record"),
            )
        )
        # the right column, bottom up: buttons, why the rules allow or refuse it, the package's worth; invitations from the top
        font = app.theme.text_font(lay, "small")
        line = round(font.get_linesize() * 1.2)
        problem = d.problem()
        buttons = self.buttons(right, t("Propose"), self._propose, problem is None)
        self.problem_rect = pygame.Rect(right.x, buttons[0].rect.y - lay.px(6) - 2 * line, right.width, 2 * line)
        self.info = pygame.Rect(right.x, self.problem_rect.y - lay.px(4) - 2 * line, right.width, 2 * line)
        room_bottom = self.info.y  # where the invitations must stop
        own = d.own_latest()
        if own is not None and d.counter_to is None:
            # a team revising an offer that was refused starts from it, not from its public positions
            again = pygame.Rect(right.x, self.info.y - lay.px(6) - bh, right.width, bh)
            room_bottom = again.y
            label = t("Start from your No. {number}", number=own)
            if text_width(app.theme.text_font(lay, "small", "bold"), label) > again.width - 2 * lay.px(12):
                label = t("Your No. {number}", number=own)
            widgets.append(
                Button(
                    "start_from_own",
                    again,
                    label,
                    self.then_layout(d.start_from_own),
                    tooltip=t("Fill the form with your proposal No. {number} on this agreement, to change it where it was refused", number=own),
                )
            )
        label_h = app.theme.text_font(lay, "body", "bold").get_linesize()
        y = right.y
        widgets.append(Label("to_label", pygame.Rect(right.x, y, right.width, label_h), t("Addressed to"), size="body"))
        y += label_h + lay.px(4)
        widgets.append(
            Choice(
                "mode",
                pygame.Rect(right.x, y, right.width, bh),
                [t("Plenary (everyone)"), t("Private talks")],
                1 if d.private else 0,
                self.then_layout(lambda i: d.set_private(i == 1)),
                tooltip=t("Plenary: the whole conference hears it. Private: only those invited"),
            )
        )
        y += bh + lay.px(6)
        if d.private:
            room = room_bottom - lay.px(6) - y
            cands = d.candidates()
            small_h = max(1, min(round(bh * 0.82), room // max(1, len(cands)) - lay.px(4)))
            for k in cands:
                widgets.append(
                    Toggle(
                        f"to:{d.candidate_id(k)}",
                        pygame.Rect(right.x, y, right.width, small_h),
                        d.candidate_name(k, lang),
                        k in d.invited,
                        self.then_layout(functools.partial(d.toggle_invited, k)),
                        on_text=t("In"),
                        off_text=t("Out"),
                        tooltip=t("Invite this delegation to the private talks (Enter switches)"),
                    )
                )
                y += small_h + lay.px(4)
            invites = [w for w in widgets if isinstance(w, Toggle)]
            choose_segments(invites, app)
            share_name_size(invites, app)
        widgets.extend(buttons)
        self.focus.set(widgets)

    def _first(self, k: int) -> None:
        self.first_row = max(0, k)
        self.layout()

    def _propose(self) -> None:
        if self.draft.problem() is None:
            self.submit(self.draft.action())

    def _why(self, text: str) -> None:
        self.draft.rationale = text

    def draw(self, surface: pygame.Surface) -> None:
        app, t = self.ctx, self.ctx.t
        theme, lay = app.theme, app.layout
        self.draw_card(surface)
        if self.closed:  # nothing left to propose: say why, and what the delegation can still do
            draw_wrapped(surface, theme.text_font(lay, "body", reading=True), self.closed, theme.c("ink"), self.problem_rect)
            self.focus.draw(surface, app)
            return
        worth = self.draft.signing_value()
        font = theme.text_font(lay, "small")
        if worth is not None:
            if worth.cost:
                text = t(
                    "Signed: {value} for you, after a cost of {cost}; {alternative} with no agreement.",
                    value=round(worth.value),
                    alternative=round(worth.alternative),
                    cost=round(worth.cost),
                )
            else:
                text = t(
                    "Signed, this leaves you at {value}, against {alternative} with no agreement (0–100).",
                    value=round(worth.value),
                    alternative=round(worth.alternative),
                )
            draw_wrapped(surface, font, text, theme.c("ink"), self.info)
        self.draw_problem(surface, self.problem_rect, self.message or self.draft.problem())
        self.focus.draw(surface, app)

    def handle_event(self, event: pygame.event.Event) -> bool | None:
        """Enter proposes (as the Propose button's tooltip says), except on a toggle, a button or a text field with its own Enter."""
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and not self.closed:
            if not isinstance(self.focus.focused, Toggle | Button | TextField):
                self._propose()
                return True
        return super().handle_event(event)


class ShiftScene(FormScene):
    name = "shift"

    def __init__(self, conference: ConferenceScene, actor: str, rationale: str = "") -> None:
        super().__init__(conference, actor)
        self.draft: ShiftForm = conference.shift_draft(actor)
        self.draft.rationale = rationale
        self.problem_rect = pygame.Rect(0, 0, 0, 0)

    def layout(self) -> None:
        app, lay, t = self.ctx, self.ctx.layout, self.ctx.t
        d, lang = self.draft, app.tr.lang
        self.title = t("Change a public position")
        self.card = self.card_rect(0.8, 0.7)
        inner = panel_inner(app, self.card)
        bh = lay.button_height()
        widgets: list[Widget] = []
        widgets.append(
            Choice(
                "issue",
                pygame.Rect(inner.x, inner.y, inner.width, bh),
                d.issue_titles(lang),
                d.issue_pos,
                self.then_layout(d.set_issue),
                tooltip=t("Which issue: Left and Right change it"),
            )
        )
        if d.issue is not None:
            cells = d.cells(lang)
            row = pygame.Rect(
                inner.x, inner.y + bh + lay.px(12), inner.width, max(lay.px(90), OptionRow.needed_height(app, inner.width, t("New position"), cells))
            )
            widgets.append(
                OptionRow(
                    "option",
                    row,
                    t("New position"),
                    cells,
                    d.option,
                    self.then_layout(functools.partial(setattr, d, "option")),
                    tooltip=t("Left and Right choose; each choice shows your value (0–100) and who states it now"),
                )
            )
            y = row.bottom + lay.px(12)
        else:
            y = inner.y + bh + lay.px(12)
        widgets.append(
            TextField(
                "rationale",
                pygame.Rect(inner.x, y, inner.width, bh),
                d.rationale,
                lambda x: setattr(d, "rationale", x),
                placeholder=t("Why? (optional)"),
                max_len=200,
                tooltip=t("Your reason, kept in the session record"),
            )
        )
        y += bh + lay.px(8)
        problem = d.problem()
        btn_area = pygame.Rect(inner.right - min(inner.width, lay.px(480)), inner.y, min(inner.width, lay.px(480)), inner.height)
        buttons = self.buttons(btn_area, t("State this position"), lambda: self.submit(d.action()), problem is None)
        self.problem_rect = pygame.Rect(inner.x, y, inner.width, max(0, buttons[0].rect.y - y - lay.px(6)))
        widgets.extend(buttons)
        self.focus.set(widgets)

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_card(surface)
        if not self.message and self.draft.unchanged:  # nothing chosen yet: a hint, not a refusal
            theme, lay = self.ctx.theme, self.ctx.layout
            draw_wrapped(
                surface,
                theme.text_font(lay, "small", "bold"),
                self.ctx.t("Choose the new position for this issue, then state it."),
                theme.c("ink_soft"),
                self.problem_rect,
                max_lines=3,
            )
        else:
            self.draw_problem(surface, self.problem_rect, self.message or self.draft.problem())
        self.focus.draw(surface, self.ctx)


class StatementScene(FormScene):
    name = "statement"

    def __init__(self, conference: ConferenceScene, actor: str, rationale: str = "") -> None:
        super().__init__(conference, actor)
        self.text = ""
        self.rationale = rationale
        self.problem_rect = pygame.Rect(0, 0, 0, 0)

    def action(self) -> A.Statement:
        return A.Statement(self.actor, self.text.strip(), rationale=self.rationale.strip())

    def problem(self) -> Refusal | None:
        return self.conference.check(self.action())

    def _typed(self, text: str) -> None:
        self.text = text
        self.message = ""

    def layout(self) -> None:
        app, lay, t = self.ctx, self.ctx.layout, self.ctx.t
        self.title = t("A statement to the conference")
        self.card = self.card_rect(0.8, 0.6)
        inner = panel_inner(app, self.card)
        bh = lay.button_height()
        label_h = app.theme.text_font(lay, "body", "bold").get_linesize()
        rows = lay.stack(inner, [label_h, bh, label_h, bh], lay.px(8))
        widgets: list[Widget] = [
            Label("text_label", rows[0], t("What your delegation says (everyone hears it)"), size="body"),
            TextField(
                "text",
                rows[1],
                self.text,
                self._typed,
                max_len=MAX_STATEMENT,
                placeholder=t("Type your statement"),
                on_submit=lambda _x: self.submit(self.action()),
                tooltip=t("Enter makes the statement"),
            ),
            Label("why_label", rows[2], t("Why? (optional, for the record)"), size="body"),
            TextField("rationale", rows[3], self.rationale, lambda x: setattr(self, "rationale", x), max_len=200),
        ]
        btn_area = pygame.Rect(inner.right - min(inner.width, lay.px(480)), inner.y, min(inner.width, lay.px(480)), inner.height)
        buttons = self.buttons(btn_area, t("Make the statement"), lambda: self.submit(self.action()))
        y = rows[3].bottom + lay.px(10)
        self.problem_rect = pygame.Rect(inner.x, y, inner.width, max(0, buttons[0].rect.y - y - lay.px(6)))
        widgets.extend(buttons)
        self.focus.set(widgets)
        if self.focus.focus_key not in ("text", "rationale", "ok", "cancel"):
            self.focus.focus("text")

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_card(surface)
        self.draw_problem(surface, self.problem_rect, self.message or self.problem())
        self.focus.draw(surface, self.ctx)


class RefuseScene(FormScene):
    """After refusing a proposal from the inbox, "Ask for a change": the team says what would change its answer (the
    issue that decided it and the option it wants there), as an AI delegation's refusal does. The refusal stands
    either way; those who saw it hear this too, and the AI delegations take it into their picture of the team."""

    name = "ask_change"

    def __init__(self, conference: ConferenceScene, actor: str, item: InboxItem, rationale: str = "") -> None:
        super().__init__(conference, actor)
        self.item = item
        self.issue = 0  # item.wants[issue]: the issues where the offer costs the team most come first
        self.option = 0
        self._pick_issue(0)
        self.rationale = rationale
        self.text_rect = pygame.Rect(0, 0, 0, 0)
        self.problem_rect = pygame.Rect(0, 0, 0, 0)

    def want(self) -> tuple[str, str]:
        choice = self.item.wants[self.issue]
        return choice.issue, choice.options[self.option][0]

    def _pick_issue(self, k: int) -> None:
        """A new issue starts at the option the team values most there: what it would most likely ask for."""
        values = self.item.wants[k].values
        self.issue, self.option, self.message = k, max(range(len(values)), key=lambda x: (values[x], -x)), ""

    def _pick_option(self, k: int) -> None:
        self.option, self.message = k, ""

    def _ask(self) -> None:
        problem = self.conference.respond(self.item.id, False, self.want(), self.rationale)
        if problem is None:
            self.ctx.pop()
        else:
            self.message = self.conference.describe(problem)
            self.layout()  # the reason takes room above the buttons

    def layout(self) -> None:
        app, lay, t = self.ctx, self.ctx.layout, self.ctx.t
        self.title = t("What would change your answer to No. {number}?", number=self.item.id)
        self.card = self.card_rect(0.8, 0.9)
        inner = panel_inner(app, self.card)
        bh = lay.button_height()
        gap = lay.px(8)
        label_h = app.theme.text_font(lay, "body", "bold").get_linesize()
        choice = self.item.wants[self.issue]
        asked = t("Offered: {option}. What do you want there instead?", option=choice.offered)
        asked_h = Label.height_for(app, asked, inner.width, "body", "bold")
        # the two questions and the reason take fixed rows from the bottom up; the explanation takes what is left above
        btn_top = inner.bottom - bh
        problem_h = 2 * app.theme.text_font(lay, "small", "bold").get_linesize() if self.message else lay.px(4)
        rows_h = 2 * (label_h + bh + gap) + asked_h + bh + gap + problem_h + gap
        top = max(inner.y, btn_top - gap - rows_h)
        self.text_rect = pygame.Rect(inner.x, inner.y, inner.width, max(0, top - inner.y - gap))
        rows = lay.stack(pygame.Rect(inner.x, top, inner.width, rows_h), [label_h, bh, asked_h, bh, label_h, bh, problem_h], lay.px(4))
        # each option with the team's own value, as the proposal form shows it
        options = [f"{label} ({t('yours: {value}', value=round(v))})" for (_, label), v in zip(choice.options, choice.values, strict=True)]
        widgets: list[Widget] = [
            Label("issue_label", rows[0], t("What decided your refusal?"), size="body"),
            Choice(
                "want_issue",
                rows[1],
                [w.title for w in self.item.wants],
                self.issue,
                self.then_layout(self._pick_issue),
                tooltip=t("Left and Right choose the issue"),
            ),
            Label("option_label", rows[2], asked, size="body"),
            Choice(
                "want_option",
                rows[3],
                options,
                self.option,
                self.then_layout(self._pick_option),
                tooltip=t("Left and Right choose what you ask for"),
            ),
            Label("why_label", rows[4], t("Why? (optional, for the record)"), size="body"),
            TextField("rationale", rows[5], self.rationale, lambda x: setattr(self, "rationale", x), max_len=200),
        ]
        self.problem_rect = rows[6]
        widgets.extend(self.buttons(inner, t("Ask for it"), self._ask))
        self.focus.set(widgets)
        if self.focus.focus_key not in ("want_issue", "want_option", "rationale", "ok", "cancel"):
            self.focus.focus("want_issue")

    def draw(self, surface: pygame.Surface) -> None:
        app, t = self.ctx, self.ctx.t
        theme, lay = app.theme, app.layout
        self.draw_card(surface)
        said = t("You refused No. {number} ({instrument}, from {who}).", number=self.item.id, who=self.item.proposer, instrument=self.item.instrument)
        ask = t("Name the issue that decided it and what you want there.")
        note = t("Those who see your refusal hear it, and the AI delegations take note.")
        ink = theme.c("ink")
        # the instruction first, whole; then who hears it; whose proposal it was (in the inbox already) if room is left.
        # The reading size follows the text setting; where even the instruction alone does not fit, the interface size
        font = theme.text_font(lay, "body", reading=True)
        step = round(font.get_linesize() * 1.2)
        if len(wrap(font, ask, self.text_rect.width)) * step > self.text_rect.height:
            font = theme.text_font(lay, "body")
        draw_paragraphs(surface, [(font, [f"{said} {ask}", ask], ink), (font, [note], ink)], self.text_rect, lay.px(6))
        if self.message:
            self.draw_problem(surface, self.problem_rect, self.message)
        self.focus.draw(surface, app)


class ConfirmScene(FormScene):
    """Walking out (for good) or passing: say what it means, ask for a reason, then confirm."""

    def __init__(self, conference: ConferenceScene, actor: str, kind: str, rationale: str = "") -> None:
        super().__init__(conference, actor)
        self.kind = kind
        self.name = "confirm_walkout" if kind == "walkout" else "confirm_pass"
        self.rationale = rationale
        self.text_rect = pygame.Rect(0, 0, 0, 0)

    def action(self) -> A.Action:
        if self.kind == "walkout":
            return A.Walkout(self.actor, rationale=self.rationale.strip())
        return A.Pass(self.actor, rationale=self.rationale.strip())

    def layout(self) -> None:
        app, lay, t = self.ctx, self.ctx.layout, self.ctx.t
        self.title = t("Walk out of the conference?") if self.kind == "walkout" else t("Pass this sitting?")
        self.card = self.card_rect(0.6, 0.6)
        inner = panel_inner(app, self.card)
        bh = lay.button_height()
        why = pygame.Rect(inner.x, inner.bottom - 2 * bh - lay.px(16), inner.width, bh)
        self.text_rect = pygame.Rect(inner.x, inner.y, inner.width, why.y - inner.y - lay.px(8))
        ok = t("Walk out") if self.kind == "walkout" else t("Pass")
        widgets: list[Widget] = [
            TextField(
                "rationale",
                why,
                self.rationale,
                lambda x: setattr(self, "rationale", x),
                max_len=200,
                placeholder=t("Why? (optional)"),
                tooltip=t("Your reason, kept in the session record"),
            )
        ]
        widgets.extend(self.buttons(inner, ok, lambda: self.submit(self.action())))
        self.focus.set(widgets)
        if self.focus.focus_key == "rationale":
            # walking out is for good, so the safe choice has focus there; passing is one Enter away
            self.focus.focus("cancel" if self.kind == "walkout" else "ok")

    def draw(self, surface: pygame.Surface) -> None:
        app, t = self.ctx, self.ctx.t
        theme, lay = app.theme, app.layout
        self.draw_card(surface)
        if self.kind == "walkout":
            text = t("Your delegation leaves the conference for good: it makes no more proposals and signs nothing here.")
            if self.conference.essential(self.actor):
                text += " " + t("Your delegation is essential: its walkout ends the whole conference.")
        else:
            text = t("Your delegation makes no move this sitting. Proposals to you stay open until the sitting ends.")
        font = theme.text_font(lay, "body", reading=True)
        h = draw_wrapped(surface, font, text, theme.c("danger" if self.kind == "walkout" else "ink"), self.text_rect)
        if self.message:
            r = pygame.Rect(self.text_rect.x, self.text_rect.y + h + lay.px(8), self.text_rect.width, self.text_rect.height - h)
            self.draw_problem(surface, r, self.message)
        self.focus.draw(surface, app)


class BriefingScene(FormScene):
    """The team's private papers (B or Esc closes). Shown only inside that team's view."""

    name = "briefing"

    def __init__(self, conference: ConferenceScene, actor: str) -> None:
        super().__init__(conference, actor)
        self.scroll = ScrollState()
        self.lines: list[tuple[str, str]] = []  # (text, font role)

    def layout(self) -> None:
        app, lay, t = self.ctx, self.ctx.layout, self.ctx.t
        view = self.conference.briefing(self.actor)
        self.title = view.name  # short enough for the card's title at any text size; the first line says it is private
        self.card = self.card_rect(0.8, 0.88)
        inner = panel_inner(app, self.card)
        bh = lay.button_height()
        area = pygame.Rect(inner.x, inner.y, inner.width - lay.px(14), inner.height - bh - lay.px(12))
        body = app.theme.text_font(lay, "body", reading=True)
        head = app.theme.text_font(lay, "label", "bold", reading=True)
        self.lines = [(x, "head") for x in wrap(head, t("Private briefing: for your team only"), area.width)]
        self.lines.append(("", "body"))
        for title, text in view.sections:
            self.lines.append((title, "head"))
            self.lines.extend((x, "body") for x in wrap(body, text, area.width))
            self.lines.append(("", "body"))
        if view.aims:
            self.lines.append((t("How your result is scored"), "head"))
            for aim in view.aims:
                self.lines.extend((x, "body") for x in wrap(body, "– " + aim, area.width))
        total = sum(head.get_linesize() if role == "head" else body.get_linesize() for _, role in self.lines)
        close = pygame.Rect(inner.right - lay.px(260), inner.bottom - bh, lay.px(260), bh)
        self.focus.set(
            [
                ScrollArea(
                    "text",
                    area,
                    self.scroll,
                    total,
                    self._paint,
                    line=body.get_linesize(),
                    tooltip=t("Up and Down, Page Up and Page Down to read on"),
                ),
                Button("close", close, t("Close (B)"), self.ctx.pop, style="primary", tooltip=t("B or Esc")),
            ]
        )

    def handle_event(self, event: pygame.event.Event) -> bool | None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_b:
            self.ctx.pop()
            return True
        return super().handle_event(event)

    def _paint(self, surface: pygame.Surface, rect: pygame.Rect, offset: int) -> None:
        theme, lay = self.ctx.theme, self.ctx.layout
        body = theme.text_font(lay, "body", reading=True)
        head = theme.text_font(lay, "label", "bold", reading=True)
        y = rect.y - offset
        for text, role in self.lines:
            f = head if role == "head" else body
            if y > rect.bottom:
                break
            if text and y + f.get_linesize() >= rect.y:
                blit_text(surface, f, text, theme.c("ink"), (rect.x, y))
            y += f.get_linesize()

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_card(surface)
        self.focus.draw(surface, self.ctx)
