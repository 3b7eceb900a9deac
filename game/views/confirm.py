"""What a team's move did, in one sentence: "Proposal No. 3 sent privately to Soviet Russia." No pygame here.

The one-computer confirmation card (game/ui/screens/conference/done.py) and
the host's answer to a team computer's move say it the same way.
"""

from __future__ import annotations

from game.engine import actions as A
from game.engine.state import GameState
from game.i18n import Translator
from game.scenario.texts import tr


def confirmation(s: GameState, action: A.Action, tr_: Translator) -> str:
    """One sentence saying what `action` (just applied to give `s`) did. No pygame: a client could show it too."""
    t, cs, lang = tr_.t, s.cs, tr_.lang

    def name(did: str) -> str:
        return tr(cs.delegation(cs.d_index[did]).name, lang)

    if isinstance(action, A.Propose):
        number = s.proposals[-1].id if s.proposals else 0
        if action.to:
            return t("Proposal No. {number} sent privately to {names}.", number=number, names=", ".join(name(x) for x in action.to))
        return t("Proposal No. {number} put to the whole conference.", number=number)
    if isinstance(action, A.Shift):
        i = cs.issue_ids.index(action.issue)
        option = cs.issue(i).options[cs.option_ids[i].index(action.option)]
        return t("Your public position on {issue} is now: {option}.", issue=tr(cs.issue(i).title, lang), option=tr(option.label, lang))
    if isinstance(action, A.Statement):
        return t("Your statement was made to the conference.")
    if isinstance(action, A.Walkout):
        return t("Your delegation has walked out of the conference.")
    return t("You passed this sitting.")
