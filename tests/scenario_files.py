"""The shipped scenario files, read once per test process: the engine, AI and UI tests share one cache."""

from __future__ import annotations

import functools
from pathlib import Path

from game.scenario.loader import LoadedScenario, load


@functools.cache
def loaded(path: Path) -> LoadedScenario:
    """A shipped scenario file read once per test process (the files do not change during a run and the
    result is frozen); each test still compiles its own."""
    return load(path)
