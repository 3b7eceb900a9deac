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


GENOA_ID = "genoa_1922"


class NoSuchScenario(LookupError):
    """A scenario named on the command line is neither a file nor a shipped scenario's id."""


def find_scenario(name: str | None) -> Path:
    """A path, or the id / file name of a shipped scenario (`genoa_1922`, the default), from any folder.

    The one lookup of the command line and the window; NoSuchScenario lists the shipped ids."""
    if name is None:
        name = GENOA_ID
    if "\0" in name:
        raise NoSuchScenario(f"no scenario file {name!r}: a file name cannot hold a NUL character")
    path = Path(name)
    try:
        if path.exists() or path.is_symlink():
            return path  # the loader says what is wrong with it, if anything
    except OSError:
        return path
    shipped = shipped_scenario(name)
    if shipped is not None:
        return shipped
    raise NoSuchScenario(f"no scenario file {name!r} (give a path, or one of the shipped scenarios: {', '.join(shipped_ids())})")


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
