"""The inbox on a team's view: the proposals waiting for its answer, one at a time, with its own buttons.

The panel says how many proposals wait and that answering does not end the
turn; it shows the selected proposal in full (wrapped, scrolled when long,
never cut), with Accept / Reject / Counter under it and Newer / Older to move
between proposals. The buttons and the A / R / C keys act on the proposal on
screen and nothing else. What it shows comes from `inbox_model.InboxItem`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.ui.kit.registry import FRAME
from game.ui.kit.scroll import ScrollArea, ScrollState
from game.ui.kit.text import blit_text, draw_line, text_width, wrap
from game.ui.kit.widgets import Button, TextField, Widget, button_columns, fit_in_row, match_buttons
from game.views.inbox import InboxItem, RequestItem

if TYPE_CHECKING:
    from game.ui.kit.context import Looks


def item_title(app: Looks, item: InboxItem) -> str:
    return app.t("No. {number}: {who} proposes {instrument}", number=item.id, who=item.proposer, instrument=item.instrument)


def item_lines(app: Looks, item: InboxItem) -> list[tuple[str, str]]:
    """The selected proposal as (text, style) paragraphs: where, every issue and option, the value, the answers."""
    t = app.t
    out = [(item_title(app, item), "title")]
    if item.heard is not None:  # first: the team's last refusal of this agreement asked for this, and this offer gives it
        out.append((t("It gives what you asked for: {option} on {issue}", option=item.heard[1], issue=item.heard[0]), "private"))
    if item.private:
        out.append((t("Private talks with: {names}", names=", ".join(item.to)), "private"))
    else:
        out.append((t("In plenary: the whole conference hears it"), "soft"))
    if item.value is not None and item.no_deal is not None:
        out.append((t("Worth {value} to you (0–100); no agreement is worth {base}", value=round(item.value), base=round(item.no_deal)), "bold"))
    out.extend((f"• {issue}: {option}", "body") for issue, option in item.package)
    if item.terms:  # what signing also means, beyond the options: the scenario's clauses, wrapped like the rest
        out.append((t("Its standing terms:"), "bold"))
        out.extend((f"({k}) {clause}", "body") for k, clause in enumerate(item.terms, 1))
    if item.accepted_by:
        out.append((t("Accepted by: {names}", names=", ".join(item.accepted_by)), "body"))
    if item.refused_by:
        out.append((t("Refused by: {names}", names=", ".join(item.refused_by)), "body"))
    if item.waiting_for:
        out.append((t("Not answered yet: {names}", names=", ".join(item.waiting_for)), "soft"))
    return out


def _fonts(app: Looks) -> dict[str, pygame.font.Font]:
    theme, lay = app.theme, app.layout
    body = theme.text_font(lay, "small")
    bold = theme.text_font(lay, "small", "bold")
    return {"title": bold, "private": bold, "soft": body, "body": body, "bold": bold}


def item_height(app: Looks, item: InboxItem, width: int) -> int:
    fonts = _fonts(app)
    gap = app.layout.px(4)
    return sum(len(wrap(fonts[s], text, width)) * fonts[s].get_linesize() + gap for text, s in item_lines(app, item))


class InboxArea(ScrollArea):
    """The selected proposal's full text; it scrolls (Up / Down, Page keys, wheel) when longer than the panel."""

    def __init__(self, key: str, rect: pygame.Rect, state: ScrollState, item: InboxItem, app: Looks) -> None:
        self.app = app
        self.entry = item
        line = app.theme.text_font(app.layout, "small").get_linesize()
        super().__init__(
            key,
            rect,
            state,
            item_height(app, item, rect.width),
            self._paint,
            line=line,
            tooltip=app.t("The proposal in full: Up and Down, Page Up and Page Down read on"),
        )

    @property
    def focusable(self) -> bool:  # type: ignore[override]
        return self.max_offset > 0

    def _paint(self, surface: pygame.Surface, rect: pygame.Rect, offset: int) -> None:
        app = self.app
        theme = app.theme
        fonts = _fonts(app)
        colours = {"title": "ink", "private": "link", "soft": "ink_soft", "body": "ink", "bold": "ink"}
        y = rect.y - offset
        for text, style in item_lines(app, self.entry):
            font = fonts[style]
            for line in wrap(font, text, rect.width):
                if y + font.get_linesize() >= rect.y and y <= rect.bottom:
                    blit_text(surface, font, line, theme.c(colours[style]), (rect.x, y))
                y += font.get_linesize()
            y += app.layout.px(4)

    def draw(self, surface: pygame.Surface, app: Looks, focused: bool, hovered: bool) -> None:
        FRAME.add(surface, item_title(app, self.entry), "item", self.rect.inflate(0, 0))
        super().draw(surface, app, focused, hovered)


def request_text(app: Looks, r: RequestItem) -> str:
    return app.t("Request No. {number}: {who} asks you for private talks.", number=r.id, who=r.asker)


def request_note(app: Looks, r: RequestItem, width: int) -> str:
    """What answering does; where the buttons have no room for their keys, it names them (a projector has no tooltips)."""
    note = app.t(
        "Your trust in {who}: {trust} (0–100). Granting raises its trust in you; refusing lowers it.",
        who=r.asker,
        trust=round(r.trust),
    )
    if not _request_labels(app, width)[1]:
        note += " " + app.t("G grants, F refuses.")
    return note


def _request_labels(app: Looks, width: int) -> tuple[tuple[str, str], bool]:
    """Grant and Refuse with their keys where both fit their half of the request box's row (`width` wide), else the plain
    words; and whether the keys are on them."""
    lay, t = app.layout, app.t
    font = app.theme.text_font(lay, "small", "bold")
    keyed = (t("Grant (G)"), t("Refuse (F)"))
    cols = lay.columns(pygame.Rect(0, 0, width, lay.button_height()), [1, 1], lay.px(8))
    if all(text_width(font, x) <= c.width - 2 * lay.px(12) for x, c in zip(keyed, cols, strict=True)):
        return keyed, True
    return (t("Grant"), t("Refuse")), False


class Inbox:
    """Lays out the inbox panel's widgets and draws its headline; the conference keeps the selection.

    Requests for an audience come first, one at a time in a short box with Grant and Refuse
    (a request is a sentence, not a package); the selected proposal follows, with its own buttons."""

    def __init__(
        self, items: tuple[InboxItem, ...], selected: int, scroll: ScrollState, requests: tuple[RequestItem, ...] = (), page: str = "requests"
    ) -> None:
        self.items = items
        self.requests = requests
        self.page = page  # "requests" or "proposals": which one a panel too small for both shows
        self.selected = max(0, min(selected, len(items) - 1))
        self.scroll = scroll
        self.head = pygame.Rect(0, 0, 0, 0)
        self.head_lines: list[tuple[str, str]] = []
        self.count = pygame.Rect(0, 0, 0, 0)
        self.request_box = pygame.Rect(0, 0, 0, 0)
        self.request_lines: list[tuple[str, str]] = []

    @property
    def current(self) -> InboxItem | None:
        return self.items[self.selected] if self.items else None

    def layout(
        self,
        app: Looks,
        rect: pygame.Rect,
        *,
        rationale: str,
        on_rationale: Callable[[str], None],
        answer: Callable[[int, bool], None],
        counter: Callable[[int], None],
        select: Callable[[int], None],
        grant: Callable[[int, bool], None] = lambda _k, _g: None,
        no_counter: str = "",
        show: Callable[[str], None] = lambda _page: None,
    ) -> list[Widget]:
        """The widgets for `rect` (the panel's inside), top to bottom; the headline goes in `self.head`.

        `no_counter`, when given, is why Counter is disabled (the closing round allows answers only)."""
        lay, t = app.layout, app.t
        item = self.current
        bh = lay.button_height()
        bold = app.theme.text_font(lay, "label", "bold")
        small = app.theme.text_font(lay, "small")
        n = len(self.items)
        heads = []
        if n:
            heads.append(app.tr.tn("{n} proposal awaits your answer", "{n} proposals await your answer", n))
        if self.requests:
            heads.append(
                app.tr.tn("{n} request for private talks awaits your answer", "{n} requests for private talks await your answer", len(self.requests))
            )
        answer_rects, labels, keys_fit = self._answer_row(app, rect, no_counter)  # from y = 0: moved down to their place below
        plain_note = note = t("Answering does not end your turn.")
        if item is not None and not keys_fit:
            # the answers show plain words (no room for their keys): the note names the keys, for a projector
            if no_counter:
                note = t("Answering does not end your turn. A and R answer the proposal shown.")
            else:
                note = t("Answering does not end your turn. A, R and C answer the proposal shown.")

        def headline(heads: list[str], proposal_shown: bool = True) -> int:
            self.head_lines = [(x, "head") for h in heads for x in wrap(bold, h, rect.width)]
            self.head_lines += [(x, "note") for x in wrap(small, note if proposal_shown else plain_note, rect.width)]
            head_h = sum((bold if s == "head" else small).get_linesize() for _, s in self.head_lines)
            self.head = pygame.Rect(rect.x, rect.y, rect.width, head_h)
            return self.head.bottom + lay.px(6)

        y = headline(heads)
        widgets: list[Widget] = []
        tight = bool(self.requests) and item is not None and self._tight(app, rect, y, len({r.y for r in answer_rects}))
        if tight:  # one page at a time: its own headline only (the other's count is on the button to it)
            y = headline(heads[1:], False) if self.page != "proposals" else headline(heads[:1])
        if tight:
            # large text on a small window: the request and the proposal do not both fit, so the panel shows one
            # at a time, with a button to the other (the request first: it lapses sooner)
            row = pygame.Rect(rect.x, y, rect.width, bh)
            if self.page != "proposals":
                y = self._layout_request(app, rect, y, widgets, grant)
                row.y = y
                widgets.append(
                    Button(
                        "inbox:page",
                        row,
                        t("The proposals ({n})", n=n),
                        lambda: show("proposals"),
                        tooltip=t("Show the proposals that await your answer"),
                    )
                )
                return widgets
            label = t("The request for talks ({n})", n=len(self.requests))
            widgets.append(Button("inbox:page", row, label, lambda: show("requests"), tooltip=t("Show the request for private talks")))
            y += bh + lay.px(8)
        elif self.requests:
            y = self._layout_request(app, rect, y, widgets, grant)
        if item is None:
            return widgets
        tag = t("No. {number}", number=item.id)
        self.count = pygame.Rect(0, 0, 0, 0)
        if n > 1:
            cols = lay.columns(pygame.Rect(rect.x, y, rect.width, bh), [5, 2, 5], lay.px(6))
            widgets.append(
                Button(
                    "inbox:newer",
                    cols[0],
                    t("Newer"),
                    lambda: select(self.selected - 1),
                    enabled=self.selected > 0,
                    tooltip=t("The proposal made after this one"),
                )
            )
            self.count = cols[1]
            widgets.append(
                Button(
                    "inbox:older",
                    cols[2],
                    t("Older"),
                    lambda: select(self.selected + 1),
                    enabled=self.selected < n - 1,
                    tooltip=t("The proposal made before this one"),
                )
            )
            y += bh + lay.px(6)
        line_h = _fonts(app)["body"].get_linesize()
        rows = len({r.y for r in answer_rects})
        with_field = rect.bottom - y - (rows + 1) * (bh + lay.px(8)) >= 8 * line_h  # the reason field only where the proposal keeps room
        bottom = rect.bottom - (bh + lay.px(8)) * (rows + (1 if with_field else 0))
        area = pygame.Rect(rect.x, y, rect.width - lay.px(10), max(line_h, bottom - y))
        widgets.append(InboxArea("inbox:text", area, self.scroll, item, app))
        y = area.bottom + lay.px(8)
        if with_field:
            widgets.append(
                TextField(
                    "rationale",
                    pygame.Rect(rect.x, y, rect.width, bh),
                    rationale,
                    on_rationale,
                    placeholder=t("Why? (optional)"),
                    max_len=200,
                    tooltip=t("Your reason, kept in the session record"),
                )
            )
            y += bh + lay.px(8)
        rects = [r.move(0, y) for r in answer_rects]
        pid = item.id
        buttons = [
            Button("accept", rects[0], labels[0], lambda: answer(pid, True), style="primary", tooltip=t("Accept No. {number} (A)", number=pid)),
            Button("reject", rects[1], labels[1], lambda: answer(pid, False), tooltip=t("Reject No. {number} (R)", number=pid)),
            Button(
                "counter",
                rects[2],
                labels[2],
                lambda: counter(pid),
                enabled=not no_counter,
                tooltip=no_counter or t("Answer No. {number} with your own proposal, starting from it (C)", number=pid),
            ),
        ]
        for b in buttons:
            b.item = tag
        match_buttons(app, buttons)
        return widgets + buttons

    def _answer_row(self, app: Looks, rect: pygame.Rect, no_counter: str) -> tuple[list[pygame.Rect], list[str], bool]:
        """Where Accept, Reject and Counter go, from the top (y = 0) down, their labels, and whether those carry
        their keys: with the keys where they fit, else the plain words (the note then names the keys)."""
        lay, t = app.layout, app.t
        bh = lay.button_height()
        font = app.theme.text_font(lay, "small", "bold")
        plain = [t("Accept"), t("Reject"), t("Counter")]
        keyed = [t("Accept (A)"), t("Reject (R)"), t("Counter") if no_counter else t("Counter (C)")]
        # big text: Counter on its own row (one row while the words fit side by side, each as wide as it needs)
        if not fit_in_row(app, rect.width, plain, lay.px(8)):
            two = lay.columns(pygame.Rect(rect.x, 0, rect.width, bh), [1, 1], lay.px(8))
            rects = [two[0], two[1], pygame.Rect(rect.x, bh + lay.px(8), rect.width, bh)]
        else:  # widths by the labels, so the keys stay where the words leave room (see `button_columns`)
            rects = button_columns(app, pygame.Rect(rect.x, 0, rect.width, bh), keyed, lay.px(8))
        fits = all(text_width(font, x) <= r.width - 2 * lay.px(12) for x, r in zip(keyed, rects, strict=True))
        return rects, keyed if fits else plain, fits

    def _request_lines(self, app: Looks, width: int) -> list[tuple[str, str]]:
        lay = app.layout
        bold = app.theme.text_font(lay, "small", "bold")
        small = app.theme.text_font(lay, "small")
        r = self.requests[0]
        lines = [(x, "title") for x in wrap(bold, request_text(app, r), width)]
        return lines + [(x, "note") for x in wrap(small, request_note(app, r, width), width)]

    def _tight(self, app: Looks, rect: pygame.Rect, y: int, answer_rows: int) -> bool:
        """Whether the request box and a readable proposal (pager, three lines, the answer buttons: `answer_rows` rows
        of them) overflow the panel."""
        lay = app.layout
        bh = lay.button_height()
        bold = app.theme.text_font(lay, "small", "bold")
        small = app.theme.text_font(lay, "small")
        pad = lay.px(8)
        text_h = sum((bold if st == "title" else small).get_linesize() for _, st in self._request_lines(app, rect.width - 2 * pad))
        request_h = pad + text_h + lay.px(6) + bh + pad + lay.px(8)
        proposal_h = (bh + lay.px(6) if len(self.items) > 1 else 0) + 3 * small.get_linesize() + answer_rows * (bh + lay.px(8))
        return y + request_h + proposal_h > rect.bottom

    def _layout_request(self, app: Looks, rect: pygame.Rect, y: int, widgets: list[Widget], grant: Callable[[int, bool], None]) -> int:
        """The newest request for an audience: its sentence, what the answer does, Grant and Refuse; returns the y below it."""
        lay, t = app.layout, app.t
        bh = lay.button_height()
        r = self.requests[0]
        bold = app.theme.text_font(lay, "small", "bold")
        small = app.theme.text_font(lay, "small")
        pad = lay.px(8)
        width = rect.width - 2 * pad
        self.request_lines = [(x, "title") for x in wrap(bold, request_text(app, r), width)]
        self.request_lines += [(x, "note") for x in wrap(small, request_note(app, r, width), width)]
        text_h = sum((bold if st == "title" else small).get_linesize() for _, st in self.request_lines)
        box = pygame.Rect(rect.x, y, rect.width, pad + text_h + lay.px(6) + bh + pad)
        self.request_box = box
        row = pygame.Rect(box.x + pad, box.bottom - pad - bh, width, bh)
        cols = lay.columns(row, [1, 1], lay.px(8))
        labels, _ = _request_labels(app, width)
        tag = t("Request No. {number}", number=r.id)
        buttons = [
            Button(
                "grant", cols[0], labels[0], lambda: grant(r.id, True), style="primary", tooltip=t("Receive {who} for private talks (G)", who=r.asker)
            ),
            Button("refuse", cols[1], labels[1], lambda: grant(r.id, False), tooltip=t("Refuse {who} an audience (F)", who=r.asker)),
        ]
        for b in buttons:
            b.item = tag
        match_buttons(app, buttons)
        widgets.extend(buttons)
        return box.bottom + lay.px(8)

    def draw(self, surface: pygame.Surface, app: Looks) -> None:
        theme, lay = app.theme, app.layout
        bold = theme.text_font(lay, "label", "bold")
        small = theme.text_font(lay, "small")
        y = self.head.y
        for text, style in self.head_lines:
            font = bold if style == "head" else small
            line = pygame.Rect(self.head.x, y, self.head.width, font.get_linesize())
            draw_line(surface, font, text, theme.c("ink" if style == "head" else "ink_soft"), line)
            y += font.get_linesize()
        if self.requests and self.request_box.width:
            box = self.request_box
            pygame.draw.rect(surface, theme.c("link"), box, max(1, lay.px(2)), border_radius=lay.px(4))
            FRAME.add(surface, request_text(app, self.requests[0]), "item", box)
            pad = lay.px(8)
            y = box.y + pad
            sbold = theme.text_font(lay, "small", "bold")
            for text, style in self.request_lines:
                font = sbold if style == "title" else small
                draw_line(
                    surface,
                    font,
                    text,
                    theme.c("ink" if style == "title" else "ink_soft"),
                    pygame.Rect(box.x + pad, y, box.width - 2 * pad, font.get_linesize()),
                )
                y += font.get_linesize()
        if self.count.width:
            where = app.t("{k} of {n}", k=self.selected + 1, n=len(self.items))
            draw_line(surface, theme.text_font(lay, "small", "bold"), where, theme.c("ink"), self.count, "center")
