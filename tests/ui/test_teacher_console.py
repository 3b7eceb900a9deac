"""The teacher's console through the window (dummy driver): PIN guard, every control, pause, timer, undo, a whole lesson."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from game_helpers import GENOA, at_handover, key, loaded, run_until, team_turn
from ui_helpers import text

from game.engine import actions as A
from game.play.session import Session, SessionSetup
from game.record import export_record
from game.ui.screens.conference.screen import ConferenceScene
from game.ui.screens.outcome.screen import OutcomeScene
from game.ui.screens.teacher.console import ConsoleScene
from game.ui.screens.teacher.tools import ClassroomLayer, ConfirmScene, PinScene, install, room_for, uninstall

HUMANS = ("germany", "soviet")


def lesson(pin: str = "", minutes: float = 0.0, auto: bool = False) -> Session:
    return Session(loaded(GENOA), SessionSetup(str(GENOA), "en", HUMANS, "short", 5, teacher_pin=pin, turn_minutes=minutes, auto_pass=auto))


@pytest.fixture
def classroom(make_app):  # type: ignore[no-untyped-def]
    """A window with the teacher's tools installed (and removed again, so other tests see the plain conference)."""
    app = make_app()
    app.fast = True
    app.comparison_runs = 0
    layer = install(app)
    yield app, layer
    uninstall(app)


def start(app, session: Session) -> ConferenceScene:  # type: ignore[no-untyped-def]
    conf = ConferenceScene(session)
    app.stack.reset(conf)
    app.frame()
    return conf


def sit_down(app) -> ConferenceScene:  # type: ignore[no-untyped-def]
    """Run the AI until a team's hand-over, pass it, and return the conference with the team's view open."""
    assert run_until(app, lambda a: at_handover(a) or team_turn(a))
    if at_handover(app):
        app.frame([key(pygame.K_RETURN)])
    assert run_until(app, team_turn)
    top = app.stack.top
    assert isinstance(top, ConferenceScene)
    return top


def open_console(app) -> ConsoleScene:  # type: ignore[no-untyped-def]
    app.frame([key(pygame.K_t)])
    top = app.stack.top
    assert isinstance(top, ConsoleScene), type(top).__name__
    return top


def press(app, scene, widget_key: str) -> None:  # type: ignore[no-untyped-def]
    scene.focus.focus(widget_key)
    assert scene.focus.focus_key == widget_key, f"{widget_key} cannot take focus"
    app.frame([key(pygame.K_RETURN)])


# --- the PIN guard -------------------------------------------------------------------------------


def test_no_pin_opens_the_console_at_once(classroom) -> None:  # type: ignore[no-untyped-def]
    app, _ = classroom
    start(app, lesson())
    assert isinstance(app.stack.top, ConferenceScene)  # the first sitting is announced; T works over it
    open_console(app)


def test_wrong_pin_refused_right_pin_opens(classroom) -> None:  # type: ignore[no-untyped-def]
    app, _ = classroom
    start(app, lesson(pin="2468"))
    app.frame([key(pygame.K_t)])
    card = app.stack.top
    assert isinstance(card, PinScene)
    app.frame([text("1357"), key(pygame.K_RETURN)])
    assert isinstance(app.stack.top, PinScene) and card.message == "Wrong PIN." and card.typed == ""
    app.frame([key(pygame.K_ESCAPE)])
    assert isinstance(app.stack.top, ConferenceScene)  # Esc: back to the game, console still locked
    app.frame([key(pygame.K_t), text("2468"), key(pygame.K_RETURN)])
    assert isinstance(app.stack.top, ConsoleScene)
    app.frame([key(pygame.K_ESCAPE), key(pygame.K_t)])
    assert isinstance(app.stack.top, PinScene)  # closing locks it again


# --- the controls ----------------------------------------------------------------------------------


def test_console_controls_reach_the_engine_as_the_teachers(classroom) -> None:  # type: ignore[no-untyped-def]
    app, _ = classroom
    s = lesson()
    conf = start(app, s)
    sit_down(app)
    console = open_console(app)
    press(app, console, "fire")  # the first prepared event: the press leak
    assert s.actions[-1] == A.FireEvent("press_leak") and "Event fired" in console.message
    console.focus.focus("headline")
    app.frame([text("Dockers strike in Genoa")])
    console.focus.focus("news_text")
    app.frame([text("The port is closed."), key(pygame.K_RETURN)])
    assert s.actions[-1] == A.News("Dockers strike in Genoa", "The port is closed.")
    last = s.state.sittings[-1]
    press(app, console, "later")
    assert isinstance(s.actions[-1], A.MoveEnd) and s.state.sittings[-1] > last and "now ends on" in console.message
    press(app, console, "earlier")
    assert s.state.sittings[-1] == last
    press(app, console, "ctl:britain")
    assert s.actions[-1] == A.SetControl("britain", True)
    app.frame([key(pygame.K_ESCAPE)])
    assert app.stack.top is conf
    run_until(app, lambda a: not conf.animating)
    news = " ".join(line.text for line in conf.view.news) if conf.view else ""  # type: ignore[attr-defined]
    assert "Dockers strike in Genoa" in news


def test_pause_stops_the_ai_and_locks_the_team(classroom) -> None:  # type: ignore[no-untyped-def]
    app, layer = classroom
    s = lesson()
    conf = start(app, s)
    sit_down(app)
    console = open_console(app)
    app.frame([key(pygame.K_p)])
    assert room_for(app, s).paused and console.focus.focused is not None
    app.frame([key(pygame.K_ESCAPE)])
    assert conf.paused and not conf.team_turn
    assert "propose" not in [w.key for w in conf.focus.widgets]  # the move buttons are gone
    app.frame([key(pygame.K_p)])
    assert not any(type(x).__name__ == "ProposalScene" for x in app.stack)
    s.apply(A.SetControl(s.state.actor_id or "", False))  # even an AI to move does not move while paused
    n = len(s.actions)
    for _ in range(300):
        app.update(1 / 60)
    assert len(s.actions) == n
    app.draw()  # the PAUSED banner draws
    open_console(app)
    app.frame([key(pygame.K_p), key(pygame.K_ESCAPE)])
    run_until(app, lambda a: len(s.actions) > n)
    assert len(s.actions) > n
    assert [j.kind for j in s.journal] == ["pause", "resume"]
    assert isinstance(layer, ClassroomLayer)


def test_undo_through_the_console_restores_the_exact_state(classroom) -> None:  # type: ignore[no-untyped-def]
    app, _ = classroom
    s = lesson()
    start(app, s)
    conf = sit_down(app)
    conf.act(A.Pass(s.state.actor_id or "", rationale="we wait"))
    conf = sit_down(app)
    count, state = s.checkpoints[-1]
    target = state.fingerprint() if count < len(s.actions) else s.checkpoints[-2][1].fingerprint()
    console = open_console(app)
    press(app, console, "undo")
    assert isinstance(app.stack.top, ConfirmScene)
    press(app, app.stack.top, "no")
    assert isinstance(app.stack.top, ConsoleScene) and not s.undone
    press(app, console, "undo")
    press(app, app.stack.top, "yes")
    assert s.state.fingerprint() == target and s.undone and conf.viewer is None
    assert "taken back" in console.message


def test_end_now_asks_first_then_the_outcome_follows(classroom) -> None:  # type: ignore[no-untyped-def]
    app, _ = classroom
    s = lesson()
    start(app, s)
    console = open_console(app)
    press(app, console, "end_now")
    press(app, app.stack.top, "yes")
    assert s.state.ended and isinstance(s.actions[-1], A.EndNow)
    assert run_until(app, lambda a: isinstance(a.stack.top, OutcomeScene))


# --- the timer -------------------------------------------------------------------------------------


def test_the_timer_runs_out_chimes_flashes_and_passes_the_turn(classroom) -> None:  # type: ignore[no-untyped-def]
    app, layer = classroom
    s = lesson(minutes=1, auto=True)
    start(app, s)
    conf = sit_down(app)
    who = s.state.actor_id
    room = room_for(app, s)
    assert room.remaining() == pytest.approx(60, abs=0.2)
    conf.open_proposal()  # the team is in the middle of a proposal when time runs out
    for _ in range(30 * 60):
        app.update(1 / 60)
    assert room.remaining() == pytest.approx(30, abs=0.2)
    app.draw()
    for _ in range(31 * 60):
        app.update(1 / 60)
        if layer.chimes:
            break
    assert layer.chimes == 1 and layer.flash > 0
    assert A.Pass(who or "") in s.actions and s.journal[-1].kind == "time_up" and s.journal[-1].auto_pass
    assert not any(type(x).__name__ == "ProposalScene" for x in app.stack)
    app.draw()  # the flash draws


def test_pause_stops_the_team_clock(classroom) -> None:  # type: ignore[no-untyped-def]
    app, _ = classroom
    s = lesson(minutes=2)
    start(app, s)
    sit_down(app)
    room = room_for(app, s)
    for _ in range(60):
        app.update(1 / 60)
    left = room.remaining()
    room.pause()
    for _ in range(600):
        app.update(1 / 60)
    assert room.remaining() == left
    room.resume()


# --- the lesson the issue asks for ------------------------------------------------------------------


def test_a_genoa_lesson_with_two_teams_a_timer_an_event_and_an_undo(classroom, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app, _ = classroom
    s = lesson(pin="1922", minutes=5)
    start(app, s)
    conf = sit_down(app)
    app.frame([key(pygame.K_t), text("1922"), key(pygame.K_RETURN)])
    console = app.stack.top
    assert isinstance(console, ConsoleScene)
    press(app, console, "fire")  # the teacher injects the press leak
    app.frame([key(pygame.K_ESCAPE)])
    conf = sit_down(app)
    first = s.state.actor_id or ""
    conf.rationale = "We keep our hands free this sitting"
    conf.act(A.Pass(first, rationale=conf.rationale))
    conf = sit_down(app)
    app.frame([key(pygame.K_t), text("1922"), key(pygame.K_RETURN)])
    console = app.stack.top
    press(app, console, "undo")
    press(app, app.stack.top, "yes")  # the teacher takes the sitting back
    app.frame([key(pygame.K_ESCAPE)])
    k = 0
    while not s.state.ended:  # the teams play on, each move with its reason
        conf = sit_down(app)
        k += 1
        conf.act(A.Pass(s.state.actor_id or "", rationale=f"reason {k}"))
        run_until(app, lambda a: s.state.ended or at_handover(a))
    assert run_until(app, lambda a: isinstance(a.stack.top, OutcomeScene))
    export_record(s, tmp_path / "lesson.html", "html")
    export_record(s, tmp_path / "lesson.md", "md")
    md = (tmp_path / "lesson.md").read_text(encoding="utf-8")
    html = (tmp_path / "lesson.html").read_text(encoding="utf-8")
    for doc in (md, html):
        assert "leak to the press" in doc  # the injected event, as the teacher's
        assert "Undo: back to the start of sitting" in doc
        assert "reason 1" in doc and f"reason {k}" in doc
        assert "Questions for the class" in doc or "questions" in doc.lower()
    assert "timer of 5 minutes per team turn" in md
    assert "FireEvent" not in md  # worded for people
