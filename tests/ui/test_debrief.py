"""The debrief for students: what-if lines from replays, plain words first, a presenter's clicker, teams highlighted."""

from __future__ import annotations

import datetime as dt

import pygame
from game_helpers import GENOA, session_for
from ui_helpers import key

from game.ai.driver import run_ai_turn
from game.analysis.whatif import Change, Decision, Result, WhatIf
from game.engine import actions as A
from game.engine.state import GameState
from game.i18n import Translator
from game.play.session import Session
from game.ui.app import Settings
from game.ui.screens.outcome.screen import OutcomeScene
from game.views.outcome import whatif_sentence, whatif_view

TEAMS = ("germany", "soviet")


def _finished(seed: int = 1922, lang: str = "en") -> Session:
    session = session_for(GENOA, TEAMS, seed=seed, length="short", lang=lang)

    def apply(_: GameState, action: A.Action) -> GameState:
        session.apply(action)
        return session.state

    while not session.state.ended:
        if session.waiting_for_human:
            run_ai_turn(session.state, apply, session.strategy)
        else:
            session.run_ai()
    return session


def _outcome(make_app, session: Session, lang: str = "en") -> tuple[object, OutcomeScene]:
    app = make_app(size=(1280, 720), settings=Settings(lang=lang))
    scene = OutcomeScene(session, runs=0)
    app.stack.reset(scene)
    scene.whatif.thread.join(timeout=120)
    app.frame()
    app.frame()
    return app, scene


def test_page_down_scrolls_the_page_while_a_tab_button_has_the_focus(make_app) -> None:
    app, scene = _outcome(make_app, _finished())
    assert scene.focus.focused is not None and scene.focus.focused.key.startswith("tab:")
    assert scene.page is not None and scene.page.max_offset > 0
    app.frame([key(pygame.K_PAGEDOWN)])
    assert scene.scrolls[0].offset > 0
    app.frame([key(pygame.K_PAGEUP)])
    assert scene.scrolls[0].offset == 0
    app.frame([key(pygame.K_DOWN)])
    assert scene.scrolls[0].offset > 0


def test_each_team_gets_what_if_lines_in_its_band_on_the_scores_page(make_app) -> None:
    session = _finished()
    _app, scene = _outcome(make_app, session)
    assert scene.whatif.finished and not scene.whatif.error
    assert scene.painter is not None
    assert sum(x == "What if your team had decided differently?" for x in scene.painter.texts(1, scene.comparison_state())) == 2
    texts = scene.painter.texts(1, scene.comparison_state())
    lines = [x for x in texts if x.startswith("– Had you")]
    assert lines, texts
    assert set(scene.whatif.found) <= set(TEAMS)
    assert len(lines) == sum(len(v) for v in scene.whatif.found.values())


def test_technical_terms_only_in_the_teachers_view(make_app) -> None:
    _app, scene = _outcome(make_app, _finished())
    assert scene.painter is not None
    plain = " ".join(scene.painter.texts(4, scene.comparison_state()))
    assert "aspiration" not in plain and "Holding out for" in plain
    scene.handle_event(key(pygame.K_t))
    terms = " ".join(scene.painter.texts(4, scene.comparison_state()))
    assert "aspiration" in terms


def _rapallo_whatif() -> WhatIf:
    decision = Decision("soviet", Change.ACCEPT, 3, dt.date(1922, 4, 16), 3, "general_settlement", "france")
    actual = Result("rapallo", ("rapallo_treaty",), 60.0, 8)
    changed = Result("general_settlement", ("general_settlement",), 85.0, 6)
    return WhatIf(decision, actual, changed)


def test_a_what_if_line_says_the_decision_and_what_would_have_followed() -> None:
    session = session_for(GENOA, TEAMS)
    line = whatif_sentence(_rapallo_whatif(), session, Translator("en"))
    assert line.startswith("Had you accepted No. 3 from France on April 16, 1922, ")
    assert "would not have been signed" in line and "would have been signed" in line
    assert "the conference would have ended in “General settlement" in line
    assert line.endswith("your score would have been 85 instead of 60.")


def test_a_what_if_line_in_lithuanian_has_no_english() -> None:
    session = session_for(GENOA, TEAMS, lang="lt")
    line = whatif_sentence(_rapallo_whatif(), session, Translator("lt"))
    for word in ("Had you", "would", "instead", "score", "from"):
        assert word not in line, line
    assert "Nr. 3" in line and "Rapalo" in line


def test_teams_without_lines_still_get_a_section() -> None:
    session = session_for(GENOA, TEAMS)
    view = whatif_view({}, session, Translator("en"))
    assert [v.id for v in view] == ["germany", "soviet"] or sorted(v.id for v in view) == sorted(TEAMS)
    assert all(v.lines == () for v in view)


def test_the_export_message_shows_the_whole_path(make_app) -> None:
    app, scene = _outcome(make_app, _finished())
    scene.export()
    assert scene.message.startswith("Session record written to ")
    box, lines = scene.message_box()
    assert "…" not in "".join(lines)
    assert "".join(lines).replace(" ", "") == scene.message.replace(" ", "")
    assert box.width <= app.layout.width and box.bottom <= app.layout.footer().y
    app.frame()


def test_the_comparison_marks_this_games_outcome_inside_the_sentence() -> None:
    from types import SimpleNamespace

    from game.views.outcome import comparison_lines

    session = _finished()
    this = session.cs.outcome(session.state.outcome).id
    tally = SimpleNamespace(runs=10, outcomes={this: 4}, instruments={})
    lines = comparison_lines(tally, session, Translator("en"))
    marked = [x for x in lines if "(as in this game)" in x]
    assert len(marked) == 1 and marked[0].startswith("In 40% of AI-played conferences: ") and marked[0].endswith("(as in this game).")
    assert not any(". —" in x for x in lines)
