"""Mediators: a delegation marked `mediator = true` may propose packages for instruments it is
not party to; only the parties answer, and the instrument is signed when they all accept."""

from __future__ import annotations

import pytest
from engine_kit import MINI, all_human, sitting

from game.engine import actions as A
from game.engine.rules import IllegalAction, step

HOST = """
[[delegations]]
id = "host"
name = "Host"
mediator = true

[[instruments]]"""

MEDIATED = MINI.replace("\n[[instruments]]", HOST, 1)


def test_a_mediator_proposes_an_instrument_it_is_not_party_to_and_the_parties_sign_it(compile_toml):
    cs = compile_toml(MEDIATED)
    s = sitting(all_human(cs), host=A.Propose("host", "accord", (("money", "lo"),)))
    pid = s.proposals[-1].id
    assert cs.delegation_ids[s.proposals[-1].proposer] == "host"
    s = sitting(s, alpha=A.Respond("alpha", pid, A.Answer.ACCEPT), gamma=A.Respond("gamma", pid, A.Answer.ACCEPT))
    assert [cs.instrument_ids[x.instrument] for x in s.signed] == ["accord"]


def test_a_mediators_proposal_is_not_signed_until_every_party_accepts(compile_toml):
    cs = compile_toml(MEDIATED)
    s = sitting(all_human(cs), host=A.Propose("host", "accord", (("money", "lo"),)))
    pid = s.proposals[-1].id
    s = sitting(s, alpha=A.Respond("alpha", pid, A.Answer.ACCEPT))  # gamma stays silent
    assert not s.signed


def test_a_mediator_cannot_answer_a_proposal_it_is_not_party_to(compile_toml):
    cs = compile_toml(MEDIATED)
    s = sitting(all_human(cs), alpha=A.Propose("alpha", "accord", (("money", "hi"),)))
    pid = s.proposals[-1].id
    while s.actor_id != "host":  # into the next sitting, where the proposal is still open
        s = step(s, A.Pass(s.actor_id or "")).state
    with pytest.raises(IllegalAction, match="only the parties"):
        step(s, A.Respond("host", pid, A.Answer.ACCEPT))


def test_a_delegation_that_is_no_mediator_still_cannot_propose_for_others(compile_toml):
    cs = compile_toml(MINI.replace('id = "beta"\nname = "Beta"', 'id = "beta"\nname = "Beta"\nmediator = false'))
    s = all_human(cs)
    while s.actor_id != "beta":
        s = step(s, A.Pass(s.actor_id or "")).state
    with pytest.raises(IllegalAction, match=r"only its parties \(and mediators\) may propose Money Accord"):
        step(s, A.Propose("beta", "accord", (("money", "lo"),)))
