"""Where the shipped scenarios and assets are, and where a user's saves go.

In the repository `scenarios/` and `assets/` sit at the top, beside `game/`,
so designers find them; an installed wheel carries copies inside the package
(`game/_data/`, put there by the build hook in setup.py). This module is the
one place that knows both layouts: everything else asks it.
"""

from __future__ import annotations

import os
from functools import cache
from importlib import resources
from pathlib import Path

import platformdirs

APP = "plenipo"


@cache
def _data_root() -> Path:
    """The folder holding `scenarios/` and `assets/`: inside the installed package, else the checkout."""
    packaged = Path(str(resources.files("game"))) / "_data"
    if (packaged / "scenarios").is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent


def shipped_scenarios() -> Path:
    """The folder of scenarios that come with Plenipo (Genoa, the tutorial, their variants)."""
    return _data_root() / "scenarios"


def assets_dir() -> Path:
    """Themes, fonts and the paper texture of the game window."""
    return _data_root() / "assets"


def shipped_scenario(name: str) -> Path | None:
    """A shipped scenario by id (`genoa_1922`) or file name (`genoa_1922.toml`), or None."""
    if not name or "/" in name or "\\" in name or "\0" in name or name.startswith("."):
        return None
    folder = shipped_scenarios()
    for candidate in (folder / f"{name}.toml", folder / name):
        if candidate.suffix == ".toml" and candidate.is_file():
            return candidate
    return None


def shipped_ids() -> list[str]:
    """The ids of the shipped scenarios, for messages that list what may be named."""
    return sorted(p.stem for p in shipped_scenarios().glob("*.toml"))


def user_home() -> Path:
    """Plenipo's folder for this user: `$PLENIPO_HOME` if set, else the system's place for app data
    (`~/.local/share/plenipo`, `~/Library/Application Support/plenipo`, `%LOCALAPPDATA%\\plenipo`)."""
    home = os.environ.get("PLENIPO_HOME")
    if home:
        return Path(home)
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def package_parent() -> Path:
    """The folder that holds the `game` package: what a child process needs on its PYTHONPATH."""
    return Path(__file__).resolve().parent.parent
