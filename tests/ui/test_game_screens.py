"""Every game screen draws for every shipped scenario; the hand-over shows nothing private."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from game_helpers import GENOA, at_handover, key, run_until, session_for, start_conference, team_turn, two_humans
from ui_helpers import SCENARIOS

import game.ui.kit.text as text_module
from game.scenario.texts import tr
from game.ui.app import App, Settings
from game.ui.screens.conference.handover import HandoverScene
from game.ui.screens.conference.move_forms import BriefingScene, ConfirmScene, ProposalScene, ShiftScene, StatementScene
from game.ui.screens.conference.pause import PauseScene
from game.ui.screens.conference.saveload import LoadScene, SaveScene
from game.ui.screens.conference.screen import ConferenceScene
from game.ui.screens.outcome.screen import OutcomeScene
from game.ui.screens.outcome.tabs import TABS


def _every_screen(app: App, path: Path) -> None:
    session = session_for(path, two_humans(path))
    conf = start_conference(app, session)
    app.frame()
    assert run_until(app, at_handover)
    app.frame()
    app.frame([key(pygame.K_RETURN)])
    assert run_until(app, team_turn)
    app.frame()
    actor = session.state.actor_id
    for scene in (
        BriefingScene(conf, actor),
        ProposalScene(conf, actor),
        ShiftScene(conf, actor),
        StatementScene(conf, actor),
        ConfirmScene(conf, actor, "walkout"),
        ConfirmScene(conf, actor, "pass"),
        PauseScene(),
        SaveScene(session),
        LoadScene(),
    ):
        app.push(scene)
        app.frame([key(pygame.K_TAB), key(pygame.K_RIGHT)])
        app.pop()
    session.run_ai()
    while not session.state.ended:
        conf.viewer = session.state.actor_id
        from game.engine import actions as A

        session.apply(A.Pass(session.state.actor_id))
        session.run_ai()
    outcome = OutcomeScene(session, runs=0)
    app.stack.reset(outcome)
    for k in range(len(TABS)):
        outcome.set_tab(k)
        app.frame([key(pygame.K_PAGEDOWN)])


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_every_game_screen_draws_for_every_scenario(make_app, path: Path) -> None:
    app = make_app(size=(1280, 720))
    _every_screen(app, path)


@pytest.mark.parametrize(
    "settings", [Settings(lang="lt", high_contrast=True, text_scale=2.0), Settings(lang="en", text_scale=1.5)], ids=["lt-hc-200", "en-150"]
)
def test_game_screens_draw_big_and_in_lithuanian(make_app, settings: Settings) -> None:
    app = make_app(size=(1920, 1080), settings=settings)
    _every_screen(app, GENOA)


def test_the_hand_over_shows_nothing_private(make_app, monkeypatch) -> None:
    app = make_app()
    session = session_for(GENOA, ("germany", "soviet"))
    start_conference(app, session)
    assert run_until(app, at_handover)
    seen: list[str] = []
    real = text_module.render

    def spy(font, text, colour):  # type: ignore[no-untyped-def]
        seen.append(text)
        return real(font, text, colour)

    monkeypatch.setattr(text_module, "render", spy)
    text_module._CACHE.clear()
    app.frame()
    handover = app.stack.top
    assert isinstance(handover, HandoverScene)
    assert app.stack.visible() == [handover]  # a full screen: the conference below is not drawn at all
    d = session.cs.delegation(session.cs.d_index[handover.delegation])
    everything = " ".join(seen)
    assert tr(d.name, "en") in everything
    for secret in (d.briefing.secret, d.briefing.red_lines, d.briefing.aims):
        words = tr(secret, "en")
        assert not words or words[:30] not in everything
    private = [e for e in session.state.log if e.audience is not None]
    assert all(str(e.data.get("text", "")) not in everything or not e.data.get("text") for e in private)


def test_ai_moves_are_announced_one_at_a_time_and_space_skips(make_app) -> None:
    app = make_app()
    session = session_for(GENOA)
    conf = ConferenceScene(session)
    app.stack.reset(conf)
    app.comparison_runs = 0
    app.frame()
    assert conf.animating
    shown = conf.shown
    app.frame(steps=10)  # a sixth of a second: not yet the next line
    assert conf.shown == shown
    app.frame(steps=40)
    assert conf.shown > shown
    app.frame([key(pygame.K_SPACE)])
    assert conf.shown == len(session.state.log)
