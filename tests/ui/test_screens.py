"""Every screen draws for every shipped scenario; keyboard alone goes from setup to the seam."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from ui_helpers import SCENARIOS, key, text

from game.ui.app import App, Settings, save_screenshot
from game.ui.kit.scene import Scene
from game.ui.screens.conference.pause import PauseScene, SettingsScene
from game.ui.screens.intro import IntroScene
from game.ui.screens.setup.screen import SetupScene
from game.views.setup import GameSetup


def setup_scene(app: App) -> SetupScene:
    scene = app.stack.top
    assert isinstance(scene, SetupScene)
    return scene


def select_scenario(app: App, path: Path) -> SetupScene:
    scene = setup_scene(app)
    index = [e.path for e in scene.m.scenarios].index(path)
    scene._pick(index)
    return scene


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("settings", [Settings(), Settings(lang="lt", high_contrast=True, text_scale=2.0)], ids=["en", "lt-hc-200"])
def test_setup_intro_and_pause_draw_for_every_scenario(make_app, path: Path, size: tuple[int, int], settings: Settings) -> None:
    app = make_app(size=size, settings=settings)
    scene = select_scenario(app, path)
    for d in scene.m.playable()[:2]:
        scene._toggle(d.id, True)
    assert app.frame().get_size() == size
    scene._start()
    assert isinstance(app.stack.top, IntroScene)
    app.frame([key(pygame.K_PAGEDOWN), key(pygame.K_END)])
    app.frame([key(pygame.K_ESCAPE)])
    assert isinstance(app.stack.top, PauseScene)
    app.push(SettingsScene())
    app.frame()


def test_keyboard_alone_reaches_start_and_the_engine_seam(make_app) -> None:
    got: list[GameSetup] = []

    def on_begin(setup: GameSetup) -> Scene | None:
        got.append(setup)
        return None

    app = make_app(on_begin=on_begin)
    scene = setup_scene(app)
    app.frame()
    for _ in range(60):
        if scene.focus.focus_key == "start":
            break
        app.frame([key(pygame.K_TAB)])
    assert scene.focus.focus_key == "start"
    app.frame([key(pygame.K_RETURN)])
    intro = app.stack.top
    assert isinstance(intro, IntroScene)
    assert intro.focus.focus_key == "begin"
    app.frame([key(pygame.K_RETURN)])
    assert len(got) == 1 and got[0].scenario_path == scene.m.entry.path  # type: ignore[union-attr]
    assert isinstance(app.stack.top, SetupScene)  # no game scene yet: back to setup


def test_on_begin_may_hand_back_the_first_game_scene(make_app) -> None:
    class Conference(Scene):
        name = "conference"

    app = make_app(on_begin=lambda setup: Conference())
    setup_scene(app)._start()
    app.frame([key(pygame.K_RETURN)])
    assert isinstance(app.stack.top, Conference) and len(app.stack) == 1


def test_arrows_and_typing_change_the_choices(make_app) -> None:
    app = make_app()
    scene = setup_scene(app)
    scene.focus.focus("seed")
    app.frame([key(pygame.K_BACKSPACE, pygame.KMOD_CTRL), text("12x3"), key(pygame.K_1, unicode="1")])
    assert scene.m.seed_text == "123"
    first = scene.m.playable()[0].id
    scene.focus.focus(f"del:{first}")
    app.frame([key(pygame.K_RETURN)])
    assert first in scene.m.humans
    app.frame([key(pygame.K_RIGHT)])
    assert first not in scene.m.humans
    scene.focus.focus("length")
    before = scene.m.length_id
    app.frame([key(pygame.K_RIGHT)])
    assert scene.m.length_id != before or len(scene.m.lengths()) == 1


def test_choosing_lithuanian_switches_the_whole_interface(make_app) -> None:
    app = make_app()
    scene = select_scenario(app, next(p for p in SCENARIOS if p.stem == "tutorial"))
    scene.focus.focus("language")
    app.frame([key(pygame.K_RIGHT)])
    assert scene.m.lang == "lt" and app.settings.lang == "lt"
    start = next(w for w in scene.focus.widgets if w.key == "start")
    assert start.label == "Pradėti"  # type: ignore[attr-defined]


def test_continue_is_enabled_only_when_a_save_exists(make_app) -> None:
    app = make_app()
    assert not next(w for w in setup_scene(app).focus.widgets if w.key == "continue").enabled
    pygame.display.quit()
    app = make_app(has_save=lambda: True, on_continue=lambda: None)
    assert next(w for w in setup_scene(app).focus.widgets if w.key == "continue").enabled


def test_escape_opens_the_pause_menu_and_closes_it(make_app) -> None:
    app = make_app()
    app.frame([key(pygame.K_ESCAPE)])
    assert isinstance(app.stack.top, PauseScene)
    app.frame([key(pygame.K_ESCAPE)])
    assert isinstance(app.stack.top, SetupScene)


def test_settings_apply_at_once_and_keep_the_choices(make_app) -> None:
    app = make_app()
    scene = setup_scene(app)
    scene.m.set_seed_text("4242")
    app.push(PauseScene())
    app.push(SettingsScene())
    settings = app.stack.top
    settings.focus.focus("size")  # type: ignore[union-attr]
    app.frame([key(pygame.K_RIGHT)])
    assert app.settings.text_scale == 1.25 and app.layout.text_scale == 1.25
    settings.focus.focus("contrast")  # type: ignore[union-attr]
    app.frame([key(pygame.K_RETURN)])
    assert app.theme.high_contrast
    app.frame([key(pygame.K_ESCAPE), key(pygame.K_ESCAPE)])
    assert app.stack.top is scene and scene.m.seed_text == "4242"


def test_f11_toggles_full_screen_and_resizing_relayouts(make_app) -> None:
    app = make_app()
    app.frame([key(pygame.K_F11)])
    assert app.settings.fullscreen
    app.frame([key(pygame.K_F11)])
    assert not app.settings.fullscreen
    app.frame([pygame.event.Event(pygame.VIDEORESIZE, w=1600, h=900, size=(1600, 900))])
    assert app.layout.width == app.surface.get_width()


def test_quit_to_setup_and_quit(make_app) -> None:
    app = make_app()
    setup_scene(app)._start()
    app.frame([key(pygame.K_ESCAPE)])
    pause = app.stack.top
    next(w for w in pause.focus.widgets if w.key == "to_setup").on_click()  # type: ignore[union-attr]
    assert isinstance(app.stack.top, SetupScene) and len(app.stack) == 1
    app.frame([pygame.event.Event(pygame.QUIT)])
    assert not app.running


def test_screenshots_are_saved_once_per_screen(make_app, tmp_path: Path) -> None:
    app = make_app(screenshot_dir=tmp_path)
    app.frame()
    app.frame()
    setup_scene(app)._start()
    app.frame()
    app.capture("after_turn_1")
    app.frame()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["after_turn_1.png", "introduction.png", "setup.png"]
    assert save_screenshot(app.surface, tmp_path / "x", "a/b").name == "a_b.png"


def test_run_loop_draws_max_frames_then_returns_still_running(make_app) -> None:
    app = make_app()
    drawn: list[int] = []
    draw = app.draw
    app.draw = lambda: (drawn.append(1), draw())[1]  # type: ignore[method-assign]
    app.run(max_frames=3)
    assert len(drawn) == 3
    assert app.running and app.first_frame_seconds is not None


def test_run_loop_ends_on_the_window_close_event(make_app) -> None:
    app = make_app()
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    app.run(max_frames=100)
    assert not app.running


def test_random_input_never_crashes_the_setup_screen(make_app) -> None:
    import random

    rng = random.Random(1922)
    app = make_app(size=(1280, 720))
    keys = [
        pygame.K_TAB,
        pygame.K_UP,
        pygame.K_DOWN,
        pygame.K_LEFT,
        pygame.K_RIGHT,
        pygame.K_RETURN,
        pygame.K_SPACE,
        pygame.K_BACKSPACE,
        pygame.K_PAGEDOWN,
        pygame.K_HOME,
        pygame.K_END,
        pygame.K_ESCAPE,
    ]
    seen: set[str] = set()
    for _ in range(1500):
        roll = rng.random()
        if roll < 0.5:
            ev = key(rng.choice(keys))
        elif roll < 0.6:
            ev = text(rng.choice("0123456789abc/."))
        elif roll < 0.9:
            pos = (rng.randrange(1280), rng.randrange(720))
            ev = pygame.event.Event(rng.choice([pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP]), pos=pos, button=1)
        else:
            ev = pygame.event.Event(pygame.MOUSEMOTION, pos=(rng.randrange(1280), rng.randrange(720)), rel=(0, 0), buttons=(0, 0, 0))
        app.handle_event(ev)
        if not app.running:  # the only way out of setup is the pause menu's "Quit Plenipo"; keep going after it
            assert isinstance(app.stack.top, PauseScene), f"quit from {type(app.stack.top).__name__} on {ev}"
            app.running = True
        seen.add(type(app.stack.top).__name__)
        app.update(1 / 60)
        if rng.random() < 0.05:
            app.draw()
    app.draw()
    assert {"SetupScene", "PauseScene"} <= seen, seen  # the input reached the pause menu, where quitting is possible
