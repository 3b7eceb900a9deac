"""The two-team Genoa lesson over the network, played only by clicking what the windows show (UI scripts, headless).

Three processes on 127.0.0.1, as in a classroom: the teacher's `plenipo host`
with the projector window, and `plenipo join` for Germany and for Soviet
Russia. Germany reads its briefing and offers Rapallo in private; the Soviet
team finds it in its inbox and clicks Accept; both pass to the end. The host
is closed at sitting 3 and started again with `--continue`: the team windows
find it by themselves and the lesson ends with Rapallo signed.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from game.play.saves import load_save
from tests.net.test_cli import free_port, start, wait_listening

PASSES = "wait ai\nclick \"Pass\"\n"
GERMANY = """\
wait ai
click "Briefing"
expect "Secret instructions"
shot germany_briefing
click "Close"
click "Propose"
click "In plenary"
expect "Private talks with: Soviet Russia"
shot germany_proposal
click "Send"
expect "proposes Treaty of Rapallo"
""" + PASSES * 7 + """\
wait outcome
expect "The conference is over"
shot germany_end
"""
SOVIET = """\
wait ai
expect "await your answer"
expect no "Secret instructions"
shot soviet_inbox
click "Accept" in "Rapallo"
expect "The Soviet delegation accepts proposal"
click "Pass"
expect "The Soviet delegation waits."
""" + PASSES * 7 + """\
wait outcome
expect "The conference is over"
shot soviet_end
"""
HOST_FIRST = """\
expect "Germany: at its computer"
expect "Soviet Russia: at its computer"
expect no "Secret instructions"
shot projector_start
expect "Sitting 3 of 8"
"""
HOST_AGAIN = """\
expect "Room code ACEFH"
wait outcome
expect "The conference is over"
shot projector_end
"""


def test_the_two_team_lesson_by_clicks_with_a_host_restart(tmp_path: Path) -> None:
    port = free_port()
    home = tmp_path / "home"
    shots = tmp_path / "shots"
    for name, text in (("germany", GERMANY), ("soviet", SOVIET), ("host1", HOST_FIRST), ("host2", HOST_AGAIN)):
        (tmp_path / f"{name}.ui").write_text(text)
    common = ["--bind", "127.0.0.1", "--port", str(port)]
    procs: list[subprocess.Popen[bytes]] = []
    try:
        host = start(["host", "genoa_1922", "--team", "germany", "--team", "soviet", "--length", "short", "--seed", "1922",
                      "--code", "ACEFH", "--script", str(tmp_path / "host1.ui"), "--screenshots", str(shots / "host1"), *common],
                     home, tmp_path / "host1.out")
        procs.append(host)
        wait_listening(port, host)
        teams = [start(["join", f"127.0.0.1:{port}", "--code", "ACEFH", "--seat", seat, "--script", str(tmp_path / f"{seat}.ui"),
                        "--screenshots", str(shots / seat)], home, tmp_path / f"{seat}.out") for seat in ("germany", "soviet")]
        procs += teams
        assert host.wait(timeout=120) == 0, (tmp_path / "host1.out").read_text()
        host2 = start(["host", "--continue", "--script", str(tmp_path / "host2.ui"), "--screenshots", str(shots / "host2"), *common],
                      home, tmp_path / "host2.out")
        procs.append(host2)
        for proc, name in ((teams[0], "germany"), (teams[1], "soviet"), (host2, "host2")):
            assert proc.wait(timeout=240) == 0, (tmp_path / f"{name}.out").read_text()
        final = load_save(home / "saves" / "autosave.json").session
        assert final.state.ended
        assert final.cs.scenario.outcomes[final.state.outcome or 0].id == "rapallo"
        for shot in ("germany/germany_briefing", "germany/germany_proposal", "soviet/soviet_inbox", "host1/projector_start",
                     "host2/projector_end", "soviet/soviet_end"):
            assert (shots / f"{shot}.png").is_file(), shot
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait(timeout=10)
