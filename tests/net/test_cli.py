"""`plenipo host` and `plenipo join` as a class uses them, headless, on 127.0.0.1, driven by scripts.

The host dies mid-lesson (its script says `crash`), the teacher starts
`plenipo host --continue`, and both team computers find it again by
themselves and play to the end.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.cli.main import main
from game.play.saves import load_save
from tests.net.common import ROOT

GERMANY = """\
wait turn
expect "Secret instructions"
why "Rapallo first"
propose rapallo_treaty to=soviet
pass until outcome
expect "Treaty of Rapallo"
"""
SOVIET = """\
wait turn
answer all
pass
drop
pass until outcome
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(args: list[str], home: Path, out: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PLENIPO_HOME": str(home)}
    with out.open("wb") as f:
        return subprocess.Popen([sys.executable, "-m", "game", *args], cwd=ROOT, env=env, stdout=f, stderr=subprocess.STDOUT)


def wait_listening(port: int, proc: subprocess.Popen[bytes], seconds: float = 30.0) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        assert proc.poll() is None, "the host stopped before it listened"
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError("the host did not start listening")


def test_a_scripted_lesson_survives_a_host_crash_with_continue(tmp_path: Path) -> None:
    port = free_port()
    home = tmp_path / "home"
    (tmp_path / "host1.txt").write_text("wait seats germany,soviet\nwait sitting 3\ncrash\n")
    (tmp_path / "host2.txt").write_text("wait seats germany,soviet\nwait outcome\n")
    (tmp_path / "germany.txt").write_text(GERMANY)
    (tmp_path / "soviet.txt").write_text(SOVIET)
    common = ["--bind", "127.0.0.1", "--port", str(port), "--headless"]
    procs: list[subprocess.Popen[bytes]] = []
    try:
        host = start(
            [
                "host",
                "genoa_1922",
                "--team",
                "germany",
                "--team",
                "soviet",
                "--length",
                "short",
                "--seed",
                "1922",
                "--code",
                "ACEFH",
                "--commands",
                str(tmp_path / "host1.txt"),
                *common,
            ],
            home,
            tmp_path / "host1.out",
        )
        procs.append(host)
        wait_listening(port, host)
        teams = [
            start(
                ["join", f"127.0.0.1:{port}", "--code", "acefh", "--seat", seat, "--commands", str(tmp_path / f"{seat}.txt"), "--headless"],
                home,
                tmp_path / f"{seat}.out",
            )
            for seat in ("germany", "soviet")
        ]
        procs += teams
        assert host.wait(timeout=90) == 3, (tmp_path / "host1.out").read_text()  # the host "died"
        crashed_at = load_save(home / "saves" / "autosave.json").session
        assert not crashed_at.state.ended and crashed_at.state.turn >= 2
        host2 = start(["host", "--continue", "--commands", str(tmp_path / "host2.txt"), *common], home, tmp_path / "host2.out")
        procs.append(host2)
        for proc, name in ((teams[0], "germany"), (teams[1], "soviet"), (host2, "host2")):
            assert proc.wait(timeout=120) == 0, (tmp_path / f"{name}.out").read_text()
        out2 = (tmp_path / "host2.out").read_text()
        assert "room ACEFH" in out2  # the same room code after --continue: teams need not type a new one
        final = load_save(home / "saves" / "autosave.json").session
        assert final.state.ended
        assert final.actions[: len(crashed_at.actions)] == crashed_at.actions
        assert any(type(a).__name__ == "Propose" and getattr(a, "actor", "") == "germany" for a in final.actions)
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait(timeout=10)


def test_bad_command_lines_are_one_paragraph_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Through `plenipo`'s main() in this process (the exit status `python -m game` ends with); the
    lesson above runs the real processes."""
    monkeypatch.setenv("PLENIPO_HOME", str(tmp_path))
    cases = [
        (["host", "--team", "atlantis", "--bind", "127.0.0.1"], "not a delegation"),
        (["host", "--code", "B0O1I", "--bind", "127.0.0.1"], "room code"),
        (["host", "--continue", "--bind", "127.0.0.1"], "--continue"),
        (["join", "127.0.0.1:9"], "--code"),
        (["join", f"127.0.0.1:{free_port()}", "--code", "ACEFH", "--seat", "germany"], "could not join"),
    ]
    for args, words in cases:
        status = main(args)
        err = capsys.readouterr().err
        assert status == 2, (args, err)
        assert words in err and "Traceback" not in err and "\n\n" not in err.strip(), (args, err)
