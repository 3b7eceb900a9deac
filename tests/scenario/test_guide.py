"""The authoring guide (`scenarios/README.md`) stays true: every key, every warning, every example."""

from __future__ import annotations

import re
import shutil
import tomllib
import typing

import pytest
from pydantic import BaseModel

from game.scenario.lint import KINDS
from game.scenario.loader import load
from game.scenario.models import EffectKind, Scenario
from game.scenario.reference import SECTIONS, Choice, splice
from tests.scenario.conftest import SCENARIOS

GUIDE = SCENARIOS / "README.md"
TEXT = GUIDE.read_text(encoding="utf-8")
BLOCKS = re.findall(r"```toml\n(.*?)```", TEXT, flags=re.S)


def _models(model: type[BaseModel], seen: set[type[BaseModel]]) -> None:
    if model in seen:
        return
    seen.add(model)
    for field in model.model_fields.values():
        stack = [field.annotation]
        while stack:
            ann = stack.pop()
            if isinstance(ann, type) and issubclass(ann, BaseModel):
                _models(ann, seen)
            stack.extend(typing.get_args(ann))


def _section_of(model: type[BaseModel]) -> str:
    """The guide's section for a model: its own, or that of the choice (condition, effect) it is one of."""
    for section, _ in SECTIONS:
        if isinstance(section, Choice) and model in section.members:
            return section.name
    return model.__name__


def all_keys() -> set[tuple[str, str]]:
    seen: set[type[BaseModel]] = set()
    _models(Scenario, seen)
    return {(_section_of(m), f.alias or n) for m in seen for n, f in m.model_fields.items()}


def test_every_model_the_loader_uses_has_a_reference_section():
    seen: set[type[BaseModel]] = set()
    _models(Scenario, seen)
    assert seen == {m for s, _ in SECTIONS for m in (s.members if isinstance(s, Choice) else (s,))}


def test_every_effect_kind_has_a_row():
    section = TEXT.split("#### Effect: ", 1)[1].split("####", 1)[0]
    for kind in EffectKind:
        assert f"| `{kind.value}` | " in section


@pytest.mark.parametrize(("model", "key"), sorted(all_keys()))
def test_every_key_is_documented(model, key):
    section = TEXT.split(f"#### {model}: ", 1)[1].split("####", 1)[0]
    assert f"| `{key}` |" in section


def test_aliases_are_documented_by_their_toml_name():
    assert "| `not` |" in TEXT and "| `not_` |" not in TEXT


def test_generated_key_reference_is_up_to_date():
    assert splice(TEXT) == TEXT, "run: python -m game.scenario.reference --write"


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_warning_is_listed(kind):
    assert f"- `{kind}`: {KINDS[kind]}" in TEXT


def test_genoa_calibration_placeholder_is_there():
    assert "## Genoa what-if variants: measured shares" in TEXT


def test_every_toml_example_is_marked():
    assert BLOCKS
    for block in BLOCKS:
        assert block.startswith(("# file: ", "# fragment")), block[:60]


@pytest.mark.parametrize("block", [b for b in BLOCKS if b.startswith("# fragment")], ids=lambda b: b.splitlines()[1][:30])
def test_fragments_are_valid_toml(block):
    tomllib.loads(block)


def test_complete_examples_validate_clean(tmp_path):
    shutil.copy(SCENARIOS / "tutorial.toml", tmp_path / "tutorial.toml")
    files = [b for b in BLOCKS if b.startswith("# file: ")]
    assert files
    for block in files:
        name = block.splitlines()[0].removeprefix("# file: ").strip()
        path = tmp_path / name
        path.write_text(block, encoding="utf-8")
        assert load(path).warnings == (), name
