"""The teacher's guide carries the scenario's content in the class's language: variant notes, disputed figures, sources."""

from __future__ import annotations

from game.cli.main import main
from game.handouts import render
from game.scenario.loader import load
from tests.scenario.conftest import SCENARIOS


def _guide(name: str, lang: str) -> str:
    return render(load(SCENARIOS / f"{name}.toml").scenario, lang).pages["teacher.html"]


def test_a_variants_note_opens_the_teachers_guide() -> None:
    page = _guide("genoa_1922_us_at_table", "en")
    assert "What this variant changes" in page and "adequate financial assistance" in page
    assert "What this variant changes" not in _guide("genoa_1922", "en")


def test_disputed_figures_are_marked_in_the_guide_and_the_role_sheets() -> None:
    pages = render(load(SCENARIOS / "genoa_1922.toml").scenario, "en").pages
    assert "All debts recognised (18 bn gold roubles, disputed)" in pages["teacher.html"]
    assert "(18 bn gold roubles, disputed)" in pages["france.html"]


def test_the_lithuanian_guide_has_lithuanian_source_notes_and_number_style() -> None:
    page = _guide("genoa_1922", "lt")
    assert "Rapalo sutarties data" in page and "date of Rapallo" not in page
    assert "ginčytinas" in page
    assert "85\u00a0%" in page or "85 %" in page  # the villa's chance of a Soviet letter, written the Lithuanian way


def test_lithuanian_handouts_print_no_false_notice(tmp_path, capsys) -> None:
    assert main(["handouts", "genoa_1922", "--out", str(tmp_path), "--lang", "lt"]) == 0
    assert "note:" not in capsys.readouterr().out


def test_each_role_sheet_says_how_a_turn_goes_with_the_windows_own_words() -> None:
    """A team's printed sheet walks it through a turn with the names the window's buttons carry, in its language,
    including the refusal that says what would change it."""
    from game.i18n import Translator

    for lang in ("en", "lt"):
        t = Translator(lang).t
        pages = render(load(SCENARIOS / "tutorial.toml").scenario, lang).pages
        sheets = [page for name, page in pages.items() if name != "teacher.html"]
        assert sheets
        for page in sheets:
            assert t("Your turn, step by step") in page
            for button in ("Accept", "Reject", "Propose", "Pass"):
                assert t(button) in page, (lang, button)
            assert t("Ask for a change (Y)").removesuffix(" (Y)") in page  # the notice line's button after a refusal
            assert t("After you reject, “Ask for a change” says which issue decided it and what you want there: the others take note.") in page
        assert t("Your turn, step by step") not in pages["teacher.html"]
