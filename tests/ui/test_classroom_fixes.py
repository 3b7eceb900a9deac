"""Smaller classroom defects: the team's clock waits while the teacher works, and PAUSED shows only public things."""

from __future__ import annotations

import pygame
import pytest
from game_helpers import GENOA, at_handover, run_until, team_turn
from ui_helpers import key

from game.play.session import Session, SessionSetup
from game.scenario.loader import load
from game.ui.screens.conference.pause import PauseScene, SettingsScene
from game.ui.screens.conference.screen import ConferenceScene
from game.ui.screens.teacher.tools import install, room_for, uninstall

HUMANS = ("germany", "soviet")


@pytest.fixture
def classroom(make_app):  # type: ignore[no-untyped-def]
    app = make_app(size=(1280, 720))
    app.fast = True
    app.comparison_runs = 0
    install(app)
    yield app
    uninstall(app)


def _seated(app, minutes: float = 3.0, pin: str = "", clock=None) -> tuple[Session, ConferenceScene]:  # type: ignore[no-untyped-def]
    s = Session(load(GENOA), SessionSetup(str(GENOA), "en", HUMANS, "short", 5, teacher_pin=pin, turn_minutes=minutes))
    if clock is not None:
        room_for(app, s).timer.clock = clock  # the lesson's clock, moved by hand
    conf = ConferenceScene(s)
    app.stack.reset(conf)
    app.frame()
    assert run_until(app, lambda a: at_handover(a) or team_turn(a))
    if at_handover(app):
        app.frame([key(pygame.K_RETURN)])
    assert run_until(app, team_turn)
    return s, conf


def _seconds(app, n: float) -> None:  # type: ignore[no-untyped-def]
    for _ in range(round(n * 60)):
        app.update(1 / 60)


@pytest.mark.parametrize("pin", ["", "1922"], ids=["console", "pin-card"])
def test_the_team_clock_waits_while_the_teachers_console_or_pin_card_is_open(classroom, pin: str) -> None:
    app = classroom
    now = [1000.0]
    s, _conf = _seated(app, pin=pin, clock=lambda: now[0])
    room = room_for(app, s)
    _seconds(app, 0.1)
    left = room.remaining()
    assert left is not None
    app.frame([key(pygame.K_t)])  # the console (or its PIN card) covers the team's screen
    assert type(app.stack.top).__name__ in ("ConsoleScene", "PinScene")
    now[0] += 30.0
    _seconds(app, 0.5)
    assert room.remaining() == pytest.approx(left, abs=0.01)
    app.frame([key(pygame.K_ESCAPE)])
    now[0] += 10.0
    _seconds(app, 0.1)
    assert room.remaining() == pytest.approx(left - 10.0, abs=0.01)


def test_paused_the_screen_shows_the_public_view(classroom) -> None:
    app = classroom
    s, conf = _seated(app)
    assert conf.view is not None and conf.view.viewer == s.state.actor_id  # the team's own papers
    room_for(app, s).pause()
    conf.refresh()
    app.frame()
    assert conf.view is not None and conf.view.viewer is None
    assert "Private view" not in conf._turn_text(conf.view)  # the header does not claim the team's papers either
    room_for(app, s).resume()
    conf.refresh()
    assert conf.view is not None and conf.view.viewer == s.state.actor_id


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_settings_from_the_pause_menu_is_the_only_card_drawn(make_app, size: tuple[int, int]) -> None:
    app = make_app(size=size)
    s = Session(load(GENOA), SessionSetup(str(GENOA), "en", HUMANS, "short", 5))
    app.stack.reset(ConferenceScene(s))
    app.frame([key(pygame.K_ESCAPE)])
    pause = app.stack.top
    assert isinstance(pause, PauseScene)
    pause.focus.focus("settings")
    app.frame([key(pygame.K_RETURN)])
    settings = app.stack.top
    assert isinstance(settings, SettingsScene)
    drawn: list[str] = []
    for scene in (pause, settings):
        real = scene.focus.draw
        scene.focus.draw = lambda surface, ctx, real=real, name=scene.name: (drawn.append(name), real(surface, ctx))[1]  # type: ignore[method-assign]
    app.frame()
    assert drawn == ["settings"]
    app.frame([key(pygame.K_ESCAPE)])
    assert app.stack.top is pause
    drawn.clear()
    app.frame()
    assert drawn == ["pause"]


def test_no_focus_ring_calls_for_a_press_during_the_ais_turns(make_app) -> None:
    app = make_app(size=(1280, 720))
    s = Session(load(GENOA), SessionSetup(str(GENOA), "en", ("soviet",), "short", 5))
    conf = ConferenceScene(s)
    app.stack.reset(conf)
    app.frame()
    assert s.waiting_for_ai or not conf.team_turn
    assert conf.focus.focus_key is None  # Menu is there, but not lit up as if it were the thing to press
    app.frame([key(pygame.K_TAB)])
    assert conf.focus.focus_key == "menu"  # the keyboard still reaches it
    conf.refresh()
    assert conf.focus.focus_key == "menu"  # and a focus the user chose stays


def test_a_loaded_game_opens_as_it_stood_without_reading_the_news_again(make_app) -> None:
    from game.engine import actions as A
    from game.play.saves import save, saves_dir
    from game.ui.screens.conference.saveload import LoadScene

    s = Session(load(GENOA), SessionSetup(str(GENOA), "en", ("soviet",), "short", 5))
    while s.state.turn < 3 and not s.state.ended:  # three sittings in, the team waiting each time
        s.run_ai()
        if s.waiting_for_human:
            s.apply(A.Pass("soviet"))
    assert len(s.state.log) > 30
    save(s, saves_dir() / "lesson.json")
    app = make_app(size=(1280, 720))
    app.fast = True
    app.stack.push(LoadScene())
    app.frame()
    app.stack.top.focus.focus("ok")
    app.frame([key(pygame.K_RETURN)])
    conf = app.stack.top
    assert isinstance(conf, ConferenceScene)
    assert conf.shown >= len(s.state.log)  # everything saved is on the board at once (the AI may have moved on since)
    assert conf.session.actions[: len(s.actions)] == s.actions


def test_console_event_texts_are_whole_and_clear_of_the_fire_button_in_lithuanian_at_1280(make_app) -> None:
    from game.ui.app import Settings
    from game.ui.kit.text import wrap

    app = make_app(size=(1280, 720), settings=Settings(lang="lt"))
    app.fast = True
    install(app)
    try:
        s = Session(load(GENOA), SessionSetup(str(GENOA), "lt", HUMANS, "short", 5))
        app.stack.reset(ConferenceScene(s))
        app.frame()
        app.frame([key(pygame.K_t)])
        console = app.stack.top
        assert type(console).__name__ == "ConsoleScene"
        lay, theme = app.layout, app.theme
        bold, small = theme.text_font(lay, "body", "bold"), theme.text_font(lay, "small")
        events = console.room.optional_events("lt")
        assert len(events) >= 2
        for k, ev in enumerate(events):
            console._pick_event(k)
            r = console.event_text_rect
            fire = next(w for w in console.focus.widgets if w.key == "fire")
            assert fire.rect.top >= r.bottom, ev.title
            need = min(2, len(wrap(bold, ev.title, r.width))) * round(bold.get_linesize() * 1.2)
            need += len(wrap(small, ev.text, r.width)) * round(small.get_linesize() * 1.2)
            assert need <= r.height, (ev.title, need, r.height)
            app.frame()
    finally:
        uninstall(app)
