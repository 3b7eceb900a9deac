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

PASSES = 'wait ai\nclick "Pass"\nclick "Pass"\nclick "Back to the conference"\n'


def turns_of_the_lesson() -> tuple[dict[str, int], str]:
    """How many turns each team gets when it plays as the scripts do (the same seed and moves on one computer).

    Germany offers Rapallo privately with the form's first choices (as the one-computer form fills them), Soviet
    Russia accepts it and passes, every other turn is a pass; the scripts are written for exactly that many turns."""
    from game.engine import actions as A
    from game.views.move import ProposalDraft
    from tests.net.common import new_session

    s = new_session()
    turns = {"germany": 0, "soviet": 0}
    for _ in range(1000):
        s.run_ai()
        if s.state.ended:
            return turns, s.cs.scenario.outcomes[s.state.outcome or 0].id
        seat = s.state.actor_id
        assert seat in turns
        cs, st = s.cs, s.state
        if seat == "germany" and turns[seat] == 0:
            draft = ProposalDraft(st, "germany")
            assert draft.instrument == cs.instrument_ids.index("rapallo_treaty")
            draft.set_private(True)
            action = draft.action()
            assert action is not None and action.to == ("soviet",)
            s.apply(action)
        elif seat == "soviet" and turns[seat] == 0:
            rapallo = [p.id for p in st.pending_for(cs.d_index["soviet"]) if cs.instrument_ids[p.instrument] == "rapallo_treaty"]
            assert rapallo, "Germany's offer must wait in the Soviet inbox at its first turn"
            s.apply(A.Respond("soviet", rapallo[0], A.Answer.ACCEPT))
            s.apply(A.Pass("soviet"))
        else:
            s.apply(A.Pass(seat))
        turns[seat] += 1
    raise AssertionError("the lesson did not end")


def germany_script(turns: int) -> str:
    return (
        """\
wait ai
click "Briefing"
expect "Secret instructions"
shot germany_briefing
click "Close"
click "Propose"
expect "Treaty of Rapallo"
click "Plenary (everyone)"
expect "Private talks"
shot germany_proposal
click "Propose"
expect "sent privately to Soviet Russia."
shot germany_done
click "Back to the conference"
expect "Your move"
"""
        + PASSES * (turns - 1)
        + """\
wait outcome
expect "The conference is over"
shot germany_end
"""
    )


def soviet_script(turns: int) -> str:
    return (
        """\
wait ai
expect "await your answer"
click "Older"
expect "Germany proposes Treaty of Rapallo"
expect no "Secret instructions"
shot soviet_inbox
click "Accept" in "No. 2"
expect "You accepted No."
expect "The Soviet delegation accepts proposal"
click "Pass"
click "Pass"
expect "You passed this sitting."
click "Back to the conference"
"""
        + PASSES * (turns - 1)
        + """\
wait outcome
expect "The conference is over"
shot soviet_end
"""
    )


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
    turns, outcome = turns_of_the_lesson()
    scripts = (
        ("germany", germany_script(turns["germany"])),
        ("soviet", soviet_script(turns["soviet"])),
        ("host1", HOST_FIRST),
        ("host2", HOST_AGAIN),
    )
    for name, text in scripts:
        (tmp_path / f"{name}.ui").write_text(text)
    common = ["--bind", "127.0.0.1", "--port", str(port)]
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
                "--script",
                str(tmp_path / "host1.ui"),
                "--screenshots",
                str(shots / "host1"),
                *common,
            ],
            home,
            tmp_path / "host1.out",
        )
        procs.append(host)
        wait_listening(port, host)
        teams = [
            start(
                [
                    "join",
                    f"127.0.0.1:{port}",
                    "--code",
                    "ACEFH",
                    "--seat",
                    seat,
                    "--script",
                    str(tmp_path / f"{seat}.ui"),
                    "--screenshots",
                    str(shots / seat),
                ],
                home,
                tmp_path / f"{seat}.out",
            )
            for seat in ("germany", "soviet")
        ]
        procs += teams
        assert host.wait(timeout=120) == 0, (tmp_path / "host1.out").read_text()
        host2 = start(
            ["host", "--continue", "--script", str(tmp_path / "host2.ui"), "--screenshots", str(shots / "host2"), *common],
            home,
            tmp_path / "host2.out",
        )
        procs.append(host2)
        for proc, name in ((teams[0], "germany"), (teams[1], "soviet"), (host2, "host2")):
            assert proc.wait(timeout=240) == 0, (tmp_path / f"{name}.out").read_text()
        final = load_save(home / "saves" / "autosave.json").session
        assert final.state.ended
        assert final.cs.scenario.outcomes[final.state.outcome or 0].id == outcome  # as the same moves give on one computer
        assert any(sig.instrument == final.cs.instrument_ids.index("rapallo_treaty") for sig in final.state.signed)
        for shot in (
            "germany/germany_briefing",
            "germany/germany_proposal",
            "soviet/soviet_inbox",
            "host1/projector_start",
            "host2/projector_end",
            "soviet/soviet_end",
        ):
            assert (shots / f"{shot}.png").is_file(), shot
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait(timeout=10)
