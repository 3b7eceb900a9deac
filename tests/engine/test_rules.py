"""The rules of a conference, each test named after the rule it checks."""

from __future__ import annotations

import pytest
from engine_kit import all_human, do, end_sitting, entries, seed_where, sign_pact, sitting, until

from game.engine import actions as A
from game.engine.log import LogKind
from game.engine.narrate import Narrator
from game.engine.refusals import Code, describe
from game.engine.rules import IllegalAction, check, step
from game.engine.state import EndReason, GameState, ProposalStatus

TREATY_PACKAGE = (("land", "b"), ("money", "lo"))
OTHER_PACKAGE = (("land", "c"), ("money", "lo"))


def propose_treaty(s: GameState, who: str, package=TREATY_PACKAGE, to: tuple[str, ...] = ()) -> tuple[GameState, int]:
    """`who` proposes the treaty; the rest of the sitting passes."""
    s = sitting(s, **{who: A.Propose(who, "treaty", package, to=to)})
    return s, s.proposals[-1].id


def yes(who: str, pid: int) -> A.Respond:
    return A.Respond(who, pid, A.Answer.ACCEPT)


def no(who: str, pid: int) -> A.Respond:
    return A.Respond(who, pid, A.Answer.REJECT)


def outcome_id(s: GameState) -> str:
    assert s.outcome is not None
    return s.cs.outcome(s.outcome).id


# --- signing ------------------------------------------------------------------------


def test_treaty_signs_when_every_party_accepts_the_same_package(mini):
    s, pid = propose_treaty(all_human(mini), "alpha")
    s = sitting(s, beta=yes("beta", pid), gamma=yes("gamma", pid))
    assert s.ended and s.end_reason is EndReason.SIGNED
    assert outcome_id(s) == "treaty"
    assert s.proposals[pid - 1].status is ProposalStatus.SIGNED
    assert s.settled == (1, 0)
    assert len(entries(s, "signed")) == 1


def test_proposal_accepted_by_one_party_and_rejected_by_another_does_not_sign(mini):
    seed = seed_where(mini, 1, "beta", "gamma")  # beta answers before gamma closes the proposal
    s, pid = propose_treaty(all_human(mini, seed), "alpha")
    s = sitting(s, beta=yes("beta", pid), gamma=no("gamma", pid))
    assert not s.signed
    assert s.proposals[pid - 1].status is ProposalStatus.REJECTED
    assert not entries(s, "signed")


def test_proposal_with_one_party_silent_does_not_sign_and_lapses(mini):
    s, pid = propose_treaty(all_human(mini), "alpha")
    s = sitting(s, beta=yes("beta", pid))  # gamma never answers
    s = end_sitting(s)
    assert not s.signed
    assert s.proposals[pid - 1].status is ProposalStatus.LAPSED
    assert [e.data["proposal"] for e in entries(s, "lapsed")] == [pid]


def test_two_different_packages_accepted_by_different_parties_do_not_sign(mini):
    s = sitting(all_human(mini), alpha=A.Propose("alpha", "treaty", TREATY_PACKAGE), gamma=A.Propose("gamma", "treaty", OTHER_PACKAGE))
    p1, p2 = (p.id for p in s.proposals)
    # alpha proposed (so accepts) p1 only, gamma proposed (so accepts) p2 only, beta accepts both
    s = sitting(s, beta=[yes("beta", p1), yes("beta", p2)])
    assert not s.signed and not s.ended
    assert {s.proposals[p1 - 1].status, s.proposals[p2 - 1].status} == {ProposalStatus.LAPSED}


def test_same_package_proposed_twice_signs_only_when_one_proposal_has_every_acceptance(mini):
    s = sitting(all_human(mini), alpha=A.Propose("alpha", "treaty", TREATY_PACKAGE), gamma=A.Propose("gamma", "treaty", TREATY_PACKAGE))
    p1, p2 = (p.id for p in sorted(s.proposals, key=lambda p: mini.delegation_ids[p.proposer]))  # alpha's, gamma's
    s = sitting(s, beta=[yes("beta", p1), yes("beta", p2)], gamma=yes("gamma", p1))
    assert s.ended and s.end_reason is EndReason.SIGNED
    assert [x.proposal for x in s.signed] == [p1]


def test_bilateral_pact_needs_both_parties_to_accept(mini):
    s = sitting(all_human(mini), beta=A.Propose("beta", "pact", (("land", "b"),), to=("gamma",)))
    assert not s.signed  # gamma has not answered
    s = sitting(s, gamma=yes("gamma", 1))
    assert [mini.instrument_ids[x.instrument] for x in s.signed] == ["pact"]
    assert not s.ended  # the pact does not end the conference


def test_newer_proposal_replaces_the_proposers_older_one_on_the_same_instrument(mini):
    s, p1 = propose_treaty(all_human(mini), "alpha")
    s, p2 = propose_treaty(s, "alpha", OTHER_PACKAGE)
    assert s.proposals[p1 - 1].status is ProposalStatus.LAPSED
    assert s.proposals[p2 - 1].status is ProposalStatus.OPEN


def test_counter_proposal_rejects_the_proposal_it_answers(mini):
    s, p1 = propose_treaty(all_human(mini), "alpha")
    s = sitting(s, beta=A.Propose("beta", "treaty", OTHER_PACKAGE, counter_to=p1))
    assert s.proposals[p1 - 1].status is ProposalStatus.REJECTED
    assert s.proposals[p1 - 1].answer_of(mini.d_index["beta"]) is A.Answer.REJECT
    assert s.proposals[-1].counter_to == p1


def test_signing_applies_the_instruments_effects(mini):
    s0 = all_human(mini)
    a, b, g = (mini.d_index[x] for x in ("alpha", "beta", "gamma"))
    s = sign_pact(s0, "b")
    assert s.relations[a, b] == pytest.approx(s0.relations[a, b] - 30)
    assert s.relations[a, g] == pytest.approx(s0.relations[a, g] - 30)
    assert s.pressure[a] >= s0.pressure[a] + 0.5
    lo = mini.option_offset[mini.i_index["money"]]
    assert s.stances.values[a, lo] == pytest.approx(s0.stances.values[a, lo] + 25)
    assert s.settled[mini.i_index["land"]] == mini.option_index(mini.i_index["land"], "b")


def test_signing_an_instrument_that_ends_the_conference_ends_it(mini):
    s, pid = propose_treaty(all_human(mini), "alpha")
    s = sitting(s, beta=yes("beta", pid), gamma=yes("gamma", pid))
    kinds = [e.kind for e in s.log]
    assert kinds[-2:] == [LogKind.END, LogKind.OUTCOME]
    refusal = check(s, A.Pass("alpha"))
    assert refusal is not None and refusal.code is Code.CONFERENCE_OVER


def test_something_that_is_no_action_is_refused_as_data_and_changes_nothing(mini):
    """A save or a script may hand the engine any object: a refusal naming its type, never a crash."""
    s = all_human(mini)
    refusal = check(s, "pass")  # type: ignore[arg-type]
    assert refusal is not None and refusal.code is Code.UNKNOWN_ACTION and refusal.get("action") == "str"
    with pytest.raises(IllegalAction):
        step(s, A.FireEvent)  # type: ignore[arg-type]  # the class, not an instance


# --- privacy ------------------------------------------------------------------------


def test_private_proposal_is_logged_for_its_addressees_only(mini):
    s = until(all_human(mini), "beta")
    s = do(s, A.Propose("beta", "pact", (("land", "c"),), to=("gamma",)))
    entry = entries(s, "proposal")[-1]
    assert entry.audience == frozenset({"beta", "gamma"})
    assert entry.visible_to("gamma", ended=False)
    assert not entry.visible_to("alpha", ended=False)
    assert not entry.visible_to(None, ended=False)
    assert entry.visible_to("alpha", ended=True)


def test_narrator_hides_private_talks_from_others_until_the_end(mini):
    s = until(all_human(mini), "beta")
    s = do(s, A.Propose("beta", "pact", (("land", "c"),), to=("gamma",)))
    narrator = Narrator(mini)
    alpha_view = narrator.lines(s.log, viewer="alpha", ended=False)
    public_view = narrator.lines(s.log, viewer=None, ended=False)
    gamma_view = narrator.lines(s.log, viewer="gamma", ended=False)
    assert not any("Secret Pact" in line for line in alpha_view + public_view)
    assert any("Secret Pact" in line and "[private]" in line for line in gamma_view)
    s = do(s, A.EndNow())
    after = narrator.lines(s.log, viewer="alpha", ended=s.ended)
    assert any("Secret Pact" in line for line in after)


def test_private_proposal_is_not_pending_for_a_delegation_it_was_not_addressed_to(mini):
    s = until(all_human(mini), "alpha")
    s = do(s, A.Propose("alpha", "treaty", TREATY_PACKAGE, to=("beta", "gamma")))
    pid = s.proposals[-1].id
    assert all(p.id == pid for p in s.pending_for(mini.d_index["beta"]))
    assert pid not in [p.id for p in s.pending_for(mini.d_index["alpha"])]


def test_secret_instrument_is_hidden_from_non_parties_until_leaked(mini):
    s = sign_pact(all_human(mini))
    alpha, gamma = mini.d_index["alpha"], mini.d_index["gamma"]
    sig = s.signed[0]
    signed_entry = entries(s, "signed")[0]
    assert not s.signature_visible_to(sig, alpha)
    assert not s.signature_visible_to(sig, None)
    assert s.signature_visible_to(sig, gamma)
    assert not signed_entry.visible_to("alpha", ended=False)
    s = do(s, A.FireEvent("leak"))
    assert s.signature_visible_to(sig, alpha)
    narrator = Narrator(mini)
    assert any("Secret Pact" in line for line in narrator.lines(s.log, viewer="alpha", ended=False)), "a leak must reach the log"


def test_secret_instrument_is_visible_to_all_after_the_end(mini):
    s = do(sign_pact(all_human(mini)), A.EndNow())
    assert s.signature_visible_to(s.signed[0], mini.d_index["alpha"])
    assert entries(s, "signed")[0].visible_to("alpha", ended=s.ended)


def test_secret_instrument_signed_after_a_leak_is_public(mini):
    s = do(all_human(mini), A.FireEvent("leak"))
    s = sign_pact(s)
    assert s.signature_visible_to(s.signed[0], mini.d_index["alpha"])
    assert entries(s, "signed")[0].visible_to("alpha", ended=False)


# --- walkouts and the calendar ------------------------------------------------------


def test_walkout_by_an_essential_delegation_ends_the_conference(mini):
    s = until(all_human(mini), "alpha")
    s = do(s, A.Walkout("alpha"))
    assert s.ended and s.end_reason is EndReason.WALKOUT
    assert mini.d_index["alpha"] in s.walked_out
    assert outcome_id(s) == "none"


def test_walkout_by_a_non_essential_delegation_does_not_end_the_conference(mini):
    s, pid = propose_treaty(all_human(mini), "alpha")
    s = sitting(s, beta=A.Walkout("beta"))
    assert not s.ended
    assert s.proposals[pid - 1].status is ProposalStatus.LAPSED
    assert mini.d_index["beta"] not in s.order
    s = until(s, "alpha")
    refusal = check(s, A.Propose("alpha", "treaty", TREATY_PACKAGE))
    assert refusal is not None and "walked out" in describe(refusal, s.cs)
    assert check(s, A.Propose("alpha", "accord", (("money", "hi"),))) is None


@pytest.mark.parametrize(("length", "sittings"), [("full", 4), ("short", 2)])
def test_calendar_bounds_the_number_of_sittings(mini, length, sittings):
    s = all_human(mini, length=length)
    while not s.ended:
        s = do(s, A.Pass(s.actor_id or ""))
    assert s.end_reason is EndReason.CALENDAR
    assert len(entries(s, "sitting")) == sittings
    assert s.turn == sittings - 1
    assert len(s.history) == sittings


def test_an_unknown_game_length_is_refused_with_the_lengths_on_offer(mini):
    with pytest.raises(IllegalAction, match=r"unknown game length 'forever'; \w+ offers full, short"):
        all_human(mini, length="forever")
    assert mini.check_length("short") == "short"


def test_tutorial_ai_game_never_exceeds_its_calendar(tutorial):
    from game.ai.driver import play_game

    for seed in range(10):
        s = play_game(tutorial, seed, "short")
        assert s.ended
        assert len(entries(s, "sitting")) <= 3
        assert {e.date for e in s.log} <= {d.isoformat() for d in tutorial.sittings("short")}


# --- illegal actions ----------------------------------------------------------------


def refused(s: GameState, action: A.Action, words: str) -> None:
    """The action is refused with a reason containing `words`, and nothing changes."""
    before = s.fingerprint()
    refusal = check(s, action)
    assert refusal is not None
    reason = describe(refusal, s.cs)
    assert words in reason, reason
    with pytest.raises(IllegalAction) as err:
        step(s, action)
    assert err.value.reason == reason and err.value.refusal == refusal
    assert s.fingerprint() == before


def test_moving_out_of_turn_is_refused(mini):
    s = all_human(mini)
    other = next(x for x in ("alpha", "beta", "gamma") if x != s.actor_id)
    refused(s, A.Pass(other), "not")
    refused(s, A.Pass("nobody"), "unknown delegation")


def test_observer_cannot_move(mini):
    refused(all_human(mini), A.Pass("press"), "not")


def test_unknown_instrument_is_refused(mini):
    s = until(all_human(mini), "alpha")
    refused(s, A.Propose("alpha", "alliance", TREATY_PACKAGE), "unknown instrument 'alliance'")


def test_package_missing_an_issue_is_refused(mini):
    s = until(all_human(mini), "alpha")
    refused(s, A.Propose("alpha", "treaty", (("land", "a"),)), "needs an option for Money")


def test_package_with_unknown_option_or_foreign_issue_is_refused(mini):
    s = until(all_human(mini), "beta")
    refused(s, A.Propose("beta", "treaty", (("land", "z"), ("money", "lo"))), "Land has no option 'z'")
    refused(s, A.Propose("beta", "pact", (("land", "a"), ("money", "lo")), to=("gamma",)), "not in the scope")
    refused(s, A.Propose("beta", "treaty", (("land", "a"), ("land", "b"), ("money", "lo"))), "names an issue twice")


def test_package_contradicting_a_settled_issue_is_refused(mini):
    s = until(sign_pact(all_human(mini), "b"), "alpha")
    refused(s, A.Propose("alpha", "treaty", (("land", "a"), ("money", "hi"))), "already settled on “B”")
    assert check(s, A.Propose("alpha", "treaty", (("land", "b"), ("money", "hi")))) is None


def test_answering_your_own_proposal_is_refused(mini):
    s, pid = propose_treaty(all_human(mini), "alpha")
    s = until(s, "alpha")
    refused(s, yes("alpha", pid), "your own proposal")


def test_answering_twice_or_a_closed_or_missing_proposal_is_refused(mini):
    s, pid = propose_treaty(all_human(mini, seed_where(mini, 1, "beta", "gamma")), "alpha")
    s = until(s, "beta")
    s = do(s, yes("beta", pid))
    refused(s, no("beta", pid), "already answered")
    refused(s, yes("beta", 99), "no proposal 99")
    s = do(s, A.Pass("beta"))
    s = until(s, "gamma")
    s = do(s, no("gamma", pid))
    s = until(s, "beta")
    refused(s, yes("beta", pid), "no longer open")


def test_non_party_cannot_answer_or_propose_an_instrument(mini):
    s = until(all_human(mini), "beta")
    s = do(s, A.Propose("beta", "pact", (("land", "c"),)))  # plenary: alpha sees it
    s = until(s, "alpha")
    refused(s, A.Respond("alpha", 1, A.Answer.ACCEPT), "only the parties")
    refused(s, A.Propose("alpha", "pact", (("land", "a"),)), "only its parties")


def test_private_talks_with_banned_delegation_are_refused(mini):
    s = do(all_human(mini), A.FireEvent("quarrel"))
    s = until(s, "alpha")
    refused(s, A.Propose("alpha", "treaty", TREATY_PACKAGE, to=("beta", "gamma")), "may not hold private talks with Beta")
    assert check(s, A.Propose("alpha", "treaty", TREATY_PACKAGE)) is None  # plenary stays open


def test_private_talks_missing_a_party_are_refused(mini):
    s = until(all_human(mini), "alpha")
    refused(s, A.Propose("alpha", "treaty", TREATY_PACKAGE, to=("beta",)), "missing: Gamma")
    refused(s, A.Propose("alpha", "treaty", TREATY_PACKAGE, to=("beta", "zeta")), "unknown delegation 'zeta'")


def test_proposing_an_instrument_already_signed_is_refused(mini):
    s = until(sign_pact(all_human(mini)), "beta")
    refused(s, A.Propose("beta", "pact", (("land", "b"),), to=("gamma",)), "already signed")


def test_shift_to_current_position_or_unknown_option_is_refused(mini):
    s = until(all_human(mini), "alpha")
    refused(s, A.Shift("alpha", "land", "a"), "already your public position")
    refused(s, A.Shift("alpha", "land", "q"), "no option 'q'")
    refused(s, A.Shift("alpha", "sea", "a"), "unknown issue 'sea'")
    s = do(s, A.Shift("alpha", "land", "b"))
    assert s.position(mini.d_index["alpha"], mini.i_index["land"]) == 1


def test_empty_or_overlong_statement_is_refused(mini):
    s = until(all_human(mini), "alpha")
    refused(s, A.Statement("alpha", "   "), "needs some words")
    refused(s, A.Statement("alpha", "x" * 501), "at most 500")


def test_any_move_after_the_end_is_refused(mini):
    s = do(all_human(mini), A.EndNow("time"))
    for action in (A.Pass("alpha"), A.News("late"), A.FireEvent("leak"), A.MoveEnd(1), A.EndNow(), A.SetControl("beta", False)):
        refused(s, action, "the conference is over")


# --- the teacher's console -----------------------------------------------------------


def test_teacher_fires_an_optional_event_once(mini):
    s = do(all_human(mini), A.FireEvent("quarrel"))
    assert s.is_banned(mini.d_index["alpha"], mini.d_index["beta"])
    assert entries(s, "event")[-1].actor == "teacher"
    refused(s, A.FireEvent("quarrel"), "already happened")
    refused(s, A.FireEvent("earthquake"), "unknown event")


def test_teacher_news_is_logged_and_needs_a_headline(mini):
    s = do(all_human(mini), A.News("Strike in the port", "Dockers stop work."))
    e = entries(s, "teacher")[-1]
    assert e.data["title"] == "Strike in the port" and e.audience is None
    assert "Strike in the port" in Narrator(mini).sentence(e)
    refused(s, A.News("  "), "headline")


def test_teacher_moves_the_end_earlier(mini):
    s = do(all_human(mini), A.MoveEnd(-2))
    assert s.n_turns == 2
    while not s.ended:
        s = do(s, A.Pass(s.actor_id or ""))
    assert s.end_reason is EndReason.CALENDAR
    assert len(entries(s, "sitting")) == 2


def test_teacher_moves_the_end_later_from_the_full_calendar_then_weekly(mini):
    s = do(all_human(mini, length="short"), A.MoveEnd(1))
    assert [d.isoformat() for d in s.sittings] == ["1920-01-01", "1920-01-02", "1920-01-03"]
    s = do(s, A.MoveEnd(2))
    assert [d.isoformat() for d in s.sittings[3:]] == ["1920-01-04", "1920-01-11"]


def test_teacher_cannot_move_the_end_before_the_current_sitting(mini):
    s = end_sitting(all_human(mini))
    refused(s, A.MoveEnd(-3), "before the current sitting")
    s = do(s, A.MoveEnd(-2))  # the current sitting becomes the last one
    s = end_sitting(s)
    assert s.ended and s.end_reason is EndReason.CALENDAR


def test_teacher_ends_the_conference_now(mini):
    s = do(all_human(mini), A.EndNow("bell"))
    assert s.ended and s.end_reason is EndReason.TEACHER
    assert outcome_id(s) == "none"
    assert [e.kind for e in s.log[-3:]] == [LogKind.TEACHER, LogKind.END, LogKind.OUTCOME]


def test_teacher_hands_a_delegation_to_the_ai_and_back(mini):
    beta = mini.d_index["beta"]
    s = do(all_human(mini), A.SetControl("beta", False))
    assert beta not in s.humans
    s = do(s, A.SetControl("beta", True))
    assert beta in s.humans
    refused(s, A.SetControl("zeta", True), "unknown delegation")
    refused(s, A.SetControl("press", True), "observer")


def test_teacher_actions_do_not_take_a_delegations_turn(mini):
    s = all_human(mini)
    actor, cursor = s.actor_id, s.cursor
    for action in (A.News("x"), A.SetControl("beta", False), A.FireEvent("leak")):
        s = do(s, action)
    assert (s.actor_id, s.cursor) == (actor, cursor)
