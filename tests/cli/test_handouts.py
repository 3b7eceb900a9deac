"""`plenipo handouts`: a page per acting delegation and a teacher's guide, escaped and self-contained."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from game.cli.main import main
from game.handouts import render
from game.scenario.loader import load
from tests.scenario.conftest import SCENARIOS


class _Check(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href") and value and re.match(r"[a-z]+:", value):
                self.external.append(value)


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.toml")), ids=lambda p: p.name)
def test_handouts_render_every_acting_delegation(path):
    s = load(path).scenario
    for lang in s.meta.languages:
        pages = render(s, lang).pages
        assert set(pages) == {f"{d.id}.html" for d in s.delegations if not d.observer} | {"teacher.html"}
        for html in pages.values():
            assert html.startswith("<!DOCTYPE html>") and f'<html lang="{lang}">' in html and '<meta charset="utf-8">' in html
            check = _Check()
            check.feed(html)
            assert not check.external and "script" not in check.tags


def test_role_sheet_holds_briefing_stances_in_words_and_scored_aims():
    s = load(SCENARIOS / "tutorial.toml").scenario
    html = render(s, "en").pages["northland.html"]
    assert "The treasury could live with medium tolls." in html  # secret instructions
    assert "You favour: High tolls" in html and "You oppose: Low tolls" in html
    assert "Get a harbour treaty signed" in html and "40%" in html  # weight 2 of 5
    assert "Keep the toll income: tolls high or medium" in html
    assert "values" not in html.lower() or "100" not in re.sub(r"<[^>]+>", "", html).split("How your team")[0].split("position on each")[1]


def test_teacher_guide_has_setup_events_debrief_and_history():
    s = load(SCENARIOS / "tutorial.toml").scenario
    html = render(s, "en", "short").pages["teacher.html"]
    for text in (
        "Game lengths and timing",
        "Storm damages the quays",
        "70%",
        "Debrief questions",
        "Which concession unlocked the treaty",
        "What history says",
        "An invented conference",
    ):
        assert text in html


def test_handouts_escape_html(tmp_path):
    text = (SCENARIOS / "tutorial.toml").read_text(encoding="utf-8")
    text = text.replace('briefing.secret = { en = "The treasury', 'briefing.secret = { en = "<script>alert(1)</script> & The treasury')
    path = tmp_path / "x.toml"
    path.write_text(text, encoding="utf-8")
    html = render(load(path).scenario, "en").pages["northland.html"]
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; The treasury" in html


def test_handouts_in_lithuanian(tmp_path, capsys):
    assert main(["handouts", "tutorial", "--out", str(tmp_path), "--lang", "lt", "--length", "short"]) == 0
    html = (tmp_path / "eastmark.html").read_text(encoding="utf-8")
    assert '<html lang="lt">' in html and "Rytų žemė" in html and "Kaip vertinama jūsų komanda" in html
    assert sorted(p.name for p in tmp_path.iterdir()) == ["eastmark.html", "northland.html", "southport.html", "teacher.html"]


def test_handouts_reject_a_language_the_scenario_lacks(tmp_path, capsys):
    assert main(["handouts", "tutorial", "--out", str(tmp_path), "--lang", "fr"]) == 2
    assert "not 'fr'" in capsys.readouterr().err
