"""Lithuanian wording a class reported: walking out is not quitting, and the narrator names a delegation once."""

from __future__ import annotations

from game_helpers import GENOA, session_for

from game.engine.log import LogEntry, LogKind
from game.i18n import Translator
from game.views.conference import narrator


def test_walking_out_does_not_read_as_quitting_the_program() -> None:
    t = Translator("lt").t
    quit_verb = t("Quit Plenipo").split()[0]
    for msgid in ("Walk out (W)", "Walk out", "Walk out of the conference?"):
        assert quit_verb not in t(msgid), t(msgid)


def test_a_change_of_position_names_the_delegation_once() -> None:
    session = session_for(GENOA, ("germany", "soviet"), lang="lt")
    entry = LogEntry(
        0,
        "1922-04-10",
        LogKind.POSITION,
        "japan",
        None,
        {
            "issue": "debts",
            "option": session.cs.option_ids[session.cs.i_index["debts"]][1],
            "was": session.cs.option_ids[session.cs.i_index["debts"]][0],
        },
    )
    text = narrator(session, Translator("lt")).sentence(entry)
    assert text.count("delegacij") == 1, text
    assert "dabar laikosi pozicijos" in text and "anksčiau" in text
