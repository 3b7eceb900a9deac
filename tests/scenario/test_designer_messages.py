"""Issue #13, "Messages to improve": each message a designer met, with its exact text, file, line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.errors import ScenarioError
from game.scenario.loader import load

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = ROOT / "scenarios" / "tutorial.toml"


def tutorial_with(tmp: Path, *replacements: tuple[str, str], name: str = "t.toml") -> Path:
    text = TUTORIAL.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(ScenarioError) as err:
        load(path)
    return [str(p) for p in err.value.problems]


def line_col(path: Path, needle: str) -> tuple[int, int]:
    for k, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return k, line.index(needle) + 1
    raise AssertionError(needle)


def test_bad_event_date_names_the_key_the_event_the_value_and_the_form(tmp_path: Path) -> None:
    path = tutorial_with(tmp_path, ('date = "1900-06-06"\nchance = 0.7', 'date = "1905-8-23"\nchance = 0.7'))
    line, col = line_col(path, '"1905-8-23"')
    assert problems(path) == [
        f"{path}:{line}:{col}: error: events[0].date: event 'storm': '1905-8-23' is not a date; use YYYY-MM-DD (e.g. 1922-04-10)"
    ]


def test_first_sitting_points_at_its_own_line(tmp_path: Path) -> None:
    path = tutorial_with(
        tmp_path,
        (
            'sittings = ["1900-06-04", "1900-06-05", "1900-06-06", "1900-06-07", "1900-06-08", "1900-06-09"]',
            'sittings = [\n  "1900-6-4",\n  "1900-06-05", "1900-06-06", "1900-06-07", "1900-06-08", "1900-06-09",\n]',
        ),
    )
    line, col = line_col(path, '"1900-6-4"')
    assert problems(path) == [f"{path}:{line}:{col}: error: calendar.sittings[0]: '1900-6-4' is not a date; use YYYY-MM-DD (e.g. 1922-04-10)"]


@pytest.mark.parametrize(
    ("sittings", "message", "bad"),
    [
        ('"1900-06-05", "1900-06-04", "1900-06-06"', "sittings must be in order, each date once: 1900-06-04 comes after 1900-06-05", 1),
        ('"1900-06-04", "1900-06-05", "1900-06-05"', "sittings must be in order, each date once: 1900-06-05 is listed twice", 2),
    ],
    ids=["order", "twice"],
)
def test_sittings_out_of_order_say_which(tmp_path: Path, sittings: str, message: str, bad: int) -> None:
    path = tutorial_with(
        tmp_path, ('sittings = ["1900-06-04", "1900-06-05", "1900-06-06", "1900-06-07", "1900-06-08", "1900-06-09"]', f"sittings = [{sittings}]")
    )
    line, _ = line_col(path, f"sittings = [{sittings}]")
    col = len("sittings = [") + 1 + bad * len('"1900-06-04", ')
    assert problems(path) == [f"{path}:{line}:{col}: error: calendar.sittings[{bad}]: {message}"]


def test_misspelt_key_gets_did_you_mean(tmp_path: Path) -> None:
    path = tutorial_with(tmp_path, ("weight = 1\nvalues = { closed = 80", "wieght = 1\nvalues = { closed = 80"))
    line, col = line_col(path, "wieght")
    assert problems(path) == [f"{path}:{line}:{col}: error: delegations[0].stances.fishing.wieght: unknown key (did you mean 'weight'?)"]


def test_chance_above_one_is_called_a_probability(tmp_path: Path) -> None:
    path = tutorial_with(tmp_path, ("chance = 0.7", "chance = 1.5"))
    line, col = line_col(path, "1.5")
    assert problems(path) == [
        f"{path}:{line}:{col}: error: events[0].chance: chance is a probability, from 0 (never) to 1 (always), e.g. 0.7 for 70%; 1.5 is outside it"
    ]


def test_misspelt_party_is_one_error(tmp_path: Path) -> None:
    path = tutorial_with(tmp_path, ('parties = ["southport", "eastmark"]', 'parties = ["southpot", "eastmark"]'))
    line, col = line_col(path, '"southpot"')
    assert problems(path) == [f"{path}:{line}:{col}: error: instruments[1].parties[0]: unknown delegation 'southpot' (did you mean 'southport'?)"]


def _variant(tmp: Path, body: str) -> Path:
    path = tmp / "v.toml"
    path.write_text(f'extends = "{TUTORIAL.as_posix()}"\nid = "tutorial_v"\n{body}', encoding="utf-8")
    return path


def test_variant_removes_a_stance(tmp_path: Path) -> None:
    path = _variant(
        tmp_path,
        '\n[[delegations]]\nid = "eastmark"\n\n[delegations.stances.berths]\nremove = true\n'
        '\n[[instruments]]\nid = "harbour_treaty"\nparties = ["northland", "southport"]\n'
        '\n[[instruments]]\nid = "side_pact"\nscope = ["fishing"]\n',
    )
    loaded = load(path)
    eastmark = next(d for d in loaded.scenario.delegations if d.id == "eastmark")
    assert "berths" not in eastmark.stances and "fishing" in eastmark.stances


def test_variant_errors_point_into_the_variant(tmp_path: Path) -> None:
    path = _variant(tmp_path, '\n[[delegations]]\nid = "eastmark"\nreservaton = 30\n\n[[delegations]]\nid = "southport"\nreservation = 140\n')
    l1, c1 = line_col(path, "reservaton")
    l2, c2 = line_col(path, "140")
    assert sorted(problems(path)) == sorted(
        [
            f"{path}:{l1}:{c1}: error: delegations[2].reservaton: unknown key (did you mean 'reservation' or 'relations'?)",
            f"{path}:{l2}:{c2}: error: delegations[1].reservation: Input should be less than or equal to 100",
        ]
    )


def test_variant_misspelt_id_suggests_from_the_base(tmp_path: Path) -> None:
    path = _variant(tmp_path, '\n[[delegations]]\nid = "nothland"\nreservation = 40\n')
    line, col = line_col(path, '"nothland"')
    assert problems(path) == [
        f"{path}:{line}:{col}: error: delegations[3].id: delegation 'nothland' is not in the scenario this one "
        "extends (did you mean 'northland'?); a new delegation needs all its keys"
    ]


def test_handouts_print_no_false_note_for_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from game.cli.main import main

    assert main(["handouts", "tutorial", "--out", str(tmp_path / "h")]) == 0
    out, err = capsys.readouterr()
    assert "translation" not in out + err
    assert out.splitlines()[0] == f"wrote {tmp_path / 'h' / 'northland.html'}"
