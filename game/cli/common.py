"""What every subcommand shares: loading a scenario, and failing cleanly."""

from __future__ import annotations

import sys
from pathlib import Path

from game.engine.compiled import CompiledScenario, compile_scenario
from game.resources import shipped_ids, shipped_scenario
from game.scenario.errors import ScenarioError
from game.scenario.loader import LoadedScenario, load

GENOA_ID = "genoa_1922"


class CliError(Exception):
    """Bad input from the command line: printed as one paragraph, exit status 2."""


def find_scenario(name: str | None) -> Path:
    """A path, or the id / file name of a shipped scenario (`genoa_1922`), from any folder."""
    if name is None:
        name = GENOA_ID
    if "\0" in name:
        raise CliError(f"no scenario file {name!r}: a file name cannot hold a NUL character")
    path = Path(name)
    try:
        if path.exists() or path.is_symlink():
            return path  # the loader says what is wrong with it, if anything
    except OSError:
        return path
    shipped = shipped_scenario(name)
    if shipped is not None:
        return shipped
    raise CliError(f"no scenario file {name!r} (give a path, or one of the shipped scenarios: {', '.join(shipped_ids())})")


def load_scenario(name: str | None) -> tuple[LoadedScenario, CompiledScenario]:
    path = find_scenario(name)
    try:
        loaded = load(path)
    except ScenarioError as err:
        raise CliError(f"{path} has {len(err.problems)} problem(s):\n{err}") from None
    return loaded, compile_scenario(loaded.scenario)


def err(message: str) -> None:
    print(f"plenipo: {message}", file=sys.stderr)
