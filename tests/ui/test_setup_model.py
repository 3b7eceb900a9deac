"""What the setup screen offers, tested without pygame."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from ui_helpers import SCENARIOS

from game.views.setup import FULL, GameSetup, SetupModel, discover, intro_rows, parse_seed


@pytest.fixture(scope="module")
def model_parts():
    return discover()


def test_setup_model_does_not_import_pygame() -> None:
    import subprocess

    code = "import sys, game.views.setup; assert 'pygame' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[2])


def test_every_shipped_scenario_is_offered(model_parts) -> None:
    good, broken = model_parts
    assert broken == []
    assert {e.path for e in good} == set(SCENARIOS)


def test_a_broken_file_is_listed_with_its_problem_not_offered(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text("id = 'x'\n[meta\n", encoding="utf-8")
    good, broken = discover(tmp_path)
    assert good == []
    assert broken[0][0].name == "bad.toml" and "TOML" in broken[0][1]


def test_observers_are_never_offered_to_teams(model_parts) -> None:
    m = SetupModel(*model_parts)
    for i, e in enumerate(m.scenarios):
        m.select(i)
        assert [d.id for d in m.playable()] == [d.id for d in e.loaded.scenario.delegations if not d.observer]
        observers = [d.id for d in e.loaded.scenario.delegations if d.observer]
        for did in observers:
            m.toggle(did, True)
        assert not set(observers) & m.humans


def test_lengths_end_with_the_full_calendar(model_parts) -> None:
    m = SetupModel(*model_parts)
    for i, e in enumerate(m.scenarios):
        m.select(i)
        lengths = m.lengths()
        assert lengths[-1].id == FULL
        assert lengths[-1].sittings == len(e.loaded.scenario.calendar.sittings)
        assert [o.id for o in lengths[:-1]] == [g.id for g in e.loaded.scenario.calendar.lengths if g.id != FULL]


def test_language_follows_the_scenario(model_parts) -> None:
    m = SetupModel(*model_parts, lang="lt")
    for i, e in enumerate(m.scenarios):
        m.select(i)
        langs = e.loaded.scenario.meta.languages
        assert m.lang == ("lt" if "lt" in langs else langs[0])
    m.set_lang("zz")
    assert m.lang in m.languages()


def test_seed_is_digits_only_and_bounded() -> None:
    assert parse_seed("42") == 42
    assert parse_seed(" 7 ") == 7
    assert parse_seed("") is None
    assert parse_seed("-1") is None
    assert parse_seed("1e5") is None
    assert parse_seed(str(2**40)) is None


def test_typed_seed_drops_non_digits_and_blocks_start_when_empty(model_parts) -> None:
    m = SetupModel(*model_parts, seed=5)
    m.set_seed_text("12a3")
    assert m.seed == 123
    m.set_seed_text("")
    assert not m.can_start() and m.setup() is None


def test_setup_is_frozen_and_lists_humans_in_scenario_order(model_parts) -> None:
    m = SetupModel(*model_parts, seed=99)
    ids = [d.id for d in m.playable()]
    for did in reversed(ids[:2]):
        m.toggle(did)
    setup = m.setup()
    assert isinstance(setup, GameSetup)
    assert setup.humans == tuple(ids[:2]) and setup.seed == 99 and setup.lang == m.lang
    with pytest.raises(AttributeError):
        setup.seed = 1  # type: ignore[misc]


def test_default_seed_is_random_and_shown(model_parts) -> None:
    seeds = {SetupModel(*model_parts).seed for _ in range(5)}
    assert all(isinstance(s, int) for s in seeds) and len(seeds) > 1


def test_open_file_adds_and_selects_it_or_reports_why(model_parts, tmp_path: Path) -> None:
    m = SetupModel(*model_parts)
    assert m.open_file(str(tmp_path / "missing.toml")) is not None
    assert "not found" in m.message
    copy = tmp_path / "copy.toml"
    copy.write_bytes(SCENARIOS[0].read_bytes())
    before = len(m.scenarios)
    assert m.open_file(f'"{copy}"') is None
    assert len(m.scenarios) == before + 1 and m.entry is not None and m.entry.path == copy


def test_intro_rows_show_public_texts_and_who_plays(model_parts) -> None:
    m = SetupModel(*model_parts, seed=1)
    for i, e in enumerate(m.scenarios):
        m.select(i)
        first = m.playable()[0].id
        m.toggle(first, True)
        setup = m.setup()
        assert setup is not None
        rows = intro_rows(setup, list(e.loaded.scenario.delegations))
        assert [r.id for r in rows] == [d.id for d in e.loaded.scenario.delegations]
        assert rows[0].role == "team" or first != rows[0].id
        roles = {r.id: r.role for r in rows}
        assert roles[first] == "team"
        for d in e.loaded.scenario.delegations:
            if d.observer:
                assert roles[d.id] == "observer"
