"""The setup screen and the teacher's console at every text size, in both languages, at 1280x720 and 1920x1080.

The frame's list of what is drawn (game/ui/kit/registry.py) is checked after each state:
- no two controls on top of each other, none outside the window or over a card's edge;
- no line of text cut ("…"), leaving the box it was drawn into (sideways or down), leaving the
  window, lying partly under a control or partly over a card's edge;
- no text smaller than 2% of the window's height.
A line half scrolled out of a scrolling area is not a fault: scrolling shows it.
"""

from __future__ import annotations

import math

import pygame
import pytest

from game.play.session import Session, SessionSetup
from game.scenario.loader import load
from game.ui.app import Settings
from game.ui.kit.registry import CONTROLS, Seen, visible
from game.ui.screens.conference.screen import ConferenceScene
from game.ui.screens.setup.screen import SetupScene
from game.ui.screens.teacher.console import ConsoleScene
from game.views.setup import SCENARIO_DIR, SetupModel, discover

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


def setup_model(lang: str, teams: tuple[str, ...]) -> SetupModel:
    good, broken = discover(SCENARIO_DIR)
    model = SetupModel(good, broken, lang=lang)
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


def test_the_setup_summary_says_sittings_minutes_and_teams_whole_at_175_percent(make_app) -> None:  # type: ignore[no-untyped-def]
    """The line that was cut to "8 sittings · about 45 minutes wi…" (issue #15)."""
    app = window(make_app, (1280, 720), "en", 1.75, SetupScene(setup_model("en", ("germany", "soviet"))))
    app.frame()
    lines = " ".join(e.label for e in visible() if e.role == "text" and not e.cut)
    assert "8 sittings · about 45 minutes with 2 teams" in lines
    assert "Teams: 2 · AI: 5" in lines


@pytest.mark.parametrize(("size", "lang", "text"), MATRIX, ids=IDS)
def test_the_teacher_console_fits_at_every_size(make_app, size: tuple[int, int], lang: str, text: float) -> None:  # type: ignore[no-untyped-def]
    session = Session(load(GENOA), SessionSetup(str(GENOA), lang, ("germany", "soviet"), "short", 5))
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
