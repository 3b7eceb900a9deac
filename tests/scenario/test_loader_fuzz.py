"""No input file makes the loader crash: it returns a scenario or raises ScenarioError, nothing else.

Every shipped scenario validates clean; then mutated, truncated and hostile
versions of each (wrong types, huge numbers, deep nesting, unusual Unicode,
a 10 MB file) go through `load`, and any exception other than ScenarioError
fails the test with its type.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine.compiled import compile_scenario
from game.scenario.errors import Problem, ScenarioError
from game.scenario.loader import LoadedScenario, load

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "scenarios").glob("*.toml"))
NAMES = [p.name for p in SHIPPED]
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def load_or_error(path: Path) -> LoadedScenario | None:
    """`load`, asserting that the only failure is a well-formed ScenarioError."""
    try:
        return load(path)
    except ScenarioError as err:
        assert err.problems, "a ScenarioError names at least one problem"
        for p in err.problems:
            assert isinstance(p, Problem) and p.message
            assert p.line is None or p.line >= 1
        assert str(err)
        return None
    except Exception as err:  # the catch-all: anything else is a crash
        pytest.fail(f"load raised {type(err).__name__}: {err}")


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A copy of scenarios/, so variants find the file they extend."""
    return fresh(tmp_path)


def fresh(folder: Path) -> Path:
    """(Re)copy the shipped files: hypothesis runs many examples in one fixture's folder."""
    for p in SHIPPED:
        shutil.copy(p, folder / p.name)
    return folder


# --- shipped files -------------------------------------------------------------------


@pytest.mark.parametrize("path", SHIPPED, ids=NAMES)
def test_every_shipped_scenario_validates_clean(path):
    loaded = load(path)
    errors = [w for w in loaded.warnings if w.severity.value == "error"]
    assert not errors
    cs = compile_scenario(loaded.scenario)
    assert cs.n_delegations >= 2 and cs.n_issues >= 1 and cs.instrument_ids


def test_there_are_shipped_scenarios_to_fuzz():
    assert "tutorial.toml" in NAMES and len(NAMES) >= 2


# --- byte-level mutations ------------------------------------------------------------

ODD_TEXT = st.text(
    alphabet=st.sampled_from(list("=[]{}\"'#.,\n \t\\") + ["\u0000", "\ufeff", "\u202e", "\u00e9", "\U0001f600", "ą", "ž", "\r", "\x7f", "1", "a"]),
    max_size=20,
)


@FUZZ
@given(name=st.sampled_from(NAMES), data=st.data())
def test_mutated_bytes_of_a_shipped_scenario_give_a_scenario_or_a_scenario_error(workdir, name, data):
    blob = bytearray((fresh(workdir) / name).read_bytes())
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(blob)))
        kind = data.draw(st.sampled_from(["delete", "insert_text", "insert_bytes", "duplicate"]))
        if kind == "delete":
            blob[at : at + data.draw(st.integers(1, 200))] = b""
        elif kind == "insert_text":
            blob[at:at] = data.draw(ODD_TEXT).encode("utf-8", "surrogatepass")
        elif kind == "insert_bytes":
            blob[at:at] = data.draw(st.binary(min_size=1, max_size=8))
        else:
            blob[at:at] = blob[at : at + data.draw(st.integers(1, 400))]
    (workdir / name).write_bytes(bytes(blob))
    load_or_error(workdir / name)


@FUZZ
@given(name=st.sampled_from(NAMES), fraction=st.floats(0.0, 1.0))
def test_truncated_shipped_scenario_gives_a_scenario_or_a_scenario_error(workdir, name, fraction):
    blob = (fresh(workdir) / name).read_bytes()
    (workdir / name).write_bytes(blob[: int(len(blob) * fraction)])
    load_or_error(workdir / name)


# --- structured mutations ------------------------------------------------------------


def toml_value(v: Any) -> str:
    """A value as TOML, everything inline (tables as inline tables)."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v)  # JSON string escapes are TOML basic-string escapes
    if isinstance(v, dt.date | dt.time):
        return v.isoformat()
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{json.dumps(str(k))} = {toml_value(x)}" for k, x in v.items()) + "}"
    raise TypeError(type(v))


def toml_document(data: dict[str, Any]) -> str:
    return "".join(f"{json.dumps(str(k))} = {toml_value(v)}\n" for k, v in data.items())


def paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += paths(v, (*prefix, k))
    elif isinstance(node, list):
        for k, v in enumerate(node):
            out += paths(v, (*prefix, k))
    return out


KNOWN_KEYS = ["id", "parties", "scope", "options", "values", "weight", "when", "signed", "all", "not", "effects", "kind", "delta", "extends"]
SCALARS = (
    st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.sampled_from([0, -1, 101, 10**18, 2**63 - 1, -(2**63)])
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.sampled_from(["", "tutorial.toml", "northland", "harbour_treaty", "tolls", "Ünïcødé", "\u202eevil", "a" * 70, "genoa_1922.toml"])
    | st.dates()
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KNOWN_KEYS) | st.text(min_size=1, max_size=6), inner, max_size=4),
    max_leaves=12,
)


@FUZZ
@given(name=st.sampled_from(NAMES), data=st.data())
def test_structurally_mutated_scenario_gives_a_scenario_or_a_scenario_error(workdir, name, data):
    doc = tomllib.loads((fresh(workdir) / name).read_text(encoding="utf-8"))
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from(paths(doc)[1:]))
        parent = doc
        for part in where[:-1]:
            parent = parent[part]
        kind = data.draw(st.sampled_from(["replace", "delete", "add_key", "duplicate"]))
        last = where[-1]
        if kind == "replace":
            parent[last] = data.draw(VALUES)
        elif kind == "delete":
            del parent[last]
        elif kind == "add_key" and isinstance(parent, dict):
            parent[data.draw(st.sampled_from(KNOWN_KEYS) | st.text(min_size=1, max_size=8))] = data.draw(VALUES)
        elif kind == "duplicate" and isinstance(parent, list):
            parent.append(parent[last])
    (workdir / name).write_text(toml_document(doc), encoding="utf-8")
    load_or_error(workdir / name)


def test_structured_writer_round_trips_a_shipped_scenario(workdir):
    """The fuzzer's TOML writer is faithful, so its mutations test the loader, not the writer."""
    for name in NAMES:
        doc = tomllib.loads((workdir / name).read_text(encoding="utf-8"))
        (workdir / name).write_text(toml_document(doc), encoding="utf-8")
        assert tomllib.loads((workdir / name).read_text(encoding="utf-8")) == doc
        assert load_or_error(workdir / name) is not None, name


# --- hostile files ---------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(value=VALUES)
def test_any_value_at_any_top_level_key_gives_a_scenario_error(tmp_path_factory, value):
    path = tmp_path_factory.mktemp("top") / "x.toml"
    for key in ("id", "meta", "calendar", "delegations", "instruments", "extends"):
        path.write_text(toml_document({key: value}), encoding="utf-8")
        assert load_or_error(path) is None


@pytest.mark.parametrize(
    "text",
    [
        "a = " + "[" * 5000 + "]" * 5000,
        "a = " + "{b = " * 2000 + "1" + "}" * 2000,
        "a = " + "[" * 60 + "1" + "]" * 60,
        "[" + ".".join(["t"] * 3000) + "]\nx = 1\n",
        '\ufeffid = "bom"\n',
        'id = "nul\u0000"\n',
        'id = "\U0001f600"\n[meta]\ntitle = "\u202e\u0644\u0627"\n',
        'id = "x"\nformat = 99999999999999999999\n',
        'id = "x"\nformat = 2\n',
        'extends = "/dev/zero"\n',
        'extends = "."\n',
        "extends = 5\n",
        "",
        "\n\n\n",
        "= = =",
    ],
    ids=lambda t: repr(t[:18]),
)
def test_hostile_text_gives_a_scenario_error(tmp_path, text):
    path = tmp_path / "hostile.toml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    assert load_or_error(path) is None


def test_ten_megabyte_file_is_refused_with_a_scenario_error(tmp_path):
    path = tmp_path / "huge.toml"
    body = (ROOT / "scenarios" / "tutorial.toml").read_text(encoding="utf-8")
    filler = "# " + "x" * 98 + "\n"
    path.write_text(body + filler * (10 * 1024 * 1024 // len(filler)), encoding="utf-8")
    assert path.stat().st_size >= 10 * 1024 * 1024
    with pytest.raises(ScenarioError) as err:
        load(path)
    assert "larger than 2,000,000 bytes" in err.value.problems[0].message


def test_directory_instead_of_a_file_is_a_scenario_error(tmp_path):
    assert load_or_error(tmp_path) is None


def test_deep_extends_chain_is_refused(tmp_path):
    for k in range(20):
        (tmp_path / f"v{k}.toml").write_text(f'extends = "v{k + 1}.toml"\n', encoding="utf-8")
    shutil.copy(ROOT / "scenarios" / "tutorial.toml", tmp_path / "v20.toml")
    with pytest.raises(ScenarioError) as err:
        load(tmp_path / "v0.toml")
    assert any("deeper" in p.message or "loop" in p.message for p in err.value.problems)
