"""The setup screen, the teacher's settings card and the teacher's console at every text size, in both languages, at 1280x720 and 1920x1080.

The frame's list of what is drawn (game/ui/kit/registry.py) is checked after each state:
- no two controls on top of each other, none outside the window or over a card's edge;
- no line of text cut ("…"), leaving the box it was drawn into (sideways or down), leaving the
  window, lying partly under a control or partly over a card's edge;
- no text smaller than 2% of the window's height.
A line half scrolled out of a scrolling area is not a fault: scrolling shows it.
"""

from __future__ import annotations

import functools
import math
import re
from pathlib import Path

import pygame
import pytest
from game_helpers import loaded

from game.play.session import Session, SessionSetup
from game.scenario.texts import tr
from game.ui.app import Settings
from game.ui.kit.registry import CONTROLS, Seen, visible
from game.ui.screens.conference.screen import ConferenceScene
from game.ui.screens.setup.screen import SetupScene
from game.ui.screens.setup.teacher_setup import TeacherSetupScene
from game.ui.screens.teacher.console import ConsoleScene
from game.views.setup import SCENARIO_DIR, ScenarioEntry, SetupModel, discover

GENOA = SCENARIO_DIR / "genoa_1922.toml"
SIZES = [(1280, 720), (1920, 1080)]
TEXT = [1.0, 1.5, 1.75, 2.0]
MATRIX = [(size, lang, text) for size in SIZES for lang in ("en", "lt") for text in TEXT]
IDS = [f"{w}-{lang}-{round(t * 100)}" for (w, _), lang, t in MATRIX]


def faults(entries: list[Seen], size: tuple[int, int]) -> list[str]:
    """What is wrong with one frame's layout, in words (empty when nothing is)."""
    out: list[str] = []
    shown = [e for e in entries if not e.covered]
    window = pygame.Rect(0, 0, *size)
    controls = [e for e in shown if e.role in CONTROLS]
    panels = [e for e in shown if e.role == "panel"]
    texts = [e for e in shown if e.role == "text"]
    for k, a in enumerate(controls):
        for b in controls[k + 1 :]:
            if a.pg_rect.colliderect(b.pg_rect) and not (a.role == b.role == "row"):
                out.append(f"{a.role} {a.label!r} overlaps {b.role} {b.label!r}")
        if not window.contains(a.pg_rect):
            out.append(f"{a.role} {a.label!r} outside the window")
        for p in panels:
            if a.pg_rect.colliderect(p.pg_rect) and not p.pg_rect.contains(a.pg_rect):
                out.append(f"{a.role} {a.label!r} crosses the edge of the card {p.label!r}")
    floor = math.ceil(size[1] * 0.02)
    for e in texts:
        r = e.pg_rect
        if e.cut:
            out.append(f"text cut: {e.label!r}")
        if not window.contains(r):
            out.append(f"text outside the window: {e.label!r}")
        if e.px and e.px < floor:
            out.append(f"text of {e.px} px under the floor of {floor} px: {e.label!r}")
        if e.clipped:
            continue  # half scrolled out of a scrolling area: scrolling shows it
        if e.box is not None:
            box = pygame.Rect(e.box)
            if r.left < box.left - 1 or r.right > box.right + 1:
                out.append(f"text leaves its box sideways: {e.label!r}")
            if r.top < box.top - 1 or r.bottom > box.bottom + 1:
                out.append(f"text leaves its box vertically: {e.label!r}")
        for c in controls:
            if r.colliderect(c.pg_rect) and not c.pg_rect.inflate(2, 2).contains(r):
                out.append(f"text {e.label!r} partly under {c.role} {c.label!r}")
        for p in panels:
            if r.colliderect(p.pg_rect) and not p.pg_rect.contains(r):
                out.append(f"text {e.label!r} crosses the edge of the card {p.label!r}")
    return out


def window(make_app, size: tuple[int, int], lang: str, text: float, scene: object):  # type: ignore[no-untyped-def]
    app = make_app(size=size, settings=Settings(lang=lang, text_scale=text), first_scene=scene)
    app.fast = True
    app.comparison_runs = 0
    return app


@functools.cache
def scenarios() -> tuple[list[ScenarioEntry], list[tuple[Path, str]]]:
    """The shipped scenarios, read once for the whole module (a setup model copies the lists it is given)."""
    return discover(SCENARIO_DIR)


def setup_model(lang: str, teams: tuple[str, ...]) -> SetupModel:
    good, broken = scenarios()
    model = SetupModel(list(good), list(broken), lang=lang, seed=999_999)  # the widest seed a new game draws
    model.select(next(i for i, e in enumerate(model.scenarios) if e.path == GENOA))
    for did in teams:
        model.toggle(did, True)
    return model


@pytest.mark.parametrize(("size", "lang", "text"), MATRIX, ids=IDS)
def test_the_setup_screen_fits_at_every_size(make_app, size: tuple[int, int], lang: str, text: float) -> None:  # type: ignore[no-untyped-def]
    found: dict[str, list[str]] = {}
    for state, teams in (("two teams", ("germany", "soviet")), ("no teams", ())):
        app = window(make_app, size, lang, text, SetupScene(setup_model(lang, teams)))
        app.frame()
        found[state] = faults(visible(), size)
        scene = app.stack.top
        assert isinstance(scene, SetupScene)
        scene._activate_item(len(scene.m.scenarios))  # "Open file…": the path form instead of the scenario's details
        app.frame()
        found[f"{state}, open a file"] = faults(visible(), size)
    assert {k: v for k, v in found.items() if v} == {}


@pytest.mark.parametrize(("size", "lang", "text"), MATRIX, ids=IDS)
def test_the_teachers_settings_fit_at_every_size_for_every_delegation(make_app, size: tuple[int, int], lang: str, text: float) -> None:  # type: ignore[no-untyped-def]
    model = setup_model(lang, ("germany", "soviet"))
    app = window(make_app, size, lang, text, SetupScene(model))
    card = TeacherSetupScene(model)
    app.push(card)
    found: dict[str, list[str]] = {}
    for k, d in enumerate(card.delegations()):
        card._pick(k)
        app.frame()
        found[d.id] = faults(visible(), size)
        assert len(card.aim_rects) == len(d.aims), d.id  # every aim has its weight on the card
    assert {k: v for k, v in found.items() if v} == {}


def test_the_setup_summary_says_sittings_minutes_and_teams_whole_at_175_percent(make_app) -> None:  # type: ignore[no-untyped-def]
    """The line that was cut to "8 sittings · about 45 minutes wi…" (issue #15)."""
    app = window(make_app, (1280, 720), "en", 1.75, SetupScene(setup_model("en", ("germany", "soviet"))))
    app.frame()
    lines = " ".join(e.label for e in visible() if e.role == "text" and not e.cut)
    assert "8 sittings · about 45 minutes with 2 teams" in lines
    assert "Teams: 2 · AI: 5" in lines


@pytest.mark.parametrize("teams", [(), ("germany",), ("germany", "soviet", "britain")])
def test_the_setup_gives_one_lesson_length_not_two(make_app, teams: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    """The length choice reads "Short lesson"; only the summary gives minutes, for the teams chosen (the
    scenario's "(8 sittings, about 45 minutes)" assumes two teams and once stood beside "about 40 minutes")."""
    app = window(make_app, (1920, 1080), "en", 1.0, SetupScene(setup_model("en", teams)))
    app.frame()
    labels = [e.label for e in visible() if not e.cut]
    assert "Short lesson" in labels
    assert sum(len(re.findall(r"about \d+ minutes", label)) for label in labels) == 1, labels


@pytest.mark.parametrize(("size", "lang", "text"), MATRIX, ids=IDS)
def test_the_teacher_console_fits_at_every_size(make_app, size: tuple[int, int], lang: str, text: float) -> None:  # type: ignore[no-untyped-def]
    session = Session(loaded(GENOA), SessionSetup(str(GENOA), lang, ("germany", "soviet"), "short", 5))
    conference = ConferenceScene(session)
    app = window(make_app, size, lang, text, conference)
    app.frame()
    console = ConsoleScene(conference)
    app.push(console)
    found: dict[str, list[str]] = {}
    events = console.room.optional_events(lang)
    assert len(events) >= 2
    for k, event in enumerate(events):
        console._pick_event(k)
        app.frame()
        found[event.title] = faults(visible(), size)
        shown = " ".join(e.label for e in visible() if e.role == "text" and not e.clipped)
        assert event.text.split()[0] in shown, event.title  # the chosen event's text is on the screen
    console._fire()
    app.frame()
    found["after firing"] = faults(visible(), size)
    assert any(e.label.startswith(console.message[:12]) for e in visible() if e.role == "text"), console.message
    assert {k: v for k, v in found.items() if v} == {}


def test_the_teachers_settings_change_a_weight_and_set_it_back(make_app) -> None:  # type: ignore[no-untyped-def]
    """The converted card still does its job: an aim's Choice changes the weight, the reset button restores them all."""
    model = setup_model("en", ("germany",))
    app = window(make_app, (1280, 720), "en", 1.0, SetupScene(model))
    card = TeacherSetupScene(model)
    app.push(card)
    d = card.delegations()[0]
    aim = d.aims[0]
    card.focus.focus(f"aim:{aim.id}")
    app.frame([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RIGHT, mod=0, unicode="", scancode=0)])
    assert model.classroom.weight(d, aim.id) > aim.weight
    shown = " ".join(e.label for e in visible() if e.role == "text")
    assert tr(aim.text, "en").split()[0] in shown and "(scenario: " in shown  # the changed aim says the scenario's weight
    card.focus.focus("reset")
    app.frame([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r", scancode=0)])
    assert model.classroom.weight(d, aim.id) == aim.weight and not model.classroom.weights


TIGHT = [((1280, 720), "lt", 1.75), ((1920, 1080), "lt", 2.0), ((1280, 720), "en", 2.0)]


@pytest.mark.parametrize("scenario", ["tutorial.toml", "genoa_1922_us_at_table.toml", "washington_1921.toml"])
@pytest.mark.parametrize(("size", "lang", "text"), TIGHT, ids=["1280-lt-175", "1920-lt-200", "1280-en-200"])
def test_other_scenarios_fit_at_the_tightest_sizes(make_app, scenario: str, size: tuple[int, int], lang: str, text: float) -> None:  # type: ignore[no-untyped-def]
    """Long leaders' names (the tutorial), eight delegations (the US at the table), long event titles (Washington)."""
    good, broken = scenarios()
    model = SetupModel(list(good), list(broken), lang=lang, seed=999_999)
    model.select(next(i for i, e in enumerate(model.scenarios) if e.path.name == scenario))
    teams = tuple(d.id for d in model.playable()[:2])
    for did in teams:
        model.toggle(did, True)
    app = window(make_app, size, lang, text, SetupScene(model))
    app.frame()
    found = {"setup": faults(visible(), size)}
    entry = model.entry
    assert entry is not None
    length = "short" if any(o.id == "short" for o in model.lengths()) else model.lengths()[0].id
    session = Session(entry.loaded, SessionSetup(str(entry.path), lang, teams, length, 5))
    conference = ConferenceScene(session)
    app.stack.reset(conference)
    app.frame()
    console = ConsoleScene(conference)
    app.push(console)
    for k, event in enumerate(console.room.optional_events(lang)):
        console._pick_event(k)
        app.frame()
        found[f"console, {event.title}"] = faults(visible(), size)
    assert {k: v for k, v in found.items() if v} == {}


@pytest.mark.parametrize(("lang", "text"), [("lt", 1.75), ("lt", 2.0), ("en", 1.75)])
def test_each_delegation_row_shows_both_team_and_ai_at_large_text(make_app, lang: str, text: float) -> None:  # type: ignore[no-untyped-def]
    """A row that showed only "DI" (Lithuanian at 175% on 1280x720, where "Didžioji Britanija" did not fit on one
    line beside both states) did not tell a teacher that it switches, nor to what: a long name now takes two lines
    and every row shows both words, the chosen one filled."""
    app = window(make_app, (1280, 720), lang, text, SetupScene(setup_model(lang, ("germany",))))
    app.frame()
    shown = visible()
    team, ai = app.t("Team"), app.t("AI")
    rows = [e for e in shown if e.role == "toggle"]
    assert len(rows) >= 4
    for row in rows:
        words = {e.label for e in shown if e.role == "text" and row.pg_rect.contains(e.pg_rect) and not e.cut}
        assert {team, ai} <= words, f"{row.label}: {sorted(words)}"
    assert faults(shown, (1280, 720)) == []
