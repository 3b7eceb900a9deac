"""The teacher's lesson played by a UI script: pause, fire a prepared event, undo a sitting, export the record.

The script (tests/ui/scripts/teacher_lesson_en_1280.txt) only clicks and
types what is drawn and checks with `expect` that each command showed on the
screen; this test adds what the screen cannot show: that the exported record
exists in every format and keeps the fired event and the undo.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli.main import main

SCRIPT = Path(__file__).parent / "scripts" / "teacher_lesson_en_1280.txt"


def test_the_teachers_lesson_script_passes_and_exports_the_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["play", "--script", str(SCRIPT), "--screenshots", str(tmp_path / "shots")])
    out = capsys.readouterr()
    assert status == 0, out.out + out.err
    assert (tmp_path / "shots" / "teacher_event_fired.png").is_file()
    records = tmp_path / "plenipo_home" / "records"  # PLENIPO_HOME points into tmp_path (conftest)
    written = sorted(p.suffix for p in records.glob("genoa_1922-seed1922-*"))
    assert written == [".html", ".json", ".md"]
    markdown = next(records.glob("genoa_1922-seed1922-*.md")).read_text(encoding="utf-8")
    assert "Rumour: an oil concession for Shell" in markdown
    assert "Undo: back to the start of sitting 1" in markdown
