"""The headless CLI: exit codes 0 / 2, no tracebacks, the batch JSON keys, dated simulate output,
and no pygame behind the engine, the AI, the scenario format, the analysis or the CLI."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = ROOT / "scenarios" / "tutorial.toml"
DATED = re.compile(r"^\d{4}-\d{2}-\d{2}  \S")


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m game ARGS` in a fresh process, as a user would run it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)


@pytest.fixture
def bad_file(tmp_path: Path) -> Path:
    path = tmp_path / "bad.toml"
    path.write_text(TUTORIAL.read_text(encoding="utf-8").replace("reservation = 65", "reservation = 135"), encoding="utf-8")
    return path


@pytest.fixture
def garbage_file(tmp_path: Path) -> Path:
    path = tmp_path / "garbage.toml"
    path.write_bytes(b"\xff\xfe not toml at all [[[")
    return path


# --- exit codes, in process -------------------------------------------------------------


def _simulated(out: str) -> bool:
    head, _, rest = out.partition("\n\n")
    log, _, outcome = rest.partition("\n\nOutcome: ")
    lines = log.strip().splitlines()
    return "seed 3, length Short (3 sittings)" in head and len(lines) > 3 and all(DATED.match(line) for line in lines) and outcome != ""


def _batch_json(out: str) -> bool:
    data = json.loads(out)
    return data["runs"] == 4 and sum(data["outcomes"].values()) == 4


def _batch_table(out: str) -> bool:
    return out.startswith("tutorial: 3 games, seed 0") and re.search(r"^treaty +\d+ +\d+\.\d%", out, re.M) is not None


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["simulate", str(TUTORIAL), "--seed", "3", "--length", "short"], _simulated),
        (["batch", str(TUTORIAL), "--runs", "4", "--json"], _batch_json),
        (["batch", "tutorial", "--runs", "3"], _batch_table),
        (["validate", str(TUTORIAL)], lambda out: out.strip().endswith("tutorial.toml: OK")),
    ],
    ids=["simulate", "batch-json", "batch-table", "validate"],
)
def test_good_input_exits_0_with_the_expected_report(argv, says, capsys):
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert says(out), out[:500]
    assert "Traceback" not in err


@pytest.mark.parametrize("command", ["simulate", "batch", "validate"])
def test_broken_scenario_exits_2_with_the_problem_and_no_traceback(command, bad_file, capsys):
    argv = [command, str(bad_file)] + (["--runs", "2"] if command == "batch" else [])
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert "delegations[0].reservation" in out + err
    assert "Traceback" not in out + err


@pytest.mark.parametrize("command", ["simulate", "batch", "validate"])
def test_unreadable_scenario_exits_2(command, garbage_file, capsys):
    argv = [command, str(garbage_file)] + (["--runs", "2"] if command == "batch" else [])
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert "not UTF-8" in out + err
    assert "Traceback" not in out + err


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["simulate", "no_such_scenario"], "no scenario file"),
        (["batch", "no_such_scenario", "--runs", "2"], "no scenario file"),
        (["batch", str(TUTORIAL), "--runs", "0"], "--runs"),
        (["batch", str(TUTORIAL), "--jobs", "0", "--runs", "2"], "--jobs"),
        (["simulate", str(TUTORIAL), "--length", "forever"], "unknown game length"),
        (["batch", str(TUTORIAL), "--runs", "2", "--length", "forever"], "unknown game length"),
        (["sweep", str(TUTORIAL), "--set", "events.storm.chance=0,1", "--runs", "2", "--length", "forever"], "tutorial offers full"),
        (["handouts", str(TUTORIAL), "--out", str(ROOT / "no-such-dir"), "--length", "forever"], "unknown game length"),
    ],
)
def test_bad_arguments_exit_2_with_a_message_on_stderr(argv, words, capsys):
    assert main(argv) == 2
    _, err = capsys.readouterr()
    assert err.startswith("plenipo: ") and words in err
    assert "Traceback" not in err


def test_validate_missing_file_exits_2(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "missing.toml")]) == 2
    out, err = capsys.readouterr()
    assert "file not found" in out + err


@pytest.mark.parametrize(
    "argv",
    [["simulate", str(TUTORIAL), "--seed", "many"], ["batch", str(TUTORIAL), "--runs", "lots"], ["validate"], ["no-such-command"], ["batch"]],
)
def test_argparse_errors_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    _, err = capsys.readouterr()
    assert "usage:" in err and "Traceback" not in err


@pytest.mark.parametrize("command", ["simulate", "batch", "validate", "play"])
def test_every_subcommand_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    assert "usage:" in capsys.readouterr().out


# --- output -------------------------------------------------------------------------


def test_batch_json_has_the_keys_product_md_requires(capsys):
    assert main(["batch", str(TUTORIAL), "--runs", "6", "--seed", "4", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("scenario", "runs", "seed", "outcomes", "instruments", "mean_turns", "seconds", "games_per_second"):
        assert key in data, key
    assert data["scenario"] == "tutorial" and data["runs"] == 6 and data["seed"] == 4
    assert sum(data["outcomes"].values()) == 6
    assert set(data["outcomes"]) == {"treaty", "side_pact", "no_deal"}
    assert set(data["instruments"]) == {"harbour_treaty", "side_pact"}
    assert all(isinstance(n, int) and n >= 0 for n in data["instruments"].values())
    assert 1 <= data["mean_turns"] <= 6
    assert data["seconds"] >= 0 and data["games_per_second"] > 0


def test_batch_json_is_the_same_for_one_and_two_jobs(capsys):
    outs = []
    for jobs in ("1", "2"):
        assert main(["batch", str(TUTORIAL), "--runs", "10", "--seed", "2", "--jobs", jobs, "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        for key in ("seconds", "games_per_second", "jobs"):
            data.pop(key)
        outs.append(data)
    assert outs[0] == outs[1]


def test_simulate_prints_dated_lines_and_an_outcome_line(capsys):
    assert main(["simulate", str(TUTORIAL), "--seed", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    dated = [line for line in lines if DATED.match(line)]
    assert len(dated) >= 5
    assert any("Sitting 1 of" in line for line in dated)
    dates = [line[:10] for line in dated]
    assert dates == sorted(dates), "the log runs forward in time"
    outcome = [line for line in lines if line.startswith("Outcome: ")]
    assert len(outcome) == 1
    assert re.search(r"\((treaty|side_pact|no_deal)\)", outcome[0])


def test_simulate_is_reproducible_and_writes_the_json_log(tmp_path, capsys):
    log = tmp_path / "game.json"
    assert main(["simulate", str(TUTORIAL), "--seed", "8", "--log", str(log)]) == 0
    first = capsys.readouterr().out
    assert main(["simulate", str(TUTORIAL), "--seed", "8"]) == 0
    assert capsys.readouterr().out == first
    data = json.loads(log.read_text(encoding="utf-8"))
    assert data["seed"] == 8 and data["log"][0]["kind"] == "opening" and data["log"][-1]["kind"] == "outcome"


# --- in a real process ------------------------------------------------------------------


def test_real_process_exit_codes_and_clean_stderr(bad_file):
    good = run_cli("simulate", str(TUTORIAL), "--seed", "2", "--length", "short")
    assert good.returncode == 0 and "Outcome: " in good.stdout
    bad = run_cli("validate", str(bad_file))
    assert bad.returncode == 2 and "Traceback" not in bad.stderr + bad.stdout
    usage = run_cli("batch", str(TUTORIAL), "--runs", "x")
    assert usage.returncode == 2 and "usage:" in usage.stderr and "Traceback" not in usage.stderr


def test_headless_packages_do_not_import_pygame():
    code = (
        "import game.engine.rules, game.engine.narrate, game.engine.scoring, game.ai.driver, game.ai.negotiator, "
        "game.scenario.loader, game.analysis.batch, game.cli.main, game.cli.common, game.cli.cmd_simulate, game.cli.cmd_batch, "
        "game.cli.cmd_validate; import sys; "
        "from game.cli.main import build_parser; build_parser(); "
        "bad = sorted(m for m in sys.modules if m == 'pygame' or m.startswith(('pygame.', 'pygame_gui'))); "
        "assert not bad, bad"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
    assert result.returncode == 0, result.stderr


def test_every_headless_module_imports_without_pygame():
    packages = ["game/engine", "game/ai", "game/scenario", "game/analysis", "game/cli"]
    modules = [
        ".".join(p.relative_to(ROOT).with_suffix("").parts) for pkg in packages for p in sorted((ROOT / pkg).glob("*.py")) if p.name != "__init__.py"
    ]
    code = "import importlib, sys\n" + "".join(f"importlib.import_module({m!r})\n" for m in modules)
    code += "assert 'pygame' not in sys.modules, 'pygame'\n"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("lang", "length", "named"), [("lt", "full", "trukmė Visa konferencija (19 posėdžių)"), ("en", "short", "length Short lesson")]
)
def test_simulate_names_the_length_as_the_setup_screen_does(capsys: pytest.CaptureFixture[str], lang: str, length: str, named: str) -> None:
    """The header reads the length's name in the reader's language, not its command-line id ("trukmė full")."""
    assert main(["simulate", str(ROOT / "scenarios" / "genoa_1922.toml"), "--seed", "3", "--lang", lang, "--length", length]) == 0
    head = capsys.readouterr().out.splitlines()[0]
    assert named in head, head
