"""The issue board as a widget: scrolls like any `ScrollArea`, and tells the full text of an option.

At 720p a long option label is cut to fit its cell on the board. Hovering a
cell shows the whole label and the option's description in a tooltip; a
keyboard user Tabs to the board and moves a cursor over the cells with the
arrow keys (Left / Right within an issue, Up / Down between issues), and the
cell under the cursor shows the same text. Geometry comes from
`conference_draw.board_cells`, the same as the painter's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.ui.kit.scroll import Painter, ScrollArea, ScrollState
from game.ui.screens.conference.draw import board_cells
from game.views.conference import IssueRow

if TYPE_CHECKING:
    from game.ui.app import App


@dataclass
class BoardState(ScrollState):
    """The board's scroll offset and the keyboard cursor (issue, option), kept across relayouts."""

    issue: int = -1  # -1: no cursor until an arrow key is pressed on the board
    option: int = 0


def option_tip(row: IssueRow, option: int) -> str:
    """The full words of one option: issue, label, and what agreeing to it means."""
    text = f"{row.title}: {row.options[option]}"
    detail = row.details[option] if option < len(row.details) else ""
    return text + (f"\n{detail}" if detail else "")


class BoardArea(ScrollArea):
    def __init__(
        self,
        key: str,
        rect: pygame.Rect,
        state: BoardState,
        content_height: int,
        paint: Painter,
        *,
        line: int,
        rows: list[tuple[int, int]],
        issues: tuple[IssueRow, ...],
        app: App,
        tooltip: str | None = None,
    ) -> None:
        super().__init__(key, rect, state, content_height, paint, line=line, tooltip=tooltip)
        self.rows = rows  # (top, height) of each issue in the board's content
        self.board = state
        self.issues = issues
        self.app = app
        if self.board.issue >= len(issues):
            self.board.issue = len(issues) - 1

    @property
    def focusable(self) -> bool:  # type: ignore[override]
        return bool(self.issues)  # always reachable: the keyboard reads the options here

    def _cells(self) -> list[tuple[int, int, pygame.Rect]]:
        return board_cells(self.app, self.rect, self.board.offset, self.issues)

    def tooltip_at(self, pos: tuple[int, int]) -> str | None:
        for i, o, cell in self._cells():
            if cell.collidepoint(pos) and self.rect.collidepoint(pos):
                return option_tip(self.issues[i], o)
        return self.tooltip

    def focus_tip(self, app: App) -> tuple[str, pygame.Rect] | None:
        cell = self._cursor_cell()
        if cell is None:
            return None
        return option_tip(self.issues[self.board.issue], self.board.option), cell

    def _cursor_cell(self) -> pygame.Rect | None:
        if self.board.issue < 0:
            return None
        return next((c for i, o, c in self._cells() if i == self.board.issue and o == self.board.option), None)

    def _show_cursor(self) -> None:
        """Scroll so the cursor's issue is in view."""
        row_top, row_h = self.rows[self.board.issue] if self.board.issue < len(self.rows) else (0, self.line)
        if row_top < self.board.offset:
            self.board.offset = row_top
        elif row_top + row_h > self.board.offset + self.rect.height:
            self.board.offset = min(self.max_offset, row_top + row_h - self.rect.height)

    def handle_event(self, event: pygame.event.Event, app: App) -> bool:
        if event.type == pygame.KEYDOWN and self.issues and event.key in (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP, pygame.K_DOWN):
            b = self.board
            if b.issue < 0:  # the first arrow press shows the cursor on the first issue in view
                b.issue = next((k for k, (top, h) in enumerate(self.rows) if top + h > self.board.offset), 0)
                b.option = 0
                self._show_cursor()
                return True
            if event.key in (pygame.K_LEFT, pygame.K_RIGHT):
                n = len(self.issues[b.issue].options)
                b.option = max(0, min(n - 1, b.option + (1 if event.key == pygame.K_RIGHT else -1)))
                return True
            step = 1 if event.key == pygame.K_DOWN else -1
            if not 0 <= b.issue + step < len(self.issues):
                b.issue = -1  # off either end: hand focus on, as a list does
                return False
            b.issue += step
            b.option = min(b.option, len(self.issues[b.issue].options) - 1)
            self._show_cursor()
            return True
        return super().handle_event(event, app)

    def draw(self, surface: pygame.Surface, app: App, focused: bool, hovered: bool) -> None:
        super().draw(surface, app, focused, hovered)
        cell = self._cursor_cell() if focused else None
        if cell is not None and self.rect.contains(cell):
            w = max(2, app.layout.px(3))
            pygame.draw.rect(surface, app.theme.c("focus"), cell.inflate(w, w), w, border_radius=app.layout.px(4))
