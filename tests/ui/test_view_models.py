"""What each screen shows, tested without a window: privacy of the projector view, drafts, the debrief."""

from __future__ import annotations

from game_helpers import GENOA, TUTORIAL, session_for

from game.engine import actions as A
from game.engine.refusals import Code, Refusal
from game.engine.state import ProposalStatus
from game.i18n import Translator
from game.views.conference import briefing_view, conference_view, news_lines
from game.views.move import ProposalDraft, ShiftDraft, option_cells
from game.views.outcome import comparison_lines, outcome_view

EN = Translator("en")


def _private_proposal(session) -> int:  # type: ignore[no-untyped-def]
    """Southport or Eastmark proposes their side pact in private talks; returns the proposal id."""
    while session.state.actor_id not in ("southport", "eastmark"):
        session.apply(A.Pass(session.state.actor_id))
    s = session.state
    draft = ProposalDraft(s, s.actor_id)
    draft.set_instrument(draft.instruments.index(s.cs.inst_index["side_pact"]))
    draft.set_private(True)
    assert draft.problem() is None, draft.problem()
    session.apply(draft.action())
    return len(session.state.proposals)


def test_the_projector_view_never_shows_private_talks() -> None:
    session = session_for(TUTORIAL, ("southport", "eastmark"), seed=3)
    pid = _private_proposal(session)
    p = session.state.proposals[pid - 1]
    proposer = session.cs.delegation_ids[p.proposer]
    outsider = next(d for d in session.cs.delegation_ids if session.cs.d_index[d] not in (p.to | {p.proposer}))
    public = conference_view(session, EN, None)
    assert all(link.proposal != pid for link in public.links)
    assert all(x.id != pid for x in public.pending)
    assert not any(line.private for line in public.news)
    assert all(x.id != pid for x in conference_view(session, EN, outsider).pending)
    own = conference_view(session, EN, proposer)
    assert any(link.proposal == pid and link.private for link in own.links)
    assert any(x.id == pid for x in own.pending)
    assert any(line.private for line in own.news)


def test_news_is_translated_newest_first_and_stops_at_what_was_announced() -> None:
    session = session_for(GENOA, seed=4)
    session.run_ai()
    lt = news_lines(session, Translator("lt"), None)
    assert lt[0].turn >= lt[-1].turn
    assert "Konferencija" in " ".join(x.text for x in lt) or "posėdis" in " ".join(x.text for x in lt)
    everything = news_lines(session, EN, None)
    first_two = news_lines(session, EN, None, shown=2)  # what had been announced after two log lines
    assert len(everything) > 2 and first_two == everything[-2:]


def test_seats_say_who_plays_them_and_who_is_to_move() -> None:
    session = session_for(GENOA, ("germany", "soviet"))
    view = conference_view(session, EN, None)
    roles = {s.id: s.role for s in view.seats}
    assert roles["germany"] == "team" and roles["britain"] == "ai" and roles["usa"] == "observer"
    assert sum(s.acting for s in view.seats) == 1
    assert len({s.code for s in view.seats}) == len(view.seats)
    assert len(view.issues) == len(session.cs.issue_ids)


def test_a_proposal_draft_builds_a_legal_action_and_says_why_not() -> None:
    session = session_for(TUTORIAL, ("northland",), seed=2)
    s = session.state
    draft = ProposalDraft(s, s.actor_id)
    assert draft.problem() is None
    action = draft.action()
    assert isinstance(action, A.Propose) and len(action.package) == len(draft.scope())
    other = next(d for d in session.cs.delegation_ids if d != s.actor_id)
    wrong = ProposalDraft(s, other)
    refusal = wrong.problem()
    assert refusal is not None and refusal.code is Code.NOT_YOUR_MOVE  # not its turn: the rules' own reason
    draft.set_private(True)
    for k in list(draft.invited):
        draft.toggle_invited(k, False)
    assert draft.problem()


def test_a_counter_proposal_starts_from_the_proposal_it_answers() -> None:
    session = session_for(TUTORIAL, seed=6)
    session.apply(ProposalDraft(session.state, session.state.actor_id).action())
    p = session.state.proposals[-1]
    session.apply(A.Pass(session.state.actor_id))
    responder = session.state.actor_id
    if p not in session.state.pending_for(session.cs.d_index[responder]):
        return  # the next actor is not a party; nothing to counter
    draft = ProposalDraft(session.state, responder, counter_to=p.id)
    assert tuple(draft.choice[i] for i in draft.scope()) == p.package
    assert draft.action().counter_to == p.id


def test_option_cells_show_own_value_and_stated_positions() -> None:
    session = session_for(GENOA)
    s = session.state
    d = s.cs.d_index["soviet"]
    cells = option_cells(s, d, s.cs.i_index["debts"], "en")
    assert all(c.value is not None for c in cells)
    assert any(c.stated_by for c in cells)


def test_a_shift_draft_refuses_the_current_position() -> None:
    session = session_for(GENOA)
    draft = ShiftDraft(session.state, session.state.actor_id)
    assert draft.problem() == Refusal.of(Code.SAME_POSITION)
    draft.option = (draft.option + 1) % session.cs.n_options[draft.issue]
    assert draft.problem() is None


def test_briefing_holds_the_private_papers() -> None:
    session = session_for(GENOA, ("soviet",))
    view = briefing_view(session, EN, "soviet")
    headings = [h for h, _ in view.sections]
    assert "Aims" in headings and view.aims


def test_the_debrief_reveals_everything_and_explains_the_ai() -> None:
    session = session_for(GENOA, seed=8)
    session.run_ai()
    assert session.state.ended
    view = outcome_view(session, EN)
    assert view.title and view.history
    assert len(view.revealed) == len(session.state.log)
    assert view.whys and all(0 <= w.value <= 100 for w in view.whys)
    assert {r.id for r in view.scores} == {session.cs.delegation_ids[k] for k in session.cs.actors}
    assert view.positions and len(view.turns) == len(session.state.history)
    secret = [e for e in session.state.log if e.audience is not None]
    assert sum(x.private for x in view.revealed) == len(secret)


def test_the_debrief_words_each_ai_decision_for_a_student() -> None:
    """The reasons tab leads with a sentence, in the reader's language: a refusal names the issue that decided
    it and the option the refuser would have taken; an answer to an audience request shows no deal numbers."""
    session = session_for(GENOA, seed=8)
    session.run_ai()
    en, lt = outcome_view(session, EN), outcome_view(session, Translator("lt"))
    names = {str(session.cs.delegation(k).name["en"]) for k in session.cs.actors}
    refusals = [w for w in en.whys if w.deal and w.note == "below its aspiration"]
    assert refusals, "no refusal below aspiration in this game"
    for w in refusals:
        assert w.deciding and w.deciding.split(", ")[0] in w.reason, w
        assert "refused mainly over" in w.reason and any(n in w.reason for n in names)
    assert len(en.whys) == len(lt.whys)
    worded = [(a, b) for a, b in zip(en.whys, lt.whys, strict=True) if a.reason]
    assert len(worded) > len(en.whys) // 2
    assert all(a.reason != b.reason for a, b in worded), "a reason left in English in the Lithuanian debrief"
    assert all(a.note != b.note for a, b in zip(en.whys, lt.whys, strict=True) if a.note), "an untranslated tag"
    answers = [w for w in en.whys if not w.deal]
    assert answers and all("audience" in w.reason or "received" in w.reason for w in answers)


def test_comparison_lines_name_shares_of_ai_games() -> None:
    from game.analysis.batch import run_batch

    session = session_for(TUTORIAL, seed=1)
    session.run_ai()
    tally = run_batch(TUTORIAL, 10, seed=1, length="short").tally
    lines = comparison_lines(tally, session, EN)
    assert any("% of AI-played conferences" in x for x in lines)
    assert any("this game" in x for x in lines)


def test_proposals_lapse_out_of_the_pending_list() -> None:
    session = session_for(TUTORIAL, seed=6)
    session.apply(ProposalDraft(session.state, session.state.actor_id).action())
    session.run_ai()
    view = conference_view(session, EN, None)
    open_ids = {p.id for p in session.state.proposals if p.status is ProposalStatus.OPEN}
    assert {p.id for p in view.pending} <= open_ids


def test_news_worded_once_per_entry_reads_as_worded_afresh_for_every_viewer_and_language() -> None:
    """news_lines words each log entry once (game/views/conference.py, _WORDED): after every move of an all-AI game,
    for the projector and each delegation and in two languages, the news read through what was kept is the news
    worded anew."""
    from game.views import conference as views

    session = session_for(GENOA, seed=4)
    viewers = [None, *session.cs.delegation_ids]
    for _ in range(40):
        if not session.waiting_for_ai:
            break
        session.ai_turn()
        for tr_ in (EN, Translator("lt")):
            kept = [news_lines(session, tr_, v) for v in viewers]
            views._WORDED.clear()
            assert kept == [news_lines(session, tr_, v) for v in viewers]
