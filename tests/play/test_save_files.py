"""Save files: exact round trips, clear refusals, atomic writes, portable paths, edited scenarios."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import actions as A
from game.play import saves
from game.play.saves import SaveError, load_save, save
from game.play.session import Session, SessionSetup
from game.scenario.loader import load

TUTORIAL = Path(__file__).resolve().parents[2] / "scenarios" / "tutorial.toml"


def played(seed: int, scenario: Path = TUTORIAL, humans: tuple[str, ...] = ("northland",), undo: bool = True) -> Session:
    """A game with team moves and rationales, teacher actions and an undo, played to the end."""
    s = Session(load(scenario), SessionSetup(str(scenario), "en", humans, "full", seed, {"northland": {"treaty": 3.5}}, "1234"))
    s.apply(A.News("Opening", "The delegates arrive"))
    k = 0
    while not s.state.ended:
        if s.waiting_for_human:
            k += 1
            s.apply(A.Pass(s.state.actor_id or "", rationale=f'move {k}: «quotes» and "escapes"'))
            if k == 2 and undo:
                s.undo_sitting()
        s.run_ai()
    return s


def same(a: Session, b: Session) -> None:
    assert b.actions == a.actions
    assert b.undone == a.undone
    assert b.state.fingerprint() == a.state.fingerprint()
    for field in ("lang", "humans", "length_id", "seed", "teacher_pin"):
        assert getattr(b.setup, field) == getattr(a.setup, field)
    assert {d: dict(w) for d, w in b.setup.aim_weights.items()} == {d: dict(w) for d, w in a.setup.aim_weights.items()}


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0, max_value=2**31 - 1))
def test_round_trip_is_exact(tmp_path: Path, seed: int) -> None:
    s = played(seed)
    path = tmp_path / f"{seed}.json"
    save(s, path)
    loaded = load_save(path)
    assert not loaded.scenario_changed
    same(s, loaded.session)


def test_a_mid_game_save_resumes_where_it_stopped(tmp_path: Path) -> None:
    s = Session(load(TUTORIAL), SessionSetup(str(TUTORIAL), "en", ("northland", "eastmark"), "short", 9))
    s.run_ai()
    s.apply(A.Pass(s.state.actor_id or "", rationale="first"))
    save(s, tmp_path / "mid.json")
    back = load_save(tmp_path / "mid.json").session
    same(s, back)
    assert back.waiting_for_human == s.waiting_for_human


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.json"
    save(played(4), path)
    return path


def test_truncated_save_is_refused_with_its_position(good: Path) -> None:
    text = good.read_text(encoding="utf-8")
    good.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(SaveError, match=r"damaged save \(not valid JSON"):
        load_save(good)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d["actions"][0].update(type="Bribe"), "unknown action type 'Bribe'"),
        (lambda d: d["actions"][1].pop("actor"), "missing 'actor'"),
        (lambda d: d["setup"].update(seed="one"), "setup.seed"),
        (lambda d: d.pop("actions"), "scenario, setup or actions missing"),
        (lambda d: d["actions"].insert(1, {"type": "Pass", "actor": "eastmark"}), "no longer fit"),
        (lambda d: d.update(version="1"), "version"),
        (lambda d: d["scenario"].update(path="nowhere/lost.toml", id="lost"), "cannot be found"),
    ],
)
def test_edited_saves_are_refused_with_a_clear_message(good: Path, edit: object, message: str) -> None:
    data = json.loads(good.read_text(encoding="utf-8"))
    edit(data)  # type: ignore[operator]
    good.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError, match="^" + str(good).replace("\\", "\\\\") + r".*" + message.replace("(", r"\(").replace(")", r"\)")):
        load_save(good)


@pytest.mark.parametrize("content", ['{"hello": "world"}', "[1, 2]", '"text"', '{"format": "something-else", "version": 1}'])
def test_foreign_json_is_not_a_save(tmp_path: Path, content: str) -> None:
    path = tmp_path / "foreign.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SaveError, match="not a Plenipo save file"):
        load_save(path)


def test_binary_and_huge_files_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "bin.json"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xff")
    with pytest.raises(SaveError, match="not a text file"):
        load_save(path)
    monkeypatch.setattr(saves, "MAX_SAVE_BYTES", 4)
    path.write_text("{}   ", encoding="utf-8")
    with pytest.raises(SaveError, match="too large"):
        load_save(path)


def test_a_newer_version_is_refused_naming_it(good: Path) -> None:
    data = json.loads(good.read_text(encoding="utf-8"))
    data["version"] = 7
    good.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError, match=r"newer Plenipo \(save version 7; this one reads up to 1\)"):
        load_save(good)


def test_a_failed_write_leaves_the_previous_save_intact(good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = good.read_bytes()
    other = played(5)

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space left"):
        save(other, good)
    assert good.read_bytes() == before
    assert [p.name for p in good.parent.iterdir()] == [good.name]  # no temporary file left behind
    monkeypatch.undo()

    def broken_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="Input/output"):
        save(other, good)
    assert good.read_bytes() == before
    assert [p.name for p in good.parent.iterdir()] == [good.name]
    monkeypatch.undo()
    same(played(4), load_save(good).session)


def own_scenario(folder: Path, scenario_id: str = "classroom_copy") -> Path:
    """A copy of the tutorial outside scenarios/, with its own id so the shipped file cannot stand in for it."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "our_conference.toml"
    path.write_text(TUTORIAL.read_text(encoding="utf-8").replace('id = "tutorial"', f'id = "{scenario_id}"', 1), encoding="utf-8")
    return path


def test_a_save_moved_to_another_folder_with_its_scenario_still_loads(tmp_path: Path) -> None:
    scenario = own_scenario(tmp_path / "lesson1" / "files")
    s = played(6, scenario)
    save(s, tmp_path / "lesson1" / "files" / "game.json")
    assert json.loads((tmp_path / "lesson1" / "files" / "game.json").read_text(encoding="utf-8"))["scenario"]["path"] == "our_conference.toml"
    shutil.move(tmp_path / "lesson1", tmp_path / "other_computer")
    loaded = load_save(tmp_path / "other_computer" / "files" / "game.json")
    assert not loaded.scenario_changed
    assert Path(loaded.session.setup.scenario_path).resolve().parent == (tmp_path / "other_computer" / "files").resolve()
    same(s, loaded.session)


def test_a_scenario_edited_after_the_save_is_detected(tmp_path: Path) -> None:
    scenario = own_scenario(tmp_path)
    s = played(7, scenario)
    save(s, tmp_path / "game.json")
    text = scenario.read_text(encoding="utf-8")
    revised = text.replace('title = { en = "The Harbour Conference"', 'title = { en = "The Harbour Conference, revised"', 1)
    scenario.write_text(revised, encoding="utf-8")
    assert scenario.read_text(encoding="utf-8") != text
    loaded = load_save(tmp_path / "game.json")
    assert loaded.scenario_changed
    same(s, loaded.session)


def test_a_scenario_edited_so_the_moves_no_longer_fit_says_so(tmp_path: Path) -> None:
    scenario = own_scenario(tmp_path)
    s = played(8, scenario, humans=())
    assert any(isinstance(a, A.Propose) and a.instrument == "side_pact" for a in s.actions)
    save(s, tmp_path / "game.json")
    text = scenario.read_text(encoding="utf-8")
    edited = text.replace('parties = ["southport", "eastmark"]', 'parties = ["southport", "northland"]', 1)
    scenario.write_text(edited.replace("costs = { southport = 21, eastmark = 5 }", "costs = { southport = 21, northland = 5 }", 1), encoding="utf-8")
    with pytest.raises(SaveError, match=r"no longer fit the scenario.*edited after this game was saved"):
        load_save(tmp_path / "game.json")
