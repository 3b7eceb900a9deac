"""A team's turn: the inbox acts on the proposal shown, answering keeps the turn, moves are confirmed in words,
the digest tells what became of the team's proposals, and the views stay plain serialisable data."""

from __future__ import annotations

import json
from dataclasses import asdict

import pygame
import pytest
from test_ui_scripts import SCRIPTS, _app
from ui_helpers import key

from game.engine.actions import Answer
from game.ui.screens.conference.done import DoneScene
from game.ui.screens.conference.handover import HandoverScene
from game.ui.screens.conference.move_forms import ProposalScene, ShiftScene
from game.ui.screens.conference.screen import ConferenceScene
from game.ui.script import ScriptRun
from game.ui.script_lang import parse, parse_file
from game.views.conference import narrator
from game.views.digest import since_last_turn
from game.views.inbox import inbox


def _until(make_app, marker: str):  # type: ignore[no-untyped-def]
    """The English lesson played up to (not including) the first command whose text is `marker`."""
    cmds = parse_file(SCRIPTS / "genoa_lesson_en.plenipo")
    stop = next(k for k, c in enumerate(cmds) if c.text == marker)
    app = _app(make_app)
    assert ScriptRun(app, cmds[:stop], "lesson").run() == 0
    conf = next(s for s in app.stack if isinstance(s, ConferenceScene))
    return app, conf


def _germany_offer(conf) -> int:  # type: ignore[no-untyped-def]
    """The number of Germany's Rapallo offer in the lesson (the AI seats' offers around it vary with the AI)."""
    s = conf.session.state
    return max(p.id for p in s.proposals if s.cs.delegation_ids[p.proposer] == "germany")


def test_the_inbox_lists_what_waits_newest_first_with_values_and_answers(make_app) -> None:
    app, conf = _until(make_app, "Accept")
    s = conf.session.state
    items = inbox(s, "soviet", app.tr, narrator(conf.session, app.tr))
    ids = [i.id for i in items]
    offer = _germany_offer(conf)
    assert ids == sorted(ids, reverse=True) and offer in ids and len(ids) >= 2  # newest first; the AI's own offers wait too
    rapallo = next(i for i in items if i.id == offer)
    assert rapallo.proposer == "Germany" and rapallo.private and rapallo.to == ("Soviet Russia",)
    assert len(rapallo.package) == 4 and ("German property claims in Russia", "Waived unless others are paid") in rapallo.package
    assert rapallo.value is not None and rapallo.no_deal is not None and 0 <= rapallo.value <= 100
    assert rapallo.waiting_for == ("Soviet Russia",) and rapallo.accepted_by == ()
    json.dumps([asdict(i) for i in items])  # plain data: a networked client can draw the same inbox
    # the list is newest first; the lesson has paged to Germany's offer, which the panel now shows
    assert conf.inbox is not None and [i.id for i in conf.inbox.items] == ids
    assert conf.inbox.current is not None and conf.inbox.current.id == offer


def test_keys_answer_the_proposal_on_screen_not_the_oldest(make_app) -> None:
    app, conf = _until(make_app, "Accept")
    run = ScriptRun(app, [], "inbox")
    assert conf.inbox is not None
    before = [i.id for i in conf.inbox.items]
    if conf.inbox.current is None or conf.inbox.current.id != before[1]:  # the lesson may have paged already
        run.step(parse('click "Older"')[0])
    assert conf.inbox.current is not None and conf.inbox.current.id == before[1]
    app.frame([key(pygame.K_r)])
    s = conf.session.state
    soviet = s.cs.d_index["soviet"]
    assert s.proposals[before[1] - 1].answer_of(soviet) is Answer.REJECT
    assert s.proposals[before[0] - 1].answer_of(soviet) is None  # the newest, not on screen, is untouched
    assert conf.team_turn and conf.viewer == "soviet"  # answering does not end the turn
    assert f"You refused No. {before[1]}." in conf.notice and "does not end your turn" in conf.notice
    assert conf.inbox is not None and [i.id for i in conf.inbox.items] == [x for x in before if x != before[1]]


def test_a_move_is_confirmed_in_words_and_the_next_team_reads_what_became_of_its_proposal(make_app) -> None:
    app, conf = _until(make_app, "Hand over")
    done = app.stack.top
    offer = _germany_offer(conf)
    assert isinstance(done, DoneScene) and done.text == f"Proposal No. {offer} sent privately to Soviet Russia."
    assert conf.viewer is None  # the proposer's view is already closed under the card
    app, conf = _until(make_app, f"Soviet Russia accepted your proposal No. {offer}.")
    lines = since_last_turn(conf.session.state, "germany", app.tr, narrator(conf.session, app.tr))
    assert f"Soviet Russia accepted your proposal No. {offer}." in lines
    assert "Treaty of Rapallo (German-Soviet treaty) is signed." in lines
    assert since_last_turn(conf.session.state, "soviet", app.tr, narrator(conf.session, app.tr)) != ()
    assert conf.digest == lines  # on the team's view, atop the news


def test_enter_in_the_proposal_form_proposes(make_app) -> None:
    app, conf = _until(make_app, "Propose")
    app.frame([key(pygame.K_p)])
    form = app.stack.top
    assert isinstance(form, ProposalScene)
    form.focus.focus("instrument")  # Enter on the agreement chooser used to switch the agreement
    before = form.draft.instrument
    app.frame([key(pygame.K_RETURN)])
    assert isinstance(app.stack.top, DoneScene) and form.draft.instrument == before
    assert conf.session.state.proposals[-1].proposer == conf.session.cs.d_index["germany"]


def test_the_position_form_opens_without_a_refusal(make_app) -> None:
    app, _conf = _until(make_app, "Propose")
    app.frame([key(pygame.K_s)])
    form = app.stack.top
    assert isinstance(form, ShiftScene) and form.draft.unchanged
    app.frame()
    from game.ui.kit.registry import visible

    assert not any("Not allowed" in e.label for e in visible())
    assert any("Choose the new position" in e.label for e in visible())


def test_t_opens_the_teachers_console_from_the_hand_over(make_app) -> None:
    app, _conf = _until(make_app, "We are ready")
    hand = app.stack.top
    assert isinstance(hand, HandoverScene)
    app.frame([key(pygame.K_t)])
    assert app.stack.top is not hand and not isinstance(app.stack.top, HandoverScene)


def test_the_inbox_shows_the_instruments_standing_terms_in_full(make_app) -> None:
    from game.ui.screens.conference.inbox import item_lines

    app, conf = _until(make_app, "Accept")
    items = inbox(conf.session.state, "soviet", app.tr, narrator(conf.session, app.tr))
    offer = _germany_offer(conf)
    rapallo = next(i for i in items if i.id == offer)
    assert len(rapallo.terms) == 6 and rapallo.terms[2] == "Diplomatic and consular relations are taken up again without delay."
    lines = [text for text, _ in item_lines(app, rapallo)]
    assert "Its standing terms:" in lines
    assert "(6) Rules on when the treaty takes effect. There is no military clause." in lines
    # scrolled to its end, the inbox draws the last clause in full (wrapped, never cut)
    from game.ui.kit.registry import visible
    from game.ui.script import shows

    conf.inbox_pos = next(k for k, i in enumerate(items) if i.id == offer)
    conf.refresh()
    app.frame()
    area = next(w for w in conf.focus.widgets if w.key == "inbox:text")
    conf.inbox_scroll.offset = area.max_offset  # type: ignore[attr-defined]
    app.frame()
    assert shows(visible(), "There is no military clause.")
    assert not any(e.cut for e in visible() if e.role == "text")


CLOSING = """setup teams=germany,soviet length=short seed=1922 lang=en size=1280x720 text=100
click "Start"
click "Begin the conference"
wait ai
click "We are ready"
repeat until "closing round"
  click "Pass (N)"
  click "Pass"
  click "Hand over"
  wait ai
  click "We are ready"
end
expect "The last sitting's closing round: you may only answer the proposals still open to you, or pass."
"""


def test_the_closing_round_says_in_words_that_only_answering_or_passing_is_left(make_app) -> None:
    from game.ui.kit.registry import visible

    app = _app(make_app)
    run = ScriptRun(app, parse(CLOSING), "closing")
    assert run.run() == 0
    conf = next(s for s in app.stack if isinstance(s, ConferenceScene))
    assert conf.closing_round and conf.team_turn and conf.inbox is not None
    buttons = {w.key: w for w in conf.focus.widgets}
    assert not any(buttons[k].enabled for k in ("propose", "shift", "statement", "walkout", "counter"))
    assert buttons["pass"].enabled and buttons["accept"].enabled and buttons["reject"].enabled
    assert "closing round" in (buttons["propose"].tooltip or "")
    for k in (pygame.K_p, pygame.K_s, pygame.K_m, pygame.K_w, pygame.K_c):  # the keys open nothing either
        app.frame([key(k)])
        assert app.stack.top is conf
    labels = [e.label for e in visible()]
    assert not any("Not allowed" in x for x in labels)
    # answering still works, and the screen keeps saying what is left
    top = conf.inbox.current
    assert top is not None
    for cmd in parse(f'click "Accept" in "No. {top.id}"\nexpect "only answer the proposals"\n'):
        run.step(cmd)
    assert conf.session.state.proposals[top.id - 1].answer_of(conf.session.cs.d_index[conf.viewer or ""]) is Answer.ACCEPT


_REFUSED = """setup teams=germany length=short seed=1922 lang={lang} size={size} text=175
click "{start}"
click "{begin}"
wait ai
click "{ready}"
click "{propose}"
click "{plenary}"
click "{renounced}"
click "{maintained}"
click "{propose}"
click "{hand}"
wait ai
click "{ready}"
"""
_WORDS = {
    "en": {
        "start": "Start",
        "begin": "Begin the conference",
        "ready": "We are ready",
        "propose": "Propose",
        "plenary": "Plenary (everyone)",
        "renounced": "Renounced",
        "maintained": "Claims maintained",
        "hand": "Hand over",
    },
    "lt": {
        "start": "Pradėti",
        "begin": "Pradėti konferenciją",
        "ready": "Esame pasiruošę",
        "propose": "Siūlyti",
        "plenary": "Plenarinis (visiems)",
        "renounced": "Atsisakoma",
        "maintained": "Reikalavimai palaikomi",
        "hand": "Perduoti",
    },
}


@pytest.mark.parametrize(("lang", "size"), [("en", "1280x720"), ("lt", "1920x1080")])
def test_a_team_reads_why_the_ai_refused_its_proposal(make_app, lang: str, size: str) -> None:
    """The AI delegations learn from each refusal they see what decided it and what the refuser wants; the team
    whose proposal was refused reads the same reason, in words, in its digest."""
    from game.ai.explain import Explainer

    app = _app(make_app)
    script = parse(_REFUSED.format(lang=lang, size=size, **_WORDS[lang]))
    assert ScriptRun(app, script, "refused").run() == 0
    conf = next(s for s in app.stack if isinstance(s, ConferenceScene))
    s = conf.session.state
    offer = _germany_offer(conf)
    refusal = next(e for e in s.log if e.kind.value == "answer" and e.data.get("proposal") == offer and e.data["answer"] == "reject")
    assert refusal.data["reasons"]["deciding"]  # an AI refusal, with what decided it
    n = narrator(conf.session, app.tr)
    why = Explainer(n, app.tr.t)
    why.remember(s.log)
    # the reason's sentence follows the line that names the refuser, so it opens with "It" ("Ji"), not the name again
    reason = why.why(refusal, app.tr.t("It")) or ""
    assert reason.startswith(app.tr.t("It") + " ") and n.name("soviet") not in reason
    line = app.tr.t("{who} refused your proposal No. {number}.").format(who=n.name("soviet"), number=offer) + " " + reason
    assert line in since_last_turn(s, "germany", app.tr, n) and line in conf.digest
    deciding = n.issue(refusal.data["reasons"]["deciding"][0])
    assert deciding in line
    run = ScriptRun(app, [], "refused")
    run.step(parse(f'expect "{line.split(":")[0]}"')[0])  # on the screen, atop the news (up to the first colon)


def test_the_news_gives_each_ai_refusal_its_reason(make_app) -> None:
    """Every AI delegation that hears a refusal learns what decided it; a team reads the same reason in its news,
    for every refusal it may see (its own proposals and the others')."""
    from game.ai.explain import Explainer
    from game.views.conference import news_lines

    app = _app(make_app)
    assert ScriptRun(app, parse(_REFUSED.format(lang="en", size="1280x720", **_WORDS["en"])), "news").run() == 0
    conf = next(s for s in app.stack if isinstance(s, ConferenceScene))
    s = conf.session.state
    n = narrator(conf.session, app.tr)
    why = Explainer(n, app.tr.t)
    why.remember(s.log)
    lines = news_lines(conf.session, app.tr, "germany")
    refusals = [e for e in s.log if e.kind.value == "answer" and e.data["answer"] == "reject" and e.visible_to("germany", s.ended)]
    assert len(refusals) >= 3
    for e in refusals:
        reason = why.why(e, "It")
        assert reason
        assert sum(1 for x in lines if x.text == f"{n.sentence(e)} {reason}") == 1
    first = f"{n.sentence(refusals[0])} {why.why(refusals[0], 'It')}"
    assert conf.view is not None and first in [x.text for x in conf.view.news]  # what the news panel is drawn from


_REVISE = """setup teams=germany length=short seed=1922 lang={lang} size={size} text={text}
click "{start}"
click "{begin}"
wait ai
click "{ready}"
click "{propose}"
expect no "{again}"
click "{left_open}"
click "{missions}"
click "{propose}"
click "{hand}"
wait ai
click "{ready}"
click "{propose}"
click "{again}"
"""
_REVISE_WORDS = {
    "en": {"again": "Start from your No.", "left_open": "Left open", "missions": "Trade missions only", "renounced": "Renounced"},
    "lt": {"again": "Pradėti nuo jūsų Nr.", "left_open": "Paliekama atvira", "missions": "Tik prekybos atstovybės", "renounced": "Atsisakoma"},
}


@pytest.mark.parametrize(("lang", "size", "text"), [("en", "1280x720", 175), ("lt", "1920x1080", 100), ("lt", "1280x720", 175)])
def test_a_team_revises_its_refused_offer_from_the_form_without_choosing_every_issue_again(make_app, lang, size, text) -> None:
    """The AI refuses Germany's Rapallo offer and says what would change it; at Germany's next turn the proposal
    form starts from Germany's public positions as before, and one click on "Start from your No. N" puts that
    offer back on the form (its options and its private talks), so the team changes only what the refusal named."""
    words = {**_WORDS[lang], **_REVISE_WORDS[lang]}
    app = _app(make_app)
    assert ScriptRun(app, parse(_REVISE.format(lang=lang, size=size, text=text, **words)), "revise").run() == 0
    conf = next(s for s in app.stack if isinstance(s, ConferenceScene))
    form = app.stack.top
    assert isinstance(form, ProposalScene)
    s = conf.session.state
    offer = s.proposals[_germany_offer(conf) - 1]
    assert any(e.kind.value == "answer" and e.data.get("proposal") == offer.id and e.data["answer"] == "reject" for e in s.log)
    assert tuple(form.draft.choice[i] for i in s.cs.scope[offer.instrument]) == offer.package
    assert form.draft.private == (offer.to is not None) and form.draft.invited == set(offer.to or ())
    # the revision: one issue changed, the rest as offered
    run = ScriptRun(app, [], "revise")
    for cmd in parse(f'click "{words["renounced"]}"\nclick "{words["propose"]}"\n'):
        run.step(cmd)
    s = conf.session.state
    revised = s.proposals[-1]
    assert revised.id > offer.id and revised.proposer == s.cs.d_index["germany"] and revised.to == offer.to
    changed = [x for x, (a, b) in enumerate(zip(revised.package, offer.package, strict=True)) if a != b]
    assert [s.cs.scope[offer.instrument][x] for x in changed] == [s.cs.i_index["article_116"]]
