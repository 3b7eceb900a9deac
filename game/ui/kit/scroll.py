"""A scrollable area for content taller than its box (long settings, many delegations).

The content is painted by a callback at an offset, clipped to the box. The
offset lives in a `ScrollState` the screen owns, so relayouts keep it.
Keyboard: Up / Down scroll a line (and hand focus on at either end),
Page Up / Page Down a page, Home / End; the mouse wheel scrolls too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.ui.kit.widgets import Widget, draw_box

if TYPE_CHECKING:
    from game.ui.app import App

Painter = Callable[[pygame.Surface, pygame.Rect, int], None]


@dataclass
class ScrollState:
    offset: int = 0


class ScrollArea(Widget):
    def __init__(
        self,
        key: str,
        rect: pygame.Rect,
        state: ScrollState,
        content_height: int,
        paint: Painter,
        *,
        line: int,
        framed: bool = False,
        tooltip: str | None = None,
    ) -> None:
        super().__init__(key, rect, tooltip=tooltip)
        self.state, self.content_height, self.paint, self.line, self.framed = state, content_height, paint, line, framed
        self.state.offset = max(0, min(self.state.offset, self.max_offset))

    @property
    def max_offset(self) -> int:
        return max(0, self.content_height - self.rect.height)

    @property
    def focusable(self) -> bool:  # type: ignore[override]
        return self.max_offset > 0  # nothing to scroll: Tab skips it

    def scroll(self, delta: int) -> bool:
        before = self.state.offset
        self.state.offset = max(0, min(self.max_offset, before + delta))
        return self.state.offset != before

    def handle_event(self, event: pygame.event.Event, app: App) -> bool:
        if event.type == pygame.KEYDOWN:
            page = max(self.line, self.rect.height - self.line)
            if event.key == pygame.K_DOWN:
                return self.scroll(self.line)
            if event.key == pygame.K_UP:
                return self.scroll(-self.line)
            if event.key == pygame.K_PAGEDOWN:
                self.scroll(page)
                return True
            if event.key == pygame.K_PAGEUP:
                self.scroll(-page)
                return True
            if event.key == pygame.K_HOME:
                self.scroll(-self.content_height)
                return True
            if event.key == pygame.K_END:
                self.scroll(self.content_height)
                return True
        if event.type == pygame.MOUSEWHEEL and self.rect.collidepoint(pygame.mouse.get_pos()):
            self.scroll(-event.y * self.line * 2)
            return True
        return False

    def draw(self, surface: pygame.Surface, app: App, focused: bool, hovered: bool) -> None:
        theme, lay = app.theme, app.layout
        if self.framed or focused:
            draw_box(surface, app, self.rect.inflate(lay.px(12), lay.px(12)), "panel_bg", "panel_bg", focused, width=0)
        clip = surface.get_clip()
        surface.set_clip(self.rect.clip(clip) if clip else self.rect)
        self.paint(surface, self.rect, self.state.offset)
        surface.set_clip(clip)
        if self.max_offset:
            bar_w = max(4, lay.px(6))
            track = pygame.Rect(self.rect.right + lay.px(2), self.rect.y, bar_w, self.rect.height)
            pygame.draw.rect(surface, theme.c("paper_dark"), track, border_radius=bar_w // 2)
            h = max(lay.px(30), round(track.height * self.rect.height / self.content_height))
            y = track.y + round((track.height - h) * self.state.offset / self.max_offset)
            pygame.draw.rect(surface, theme.c("brass"), (track.x, y, bar_w, h), border_radius=bar_w // 2)
