"""Designer mode: the game opens on a file, F5 reloads it with the same setup, a broken edit keeps the old game."""

from __future__ import annotations

import shutil
from pathlib import Path

import pygame
import pytest
from game_helpers import TUTORIAL, key
from ui_helpers import SCENARIOS

from game.play.session import SessionSetup
from game.ui.screens.conference.screen import ConferenceScene
from game.ui.screens.designer import Designer, DesignerWaitScene
from game.views.designer import designer_view


def _open(make_app, path: Path, size=(1280, 720), humans: tuple[str, ...] = (), seed: int = 11, length: str = "short", lang: str = "en"):  # type: ignore[no-untyped-def]
    designer = Designer(path, SessionSetup(str(path), lang, humans, length, seed))
    app = make_app(size=size, first_scene=designer.first_scene())
    designer.attach(app)
    app.fast = True
    return app, designer


@pytest.fixture
def tutorial_copy(tmp_path: Path) -> Path:
    path = tmp_path / "tutorial.toml"
    shutil.copy(TUTORIAL, path)
    return path


def test_designer_mode_starts_a_game_on_the_file(make_app, tutorial_copy: Path) -> None:
    app, designer = _open(make_app, tutorial_copy)
    assert isinstance(app.stack.top, ConferenceScene)
    assert designer.session is not None and designer.session.loaded.path == tutorial_copy
    assert designer.session.setup.seed == 11
    app.frame()


def test_f5_restarts_with_the_same_setup_and_shows_the_change(make_app, tutorial_copy: Path) -> None:
    app, designer = _open(make_app, tutorial_copy, humans=("northland",), lang="lt")
    before = designer.session
    assert before is not None
    for _ in range(200):
        app.update(1 / 60)
    tutorial_copy.write_text(tutorial_copy.read_text(encoding="utf-8").replace('en = "Northland"', 'en = "Nordmark"', 1), encoding="utf-8")
    app.frame([key(pygame.K_F5)])
    after = designer.session
    assert after is not None and after is not before
    assert (after.setup.seed, after.setup.humans, after.setup.length_id, after.setup.lang) == (11, ("northland",), "short", "lt")
    assert after.state.turn == 0 and not after.actions
    assert after.cs.scenario.delegations[0].name["en"] == "Nordmark"  # type: ignore[index]
    top = app.stack.top
    assert isinstance(top, ConferenceScene) and top.session is after
    # the same seed: the new game starts exactly as a fresh game on the edited file would
    assert after.state.fingerprint() == designer.build().state.fingerprint()
    assert not designer.problems


def test_a_broken_edit_lists_the_problems_and_keeps_the_old_game(make_app, tutorial_copy: Path) -> None:
    app, designer = _open(make_app, tutorial_copy)
    old = designer.session
    scene = app.stack.top
    text = tutorial_copy.read_text(encoding="utf-8")
    tutorial_copy.write_text(text.replace('id = "tolls"', 'id = "tolls"\nbogus = 1', 1), encoding="utf-8")
    app.frame([key(pygame.K_F5)])
    assert designer.session is old and app.stack.top is scene
    assert designer.problems
    problem = designer.problems[0]
    assert problem.file == tutorial_copy and problem.line is not None and "bogus" in problem.path
    surface = app.frame()  # the list is drawn over the game
    assert surface.get_size() == (1280, 720)
    app.frame([key(pygame.K_ESCAPE)])
    assert not designer.problems and app.stack.top is scene  # Esc hid the list, not the game
    # fixed: F5 starts the new game
    tutorial_copy.write_text(text, encoding="utf-8")
    app.frame([key(pygame.K_F5)])
    assert designer.session is not old and not designer.problems


def test_a_game_length_gone_from_the_file_is_a_problem_not_a_crash(make_app, tutorial_copy: Path) -> None:
    _app, designer = _open(make_app, tutorial_copy, length="short")
    text = tutorial_copy.read_text(encoding="utf-8")
    start = text.index("[[calendar.lengths]]")
    end = text.index("minutes = 15", start) + len("minutes = 15")
    tutorial_copy.write_text(text[:start] + text[end:], encoding="utf-8")
    old = designer.session
    assert designer.reload() is False
    assert designer.session is old and designer.problems


def test_a_file_broken_from_the_start_waits_for_f5(make_app, tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("id = 3\n", encoding="utf-8")
    app, designer = _open(make_app, path)
    assert isinstance(app.stack.top, DesignerWaitScene) and designer.problems and designer.session is None
    app.frame()
    shutil.copy(TUTORIAL, path)
    app.frame([key(pygame.K_F5)])
    assert isinstance(app.stack.top, ConferenceScene)


def test_the_panel_is_off_until_f6(make_app, tutorial_copy: Path) -> None:
    app, designer = _open(make_app, tutorial_copy)
    assert not designer.panel
    app.frame([key(pygame.K_F6)])
    assert designer.panel
    app.frame([key(pygame.K_PAGEDOWN), pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1)])
    app.frame([key(pygame.K_F6)])
    assert not designer.panel


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)], ids=["1080p", "720p"])
def test_the_live_panel_draws_for_every_scenario(make_app, path: Path, size: tuple[int, int]) -> None:
    app, designer = _open(make_app, path, size=size, length="full")
    designer.panel = True
    for _ in range(3):
        app.frame(steps=40)
        designer.handle_event(key(pygame.K_END))
        app.frame()
    session = designer.live_session()
    assert session is not None
    view = designer_view(session, app.tr)
    assert [d.id for d in view.delegations] == [d.id for d in session.cs.scenario.delegations]
    for d in view.delegations:
        k = session.cs.d_index[d.id]
        assert len(d.instruments) == sum(1 for parties in session.cs.parties if k in parties)
        for line in d.instruments:
            if not line.status:
                assert line.best is not None and line.aspiration is not None and line.alternative is not None
    assert len(view.relations) == len(view.delegations)


def test_board_cells_tell_the_full_label_on_hover_and_focus(make_app) -> None:
    from game_helpers import GENOA, at_handover, run_until, session_for, start_conference, team_turn, two_humans

    from game.ui.screens.conference.board import BoardArea
    from game.ui.screens.conference.draw import board_cells

    app = make_app(size=(1280, 720))
    session = session_for(GENOA, two_humans(GENOA), length="full")
    conf = start_conference(app, session)
    app.frame()
    assert run_until(app, at_handover)
    app.frame([key(pygame.K_RETURN)])
    assert run_until(app, team_turn)
    app.frame()
    board = next(w for w in conf.focus.widgets if w.key == "board")
    assert isinstance(board, BoardArea) and board.focusable
    issue, option, cell = board_cells(app, board.rect, 0, conf.view.issues)[1]
    row = conf.view.issues[issue]
    tip = board.tooltip_at(cell.center)
    assert tip is not None and row.options[option] in tip and row.title in tip
    if row.details[option]:
        assert row.details[option] in tip
    app.frame([pygame.event.Event(pygame.MOUSEMOTION, pos=cell.center, rel=(0, 0), buttons=(0, 0, 0))], steps=60)
    assert conf.focus.hover_tip == tip
    # keyboard: focus the board, arrows move a cursor whose cell tells its text
    conf.focus.focus("board")
    app.frame([key(pygame.K_DOWN), key(pygame.K_RIGHT)])
    focused = conf.focus.focused
    assert focused is board or (isinstance(focused, BoardArea) and focused.board is board.board)
    got = conf.focus.focused.focus_tip(app)
    assert got is not None and conf.view.issues[0].options[1] in got[0]


def test_the_proposal_form_tells_a_cut_label_in_full_on_focus(make_app) -> None:
    from game_helpers import TUTORIAL, session_for, start_conference

    from game.ui.screens.conference.move_forms import OptionRow
    from game.views.move import OptionCell

    app = make_app(size=(1280, 720))
    start_conference(app, session_for(TUTORIAL))
    long = "An option with a very long label that cannot fit in one small cell of the proposal form at all, however it is wrapped"
    cells = [OptionCell(long, 50.0, (), True, "What it means."), OptionCell("Short", 10.0, (), True)]
    row = OptionRow("issue:x", pygame.Rect(100, 100, 500, 60), "Issue", cells, 0, lambda _k: None)
    row.draw(app.surface, app, True, False)
    tip = row.focus_tip(app)
    assert tip is not None and long in tip[0] and "What it means." in tip[0]
    assert row.tooltip_at(row.cell_rects(app)[1].center) == "Issue: Short"
