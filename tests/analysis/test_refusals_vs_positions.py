"""The batch's check on coherence: refusals of packages that already give the refuser what it says in public."""

from __future__ import annotations

import json

import pytest

from game.ai.driver import play_game
from game.analysis.ai_measures import AIMeasures
from game.cli.main import main
from game.engine.compiled import compile_scenario
from game.engine.log import LogKind
from game.scenario.loader import load
from tests.scenario.conftest import SCENARIOS


@pytest.mark.parametrize("name", ["genoa_1922", "washington_1921"])
def test_the_measure_followed_from_the_log_agrees_with_what_each_refuser_saw(name: str) -> None:
    """Two derivations of one fact: the measure follows public positions through the log (shifts, events,
    signatures); each AI refusal records, from the state it answered in, whether the offer met its public
    position on the deciding issue. They must count the same refusals."""
    cs = compile_scenario(load(SCENARIOS / f"{name}.toml").scenario)
    m = AIMeasures()
    flagged = every = 0
    for k in range(12):
        s = play_game(cs, (5, k))
        m.add_game(s)
        reasons = [e.data.get("reasons") or {} for e in s.log if e.kind is LogKind.ANSWER]
        flagged += sum(1 for r in reasons if r.get("stated"))
        every += sum(1 for r in reasons if r.get("positions_met"))
    c = m.counts
    assert flagged > 10  # both kinds occur: refusals at and away from the public position
    assert c["refusals_deciding_at_position"] == flagged < c["refusals_with_deciding"] <= c["refusals"]
    assert 0 < c["refusals_meeting_every_position"] == every < c["refusals"]


def test_batch_reports_the_shares_in_json_and_in_its_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", str(SCENARIOS / "genoa_1922.toml"), "--runs", "6", "--seed", "3", "--jobs", "1", "--json"]) == 0
    ai = json.loads(capsys.readouterr().out)["ai"]
    assert ai["refusals"] > 0
    for key in ("refusals_meeting_every_position_share", "refusals_deciding_at_position_share"):
        assert 0.0 < ai[key] < 1.0
    assert main(["batch", str(SCENARIOS / "genoa_1922.toml"), "--runs", "6", "--seed", "3", "--jobs", "1"]) == 0
    table = capsys.readouterr().out
    share = 100 * ai["refusals_deciding_at_position_share"]
    line = next(x for x in table.splitlines() if "refusals whose deciding issue meets its public position" in x)
    assert f"{share:.1f}%" in line
