"""Issue #14, packaging: the wheel carries the scenarios and assets, and plays from an empty folder.

Builds the wheel from a clean copy of the project (so the checkout gets no build/ or
egg-info), installs it — not editable — into a fresh virtual environment that borrows
the already installed dependencies, and plays Genoa by id from an empty folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hardening_kit import ROOT

pytestmark = pytest.mark.packaging


def _copy_project(to: Path) -> Path:
    src = to / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "_data", "*.egg-info", "build", "dist")
    for name in ("game", "scenarios", "assets"):
        shutil.copytree(ROOT / name, src / name, ignore=ignore)
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md"):
        shutil.copy(ROOT / name, src / name)
    return src


def _build_wheel(src: Path, dist: Path) -> Path:
    try:
        import wheel  # noqa: F401  (present: build offline with the installed setuptools)

        isolation: list[str] = ["--no-build-isolation"]
    except ImportError:
        isolation = []  # pip fetches setuptools and wheel into an isolated build environment
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "-q", "-w", str(dist), *isolation], check=True, timeout=180, capture_output=True
    )
    (whl,) = dist.glob("plenipo-*.whl")
    return whl


def test_wheel_installs_and_plays_genoa_from_an_empty_folder(tmp_path: Path) -> None:
    whl = _build_wheel(_copy_project(tmp_path), tmp_path / "dist")
    names = zipfile.ZipFile(whl).namelist()
    assert "game/_data/scenarios/genoa_1922.toml" in names
    assert "game/_data/assets/fonts/NotoSans-Regular.ttf" in names
    assert "game/_data/assets/theme.json" in names
    assert any(n.startswith("game/i18n/locale/lt/") for n in names)

    venv = tmp_path / "venv"
    # --without-pip: the venv's python runs the pip it reaches through the paths below (the wheel is installed by it, into the venv)
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)], check=True, timeout=120)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    # --system-site-packages reaches the base interpreter's packages only; when the tests themselves run in a
    # venv, the dependencies live there, so the new venv is pointed at this interpreter's site-packages too
    # (a .pth line adds a folder to the path, after the venv's own, so the installed wheel still wins)
    theirs = subprocess.run(
        [str(bindir / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], check=True, capture_output=True, text=True
    ).stdout.strip()
    ours = [p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir()]
    (Path(theirs) / "zz_parent_env.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    subprocess.run(
        [str(bindir / "python"), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(whl)], check=True, timeout=120, capture_output=True
    )

    empty = tmp_path / "empty"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PLENIPO_HOME")}
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "xdg"))
    where = subprocess.run(
        [
            str(bindir / "python"),
            "-c",
            "import game, game.resources as r; print(game.__file__); print(r.shipped_scenarios()); print(r.assets_dir()); print(r.user_home())",
        ],
        cwd=empty,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout.splitlines()
    site = str(venv)
    assert all(line.startswith(site) for line in where[:3]), where  # the installed copy, not this checkout
    assert where[3] == str(tmp_path / "xdg" / "plenipo") or where[3].endswith("plenipo"), where

    result = subprocess.run(
        [str(bindir / "plenipo"), "simulate", "genoa_1922", "--seed", "1"], cwd=empty, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Outcome:" in result.stdout and "1922-04-10" in result.stdout
    assert list(empty.iterdir()) == []
