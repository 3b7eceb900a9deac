"""`plenipo play`: wires the window to the engine (sessions, saves) and starts it.

The app knows nothing of the engine; this module gives it the hooks: what
"Begin the conference" starts, whether a game can be continued, and how.
`--autoplay` skips the setup for an all-AI show; `--designer FILE` opens a game on
that file at once, with F5 to reload it (see game/ui/screens/designer.py); `--screenshots DIR` and
`--exit-at-end` make the whole run scriptable headless (SDL_VIDEODRIVER=dummy).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from game.play.saves import SaveError, autosave_path, load_save
from game.play.session import Session, SessionSetup
from game.resources import NoSuchScenario, find_scenario
from game.scenario.errors import ScenarioError
from game.scenario.loader import load
from game.ui.kit.options import WindowError, WindowOptions
from game.views.setup import SCENARIO_DIR, GameSetup, SetupModel, discover

DEFAULT_SCENARIO = "genoa_1922"


def new_session(setup: GameSetup) -> Session:
    """A fresh game from the setup screen's choices."""
    loaded = load(setup.scenario_path)
    return Session(
        loaded,
        SessionSetup(
            str(setup.scenario_path),
            setup.lang,
            setup.humans,
            setup.length_id,
            setup.seed,
            setup.aim_weights,
            setup.teacher_pin,
            setup.turn_minutes,
            setup.auto_pass,
        ),
    )


def conference_for(session: Session):  # type: ignore[no-untyped-def]
    from game.ui.screens.conference.saveload import resumed_conference

    return resumed_conference(session)  # a new game announces its opening; a continued one opens as it stood


def begin(setup: GameSetup):  # type: ignore[no-untyped-def]
    return conference_for(new_session(setup))


def has_autosave() -> bool:
    return autosave_path().is_file()


def continue_autosave():  # type: ignore[no-untyped-def]
    """Resume the autosaved game; a damaged autosave gets a message screen and is left as it is."""
    from game.ui.screens.conference.saveload import MessageScene

    try:
        loaded = load_save(autosave_path())
    except SaveError as err:
        return MessageScene(str(err))
    scene = conference_for(loaded.session)
    if loaded.scenario_changed:  # the teacher must know the game goes on under an edited scenario
        from game.i18n import Translator

        scene.message = Translator(loaded.session.setup.lang).t("Note: the scenario file has changed since this game was saved.")
    return scene


def resolve_scenario(name: str | None) -> Path:
    """A scenario file from a path or a shipped scenario's id (default: Genoa); the CLI's lookup too.

    NoSuchScenario (naming the shipped ones) when it is neither."""
    return find_scenario(name or DEFAULT_SCENARIO)


def setup_model(args: WindowOptions, scenario: Path) -> SetupModel:
    """The setup screen preset from the command line (scenario, teams, seed, length, language)."""
    good, broken = discover(SCENARIO_DIR)
    model = SetupModel(good, broken, lang=args.lang or "en", seed=args.seed)
    paths = [e.path.resolve() for e in model.scenarios]
    if scenario.resolve() in paths:
        model.select(paths.index(scenario.resolve()))
    else:
        model.open_file(str(scenario))
    model.set_lang(args.lang or "en")
    for did in args.human or []:
        model.toggle(did, True)
    if args.length:
        model.set_length(args.length)
    return model


def run_window(args: WindowOptions) -> int:
    """Open the game window; returns the exit status. WindowError if it cannot open as asked."""
    start = time.perf_counter()
    name = getattr(args, "designer", None) or args.scenario
    try:
        scenario = resolve_scenario(str(name) if name else None)
    except NoSuchScenario as err:
        raise WindowError(str(err)) from None
    from game.ui.app import App, NoDisplayError, Settings

    commands = None
    script = getattr(args, "script", None)
    if script is not None:
        from game.ui.script_lang import ScriptSyntaxError, parse_file

        try:
            commands = parse_file(Path(script))
        except ScriptSyntaxError as err:
            raise WindowError(str(err)) from None
    lang = args.lang or "en"
    first = None
    designer = None
    if getattr(args, "designer", None):
        from game.ui.screens.designer import Designer

        seed = args.seed if args.seed is not None else int.from_bytes(os.urandom(3), "big")
        designer = Designer(scenario, SessionSetup(str(scenario), lang, tuple(args.human or ()), args.length or "full", seed))
        first = designer.first_scene()
    elif args.autoplay:
        try:
            loaded = load(scenario)
        except ScenarioError as err:
            raise WindowError(f"{scenario}: {err}") from None
        seed = args.seed if args.seed is not None else int.from_bytes(os.urandom(3), "big")
        length = args.length or "full"
        session = Session(loaded, SessionSetup(str(scenario), lang, (), length, seed))
        first = conference_for(session)
    else:
        from game.ui.screens.setup.screen import SetupScene

        first = SetupScene(setup_model(args, scenario))
    try:
        app = App(
            settings=Settings(lang=lang),
            on_begin=begin,
            has_save=has_autosave,
            on_continue=continue_autosave,
            screenshot_dir=None if commands is not None else args.screenshots,
            first_scene=first,
        )
    except NoDisplayError as err:
        print(f"plenipo: no display available ({err}); try `plenipo simulate` for a game without a window", file=sys.stderr)
        return 1
    if designer is not None:
        designer.attach(app)
    from game.ui.screens.teacher.tools import install, uninstall

    install(app)  # the teacher's console (T), pause and turn timers
    app.exit_at_end = bool(args.exit_at_end)
    app.fast = os.environ.get("SDL_VIDEODRIVER") in ("dummy", "offscreen") and bool(args.autoplay or args.exit_at_end)
    app.started = start
    try:
        if commands is not None:  # a UI script plays the window instead of a person (headless with the dummy driver)
            from game.ui.script import ScriptRun

            app.fast = True
            return ScriptRun(app, commands, str(script), shots=args.screenshots).run()
        app.run()
        return 0
    finally:
        uninstall(app)  # the console's hooks live in the conference module: a second window in this process starts clean
        import pygame

        pygame.quit()
