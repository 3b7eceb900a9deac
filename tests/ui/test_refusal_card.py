"""Refusing from the inbox asks what would change the team's answer, as an AI's refusal says it: the issue that
decided it and the option the team wants there. Played by clicks on what the screen shows."""

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
        "nothing": "Nothing in particular",
        "refuse": "Refuse No. {n}",
        "cancel": "Cancel",
        "refused": "You refused No. {n}.",
        "asks": "asks for",
    },
    "lt": {
        "start": "Pradėti",
        "begin": "Pradėti konferenciją",
        "ready": "Esame pasiruošę",
        "reject": "Atmesti",
        "nothing": "Nieko konkretaus",
        "refuse": "Atmesti Nr. {n}",
        "cancel": "Atšaukti",
        "refused": "Atmetėte Nr. {n}.",
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


def _card(make_app, lang: str, size: str, text: int):  # type: ignore[no-untyped-def]
    """A Soviet team at its first turn, the refusal card open on the proposal its inbox shows."""
    app = _app(make_app)
    assert ScriptRun(app, parse(OPEN.format(lang=lang, size=size, text=text, **WORDS[lang])), "refuse").run() == 0
    card = app.stack.top
    assert isinstance(card, RefuseScene)
    conf = next(s for s in app.stack if isinstance(s, ConferenceScene))
    return app, conf, card


@pytest.mark.parametrize(("lang", "size", "text"), [("en", "1280x720", 175), ("lt", "1920x1080", 100), ("lt", "1280x720", 175)])
def test_a_team_refuses_saying_what_would_change_its_answer(make_app, lang: str, size: str, text: int) -> None:
    words = WORDS[lang]
    app, conf, card = _card(make_app, lang, size, text)
    item = card.item
    first = item.wants[0]
    # one click on "nothing in particular" names the package's first issue, at the option the team values most there;
    # one click on that option moves to the next one
    best = max(range(len(first.values)), key=lambda x: (first.values[x], -x))
    shown, second = first.options[best], first.options[(best + 1) % len(first.options)]
    run = ScriptRun(app, [], "refuse")
    for cmd in parse(
        f'click "{words["nothing"]}"\nexpect "{shown[1]}"\nclick "{shown[1]}"\nexpect "{second[1]}"\n'
        f'click "{words["refuse"].format(n=item.id)}"\nexpect "{words["refused"].format(n=item.id)}"\n'
    ):
        run.step(cmd)
    assert app.stack.top is conf
    s = conf.session.state
    soviet = s.cs.d_index["soviet"]
    assert s.proposals[item.id - 1].answer_of(soviet) is Answer.REJECT
    entry = next(e for e in reversed(s.log) if e.kind.value == "answer" and e.actor == "soviet")
    assert entry.data["want"] == {"issue": first.issue, "option": second[0]}
    # the news in the team's language says what it asked for (the proposer's team would read it in its digest too)
    n = narrator(conf.session, app.tr)
    said = n.sentence(entry)
    assert words["asks"] in said and second[1] in said and first.title in said


def test_cancel_leaves_the_proposal_unanswered_and_nothing_in_particular_refuses_without_a_want(make_app) -> None:
    words = WORDS["en"]
    app, conf, card = _card(make_app, "en", "1280x720", 100)
    pid = card.item.id
    run = ScriptRun(app, [], "refuse")
    run.step(parse(f'click "{words["cancel"]}"')[0])
    s = conf.session.state
    assert app.stack.top is conf and s.proposals[pid - 1].answer_of(s.cs.d_index["soviet"]) is None
    for cmd in parse(f'click "{words["reject"]}"\nclick "{words["refuse"].format(n=pid)}"\n'):
        run.step(cmd)
    s = conf.session.state
    entry = next(e for e in reversed(s.log) if e.kind.value == "answer" and e.actor == "soviet")
    assert entry.data["proposal"] == pid and entry.data["answer"] == "reject" and "want" not in entry.data
    assert "asks for" not in narrator(conf.session, app.tr).sentence(entry)


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
        "refuse": 'click "We are ready"\nclick "Reject"\nclick "Nothing in particular"\nclick "Refuse No."',
        "pass": 'click "Pass (N)"\nclick "Pass"',
    },
    "lt": {
        "refuse": 'click "Esame pasiruošę"\nclick "Atmesti"\nclick "Nieko konkretaus"\nclick "Atmesti Nr."',
        "pass": 'click "Praleisti (N)"\nclick "Praleisti"',
    },
}
HAND = {"en": 'click "Hand over"\nwait ai', "lt": 'click "Perduoti"\nwait ai'}
HEARD_WORDS = {"en": "It gives what you asked for", "lt": "Jame yra tai, ko prašėte"}


@pytest.mark.parametrize(("lang", "size", "text"), [("en", "1280x720", 100), ("lt", "1280x720", 175)])
def test_a_later_offer_that_gives_what_the_team_asked_for_says_so_in_the_inbox(make_app, lang: str, size: str, text: int) -> None:
    """A Belgian team refuses the offers shown at its first and third turns, each time asking for another option on
    the package's first issue (one click), and passes the others; at its fifth turn France's new offer gives what it
    asked for, and the inbox says so above the terms."""
    words, turn = WORDS[lang], TURN[lang]
    ready = words["ready"]
    passing = f'click "{ready}"\n{turn["pass"]}\n{HAND[lang]}'
    refusing = f"{turn['refuse']}\n{turn['pass']}\n{HAND[lang]}"
    script = HEARD.format(lang=lang, size=size, text=text, refusing=refusing, pass_=passing, heard=HEARD_WORDS[lang], **words)
    app = _app(make_app)
    assert ScriptRun(app, parse(script), "heard").run() == 0
    conf = next(s for s in app.stack if isinstance(s, ConferenceScene))
    assert conf.inbox is not None and conf.inbox.current is not None and conf.inbox.current.heard is not None
