"""The game window: owns the display, the loop, the scene stack and the settings.

Scenes reach everything shared through the `App` they are given (``scene.ctx``):
``theme``, ``layout``, ``tr`` (the translator), ``settings``, and the stack
operations. The engine plugs in through two documented seams instead of
imports, so this package runs (and is tested) before the engine exists:

* ``on_begin(setup: GameSetup) -> Scene | None``: called by "Begin the
  conference"; return the first scene of the game (it replaces the
  introduction). Returning None (or no hook) goes back to the setup screen.
* ``has_save() -> bool`` and ``on_continue() -> Scene | None``: enable and run
  "Continue last game" on the setup screen.

Headless: with ``SDL_VIDEODRIVER=dummy`` everything works; ``screenshot_dir``
saves a PNG of each screen the first time it is drawn (see `capture`).
"""

from __future__ import annotations

import contextlib
import os
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pygame

from game.i18n import Translator
from game.ui.kit.layout import Layout
from game.ui.kit.registry import FRAME
from game.ui.kit.scene import Scene, SceneStack
from game.ui.kit.theme import Theme, load_theme
from game.views.setup import SCENARIO_DIR, GameSetup

FPS = 60
STEP = 1.0 / FPS
DEFAULT_SIZE = (1280, 720)
MIN_SIZE = (960, 540)
MAX_SIZE = (3840, 2160)

BeginHook = Callable[[GameSetup], Scene | None]
ContinueHook = Callable[[], Scene | None]


class NoDisplayError(RuntimeError):
    """No screen to open a window on (the CLI turns this into a one-line message)."""


@dataclass(frozen=True)
class Settings:
    """What the pause menu's settings change; all apply at once, without a restart."""

    lang: str = "en"
    text_scale: float = 1.0  # 1.0 .. 2.0
    high_contrast: bool = False
    fullscreen: bool = False


def save_screenshot(surface: pygame.Surface, directory: str | Path, name: str) -> Path:
    """Write `surface` as ``<directory>/<name>.png`` (directory created); returns the path."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name) or "screen"
    path = folder / f"{safe}.png"
    pygame.image.save(surface, str(path))
    return path


class App:
    """The window and its loop. Create it, then `run()`; tests call `frame()` instead."""

    def __init__(
        self,
        *,
        size: tuple[int, int] = DEFAULT_SIZE,
        settings: Settings | None = None,
        scenario_dir: Path = SCENARIO_DIR,
        on_begin: BeginHook | None = None,
        has_save: Callable[[], bool] | None = None,
        on_continue: ContinueHook | None = None,
        screenshot_dir: str | Path | None = None,
        first_scene: Scene | None = None,
    ) -> None:
        self.settings = settings or Settings()
        self.scenario_dir = scenario_dir
        self.on_begin = on_begin
        self.has_save = has_save
        self.on_continue = on_continue
        self.screenshot_dir = Path(screenshot_dir) if screenshot_dir else None
        self._shot_names: set[str] = set()
        self._shot_requests: list[str] = []
        self.running = True
        self.clock_time = 0.0
        #: Quit once the outcome screen has been shown (and photographed): ``--exit-at-end``.
        self.exit_at_end = False
        #: No pauses between announcements (headless runs and tests); the order of screens is unchanged.
        self.fast = False
        #: How many all-AI games the outcome screen plays for its comparison (tests set it low).
        self.comparison_runs = 200
        #: perf_counter() when the program started, for the start-up time to the first frame.
        self.started: float | None = None
        self.first_frame_seconds: float | None = None
        #: Layers over every scene (designer mode): objects with handle_event(event) -> bool, update(dt), draw(surface).
        self.extras: list[Any] = []
        try:
            pygame.display.init()
            pygame.font.init()
        except pygame.error as err:
            raise NoDisplayError(str(err)) from err
        os.environ.setdefault("SDL_VIDEO_CENTERED", "1")
        pygame.display.set_caption("Plenipo")
        self.windowed_size = _clamp(size)
        self.surface = self._open_window(self.windowed_size, self.settings.fullscreen)
        self.tr = Translator(self.settings.lang)
        self.theme: Theme = load_theme(self.settings.high_contrast)
        self.layout = Layout(*self.surface.get_size(), self.settings.text_scale)
        self.stack = SceneStack(self)
        self.stack.push(first_scene or self.home_scene())

    # --- shared helpers for scenes -----------------------------------------------------
    def t(self, msgid: str, /, **values: object) -> str:
        return self.tr.t(msgid, **values)

    def home_scene(self) -> Scene:
        from game.ui.screens.setup.screen import SetupScene

        return SetupScene()

    # --- stack ----------------------------------------------------------------------
    def push(self, scene: Scene) -> None:
        self.stack.push(scene)

    def pop(self) -> None:
        self.stack.pop()
        if not len(self.stack):
            self.stack.push(self.home_scene())

    def replace(self, scene: Scene) -> None:
        self.stack.replace(scene)

    def to_setup(self) -> None:
        """Back to the setup screen: the one at the bottom of the stack if there is one, else a new one."""
        from game.ui.screens.setup.screen import SetupScene

        scenes = list(self.stack)
        if scenes and isinstance(scenes[0], SetupScene):
            while len(self.stack) > 1:
                self.stack.pop()
        else:
            self.stack.reset(self.home_scene())

    def begin(self, setup: GameSetup) -> None:
        """The conference starts: hand the setup to the engine side (see module docstring)."""
        scene = self.on_begin(setup) if self.on_begin else None
        if scene is None:
            self.to_setup()
        else:
            self.stack.reset(scene)

    def can_continue(self) -> bool:
        try:
            return bool(self.has_save and self.on_continue and self.has_save())
        except Exception:
            return False

    def continue_game(self) -> None:
        scene = self.on_continue() if self.on_continue else None
        if scene is not None:
            self.stack.reset(scene)

    def quit(self) -> None:
        self.running = False

    # --- settings and window -------------------------------------------------------------
    def apply_settings(self, settings: Settings) -> None:
        """Change language, text size, contrast or full screen now; every scene re-lays out."""
        old = self.settings
        self.settings = settings
        if settings.lang != old.lang:
            self.tr = Translator(settings.lang)
        if settings.high_contrast != old.high_contrast:
            self.theme = load_theme(settings.high_contrast)
        if settings.fullscreen != old.fullscreen:
            self.surface = self._open_window(self.windowed_size, settings.fullscreen)
        self._relayout()

    def set_language(self, lang: str) -> None:
        if lang != self.settings.lang:
            self.apply_settings(replace(self.settings, lang=lang))

    def toggle_fullscreen(self) -> None:
        self.apply_settings(replace(self.settings, fullscreen=not self.settings.fullscreen))

    def resize(self, width: int, height: int) -> None:
        if not self.settings.fullscreen:
            self.windowed_size = _clamp((width, height))
        surface = pygame.display.get_surface()
        if surface is not None:
            self.surface = surface
        self._relayout()

    def _relayout(self) -> None:
        self.layout = Layout(*self.surface.get_size(), self.settings.text_scale)
        self.stack.relayout()

    def _open_window(self, size: tuple[int, int], fullscreen: bool) -> pygame.Surface:
        try:
            if fullscreen:
                desktop = pygame.display.get_desktop_sizes() or [size]
                return pygame.display.set_mode(desktop[0], pygame.FULLSCREEN)
            surface = pygame.display.set_mode(size, pygame.RESIZABLE)
        except pygame.error as err:
            raise NoDisplayError(str(err)) from err
        with contextlib.suppress(AttributeError, pygame.error, ValueError), warnings.catch_warnings():
            # the only way to set a minimum size on a display-module window in pygame-ce 2.5; deprecated, harmless
            warnings.simplefilter("ignore", DeprecationWarning)
            pygame.Window.from_display_module().minimum_size = MIN_SIZE
        return surface

    # --- the loop -------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.quit()
            return
        if event.type == pygame.VIDEORESIZE:
            self.resize(event.w, event.h)
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()
            return
        if any(extra.handle_event(event) for extra in self.extras):
            return
        top = self.stack.top
        if top is None:
            return
        used = top.handle_event(event)
        if not used and event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            from game.ui.screens.conference.pause import PauseScene

            if not isinstance(top, PauseScene):
                self.push(PauseScene())

    def update(self, dt: float) -> None:
        self.clock_time += dt
        for extra in self.extras:
            extra.update(dt)
        top = self.stack.top
        if top is not None:
            top.update(dt)

    def draw(self) -> pygame.Surface:
        FRAME.begin(self.surface)
        for scene in self.stack.visible():
            scene.draw(self.surface)
        for extra in self.extras:
            extra.draw(self.surface)
        FRAME.end()
        self._take_screenshots()
        return self.surface

    @property
    def screenshot_pending(self) -> bool:
        """A screenshot was asked for and the frame it shows has not been drawn yet."""
        return bool(self._shot_requests)

    def capture(self, name: str) -> None:
        """Ask for a screenshot named `name` after the next frame (e.g. after each turn)."""
        if self.screenshot_dir is not None:
            self._shot_requests.append(name)

    def _take_screenshots(self) -> None:
        if self.screenshot_dir is None:
            return
        top = self.stack.top
        if top is not None and top.name not in self._shot_names:
            self._shot_names.add(top.name)
            save_screenshot(self.surface, self.screenshot_dir, top.name)
        for name in self._shot_requests:
            save_screenshot(self.surface, self.screenshot_dir, name)
        self._shot_requests.clear()

    def frame(self, events: Iterable[pygame.event.Event] = (), steps: int = 1) -> pygame.Surface:
        """One frame without the real clock: events, `steps` fixed updates, draw (for tests and tools)."""
        for event in events:
            self.handle_event(event)
        for _ in range(steps):
            self.update(STEP)
        return self.draw()

    def run(self, max_frames: int | None = None) -> None:
        """The fixed-timestep loop: updates at exactly 60 Hz, draws once per displayed frame."""
        clock = pygame.time.Clock()
        acc = 0.0
        frames = 0
        last = time.perf_counter()
        while self.running:
            for event in pygame.event.get():
                self.handle_event(event)
            now = time.perf_counter()
            acc = min(acc + now - last, 0.25)  # after a stall, skip ahead rather than spiral
            last = now
            while acc >= STEP:
                self.update(STEP)
                acc -= STEP
            self.draw()
            pygame.display.flip()
            if self.first_frame_seconds is None:
                self.first_frame_seconds = time.perf_counter() - (self.started or last)
                if os.environ.get("PLENIPO_TIMING"):
                    print(f"first frame after {self.first_frame_seconds:.3f} s (wall clock {time.time():.3f})")
            clock.tick(FPS)
            frames += 1
            if max_frames is not None and frames >= max_frames:
                break
        pygame.display.quit()


def _clamp(size: tuple[int, int]) -> tuple[int, int]:
    return (
        max(MIN_SIZE[0], min(MAX_SIZE[0], int(size[0]))),
        max(MIN_SIZE[1], min(MAX_SIZE[1], int(size[1]))),
    )
