"""`plenipo report SAVE`: a good save gives the record (exit 0), a damaged one a message (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli.main import main
from game.engine import actions as A
from game.play.saves import save
from game.play.session import Session, SessionSetup
from game.scenario.loader import load

TUTORIAL = Path(__file__).resolve().parents[2] / "scenarios" / "tutorial.toml"


@pytest.fixture
def ended_save(tmp_path: Path) -> tuple[Path, Session]:
    s = Session(load(TUTORIAL), SessionSetup(str(TUTORIAL), "en", ("northland",), "full", 3))
    while not s.state.ended:
        if s.waiting_for_human:
            s.apply(A.Pass("northland", rationale="we wait <and see>"))
        s.run_ai()
    path = tmp_path / "game.json"
    save(s, path)
    return path, s


def test_report_prints_markdown_by_default(ended_save: tuple[Path, Session], capsys: pytest.CaptureFixture[str]) -> None:
    path, _ = ended_save
    assert main(["report", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Session record: The Harbour Conference") and "we wait &lt;and see&gt;" in out


def test_report_json_has_every_move(ended_save: tuple[Path, Session], capsys: pytest.CaptureFixture[str]) -> None:
    path, s = ended_save
    assert main(["report", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["moves"]) == len(s.actions) and data["ended"] is True


def test_report_writes_a_file_in_the_format_of_its_extension(ended_save: tuple[Path, Session], tmp_path: Path) -> None:
    path, _ = ended_save
    out = tmp_path / "out" / "record.html"
    assert main(["report", str(path), "--out", str(out), "--lang", "lt"]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="lt">' in page and "Žaidimo protokolas" in page


@pytest.mark.parametrize("content", [b"", b'{"format": "plenipo-save", "vers', b"[1, 2, 3]", b"\xff\xfe\x00binary", b'{"hello": 1}'])
def test_damaged_saves_exit_2_with_a_message(tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    assert main(["report", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and "Traceback" not in err


def test_missing_save_and_unknown_language_exit_2(ended_save: tuple[Path, Session], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(tmp_path / "nope.json")]) == 2
    assert "no such save file" in capsys.readouterr().err
    assert main(["report", str(ended_save[0]), "--lang", "xx"]) == 2
    assert "xx" in capsys.readouterr().err


def test_mid_game_report_hides_secrets_unless_the_teacher_asks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    s = Session(load(TUTORIAL), SessionSetup(str(TUTORIAL), "en", ("northland",), "full", 2))
    s.run_ai()
    s.apply(A.Pass("northland", rationale="a plan nobody may read yet"))
    path = tmp_path / "mid.json"
    save(s, path)
    assert main(["report", str(path)]) == 0
    out = capsys.readouterr().out
    assert "hidden until the conference ends" in out and "a plan nobody may read yet" not in out
    assert main(["report", str(path), "--reveal"]) == 0
    assert "a plan nobody may read yet" in capsys.readouterr().out
