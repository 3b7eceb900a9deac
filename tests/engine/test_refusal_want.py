"""A team's refusal may say what would change it: an issue of the agreement and the option it wants there.

The rules check it like any move, the record keeps it, the narrator words it, and the AI delegations that saw
the refusal learn from it as they learn from an AI's stated reason (an AI's refusal says the same in its reasons).
"""

from __future__ import annotations

from engine_kit import SCENARIOS, all_human, do, loaded

from game.ai.memory import stated_want
from game.ai.negotiator import Negotiator
from game.engine import actions as A
from game.engine.compiled import compile_scenario
from game.engine.log import LogKind
from game.engine.narrate import Narrator
from game.engine.refusals import Code, describe
from game.engine.rules import check
from game.engine.state import GameState
from game.i18n import Translator
from game.views.digest import since_last_turn

OFFER = (("land", "a"), ("money", "hi"))  # alpha's ideal: beta's worst land and money


def _offered(mini) -> tuple[GameState, int]:  # type: ignore[no-untyped-def]
    """Alpha, first to move, proposes the treaty in plenary; then it is beta's move (or a later one's)."""
    s = all_human(mini, 3)
    while s.actor_id != "alpha":
        s = do(s, A.Pass(s.actor_id or ""))
    s = do(s, A.Propose("alpha", "treaty", OFFER))
    while s.actor_id != "beta":
        s = do(s, A.Pass(s.actor_id or ""))
    return s, s.proposals[-1].id


def _next_sitting(s: GameState) -> GameState:
    turn = s.turn
    while s.turn == turn:
        s = do(s, A.Pass(s.actor_id or ""))
    return s


def test_the_rules_check_what_a_refusal_asks_for(mini) -> None:
    s, pid = _offered(mini)
    codes = {
        A.Respond("beta", pid, A.Answer.ACCEPT, want=("land", "c")): Code.WANT_ONLY_ON_REFUSAL,
        A.Respond("beta", pid, A.Answer.REJECT, want=("money", "hi")): Code.WANT_AS_OFFERED,
        A.Respond("beta", pid, A.Answer.REJECT, want=("land", "z")): Code.UNKNOWN_OPTION,
        A.Respond("beta", pid, A.Answer.REJECT, want=("weather", "a")): Code.OUT_OF_SCOPE,
    }
    for action, code in codes.items():
        refusal = check(s, action)
        assert refusal is not None and refusal.code is code, action
    assert check(s, A.Respond("beta", pid, A.Answer.REJECT, want=("land", "c"))) is None
    lt = Translator("lt")
    worded = describe(check(s, A.Respond("beta", pid, A.Answer.REJECT, want=("money", "hi"))), s.cs, "lt", lt.t)  # type: ignore[arg-type]
    assert worded == "pasiūlymas klausimu „Money“ jau siūlo: „High“"


def test_the_record_and_the_narrator_keep_what_the_refusal_asked_for(mini) -> None:
    s, pid = _offered(mini)
    s = do(s, A.Respond("beta", pid, A.Answer.REJECT, want=("land", "c")))
    entry = s.log[-1]
    assert entry.kind is LogKind.ANSWER and entry.data["want"] == {"issue": "land", "option": "c"}
    assert stated_want(entry.data) == ("land", "c")
    said = Narrator(s.cs, "en", lambda x: x).sentence(entry)
    assert said == "Beta rejects proposal 1 (General Treaty) and asks for C on Land."
    plain = do(_offered(mini)[0], A.Respond("beta", pid, A.Answer.REJECT))
    assert "want" not in plain.log[-1].data and stated_want(plain.log[-1].data) is None


def test_an_ai_that_saw_the_refusal_learns_what_the_team_wants() -> None:
    """France's picture of a Soviet team, after the same refusal of its general settlement with and without the
    want: the want raises the value France believes the Soviets put on the option asked for, and is kept among the
    wants its bids may answer."""
    cs = compile_scenario(loaded(SCENARIOS / "genoa_1922.toml").scenario)
    s = all_human(cs, 3)
    while s.actor_id != "france":
        s = do(s, A.Pass(s.actor_id or ""))
    k = cs.inst_index["general_settlement"]
    ideal = tuple((cs.issue_ids[i], cs.option_ids[i][0]) for i in cs.scope[k])  # the first option of each: France's side
    s = do(s, A.Propose("france", "general_settlement", ideal))
    pid = s.proposals[-1].id
    while s.actor_id != "soviet":
        s = do(s, A.Pass(s.actor_id or ""))
    # the AI digests what it saw at the start of the next sitting (within a sitting it plays on what it knew)
    said = _next_sitting(do(s, A.Respond("soviet", pid, A.Answer.REJECT, want=("debts", "moratorium"))))
    silent = _next_sitting(do(s, A.Respond("soviet", pid, A.Answer.REJECT)))
    france, soviet = cs.d_index["france"], cs.d_index["soviet"]
    debts = cs.scope[k].index(cs.i_index["debts"])
    moratorium = cs.option_ids[cs.i_index["debts"]].index("moratorium")
    told, untold = Negotiator().memory(said), Negotiator().memory(silent)
    assert told.estimate_table(said, france, soviet, k)[debts][moratorium] > untold.estimate_table(silent, france, soviet, k)[debts][moratorium]
    assert [(w.who, w.issue, w.option) for w in told.wants] == [(soviet, debts, moratorium)] and not untold.wants


def test_a_team_whose_proposal_another_team_refused_reads_what_it_asked_for() -> None:
    """Two teams: Germany offers Rapallo, the Soviet team refuses it asking for another option on the first issue;
    Germany's digest at its next turn says so, in English and in Lithuanian."""
    cs = compile_scenario(loaded(SCENARIOS / "genoa_1922.toml").scenario)
    s = all_human(cs, 3)
    while s.actor_id != "germany":
        s = do(s, A.Pass(s.actor_id or ""))
    k = cs.inst_index["rapallo_treaty"]
    first = cs.scope[k][0]
    offer = tuple((cs.issue_ids[i], cs.option_ids[i][0]) for i in cs.scope[k])
    s = do(s, A.Propose("germany", "rapallo_treaty", offer, to=("soviet",)))
    pid = s.proposals[-1].id
    while s.actor_id != "soviet":
        s = do(s, A.Pass(s.actor_id or ""))
    wanted = cs.option_ids[first][1]
    s = do(s, A.Respond("soviet", pid, A.Answer.REJECT, want=(cs.issue_ids[first], wanted)))
    while s.actor_id != "germany":
        s = do(s, A.Pass(s.actor_id or ""))
    for lang, line in (("en", "Soviet Russia refused your proposal No. {n} and asks for {o} on {i}."), ("lt", "klausimu „{i}“ prašo: {o}.")):
        tr_ = Translator(lang)
        n = Narrator(cs, lang, tr_.t)
        words = n.wanted({"issue": cs.issue_ids[first], "option": wanted})
        assert line.format(n=pid, o=words["option"], i=words["issue"]) in " ".join(since_last_turn(s, "germany", tr_, n))


def test_a_refusal_may_say_later_in_the_same_turn_what_would_change_it(mini) -> None:
    """The window refuses at once and offers "Ask for a change" after: the same refusal, said a moment later, is one
    answer with a want; it can be said once, and only before the team's turn ends."""
    s, pid = _offered(mini)
    s = do(s, A.Respond("beta", pid, A.Answer.REJECT))
    amend = A.Respond("beta", pid, A.Answer.REJECT, want=("land", "c"))
    assert check(s, A.Respond("beta", pid, A.Answer.REJECT, want=("land", "a"))).code is Code.WANT_AS_OFFERED  # type: ignore[union-attr]
    assert check(s, amend) is None
    said = do(s, amend)
    entry = said.log[-1]
    assert entry.data["amends"] is True and entry.data["want"] == {"issue": "land", "option": "c"}
    assert said.proposals[pid - 1].answers == s.proposals[pid - 1].answers  # still one answer: the refusal
    assert Narrator(said.cs, "en", lambda x: x).sentence(entry) == "Beta adds to its refusal of proposal 1 (General Treaty): it asks for C on Land."
    assert check(said, amend).code is Code.ALREADY_ANSWERED  # type: ignore[union-attr]  # said once
    moved = do(s, A.Pass("beta"))
    while moved.actor_id != "beta":
        moved = do(moved, A.Pass(moved.actor_id or ""))
    assert check(moved, amend).code is Code.ALREADY_ANSWERED  # type: ignore[union-attr]  # its turn has ended


def test_an_ai_reads_a_refusal_said_later_as_one_refusal_with_its_want() -> None:
    cs = compile_scenario(loaded(SCENARIOS / "genoa_1922.toml").scenario)
    s = all_human(cs, 3)
    while s.actor_id != "france":
        s = do(s, A.Pass(s.actor_id or ""))
    k = cs.inst_index["general_settlement"]
    s = do(s, A.Propose("france", "general_settlement", tuple((cs.issue_ids[i], cs.option_ids[i][0]) for i in cs.scope[k])))
    pid = s.proposals[-1].id
    while s.actor_id != "soviet":
        s = do(s, A.Pass(s.actor_id or ""))
    want = ("debts", "moratorium")
    at_once = _next_sitting(do(s, A.Respond("soviet", pid, A.Answer.REJECT, want=want)))
    later = _next_sitting(do(do(s, A.Respond("soviet", pid, A.Answer.REJECT)), A.Respond("soviet", pid, A.Answer.REJECT, want=want)))
    a, b = Negotiator().memory(at_once), Negotiator().memory(later)
    france, soviet = cs.d_index["france"], cs.d_index["soviet"]
    assert a.estimate_table(at_once, france, soviet, k) == b.estimate_table(later, france, soviet, k)
    assert len(a.answers) == len(b.answers) and [(w.who, w.issue, w.option) for w in a.wants] == [(w.who, w.issue, w.option) for w in b.wants]
    # the French team, had it been one, reads one line for the refusal, with what it asked for
    tr_ = Translator("en")
    n = Narrator(cs, "en", tr_.t)
    while later.actor_id != "france":
        later = do(later, A.Pass(later.actor_id or ""))
    lines = [x for x in since_last_turn(later, "france", tr_, n) if f"No. {pid}" in x]
    words = n.wanted({"issue": want[0], "option": want[1]})
    assert lines == [f"Soviet Russia refused your proposal No. {pid} and asks for {words['option']} on {words['issue']}."]
