"""A refused move is explained in the interface's language, never in the engine's English."""

from __future__ import annotations

import pygame
from game_helpers import GENOA, run_until, session_for, start_conference, team_turn
from ui_helpers import key

from game.engine import actions as A
from game.ui.app import Settings


def test_a_lithuanian_team_reads_the_refusal_in_lithuanian(make_app) -> None:
    app = make_app(size=(1280, 720), settings=Settings(lang="lt"))
    session = session_for(GENOA, ("germany", "soviet"), lang="lt")
    conf = start_conference(app, session)
    assert run_until(app, lambda a: a.stack.top is not conf or conf.team_turn or session.waiting_for_human)
    while not team_turn(app):
        app.frame([key(pygame.K_RETURN)])
    me = session.state.actor_id
    assert me is not None
    d = session.cs.d_index[me]
    issue = next(i for i in range(session.cs.n_issues) if session.state.position(d, i) >= 0)
    same = session.cs.option_ids[issue][session.state.position(d, issue)]
    refusal = conf.act(A.Shift(me, session.cs.issue_ids[issue], same))
    assert refusal is not None
    assert conf.message == "tai jau yra jūsų viešoji pozicija"
