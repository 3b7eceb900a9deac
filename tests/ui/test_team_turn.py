"""A team's turn: the inbox acts on the proposal shown, answering keeps the turn, moves are confirmed in words,
the digest tells what became of the team's proposals, and the views stay plain serialisable data."""

from __future__ import annotations

import json
from dataclasses import asdict

import pygame
from test_ui_scripts import SCRIPTS, _app
from ui_helpers import key

from game.engine.actions import Answer
from game.ui.screens.conference.done import DoneScene
from game.ui.screens.conference.handover import HandoverScene
from game.ui.screens.conference.move_forms import ProposalScene, ShiftScene
from game.ui.screens.conference.screen import ConferenceScene
from game.ui.script import ScriptRun
from game.ui.script_lang import parse, parse_file
from game.views.conference import narrator
from game.views.digest import since_last_turn
from game.views.inbox import inbox


def _until(make_app, marker: str):  # type: ignore[no-untyped-def]
    """The English lesson played up to (not including) the first command whose text is `marker`."""
    cmds = parse_file(SCRIPTS / "genoa_lesson_en.plenipo")
    stop = next(k for k, c in enumerate(cmds) if c.text == marker)
    app = _app(make_app)
    assert ScriptRun(app, cmds[:stop], "lesson").run() == 0
    conf = next(s for s in app.stack if isinstance(s, ConferenceScene))
    return app, conf


def test_the_inbox_lists_what_waits_newest_first_with_values_and_answers(make_app) -> None:
    app, conf = _until(make_app, "Accept")
    s = conf.session.state
    items = inbox(s, "soviet", app.tr, narrator(conf.session, app.tr))
    ids = [i.id for i in items]
    assert ids == sorted(ids, reverse=True) and 3 in ids and len(ids) >= 2  # newest first; the AI's own offers wait too
    rapallo = next(i for i in items if i.id == 3)
    assert rapallo.proposer == "Germany" and rapallo.private and rapallo.to == ("Soviet Russia",)
    assert len(rapallo.package) == 4 and ("German property claims in Russia", "Waived unless others are paid") in rapallo.package
    assert rapallo.value is not None and rapallo.no_deal is not None and 0 <= rapallo.value <= 100
    assert rapallo.waiting_for == ("Soviet Russia",) and rapallo.accepted_by == ()
    json.dumps([asdict(i) for i in items])  # plain data: a networked client can draw the same inbox
    assert conf.inbox is not None and conf.inbox.current is not None and conf.inbox.current.id == ids[0]


def test_keys_answer_the_proposal_on_screen_not_the_oldest(make_app) -> None:
    app, conf = _until(make_app, "Accept")
    run = ScriptRun(app, [], "inbox")
    assert conf.inbox is not None
    before = [i.id for i in conf.inbox.items]
    run.step(parse('click "Older"')[0])
    assert conf.inbox.current is not None and conf.inbox.current.id == before[1]
    app.frame([key(pygame.K_r)])
    s = conf.session.state
    soviet = s.cs.d_index["soviet"]
    assert s.proposals[before[1] - 1].answer_of(soviet) is Answer.REJECT
    assert s.proposals[before[0] - 1].answer_of(soviet) is None  # the newest, not on screen, is untouched
    assert conf.team_turn and conf.viewer == "soviet"  # answering does not end the turn
    assert f"You refused No. {before[1]}." in conf.notice and "does not end your turn" in conf.notice
    assert conf.inbox is not None and [i.id for i in conf.inbox.items] == [x for x in before if x != before[1]]


def test_a_move_is_confirmed_in_words_and_the_next_team_reads_what_became_of_its_proposal(make_app) -> None:
    app, conf = _until(make_app, "Hand over")
    done = app.stack.top
    assert isinstance(done, DoneScene) and done.text == "Proposal No. 3 sent privately to Soviet Russia."
    assert conf.viewer is None  # the proposer's view is already closed under the card
    app, conf = _until(make_app, "Soviet Russia accepted your proposal No. 3.")
    lines = since_last_turn(conf.session.state, "germany", app.tr, narrator(conf.session, app.tr))
    assert "Soviet Russia accepted your proposal No. 3." in lines
    assert "Treaty of Rapallo (German-Soviet treaty) is signed." in lines
    assert since_last_turn(conf.session.state, "soviet", app.tr, narrator(conf.session, app.tr)) != ()
    assert conf.digest == lines  # on the team's view, atop the news


def test_enter_in_the_proposal_form_proposes(make_app) -> None:
    app, conf = _until(make_app, "Propose")
    app.frame([key(pygame.K_p)])
    form = app.stack.top
    assert isinstance(form, ProposalScene)
    form.focus.focus("instrument")  # Enter on the agreement chooser used to switch the agreement
    before = form.draft.instrument
    app.frame([key(pygame.K_RETURN)])
    assert isinstance(app.stack.top, DoneScene) and form.draft.instrument == before
    assert conf.session.state.proposals[-1].proposer == conf.session.cs.d_index["germany"]


def test_the_position_form_opens_without_a_refusal(make_app) -> None:
    app, _conf = _until(make_app, "Propose")
    app.frame([key(pygame.K_s)])
    form = app.stack.top
    assert isinstance(form, ShiftScene) and form.draft.unchanged
    app.frame()
    from game.ui.kit.registry import visible

    assert not any("Not allowed" in e.label for e in visible())
    assert any("Choose the new position" in e.label for e in visible())


def test_t_opens_the_teachers_console_from_the_hand_over(make_app) -> None:
    app, _conf = _until(make_app, "We are ready")
    hand = app.stack.top
    assert isinstance(hand, HandoverScene)
    app.frame([key(pygame.K_t)])
    assert app.stack.top is not hand and not isinstance(app.stack.top, HandoverScene)
