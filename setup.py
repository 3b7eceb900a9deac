"""Ship `scenarios/` and `assets/` inside the wheel, while they stay at the top of the repository.

Designers and the README find them beside `game/`; an installed Plenipo finds
its copies in `game/_data/` through `game.resources`, which knows both places.
Everything else about the package is in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
DATA = ("scenarios", "assets")


class BuildWithData(build_py):
    """The usual build, plus a copy of the data folders under game/_data in the build tree."""

    def run(self) -> None:
        super().run()
        for name in DATA:
            source = HERE / name
            if not source.is_dir():
                continue
            target = Path(self.build_lib) / "game" / "_data" / name
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "make_assets.py"))


setup(cmdclass={"build_py": BuildWithData})
