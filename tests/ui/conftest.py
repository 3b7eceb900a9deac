"""Headless pygame for every UI test: the drivers are set before pygame is imported."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest
from game_helpers import loaded


@pytest.fixture
def make_app() -> Iterator:
    """Build an App (headless); closes the display afterwards."""
    from game.ui.app import App

    apps: list[App] = []

    def build(**kwargs: object) -> App:
        app = App(**kwargs)  # type: ignore[arg-type]
        apps.append(app)
        return app

    yield build
    from game.ui.screens.teacher.tools import uninstall

    for app in apps:
        uninstall(app)  # the console's hooks live in the conference module: the next test starts without them
    pygame.display.quit()


@pytest.fixture(autouse=True)
def _saves_in_tmp(tmp_path, monkeypatch) -> None:
    """Autosaves, saves and records of UI tests go to a temporary folder, never the user's.

    That folder is thrown away, so the saves skip `fsync` (tens of milliseconds
    per autosave on a busy disk, and the conference autosaves after every move);
    that saves are flushed to disk is tested in tests/play/test_save_files.py."""
    monkeypatch.setenv("PLENIPO_HOME", str(tmp_path / "plenipo_home"))
    monkeypatch.setattr("game.files.os.fsync", lambda fd: None)


#: All-AI games behind the debrief's "Compared" page in UI tests (the game plays 200).
COMPARISON_GAMES = 12


@pytest.fixture(autouse=True)
def _few_comparison_games(monkeypatch) -> None:
    """Every App starts with a small comparison: 12 games in the screen's thread instead of 200 in two processes.

    The window's default sends the outcome screen off to play 200 all-AI games in
    worker processes, which the UI scripts (`plenipo play --script`) never wait
    for: the batch outlived its test by seconds and took the CPU from the next
    ones. No UI test reads the comparison's figures (`comparison_lines` is tested
    on a tally; batches in tests/analysis), so a few games keep the path
    exercised. Tests that set `comparison_runs` themselves are unaffected."""
    from game.ui.app import App

    init = App.__init__

    def small(self: App, *args: object, **kwargs: object) -> None:
        init(self, *args, **kwargs)  # type: ignore[arg-type]
        self.comparison_runs = min(self.comparison_runs, COMPARISON_GAMES)

    monkeypatch.setattr(App, "__init__", small)


#: The shipped scenarios as the setup screen finds them, read once per test process (see below).
_shipped: tuple[list[Any], list[Any]] | None = None


@pytest.fixture(autouse=True)
def _shipped_scenarios_read_once(monkeypatch) -> None:
    """The setup screen's list of shipped scenarios is read once per test process, not once per window;
    so is a shipped scenario the setup screen starts a game on.

    Every App opens on the setup screen, which reads and checks every file in
    scenarios/ (about a third of a CPU second): that was most of what a short
    UI test cost. The shipped files do not change while the tests run and a
    loaded scenario is frozen, so each window gets the same entries in fresh
    lists. Any other folder (a test's own broken or edited scenarios) is read
    as always, and `discover` itself is tested unpatched in test_setup_model.py."""
    import game.ui.main as ui_main
    import game.ui.screens.setup.screen as setup_screen
    from game.views import setup as views

    real = views.discover
    shipped = views.SCENARIO_DIR.resolve()

    def discover(folder: Path = views.SCENARIO_DIR) -> tuple[list[Any], list[Any]]:
        global _shipped
        if Path(folder).resolve() != shipped:
            return real(folder)
        if _shipped is None:
            _shipped = real(folder)
        return list(_shipped[0]), list(_shipped[1])

    monkeypatch.setattr(setup_screen, "discover", discover)
    monkeypatch.setattr(ui_main, "discover", discover)

    real_load = ui_main.load

    def load(path: str | Path, overrides: Any = None) -> Any:
        """The same for the game the setup screen starts (`new_session`): a shipped file is loaded once per path."""
        if overrides is not None or Path(path).resolve().parent != shipped:
            return real_load(path, overrides)
        return loaded(Path(path))

    monkeypatch.setattr(ui_main, "load", load)
