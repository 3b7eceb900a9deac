"""Scenes and the scene stack.

A scene is one screen (setup, introduction, pause menu, ...). The app keeps a
stack: `push` opens a screen over the current one (the pause menu), `pop`
returns, `replace` moves on. Only the top scene gets events and updates;
`draw` draws from the topmost non-overlay scene upward, so an overlay shows
the screen it pauses. `draw` must never change state: everything a frame shows
is decided in `handle_event`/`update`, which is what makes screenshots and
headless tests trustworthy.

A scene keeps its *state* (choices made, scroll position) apart from its
*widgets*: `layout()` rebuilds the widgets from the state whenever the window
size, text size, theme or language changes, so none of those lose a choice.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from game.ui.kit.context import AppContext


class Scene:
    """Base class: override what you need. `self.app` is set before `enter`.

    A scene sees the window only as an `AppContext` (game/ui/kit/context.py): the app is passed, never imported.
    """

    #: Used for screenshot file names (``setup.png``) and debugging.
    name: str = "scene"
    #: True for scenes drawn over the one below (pause menu, dialogs).
    overlay: bool = False
    #: True for scenes that take the table from the team while they are open (the menu, the teacher's
    #: cards): the teacher's layer treats the team as unable to play and hides its clock under them.
    covers_play: bool = False

    def __init__(self) -> None:
        self.app: AppContext | None = None

    @property
    def ctx(self) -> AppContext:
        if self.app is None:
            raise RuntimeError(f"scene {self.name!r} used before it entered the stack")
        return self.app

    def enter(self) -> None:
        """Became part of the stack (the app calls `layout` right after)."""

    def leave(self) -> None:
        """Left the stack for good."""

    def resume(self) -> None:
        """Is on top again after the scene above it was popped."""

    def layout(self) -> None:
        """(Re)build widgets and rects from `self.ctx.layout`, theme and translator."""

    def handle_event(self, event: pygame.event.Event) -> bool | None:
        """One input event; only the top scene receives them. Return True when used:
        an unused Esc opens the pause menu."""
        return None

    def update(self, dt: float) -> None:
        """Advance time by `dt` seconds (a fixed step, 1/60 s)."""

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the current state; must not change it."""


class SceneStack:
    """Push / pop / replace, calling each scene's hooks in the right order."""

    def __init__(self, app: AppContext) -> None:
        self._app = app
        self._scenes: list[Scene] = []

    def __len__(self) -> int:
        return len(self._scenes)

    def __iter__(self) -> Iterator[Scene]:
        return iter(list(self._scenes))

    @property
    def top(self) -> Scene | None:
        return self._scenes[-1] if self._scenes else None

    def _open(self, scene: Scene) -> None:
        scene.app = self._app
        self._scenes.append(scene)
        scene.enter()
        scene.layout()

    def push(self, scene: Scene) -> None:
        self._open(scene)

    def pop(self) -> Scene | None:
        if not self._scenes:
            return None
        scene = self._scenes.pop()
        scene.leave()
        if self._scenes:
            self._scenes[-1].resume()
        return scene

    def replace(self, scene: Scene) -> None:
        """Swap the top scene for `scene`."""
        if self._scenes:
            self._scenes.pop().leave()
        self._open(scene)

    def reset(self, scene: Scene) -> None:
        """Empty the stack and start again from `scene` (quit to setup)."""
        while self._scenes:
            self._scenes.pop().leave()
        self._open(scene)

    def visible(self) -> list[Scene]:
        """Scenes to draw, bottom first: from the topmost non-overlay scene up."""
        start = 0
        for i in range(len(self._scenes) - 1, -1, -1):
            if not self._scenes[i].overlay:
                start = i
                break
        return self._scenes[start:]

    def relayout(self) -> None:
        for scene in self._scenes:
            scene.layout()
