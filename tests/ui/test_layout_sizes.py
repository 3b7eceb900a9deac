"""Every screen of a team's turn and every debrief page, at text size 100%, 150%, 175% and 200%, in English and
Lithuanian, at 1280×720 and 1920×1080: no controls on top of each other, no text out of its box, nothing outside the window.

The screens are reached the way a class reaches them, by a UI script; after
each step the frame's list of what is drawn (game/ui/kit/registry.py) is checked:
- no two controls (buttons, toggles, choices, fields, options) of the screen on top overlap;
- no line of text leaves the rectangle it was drawn into, sideways or at the bottom, and none is shortened
  with "…" (a line half scrolled out of a scrolling area is not a fault: scrolling shows it);
- no line of text is drawn over another line, or over a control it is not the label of;
- nothing is drawn outside the window;
- on the conference screen every line of text is at least 2% of the window height, and the
  delegation code letters at least 1.5%.
"""

from __future__ import annotations

import math

import pygame
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
key k
#screen talks form
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
key return
#screen pass made
key return
key t
click "{end_now}"
click "{end_it}"
wait outcome
#screen outcome 1
key 2
#screen outcome 2
key page down
#screen outcome 2 read on
key 3
#screen outcome 3
key 4
#screen outcome 4
key 5
#screen outcome 5
key 6
#screen outcome 6
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
    "talks form",
    "pass made",
)

#: The debrief's pages, reached by the teacher ending the conference from the console.
OUTCOME = ("outcome 1", "outcome 2", "outcome 2 read on", "outcome 3", "outcome 4", "outcome 5", "outcome 6")

WORDS = {
    "en": {
        "start": "Start",
        "begin": "Begin the conference",
        "ready": "We are ready",
        "plenary": "Plenary (everyone)",
        "propose_ok": "Propose",
        "accept": "Accept",
        "end_now": "End the conference now…",
        "end_it": "End it now",
    },
    "lt": {
        "start": "Pradėti",
        "begin": "Pradėti konferenciją",
        "ready": "Esame pasiruošę",
        "plenary": "Plenarinis (visiems)",
        "propose_ok": "Siūlyti",
        "accept": "Priimti",
        "end_now": "Baigti konferenciją dabar…",
        "end_it": "Baigti dabar",
    },
}


def problems(entries: list[Seen], height: int, conference: bool, width: int = 0) -> list[str]:
    """What is wrong with one frame's layout, in words (empty when nothing is)."""
    out = []
    shown = [e for e in entries if not e.covered]
    controls = [e for e in shown if e.role in CONTROLS]
    for k, a in enumerate(controls):
        for b in controls[k + 1 :]:
            if a.pg_rect.colliderect(b.pg_rect) and not (a.role == b.role == "row"):
                out.append(f"{a.role} {a.label!r} overlaps {b.role} {b.label!r}")
    texts = [e for e in shown if e.role == "text"]
    for e in texts:
        if e.cut:
            out.append(f"text cut: {e.label!r}")
        if e.box is not None:
            box = e.pg_rect.__class__(e.box)
            r = e.pg_rect
            if r.left < box.left - 1 or r.right > box.right + 1:
                out.append(f"text leaves its box sideways: {e.label!r}")
            if r.top < box.top - 2 or r.bottom > box.bottom + 2:
                out.append(f"text leaves its box at the {'top' if r.top < box.top - 2 else 'bottom'}: {e.label!r}")
    # text drawn over other text (two lines on top of each other), counted once per pair
    for k, a in enumerate(texts):
        for b in texts[k + 1 :]:
            if a.clipped or b.clipped:
                continue
            clash = a.pg_rect.clip(b.pg_rect)
            if clash.width > 4 and clash.height > 0.4 * min(a.pg_rect.height, b.pg_rect.height):
                out.append(f"text {a.label!r} is drawn over text {b.label!r}")
    # text drawn over a control it does not belong to (its own label lies inside the control)
    for e in texts:
        if e.clipped:
            continue
        for c in controls:
            if c.pg_rect.contains(e.pg_rect) or not c.pg_rect.colliderect(e.pg_rect):
                continue
            clash = c.pg_rect.clip(e.pg_rect)
            if clash.width > 4 and clash.height > 0.4 * e.pg_rect.height:
                out.append(f"text {e.label!r} is drawn over {c.role} {c.label!r}")
    if width:
        window = pygame.Rect(0, 0, width, height)
        out += [f"{e.role} {e.label!r} is outside the window" for e in shown if not e.clipped and not window.contains(e.pg_rect)]
    if conference:
        floor = math.ceil(height * 0.02)
        small = sorted({e.px for e in shown if e.role == "text" and e.px})
        if small and small[0] < floor:
            out.append(f"text of {small[0]} px on the conference screen (floor {floor} px at {height} lines)")
    return out


#: Window and text sizes a projector lesson is played at, where every move and answer button must show its key.
PROJECTOR = (("lt", "1920x1080", 175), ("lt", "1280x720", 175), ("en", "1920x1080", 175), ("en", "1280x720", 175), ("en", "1280x720", 100))


def missing_keys(screen: str, entries: list[Seen], keys_note: str = "") -> list[str]:
    """A projector shows no tooltips, so a key that is not on its button is not known to the class: the team
    view's seven moves and the inbox's answers keep theirs ("Pareiškimas (M)" takes room "Siūlyti (P)" can
    spare; equal widths dropped the keys of the three longest Lithuanian moves at 175%). Where the answers
    have no room for their keys, the inbox's note (`keys_note`) must name them on the screen instead."""
    buttons = [e for e in entries if e.role == "button" and not e.covered]
    if screen == "team view":
        return [f"no key on the {k} move" for k in "BPSMKWN" if not any(e.label.endswith(f"({k})") for e in buttons)]
    if screen == "inbox":
        keys = {e.label[-2] for e in buttons if e.item and e.label.endswith(")")}
        shown = " ".join(e.label for e in entries if e.role == "text" and not e.clipped)
        if keys_note and keys_note in shown:
            return []
        return [f"no key on the {k} answer" for k in "AR" if k not in keys]
    return []


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
            found[name] = problems(visible(), height, name in ("team view", "inbox", "answered"), int(size.split("x")[0]))
            if (lang, size, text) in PROJECTOR:
                found[name] += missing_keys(name, visible(), app.t("Answering does not end your turn. A, R and C answer the proposal shown."))
            continue
        cmds = parse(line)
        for cmd in cmds:
            run.step(cmd)
    return found


@pytest.mark.parametrize("size", ["1280x720", "1920x1080"])
@pytest.mark.parametrize("lang", ["en", "lt"])
@pytest.mark.parametrize("text", [100, 150, 175, 200])
def test_a_turn_and_the_debrief_have_nothing_overlapping_cut_or_outside_at_every_size(make_app, text: int, lang: str, size: str) -> None:
    found = walk(make_app, lang, size, text)
    judged = ("introduction", *TURN, *OUTCOME)
    assert set(judged) <= set(found)  # every screen was reached
    assert {k: v for k, v in found.items() if v and k in judged} == {}


def test_the_checks_catch_text_below_its_box_text_over_text_and_things_outside_the_window() -> None:
    ok = Seen("Proposals", "text", (10, 10, 100, 20), box=(10, 10, 120, 22))
    assert problems([ok], 720, False, 1280) == []
    low = Seen("Rusijos klausimo", "text", (10, 100, 100, 20), box=(10, 90, 120, 22))
    assert any("at the bottom" in x for x in problems([low], 720, False, 1280))
    under = Seen("Dar 1 pasiūlymas", "text", (20, 104, 100, 20))
    assert any("is drawn over text" in x for x in problems([low, under], 720, False, 1280))
    button = Seen("Older", "button", (60, 95, 80, 40))
    assert any("drawn over button 'Older'" in x for x in problems([under, button], 720, False, 1280))
    outside = Seen("Menu", "button", (1250, 10, 80, 40))
    assert any("outside the window" in x for x in problems([outside], 720, False, 1280))


@pytest.mark.parametrize(("lang", "size", "text"), [("lt", "1280x720", 175), ("lt", "1280x720", 200), ("en", "1920x1080", 175)])
def test_the_seat_names_stay_inside_the_table_panel_at_large_text(make_app, lang: str, size: str, text: int) -> None:
    from test_ui_scripts import _app

    from game.ui.kit.chrome import panel_inner
    from game.ui.screens.conference.screen import ConferenceScene

    w = WORDS[lang]
    app = _app(make_app)
    script = (
        f"setup teams=germany,soviet length=short seed=1922 lang={lang} size={size} text={text}\n"
        f'click "{w["start"]}"\nclick "{w["begin"]}"\nwait ai\nclick "{w["ready"]}"\n'
    )
    assert ScriptRun(app, parse(script), "table").run() == 0
    conf = next(s for s in app.stack if isinstance(s, ConferenceScene))
    panel = conf._rects["table"]
    inner = panel_inner(app, panel)
    names = [e for e in visible() if e.role == "text" and panel.colliderect(e.pg_rect) and e.pg_rect.top > inner.top]
    assert len(names) >= 2 * len(conf.view.seats)  # every seat's name and status were drawn
    assert [e.label for e in names if not inner.contains(e.pg_rect)] == []
