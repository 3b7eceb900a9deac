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
    """Autosaves, saves and records of UI tests go to a temporary folder, never the user's."""
    monkeypatch.setenv("PLENIPO_HOME", str(tmp_path / "plenipo_home"))
