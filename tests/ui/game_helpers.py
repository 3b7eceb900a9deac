"""Driving a conference through the UI in tests: builds sessions and steps the app until something happens."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.play.session import Session, SessionSetup
from game.ui.app import App
from game.ui.screens.conference.handover import HandoverScene
from game.ui.screens.conference.screen import ConferenceScene
from game.views.setup import SCENARIO_DIR
from tests.scenario_files import loaded

GENOA = SCENARIO_DIR / "genoa_1922.toml"
TUTORIAL = SCENARIO_DIR / "tutorial.toml"


def session_for(path: Path, humans: tuple[str, ...] = (), seed: int = 5, length: str = "short", lang: str = "en") -> Session:
    return Session(loaded(path), SessionSetup(str(path), lang, humans, length, seed))


def two_humans(path: Path) -> tuple[str, ...]:
    dels = [d for d in loaded(path).scenario.delegations if not d.observer]
    return tuple(d.id for d in dels[-2:])


def start_conference(app: App, session: Session) -> ConferenceScene:
    app.fast = True
    app.comparison_runs = 0
    scene = ConferenceScene(session)
    app.stack.reset(scene)
    return scene


def run_until(app: App, predicate, limit: int = 3000) -> bool:  # type: ignore[no-untyped-def]
    """Frames (no input) until `predicate(app)` holds; True if it did."""
    for _ in range(limit):
        if predicate(app):
            return True
        app.update(1 / 60)
    return predicate(app)


def at_handover(app: App) -> bool:
    return isinstance(app.stack.top, HandoverScene)


def team_turn(app: App) -> bool:
    top = app.stack.top
    return isinstance(top, ConferenceScene) and top.team_turn


def key(k: int, mod: int = 0, unicode: str = "") -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=unicode, scancode=0)
