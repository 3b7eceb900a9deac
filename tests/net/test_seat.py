"""A team computer's seat adapter answers the conference screen's questions as the local session does.

The team's screen is the one-computer screen (issue #16): its forms run on a
`NetSeat` built from the host's view instead of on a `Session`. These tests
put the two side by side at the same moment of the same game: the forms'
choices, the package's worth, the action a draft makes, a counter-proposal's
prefill, the inbox, the digest, and a refusal worded from the view's names.
No window and no network: the view is built as the host builds it.
"""

from __future__ import annotations

from game.engine import actions as A
from game.engine.refusals import Code, Refusal, describe
from game.engine.rules import check
from game.i18n import Translator
from game.net import protocol as P
from game.net.seat import NetSeat, word_refusal
from game.net.views import build_view
from game.play.session import Session
from game.views.conference import narrator
from game.views.digest import since_last_turn
from game.views.inbox import inbox
from game.views.move import ProposalDraft, ShiftDraft
from tests.net.common import new_session

CLOCK = P.Clock(remaining=None, limit=0.0, paused=False)


def at_turn_of(session: Session, seat: str, moves: int = 200) -> None:
    """Play until `seat` is to move (other teams pass)."""
    for _ in range(moves):
        session.run_ai()
        if session.state.actor_id == seat:
            return
        assert session.state.actor_id is not None
        session.apply(A.Pass(session.state.actor_id))
    raise AssertionError(f"{seat} never came to move")


def seat_view(session: Session, seat: str, lang: str = "en") -> P.View:
    return build_view(session, Translator(lang), seat, CLOCK, ())


def test_the_proposal_form_on_a_team_computer_offers_and_weighs_what_one_computer_does() -> None:
    s = new_session()
    at_turn_of(s, "germany")
    view = seat_view(s, "germany")
    net = NetSeat(view).proposal_draft()
    local = ProposalDraft(s.state, "germany")
    assert net.instrument_names("en") == local.instrument_names("en")
    for pos in range(len(local.instruments)):
        net.set_instrument(pos)
        local.set_instrument(pos)
        assert [net.issue_title(i, "en") for i in net.scope()] == [local.issue_title(i, "en") for i in local.scope()]
        assert [net.cells(i, "en") for i in net.scope()] == [local.cells(i, "en") for i in local.scope()]
        for private in (False, True):
            net.set_private(private)
            local.set_private(private)
            assert net.action() == local.action()
            a, b = net.signing_value(), local.signing_value()
            assert a is not None and b is not None
            assert (round(a.value, 9), round(a.alternative, 9), a.cost) == (round(b.value, 9), round(b.alternative, 9), b.cost)
    # another package: the worth follows the choice as on one computer
    net.set_instrument(0)
    local.set_instrument(0)
    first = net.scope()[0]
    net.set_option(first, 0)
    local.set_option(local.scope()[0], 0)
    a, b = net.signing_value(), local.signing_value()
    assert a is not None and b is not None and abs(a.value - b.value) < 1e-9
    assert net.action() == local.action() and net.problem() is None and check(s.state, net.action()) is None  # type: ignore[arg-type]


def test_a_counter_proposal_starts_from_the_proposal_it_answers_and_the_inbox_and_digest_are_the_local_ones() -> None:
    s = new_session()
    at_turn_of(s, "soviet")
    d = s.cs.d_index["soviet"]
    waiting = s.state.pending_for(d)
    assert waiting, "a proposal waits for the Soviet answer at its first turn in this game"
    view = seat_view(s, "soviet")
    tr_ = Translator("en")
    n = narrator(s, tr_)
    assert view.inbox == inbox(s.state, "soviet", tr_, n)
    assert view.digest == since_last_turn(s.state, "soviet", tr_, n)
    for p in waiting:
        net = NetSeat(view).proposal_draft(counter_to=p.id)
        local = ProposalDraft(s.state, "soviet", counter_to=p.id)
        assert net.action() == local.action()
        assert net.private == local.private


def test_the_position_form_on_a_team_computer_matches_and_refuses_the_same_position() -> None:
    s = new_session()
    at_turn_of(s, "germany")
    net = NetSeat(seat_view(s, "germany")).shift_draft()
    local = ShiftDraft(s.state, "germany")
    assert net.issue_titles("en") == local.issue_titles("en") and net.cells("en") == local.cells("en")
    assert net.unchanged and net.problem() == Refusal.of(Code.SAME_POSITION) == local.problem()
    net.option = local.option = (local.option + 1) % len(local.cells("en"))
    assert net.action() == local.action() and net.problem() is None


def test_refusals_are_worded_on_the_team_computer_from_its_own_view_in_its_language() -> None:
    s = new_session()
    at_turn_of(s, "germany")
    for lang in ("en", "lt"):
        view = seat_view(s, "germany", lang)
        words = Translator(lang)
        rapallo = next(k for k in view.forms.instruments if k.id == "rapallo_treaty")  # type: ignore[union-attr]
        issue = rapallo.scope[0]
        option = next(i for i in view.forms.issues if i.id == issue).options[0].id  # type: ignore[union-attr]
        for refusal in (
            Refusal.of(Code.NOT_YOUR_MOVE, delegation="germany", acting="soviet"),
            Refusal.of(Code.ISSUE_SETTLED, issue=issue, option=option),
            Refusal.of(Code.ALREADY_SIGNED, instrument="rapallo_treaty"),
        ):
            local = describe(refusal, s.cs, lang, words.t)
            assert NetSeat(view).describe(refusal, words) == local
            sent = P.Refused(
                type="refused", version=P.PROTOCOL_VERSION, reason=P.Refusal.ILLEGAL, text="host words", rule=refusal.code.name, params=refusal.params
            )
            assert word_refusal(P.parse_host(P.encode(sent)), view, words) == local  # type: ignore[arg-type]
    # the host words a seat's views in the computer's language
    lt = seat_view(s, "germany", "lt")
    en = seat_view(s, "germany", "en")
    assert lt.briefing is not None and en.briefing is not None and lt.briefing.sections != en.briefing.sections


def test_a_team_computer_starts_a_proposal_from_its_own_last_one_as_one_computer_does() -> None:
    """A team revising an offer starts from it: the form's "Start from your No. N" gives the same package and
    addressing on a team computer (from the view's `forms.own`) as on the one computer."""
    s = new_session()
    at_turn_of(s, "germany")
    first = ProposalDraft(s.state, "germany")
    assert first.own_latest() is None and NetSeat(seat_view(s, "germany")).proposal_draft().own_latest() is None
    # an offer unlike the form's starting choices, in private talks with the Soviet delegation only
    for i in first.scope():
        first.set_option(i, (first.choice[i] + 1) % s.cs.n_options[i])
    first.set_private(True)
    for k in first.candidates():
        first.toggle_invited(k, s.cs.delegation_ids[k] == "soviet")
    offer = first.action()
    assert offer is not None and first.problem() is None
    s.apply(offer)
    pid = len(s.state.proposals)  # proposing ends the turn
    at_turn_of(s, "germany")
    local = ProposalDraft(s.state, "germany")
    net = NetSeat(seat_view(s, "germany")).proposal_draft()
    local.set_instrument(first.instrument_pos)
    net.set_instrument(first.instrument_pos)
    assert local.own_latest() == net.own_latest() == pid
    fresh = local.action()
    assert fresh is not None and fresh.package != offer.package  # the form itself still starts from positions
    local.start_from_own()
    net.start_from_own()
    assert local.action() == net.action()
    again = local.action()
    assert again is not None
    assert (again.instrument, again.package, again.to) == (offer.instrument, offer.package, offer.to)
    # an agreement signed since settled one of the offer's issues otherwise: the form keeps what was signed
    k = s.cs.inst_index[offer.instrument]
    i = s.cs.scope[k][0]
    taken = s.state.proposals[pid - 1].package[0]
    other = (taken + 1) % s.cs.n_options[i]
    s.state = s.state.evolve(settled=tuple(other if x == i else v for x, v in enumerate(s.state.settled)))
    local = ProposalDraft(s.state, "germany")
    net = NetSeat(seat_view(s, "germany")).proposal_draft()
    for draft in (local, net):
        draft.set_instrument(first.instrument_pos)
        draft.start_from_own()
        assert draft.choice[i] == other
    assert local.action() == net.action()
