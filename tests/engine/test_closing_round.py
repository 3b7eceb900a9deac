"""The last sitting ends with a closing round: every addressee answers every open proposal."""

from __future__ import annotations

from engine_kit import all_human, do

from game.engine import actions as A
from game.engine.rules import check
from game.engine.state import EndReason, GameState

PACKAGE = (("land", "b"), ("money", "lo"))


def _to_last_sitting(s: GameState) -> GameState:
    while s.turn + 1 < s.n_turns:
        s = do(s, A.Pass(s.actor_id or ""))
    return s


def test_a_proposal_by_the_last_seat_of_the_last_sitting_can_still_be_signed(mini):
    s = _to_last_sitting(all_human(mini, 3))
    # everyone passes until the last seat, which proposes the treaty
    while s.cursor < len(s.order) - 1:
        s = do(s, A.Pass(s.actor_id or ""))
    last = s.actor_id or ""
    s = do(s, A.Propose(last, "treaty", PACKAGE))
    assert not s.ended and s.answering
    waiting = {s.cs.delegation_ids[d] for d in s.order}
    assert waiting == {"alpha", "beta", "gamma"} - {last}
    while not s.ended:
        who = s.actor_id or ""
        for p in s.pending_for(s.cs.d_index[who]):
            s = do(s, A.Respond(who, p.id, A.Answer.ACCEPT))
        s = do(s, A.Pass(who))
    assert s.end_reason is EndReason.SIGNED


def test_in_the_closing_round_only_answers_and_passing_are_allowed(mini):
    s = _to_last_sitting(all_human(mini, 3))
    while s.cursor < len(s.order) - 1:
        s = do(s, A.Pass(s.actor_id or ""))
    s = do(s, A.Propose(s.actor_id or "", "treaty", PACKAGE))
    who = s.actor_id or ""
    assert check(s, A.Statement(who, "one more thing")) is not None
    assert check(s, A.Propose(who, "treaty", PACKAGE)) is not None
    assert check(s, A.Pass(who)) is None


def test_no_closing_round_when_nothing_is_open(mini):
    s = _to_last_sitting(all_human(mini, 3))
    while not s.ended:
        assert not s.answering
        s = do(s, A.Pass(s.actor_id or ""))
    assert s.end_reason is EndReason.CALENDAR
