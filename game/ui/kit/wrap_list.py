"""A list whose rows wrap their title (two lines) and detail (four), never cut mid-word.

The setup screen's scenario list holds titles such as "The Genoa Conference,
1922" and "What if: leases count as compensation" in a third of a 1280-pixel
window, and at 175% text: a one-line row cut them to "The Genoa Conference,
19…". Here every row is as tall as the longest item needs (so the rows stay
evenly spaced and the mouse maths of `ListBox` still hold), and the "3–6 / 10"
position pill gets its own strip under the rows instead of covering the last one.
The strip also holds "Previous" and "Next": a mouse without a wheel, or a finger on
a touch board, reaches the rows scrolled out of view (at 175% text the setup shows
one scenario of ten).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import pygame

from game.ui.kit.text import draw_wrapped, wrap
from game.ui.kit.widgets import ListBox, draw_box

if TYPE_CHECKING:
    from game.ui.kit.context import Looks

MAX_LINES = 2  # of a title
DETAIL_LINES = 4  # of the line under it (a scenario's subtitle is often a whole question)


def _text_width(app: Looks, width: int) -> int:
    lay = app.layout
    return max(1, width - 2 * lay.px(12) - lay.px(6))


def row_height_for(app: Looks, items: Sequence[tuple[str, str]], width: int, title_lines: int = MAX_LINES) -> int:
    """The height of a row that shows the longest item's title and detail in full (up to `title_lines` and four lines)."""
    theme, lay = app.theme, app.layout
    title_font, small = theme.text_font(lay, "label", "bold"), theme.text_font(lay, "small")
    inner = _text_width(app, width)
    lines = max((min(title_lines, len(wrap(title_font, t, inner))) for t, _ in items), default=1)
    detail_lines = max((min(DETAIL_LINES, len(wrap(small, d, inner))) if d else 0 for _, d in items), default=0)
    return lines * title_font.get_linesize() + detail_lines * small.get_linesize() + lay.px(14)


def pill_height(app: Looks) -> int:
    """The strip under the rows that holds the "3–6 / 10" pill when not every row fits."""
    return app.theme.text_font(app.layout, "small").get_linesize() + app.layout.px(8)


class WrapListBox(ListBox):
    """`ListBox` with wrapped rows; `strip` is the height kept under the rows for the position pill."""

    def __init__(
        self,
        key: str,
        rect: pygame.Rect,
        items: Sequence[tuple[str, str]],
        selected: int,
        on_select: Callable[[int], None],
        *,
        row_height: int,
        strip: int = 0,
        title_lines: int = MAX_LINES,
        on_activate: Callable[[int], None] | None = None,
        tooltip: str | None = None,
    ) -> None:
        super().__init__(key, rect, items, selected, on_select, row_height=row_height, on_activate=on_activate, tooltip=tooltip)
        self.strip, self.title_lines = strip, title_lines

    @property
    def visible_rows(self) -> int:
        if len(self.items) * self.row_height <= self.rect.height:
            return max(1, len(self.items))
        return max(1, (self.rect.height - self.strip) // self.row_height)

    def draw(self, surface: pygame.Surface, app: Looks, focused: bool, hovered: bool) -> None:
        theme, lay = app.theme, app.layout
        draw_box(surface, app, self.rect, "panel_bg", "border", focused)
        title_font, small = theme.text_font(lay, "label", "bold"), theme.text_font(lay, "small")
        pad = lay.px(12)
        shown = self.items[self.first : self.first + self.visible_rows]
        for n, (title, detail) in enumerate(shown):
            i = self.first + n
            row = pygame.Rect(self.rect.x, self.rect.y + n * self.row_height, self.rect.width, self.row_height)
            chosen = i == self.selected
            if chosen:
                back = row.inflate(-lay.px(6), -lay.px(4))
                pygame.draw.rect(surface, theme.c("selected_bg"), back, border_radius=lay.px(4))
                pygame.draw.rect(surface, theme.c("brass"), (back.x, back.y, lay.px(6), back.height))
            fg, soft = ("selected_text", "selected_text") if chosen else ("ink", "ink_soft")
            self.report(surface, title, "row", rect=row.inflate(-4, -4))
            inner = pygame.Rect(row.x + pad + lay.px(4), row.y + lay.px(6), _text_width(app, row.width), row.height - lay.px(12))
            title_rows = min(self.title_lines, len(wrap(title_font, title, inner.width)))
            used = draw_wrapped(surface, title_font, title, theme.c(fg), inner, spacing=1.0, max_lines=title_rows)
            if detail:
                rest = pygame.Rect(inner.x, inner.y + used, inner.width, max(0, inner.bottom - inner.y - used))
                draw_wrapped(surface, small, detail, theme.c(soft), rest, spacing=1.0, max_lines=DETAIL_LINES)
        self.draw_position(surface, app)
