"""Keyboard focus for a screen's widgets: Tab, arrows, Enter, plus mouse hover and tooltips.

Plenipo draws its own widgets, and a class that cannot use a mouse on the
projector computer must still be able to play, so every screen puts its
widgets in a `FocusGroup` and gets the same keys everywhere:
Tab / Shift+Tab and Up / Down move between widgets (a list moves inside itself
first), Left / Right change a choice, Enter or Space activates.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pygame

from game.ui.kit.text import draw_wrapped, text_width, wrap

if TYPE_CHECKING:
    from game.ui.kit.context import Looks
    from game.ui.kit.widgets import Widget

TOOLTIP_DELAY = 0.6


class FocusGroup:
    """The widgets of one screen in focus order; remembers focus across rebuilds by widget key."""

    def __init__(self) -> None:
        self.widgets: list[Widget] = []
        self.focus_key: str | None = None
        self.hover_key: str | None = None
        self.hover_time = 0.0
        self.hover_tip: str | None = None
        self.mouse = (0, 0)
        self.auto_chosen = False  # the focus was put on the first widget, not chosen by the user

    def set(self, widgets: Sequence[Widget], auto: bool = True) -> None:
        """Replace the widgets (after a layout); keeps focus on the widget with the same key if any.

        With `auto` False nothing is focused until the user moves the focus (Tab, a click): a screen
        where nobody is expected to act (the AI's turn) shows no focus ring calling for a press."""
        self.widgets = list(widgets)
        if not auto and self.auto_chosen:
            self.focus_key, self.auto_chosen = None, False
        if self.focused is None or not self.focused.can_focus:
            first = next((w for w in self.widgets if w.can_focus), None) if auto else None
            self.focus_key = first.key if first else None
            self.auto_chosen = first is not None

    @property
    def focused(self) -> Widget | None:
        return next((w for w in self.widgets if w.key == self.focus_key), None)

    @property
    def hovered(self) -> Widget | None:
        return next((w for w in self.widgets if w.key == self.hover_key), None)

    def focus(self, key: str) -> None:
        if any(w.key == key and w.can_focus for w in self.widgets):
            self.focus_key, self.auto_chosen = key, False

    def move(self, step: int) -> None:
        order = [w for w in self.widgets if w.can_focus]
        if not order:
            return
        keys = [w.key for w in order]
        i = keys.index(self.focus_key) if self.focus_key in keys else (-1 if step > 0 else 0)
        self.focus_key = keys[(i + step) % len(keys)]
        self.auto_chosen = False

    def handle_event(self, event: pygame.event.Event, app: Looks) -> bool:
        """Route one event; True when a widget or the focus movement used it."""
        focused = self.focused
        if event.type == pygame.MOUSEMOTION:
            self.mouse = event.pos
            over = self.widget_at(event.pos)
            key = over.key if over else None
            tip = over.tooltip_at(event.pos) if over else None
            if key != self.hover_key or tip != self.hover_tip:
                self.hover_key, self.hover_time, self.hover_tip = key, 0.0, tip
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            over = self.widget_at(event.pos)
            if over and over.can_focus:
                self.focus_key, self.auto_chosen = over.key, False
        # the focused widget sees keys first (a text field wants arrows, a list wants Up/Down)
        if focused is not None and event.type in (pygame.KEYDOWN, pygame.TEXTINPUT) and focused.handle_event(event, app):
            return True
        if event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEWHEEL, pygame.MOUSEMOTION):
            # a hidden widget takes no clicks: a delegation row scrolled out of view keeps a rect under
            # whatever is drawn there (the setup's "Below" button once switched a hidden row to a team)
            for w in self.widgets:
                if w.enabled and w.visible and w.handle_event(event, app):
                    return True
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_TAB:
                self.move(-1 if event.mod & pygame.KMOD_SHIFT else 1)
                return True
            if event.key in (pygame.K_DOWN,):
                self.move(1)
                return True
            if event.key in (pygame.K_UP,):
                self.move(-1)
                return True
        return False

    def widget_at(self, pos: tuple[int, int]) -> Widget | None:
        return next((w for w in reversed(self.widgets) if w.visible and w.rect.collidepoint(pos)), None)

    def update(self, dt: float) -> None:
        if self.hover_key is not None:
            self.hover_time += dt

    def draw(self, surface: pygame.Surface, app: Looks) -> None:
        for w in self.widgets:
            if w.visible:
                w.draw(surface, app, focused=w.key == self.focus_key, hovered=w.key == self.hover_key)
        self.draw_tooltip(surface, app)

    def draw_tooltip(self, surface: pygame.Surface, app: Looks) -> None:
        """The hovered widget's tooltip after a moment; else the focused widget's tip for what the keys point at."""
        w = self.hovered
        text = w.tooltip_at(self.mouse) if w is not None else None
        anchor: pygame.Rect | None = None
        if not text or self.hover_time < TOOLTIP_DELAY:
            focused = self.focused
            tip = focused.focus_tip(app) if focused is not None else None
            if tip is None:
                return
            text, anchor = tip
        theme, lay = app.theme, app.layout
        font = theme.text_font(lay, "small")
        width = min(lay.px(420), lay.width - 2 * lay.margin)
        pad = lay.px(10)
        lines = wrap(font, text, width - 2 * pad)
        h = len(lines) * round(font.get_linesize() * 1.2) + 2 * pad
        tw = min(width, max(text_width(font, line) for line in lines) + 2 * pad + 2)
        point = (anchor.x, anchor.bottom) if anchor is not None else self.mouse
        box = pygame.Rect(point[0] + lay.px(14), point[1] + lay.px(20), tw, h)
        if anchor is not None:
            box.topleft = (anchor.x, anchor.bottom + lay.px(6))
        box.clamp_ip(surface.get_rect())
        if anchor is not None and box.colliderect(anchor):
            box.bottom = anchor.y - lay.px(6)
            box.clamp_ip(surface.get_rect())
        elif anchor is None and box.collidepoint(self.mouse):
            box.bottom = self.mouse[1] - lay.px(8)
            box.clamp_ip(surface.get_rect())
        pygame.draw.rect(surface, theme.c("tooltip_bg"), box, border_radius=lay.px(4))
        pygame.draw.rect(surface, theme.c("border"), box, max(1, lay.px(1)), border_radius=lay.px(4))
        draw_wrapped(surface, font, text, theme.c("tooltip_text"), box.inflate(-2 * pad, -2 * pad))
