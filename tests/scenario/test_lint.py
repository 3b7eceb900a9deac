"""Validator warnings: each kind fires on a purpose-built file, and never on shipped scenarios."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.errors import Severity
from game.scenario.lint import KINDS
from game.scenario.loader import load
from tests.scenario.conftest import SCENARIOS


def kinds(path: Path) -> list[str]:
    loaded = load(path)
    assert all(w.severity is Severity.WARNING for w in loaded.warnings)
    return [w.message.rsplit("[", 1)[1].rstrip("]") for w in loaded.warnings]


def test_starter_scenario_has_no_warnings(make_scenario):
    assert load(make_scenario()).warnings == ()


BAD = {
    "event-never-fires": {"append": '[[events]]\nid = "late"\ntitle = "Late"\nwhen = { on_or_after = "1920-04-01" }\n'},
    "event-outside-calendar": {"append": '[[events]]\nid = "late"\ntitle = "Late"\ndate = "1921-01-01"\n'},
    "outcome-unreachable": {"append": '[[outcomes]]\nid = "never"\ntitle = "Never"\nwhen = { always = false }\n'},
    "outcome-shadowed": {"append": '[[outcomes]]\nid = "late"\ntitle = "Late"\nwhen = { signed = "treaty" }\n'},
    "no-catch-all": {"replace": {"when = { always = true }": 'when = { walked_out = "westria" }'}},
    "option-nobody-values": {"replace": {"high = 0, low = 70, none = 100": "high = 0, low = 70, none = 0"}},
    "instrument-unacceptable": {"replace": {"reservation = 35        # what": "reservation = 100        # what"}},
    "missing-translation": {"replace": {'languages = ["en"]': 'languages = ["en", "lt"]'}},
    "aim-never-met": {
        "replace": {
            'when = { settled = { issue = "river", among = ["midstream", "east_bank"] } }': (
                'when = { relation = { of = "westria", toward = "eastria", above = 100 } }'
            )
        }
    },
    "length-off-calendar": {
        "replace": {'sittings = ["1920-03-01", "1920-03-03", "1920-03-05"]': 'sittings = ["1920-03-01", "1920-03-03", "1920-03-07"]'}
    },
    "instruments-overlap": {"append": '[[instruments]]\nid = "duty_pact"\ntitle = "Duty pact"\nparties = ["westria", "eastria"]\nscope = ["duty"]\n'},
    "delegation-idle": {"append": '[[delegations]]\nid = "lurker"\nname = "Lurker"\n'},
    "reservation-unused": {
        "replace": {
            "stances.river = { weight = 3, values": "stances.river = { weight = 3, no_deal = 40, values",
            "stances.duty = { weight = 1, values": "stances.duty = { weight = 1, no_deal = 40, values",
        }
    },
    "options-not-a-scale": {
        "replace": {
            "west_bank = 0, midstream = 60, east_bank = 100": "west_bank = 0, midstream = 100, east_bank = 60",
            "west_bank = 100, midstream = 70, east_bank = 10": "west_bank = 60, midstream = 0, east_bank = 100",
        }
    },
    "label-too-long": {"replace": {'label = "Border in midstream"': 'label = "Border in midstream, along the deepest channel"'}},
    "chance-draws-implicit": {"append": '[[events]]\nid = "rumour"\ntitle = "Rumour"\nwhen = { turn_at_least = 2 }\nchance = 0.5\n'},
}


def test_every_warning_kind_has_a_bad_file():
    assert set(BAD) == set(KINDS)


@pytest.mark.parametrize("kind", sorted(BAD))
def test_warning_fires_on_purpose_built_file(make_scenario, kind):
    path = make_scenario(**BAD[kind])
    found = kinds(path)
    assert kind in found, found


def test_warning_has_file_line_and_key_path(make_scenario):
    path = make_scenario(**BAD["event-outside-calendar"])
    (w,) = load(path).warnings
    assert w.file == path and w.line is not None and w.path == ("events", 1, "date")
    assert str(w).startswith(f"{path}:{w.line}:8: warning: events[1].date: ")  # column 8: the value after `date = `


@pytest.mark.parametrize(
    "when",
    [
        '{ signed = "treaty" }',  # signing the treaty ends the conference
        '{ walked_out = "westria" }',  # an essential walkout ends it
        '{ all = [{ fired = "flood" }, { not = { fired = "flood" } }] }',
        "{ any = [] }",
        '{ all = [{ on_or_after = "1920-03-05" }, { before = "1920-03-04" }] }',
        "{ turn_at_least = 7 }",
        '{ pressure = { of = "westria", above = 1 } }',
        '{ relation = { of = "westria", toward = "eastria", above = 60, below = 40 } }',
        '{ proposed = { instrument = "treaty", by = "westria", excluding = "westria" } }',
        "{ not = { always = true } }",
        '{ fired = "late2" }',
    ],
)
def test_event_conditions_that_cannot_hold(make_scenario, when):
    extra = '[[events]]\nid = "late2"\ntitle = "Never"\nwhen = { always = false }\n'
    path = make_scenario(append=f'[[events]]\nid = "x"\ntitle = "X"\nwhen = {when}\n' + extra)
    messages = [w.message for w in load(path).warnings if w.path[:2] == ("events", 1)]
    assert messages and "[event-never-fires]" in messages[0], messages


@pytest.mark.parametrize(
    "when",
    [
        '{ fired = "flood" }',
        '{ all = [{ on_or_after = "1920-03-02" }, { before = "1920-03-04" }] }',
        "{ turn_at_least = 6 }",
        '{ pressure = { of = "westria", above = 0.5 } }',
        '{ not = { signed = "treaty" } }',
        '{ position = { of = "eastria", issue = "duty", among = ["low"] } }',
        '{ any = [{ always = false }, { fired = "flood" }] }',
    ],
)
def test_event_conditions_that_can_hold_give_no_warning(make_scenario, when):
    path = make_scenario(append=f'[[events]]\nid = "x"\ntitle = "X"\nwhen = {when}\n')
    assert load(path).warnings == ()


def test_outcome_for_signed_treaty_is_fine_at_the_end(make_scenario):
    # `signed` of a conference-ending instrument cannot trigger an event, but holds at the end
    assert "outcome-unreachable" not in kinds(make_scenario())


def test_outcomes_covering_each_other_need_no_always(make_scenario):
    path = make_scenario(replace={"when = { always = true }": 'when = { not = { signed = "treaty" } }'})
    assert "no-catch-all" not in kinds(path)


def test_identical_outcome_conditions_are_shadowed(make_scenario):
    path = make_scenario(
        replace={
            '[[outcomes]]\nid = "no_treaty"': '[[outcomes]]\nid = "again"\ntitle = "Again"\n'
            'when = { signed = "treaty" }\n\n[[outcomes]]\nid = "no_treaty"'
        }
    )
    (w,) = load(path).warnings
    assert "same condition" in w.message and w.path == ("outcomes", 1, "when")


def test_option_raised_by_an_event_is_not_flagged(make_scenario):
    path = make_scenario(
        replace={"high = 0, low = 70, none = 100": "high = 0, low = 70, none = 0"},
        append='[[events]]\nid = "boom"\ntitle = "Boom"\ndate = "1920-03-02"\n'
        'effects = [{ kind = "value", delegation = "eastria", issue = "duty", option = "none", delta = 50 }]\n',
    )
    assert "option-nobody-values" not in kinds(path)


def test_instrument_whose_party_is_moved_by_an_event_is_not_flagged(make_scenario):
    path = make_scenario(
        replace={"reservation = 35        # what": "reservation = 100        # what"},
        append='[[events]]\nid = "boom"\ntitle = "Boom"\ndate = "1920-03-02"\n'
        'effects = [{ kind = "reservation", delegation = "westria", delta = -50 }]\n',
    )
    assert "instrument-unacceptable" not in kinds(path)


def test_missing_translation_names_each_text(make_scenario):
    path = make_scenario(replace={'languages = ["en"]': 'languages = ["en", "lt"]'})
    paths = {w.path for w in load(path).warnings}
    assert ("meta", "title") in paths and ("issues", 0, "options", 0, "label") in paths
    assert ("meta", "authors") not in paths  # names are not texts


def test_translated_file_is_clean(make_scenario):
    path = make_scenario(
        replace={
            'languages = ["en"]': 'languages = ["en", "lt"]',
            'title = "The T Conference"': 'title = { en = "The T Conference", lt = "T konferencija" }',
        }
    )
    assert ("meta", "title") not in {w.path for w in load(path).warnings}


SHIPPED = sorted(SCENARIOS.glob("*.toml"))


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_shipped_scenarios_lint_clean(path):
    loaded = load(path)
    assert [str(w) for w in loaded.warnings] == []
