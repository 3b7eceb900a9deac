"""Key-path overrides: `load(path, overrides=...)` as `sweep` uses them."""

from __future__ import annotations

import pytest

from game.scenario.errors import ScenarioError
from game.scenario.loader import load
from game.scenario.overrides import parse_value
from tests.scenario.conftest import SCENARIOS

TUTORIAL = SCENARIOS / "tutorial.toml"


def test_override_sets_a_value_found_by_ids():
    s = load(TUTORIAL, {"delegations.northland.reservation": 60}).scenario
    assert s.delegations[0].reservation == 60


def test_override_reaches_stances_costs_and_events():
    s = load(
        TUTORIAL,
        {
            "delegations.southport.stances.tolls.no_deal": 20,
            "instruments.side_pact.costs.eastmark": 12.5,
            "events.storm.chance": 0.1,
        },
    ).scenario
    assert s.delegations[1].stances["tolls"].no_deal == 20
    assert s.instruments[1].costs["eastmark"] == 12.5
    assert s.events[0].chance == 0.1


def test_override_changes_the_digest_but_not_the_file():
    plain = load(TUTORIAL)
    changed = load(TUTORIAL, {"events.storm.chance": 0.1})
    assert plain.digest != changed.digest
    assert load(TUTORIAL).scenario == plain.scenario


def test_invalid_value_is_an_ordinary_error_with_its_key_path():
    with pytest.raises(ScenarioError) as err:
        load(TUTORIAL, {"delegations.northland.reservation": 300})
    (p,) = err.value.problems
    assert p.path == ("delegations", 0, "reservation") and p.line is not None


def test_unknown_item_suggests_the_closest_id():
    with pytest.raises(ScenarioError, match=r"no item with id 'northlnd' \(did you mean 'northland'\?\)"):
        load(TUTORIAL, {"delegations.northlnd.reservation": 10})


def test_unknown_key_suggests_the_closest_field():
    with pytest.raises(ScenarioError, match=r"did you mean 'reservation'"):
        load(TUTORIAL, {"delegations.northland.reservaton": 10})


def test_unset_model_field_can_be_set():
    s = load(TUTORIAL, {"delegations.eastmark.walkout_pressure": 0.9}).scenario
    assert s.delegations[2].walkout_pressure == 0.9


@pytest.mark.parametrize(("text", "value"), [("40", 40), ("0.5", 0.5), ("true", True), ('"x"', "x"), ("tough", "tough")])
def test_values_are_read_as_toml(text, value):
    assert parse_value(text) == value
