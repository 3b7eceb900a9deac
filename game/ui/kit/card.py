"""The dialog card: a panel of focusable widgets over the scene below.

Pause menu, settings, move forms, save and load, the teacher's cards all
behave alike: Esc closes them, Tab and the arrows move the focus, the scene
underneath stays visible but shaded. They share this base instead of each
repeating it.
"""

from __future__ import annotations

import pygame

from game.ui.kit.chrome import draw_panel, shade
from game.ui.kit.focus import FocusGroup
from game.ui.kit.scene import Scene


class CardScene(Scene):
    overlay = True

    def __init__(self) -> None:
        super().__init__()
        self.focus = FocusGroup()
        self.card = pygame.Rect(0, 0, 0, 0)

    def handle_event(self, event: pygame.event.Event) -> bool | None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.ctx.pop()
            return True
        return self.focus.handle_event(event, self.ctx)

    def update(self, dt: float) -> None:
        self.focus.update(dt)

    def shaded_card(self, surface: pygame.Surface, title: str) -> pygame.Rect:
        """Shade what is below, draw the card; returns the card's inner rect."""
        shade(surface, self.ctx)
        return draw_panel(surface, self.ctx, self.card, title)
