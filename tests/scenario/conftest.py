"""Scenario test helpers: write purpose-built files from the starter template."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from game.scenario.template import starter

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"


@pytest.fixture
def make_scenario(tmp_path: Path) -> Callable[..., Path]:
    """Write the starter scenario with text replacements and appended TOML; return its path."""

    def make(replace: dict[str, str] | None = None, append: str = "", name: str = "t") -> Path:
        text = starter(name)
        for old, new in (replace or {}).items():
            assert old in text, f"template has no {old!r}"
            text = text.replace(old, new)
        path = tmp_path / f"{name}.toml"
        path.write_text(text + "\n" + append, encoding="utf-8")
        return path

    return make
