"""Fixtures for the engine tests; the drivers and the MINI scenario are in engine_kit.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from engine_kit import MINI, TUTORIAL, compile_text

from game.engine.compiled import CompiledScenario, compile_scenario
from game.scenario.loader import load


@pytest.fixture(scope="session")
def tutorial() -> CompiledScenario:
    return compile_scenario(load(TUTORIAL).scenario)


@pytest.fixture
def mini(tmp_path: Path) -> CompiledScenario:
    return compile_text(tmp_path, MINI)


@pytest.fixture
def compile_toml(tmp_path: Path) -> Callable[[str], CompiledScenario]:
    return lambda text: compile_text(tmp_path, text)
