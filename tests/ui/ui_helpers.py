"""Helpers shared by the UI tests (a uniquely named module: the engine tests own `conftest` imports)."""

from __future__ import annotations

import pygame

from game.views.setup import SCENARIO_DIR

SCENARIOS = sorted(SCENARIO_DIR.glob("*.toml"))


def key(k: int, mod: int = 0, unicode: str = "") -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=unicode, scancode=0)


def text(s: str) -> pygame.event.Event:
    return pygame.event.Event(pygame.TEXTINPUT, text=s)
