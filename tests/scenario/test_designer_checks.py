"""The designer's checks on mediators, settled issues and other accepted mistakes: each on a purpose-built file."""

from __future__ import annotations

import pytest

from game.scenario.errors import ScenarioError
from game.scenario.loader import load

OBSERVING_MEDIATOR = '''
[[delegations]]
id = "envoy"
name = "Envoy"
observer = true
mediator = true
'''


def test_an_observer_cannot_be_a_mediator(make_scenario):
    with pytest.raises(ScenarioError) as err:
        load(make_scenario(append=OBSERVING_MEDIATOR))
    messages = [p.message for p in err.value.problems]
    assert "'envoy' is an observer, and observers never act: it cannot mediate" in messages
    assert [p.path for p in err.value.problems if "mediate" in p.message] == [("delegations", 2, "mediator")]


def test_a_mediator_loads(make_scenario):
    loaded = load(make_scenario(append=OBSERVING_MEDIATOR.replace("observer = true\n", "")))
    assert [d.id for d in loaded.scenario.delegations if d.mediator] == ["envoy"]
