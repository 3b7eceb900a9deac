"""Running `plenipo` as a user would, with a time and memory bound, and checking it refused cleanly.

`plenipo` runs the real command in a fresh process: a traceback, a hang or a
runaway allocation shows up exactly as a user would meet it. The cases that can
hang, allocate without bound, or depend on the process's own streams use it.
`plenipo_here` runs the same entry point (`game.cli.main.main`, which `python -m
game` exits with) in the test's process, for the many cases about the message a
small file gets: the same exit status, stdout and stderr, without starting a
Python and importing the game for each (about half a second of CPU a run).
"""

from __future__ import annotations

import contextlib
import io
import os
import resource
import stat
import subprocess
import sys
import traceback
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = ROOT / "scenarios" / "tutorial.toml"
GENOA = ROOT / "scenarios" / "genoa_1922.toml"
MEMORY_CAP = 1536 * 2**20  # bytes of address space: far above a normal run, far below what the old failures took


def _cap(memory: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))


def plenipo(
    *args: str, cwd: Path | None = None, timeout: float = 30, memory: int = MEMORY_CAP, env: dict[str, str] | None = None, stdout: int | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m game ARGS` in its own process, killed after `timeout` seconds, limited to `memory` bytes."""
    full_env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "SDL_VIDEODRIVER": "dummy",
        "SDL_AUDIODRIVER": "dummy",
        "OPENBLAS_NUM_THREADS": "1",
        **(env or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        cwd=cwd or ROOT,
        env=full_env,
        timeout=timeout,
        text=True,
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: _cap(memory),
    )


def plenipo_here(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`plenipo ARGS` through `game.cli.main.main` in this process, stdout and stderr captured.

    The result reads like `plenipo`'s: the exit status `python -m game` would end with (an argparse
    error's SystemExit status; 1 and the traceback on stderr for an exception main lets through, as
    the interpreter would), and `args` as the command line of the real run."""
    from game.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd or ROOT), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(list(args))
        except SystemExit as e:
            status = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
            if not isinstance(e.code, int | None):
                print(e.code, file=sys.stderr)
        except Exception:
            traceback.print_exc()
            status = 1
    return subprocess.CompletedProcess([sys.executable, "-m", "game", *args], status, out.getvalue(), err.getvalue())


def refused(result: subprocess.CompletedProcess[str], *needles: str) -> str:
    """Exit 2 with one paragraph that names what is wrong; returns the message.

    Commands print it on stderr after `plenipo: `; `validate` lists its findings on stdout, one per line."""
    message = result.stderr.strip() or result.stdout.strip()
    assert result.returncode == 2, f"exit {result.returncode}, stderr:\n{result.stderr[-3000:]}"
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert message.startswith("plenipo: ") or result.args[3] == "validate", message
    assert "\n\n" not in message, f"more than one paragraph:\n{message}"
    for needle in needles:
        assert needle in message, f"{needle!r} not in:\n{message}"
    return message


def snapshot(paths: Iterable[Path]) -> dict[Path, tuple[int, bytes | str | None]]:
    """What each path is (kind) and holds, to show a command left the user's files as they were."""
    out: dict[Path, tuple[int, bytes | str | None]] = {}
    for p in paths:
        st = p.lstat()
        if stat.S_ISLNK(st.st_mode):
            out[p] = (stat.S_IFMT(st.st_mode), os.readlink(p))
        elif stat.S_ISREG(st.st_mode) and st.st_size < 50_000_000:
            out[p] = (stat.S_IFMT(st.st_mode), p.read_bytes())
        else:
            out[p] = (stat.S_IFMT(st.st_mode), str(st.st_size))
    return out


def tutorial_with(tmp: Path, *replacements: tuple[str, str], append: str = "", name: str = "s.toml") -> Path:
    """The tutorial scenario with some text replaced (each replacement must apply) and some appended."""
    text = TUTORIAL.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp / name
    path.write_text(text + append, encoding="utf-8")
    return path
