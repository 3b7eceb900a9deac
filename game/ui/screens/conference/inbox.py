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
from game.ui.kit.text import blit_text, draw_line
from game.ui.kit.widgets import Button, TextField, Widget, match_buttons
from game.ui.screens.conference.draw import wrapped
from game.views.inbox import InboxItem

if TYPE_CHECKING:
    from game.ui.app import App


def item_title(app: App, item: InboxItem) -> str:
    return app.t("No. {number}: {who} proposes {instrument}", number=item.id, who=item.proposer, instrument=item.instrument)


def item_lines(app: App, item: InboxItem) -> list[tuple[str, str]]:
    """The selected proposal as (text, style) paragraphs: where, every issue and option, the value, the answers."""
    t = app.t
    out = [(item_title(app, item), "title")]
    if item.private:
        out.append((t("Private talks with: {names}", names=", ".join(item.to)), "private"))
    else:
        out.append((t("In plenary: the whole conference hears it"), "soft"))
    if item.value is not None and item.no_deal is not None:
        out.append((t("Worth {value} to you (0–100); no agreement is worth {base}", value=round(item.value), base=round(item.no_deal)), "bold"))
    out.extend((f"• {issue}: {option}", "body") for issue, option in item.package)
    if item.accepted_by:
        out.append((t("Accepted by: {names}", names=", ".join(item.accepted_by)), "body"))
    if item.refused_by:
        out.append((t("Refused by: {names}", names=", ".join(item.refused_by)), "body"))
    if item.waiting_for:
        out.append((t("Not answered yet: {names}", names=", ".join(item.waiting_for)), "soft"))
    return out


def _fonts(app: App) -> dict[str, pygame.font.Font]:
    theme, lay = app.theme, app.layout
    body = theme.text_font(lay, "small")
    bold = theme.text_font(lay, "small", "bold")
    return {"title": bold, "private": bold, "soft": body, "body": body, "bold": bold}


def item_height(app: App, item: InboxItem, width: int) -> int:
    fonts = _fonts(app)
    gap = app.layout.px(4)
    return sum(len(wrapped(fonts[s], text, width)) * fonts[s].get_linesize() + gap for text, s in item_lines(app, item))


class InboxArea(ScrollArea):
    """The selected proposal's full text; it scrolls (Up / Down, Page keys, wheel) when longer than the panel."""

    def __init__(self, key: str, rect: pygame.Rect, state: ScrollState, item: InboxItem, app: App) -> None:
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
            for line in wrapped(font, text, rect.width):
                if y + font.get_linesize() >= rect.y and y <= rect.bottom:
                    blit_text(surface, font, line, theme.c(colours[style]), (rect.x, y))
                y += font.get_linesize()
            y += app.layout.px(4)

    def draw(self, surface: pygame.Surface, app: App, focused: bool, hovered: bool) -> None:
        FRAME.add(surface, item_title(app, self.entry), "item", self.rect.inflate(0, 0))
        super().draw(surface, app, focused, hovered)


class Inbox:
    """Lays out the inbox panel's widgets and draws its headline; the conference keeps the selection."""

    def __init__(self, items: tuple[InboxItem, ...], selected: int, scroll: ScrollState) -> None:
        self.items = items
        self.selected = max(0, min(selected, len(items) - 1))
        self.scroll = scroll
        self.head = pygame.Rect(0, 0, 0, 0)
        self.head_lines: list[tuple[str, str]] = []
        self.count = pygame.Rect(0, 0, 0, 0)

    @property
    def current(self) -> InboxItem | None:
        return self.items[self.selected] if self.items else None

    def layout(
        self,
        app: App,
        rect: pygame.Rect,
        *,
        rationale: str,
        on_rationale: Callable[[str], None],
        answer: Callable[[int, bool], None],
        counter: Callable[[int], None],
        select: Callable[[int], None],
    ) -> list[Widget]:
        """The widgets for `rect` (the panel's inside), top to bottom; the headline goes in `self.head`."""
        lay, t = app.layout, app.t
        item = self.current
        if item is None:
            return []
        bh = lay.button_height()
        bold = app.theme.text_font(lay, "label", "bold")
        small = app.theme.text_font(lay, "small")
        n = len(self.items)
        head = app.tr.tn("{n} proposal awaits your answer", "{n} proposals await your answer", n)
        note = t("Answering does not end your turn.")
        self.head_lines = [(x, "head") for x in wrapped(bold, head, rect.width)]
        self.head_lines += [(x, "note") for x in wrapped(small, note, rect.width)]
        head_h = sum((bold if s == "head" else small).get_linesize() for _, s in self.head_lines)
        self.head = pygame.Rect(rect.x, rect.y, rect.width, head_h)
        y = self.head.bottom + lay.px(6)
        widgets: list[Widget] = []
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
        font = app.theme.text_font(lay, "small", "bold")
        third = (rect.width - 2 * lay.px(8)) // 3 - 2 * lay.px(12)
        stacked = any(font.size(x)[0] > third for x in (t("Accept"), t("Reject"), t("Counter")))  # big text: Counter on its own row
        rows = 2 if stacked else 1
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
        if stacked:
            two = lay.columns(pygame.Rect(rect.x, y, rect.width, bh), [1, 1], lay.px(8))
            rects = [two[0], two[1], pygame.Rect(rect.x, y + bh + lay.px(8), rect.width, bh)]
        else:
            rects = lay.columns(pygame.Rect(rect.x, y, rect.width, bh), [1, 1, 1], lay.px(8))
        room = rects[0].width - 2 * lay.px(12)
        keyed = [t("Accept (A)"), t("Reject (R)"), t("Counter (C)")]
        labels = keyed if all(font.size(x)[0] <= room for x in keyed) else [t("Accept"), t("Reject"), t("Counter")]
        pid = item.id
        buttons = [
            Button("accept", rects[0], labels[0], lambda: answer(pid, True), style="primary", tooltip=t("Accept No. {number} (A)", number=pid)),
            Button("reject", rects[1], labels[1], lambda: answer(pid, False), tooltip=t("Reject No. {number} (R)", number=pid)),
            Button(
                "counter",
                rects[2],
                labels[2],
                lambda: counter(pid),
                tooltip=t("Answer No. {number} with your own proposal, starting from it (C)", number=pid),
            ),
        ]
        for b in buttons:
            b.item = tag
        match_buttons(app, buttons)
        return widgets + buttons

    def draw(self, surface: pygame.Surface, app: App) -> None:
        theme, lay = app.theme, app.layout
        bold = theme.text_font(lay, "label", "bold")
        small = theme.text_font(lay, "small")
        y = self.head.y
        for text, style in self.head_lines:
            font = bold if style == "head" else small
            line = pygame.Rect(self.head.x, y, self.head.width, font.get_linesize())
            draw_line(surface, font, text, theme.c("ink" if style == "head" else "ink_soft"), line)
            y += font.get_linesize()
        if self.count.width:
            where = app.t("{k} of {n}", k=self.selected + 1, n=len(self.items))
            draw_line(surface, theme.text_font(lay, "small", "bold"), where, theme.c("ink"), self.count, "center")
