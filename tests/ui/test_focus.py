"""The focus group's mouse routing: only what is drawn takes a click."""

from __future__ import annotations

import pygame

from game.ui.kit.focus import FocusGroup
from game.ui.kit.widgets import Button


def test_a_hidden_widget_under_a_shown_one_takes_no_click() -> None:
    """A row scrolled out of view keeps its rect, which may lie under a button drawn there (the setup's
    delegation rows under "Below"): the click belongs to the button alone."""
    pressed: list[str] = []
    spot = pygame.Rect(10, 10, 100, 40)
    hidden = Button("row", spot, "Japan", lambda: pressed.append("row"))
    hidden.visible = False
    shown = Button("below", spot, "Below (3)", lambda: pressed.append("below"))
    group = FocusGroup()
    group.set([hidden, shown])
    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        group.handle_event(pygame.event.Event(kind, button=1, pos=(50, 30)), None)  # type: ignore[arg-type]
    assert pressed == ["below"]
    hidden.visible = True  # drawn again: it takes clicks again (first in the list, so before the button)
    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        group.handle_event(pygame.event.Event(kind, button=1, pos=(50, 30)), None)  # type: ignore[arg-type]
    assert pressed == ["below", "row"]
