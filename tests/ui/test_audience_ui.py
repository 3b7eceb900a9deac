"""Requests for an audience in the window: a team asks (Talks, then a name), another team grants from its inbox,
both see it confirmed in words; played by a UI script that clicks only what is visible."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from test_ui_scripts import SCRIPTS, _app, _clicks_between

from game.engine.state import AudienceStatus
from game.ui.screens.conference.screen import ConferenceScene
from game.ui.script import ScriptRun
from game.ui.script_lang import parse_file
from game.views.conference import narrator
from game.views.inbox import ask_choices


@pytest.mark.parametrize("name", ["audience_en_1280.plenipo", "audience_lt_1280_175.plenipo"])
def test_a_team_asks_another_for_talks_and_it_grants_from_its_inbox(make_app, tmp_path: Path, name: str) -> None:
    cmds = parse_file(SCRIPTS / name)
    app = _app(make_app)
    err = io.StringIO()
    assert ScriptRun(app, cmds, name, shots=tmp_path, err=err).run() == 0, err.getvalue()
    conf = next(s for s in app.stack if isinstance(s, ConferenceScene))
    s = conf.session.state
    cs = s.cs
    mine = [a for a in s.audiences if a.asker == cs.d_index["germany"]]
    assert len(mine) == 1 and mine[0].host == cs.d_index["soviet"] and mine[0].status is AudienceStatus.GRANTED
    assert (tmp_path / ("audience_request.png" if "_en_" in name else "audience_lt_request.png")).is_file()


def test_asking_takes_two_clicks_and_granting_one() -> None:
    cmds = parse_file(SCRIPTS / "audience_en_1280.plenipo")
    assert _clicks_between(cmds, "Ask one delegation to receive you for private talks.", "You asked Soviet Russia for private talks") == 1
    talks = next(k for k, c in enumerate(cmds) if c.text == "Talks (K)")
    assert cmds[talks + 1].text.startswith("Ask one delegation")  # Talks opens the card: 1 + 1 clicks in all
    assert _clicks_between(cmds, "Germany asks you for private talks.", "You received Germany for private talks.") == 1


def test_the_talks_card_names_why_a_delegation_cannot_be_asked(make_app) -> None:
    from game.ui.script_lang import parse

    app = _app(make_app)
    script = """setup teams=germany,soviet length=short seed=1922 lang=en size=1280x720 text=100
click "Start"
click "Begin the conference"
wait ai
click "We are ready"
"""
    assert ScriptRun(app, parse(script), "talks").run() == 0
    conf = next(s for s in app.stack if isinstance(s, ConferenceScene))
    viewer = conf.viewer or ""
    choices = ask_choices(conf.session.state, viewer, app.tr, narrator(conf.session, app.tr))
    names = [c.name for c in choices]
    assert "United States" not in names  # an observer receives no one: not offered at all
    assert all(c.refusal == "" for c in choices) and len(choices) >= 5
    conf.ask(choices[0].id)
    after = ask_choices(conf.session.state, viewer, app.tr, narrator(conf.session, app.tr))
    assert {c.refusal for c in after} == {"you have already asked for an audience in this sitting"}
    assert conf.team_turn  # asking does not end the turn


@pytest.mark.parametrize(("key", "status", "done"), [("g", "GRANTED", "You received Germany"), ("f", "REFUSED", "You refused Germany an audience.")])
def test_the_request_is_answered_with_the_keys_its_buttons_show(make_app, key: str, status: str, done: str) -> None:
    """A team at a projector answers from the keyboard: G grants and F refuses, as "Grant (G)" and "Refuse (F)" say."""
    from game.ui.script_lang import parse

    cmds = parse_file(SCRIPTS / "audience_en_1280.plenipo")
    grant = next(k for k, c in enumerate(cmds) if c.text == "Grant")
    tail = parse(f'expect "Grant (G)"\nexpect "Refuse (F)"\nkey {key}\nexpect "{done}"\nexpect no "Germany asks you for private talks."\n')
    app = _app(make_app)
    err = io.StringIO()
    assert ScriptRun(app, [*cmds[:grant], *tail], "keys", err=err).run() == 0, err.getvalue()
    conf = next(s for s in app.stack if isinstance(s, ConferenceScene))
    s = conf.session.state
    mine = [a for a in s.audiences if a.asker == s.cs.d_index["germany"]]
    assert [a.status for a in mine] == [AudienceStatus[status]]
    assert conf.team_turn  # answering a request does not end the turn


def test_where_the_keys_do_not_fit_on_the_buttons_the_request_note_names_them(make_app) -> None:
    from game.ui.screens.conference.inbox import request_note
    from game.views.inbox import RequestItem

    app = make_app()
    r = RequestItem(id=1, asker="Germany", trust=45)
    wide, narrow = request_note(app, r, 600), request_note(app, r, 120)
    assert "G grants, F refuses." not in wide  # the buttons say "Grant (G)" and "Refuse (F)"
    assert narrow.endswith("G grants, F refuses.") and narrow.startswith(wide)


@pytest.mark.parametrize(
    ("script", "stop_at", "tail"),
    [
        ("audience_en_1280.plenipo", "Grant", 'expect "Grant (G)"\nexpect "Accept (A)"\nexpect "Counter (C)"\nexpect no "The proposals ("\n'),
        # Lithuanian at 1920x1080 and 100%: the three answers fit in one row as wide as their words ("Priešpriešinis"
        # is long), so this window shows both too; it paged until the row was split into equal thirds
        (
            "audience_lt_1280_175.plenipo",
            "Pasiūlymai (",
            'expect "Sutikti (G)"\nexpect "Priimti"\nexpect "Priešpriešinis"\nexpect no "Pasiūlymai ("\n',
        ),
    ],
)
def test_where_one_row_holds_the_answers_the_request_and_the_proposal_share_the_panel(make_app, script, stop_at, tail) -> None:
    """Where the answer buttons fit in one row (1280x720 at 100%; 1920x1080 at 100% in Lithuanian) the request and
    the proposal are both shown, so the team answers either without paging (the one-at-a-time pages are for large
    text on a small window)."""
    from dataclasses import replace

    from game.ui.script_lang import parse

    cmds = parse_file(SCRIPTS / script)
    if script.startswith("audience_lt"):
        big = {"size": "1920x1080", "text": "100"}
        cmds = [replace(c, setup=tuple((k, big.get(k, v)) for k, v in c.setup)) if c.setup else c for c in cmds]
    stop = next(k for k, c in enumerate(cmds) if c.text == stop_at)  # the request is on the screen, not yet answered
    app = _app(make_app)
    err = io.StringIO()
    assert ScriptRun(app, [*cmds[:stop], *parse(tail)], "both", err=err).run() == 0, err.getvalue()


def test_a_team_rebuffed_by_an_ai_host_reads_why(make_app) -> None:
    """Germany asks Great Britain for talks, by clicks; an AI host that refuses says why in the asker's digest (the
    rebuff that, in 1922, pushed Germany toward Rapallo), with the same sentence the debrief gives."""
    from game.ai.explain import Explainer
    from game.engine.log import LogKind
    from game.ui.script_lang import parse
    from game.views.digest import since_last_turn

    script = """setup teams=germany length=short seed=1922 lang=en size=1280x720 text=175
click "Start"
click "Begin the conference"
wait ai
click "We are ready"
click "Talks (K)"
click "Great Britain"
click "Pass (N)"
click "Pass"
click "Hand over"
wait ai
click "We are ready"
expect "Great Britain refused you an audience. It refused Germany an audience:"
"""
    app = _app(make_app)
    err = io.StringIO()
    assert ScriptRun(app, parse(script), "rebuff", err=err).run() == 0, err.getvalue()
    conf = next(s for s in app.stack if isinstance(s, ConferenceScene))
    s = conf.session.state
    answer = next(e for e in s.log if e.kind is LogKind.AUDIENCE_ANSWER and e.data.get("asker") == "germany")
    assert answer.actor == "britain" and answer.data["answer"] == "refused" and answer.data["reasons"]["note"]
    n = narrator(conf.session, app.tr)
    why = Explainer(n, app.tr.t)
    assert f"Great Britain refused you an audience. {why.why(answer, 'It')}" in since_last_turn(s, "germany", app.tr, n)
