"""One utility for teams and AI: the political cost that holds the AI back is paid by a team too."""

from __future__ import annotations

from engine_kit import MINI, all_human, compile_text, sign_pact

from game.engine.scoring import score
from game.engine.signing import paid, signing_value
from game.engine.utility import table, utility

COSTLY = MINI.replace(
    """scope = ["land"]
secret = true""",
    """scope = ["land"]
secret = true
costs = { beta = 12, gamma = 0 }""",
)


def test_the_cost_paid_at_signing_comes_off_score_and_utility(tmp_path) -> None:
    cs = compile_text(tmp_path, COSTLY)
    free = compile_text(tmp_path, MINI, "free.toml")
    s, s_free = sign_pact(all_human(cs)), sign_pact(all_human(free))
    b = cs.d_index["beta"]
    assert paid(s, b) == 12 and paid(s, cs.d_index["gamma"]) == 0
    beta = next(x for x in score(s) if x.delegation == "beta")
    beta_free = next(x for x in score(s_free) if x.delegation == "beta")
    assert beta.paid == 12
    assert beta.utility == beta_free.utility - 12
    assert beta.score == max(0.0, beta_free.score - 12)


def test_a_team_sees_a_package_valued_as_the_ai_values_it(tmp_path) -> None:
    cs = compile_text(tmp_path, COSTLY)
    s = all_human(cs)
    b, k = cs.d_index["beta"], cs.inst_index["pact"]
    package = (cs.option_ids[cs.i_index["land"]].index("c"),)
    shown = signing_value(s, b, k, package)
    assert shown.cost == 12
    assert shown.alternative == utility(table(s, b), s.settled)
    after = tuple(package[0] if i == cs.i_index["land"] else o for i, o in enumerate(s.settled))
    assert shown.value == utility(table(s, b), after) - 12  # the world after signing, less what the AI would pay


# --- consultation builds trust only when genuine, and less each time -------------------------


def _consult(s, land: str):
    from engine_kit import sitting

    from game.engine import actions as A

    return sitting(s, beta=A.Propose("beta", "pact", (("land", land),), to=("gamma", "alpha")))


def test_consulting_an_outsider_on_a_package_it_could_sign_builds_trust_with_diminishing_returns(tmp_path) -> None:
    cs = compile_text(tmp_path, MINI)
    a, b = cs.d_index["alpha"], cs.d_index["beta"]
    s = all_human(cs)
    start = float(s.relations[a, b])
    gains = []
    for _ in range(3):
        before = float(s.relations[a, b])
        s = _consult(s, "a")  # land = a is Alpha's ideal: a package it could sign
        gains.append(float(s.relations[a, b]) - before)
    assert gains[0] > 0 and gains[1] == gains[0] / 2 and gains[2] == gains[0] / 4
    assert float(s.relations[a, b]) - start < 2 * gains[0]  # bounded however often it is repeated


def test_naming_an_outsider_on_a_package_it_would_refuse_builds_no_trust(tmp_path) -> None:
    cs = compile_text(tmp_path, MINI)
    a, b = cs.d_index["alpha"], cs.d_index["beta"]
    s = all_human(cs)
    before = float(s.relations[a, b])
    s = _consult(s, "c")  # land = c is worth 0 to Alpha: no consultation, just a name on the list
    assert float(s.relations[a, b]) == before
