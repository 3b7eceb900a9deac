"""Settled means settled: once a signed instrument settles an issue, no later signature settles it otherwise.

MINI's secret pact (beta, gamma) and its general treaty (alpha, beta, gamma) share the
issue `land`: the contradiction a designer met was a treaty proposal made *before* the
pact was signed and accepted after it, which re-settled `land` and decided the outcome.
"""

from __future__ import annotations

import pytest
from engine_kit import all_human, do, end_sitting, entries, sitting

from game.engine import actions as A
from game.engine.narrate import Narrator
from game.engine.refusals import Code, describe
from game.engine.rules import IllegalAction, check, step
from game.engine.state import ProposalStatus
from game.i18n import Translator

PACT_B = A.Propose("beta", "pact", (("land", "b"),), to=("gamma",))
TREATY_C = A.Propose("alpha", "treaty", (("land", "c"), ("money", "lo")))


def yes(who: str, pid: int) -> A.Respond:
    return A.Respond(who, pid, A.Answer.ACCEPT)


def test_an_open_proposal_contradicting_a_new_signature_is_withdrawn_and_cannot_be_signed(mini):
    s = sitting(all_human(mini), beta=PACT_B)  # sitting 1: the pact is proposed (proposal 1)
    s = sitting(s, gamma=yes("gamma", 1), alpha=TREATY_C)  # sitting 2: treaty proposed (2) before the pact is signed
    assert [mini.instrument_ids[x.instrument] for x in s.signed] == ["pact"]
    land = mini.i_index["land"]
    assert mini.option_ids[land][s.settled[land]] == "b"
    assert s.proposals[1].status is ProposalStatus.LAPSED
    (withdrawn,) = [e for e in entries(s, "lapsed") if e.data.get("withdrawn")]
    assert dict(withdrawn.data) == {"proposal": 2, "instrument": "treaty", "withdrawn": True, "settled_by": "pact", "issue": "land"}
    # sitting 3: beta and gamma would accept the treaty proposal now, but it is no longer open
    while s.actor_id not in ("beta", "gamma"):
        s = do(s, A.Pass(s.actor_id or ""))
    with pytest.raises(IllegalAction, match="no longer open"):
        step(s, yes(s.actor_id or "", 2))
    s = end_sitting(s)
    assert [mini.instrument_ids[x.instrument] for x in s.signed] == ["pact"]
    assert mini.option_ids[land][s.settled[land]] == "b"


def test_two_proposals_accepted_in_the_same_sitting_do_not_both_settle_one_issue(mini):
    s = sitting(all_human(mini), beta=PACT_B, alpha=TREATY_C)  # proposals 1 (pact) and 2 (treaty), same sitting
    s = sitting(s, gamma=[yes("gamma", 1), yes("gamma", 2)], beta=yes("beta", 2))
    # both had every acceptance; the earlier proposal is signed and the other withdrawn
    assert [mini.instrument_ids[x.instrument] for x in s.signed] == ["pact"]
    assert not s.ended  # the treaty (which ends the conference) was not signed
    assert s.proposals[1].status is ProposalStatus.LAPSED


def test_a_proposal_that_agrees_with_the_settlement_stays_open(mini):
    treaty_b = A.Propose("alpha", "treaty", (("land", "b"), ("money", "lo")))
    s = sitting(all_human(mini), beta=PACT_B)
    s = sitting(s, gamma=yes("gamma", 1), alpha=treaty_b)
    assert s.proposals[1].status is ProposalStatus.OPEN
    assert not [e for e in entries(s, "lapsed") if e.data.get("withdrawn")]


def test_a_new_proposal_must_agree_with_settled_issues(mini):
    s = sitting(all_human(mini), beta=PACT_B)
    s = sitting(s, gamma=yes("gamma", 1))
    while s.actor_id != "alpha":
        s = do(s, A.Pass(s.actor_id or ""))
    refusal = check(s, TREATY_C)
    assert refusal is not None and refusal.code is Code.ISSUE_SETTLED and dict(refusal.params) == {"issue": "land", "option": "b"}
    assert describe(refusal, mini) == "Land is already settled on “B” by a signed agreement"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Proposal 2 (General Treaty) is withdrawn: Secret Pact has already settled Land otherwise."),
        ("lt", "Pasiūlymas Nr. 2 („General Treaty“) atšaukiamas: „Secret Pact“ jau kitaip išsprendė klausimą „Land“."),
    ],
)
def test_the_withdrawal_is_in_the_news_in_both_languages(mini, lang, text):
    s = sitting(all_human(mini), beta=PACT_B)
    s = sitting(s, gamma=yes("gamma", 1), alpha=TREATY_C)
    (withdrawn,) = [e for e in entries(s, "lapsed") if e.data.get("withdrawn")]
    narrator = Narrator(mini, lang, Translator(lang).t)
    assert narrator.sentence(withdrawn) == text
