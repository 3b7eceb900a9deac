"""Requests for an audience: a general move, answered by the host, readable by scenario conditions."""

from __future__ import annotations

import pytest
from engine_kit import MINI, all_human, compile_text, do, end_sitting, until

from game.ai import audience as AI
from game.engine import actions as A
from game.engine.conditions import holds
from game.engine.rules import IllegalAction, step
from game.engine.state import AudienceStatus
from game.play.codec import action_from_json, action_to_json
from game.scenario.models import condition

REFUSED = condition({"audience": {"of": "alpha", "by": "beta"}})
GRANTED = condition({"audience": {"of": "alpha", "answer": "granted"}})


def _asked(tmp_path):
    cs = compile_text(tmp_path, MINI)
    s = until(all_human(cs), "alpha")
    return cs, do(s, A.RequestAudience("alpha", "beta"))


def test_a_granted_audience_raises_trust_and_a_condition_can_read_it(tmp_path) -> None:
    cs, s = _asked(tmp_path)
    a, b = cs.d_index["alpha"], cs.d_index["beta"]
    before = float(s.relations[a, b])
    s = until(s, "beta")
    s = do(s, A.AnswerAudience("beta", 1, True))
    assert s.audiences[0].status is AudienceStatus.GRANTED
    assert float(s.relations[a, b]) > before
    assert holds(GRANTED, s) and not holds(REFUSED, s)


def test_a_request_left_unanswered_is_put_off_and_counts_as_refused(tmp_path) -> None:
    cs, s = _asked(tmp_path)
    a, b = cs.d_index["alpha"], cs.d_index["beta"]
    before, pressure = float(s.relations[a, b]), s.pressure[a]
    s = end_sitting(end_sitting(s))  # beta lets two sittings pass
    assert s.audiences[0].status is AudienceStatus.REFUSED
    assert holds(REFUSED, s)
    assert float(s.relations[a, b]) < before and s.pressure[a] > pressure
    assert any(e.kind.value == "audience_answer" and e.data["answer"] == "put_off" for e in s.log)


def test_asking_does_not_use_up_the_turn_but_only_once_a_sitting(tmp_path) -> None:
    _, s = _asked(tmp_path)
    assert s.actor_id == "alpha"  # still alpha's move
    with pytest.raises(IllegalAction):
        step(s, A.RequestAudience("alpha", "gamma"))
    with pytest.raises(IllegalAction):
        step(s, A.AnswerAudience("alpha", 1, True))  # only the host answers


def test_audience_actions_survive_a_save(tmp_path) -> None:
    for action in (A.RequestAudience("alpha", "beta", "we must talk"), A.AnswerAudience("beta", 1, False)):
        assert action_from_json(action_to_json(action)) == action


def test_the_ai_host_refuses_an_asker_its_partners_distrust_and_receives_one_they_trust(tmp_path) -> None:
    cs, s = _asked(tmp_path)
    a, b, g = cs.d_index["alpha"], cs.d_index["beta"], cs.d_index["gamma"]
    req = s.audiences[0]
    rel = s.relations.copy()
    rel[b, a], rel[g, a] = 50.0, 5.0  # beta's partner in the pact distrusts alpha
    rel.flags.writeable = False
    cold = s.evolve(relations=rel)
    assert not AI.answer(cold, b, req).grant
    rel = rel.copy()
    rel[g, a] = 90.0
    rel.flags.writeable = False
    assert AI.answer(s.evolve(relations=rel), b, req).grant


def test_the_ai_asks_only_when_an_instrument_it_is_not_party_to_could_cost_it_much(tmp_path) -> None:
    cs = compile_text(tmp_path, MINI)
    # a team's seat is asked like an AI's: teams grant or refuse from their inbox in the window
    teams = AI.request(all_human(cs), cs.d_index["alpha"])
    assert teams is not None and teams.host in ("beta", "gamma")
    s = all_human(cs).evolve(humans=frozenset({cs.d_index["alpha"]}))
    # alpha is outside the pact, which settles land, where alpha could lose heavily
    assert AI.threat(s, cs.d_index["alpha"], cs.inst_index["pact"]) >= AI.THREAT_MIN
    ask = AI.request(s, cs.d_index["alpha"])
    assert ask is not None and ask.host in ("beta", "gamma")
    s = do(until(s.evolve(humans=frozenset(cs.actors)), "alpha"), A.RequestAudience("alpha", ask.host)).evolve(
        humans=frozenset({cs.d_index["alpha"]})
    )
    assert AI.request(s, cs.d_index["alpha"]) is None  # once a sitting, and not while waiting for an answer


def test_an_ai_host_is_readier_to_receive_an_asker_that_could_sign_a_side_deal_without_it(tmp_path) -> None:
    cs = compile_text(tmp_path, MINI)
    s = all_human(cs)
    alpha, beta = cs.d_index["alpha"], cs.d_index["beta"]
    # beta can sign the pact without alpha, and the pact settles land, where alpha could lose heavily
    loss = AI.side_deal(s, alpha, beta)
    assert loss == AI.threat(s, alpha, cs.inst_index["pact"]) >= AI.THREAT_MIN
    rel = s.relations.copy()
    rel[alpha, beta] = 30.0  # alpha distrusts beta: without the side deal it would refuse
    rel.flags.writeable = False
    cold = s.evolve(relations=rel)
    without = AI.willingness(cold, alpha, beta) - loss / AI.SIDE_DEAL_SCALE
    assert without < 0 <= AI.willingness(cold, alpha, beta)
