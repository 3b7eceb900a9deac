"""`plenipo play` hands the window its own options, and turns the window's refusals into exit 2."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.cli.cmd_play import window_options
from game.cli.main import build_parser, main
from game.ui.kit.options import WindowOptions


def test_the_command_line_becomes_window_options() -> None:
    args = build_parser().parse_args(
        [
            "play",
            "tutorial",
            "--human",
            "northland",
            "--human",
            "eastmark",
            "--seed",
            "3",
            "--lang",
            "lt",
            "--length",
            "short",
            "--screenshots",
            "shots",
            "--exit-at-end",
        ]
    )
    assert window_options(args) == WindowOptions(
        scenario="tutorial", human=("northland", "eastmark"), seed=3, lang="lt", length="short", screenshots=Path("shots"), exit_at_end=True
    )


def test_no_options_are_the_window_defaults() -> None:
    assert window_options(build_parser().parse_args(["play"])) == WindowOptions()


def test_an_unknown_scenario_exits_2_with_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(os.environ, "SDL_VIDEODRIVER", "dummy")
    assert main(["play", "no_such_scenario"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("plenipo: no scenario file 'no_such_scenario'") and "genoa_1922" in err and "Traceback" not in err


def test_the_window_refuses_an_unknown_scenario_in_its_own_terms() -> None:
    from game.ui.kit.options import WindowError
    from game.ui.main import run_window

    with pytest.raises(WindowError, match=r"no scenario file 'no_such_scenario'.*tutorial"):
        run_window(WindowOptions(scenario="no_such_scenario"))
