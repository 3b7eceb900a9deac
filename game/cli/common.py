"""What every subcommand shares: loading a scenario, and failing cleanly."""

from __future__ import annotations

import sys
from pathlib import Path

from game import resources
from game.engine.compiled import CompiledScenario, compile_scenario
from game.scenario.errors import ScenarioError
from game.scenario.loader import LoadedScenario, load


class CliError(Exception):
    """Bad input from the command line: printed as one paragraph, exit status 2."""


def find_scenario(name: str | None) -> Path:
    """A path, or the id / file name of a shipped scenario (`genoa_1922`), from any folder (see game.resources)."""
    try:
        return resources.find_scenario(name)
    except resources.NoSuchScenario as unknown:
        raise CliError(str(unknown)) from None


def load_scenario(name: str | None) -> tuple[LoadedScenario, CompiledScenario]:
    path = find_scenario(name)
    try:
        loaded = load(path)
    except ScenarioError as err:
        raise CliError(f"{path} has {len(err.problems)} problem(s):\n{err}") from None
    return loaded, compile_scenario(loaded.scenario)


def err(message: str) -> None:
    print(f"plenipo: {message}", file=sys.stderr)
