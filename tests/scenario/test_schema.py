"""`plenipo schema`: editors check a file against it, so it must say what the loader says."""

from __future__ import annotations

from game.scenario.models import EFFECTS, TESTS, schema


def _choices(s: dict, model: str, field: str) -> list[dict]:
    """The alternatives a field of a model may take, each resolved to its definition."""
    prop = s["$defs"][model]["properties"][field]
    refs = prop.get("oneOf") or next(x["oneOf"] for x in prop.get("anyOf", []) if "oneOf" in x)
    return [s["$defs"][r["$ref"].rsplit("/", 1)[1]] for r in refs]


def test_a_condition_is_one_of_the_tests_each_a_table_of_exactly_its_key():
    s = schema()
    tests = _choices(s, "Outcome", "when")
    assert sorted(key for t in tests for key in t["required"]) == sorted(TESTS)
    for t in tests:
        assert t["additionalProperties"] is False
        assert list(t["properties"]) == t["required"]  # one key, required: a table with two tests matches none


def test_an_optional_condition_is_still_one_of_the_tests():
    assert len(_choices(schema(), "Event", "when")) == len(TESTS)


def test_an_effect_is_one_of_the_kinds_each_with_only_its_own_keys():
    s = schema()
    prop = s["$defs"]["Event"]["properties"]["effects"]["items"]
    kinds = [s["$defs"][r["$ref"].rsplit("/", 1)[1]] for r in prop["oneOf"]]
    assert sorted(k["properties"]["kind"]["const"] for k in kinds) == sorted(EFFECTS)
    for k in kinds:
        assert k["additionalProperties"] is False
        assert "kind" in k["required"]
    leak = next(k for k in kinds if k["properties"]["kind"]["const"] == "leak")
    assert set(leak["properties"]) == {"kind", "instrument"}


def test_toward_takes_one_id_or_a_list_as_the_files_write_it():
    s = schema()
    relation = s["$defs"]["RelationEffect"]["properties"]["toward"]
    types = {x.get("type") for x in relation["anyOf"]}
    assert types == {"array", "string"}
