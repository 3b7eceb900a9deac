"""The Lithuanian texts keep to the glossary in the translation folder.

The glossary (game/i18n/locale/lt/GLOSSARY.md) is the one place a translator
looks up how the game says "seed", "private talks" or "walkout"; these tests
read its tables, so a new row is checked as soon as it is written.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po

from game.i18n import LOCALE_DIR, catalog_path

GLOSSARY = LOCALE_DIR / "lt" / "GLOSSARY.md"
SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
PLACEHOLDER = re.compile(r"\{[^}]*\}")


def _table(heading: str) -> list[list[str]]:
    """The rows of the markdown table under `## heading`, header and rule left out."""
    text = GLOSSARY.read_text(encoding="utf-8")
    section = text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line.strip().strip("|").split("|") for line in section.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row] for row in rows[2:]]


def _alternatives(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("/") if part.strip()]


def _lt_messages() -> list[tuple[str, str]]:
    with catalog_path("lt").open("rb") as fh:
        po = read_po(fh, locale="lt")
    out: list[tuple[str, str]] = []
    for msg in po:
        if not msg.id:
            continue
        msgid = msg.id if isinstance(msg.id, str) else " ".join(msg.id)
        msgstr = msg.string if isinstance(msg.string, str) else " ".join(msg.string)
        if msgstr:
            out.append((msgid, msgstr))
    return out


def _scenario_lt_texts() -> list[tuple[str, str]]:
    """(file, Lithuanian text) for every `lt` text of every shipped scenario."""
    found: list[tuple[str, str]] = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "lt" and isinstance(value, str):
                    found.append((where, value))
                else:
                    walk(value, where)
        elif isinstance(node, list):
            for item in node:
                walk(item, where)

    for path in sorted(SCENARIOS.glob("*.toml")):
        walk(tomllib.loads(path.read_text(encoding="utf-8")), path.name)
    return found


TERMS = _table("Terms")
NAMES = _table("Names")


def _matches(english: str, msgid: str) -> bool:
    bare = PLACEHOLDER.sub(" ", msgid)
    return any(re.search(rf"\b{re.escape(word)}s?\b", bare, re.IGNORECASE) for word in _alternatives(english))


def test_the_glossary_tables_are_read() -> None:
    assert len(TERMS) >= 15 and all(len(row) == 4 for row in TERMS)
    assert len(NAMES) >= 5 and all(len(row) == 2 for row in NAMES)


@pytest.mark.parametrize("row", TERMS, ids=[row[0] for row in TERMS])
def test_catalog_uses_the_glossary_term(row: list[str]) -> None:
    english, _, stems, avoid = row
    wanted = _alternatives(stems)
    # An avoided form is allowed when the same text also carries the term it belongs to
    # ("Private talks, secret treaties" may say both privačios and slaptos).
    others = [r for r in TERMS if r is not row]
    problems: list[str] = []
    for msgid, msgstr in _lt_messages():
        if not _matches(english, msgid):
            continue
        low = msgstr.lower()
        if not any(stem.lower() in low for stem in wanted):
            problems.append(f"{msgid!r} -> {msgstr!r}: none of {wanted}")
        for bad in _alternatives(avoid):
            excused = any(_matches(r[0], msgid) and bad.lower() in r[2].lower() for r in others)
            if re.search(rf"(?<!\w){re.escape(bad.lower())}", low) and not excused:
                problems.append(f"{msgid!r} -> {msgstr!r}: avoid {bad!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("row", NAMES, ids=[row[0] for row in NAMES])
def test_name_forms_follow_one_system(row: list[str]) -> None:
    _, avoid = row
    texts = [("catalog", s) for _, s in _lt_messages()] + _scenario_lt_texts()
    bad = [(where, form) for where, text in texts for form in _alternatives(avoid) if re.search(rf"\b{re.escape(form)}\b", text)]
    assert not bad, bad


def test_the_allies_are_written_with_a_small_letter_inside_a_sentence() -> None:
    capital = re.compile(r"(?<![.!?…]) Sąjunginink")
    bad = [
        (where, text[max(0, m.start() - 30) : m.end() + 10])
        for where, text in _scenario_lt_texts()
        for m in capital.finditer(text)
        if not re.search(r"\b[dm]\.$", text[max(0, m.start() - 3) : m.start()])
    ]
    assert not bad, bad
