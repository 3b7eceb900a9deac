"""What-if replays of a class's game: the game as played comes back exactly, and one changed decision changes the rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.ai.driver import run_ai_turn
from game.analysis.whatif import Change, replay, what_ifs
from game.engine import actions as A
from game.engine.state import GameState
from game.play.session import Session, SessionSetup
from game.scenario.loader import load

GENOA = Path(__file__).resolve().parents[2] / "scenarios" / "genoa_1922.toml"
TEAMS = ("germany", "soviet")


def _played(seed: int, length: str = "short") -> Session:
    """A two-team game in which the teams happen to play as the AI would (their actions are recorded)."""
    session = Session(load(GENOA), SessionSetup(str(GENOA), "en", TEAMS, length, seed))

    def apply(_: GameState, action: A.Action) -> GameState:
        session.apply(action)
        return session.state

    while not session.state.ended:
        if session.waiting_for_human:
            run_ai_turn(session.state, apply, session.strategy)
        else:
            session.run_ai()
    return session


@pytest.mark.parametrize("seed", [1, 1922])
def test_replaying_the_saved_actions_unchanged_gives_the_same_game(seed: int) -> None:
    session = _played(seed)
    again = replay(session.cs, seed, "short", TEAMS, session.actions)
    assert again.fingerprint() == session.state.fingerprint()


def test_a_teacher_act_comes_back_at_the_same_turn() -> None:
    session = Session(load(GENOA), SessionSetup(str(GENOA), "en", TEAMS, "short", 7))
    session.run_ai()
    session.apply(A.News("Telegram from Moscow", "Hold firm."))

    def apply(_: GameState, action: A.Action) -> GameState:
        session.apply(action)
        return session.state

    while not session.state.ended:
        if session.waiting_for_human:
            run_ai_turn(session.state, apply, session.strategy)
        else:
            session.run_ai()
    again = replay(session.cs, 7, "short", TEAMS, session.actions)
    assert again.fingerprint() == session.state.fingerprint()


def test_changed_decisions_change_the_ending_and_are_the_teams_own() -> None:
    session = _played(1922)
    found = what_ifs(session.cs, 1922, "short", TEAMS, session.actions)
    assert found, "a game with two teams has at least one decision that mattered"
    actual = session.cs.outcome(session.state.outcome).id
    for team, lines in found.items():
        assert team in TEAMS
        assert 1 <= len(lines) <= 3
        for w in lines:
            assert w.decision.delegation == team
            assert w.actual.outcome == actual
            assert w.matters
            assert w.changed.outcome != actual or set(w.changed.signed) != set(w.actual.signed) or abs(w.score_change) >= 5


def test_accepting_instead_of_rejecting_is_replayed_with_that_one_answer_flipped() -> None:
    session = _played(1922)
    found = what_ifs(session.cs, 1922, "short", TEAMS, session.actions, per_team=50)
    flips = [w for lines in found.values() for w in lines if w.decision.change in (Change.ACCEPT, Change.REJECT)]
    assert flips
    w = flips[0]
    # the changed game's log holds the flipped answer of that team to that proposal
    from game.analysis.whatif import _record  # the recorded decisions, to replay one by hand
    from game.engine.rules import new_game

    rec = _record(new_game(session.cs, 1922, "short", TEAMS), session.actions)
    change = next(c for c in rec.decisions if c[0] == w.decision)
    s = replay(session.cs, 1922, "short", TEAMS, session.actions, change)
    want = "accept" if w.decision.change is Change.ACCEPT else "reject"
    answers = [e for e in s.log if e.kind.value == "answer" and e.actor == w.decision.delegation and e.data.get("proposal") == w.decision.proposal]
    assert answers and answers[0].data["answer"] == want


def test_an_all_ai_game_has_no_team_decisions_to_change() -> None:
    session = Session(load(GENOA), SessionSetup(str(GENOA), "en", (), "short", 3))
    session.run_ai()
    assert what_ifs(session.cs, 3, "short", (), session.actions) == {}
