"""`plenipo new`: a starter or a variant that validates and plays; never overwrites."""

from __future__ import annotations

from game.ai.driver import play_game
from game.cli.main import main
from game.engine.compiled import compile_scenario
from game.scenario.loader import load


def test_new_writes_a_scenario_that_validates_and_plays(tmp_path, capsys):
    assert main(["new", "my_conf", "--out", str(tmp_path)]) == 0
    path = tmp_path / "my_conf.toml"
    loaded = load(path)
    assert loaded.warnings == ()
    assert play_game(compile_scenario(loaded.scenario), 3).outcome is not None
    assert main(["validate", str(path)]) == 0


def test_new_from_writes_a_variant_that_extends_the_base(tmp_path):
    assert main(["new", "what_if", "--from", "tutorial", "--out", str(tmp_path / "sub")]) == 0
    path = tmp_path / "sub" / "what_if.toml"
    assert 'extends = "' in path.read_text(encoding="utf-8")
    loaded = load(path)
    assert loaded.warnings == () and loaded.scenario.id == "what_if" and len(loaded.scenario.delegations) == 3
    assert play_game(compile_scenario(loaded.scenario), 2).outcome is not None


def test_new_refuses_to_overwrite(tmp_path, capsys):
    target = tmp_path / "mine.toml"
    target.write_text("keep me", encoding="utf-8")
    assert main(["new", "mine", "--out", str(tmp_path)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "keep me"


def test_new_rejects_a_bad_name(tmp_path, capsys):
    assert main(["new", "My Conf", "--out", str(tmp_path)]) == 2
    assert "lower-case" in capsys.readouterr().err
