"""Refusals are data (a code and its parameters), worded in the player's language where they are shown."""

from __future__ import annotations

import ast
import string
from pathlib import Path

from game.engine.compiled import compile_scenario
from game.engine.refusals import Code, Refusal, describe
from game.i18n import Translator, load_catalog
from game.scenario.loader import load

ROOT = Path(__file__).resolve().parents[2]
GENOA = ROOT / "scenarios" / "genoa_1922.toml"


def test_every_refusal_has_a_lithuanian_text_with_the_same_placeholders() -> None:
    lt = load_catalog("lt").messages
    for code in Code:
        assert code.value in lt, code
        english = {n for _, n, _, _ in string.Formatter().parse(code.value) if n}
        lithuanian = {n for _, n, _, _ in string.Formatter().parse(lt[code.value]) if n}
        assert english == lithuanian, code


def test_a_refusal_in_lithuanian_names_the_scenario_in_lithuanian() -> None:
    cs = compile_scenario(load(GENOA).scenario)
    tr_ = Translator("lt")
    text = describe(Refusal.of(Code.PARTIES_MISSING, names=("germany", "soviet")), cs, "lt", tr_.t)
    assert "Vokietija" in text and "missing" not in text and "Germany" not in text
    same = describe(Refusal.of(Code.SAME_POSITION), cs, "lt", tr_.t)
    assert same == "tai jau yra jūsų viešoji pozicija"


def test_english_names_are_the_scenarios_names_and_unknown_ids_are_quoted() -> None:
    cs = compile_scenario(load(GENOA).scenario)
    assert describe(Refusal.of(Code.ALREADY_SIGNED, instrument="rapallo_treaty"), cs).startswith("Treaty of Rapallo")
    assert describe(Refusal.of(Code.UNKNOWN_ISSUE, issue="nope"), cs) == "unknown issue 'nope'"


def test_the_engine_imports_no_translation_layer() -> None:
    for path in sorted((ROOT / "game" / "engine").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names] if isinstance(node, ast.Import) else ([node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            )
            for name in names:
                assert not name.startswith(("game.i18n", "babel", "gettext")), (path.name, name)
