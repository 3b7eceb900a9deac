"""Every screen of a team's turn at text size 100%, 150% and 200%: no controls on top of each other, no text out of its box.

The screens are reached the way a class reaches them, by a UI script; after
each step the frame's list of what is drawn (game/ui/kit/registry.py) is checked:
- no two controls (buttons, toggles, choices, fields, options) of the screen on top overlap;
- no line of text leaves the rectangle it was drawn into, and none is shortened with "…"
  (a line half scrolled out of a scrolling area is not a fault: scrolling shows it);
- on the conference screen every line of text is at least 2% of the window height, and the
  delegation code letters at least 1.5%.
"""

from __future__ import annotations

import math

import pytest

from game.ui.kit.registry import CONTROLS, Seen, visible
from game.ui.script import ScriptRun
from game.ui.script_lang import parse

#: Each block reaches a screen; the name is what a failure reports.
STEPS = """
setup teams=germany,soviet length=short seed=1922 lang={lang}
#screen setup
click "{start}"
#screen introduction
click "{begin}"
wait ai
#screen hand-over
click "{ready}"
#screen team view
key p
#screen proposal form
key escape
key s
#screen position form
key escape
key m
#screen statement form
key escape
key b
#screen briefing
key escape
key p
click "{plenary}"
#screen private proposal form
click "{propose_ok}"
#screen move made
key return
wait ai
key return
#screen inbox
click "{accept}"
#screen answered
key n
#screen pass
"""

#: The screens of a team's turn (the setup screen and the introduction are walked through but judged elsewhere).
TURN = (
    "hand-over",
    "team view",
    "proposal form",
    "position form",
    "statement form",
    "briefing",
    "private proposal form",
    "move made",
    "inbox",
    "answered",
    "pass",
)

WORDS = {
    "en": {
        "start": "Start",
        "begin": "Begin the conference",
        "ready": "We are ready",
        "plenary": "Plenary (everyone)",
        "propose_ok": "Propose",
        "accept": "Accept",
    },
    "lt": {
        "start": "Pradėti",
        "begin": "Pradėti konferenciją",
        "ready": "Esame pasiruošę",
        "plenary": "Plenarinis (visiems)",
        "propose_ok": "Siūlyti",
        "accept": "Priimti",
    },
}


def problems(entries: list[Seen], height: int, conference: bool) -> list[str]:
    """What is wrong with one frame's layout, in words (empty when nothing is)."""
    out = []
    shown = [e for e in entries if not e.covered]
    controls = [e for e in shown if e.role in CONTROLS]
    for k, a in enumerate(controls):
        for b in controls[k + 1 :]:
            if a.pg_rect.colliderect(b.pg_rect) and not (a.role == b.role == "row"):
                out.append(f"{a.role} {a.label!r} overlaps {b.role} {b.label!r}")
    for e in shown:
        if e.role != "text":
            continue
        if e.cut:
            out.append(f"text cut: {e.label!r}")
        if e.box is not None:
            box = e.pg_rect.__class__(e.box)
            r = e.pg_rect
            if r.left < box.left - 1 or r.right > box.right + 1:
                out.append(f"text leaves its box sideways: {e.label!r}")
    if conference:
        floor = math.ceil(height * 0.02)
        small = sorted({e.px for e in shown if e.role == "text" and e.px})
        if small and small[0] < floor:
            out.append(f"text of {small[0]} px on the conference screen (floor {floor} px at {height} lines)")
    return out


def walk(make_app, lang: str, size: str, text: int) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    from test_ui_scripts import _app

    app = _app(make_app)
    script = STEPS.format(lang=lang, **WORDS[lang])
    run = ScriptRun(app, parse(f"setup size={size} text={text}\n"), "layout")
    assert run.run() == 0
    found: dict[str, list[str]] = {}
    height = int(size.split("x")[1])
    for line in script.splitlines():
        if line.startswith("#screen "):
            name = line.removeprefix("#screen ")
            found[name] = problems(visible(), height, name in ("team view", "inbox", "answered"))
            continue
        cmds = parse(line)
        for cmd in cmds:
            run.step(cmd)
    return found


@pytest.mark.parametrize("text", [100, 150, 200])
def test_a_turn_has_nothing_overlapping_or_cut_at_every_text_size(make_app, text: int) -> None:
    found = walk(make_app, "en", "1280x720", text)
    assert {k: v for k, v in found.items() if v and k in TURN} == {}


def test_a_lithuanian_turn_at_1920_and_175_percent(make_app) -> None:
    found = walk(make_app, "lt", "1920x1080", 175)
    assert {k: v for k, v in found.items() if v and k in TURN} == {}
