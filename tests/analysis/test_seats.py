"""The seat harness: scripted strategies play by the rules, and no Genoa seat is solved by doing nothing.

The Genoa test is issue #12's "Done when": for every seat, refusing everything,
accepting everything, passing every turn and proposing its own ideal each score
below that seat's AI over 60 paired seeds. It is parametrised by seat so the
workers share it out. The 60 all-AI games are the same for every seat (seed key (1922, k), no seat
scripted), so each test process plays them once per scenario (`shared_ai_games`) and every seat
plays only its own 4 x 60 strategy games: the report is identical to an uncached `run_seats`
(`test_shared_ai_games_give_the_same_report`). Short games keep it affordable: about 5 s of CPU per
seat (the full calendar would cost about three times as much).
"""

from __future__ import annotations

import json

import pytest

from game.ai.driver import play_ai_turn, play_game
from game.ai.negotiator import Negotiator
from game.analysis import seats as SEATS
from game.analysis.seats import DO_NOTHING, Game, Policy, SeatPlayer, gives_up_top_issue, ideal_package, play_seat, run_seats
from game.cli.main import main
from game.engine.compiled import compile_scenario
from game.engine.log import LogKind
from game.engine.rules import new_game
from game.engine.utility import table
from game.scenario.loader import load
from tests.scenario.conftest import SCENARIOS

TUTORIAL = SCENARIOS / "tutorial.toml"
GENOA = SCENARIOS / "genoa_1922.toml"
WASHINGTON = SCENARIOS / "washington_1921.toml"
GENOA_SEATS = ("britain", "france", "italy", "germany", "soviet", "belgium", "japan")
WASHINGTON_SEATS = ("usa", "britain", "japan", "france", "italy", "china")
#: a do-nothing strategy must trail the AI by at least this (score points, mean over the seeds)
MARGIN = 1.0


#: the all-AI column of `run_seats` (seat None), per (scenario id, seed, seeds, length), played once in this process
_AI_GAMES: dict[tuple[str, int, int, str], list[Game]] = {}


def _sharing(real, cache):  # type: ignore[no-untyped-def]
    """`play_unit` that plays each all-AI column once (kept in `cache`) and every seat's strategy column itself."""

    def play_unit(cs, seed, seeds, length, seat, policy):  # type: ignore[no-untyped-def]
        if seat is not None and policy is not None:
            return real(cs, seed, seeds, length, seat, policy)
        key = (cs.scenario.id, seed, seeds, length)
        if key not in cache:
            cache[key] = real(cs, seed, seeds, length, seat, policy)
        return list(cache[key])

    return play_unit


@pytest.fixture
def shared_ai_games(monkeypatch: pytest.MonkeyPatch) -> None:
    """`run_seats` (jobs 1) plays its columns through `play_unit`: the all-AI games are shared across seats."""
    monkeypatch.setattr(SEATS, "play_unit", _sharing(SEATS.play_unit, _AI_GAMES))


def _answers(s, seat: str) -> set[str]:
    return {str(e.data.get("answer")) for e in s.log if e.kind is LogKind.ANSWER and e.actor == seat}


def test_scripted_answers_are_what_the_strategy_says():
    cs = compile_scenario(load(TUTORIAL).scenario)
    seat = cs.delegation_ids[cs.actors[0]]
    answered = {p: set() for p in (Policy.REFUSE_ALL, Policy.ACCEPT_ALL, Policy.PASS_ALL)}
    for k in range(6):
        for policy, seen in answered.items():
            s = play_seat(cs, (3, k), "full", seat, policy)
            assert s.ended
            seen |= _answers(s, seat)
            moves = [e for e in s.log if e.actor == seat and e.kind in (LogKind.PROPOSAL, LogKind.POSITION, LogKind.WALKOUT)]
            assert not moves, f"{policy} made a move: {moves[0]}"
    assert answered[Policy.REFUSE_ALL] <= {"reject"} and answered[Policy.ACCEPT_ALL] <= {"accept"}
    assert answered[Policy.REFUSE_ALL] and answered[Policy.ACCEPT_ALL]  # the seat was asked at all
    assert answered[Policy.PASS_ALL] == set()


def test_own_ideal_proposes_the_best_option_on_every_open_issue():
    cs = compile_scenario(load(TUTORIAL).scenario)
    d = cs.actors[0]
    s = new_game(cs, 1)
    t = table(s, d)
    for k in range(len(cs.instrument_ids)):
        if d not in cs.parties[k]:
            continue
        pkg = ideal_package(s, d, k)
        for i, o in zip(cs.scope[k], pkg, strict=True):
            assert t.contrib[i][o] == max(t.contrib[i])
    while s.actor != d:
        s, _ = play_ai_turn(s)
    player = SeatPlayer(d, Policy.OWN_IDEAL, Negotiator())
    after = player.turn(s)
    made = [p for p in after.proposals if p.proposer == d]
    assert made and made[-1].package == ideal_package(s, d, made[-1].instrument)


def test_top_issue_signs_nothing_that_gives_up_the_weightiest_issue():
    cs = compile_scenario(load(GENOA).scenario)
    s = new_game(cs, (1922, 0), "short")
    d, k = cs.d_index["belgium"], cs.inst_index["general_settlement"]
    prop = [cs.issue_ids[i] for i in cs.scope[k]].index("property")
    options = cs.option_ids[cs.scope[k][prop]]
    for option, gives_up in (("restitution", False), ("compensation", True), ("leases", True)):
        pkg = list(ideal_package(s, d, k))
        pkg[prop] = options.index(option)
        assert gives_up_top_issue(s, d, k, tuple(pkg)) is gives_up, option
    # over whole games: whatever Belgium offers or accepts for the settlement restores the property
    seen = 0
    for n in range(4):
        end = play_seat(cs, (1922, n), "short", "belgium", Policy.TOP_ISSUE)
        for p in end.proposals:
            if p.instrument != k:
                continue
            mine = p.proposer == d or any(
                e.kind is LogKind.ANSWER and e.actor == "belgium" and e.data.get("proposal") == p.id and e.data.get("answer") == "accept"
                for e in end.log
            )
            if mine:
                seen += 1
                assert options[p.package[prop]] == "restitution", f"game {n}: proposal {p.id}"
    assert seen > 0  # it did offer (its own, restoring) settlements


def test_red_line_walks_out_where_its_ai_stays():
    cs = compile_scenario(load(GENOA).scenario)
    france = cs.d_index["france"]
    ai_walkouts = red_walkouts = 0
    for n in range(3):
        ai_walkouts += france in play_game(cs, (1922, n), "short", Negotiator()).walked_out
        red = play_seat(cs, (1922, n), "short", "france", Policy.RED_LINE)
        red_walkouts += france in red.walked_out
    assert ai_walkouts == 0 and red_walkouts > 0


def test_report_is_paired_and_its_json_adds_up(capsys):
    assert main(["seats", str(TUTORIAL), "--seeds", "8", "--seed", "2", "--strategy", "refuse_all", "--strategy", "deal_taker", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["seeds"] == 8
    for seat in data["seats"].values():
        for col in seat["strategies"].values():
            assert abs(sum(col["shares"].values()) - 1.0) < 1e-3
            assert set(col["moves"]) == set(data["ai_shares"])
            for o, m in col["moves"].items():
                assert abs(m - 100 * (col["shares"][o] - data["ai_shares"][o])) < 0.11
            assert abs(col["diff"] - (col["score"] - seat["ai_score"])) < 0.02


def test_jobs_do_not_change_the_report():
    one = run_seats(TUTORIAL, seeds=4, seed=9, jobs=1, policies=(Policy.PASS_ALL,)).to_json()
    two = run_seats(TUTORIAL, seeds=4, seed=9, jobs=2, policies=(Policy.PASS_ALL,)).to_json()
    assert one == two


def test_shared_ai_games_give_the_same_report(monkeypatch):
    """The sharing behind the seat tests changes no report, and plays the all-AI games once for all seats."""
    seats = ("northland", "southport", "eastmark")
    kw = {"seeds": 3, "seed": 4, "length": "short", "policies": (Policy.PASS_ALL, Policy.ACCEPT_ALL)}
    plain = [run_seats(TUTORIAL, seats=(seat,), **kw).to_json() for seat in seats]
    played: list[str | None] = []
    real = SEATS.play_unit

    def counted(*args):  # type: ignore[no-untyped-def]
        played.append(args[4])
        return real(*args)

    monkeypatch.setattr(SEATS, "play_unit", _sharing(counted, {}))
    shared = [run_seats(TUTORIAL, seats=(seat,), **kw).to_json() for seat in seats]
    assert shared == plain
    assert played.count(None) == 1 and len(played) == 1 + 2 * len(seats)


def test_unknown_seat_or_strategy_is_a_message(capsys):
    assert main(["seats", str(TUTORIAL), "--seat", "atlantis"]) == 2
    assert main(["seats", str(TUTORIAL), "--strategy", "refuse"]) == 2
    err = capsys.readouterr().err
    assert "atlantis" in err and "refuse_all" in err


#: Seats where a do-nothing strategy does not yet trail the AI by MARGIN at this length (`plenipo seats
#: genoa_1922 --seeds 60 --seed 1922 --length short --seat ID`). Accepting everything also grants every request
#: for an audience, and a reception of Rathenau has a price where a seat's aims would otherwise reward it:
#: Barthou's protest (to Britain or to Italy, while French trust in the host is below 50) costs Britain's
#: `entente_holds` and Italy's `allies_united`, London's frown (`tokyo_receives_rathenau`) Japan's
#: `london_goodwill`. Britain left the list when its AI host began to count that price and the aims Rapallo
#: would break (game/ai/audience.py): refuse_all +1.9 -> -10.7, accept_all -9.3 (full calendar -14.9, -1.1).
#: France left it when its `versailles_intact` aim followed its briefing ("no disarmament debate").
#: Belgium's is not its answers but its silence: an accepting Belgium makes no offers of its own, and whether
#: the settlement or the adjournment is signed then turns out differently in 11 of the 60 games, 6 for and 5
#: against Belgium, by the other delegations' late offers and answers (France refuses most of the adjournments
#: left unsigned). At the full length it trails its AI (-1.2).
KNOWN_EXPLOITS = {
    "belgium": "accept_all +0.1 ±0.9 (short): level with its AI; the adjournment is signed in as many games either way",
}


@pytest.mark.parametrize(
    "seat",
    [pytest.param(s, marks=pytest.mark.xfail(strict=True, reason=KNOWN_EXPLOITS[s])) if s in KNOWN_EXPLOITS else s for s in GENOA_SEATS],
)
def test_no_genoa_seat_is_won_by_doing_nothing(seat, shared_ai_games):
    report = run_seats(GENOA, seeds=60, seed=1922, length="short", seats=(seat,), policies=DO_NOTHING)
    (result,) = report.seats
    for col in result.columns:
        assert col.diff <= -MARGIN, f"{seat}: {col.policy.value} scores {col.mean:.1f}, its AI {result.ai_mean:.1f}"


#: Washington seats still won by doing nothing, measured with `plenipo seats washington_1921 --seeds 60
#: --seed 1921 --length short` (the full calendar's table is in scenarios/README.md). None since Italy's
#: parity aim weighs 5 of 7 (accepting France ahead of Italy no longer pays) and Italy leans to the status quo
#: on Pacific bases (its ideal package is no longer the wide freeze Japan signs early). The closest at this
#: length: Britain's accept_all (-1.2), France's (-1.4) and Japan's (-1.5).
WASHINGTON_EXPLOITS: dict[str, str] = {}


@pytest.mark.parametrize(
    "seat",
    [
        pytest.param(s, marks=pytest.mark.xfail(strict=True, reason=WASHINGTON_EXPLOITS[s])) if s in WASHINGTON_EXPLOITS else s
        for s in WASHINGTON_SEATS
    ],
)
def test_no_washington_seat_is_won_by_doing_nothing(seat, shared_ai_games):
    """The same test for Washington (its short calendar, about 4 s of CPU per seat). A passive United States
    or Italy gets no cable from Hughes to Briand, a passive Britain no Balfour draft and a passive China no
    Far Eastern treaties (the Senate's price of the naval treaty stays), so no treaty comes of itself."""
    report = run_seats(WASHINGTON, seeds=60, seed=1921, length="short", seats=(seat,), policies=DO_NOTHING)
    (result,) = report.seats
    for col in result.columns:
        assert col.diff <= -MARGIN, f"{seat}: {col.policy.value} scores {col.mean:.1f}, its AI {result.ai_mean:.1f}"


TUTORIAL_SEATS = ("northland", "southport", "eastmark")


@pytest.mark.parametrize("seat", TUTORIAL_SEATS)
def test_no_tutorial_seat_is_won_by_doing_nothing(seat, shared_ai_games):
    """The tutorial is the first game a class plays: it must not teach that saying yes to everything wins. Each
    seat's aims name terms as well as the treaty (Northland's toll income, Southport's full naval base,
    Eastmark's open bay), which an AI holds out for and an accept-all seat gives away; with the treaty alone as
    Northland's aim, accepting everything beat its AI (+3.9 at seed 1; 70.0 to 67.8 here), and with shared fishing
    alone Eastmark's (+0.8 at seed 1).
    The full calendar (six sittings) is the one a lesson plays, and costs about a second a seat."""
    report = run_seats(TUTORIAL, seeds=60, seed=1922, length="full", seats=(seat,), policies=DO_NOTHING)
    (result,) = report.seats
    for col in result.columns:
        assert col.diff <= -MARGIN, f"{seat}: {col.policy.value} scores {col.mean:.1f}, its AI {result.ai_mean:.1f}"


def test_a_follower_answers_but_never_proposes():
    cs = compile_scenario(load(TUTORIAL).scenario)
    seat = cs.delegation_ids[cs.actors[0]]
    answered: set[str] = set()
    for k in range(4):
        s = play_seat(cs, (5, k), "full", seat, Policy.FOLLOWER)
        assert s.ended
        assert not [e for e in s.log if e.actor == seat and e.kind is LogKind.PROPOSAL]
        answered |= _answers(s, seat)
    assert answered  # it was asked, and answered as its AI does


def test_says_why_refuses_what_deal_taker_refuses_and_names_what_would_change_it():
    """`says_why` answers as `deal_taker` does; each of its refusals names an issue of the package and an option it
    values more than the one offered, the one where the offer costs it most."""
    cs = compile_scenario(load(GENOA).scenario)
    said = play_seat(cs, (1922, 3), "short", "soviet", Policy.SAYS_WHY)
    soviet = cs.d_index["soviet"]
    refusals = [e for e in said.log if e.kind is LogKind.ANSWER and e.actor == "soviet" and e.data["answer"] == "reject"]
    assert refusals
    for e in refusals:
        p = said.proposals[int(e.data["proposal"]) - 1]
        want = e.data["want"]
        i = cs.i_index[want["issue"]]
        assert i in cs.scope[p.instrument]
        offered = p.package[cs.scope[p.instrument].index(i)]
        values = said.stances.values[soviet, cs.option_offset[i] : cs.option_offset[i] + len(cs.option_ids[i])]
        assert values[cs.option_ids[i].index(want["option"])] > values[offered]


#: Each seat's lever: a simple, sensible strategy that moves an outcome share by at least `LEVER_POINTS` (issue
#: #12), at the length it is measured at (`plenipo seats SCENARIO --seeds 60 --seed S --length L --seat ID`). Japan's
#: is Rathenau's: receiving him (`open_door`) takes away Germany's motive for Rapallo, which the short calendar's
#: fewer sittings leave too little room to matter (+7 there), so Japan's is checked on the full calendar (-40).
GENOA_LEVERS = {
    "britain": (Policy.OPEN_DOOR, "short"),
    "france": (Policy.RED_LINE, "short"),
    "italy": (Policy.OPEN_DOOR, "short"),
    "germany": (Policy.RED_LINE, "short"),
    "soviet": (Policy.RED_LINE, "short"),
    "belgium": (Policy.TOP_ISSUE, "short"),
    "japan": (Policy.OPEN_DOOR, "full"),
}
WASHINGTON_LEVERS = {
    "usa": Policy.FOLLOWER,
    "britain": Policy.HARD_LINE,
    "japan": Policy.HARD_LINE,
    "france": Policy.RED_LINE,
    "italy": Policy.FOLLOWER,
    "china": Policy.RED_LINE,
}


def test_every_seat_of_both_scenarios_is_named_a_lever():
    assert set(GENOA_LEVERS) == set(GENOA_SEATS) and set(WASHINGTON_LEVERS) == set(WASHINGTON_SEATS)
    assert all(p in SEATS.SENSIBLE for p, _ in GENOA_LEVERS.values()) and all(p in SEATS.SENSIBLE for p in WASHINGTON_LEVERS.values())


@pytest.mark.parametrize("seat", GENOA_SEATS)
def test_each_genoa_seat_has_a_lever(seat, shared_ai_games):
    policy, length = GENOA_LEVERS[seat]
    (result,) = run_seats(GENOA, seeds=60, seed=1922, length=length, seats=(seat,), policies=(policy,)).seats
    outcome, move = result.column(policy).biggest_move
    assert abs(move) >= SEATS.LEVER_POINTS, f"{seat}: {policy.value} moves {outcome} by {move:+.1f} points at most"


@pytest.mark.parametrize("seat", WASHINGTON_SEATS)
def test_each_washington_seat_has_a_lever(seat, shared_ai_games):
    policy = WASHINGTON_LEVERS[seat]
    (result,) = run_seats(WASHINGTON, seeds=60, seed=1921, length="short", seats=(seat,), policies=(policy,)).seats
    outcome, move = result.column(policy).biggest_move
    assert abs(move) >= SEATS.LEVER_POINTS, f"{seat}: {policy.value} moves {outcome} by {move:+.1f} points at most"
