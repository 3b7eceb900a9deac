"""Headless pygame for every UI test: the drivers are set before pygame is imported."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from collections.abc import Iterator

import pygame
import pytest


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
