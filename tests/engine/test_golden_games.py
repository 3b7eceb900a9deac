"""Every shipped scenario still plays its golden games exactly as recorded.

A failure means a change moved at least one game's log. If the change was
meant (new AI, recalibrated scenario, new rule), regenerate the file with
`python tools/golden_games.py record` and commit it with the change, so the
diff shows which games moved; if it was meant to change nothing, it did.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from engine_kit import loaded, shipped_scenarios

from game.engine.compiled import compile_scenario
from game.play.golden import SCRIPTED, ai_seeds, fingerprints

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "games.json"


@pytest.fixture(scope="module")
def golden() -> dict[str, str]:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_the_golden_file_covers_every_shipped_scenario(golden: dict[str, str]) -> None:
    stems = {key.split("/")[0] for key in golden}
    assert stems == {p.stem for p in shipped_scenarios()}, "run `python tools/golden_games.py record` after adding or removing a scenario"
    for p in shipped_scenarios():
        want = ai_seeds(loaded(p).scenario.extends is not None) + SCRIPTED
        assert sum(key.split("/")[0] == p.stem for key in golden) == want, p.stem


@pytest.mark.parametrize("path", shipped_scenarios(), ids=lambda p: p.stem)
def test_golden_games_replay_identically(path: Path, golden: dict[str, str]) -> None:
    scenario = loaded(path).scenario
    got = fingerprints(compile_scenario(scenario), path.stem, variant=scenario.extends is not None)
    moved = sorted(k for k in got if golden.get(k) != got[k])
    assert not moved, f"{len(moved)} of {len(got)} games changed (first: {moved[:5]}); if meant, run `python tools/golden_games.py record`"
