"""After a refusal the team may say what would change its answer, as an AI's refusal says it: the issue that decided
it and the option it wants there ("Ask for a change" in the notice line, or Y). Played by clicks on what the screen
shows; Reject itself still refuses at once."""

from __future__ import annotations

import pytest
from test_ui_scripts import _app

from game.engine.actions import Answer
from game.ui.screens.conference.move_forms import RefuseScene
from game.ui.screens.conference.screen import ConferenceScene
from game.ui.script import ScriptRun
from game.ui.script_lang import parse
from game.views.conference import narrator

WORDS = {
    "en": {
        "start": "Start",
        "begin": "Begin the conference",
        "ready": "We are ready",
        "reject": "Reject",
        "change": "Ask for a change",
        "ask": "Ask for it",
        "cancel": "Cancel",
        "refused": "You refused No. {n}.",
        "asked": "You asked for",
        "asks": "asks for",
    },
    "lt": {
        "start": "Pradėti",
        "begin": "Pradėti konferenciją",
        "ready": "Esame pasiruošę",
        "reject": "Atmesti",
        "change": "Prašyti pakeitimo",
        "ask": "Prašyti",
        "cancel": "Atšaukti",
        "refused": "Atmetėte Nr. {n}.",
        "asked": "paprašėte",
        "asks": "prašo",
    },
}

OPEN = """
setup teams=soviet length=short seed=1922 lang={lang} size={size} text={text}
click "{start}"
click "{begin}"
wait ai
click "{ready}"
click "{reject}"
"""


def _refused(make_app, lang: str, size: str, text: int):  # type: ignore[no-untyped-def]
    """A Soviet team at its first turn has refused the proposal its inbox shows, at once, as before."""
    app = _app(make_app)
    assert ScriptRun(app, parse(OPEN.format(lang=lang, size=size, text=text, **WORDS[lang])), "refuse").run() == 0
    conf = next(s for s in app.stack if isinstance(s, ConferenceScene))
    assert app.stack.top is conf and conf.refused is not None
    pid = conf.refused.id
    s = conf.session.state
    assert s.proposals[pid - 1].answer_of(s.cs.d_index["soviet"]) is Answer.REJECT
    return app, conf, pid


@pytest.mark.parametrize(("lang", "size", "text"), [("en", "1280x720", 175), ("lt", "1920x1080", 100), ("lt", "1280x720", 175)])
def test_a_team_says_what_would_change_its_refusal(make_app, lang: str, size: str, text: int) -> None:
    words = WORDS[lang]
    app, conf, pid = _refused(make_app, lang, size, text)
    run = ScriptRun(app, [], "refuse")
    run.step(parse(f'expect "{words["refused"].format(n=pid)}"')[0])
    run.step(parse(f'click "{words["change"]}"')[0])
    card = app.stack.top
    assert isinstance(card, RefuseScene) and card.item.id == pid
    # the card opens on the issue where the offer costs the team most, at the option it values most there;
    # one click on the option moves to the next one
    first = card.item.wants[0]
    best = max(range(len(first.values)), key=lambda x: (first.values[x], -x))
    shown, second = first.options[best], first.options[(best + 1) % len(first.options)]
    for cmd in parse(
        f'expect "{first.title}"\nexpect "{shown[1]}"\nclick "{shown[1]}"\nexpect "{second[1]}"\n'
        f'click "{words["ask"]}"\nexpect "{words["refused"].format(n=pid)}"\nexpect "{words["asked"]}"\n'
    ):
        run.step(cmd)
    assert app.stack.top is conf and conf.refused is None  # said once; the notice line no longer offers it
    s = conf.session.state
    said = [e for e in s.log if e.kind.value == "answer" and e.actor == "soviet" and e.data.get("proposal") == pid]
    assert [e.data.get("amends", False) for e in said] == [False, True]  # the refusal, then what would change it
    assert said[1].data["want"] == {"issue": first.issue, "option": second[0]}
    text_ = narrator(conf.session, app.tr).sentence(said[1])
    assert words["asks"] in text_ and second[1] in text_ and first.title in text_


def test_cancel_says_nothing_and_the_offer_ends_with_the_turn(make_app) -> None:
    words = WORDS["en"]
    app, conf, _ = _refused(make_app, "en", "1280x720", 100)
    run = ScriptRun(app, [], "refuse")
    for cmd in parse(f'click "{words["change"]}"\nclick "{words["cancel"]}"\n'):
        run.step(cmd)
    s = conf.session.state
    assert app.stack.top is conf and not any(e.data.get("amends") for e in s.log)
    assert conf.refused is not None  # still on offer until the team moves
    for cmd in parse('click "Pass (N)"\nclick "Pass"\n'):
        run.step(cmd)
    assert conf.refused is None


HEARD = """
setup teams=belgium length=short seed=1922 lang={lang} size={size} text={text}
click "{start}"
click "{begin}"
wait ai
{refusing}
{pass_}
{refusing}
{pass_}
click "{ready}"
expect "{heard}"
"""
TURN = {
    "en": {
        "refuse": 'click "We are ready"\nclick "Reject"\nclick "Ask for a change"\nclick "Ask for it"',
        "pass": 'click "Pass (N)"\nclick "Pass"',
    },
    "lt": {
        "refuse": 'click "Esame pasiruošę"\nclick "Atmesti"\nclick "Prašyti pakeitimo"\nclick "Prašyti"',
        "pass": 'click "Praleisti (N)"\nclick "Praleisti"',
    },
}
HAND = {"en": 'click "Hand over"\nwait ai', "lt": 'click "Perduoti"\nwait ai'}
HEARD_WORDS = {"en": "It gives what you asked for", "lt": "Jame yra tai, ko prašėte"}


@pytest.mark.parametrize(("lang", "size", "text"), [("en", "1280x720", 100), ("lt", "1280x720", 175)])
def test_a_later_offer_that_gives_what_the_team_asked_for_says_so_in_the_inbox(make_app, lang: str, size: str, text: int) -> None:
    """A Belgian team refuses the offers shown at its first and third turns and asks for a change with the card as it
    opens, and passes the other turns; a later offer that gives what it asked for says so first in the inbox."""
    words, turn = WORDS[lang], TURN[lang]
    passing = f'click "{words["ready"]}"\n{turn["pass"]}\n{HAND[lang]}'
    refusing = f"{turn['refuse']}\n{turn['pass']}\n{HAND[lang]}"
    script = HEARD.format(lang=lang, size=size, text=text, refusing=refusing, pass_=passing, heard=HEARD_WORDS[lang], **words)
    app = _app(make_app)
    assert ScriptRun(app, parse(script), "heard").run() == 0
    conf = next(s for s in app.stack if isinstance(s, ConferenceScene))
    assert conf.inbox is not None and conf.inbox.current is not None and conf.inbox.current.heard is not None
