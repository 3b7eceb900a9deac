"""Issue #14: each way bad input used to crash, hang, exhaust memory or destroy a file.
Each must end in exit 2 with a one-paragraph message, and leave the user's files as they were.

A case that could hang, allocate without bound, or needs the process's own streams runs
as the real command with a time and memory bound (`plenipo`); a case about the message a
small file gets runs the same entry point in this process (`plenipo_here`)."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from pathlib import Path

import pytest
from hardening_kit import GENOA, ROOT, TUTORIAL, plenipo, plenipo_here, refused, snapshot, tutorial_with

from game.engine import actions as A
from game.play.saves import save
from game.play.session import Session, SessionSetup
from game.scenario.loader import load


@pytest.fixture(scope="module")
def save_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A short finished tutorial game with a team, a news item and an undo: a real save."""
    folder = tmp_path_factory.mktemp("saves")
    s = Session(load(TUTORIAL), SessionSetup(str(TUTORIAL), "en", ("northland",), "short", 3))
    s.apply(A.News("Opening", "The delegates arrive"))
    while not s.state.ended:
        if s.waiting_for_human:
            s.apply(A.Pass(s.state.actor_id or ""))
        s.run_ai()
    path = folder / "game.json"
    save(s, path)
    return path


def edited_save(save_file: Path, tmp: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    data = json.loads(save_file.read_text(encoding="utf-8"))
    edit(data)
    path = tmp / "edited.json"
    path.write_text(json.dumps(data).replace('"<1e400>"', "1e400"), encoding="utf-8")  # a literal JSON number too big for a float
    return path


# --- 1. report --out never destroys a save, a link or a device ------------------------------------


def test_1_report_out_refuses_to_replace_the_save_it_reads(save_file: Path, tmp_path: Path) -> None:
    own = tmp_path / "s.json"
    shutil.copy(save_file, own)
    before = snapshot([own])
    refused(plenipo_here("report", str(own), "--out", str(own)), "--out", "it is the save being read")
    assert snapshot([own]) == before


def test_1_report_out_refuses_another_save(save_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    shutil.copy(save_file, other)
    before = snapshot([other])
    refused(plenipo_here("report", str(save_file), "--out", str(other)), "it is a Plenipo save")
    assert snapshot([other]) == before


def test_1_report_out_refuses_a_symlink(save_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    target.write_text("the teacher's notes\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    before = snapshot([target, link])
    refused(plenipo_here("report", str(save_file), "--out", str(link)), "symbolic link")
    assert snapshot([target, link]) == before


def test_1_report_out_refuses_a_pipe_or_device(save_file: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    refused(plenipo("report", str(save_file), "--out", str(fifo), timeout=20), "not a regular file")
    assert fifo.is_fifo()


def test_1_report_out_still_writes_a_new_record(save_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "record.md"
    result = plenipo_here("report", str(save_file), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").strip()


# --- 2. an issue with more than 16 options --------------------------------------------------------


def _many_options(tmp: Path, n: int) -> Path:
    options = ", ".join(f'{{ id = "o{k}", label = "Option {k}" }}' for k in range(n))
    values = ", ".join(f"o{k} = {round(100 * k / (n - 1))}" for k in range(n))
    rev = ", ".join(f"o{k} = {round(100 - 100 * k / (n - 1))}" for k in range(n))
    text = TUTORIAL.read_text(encoding="utf-8")
    start = text.index('options = [\n  { id = "high"')
    end = text.index("]\n", start) + 2
    text = text[:start] + f"options = [{options}]\n" + text[end:]
    text = text.replace("values = { high = 100, medium = 70, low = 10 }", f"values = {{ {rev} }}")
    text = text.replace("values = { high = 0, medium = 60, low = 100 }", f"values = {{ {values} }}")
    text = text.replace("values = { high = 30, medium = 60, low = 80 }", f"values = {{ {values} }}")
    # every aim on the tolls names some of the new options instead
    text = re.sub(r'issue = "tolls", among = \[[^]]*\]', 'issue = "tolls", among = ["o10", "o11"]', text)
    text = text.replace('{ kind = "value", delegation = "northland", issue = "tolls", option = "low", delta = -10 },', "")
    path = tmp / f"options{n}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_2_seventeen_options_validate(tmp_path: Path) -> None:
    result = plenipo_here("validate", str(_many_options(tmp_path, 17)))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_2_seventeen_options_play(tmp_path: Path) -> None:
    path = _many_options(tmp_path, 17)
    result = plenipo("simulate", str(path), "--seed", "1", "--length", "short", timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Outcome:" in result.stdout


def test_2_too_many_options_refused(tmp_path: Path) -> None:
    refused(plenipo_here("validate", str(_many_options(tmp_path, 33))), "issues[0].options", "at most 32 items")


# --- 3. a long chain of events ------------------------------------------------------------------


def _chain(tmp: Path, n: int, loop: bool = False) -> Path:
    events = []
    for k in range(n):
        prev = f"e{(k - 1) % n}" if loop or k else None
        when = f'when = {{ fired = "{prev}" }}' if prev else 'date = "1900-06-05"'
        events.append(f'[[events]]\nid = "e{k}"\n{when}\ntitle = "Event {k}"\ntext = "Event {k}"\n')
    return tutorial_with(tmp, ("# --- outcomes", "\n".join(events) + "\n# --- outcomes"), name="chain.toml")


@pytest.mark.parametrize("loop", [False, True], ids=["chain", "loop"])
def test_3_chain_of_events_validates_and_plays(tmp_path: Path, loop: bool) -> None:
    path = _chain(tmp_path, 300, loop)
    result = plenipo("validate", str(path))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-2000:]
    result = plenipo("simulate", str(path), "--seed", "2")
    assert result.returncode == 0 and "Outcome:" in result.stdout, result.stderr[-2000:]


# --- 4. many delegations --------------------------------------------------------------------------


def _observers(tmp: Path, n: int) -> Path:
    extra = "".join(
        f'\n[[delegations]]\nid = "obs{k}"\nname = "Observer {k}"\nadjective = "Observer"\nobserver = true\nreservation = 50\n' for k in range(n)
    )
    return tutorial_with(tmp, ("# --- instruments", extra + "\n# --- instruments"), name="crowd.toml")


def test_4_ten_thousand_delegations_refused_quickly(tmp_path: Path) -> None:
    path = _observers(tmp_path, 10_000)
    refused(plenipo("simulate", str(path), timeout=30), "delegations", "at most 40 items")


def test_4_forty_delegations_play_within_bounds(tmp_path: Path) -> None:
    result = plenipo("simulate", str(_observers(tmp_path, 37)), "--length", "short", timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]


def test_4_forty_parties_to_one_treaty_play_within_bounds(tmp_path: Path) -> None:
    extra, ids = "", []
    for k in range(37):
        ids.append(f'"p{k}"')
        extra += (
            f'\n[[delegations]]\nid = "p{k}"\nname = "Party {k}"\nadjective = "Party"\nreservation = 40\n'
            f"[delegations.stances.tolls]\nweight = 1\nvalues = {{ high = {k}, medium = 50, low = {100 - k} }}\n"
            "[delegations.stances.fishing]\nweight = 2\nvalues = { closed = 10, shared = 60, open = 90 }\n"
            "[delegations.stances.berths]\nweight = 1\nvalues = { none = 30, peacetime = 70, full = 40 }\n"
        )
    path = tutorial_with(
        tmp_path,
        ("# --- instruments", extra + "\n# --- instruments"),
        ('parties = ["northland", "southport", "eastmark"]', f'parties = ["northland", "southport", "eastmark", {", ".join(ids)}]'),
    )
    result = plenipo("simulate", str(path), timeout=60, memory=1024 * 2**20)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Outcome:" in result.stdout


# --- 5. saves are checked before they are read ------------------------------------------------


def test_5_dev_zero_as_a_save() -> None:
    refused(plenipo("report", "/dev/zero", timeout=15), "not a regular file")


def test_5_fifo_as_a_save(tmp_path: Path) -> None:
    fifo = tmp_path / "save.json"
    os.mkfifo(fifo)
    refused(plenipo("report", str(fifo), timeout=15), "not a regular file")


@pytest.mark.parametrize("gigabytes", [3, 30])
def test_5_huge_sparse_save_refused_before_reading(tmp_path: Path, gigabytes: int) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as f:
        f.truncate(gigabytes * 2**30)  # sparse: no disk used
    refused(plenipo("report", str(path), timeout=15, memory=512 * 2**20), "too large for a save")


# --- 6. batch and sweep sizes ---------------------------------------------------------------------


def test_6_batch_runs_beyond_the_maximum() -> None:
    refused(plenipo("batch", "tutorial", "--runs", "1000000000000", timeout=15, memory=512 * 2**20), "at most 1,000,000 games")


def test_6_sweep_runs_beyond_the_maximum() -> None:
    refused(
        plenipo("sweep", "tutorial", "--set", "events.storm.chance=0.1,0.2", "--runs", "1000000000000", timeout=15, memory=512 * 2**20),
        "at most 1,000,000 games",
    )


# --- 7. a save cannot take minutes to open ----------------------------------------------------------


def test_7_save_with_too_many_moves(save_file: Path, tmp_path: Path) -> None:
    def many_news(data: dict) -> None:  # type: ignore[type-arg]
        data["actions"] = [{"type": "News", "title": "x", "text": ""}] * 400_000

    path = edited_save(save_file, tmp_path, many_news)
    refused(plenipo("report", str(path), timeout=20), "a game holds at most 20,000")


# --- 8. negative seeds ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["simulate", "tutorial", "--seed", "-1"],
        ["batch", "tutorial", "--runs", "2", "--seed", "-1"],
        ["sweep", "tutorial", "--set", "events.storm.chance=0.1", "--runs", "2", "--seed", "-1"],
        ["play", "tutorial", "--seed", "-1", "--autoplay", "--exit-at-end"],
    ],
    ids=["simulate", "batch", "sweep", "play"],
)
def test_8_negative_seed(argv: list[str]) -> None:
    refused(plenipo_here(*argv), "--seed -1: a seed is a whole number from 0 to 9223372036854775807")


def test_8_negative_seed_in_a_save(save_file: Path, tmp_path: Path) -> None:
    path = edited_save(save_file, tmp_path, lambda d: d["setup"].update(seed=-1))
    refused(plenipo_here("report", str(path)), "setup.seed: must be a whole number from 0 to")


# --- 9. nan and infinity -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("costs = { southport = 21, eastmark = 5 }", "costs = { southport = nan, eastmark = 5 }", "instruments[1].costs.southport"),
        ("reservation = 40", "reservation = inf", "delegations[1].reservation"),
        (
            'when = { signed = "side_pact" }\ndebrief',
            'when = { relation = { of = "northland", toward = "southport", above = nan } }\ndebrief',
            "outcomes[1].when.relation.above",
        ),
        (
            'when = { signed = "side_pact" }\ndebrief',
            'when = { pressure = { of = "northland", below = -inf } }\ndebrief',
            "outcomes[1].when.pressure.below",
        ),
    ],
    ids=["cost-nan", "reservation-inf", "relation-nan", "pressure-inf"],
)
def test_9_nan_and_infinity_refused(tmp_path: Path, old: str, new: str, where: str) -> None:
    path = tutorial_with(tmp_path, (old, new))
    for command in ("validate", "simulate") if "cost" in where else ("validate",):  # one run shows the game refuses it too
        msg = refused(plenipo_here(command, str(path)), where)
        assert "is not a number the game can use; write a number" in msg


# --- 10. batch keeps zero totals ----------------------------------------------------------------------


def test_10_batch_keeps_a_delegation_whose_utility_is_zero(tmp_path: Path) -> None:
    path = tutorial_with(
        tmp_path,
        ("values = { high = 30, medium = 60, low = 80 }", "values = { high = 0, medium = 0, low = 0 }"),
        ("values = { closed = 0, shared = 65, open = 100 }", "values = { closed = 0, shared = 0, open = 0 }"),
        ("values = { none = 50, peacetime = 60, full = 55 }", "values = { none = 0, peacetime = 0, full = 0 }"),
        ("costs = { southport = 21, eastmark = 5 }", "costs = { southport = 21, eastmark = 0 }"),
    )
    result = plenipo("batch", str(path), "--runs", "6", "--jobs", "2", "--json")
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(result.stdout)
    assert set(data["mean_score"]) == set(data["mean_utility"]) == {"northland", "southport", "eastmark"}


# --- 11. paths -----------------------------------------------------------------------------------------


def test_11_symlink_loop_as_the_file(tmp_path: Path) -> None:
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    a.symlink_to(b)
    b.symlink_to(a)
    refused(plenipo_here("validate", str(a), str(TUTORIAL)), "a.toml")


def test_11_symlink_loop_as_extends(tmp_path: Path) -> None:
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    a.symlink_to(b)
    b.symlink_to(a)
    variant = tmp_path / "v.toml"
    variant.write_text('extends = "a.toml"\nid = "v"\n', encoding="utf-8")
    refused(plenipo_here("validate", str(variant)), "extends", "loop of symbolic links")


def test_11_nul_in_extends(tmp_path: Path) -> None:
    variant = tmp_path / "v.toml"
    variant.write_text('extends = "genoa\\u0000.toml"\nid = "v"\n', encoding="utf-8")
    refused(plenipo_here("validate", str(variant)), "extends", "control character (U+0000)")


def test_11_extends_outside_the_scenario_folder(tmp_path: Path) -> None:
    (tmp_path / "lesson").mkdir()
    variant = tmp_path / "lesson" / "v.toml"
    variant.write_text('extends = "/etc/passwd"\nid = "v"\n', encoding="utf-8")
    refused(
        plenipo_here("validate", str(variant)), "outside this scenario's folder", "a variant may only extend a file beside it or a shipped scenario"
    )


# --- 12. NUL and other control characters in texts --------------------------------------------------------


@pytest.mark.parametrize(
    ("char", "what"), [("\\u0000", "U+0000"), ("\\u001b]0;pwned\\u0007", "U+001B"), ("\\u202e", "U+202E")], ids=["nul", "escape", "rtl-override"]
)
def test_12_control_characters_in_a_text(tmp_path: Path, char: str, what: str) -> None:
    path = tutorial_with(tmp_path, ('title = { en = "Harbour tolls"', f'title = {{ en = "Harbour{char} tolls"'))
    refused(plenipo_here("validate", str(path)), "issues[0].title.en", what, "remove it")


# --- 13. numbers of thousands of digits -----------------------------------------------------------------


def test_13_huge_integer_in_a_scenario(tmp_path: Path) -> None:
    path = tutorial_with(tmp_path, ("reservation = 65", "reservation = " + "9" * 5000))
    line = next(k for k, t in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if t.startswith("reservation = 999"))
    refused(plenipo_here("validate", str(path)), f"s.toml:{line}:15: error: (top level): a number has more than 4,300 digits")


def test_13_large_integer_in_a_scenario(tmp_path: Path) -> None:
    path = tutorial_with(tmp_path, ("reservation = 65", "reservation = " + "9" * 400))
    refused(plenipo_here("validate", str(path)), "delegations[0].reservation", "a 400-digit number is too large")


def test_13_huge_integer_in_a_save(save_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_text(save_file.read_text(encoding="utf-8").replace('"seed": 3', '"seed": ' + "9" * 5000), encoding="utf-8")
    refused(plenipo_here("report", str(path)), "damaged save (a number has more than 4,300 digits)")


# --- 14. hand-edited saves --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("edit", "needle"),
    [
        (lambda d: d.update(undone=[{"sitting": "abc", "actions": []}]), "undone[0].sitting: must be a whole number"),
        (lambda d: d.update(undone=[{"sitting": "<1e400>", "actions": []}]), "undone[0].sitting: must be a whole number"),
        (lambda d: d.update(undone=[{"sitting": [1], "actions": []}]), "undone[0].sitting: must be a whole number"),
        (
            lambda d: d.update(journal=[{"kind": "pause", "at": "<1e400>", "sitting": 1, "date": "1900-06-04"}]),
            "journal[0].at: must be a whole number from 0 to",
        ),
        (lambda d: d["setup"].update(lang="xx"), "setup.lang: 'xx' is not a language of Plenipo"),
        (lambda d: d["actions"].insert(0, {"type": "MoveEnd", "delta": 10**6}), "a conference has at most 366 sittings"),
        (lambda d: d["actions"].insert(0, {"type": "News", "title": "a\u0000b"}), "damaged save (a text holds a NUL character)"),
    ],
    ids=["sitting-text", "sitting-1e400", "sitting-list", "journal-at-1e400", "unknown-lang", "move-end-1e6", "nul-in-news"],
)
def test_14_hand_edited_saves(save_file: Path, tmp_path: Path, edit, needle: str) -> None:  # type: ignore[no-untyped-def]
    path = edited_save(save_file, tmp_path, edit)
    before = snapshot([path])
    refused(plenipo_here("report", str(path)), needle)
    assert snapshot([path]) == before


def test_14_console_cannot_move_the_end_past_the_year_9999(tmp_path: Path) -> None:
    from game.classroom.console import classroom_for

    path = tutorial_with(
        tmp_path,
        (
            'sittings = ["1900-06-04", "1900-06-05", "1900-06-06", "1900-06-07", "1900-06-08", "1900-06-09"]',
            'sittings = ["1900-06-04", "1900-06-05", "1900-06-06", "1900-06-07", "1900-06-08", "9999-12-31"]',
        ),
    )
    s = Session(load(path), SessionSetup(str(path), "en", ("northland",), "full", 1))
    room = classroom_for(s)
    assert room.last_date_after(1) is None
    assert room.last_date_after(-1) is not None


# --- 15. play's options ------------------------------------------------------------------------------------


def test_15_play_unknown_length() -> None:
    refused(
        plenipo_here("play", "tutorial", "--length", "medium", "--autoplay", "--exit-at-end"),
        "unknown game length 'medium'",
        "tutorial offers full, short",
    )


def test_15_play_unknown_language() -> None:
    refused(plenipo_here("play", "tutorial", "--lang", "fr", "--autoplay", "--exit-at-end"), "--lang 'fr': no such language", "available: en, lt")


def test_15_play_screenshots_into_a_file(tmp_path: Path) -> None:
    file = tmp_path / "shots"
    file.write_text("keep me", encoding="utf-8")
    refused(plenipo_here("play", "tutorial", "--autoplay", "--exit-at-end", "--screenshots", str(file)), "this is a file, not a folder")
    assert file.read_text(encoding="utf-8") == "keep me"


def test_15_play_screenshots_where_nothing_can_be_written() -> None:
    refused(plenipo_here("play", "tutorial", "--autoplay", "--exit-at-end", "--screenshots", "/proc/plenipo-shots"), "cannot write files there")


def test_18_play_unknown_human() -> None:
    refused(
        plenipo_here("play", "tutorial", "--human", "nothland", "--autoplay", "--exit-at-end"),
        "--human 'nothland': no delegation of tutorial by that id (did you mean 'northland'?)",
    )


# --- 16. other tracebacks ----------------------------------------------------------------------------------


def test_16_bench_with_a_broken_scenario(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('id = "broken"\n', encoding="utf-8")
    refused(plenipo_here("bench", "--quick", "--genoa", str(broken)), "broken.toml has", "required key is missing")


def test_16_sweep_with_a_date_value() -> None:
    result = plenipo_here("sweep", "tutorial", "--set", "calendar.sittings.0=1900-06-01", "--runs", "2", "--json")
    assert result.returncode == 0, result.stderr[-2000:]
    assert [row["value"] for row in json.loads(result.stdout)["rows"]] == ["1900-06-01"]


def test_16_sweep_with_a_deeply_nested_value() -> None:
    refused(plenipo("sweep", "tutorial", "--set", "events.storm.chance=" + "[" * 2000 + "]" * 2000, "--runs", "2"), "nested too deeply")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("argv", [["simulate", "tutorial"], ["schema"]], ids=["simulate", "schema"])
def test_16_stdout_on_a_full_device(argv: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = plenipo(*argv, stdout=full.fileno())
    refused(result, "cannot write the output: No space left on device")


# --- 17. the Load-a-game list ----------------------------------------------------------------------------


def test_17_load_list_skips_a_dangling_symlink(save_file: Path, tmp_path: Path) -> None:
    from game.ui.screens.menu.saveload import list_saves

    shutil.copy(save_file, tmp_path / "good.json")
    (tmp_path / "gone.json").symlink_to(tmp_path / "missing.json")
    (tmp_path / "loop.json").symlink_to(tmp_path / "loop.json")
    (tmp_path / "folder.json").mkdir()
    assert list_saves(tmp_path) == [tmp_path / "good.json"]


# --- 18. lower: terminals, byte-order marks, line numbers, aims, --human -------------------------------------


def test_18_control_characters_from_a_save_are_shown_escaped(save_file: Path, tmp_path: Path) -> None:
    def inject(d: dict) -> None:  # type: ignore[type-arg]
        d["actions"].insert(0, {"type": "News", "title": "\u001b]0;owned\u0007Headline\u202e", "text": "\u001b[31mred"})

    path = edited_save(save_file, tmp_path, inject)
    result = plenipo_here("report", str(path))
    assert result.returncode == 0, result.stderr[-2000:]
    assert "\u001b" not in result.stdout and "\u202e" not in result.stdout and "\u0007" not in result.stdout
    assert "\\x1b" in result.stdout and "owned\\x07Headline\\u202e" in result.stdout


def test_18_byte_order_mark_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + TUTORIAL.read_bytes())
    result = plenipo_here("validate", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{path}: OK"


def test_18_duplicate_aim_ids(tmp_path: Path) -> None:
    path = tutorial_with(tmp_path, ('id = "no_pact"', 'id = "treaty"'))
    refused(plenipo_here("validate", str(path)), "delegations[0].aims[1].id", "aim 'treaty' is listed twice")


def test_18_missing_key_has_a_line(tmp_path: Path) -> None:
    path = tutorial_with(tmp_path, ('name = { en = "Southport", lt = "Pietų uostas" }\n', ""))
    text = path.read_text(encoding="utf-8").splitlines()
    line = next(k for k, t in enumerate(text, start=1) if t == 'id = "southport"') - 1  # the [[delegations]] header
    refused(plenipo_here("validate", str(path)), f"s.toml:{line}:1: error: delegations[1].name: required key is missing")


def test_18_list_length_error_has_a_line_and_column(tmp_path: Path) -> None:
    path = tutorial_with(tmp_path, ('parties = ["southport", "eastmark"]', "parties = []"))
    text = path.read_text(encoding="utf-8").splitlines()
    line = next(k for k, t in enumerate(text, start=1) if t == "parties = []")
    refused(plenipo_here("validate", str(path)), f"s.toml:{line}:11: error: instruments[1].parties: at least 1 item needed here, found 0")


def test_18_error_column_points_at_the_value(tmp_path: Path) -> None:
    path = tutorial_with(tmp_path, ("reservation = 40\nrelations = { northland = 45", "reservation = 140\nrelations = { northland = 45"))
    text = path.read_text(encoding="utf-8").splitlines()
    line = next(k for k, t in enumerate(text, start=1) if t == "reservation = 140")
    refused(plenipo_here("validate", str(path)), f"s.toml:{line}:15: error: delegations[1].reservation:")


def test_18_triple_quotes_inside_a_multiline_string_keep_later_lines(tmp_path: Path) -> None:
    path = tutorial_with(
        tmp_path,
        ('history = { en = "An invented conference', 'history = { en = """An \'\'\' odd\nline""", xx = "An invented conference'),
        ("reservation = 40\nrelations = { northland = 45", "reservation = 140\nrelations = { northland = 45"),
    )
    text = path.read_text(encoding="utf-8").splitlines()
    line = next(k for k, t in enumerate(text, start=1) if t == "reservation = 140")
    msg = refused(plenipo_here("validate", str(path)))
    assert f"s.toml:{line}:15: error: delegations[1].reservation:" in msg


def test_user_files_untouched_by_a_refused_validate(tmp_path: Path) -> None:
    path = tutorial_with(tmp_path, ("reservation = 65", "reservation = nan"))
    before = snapshot([path, GENOA])
    refused(plenipo_here("validate", str(path)))
    refused(plenipo_here("simulate", str(path)))
    assert snapshot([path, GENOA]) == before


def test_shipped_scenario_by_id_from_any_folder(tmp_path: Path) -> None:
    result = plenipo_here("simulate", "tutorial", "--seed", "1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Outcome:" in result.stdout
    assert list(tmp_path.iterdir()) == []


def test_unknown_scenario_lists_the_shipped_ones(tmp_path: Path) -> None:
    refused(plenipo_here("simulate", "genoa_1923", cwd=tmp_path), "no scenario file 'genoa_1923'", "genoa_1922", "tutorial")


def test_root_is_this_checkout() -> None:
    assert (ROOT / "game" / "resources.py").is_file() and sys.executable


def test_18_nesting_error_has_its_path_and_line(tmp_path: Path) -> None:
    path = tutorial_with(tmp_path, ('authors = ["Plenipo team"]', "authors = " + "[" * 45 + "]" * 45))
    text = path.read_text(encoding="utf-8").splitlines()
    line = next(k for k, t in enumerate(text, start=1) if t.startswith("authors = [[["))
    msg = refused(plenipo_here("validate", str(path)), "values are nested 4")
    assert f"s.toml:{line}:" in msg and "meta.authors[0][0]" in msg
