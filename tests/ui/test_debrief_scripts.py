"""The debrief as a class reaches it, played by UI scripts (clicks and keys on what is drawn), in English and Lithuanian."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli.main import main

SCRIPTS = Path(__file__).parent / "scripts"


@pytest.mark.parametrize("name", ["debrief_en_1280.txt", "debrief_lt_1920_175.txt"])
def test_the_debrief_script_passes(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["play", "--script", str(SCRIPTS / name), "--screenshots", str(tmp_path)])
    out = capsys.readouterr()
    assert status == 0, out.out + out.err
    assert (tmp_path / ("debrief_scores_whatif.png" if "en" in name else "debrief_lt_scores_whatif.png")).is_file()


def test_a_failing_line_is_reported_on_the_stream_main_installed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The script runner reads stderr when it runs, not when it was imported: an earlier test's captured
    stream (closed by now) must not swallow the failure, and the line passes through main's safe stream."""
    bad = tmp_path / "bad.plenipo"
    bad.write_text('setup seed=3\nexpect "Text \x1b[2J that is nowhere"\n', encoding="utf-8")
    status = main(["play", "--script", str(bad), "--screenshots", str(tmp_path)])
    err = capsys.readouterr().err
    assert status == 1
    assert f"{bad}:2: 'Text \\x1b[2J that is nowhere' is not visible" in err
