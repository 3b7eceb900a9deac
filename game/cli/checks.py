"""Command-line values checked before any work starts, so a typo gets a message, not a traceback.

Each check raises CliError with one paragraph that names the option, the
value given and what would be accepted.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from game.cli.common import CliError
from game.engine.compiled import CompiledScenario, UnknownLength
from game.i18n import available_languages
from game.scenario.errors import did_you_mean

#: numpy seeds from any non-negative integer; 2**63 - 1 keeps a seed printable and storable in every save format.
MAX_SEED = 2**63 - 1
#: More games than any calibration needs (a million take hours); beyond it a typo must not fill the memory.
MAX_RUNS = 1_000_000


def check_seed(seed: int | None, option: str = "--seed") -> None:
    if seed is not None and not 0 <= seed <= MAX_SEED:
        raise CliError(f"{option} {seed}: a seed is a whole number from 0 to {MAX_SEED}")


def check_runs(runs: int, per: str = "") -> None:
    if runs < 1:
        raise CliError("--runs must be at least 1")
    if runs > MAX_RUNS:
        raise CliError(f"--runs {runs}: at most {MAX_RUNS:,} games{per}; split a larger study into several batches with different --seed")


def check_jobs(jobs: int) -> None:
    most = max(64, os.cpu_count() or 1)
    if not 1 <= jobs <= most:
        raise CliError(f"--jobs {jobs}: give from 1 to {most} worker processes")


def check_lang(lang: str | None, option: str = "--lang") -> None:
    known = available_languages()
    if lang is not None and lang not in known:
        raise CliError(f"{option} {lang!r}: no such language{did_you_mean(lang, known)}; available: {', '.join(known)}")


def check_length(cs: CompiledScenario, length: str | None) -> None:
    """The CLI face of the engine's one length check (`CompiledScenario.check_length`), with a "did you mean"."""
    if length is None:
        return
    try:
        cs.check_length(length)
    except UnknownLength as unknown:
        raise CliError(f"{unknown}{did_you_mean(length, unknown.offered)}") from None


def check_humans(cs: CompiledScenario, humans: Iterable[str]) -> None:
    playable = [d.id for d in cs.scenario.delegations if not d.observer]
    for did in humans:
        if did not in playable:
            raise CliError(
                f"--human {did!r}: no delegation of {cs.scenario.id} by that id{did_you_mean(did, playable)}; teams can play {', '.join(playable)}"
            )


def check_writable_dir(path: Path, option: str) -> None:
    """A folder the command can write files into (created if missing), checked before the game starts."""
    if path.exists() and not path.is_dir():
        raise CliError(f"{option} {path}: this is a file, not a folder; give a folder for the files")
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path, prefix=".plenipo-", suffix=".probe"):
            pass
    except OSError as e:
        raise CliError(f"{option} {path}: cannot write files there ({e.strerror or e})") from None


def check_output_file(path: Path, option: str, keep: Iterable[Path] = ()) -> None:
    """A file the command may write: refused when writing would destroy something of the user's.

    A record written over the game's only save (`report s.json --out s.json`), over another save,
    through a symbolic link or onto a device or pipe loses data no message can give back."""
    why = None
    try:
        st = path.lstat()
    except FileNotFoundError:
        return
    except OSError as e:
        raise CliError(f"{option} {path}: cannot write there ({e.strerror or e})") from None
    if stat.S_ISLNK(st.st_mode):
        why = "it is a symbolic link, and writing would replace what it points to or the link itself"
    elif stat.S_ISDIR(st.st_mode):
        why = "it is a folder"
    elif not stat.S_ISREG(st.st_mode):
        why = "it is not a regular file (a device or a pipe)"
    elif any(_same(path, other) for other in keep):
        why = "it is the save being read, which the record would replace"
    elif _is_save(path):
        why = "it is a Plenipo save, which the record would replace"
    if why:
        raise CliError(f"{option} {path}: not written, because {why}; give another file name")


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def _is_save(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError:
        return False
    return b'"plenipo-save"' in head
