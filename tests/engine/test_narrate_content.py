"""The scenario's content reaches the reader: an instrument's terms, disputed figures, local number style."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine.compiled import CompiledScenario, compile_scenario
from game.engine.log import LogEntry, LogKind
from game.engine.narrate import Narrator, first_proposals, option_label
from game.i18n import Translator, figure
from game.scenario.loader import load

GENOA = Path(__file__).resolve().parents[2] / "scenarios" / "genoa_1922.toml"
RAPALLO = {"article_116": "renounced", "german_claims": "waived_conditionally", "german_relations": "full_relations", "mfn_trade": "mfn"}


@pytest.fixture(scope="module")
def genoa() -> CompiledScenario:
    return compile_scenario(load(GENOA).scenario)


def _proposal(pid: int) -> LogEntry:
    return LogEntry(
        0,
        "1922-04-16",
        LogKind.PROPOSAL,
        "soviet",
        frozenset({"germany", "soviet"}),
        {"proposal": pid, "instrument": "rapallo_treaty", "to": ["germany"], "package": RAPALLO},
    )


def test_a_signature_states_the_treatys_terms_including_that_there_is_no_military_clause(genoa: CompiledScenario) -> None:
    e = LogEntry(0, "1922-04-16", LogKind.SIGNED, None, None, {"proposal": 1, "instrument": "rapallo_treaty", "package": RAPALLO})
    said = Narrator(genoa).sentence(e)
    assert "Its terms: (1)" in said and "There is no military clause." in said


def test_only_the_first_proposal_of_an_instrument_repeats_its_terms(genoa: CompiledScenario) -> None:
    n = Narrator(genoa)
    entries = [_proposal(1), _proposal(2)]
    assert first_proposals(entries) == {0}
    lines = n.lines(entries)
    assert "no military clause" in lines[0] and "no military clause" not in lines[1]


def test_a_disputed_figure_is_never_shown_without_its_warning(genoa: CompiledScenario) -> None:
    debts = genoa.issue(genoa.i_index["debts"])
    full = next(o for o in debts.options if o.id == "full")
    assert option_label(full) == "All debts recognised (18 bn gold roubles, disputed)"
    lt = option_label(full, "lt", Translator("lt").t, Translator("lt").number)
    assert "18 mlrd. aukso rublių" in lt and "ginčytinas" in lt
    package = Narrator(genoa).package({"debts": "full"})
    assert "disputed" in package


def test_numbers_follow_the_languages_style() -> None:
    assert figure(0.6, "lt") == "0,6" and figure(0.6, "en") == "0.6"
    assert figure(175000, "lt").replace("\u00a0", " ") == "175 000" and figure(175000, "en") == "175,000"


def test_the_lithuanian_position_sentence_names_the_delegation_once(genoa: CompiledScenario) -> None:
    tr = Translator("lt")
    e = LogEntry(0, "1922-04-15", LogKind.POSITION, "japan", None, {"issue": "debts", "option": "full", "was": "moratorium"})
    said = Narrator(genoa, "lt", tr.t).sentence(e)
    assert said.count("delegacij") == 1, said
