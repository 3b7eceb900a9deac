"""A whole game through the window: setup, introduction, two teams behind hand-overs, the AI, the debrief;
and save, quit, continue gives back the very same game."""

from __future__ import annotations

import pygame
from game_helpers import GENOA, at_handover, key, run_until, team_turn
from ui_helpers import text

from game.play.saves import autosave_path, load_save, saves_dir
from game.scenario.texts import tr
from game.ui.main import begin, continue_autosave, has_autosave
from game.ui.screens.conference.done import DoneScene
from game.ui.screens.conference.handover import HandoverScene
from game.ui.screens.conference.move_forms import ProposalScene
from game.ui.screens.conference.screen import ConferenceScene
from game.ui.screens.intro import IntroScene
from game.ui.screens.menu.pause import PauseScene
from game.ui.screens.menu.saveload import LoadScene, MessageScene, SaveScene
from game.ui.screens.outcome.screen import OutcomeScene
from game.ui.screens.setup.screen import SetupScene

TEAMS = ("germany", "soviet")


def _app(make_app):  # type: ignore[no-untyped-def]
    app = make_app(on_begin=begin, has_save=has_autosave, on_continue=continue_autosave)
    app.fast = True
    app.comparison_runs = 0
    return app


def _to_conference(app) -> ConferenceScene:  # type: ignore[no-untyped-def]
    setup = app.stack.top
    assert isinstance(setup, SetupScene)
    setup._pick([e.path for e in setup.m.scenarios].index(GENOA))
    for did in TEAMS:
        setup.focus.focus(f"del:{did}")
        app.frame([key(pygame.K_RETURN)])
    setup.m.set_length("short")
    setup.m.set_seed_text("1922")
    setup.focus.focus("start")
    app.frame([key(pygame.K_RETURN)])
    assert isinstance(app.stack.top, IntroScene)
    app.frame([key(pygame.K_RETURN)])
    conf = app.stack.top
    assert isinstance(conf, ConferenceScene)
    assert conf.session.setup.humans == TEAMS and conf.session.setup.seed == 1922
    return conf


def _hand_over(app) -> str:  # type: ignore[no-untyped-def]
    assert run_until(app, at_handover)
    handover = app.stack.top
    assert isinstance(handover, HandoverScene)
    app.frame([key(pygame.K_RETURN)])
    assert run_until(app, team_turn)
    return handover.delegation


def test_a_scripted_game_from_setup_to_the_debrief(make_app) -> None:
    app = _app(make_app)
    conf = _to_conference(app)
    session = conf.session
    proposed = False
    for _ in range(200):
        if session.state.ended:
            break
        if not run_until(app, lambda a: at_handover(a) or isinstance(a.stack.top, OutcomeScene) or session.state.ended):
            break
        if session.state.ended:
            break
        team = _hand_over(app)
        assert conf.viewer == team and team in TEAMS
        if not proposed:  # the first team puts a proposal with P and the keyboard only
            app.frame([key(pygame.K_p)])
            form = app.stack.top
            assert isinstance(form, ProposalScene)
            form.focus.focus("rationale")
            app.frame([text("a first offer")])
            form.focus.focus("ok")
            app.frame([key(pygame.K_RETURN)])
            done = app.stack.top  # the move's confirmation, in words, before the computer is passed on
            assert isinstance(done, DoneScene) and ("sent privately" in done.text or "put to the whole conference" in done.text)
            app.frame([key(pygame.K_RETURN)])
            assert app.stack.top is conf or isinstance(app.stack.top, HandoverScene)
            assert any(getattr(a, "rationale", "") == "a first offer" for a in session.actions)
            proposed = True
            continue
        if session.state.pending_for(session.cs.d_index[team]):
            app.frame([key(pygame.K_r)])  # reject the first proposal waiting for an answer
        app.frame([key(pygame.K_n)])  # pass, confirmed with Enter
        app.frame([key(pygame.K_RETURN)])
        assert isinstance(app.stack.top, DoneScene) and app.stack.top.text == "You passed this sitting."
        app.frame([key(pygame.K_RETURN)])  # "Hand over (Enter)"
        assert conf.viewer is None  # the next team finds no private view on the screen
    assert run_until(app, lambda a: isinstance(a.stack.top, OutcomeScene))
    outcome = app.stack.top
    app.frame()
    assert session.state.ended and outcome.view is not None
    assert outcome.view.title == tr(session.cs.outcome(session.state.outcome).title, "en")
    assert {w.key for w in outcome.focus.widgets} >= {"export", "replay", "new"}


def test_save_quit_and_continue_give_the_same_game(make_app) -> None:
    app = _app(make_app)
    conf = _to_conference(app)
    _hand_over(app)
    app.frame([key(pygame.K_n), key(pygame.K_RETURN), key(pygame.K_RETURN)])  # pass, confirm, hand over
    _hand_over(app)
    session = conf.session
    before = session.state.fingerprint()
    app.frame([key(pygame.K_ESCAPE)])
    pause = app.stack.top
    assert isinstance(pause, PauseScene)
    next(w for w in pause.focus.widgets if w.key == "save").on_click()  # type: ignore[attr-defined]
    save_card = app.stack.top
    assert isinstance(save_card, SaveScene)
    save_card._typed("lesson one")
    app.frame([key(pygame.K_RETURN)])
    assert (saves_dir() / "lesson_one.json").is_file()
    assert "lesson_one" in save_card.message
    app.pop()
    next(w for w in pause.focus.widgets if w.key == "to_setup").on_click()  # type: ignore[attr-defined]
    assert isinstance(app.stack.top, SetupScene)
    assert autosave_path().is_file() and load_save(autosave_path()).session.state.fingerprint() == before
    cont = next(w for w in app.stack.top.focus.widgets if w.key == "continue")
    assert cont.enabled
    cont.on_click()  # type: ignore[attr-defined]
    resumed = next(iter(app.stack))
    assert isinstance(resumed, ConferenceScene)
    assert resumed.session.state.fingerprint() == before
    assert load_save(saves_dir() / "lesson_one.json").session.state.fingerprint() == before
    run_until(app, at_handover)
    app.frame()


def test_a_damaged_save_gets_a_message_and_is_left_alone(make_app) -> None:
    app = _app(make_app)
    folder = saves_dir()
    folder.mkdir(parents=True, exist_ok=True)
    bad = folder / "broken.json"
    bad.write_text('{"format": "plenipo-save", "version": 1, "actions": [', encoding="utf-8")
    before = bad.read_bytes()
    app.push(LoadScene())
    card = app.stack.top
    app.frame([key(pygame.K_TAB), key(pygame.K_RETURN)])
    card._load()  # type: ignore[attr-defined]
    assert card.bad and "damaged" in card.message  # type: ignore[attr-defined]
    assert bad.read_bytes() == before
    app.frame()
    autosave_path().write_text("not json", encoding="utf-8")
    scene = continue_autosave()
    assert isinstance(scene, MessageScene)
    app.stack.reset(scene)
    app.frame()
    assert autosave_path().read_text(encoding="utf-8") == "not json"


def test_the_outcome_screen_exports_the_record_and_replays_the_seed(make_app) -> None:
    from game_helpers import TUTORIAL, session_for

    app = _app(make_app)
    session = session_for(TUTORIAL, seed=12)
    session.run_ai()
    outcome = OutcomeScene(session, runs=0)
    app.stack.reset(outcome)
    app.frame()
    outcome.export()
    written = sorted(p.suffix for p in (saves_dir().parent / "records").iterdir())
    assert written == [".html", ".json", ".md"], outcome.message
    outcome.replay()
    again = app.stack.top
    assert isinstance(again, ConferenceScene) and again.session.setup.seed == 12 and not again.session.actions
    again.session.run_ai()
    assert again.session.state.fingerprint() == session.state.fingerprint()
