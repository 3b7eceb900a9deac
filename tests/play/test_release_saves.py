"""Saves written by a released Plenipo keep loading: the files in tests/play/data are never rewritten.

`release_0_1_tutorial.json` was written by release 0.1 (save format version 1):
a tutorial game in Lithuanian with two teams, a turn timer, a pause, an undo,
answers, statements, a fired event, a moved end and a change of control. When
the save format changes, `game.play.saves.migrate` must bring it up to date, and
this test must keep passing unchanged.
"""

from __future__ import annotations

import collections
import json
import shutil
from pathlib import Path

from game.engine import actions as A
from game.play.saves import load_save, save

DATA = Path(__file__).resolve().parent / "data"
RELEASE_0_1 = DATA / "release_0_1_tutorial.json"


def test_a_release_0_1_save_loads_and_replays_every_move(tmp_path: Path) -> None:
    path = tmp_path / RELEASE_0_1.name
    shutil.copy(RELEASE_0_1, path)
    raw = json.loads(RELEASE_0_1.read_text(encoding="utf-8"))
    session = load_save(path).session
    assert [type(a).__name__ for a in session.actions] == [a["type"] for a in raw["actions"]]
    assert collections.Counter(type(a).__name__ for a in session.actions) == {
        "Pass": 13,
        "Respond": 5,
        "Propose": 4,
        "Statement": 3,
        "SetControl": 2,
        "News": 1,
        "FireEvent": 1,
        "MoveEnd": 1,
        "Shift": 1,
    }
    assert session.setup.lang == "lt" and session.setup.humans == ("northland", "eastmark") and session.setup.seed == 1922
    assert session.setup.teacher_pin == "4321" and session.setup.turn_minutes == 4.0 and session.setup.auto_pass
    assert [j.kind for j in session.journal] == ["timer", "pause", "resume"]
    assert len(session.undone) == 1 and session.undone[0].actions
    news = next(a for a in session.actions if isinstance(a, A.News))
    assert news.text == "The delegates arrive — «quotes» and ünïcode"
    assert any(isinstance(a, A.Propose) and a.reasons is not None for a in session.actions)  # the AI's reasons survive
    assert session.state.ended


def test_a_release_0_1_save_is_written_back_with_the_same_moves(tmp_path: Path) -> None:
    first = load_save(RELEASE_0_1).session
    save(first, tmp_path / "again.json")
    again = load_save(tmp_path / "again.json").session
    assert again.actions == first.actions and again.undone == first.undone and again.journal == first.journal
    assert again.state.fingerprint() == first.state.fingerprint()
