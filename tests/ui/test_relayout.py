"""The conference screen keeps what it measured (its view model, the board, the seats, the news heights) only while
what it shows is unchanged: after a text-size change, a language switch, a resize, a new turn or an answer, it shows
exactly what the same screen opened afresh shows. A stale layout (old sizes, old words, old positions) fails here.

What a frame shows is read from the frame's list (game/ui/kit/registry.py): every label, its rectangle and type size.
"""

from __future__ import annotations

from dataclasses import replace

import pygame
from game_helpers import at_handover, run_until, session_for, start_conference, team_turn
from ui_helpers import SCENARIOS

from game.engine import actions as A
from game.ui.kit.registry import FRAME, Seen
from game.ui.screens.conference.draw import forget_measures
from game.ui.screens.conference.screen import ConferenceScene
from game.views import conference as conference_views

GENOA = next(p for p in SCENARIOS if p.stem == "genoa_1922")


def _shown(app, scene: ConferenceScene) -> list[Seen]:  # type: ignore[no-untyped-def]
    """What `scene` draws on the window now."""
    FRAME.begin(app.surface)
    scene.draw(app.surface)
    FRAME.end()
    return list(FRAME.last)


def _afresh(app, scene: ConferenceScene) -> list[Seen]:  # type: ignore[no-untyped-def]
    """What a conference screen opened now on the same game, viewer and announcements draws, measuring everything
    anew (nothing remembered from earlier frames: a measure kept under too small a key would be stale for both)."""
    forget_measures()
    conference_views._WORDED.clear()  # the news sentences, worded once per log entry
    conference_views._WORDINGS.clear()  # the codes and issue texts, worded once per scenario and language
    fresh = ConferenceScene(scene.session)
    fresh.app = app
    fresh.viewer, fresh.shown, fresh.pulse = scene.viewer, scene.shown, scene.pulse
    fresh.message, fresh.notice, fresh.confirmed = scene.message, scene.notice, scene.confirmed
    fresh.layout()
    fresh.focus.focus_key = scene.focus.focus_key
    return _shown(app, fresh)


def _sizes(seen: list[Seen]) -> set[int]:
    return {e.px for e in seen if e.role == "text"}


def _to_team_turn(app) -> ConferenceScene:  # type: ignore[no-untyped-def]
    assert run_until(app, lambda a: at_handover(a) or team_turn(a))
    if at_handover(app):
        app.stack.top._ready()
    assert run_until(app, team_turn)
    scene = app.stack.top
    assert isinstance(scene, ConferenceScene)
    return scene


def test_the_conference_after_each_change_shows_what_it_shows_when_opened_afresh(make_app) -> None:
    app = make_app(size=(1280, 720))
    session = session_for(GENOA, ("germany", "soviet"), seed=3)
    start_conference(app, session)
    scene = _to_team_turn(app)
    before = _shown(app, scene)
    assert before == _afresh(app, scene)

    # larger text: the same screen shows larger type, as a fresh one would (at 125% in the same columns, at 150%
    # the board's column grows)
    app.apply_settings(replace(app.settings, text_scale=1.25))
    larger = _shown(app, scene)
    assert max(_sizes(larger)) > max(_sizes(before))
    assert larger == _afresh(app, scene)
    app.apply_settings(replace(app.settings, text_scale=1.5))
    bigger = _shown(app, scene)
    assert {e.rect for e in bigger if e.role == "panel"} != {e.rect for e in larger if e.role == "panel"}
    assert bigger == _afresh(app, scene)

    # another language: the news, the board and the buttons in its words
    app.set_language("lt")
    lithuanian = _shown(app, scene)
    assert {e.label for e in lithuanian} != {e.label for e in bigger}
    assert lithuanian == _afresh(app, scene)

    # a larger window: everything moves and grows with it
    pygame.display.set_mode((1920, 1080), pygame.RESIZABLE)
    app.resize(1920, 1080)
    wide = _shown(app, scene)
    assert max(e.rect[0] + e.rect[2] for e in wide) > 1280
    assert wide == _afresh(app, scene)

    # back to the first settings: the first picture again (whatever was kept for them is still right)
    pygame.display.set_mode((1280, 720), pygame.RESIZABLE)
    app.resize(1280, 720)
    app.apply_settings(replace(app.settings, text_scale=1.0, lang="en"))
    assert _shown(app, scene) == before

    # the team moves: the next turn (its news, its seats, its positions) is shown, not the last one
    assert scene.act(A.Pass(session.state.actor_id or "")) is None
    moved = _shown(app, scene)
    assert moved != before
    assert moved == _afresh(app, scene)
    scene = _to_team_turn(app)
    assert _shown(app, scene) == _afresh(app, scene)
