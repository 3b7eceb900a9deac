"""What a screen may ask of the window, as small Protocols: the app is passed, never imported.

The window (``game.ui.app.App``) owns the display, the loop and the scene stack;
the kit and the screens see it only through these protocols, so the import
arrows run one way (app -> screens -> kit) and a test can hand a screen a
stand-in. Each protocol is one concern, named after what it gives:

* `Looks`: how to draw (the layout, the theme, the translator) — all a widget needs;
* `Navigation`: switching scenes (push, pop, replace, back to setup, quit);
* `Preferences`: the settings the pause menu changes, applied at once;
* `GameHooks`: beginning and continuing a game (the engine's seams);
* `RunOptions`: how this run was started (headless speed-ups, screenshots);
* `Layers`: the layers over every scene (teacher, designer) and the window's clock.

`AppContext` is all of them: what ``Scene.ctx`` returns. A function asks for the
narrowest one it uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pygame

from game.i18n import Translator
from game.ui.kit.layout import Layout
from game.ui.kit.theme import Theme

if TYPE_CHECKING:
    from game.ui.kit.scene import Scene, SceneStack
    from game.views.setup import GameSetup


@dataclass(frozen=True)
class Settings:
    """What the pause menu's settings change; all apply at once, without a restart."""

    lang: str = "en"
    text_scale: float = 1.0  # 1.0 .. 2.0
    high_contrast: bool = False
    fullscreen: bool = False


class Looks(Protocol):
    """How to draw: sizes from the window and text size, colours and fonts, words in the player's language."""

    layout: Layout
    theme: Theme
    tr: Translator

    def t(self, msgid: str, /, **values: object) -> str: ...


class Navigation(Protocol):
    """Switching scenes: the stack itself for the few screens that look into it (the teacher's layer, pause)."""

    stack: SceneStack

    def push(self, scene: Scene) -> None: ...

    def pop(self) -> None: ...

    def replace(self, scene: Scene) -> None: ...

    def to_setup(self) -> None: ...

    def quit(self) -> None: ...


class Preferences(Protocol):
    """The settings (language, text size, contrast, full screen); changing them re-lays out every scene."""

    settings: Settings

    def apply_settings(self, settings: Settings) -> None: ...

    def set_language(self, lang: str) -> None: ...


class GameHooks(Protocol):
    """Where the setup screen hands over to the engine side (see ``game.ui.app``'s docstring)."""

    scenario_dir: Path

    def begin(self, setup: GameSetup) -> None: ...

    def can_continue(self) -> bool: ...

    def continue_game(self) -> None: ...


class RunOptions(Protocol):
    """How this run was started: headless speed-ups for tests and scripts, screenshots on request."""

    #: No pauses between announcements (headless runs and tests).
    fast: bool
    #: Quit once the outcome screen has been shown (and photographed).
    exit_at_end: bool
    #: How many all-AI games the outcome screen plays for its comparison.
    comparison_runs: int

    @property
    def screenshot_pending(self) -> bool: ...

    def capture(self, name: str) -> None: ...


class Layer(Protocol):
    """Something drawn over every scene and offered every event first (designer mode, the teacher's layer)."""

    def handle_event(self, event: pygame.event.Event) -> bool: ...

    def update(self, dt: float) -> None: ...

    def draw(self, surface: pygame.Surface) -> None: ...


class Layers(Protocol):
    """The layers over every scene, and the window's clock (seconds of updates) they keep time by."""

    extras: list[Layer]
    clock_time: float


class AppContext(Looks, Navigation, Preferences, GameHooks, RunOptions, Layers, Protocol):
    """Everything a screen may ask of the window: what ``Scene.ctx`` returns."""
