"""The designer's checks on mediators, settled issues and other accepted mistakes: each on a purpose-built file."""

from __future__ import annotations

import pytest

from game.scenario.errors import ScenarioError
from game.scenario.loader import load

OBSERVING_MEDIATOR = """
[[delegations]]
id = "envoy"
name = "Envoy"
observer = true
mediator = true
"""


def test_an_observer_cannot_be_a_mediator(make_scenario):
    with pytest.raises(ScenarioError) as err:
        load(make_scenario(append=OBSERVING_MEDIATOR))
    messages = [p.message for p in err.value.problems]
    assert "'envoy' is an observer, and observers never act: it cannot mediate" in messages
    assert [p.path for p in err.value.problems if "mediate" in p.message] == [("delegations", 2, "mediator")]


def test_a_mediator_loads(make_scenario):
    loaded = load(make_scenario(append=OBSERVING_MEDIATOR.replace("observer = true\n", "")))
    assert [d.id for d in loaded.scenario.delegations if d.mediator] == ["envoy"]


def warnings(path) -> list[str]:
    return [f"{'.'.join(map(str, w.path))}: {w.message}" for w in load(path).warnings]


def test_two_contradictory_settled_tests_make_an_outcome_unreachable(make_scenario):
    outcome = (
        '[[outcomes]]\nid = "both"\ntitle = "Both banks"\nwhen = { all = [{ settled = { issue = "river", among = ["west_bank"] } }, '
        '{ settled = { issue = "river", among = ["east_bank", "midstream"] } }] }\n'
    )
    found = warnings(make_scenario(append=outcome))
    assert (
        "outcomes.2.when: outcome 'both' can never hold: issue 'river' is settled once, on one option, but `settled` tests here "
        "ask for west_bank and for east_bank or midstream at once [outcome-unreachable]"
    ) in found


def test_settled_tests_that_can_agree_are_not_flagged(make_scenario):
    outcome = (
        '[[outcomes]]\nid = "mid"\ntitle = "Mid"\nwhen = { all = [{ settled = { issue = "river", among = ["west_bank", "midstream"] } }, '
        '{ settled = { issue = "river", among = ["east_bank", "midstream"] } }] }\n'
    )
    assert not [w for w in warnings(make_scenario(append=outcome)) if "settled once" in w]


def test_overlapping_instruments_are_named_and_overlaps_silences_them(make_scenario):
    pact = '[[instruments]]\nid = "duty_pact"\ntitle = "Duty pact"\nparties = ["westria", "eastria"]\nscope = ["duty"]\n'
    assert (
        "instruments.1.scope: 'duty_pact' and 'treaty' both settle 'duty': whichever is signed first settles it for both; "
        "if that is intended, add 'treaty' to this instrument's `overlaps` [instruments-overlap]"
    ) in warnings(make_scenario(append=pact))
    quiet = warnings(make_scenario(append=pact + 'overlaps = ["treaty"]\n', name="q"))
    assert not [w for w in quiet if "instruments-overlap" in w]


def test_an_unknown_instrument_in_overlaps_is_an_error(make_scenario):
    pact = '[[instruments]]\nid = "duty_pact"\ntitle = "Duty pact"\nparties = ["westria", "eastria"]\nscope = ["duty"]\noverlaps = ["traety"]\n'
    with pytest.raises(ScenarioError) as err:
        load(make_scenario(append=pact))
    assert [p.message for p in err.value.problems] == ["unknown instrument 'traety' (did you mean 'treaty'?)"]


def test_a_delegation_in_no_instrument_is_flagged_unless_observer_or_mediator(make_scenario):
    lurker = '[[delegations]]\nid = "lurker"\nname = "Lurker"\n'
    assert (
        "delegations.2.id: 'lurker' is party to no instrument and is not a mediator: it can never propose or answer; make it a "
        "party, a mediator (`mediator = true`) or an observer (`observer = true`) [delegation-idle]"
    ) in warnings(make_scenario(append=lurker))
    for extra in ("mediator = true\n", "observer = true\n"):
        assert not [w for w in warnings(make_scenario(append=lurker + extra, name="q")) if "delegation-idle" in w]


def test_a_reservation_no_stance_uses_is_flagged(make_scenario):
    path = make_scenario(
        replace={
            "stances.river = { weight = 3, values": "stances.river = { weight = 3, no_deal = 40, values",
            "stances.duty = { weight = 1, values": "stances.duty = { weight = 1, no_deal = 40, values",
        }
    )
    assert (
        "delegations.0.reservation: reservation = 35 is never used: every stance of 'westria' sets its own `no_deal` [reservation-unused]"
    ) in warnings(path)


def test_options_in_no_delegations_order_are_flagged(make_scenario):
    path = make_scenario(
        replace={
            "west_bank = 0, midstream = 60, east_bank = 100": "west_bank = 0, midstream = 100, east_bank = 60",
            "west_bank = 100, midstream = 70, east_bank = 10": "west_bank = 60, midstream = 0, east_bank = 100",
        }
    )
    assert (
        "issues.0.options: no delegation's values rise or fall steadily along the order west_bank, midstream, east_bank: the AI "
        "concedes one step at a time along it, so put the options in order from one side's wish to the other's "
        "[options-not-a-scale]"
    ) in warnings(path)


def test_one_delegation_on_a_scale_is_enough(make_scenario):
    path = make_scenario(replace={"west_bank = 0, midstream = 60, east_bank = 100": "west_bank = 0, midstream = 100, east_bank = 60"})
    assert not [w for w in warnings(path) if "options-not-a-scale" in w]


def test_a_chance_with_when_must_say_per_sitting(make_scenario):
    rumour = '[[events]]\nid = "rumour"\ntitle = "Rumour"\nwhen = { turn_at_least = 2 }\nchance = 0.5\n'
    assert (
        "events.1.chance: with `when`, chance = 0.5 is drawn again at every sitting where `when` holds, until the event fires; "
        "write `per_sitting = true` to keep that, or `per_sitting = false` for one draw [chance-draws-implicit]"
    ) in warnings(make_scenario(append=rumour))
    for extra in ("per_sitting = true\n", "per_sitting = false\n"):
        assert not [w for w in warnings(make_scenario(append=rumour + extra, name="q")) if "chance-draws-implicit" in w]


def test_until_before_date_is_an_error(make_scenario):
    with pytest.raises(ScenarioError) as err:
        load(make_scenario(replace={'date = "1920-03-03"': 'date = "1920-03-03"\nuntil = "1920-03-02"'}))
    assert [p.message for p in err.value.problems] == ["`until` (1920-03-02) is before `date` (1920-03-03): the window holds no sitting"]


def test_an_event_window_that_ends_before_the_first_sitting_never_fires(make_scenario):
    found = warnings(make_scenario(append='[[events]]\nid = "gone"\ntitle = "Gone"\nwhen = { always = true }\nuntil = "1920-02-01"\n'))
    assert [w for w in found if w.startswith("events.1.when: ") and "[event-never-fires]" in w]


def test_a_label_too_long_for_its_row_needs_a_short_label(make_scenario):
    long = 'label = "Border in midstream, along the deepest channel"'
    path = make_scenario(replace={'label = "Border in midstream"': long})
    assert (
        "issues.0.options.1.label: label of 'midstream' has 46 characters; a row of 3 options shows about 32 each in 2 lines: "
        "give a `short` label (the full label shows on hover) [label-too-long]"
    ) in warnings(path)
    quiet = make_scenario(replace={'label = "Border in midstream"': long + ', short = "Midstream"'}, name="q")
    assert not [w for w in warnings(quiet) if "label-too-long" in w]


def test_a_short_label_that_is_still_too_long_is_flagged(make_scenario):
    path = make_scenario(
        replace={
            'label = "Border in midstream"': 'label = "Border in midstream, along the deepest channel", '
            'short = { en = "Midstream", lt = "Siena upės viduriu, giliausia vaga, kaip nustatyta" }',
            'languages = ["en"]': 'languages = ["en", "lt"]',
        }
    )
    assert (
        "issues.0.options.1.short: short of 'midstream' has 50 characters (lt); a row of 3 options shows about 32 each in 2 lines: "
        "shorten it [label-too-long]"
    ) in warnings(path)
