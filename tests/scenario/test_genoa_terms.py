"""The outcome follows the terms: only the treaty's core counts as Rapallo, and the debrief sets a deal beside 1922's."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "engine"))
from engine_kit import all_human, do, sitting

from game.engine import actions as A
from game.engine.compiled import compile_scenario
from game.engine.narrate import Narrator
from game.scenario.loader import load
from tests.scenario.conftest import SCENARIOS

CORE = (("article_116", "renounced"), ("german_claims", "waived_conditionally"), ("german_relations", "full_relations"), ("mfn_trade", "mfn"))
PRESSED = (("article_116", "pressed"), *CORE[1:])


@pytest.fixture(scope="module")
def genoa():
    return compile_scenario(load(SCENARIOS / "genoa_1922.toml").scenario)


def _signed(cs, package):
    s = all_human(cs)
    s = sitting(s, soviet=A.Propose("soviet", "rapallo_treaty", package, to=("germany",)))
    s = sitting(s, germany=A.Respond("germany", s.proposals[-1].id, A.Answer.ACCEPT))
    assert s.signed, "the treaty was signed"
    return do(s, A.EndNow())


def test_the_1922_package_is_rapallo(genoa) -> None:
    assert genoa.outcome(_signed(genoa, CORE).outcome).id == "rapallo"


def test_a_treaty_that_presses_article_116_is_reported_as_another_german_soviet_deal(genoa) -> None:
    s = _signed(genoa, PRESSED)
    assert genoa.outcome(s.outcome).id == "other_german_soviet_deal"


def test_the_debrief_names_where_a_deal_differs_from_1922(genoa) -> None:
    n = Narrator(genoa)
    said = n.history_text("rapallo_treaty", dict(PRESSED))
    assert said.startswith("In history, instead:") and "Article 116 claim: Renounced" in said
    assert "German property claims" not in said  # only what differs
    assert n.history_text("rapallo_treaty", dict(CORE)) == ""
