"""The loader on broken files: each kind of mistake gets its own message, key path and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.errors import Problem, ScenarioError, format_path
from game.scenario.loader import load

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL_TEXT = (ROOT / "scenarios" / "tutorial.toml").read_text(encoding="utf-8")


def broken(tmp_path: Path, old: str, new: str, name: str = "broken.toml") -> tuple[Path, str]:
    """The tutorial with one replacement; returns the file and its text."""
    assert TUTORIAL_TEXT.count(old) >= 1, old
    text = TUTORIAL_TEXT.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path, text


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def problems(path: Path) -> list[Problem]:
    with pytest.raises(ScenarioError) as err:
        load(path)
    assert err.value.problems, "a ScenarioError always names at least one problem"
    return list(err.value.problems)


def only(path: Path) -> Problem:
    found = problems(path)
    assert len(found) == 1, [str(p) for p in found]
    return found[0]


def test_unknown_key_is_named_with_its_path_and_line(tmp_path):
    path, text = broken(tmp_path, 'essential = true\npublic_demands = { en = "High', 'essentail = true\npublic_demands = { en = "High')
    p = only(path)
    assert p.path == ("delegations", 0, "essentail")
    assert p.message == "unknown key (did you mean 'essential'?)"
    assert p.line == line_of(text, "essentail")
    assert str(p).startswith(f"{path}:{p.line}:1: error: delegations[0].essentail: unknown key (did you mean 'essential'?)")


def test_wrong_type_is_reported_at_its_key(tmp_path):
    path, text = broken(tmp_path, "reservation = 65", 'reservation = "low"')
    p = only(path)
    assert p.path == ("delegations", 0, "reservation")
    assert "valid number" in p.message
    assert p.line == line_of(text, 'reservation = "low"')


def test_wrong_type_of_text_says_what_a_text_is(tmp_path):
    path, _ = broken(tmp_path, 'title = { en = "Harbour tolls", lt = "Uosto mokesčiai" }', "title = 42")
    p = only(path)
    assert p.path == ("issues", 0, "title")
    assert "a string, or a table of language code to string" in p.message


@pytest.mark.parametrize(
    ("old", "new", "path", "words"),
    [
        ("reservation = 65", "reservation = 135", ("delegations", 0, "reservation"), "less than or equal to 100"),
        ("chance = 0.7", "chance = 7", ("events", 0, "chance"), "chance is a probability, from 0 (never) to 1 (always)"),
        (
            "weight = 3\nvalues = { high = 100",
            "weight = -3\nvalues = { high = 100",
            ("delegations", 0, "stances", "tolls", "weight"),
            "greater than or equal to 0",
        ),
    ],
)
def test_out_of_range_number_is_reported_with_its_bound(tmp_path, old, new, path, words):
    file, text = broken(tmp_path, old, new)
    p = only(file)
    assert p.path == path
    assert words in p.message
    assert p.line == line_of(text, new.splitlines()[0])


def test_unknown_id_suggests_the_closest_known_one(tmp_path):
    path, text = broken(tmp_path, 'when = { signed = "harbour_treaty" }\ndebrief', 'when = { signed = "harbor_treaty" }\ndebrief')
    p = only(path)
    assert p.path == ("outcomes", 0, "when", "signed")
    assert p.message == "unknown instrument 'harbor_treaty' (did you mean 'harbour_treaty'?)"
    assert p.line == line_of(text, '"harbor_treaty"')


def test_unknown_party_suggests_the_delegation_meant(tmp_path):
    path, text = broken(tmp_path, 'parties = ["southport", "eastmark"]', 'parties = ["southport", "eastmrak"]')
    found = problems(path)
    assert found[0].path == ("instruments", 1, "parties", 1)
    assert "unknown delegation 'eastmrak' (did you mean 'eastmark'?)" in found[0].message
    assert found[0].line == line_of(text, '"eastmrak"')


def test_unknown_id_far_from_any_known_one_gets_no_suggestion(tmp_path):
    path, _ = broken(tmp_path, 'when = { signed = "harbour_treaty" }\ndebrief', 'when = { signed = "zzz" }\ndebrief')
    assert only(path).message == "unknown instrument 'zzz'"


def test_stance_missing_an_option_value_names_the_option(tmp_path):
    path, text = broken(tmp_path, "values = { high = 100, medium = 70, low = 10 }", "values = { high = 100, low = 10 }")
    p = only(path)
    assert p.path == ("delegations", 0, "stances", "tolls", "values")
    assert p.message == "no value for option(s) 'medium'"
    assert p.line == line_of(text, "values = { high = 100, low = 10 }")


def test_duplicate_instrument_id_is_reported_once(tmp_path):
    path, text = broken(tmp_path, 'id = "side_pact"\ntitle', 'id = "harbour_treaty"\ntitle')
    found = problems(path)
    assert found[0].path == ("instruments", 1, "id")
    assert found[0].message == "instrument id 'harbour_treaty' is used twice"
    lines = [n for n, line in enumerate(text.splitlines(), start=1) if line == 'id = "harbour_treaty"']
    assert found[0].line == lines[1]


def test_duplicate_issue_id_does_not_cascade_into_missing_options(tmp_path):
    path, _ = broken(tmp_path, 'id = "fishing"\ntitle', 'id = "tolls"\ntitle')
    found = problems(path)
    assert found[0].path == ("issues", 1, "id") and "used twice" in found[0].message
    assert not [p for p in found if "has no option 'high'" in p.message], [str(p) for p in found]


def test_duplicate_option_id_is_reported(tmp_path):
    path, _ = broken(tmp_path, '{ id = "low", label = { en = "Low tolls"', '{ id = "high", label = { en = "Low tolls"')
    found = problems(path)
    assert any(p.path == ("issues", 0, "options", 2, "id") and "used twice" in p.message for p in found), [str(p) for p in found]


def test_bad_toml_syntax_gives_line_and_column(tmp_path):
    path, text = broken(tmp_path, "reservation = 65", "reservation = = 35")
    p = only(path)
    assert p.message.startswith("not valid TOML")
    assert p.line == line_of(text, "reservation = = 35")
    assert p.column is not None and p.column > 1


def test_non_utf8_file_is_refused_with_the_line_of_the_bad_byte(tmp_path):
    path = tmp_path / "latin1.toml"
    blob = TUTORIAL_TEXT.encode("utf-8")
    cut = blob.index(b"[calendar]")
    path.write_bytes(blob[:cut] + b"# caf\xe9\n" + blob[cut:])
    p = only(path)
    assert p.message == "the file is not UTF-8 text"
    assert p.line == blob[:cut].count(b"\n") + 1


def test_missing_file_is_a_scenario_error(tmp_path):
    p = only(tmp_path / "nothing.toml")
    assert p.message == "file not found"


def test_file_with_five_different_mistakes_gets_five_messages(tmp_path):
    text = TUTORIAL_TEXT
    for old, new in [
        ('essential = true\npublic_demands = { en = "High', 'essentail = true\npublic_demands = { en = "High'),  # unknown key
        ("reservation = 40\nrelations = { northland = 45", 'reservation = "forty"\nrelations = { northland = 45'),  # wrong type
        ("chance = 0.7", "chance = 7"),  # out of range
        ('when = { signed = "harbour_treaty" }\ndebrief', 'when = { signed = "harbor_treaty" }\ndebrief'),  # unknown id
        ("values = { closed = 0, shared = 65, open = 100 }", "values = { closed = 0, open = 100 }"),  # missing option value
    ]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "five.toml"
    path.write_text(text, encoding="utf-8")
    found = problems(path)
    assert len(found) == 5, "\n".join(map(str, found))
    assert {format_path(p.path) for p in found} == {
        "delegations[0].essentail",
        "delegations[1].reservation",
        "events[0].chance",
        "outcomes[0].when.signed",
        "delegations[2].stances.fishing.values",
    }
    assert all(p.line is not None and p.file == path for p in found)
    assert len({p.line for p in found}) == 5


def test_extends_loop_is_reported(tmp_path):
    (tmp_path / "a.toml").write_text('extends = "b.toml"\nid = "a"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('extends = "a.toml"\nid = "b"\n', encoding="utf-8")
    found = problems(tmp_path / "a.toml")
    assert any(p.path == ("extends",) and "loop" in p.message for p in found), [str(p) for p in found]
    assert all(p.line == 1 for p in found if p.path == ("extends",))


def test_extends_itself_is_a_loop(tmp_path):
    (tmp_path / "self.toml").write_text('extends = "self.toml"\n', encoding="utf-8")
    found = problems(tmp_path / "self.toml")
    assert any("loop" in p.message for p in found)


def test_extends_missing_file_names_the_file(tmp_path):
    path = tmp_path / "variant.toml"
    path.write_text('id = "variant"\nextends = "nowhere.toml"\n', encoding="utf-8")
    found = problems(path)
    assert found[0].path == ("extends",) and "'nowhere.toml'" in found[0].message and found[0].line == 2
    assert any(p.message == "file not found" for p in found)


def test_variant_extending_the_tutorial_loads_and_overrides(tmp_path):
    (tmp_path / "tutorial.toml").write_text(TUTORIAL_TEXT, encoding="utf-8")
    path = tmp_path / "variant.toml"
    path.write_text('extends = "tutorial.toml"\nid = "tutorial_variant"\n\n[[delegations]]\nid = "eastmark"\nreservation = 70\n', encoding="utf-8")
    s = load(path).scenario
    assert s.id == "tutorial_variant"
    assert next(d for d in s.delegations if d.id == "eastmark").reservation == 70
    assert len(s.delegations) == 3


def test_mistake_in_a_variant_points_to_the_variant_file(tmp_path):
    (tmp_path / "tutorial.toml").write_text(TUTORIAL_TEXT, encoding="utf-8")
    path = tmp_path / "variant.toml"
    path.write_text('extends = "tutorial.toml"\nid = "v"\n\n[[delegations]]\nid = "eastmark"\nreservation = 700\n', encoding="utf-8")
    p = only(path)
    assert p.file.name == "variant.toml" and p.line == 6
    assert format_path(p.path) == "delegations[2].reservation"


def test_newer_format_is_refused_with_its_version(tmp_path):
    path, _ = broken(tmp_path, "format = 1", "format = 99")
    p = only(path)
    assert p.path == ("format",) and "99" in p.message


def test_loading_a_broken_file_changes_nothing_on_disk(tmp_path):
    path, text = broken(tmp_path, "reservation = 65", "reservation = 135")
    problems(path)
    assert path.read_text(encoding="utf-8") == text
    assert sorted(x.name for x in tmp_path.iterdir()) == ["broken.toml"]


SIGNED = 'when = { signed = "harbour_treaty" }\ndebrief'


def test_condition_with_a_misspelt_test_names_the_key_and_the_test_meant(tmp_path):
    path, text = broken(tmp_path, SIGNED, 'when = { sigend = "harbour_treaty" }\ndebrief')
    p = only(path)
    assert p.path == ("outcomes", 0, "when", "sigend")
    assert p.message == "unknown key (did you mean 'signed'?)"
    assert (p.line, p.column) == (line_of(text, "sigend"), text.splitlines()[p.line - 1].index("sigend") + 1)


def test_condition_with_two_tests_says_how_many_it_found(tmp_path):
    path, text = broken(tmp_path, SIGNED, 'when = { signed = "harbour_treaty", always = true }\ndebrief')
    p = only(path)
    assert p.path == ("outcomes", 0, "when")
    assert p.message.startswith("a condition needs exactly one test, found 2; tests are: all, always, any,")
    assert p.line == line_of(text, "always = true }")


def test_empty_condition_deep_in_an_all_is_placed_there(tmp_path):
    path, _ = broken(tmp_path, SIGNED, 'when = { all = [{ signed = "harbour_treaty" }, { not = {} }] }\ndebrief')
    p = only(path)
    assert p.path == ("outcomes", 0, "when", "all", 1, "not")
    assert "needs exactly one test, found 0" in p.message


def test_condition_that_is_not_a_table_says_what_a_condition_is(tmp_path):
    path, _ = broken(tmp_path, SIGNED, 'when = "harbour_treaty"\ndebrief')
    p = only(path)
    assert p.path == ("outcomes", 0, "when")
    assert p.message.startswith("a condition is a table holding one test")


EFFECT = '{ kind = "pressure", delegation = "northland", delta = 0.2 }'


@pytest.mark.parametrize(
    ("new", "path", "message"),
    [
        ('{ kind = "presure", delegation = "northland", delta = 0.2 }', ("kind",), "Input should be 'pressure', 'relation',"),
        ('{ delegation = "northland", delta = 0.2 }', ("kind",), "required key is missing"),
        ('{ kind = "pressure", delegation = "northland" }', (), "a 'pressure' effect needs delta"),
        (
            '{ kind = "pressure", delegation = "northland", delta = 0.2, issue = "tolls" }',
            ("issue",),
            "a 'pressure' effect takes no 'issue'; it takes kind, delegation, delta",
        ),
    ],
)
def test_effect_is_checked_against_the_keys_of_its_kind(tmp_path, new, path, message):
    file, text = broken(tmp_path, EFFECT, new)
    p = only(file)
    assert p.path[0] == "instruments" and p.path[2] == "effects" and p.path[4:] == path
    assert p.message.startswith(message)
    assert p.line == line_of(text, new)


def test_a_list_where_a_test_takes_one_id_says_how_to_name_several(tmp_path):
    path, text = broken(tmp_path, SIGNED, 'when = { signed = ["harbour_treaty", "side_pact"] }\ndebrief')
    p = only(path)
    assert p.path == ("outcomes", 0, "when", "signed")
    assert p.message == "one value here, not a list of 2; for several, write one test each inside `any = [ ... ]`"
    assert p.line == line_of(text, '"side_pact"] }')


def test_a_list_where_one_text_belongs_is_counted(tmp_path):
    path, _ = broken(tmp_path, 'id = "tutorial"', 'id = ["tutorial", "other"]')
    p = only(path)
    assert p.path == ("id",)
    assert p.message == "one value here, not a list of 2"
