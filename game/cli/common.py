"""What every subcommand shares: loading a scenario, and failing cleanly."""

from __future__ import annotations

import sys
from pathlib import Path

from game.engine.compiled import CompiledScenario, UnknownLength, compile_scenario
from game.scenario.errors import ScenarioError
from game.scenario.loader import LoadedScenario, load

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
GENOA = SCENARIOS / "genoa_1922.toml"


class CliError(Exception):
    """Bad input from the command line: printed as one paragraph, exit status 2."""


def find_scenario(name: str | None) -> Path:
    """A path, or a scenario id / file name looked up in the shipped `scenarios/`."""
    if name is None:
        return GENOA
    path = Path(name)
    if path.exists():
        return path
    for candidate in (SCENARIOS / name, SCENARIOS / f"{name}.toml"):
        if candidate.exists():
            return candidate
    raise CliError(f"no scenario file {name!r} (give a path, or one of: {', '.join(p.stem for p in sorted(SCENARIOS.glob('*.toml')))})")


def load_scenario(name: str | None) -> tuple[LoadedScenario, CompiledScenario]:
    path = find_scenario(name)
    try:
        loaded = load(path)
    except ScenarioError as err:
        raise CliError(f"{path} has {len(err.problems)} problem(s):\n{err}") from None
    return loaded, compile_scenario(loaded.scenario)


def require_length(cs: CompiledScenario, length_id: str) -> str:
    """`length_id` if the scenario offers it; otherwise a CliError naming the lengths it does offer."""
    try:
        return cs.check_length(length_id)
    except UnknownLength as unknown:
        raise CliError(str(unknown)) from None


def err(message: str) -> None:
    print(f"plenipo: {message}", file=sys.stderr)
