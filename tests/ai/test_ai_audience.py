"""Whom an AI delegation asks for an audience, and why a host refuses (issue #12, "Rapallo from choices").

MINI (tests/engine/engine_kit.py): alpha is outside the beta-gamma pact, which settles land, where
alpha wants A and fears C. Beta wants C outright (A is its worst); gamma prefers B and minds A less.
So gamma is the party more likely to take up alpha's case, whoever alpha trusts more.
"""

from __future__ import annotations

import numpy as np
import pytest
from engine_kit import MINI, all_human, compile_text, do, until

from game.ai import audience as AI
from game.ai.explain import Explainer
from game.engine import actions as A
from game.engine.log import LogKind
from game.engine.narrate import Narrator
from game.engine.state import Audience, AudienceStatus, GameState
from game.i18n import Translator


def _with(s: GameState, **pairs: float) -> GameState:
    """The state with trust set: `beta_alpha=5` is beta's trust in alpha."""
    rel = np.array(s.relations, copy=True)
    for key, value in pairs.items():
        a, b = key.split("_")
        rel[s.cs.d_index[a], s.cs.d_index[b]] = value
    rel.flags.writeable = False
    return s.evolve(relations=rel)


def _alpha_asks(tmp_path):
    cs = compile_text(tmp_path, MINI)
    return cs, all_human(cs).evolve(humans=frozenset({cs.d_index["beta"], cs.d_index["gamma"]}))


def test_the_asker_turns_to_the_party_that_shares_its_interest_not_just_the_one_it_trusts(tmp_path) -> None:
    cs, s = _alpha_asks(tmp_path)
    alpha, beta, gamma, pact = cs.d_index["alpha"], cs.d_index["beta"], cs.d_index["gamma"], cs.inst_index["pact"]
    s = _with(s, alpha_beta=80.0, alpha_gamma=50.0)  # alpha trusts beta more
    assert AI.sympathy(s, alpha, beta, pact) < AI.sympathy(s, alpha, gamma, pact) < 0  # beta wants what alpha fears most
    ask = AI.request(s, alpha)
    assert ask is not None and ask.host == "gamma"  # asking the most trusted party would have meant beta
    # with no stake on the pact's issues, trust decides again
    assert AI.request(_with(s, alpha_beta=40.0), alpha) == ask


def test_refused_the_asker_turns_to_another_party_and_asks_each_once(tmp_path) -> None:
    cs, s = _alpha_asks(tmp_path)
    alpha, beta, gamma = cs.d_index["alpha"], cs.d_index["beta"], cs.d_index["gamma"]
    by_gamma = Audience(1, 0, alpha, gamma, AudienceStatus.REFUSED, 0)
    by_beta = Audience(2, 1, alpha, beta, AudienceStatus.REFUSED, 1)
    later = s.evolve(turn=2)
    ask = AI.request(later.evolve(audiences=(by_gamma,)), alpha)
    assert ask is not None and ask.host == "beta"  # gamma has answered; beta is the next hope
    assert AI.request(later.evolve(audiences=(by_gamma, by_beta)), alpha) is None  # every party has answered
    assert AI.MAX_ASKS_PER_HOST == 1 and AI.MAX_ASKS == 3


def test_a_partners_distrust_weighs_with_the_hosts_regard_for_that_partner(tmp_path) -> None:
    cs, s = _alpha_asks(tmp_path)
    alpha, beta = cs.d_index["alpha"], cs.d_index["beta"]
    s = _with(s, beta_alpha=50.0, gamma_alpha=5.0)  # beta's partner in the pact distrusts alpha
    req = do(until(s.evolve(humans=frozenset(cs.actors)), "alpha"), A.RequestAudience("alpha", "beta")).audiences[0]
    valued = _with(s, beta_gamma=100.0)
    neutral = _with(s, beta_gamma=50.0)
    scorned = _with(s, beta_gamma=0.0)
    w = [AI.willingness(x, beta, alpha) for x in (valued, neutral, scorned)]
    assert w[0] < w[1] < w[2]
    # a partner trusted fully counts twice its distrust, one trusted not at all not at all
    assert w[1] - w[0] == pytest.approx(w[2] - w[1])
    refused = AI.answer(valued, beta, req)
    assert not refused.grant and refused.reasons is not None
    assert refused.reasons.note == AI.REFUSE_PARTNERS and refused.reasons.deciding == ("gamma",)
    granted = AI.answer(scorned, beta, req)  # gamma's distrust is no reason for a host that distrusts gamma
    assert granted.grant and granted.reasons is not None and granted.reasons.note != AI.REFUSE_PARTNERS


def test_a_host_that_distrusts_the_asker_itself_says_so(tmp_path) -> None:
    cs, s = _alpha_asks(tmp_path)
    alpha, beta = cs.d_index["alpha"], cs.d_index["beta"]
    s = _with(s, beta_alpha=0.0, gamma_alpha=60.0, beta_gamma=50.0)
    req = do(until(s.evolve(humans=frozenset(cs.actors)), "alpha"), A.RequestAudience("alpha", "beta")).audiences[0]
    r = AI.answer(s, beta, req)
    assert not r.grant and r.reasons is not None and r.reasons.note == AI.REFUSE_DISTRUST
    assert AI.willingness(s, beta, alpha) < 0


def test_the_refusal_names_the_partners_in_both_languages(tmp_path) -> None:
    cs, s = _alpha_asks(tmp_path)
    s = _with(s, beta_alpha=50.0, gamma_alpha=5.0, beta_gamma=100.0)
    s = s.evolve(humans=frozenset(cs.actors))
    s = do(until(s, "alpha"), A.RequestAudience("alpha", "beta"))
    s = until(s, "beta")
    s = do(s, AI.answer(s, cs.d_index["beta"], s.audiences[0]))
    entry = next(e for e in s.log if e.kind is LogKind.AUDIENCE_ANSWER)
    for lang in ("en", "lt"):
        tl = Translator(lang)
        sentence = Explainer(Narrator(cs, lang, tl.t, tl.number), tl.t).why(entry)
        assert sentence is not None and "Gamma" in sentence and "Alpha" in sentence and "Beta" in sentence
    en = Translator("en")
    assert "partners whose trust it values (Gamma) distrust Alpha" in str(Explainer(Narrator(cs, "en", en.t, en.number), en.t).why(entry))


#: MINI with a price on receiving alpha: gamma protests when beta receives it, and beta scores on gamma's trust.
PROTEST = MINI.replace(
    "stances.money = { values = { lo = 100, hi = 0 } }\n",
    "stances.money = { values = { lo = 100, hi = 0 } }\n"
    '[[delegations.aims]]\nid = "pact_partner"\ntext = "Keep gamma\'s trust above 40"\nweight = 1\n'
    'when = { relation = { of = "gamma", toward = "beta", above = 40 } }\n'
    '[[delegations.aims]]\nid = "present"\ntext = "Stay at the table"\nweight = 1\nwhen = { not = { walked_out = "beta" } }\n',
) + (
    '\n[[events]]\nid = "gamma_protests"\ntitle = "Gamma protests"\n'
    'when = { audience = { of = "alpha", by = "beta", answer = "granted" } }\n'
    'effects = [{ kind = "relation", delegation = "gamma", toward = ["beta"], delta = -20 }]\n'
)


def test_a_host_refuses_a_reception_that_would_cost_it_an_aim_and_says_whose_trust(tmp_path) -> None:
    cs = compile_text(tmp_path, PROTEST)
    s = all_human(cs).evolve(humans=frozenset(cs.actors))
    alpha, beta, gamma = cs.d_index["alpha"], cs.d_index["beta"], cs.d_index["gamma"]
    s = _with(s, beta_alpha=90.0, gamma_alpha=50.0, beta_gamma=50.0)  # beta likes alpha; gamma has no quarrel with it
    s = do(until(s, "alpha"), A.RequestAudience("alpha", "beta"))
    req = s.audiences[0]
    # the reception sets off gamma's protest (-20): at 50 it drops gamma's trust to 30 and the aim with it
    foreseen = AI.received(s, beta, alpha)
    assert float(foreseen.relations[gamma, beta]) == pytest.approx(float(s.relations[gamma, beta]) - 20)
    assert AI.aims_lost(s, beta, foreseen) == pytest.approx(50.0)
    refused = AI.answer(s, beta, req)
    assert not refused.grant and refused.reasons is not None
    assert refused.reasons.note == AI.REFUSE_AIMS and refused.reasons.deciding == ("gamma",)
    # trusted enough to stay above 40 after the protest and any echo of it, beta receives
    safe = _with(s, gamma_beta=90.0)
    assert AI.expected_aims_lost(safe, beta, AI.received(safe, beta, alpha)) == 0.0
    assert AI.answer(safe, beta, req).grant
    # the same scenario without the protest: nothing foreseen, and beta receives at 50 too
    plain = _with(all_human(compile_text(tmp_path, MINI)).evolve(humans=frozenset(cs.actors)), beta_alpha=90.0, beta_gamma=50.0)
    assert AI.aims_lost(plain, beta, AI.received(plain, beta, alpha)) == 0.0
    # the reason, read by a class, names whose trust would be lost
    s = until(s, "beta")
    s = do(s, AI.answer(s, beta, s.audiences[0]))
    entry = next(e for e in s.log if e.kind is LogKind.AUDIENCE_ANSWER)
    for lang in ("en", "lt"):
        tl = Translator(lang)
        sentence = Explainer(Narrator(cs, lang, tl.t, tl.number), tl.t).why(entry)
        assert sentence is not None and "Gamma" in sentence and "Alpha" in sentence
    en = Translator("en")
    assert "would cost it the trust of Gamma" in str(Explainer(Narrator(compile_text(tmp_path, PROTEST), "en", en.t, en.number), en.t).why(entry))


def test_the_aims_a_side_deal_would_break_weigh_for_receiving_and_fade_with_time(tmp_path) -> None:
    """Alpha, outside the beta-gamma pact, scores on that pact staying unsigned; beta asks alpha for an
    audience, so a refused beta could sign its side deal (the pact) without alpha."""
    text = MINI.replace(
        "stances.money = { values = { lo = 0, hi = 100 } }\n",
        "stances.money = { values = { lo = 0, hi = 100 } }\n"
        '[[delegations.aims]]\nid = "no_pact"\ntext = "No pact behind my back"\nweight = 1\nwhen = { not = { signed = "pact" } }\n'
        '[[delegations.aims]]\nid = "present"\ntext = "Stay at the table"\nweight = 1\nwhen = { not = { walked_out = "alpha" } }\n',
        1,
    )
    cs = compile_text(tmp_path, text)
    s = all_human(cs).evolve(humans=frozenset(cs.actors))
    alpha, beta = cs.d_index["alpha"], cs.d_index["beta"]
    assert AI.side_deal_aims(s, alpha, beta) == pytest.approx(50.0)  # the pact would break one aim of two
    assert AI.side_deal_aims(s, beta, alpha) == 0.0  # beta is party to the pact: no side deal of alpha's hurts it
    plain = all_human(compile_text(tmp_path, MINI)).evolve(humans=frozenset(cs.actors))
    early, late = s, s.evolve(turn=s.n_turns - 1)
    # the same host, the same asker: the aim at stake makes alpha readier to receive, less so at the end
    assert AI.willingness(early, alpha, beta) > AI.willingness(late, alpha, beta)
    assert AI.willingness(early, alpha, beta) - AI.willingness(plain, alpha, beta) == pytest.approx(AI.SIDE_DEAL_RISK * 50.0 / AI.AIMS_SCALE)


def test_an_aim_that_only_just_survives_a_protest_counts_as_partly_lost(tmp_path) -> None:
    cs = compile_text(tmp_path, PROTEST)
    s = all_human(cs).evolve(humans=frozenset(cs.actors))
    beta, alpha = cs.d_index["beta"], cs.d_index["alpha"]
    # gamma's trust in beta after the protest (-20): 45 (just above the aim's 40), 70 (far above), 30 (below)
    just, ample, below = (_with(s, gamma_beta=x) for x in (65.0, 90.0, 50.0))
    lost = [AI.expected_aims_lost(x, beta, AI.received(x, beta, alpha)) for x in (just, ample, below)]
    assert lost[1] == 0.0 < lost[0] < lost[2] == pytest.approx(50.0)
