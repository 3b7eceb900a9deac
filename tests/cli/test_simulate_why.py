"""`plenipo simulate --why`: each AI decision's sentence, then the teacher's numbers; a proposal's with the
chance its proposer gave it (the figure the batch's calibration table judges)."""

from __future__ import annotations

import json
import re

import pytest

from game.cli.main import main
from tests.scenario.conftest import SCENARIOS

GENOA = SCENARIOS / "genoa_1922.toml"
GUESS = {"en": r"its guess that all accept: (\d+)%", "lt": r"tikimybė, kad visi sutiks: (\d+) %"}


@pytest.mark.parametrize("lang", ["en", "lt"])
def test_each_proposal_shows_the_chance_its_proposer_gave_it(capsys, tmp_path, lang):
    log = tmp_path / "log.json"
    assert main(["simulate", str(GENOA), "--seed", "2", "--length", "short", "--why", "--lang", lang, "--log", str(log)]) == 0
    lines = capsys.readouterr().out.splitlines()
    entries = json.loads(log.read_text(encoding="utf-8"))
    entries = entries["log"] if isinstance(entries, dict) else entries
    logged = [round(100 * e["data"]["reasons"]["chance"]) for e in entries if e["kind"] == "proposal"]
    shown = [int(m.group(1)) for line in lines if (m := re.search(GUESS[lang], line))]
    assert logged and shown == logged  # one per proposal, in order, as logged
    why = "kodėl: " if lang == "lt" else "why: "
    numbers = [lines[k + 1] for k, line in enumerate(lines) if line.strip().startswith(why)]
    assert numbers and all("0-100" in x or "0–100" in x for x in numbers)  # every reason has its numbers
    assert len(numbers) > len(shown)  # answers and shifts show theirs without a guess
