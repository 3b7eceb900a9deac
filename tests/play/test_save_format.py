"""The save format's models: every kind of action round-trips, and each bad field is named in one sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.engine import actions as A
from game.play.codec import CodecError, action_from_json, action_to_json
from game.play.save_format import MODEL_OF
from game.play.saves import SaveError, load_save, save
from game.play.session import Session, SessionSetup
from game.scenario.loader import load

TUTORIAL = Path(__file__).resolve().parents[2] / "scenarios" / "tutorial.toml"

ids = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
reasons = st.none() | st.builds(
    A.Reasons,
    st.floats(0, 100),
    st.floats(0, 100),
    st.floats(0, 100),
    st.tuples(ids),
    ids,
    wanted=st.lists(ids, max_size=1).map(tuple),
    chance=st.none() | st.floats(0, 1),
    stated=st.lists(ids, max_size=1).map(tuple),
    cost=st.none() | st.floats(-100, 100),
    positions_met=st.booleans(),
)
actions = st.one_of(
    st.builds(
        A.Propose,
        ids,
        ids,
        st.lists(st.tuples(ids, ids), max_size=3).map(tuple),
        st.lists(ids, max_size=2).map(tuple),
        st.none() | st.integers(1, 500),
        reasons,
        ids,
    ),
    st.builds(A.Respond, ids, st.integers(1, 500), st.sampled_from(A.Answer), reasons, ids, st.none() | st.tuples(ids, ids)),
    st.builds(A.Shift, ids, ids, ids, reasons, ids),
    st.builds(A.Statement, ids, ids, st.sampled_from(A.StatementKind), st.none() | ids, ids),
    st.builds(A.Walkout, ids, reasons, ids),
    st.builds(A.Pass, ids, ids),
    st.builds(A.RequestAudience, ids, ids, ids),
    st.builds(A.AnswerAudience, ids, st.integers(1, 50), st.booleans()),
    st.builds(A.FireEvent, ids),
    st.builds(A.News, ids, ids),
    st.builds(A.MoveEnd, st.integers(-5, 5)),
    st.builds(A.EndNow, ids),
    st.builds(A.SetControl, ids, st.booleans()),
)


def test_every_kind_of_action_has_a_model() -> None:
    kinds = {
        A.Propose,
        A.Respond,
        A.Shift,
        A.Statement,
        A.Walkout,
        A.Pass,
        A.RequestAudience,
        A.AnswerAudience,
        A.FireEvent,
        A.News,
        A.MoveEnd,
        A.EndNow,
        A.SetControl,
    }
    assert set(MODEL_OF) == kinds


@given(actions)
def test_every_action_round_trips_through_json(action: A.Action) -> None:
    assert action_from_json(json.loads(json.dumps(action_to_json(action)))) == action


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"type": "Bribe", "actor": "x"}, "actions[3]: unknown action type 'Bribe'"),
        ({"actor": "x"}, "actions[3]: missing 'type'"),
        ({"type": "Respond", "actor": "x", "proposal": True, "answer": "accept"}, "actions[3].proposal: must be a whole number"),
        ({"type": "Respond", "actor": "x", "proposal": 2, "answer": "maybe"}, "actions[3].answer: must be one of 'accept' or 'reject'"),
        ({"type": "Propose", "actor": "x", "instrument": "t", "package": [["a", "b", "c"]]}, "actions[3].package[0]: has too many items"),
        ({"type": "Shift", "actor": "x", "issue": 7, "option": "o"}, "actions[3].issue: must be text"),
        ({"type": "SetControl", "delegation": "x", "human": "yes"}, "actions[3].human: must be true or false"),
        (
            {"type": "Walkout", "actor": "x", "reasons": {"value": "high", "aspiration": 1, "alternative": 2}},
            "actions[3].reasons.value: must be a number",
        ),
        (
            {
                "type": "Respond",
                "actor": "x",
                "proposal": 2,
                "answer": "reject",
                "reasons": {"value": 1, "aspiration": 1, "alternative": 1, "positions_met": "yes"},
            },
            "actions[3].reasons.positions_met: must be true or false",
        ),
        (
            {
                "type": "Respond",
                "actor": "x",
                "proposal": 2,
                "answer": "reject",
                "reasons": {"value": 1, "aspiration": 1, "alternative": 1, "cost": "high"},
            },
            "actions[3].reasons.cost: must be a number",
        ),
        ("Pass", "actions[3]: must be a table"),
    ],
)
def test_a_bad_action_is_named_with_its_field(table: object, message: str) -> None:
    with pytest.raises(CodecError) as err:
        action_from_json(table, "actions[3]")
    assert str(err.value) == message


@pytest.fixture
def good(tmp_path: Path) -> Path:
    s = Session(load(TUTORIAL), SessionSetup(str(TUTORIAL), "en", ("northland",), "short", 5))
    s.note("timer", minutes=3.0, auto_pass=False)
    while not s.state.ended:
        if s.waiting_for_human:
            s.apply(A.Pass(s.state.actor_id or ""))
        s.run_ai()
    path = tmp_path / "good.json"
    save(s, path)
    return path


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d["setup"].update(seed=-1), "setup.seed: must be a whole number from 0 to 9223372036854775807"),
        (lambda d: d["setup"].update(humans="northland"), "setup.humans: must be a list"),
        (lambda d: d["setup"].update(aim_weights={"northland": {"treaty": True}}), "setup.aim_weights.northland.treaty: must be a number"),
        (lambda d: d["setup"].update(turn_minutes=601), "setup.turn_minutes: must be a number of minutes from 0 to 600"),
        (lambda d: d["journal"][0].update(minutes=-1), "journal[0].minutes: must be a number of minutes from 0 to 600"),
        (lambda d: d["journal"][0].pop("date"), "journal[0]: missing 'date'"),
        (lambda d: d.update(undone=[{"sitting": 1.5, "actions": []}]), "undone[0].sitting: must be a whole number from 0 to 20000"),
        (lambda d: d["actions"][2].update(type="Pass", actor=None), "actions[2].actor: must be text"),
        (lambda d: d["setup"].update(lang="xx"), "setup.lang: 'xx' is not a language of Plenipo"),
    ],
)
def test_a_hand_edited_save_is_refused_naming_the_field(good: Path, edit: object, message: str) -> None:
    data = json.loads(good.read_text(encoding="utf-8"))
    edit(data)  # type: ignore[operator]
    good.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError) as err:
        load_save(good)
    assert f"{good}: damaged save ({message}" in str(err.value)


def test_keys_a_later_release_adds_are_ignored(good: Path) -> None:
    data = json.loads(good.read_text(encoding="utf-8"))
    data["mood"] = "tense"
    data["setup"]["projector"] = True
    data["actions"][0]["emphasis"] = 3
    good.write_text(json.dumps(data), encoding="utf-8")
    assert load_save(good).session.state.ended
