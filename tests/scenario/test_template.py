"""`plenipo new` templates validate clean and play to an outcome as they are."""

from __future__ import annotations

import re

from game.ai.driver import play_game
from game.engine.compiled import compile_scenario
from game.scenario.loader import load
from game.scenario.template import starter, variant
from tests.scenario.conftest import SCENARIOS


def test_starter_validates_clean_and_plays(tmp_path):
    path = tmp_path / "river.toml"
    path.write_text(starter("river"), encoding="utf-8")
    loaded = load(path)
    assert loaded.warnings == () and loaded.scenario.id == "river"
    cs = compile_scenario(loaded.scenario)
    for seed in range(5):
        s = play_game(cs, seed)
        assert s.ended and s.outcome is not None


def test_variant_of_tutorial_validates_clean_and_plays(tmp_path):
    base = load(SCENARIOS / "tutorial.toml").scenario
    path = tmp_path / "what_if.toml"
    path.write_text(variant("what_if", base, str(SCENARIOS / "tutorial.toml")), encoding="utf-8")
    loaded = load(path)
    assert loaded.warnings == () and loaded.scenario.id == "what_if"
    assert play_game(compile_scenario(loaded.scenario), 1).outcome is not None


def test_variant_examples_work_when_uncommented(tmp_path):
    base = load(SCENARIOS / "tutorial.toml").scenario
    text = variant("what_if", base, str(SCENARIOS / "tutorial.toml"))
    text = "\n".join(line[2:] if re.match(r"# (\[\[|[a-z_]+ = )", line) else line for line in text.splitlines())
    path = tmp_path / "what_if.toml"
    path.write_text(text, encoding="utf-8")
    s = load(path).scenario
    assert s.delegations[0].reservation == max(0, round(base.delegations[0].reservation) - 10)
    assert s.events[-1].id == "what_if_news"
