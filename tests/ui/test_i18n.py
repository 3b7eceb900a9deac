"""Every interface text is in both catalogs; Lithuanian is really translated."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import game
from game.i18n import Translator, available_languages, load_catalog, marked_sources, missing_msgids, used_msgids

SOURCES = marked_sources(Path(game.__file__).parent)  # every module of the game, whatever its layer


def test_the_scan_finds_the_interface_texts() -> None:
    used = used_msgids(SOURCES)
    assert "Start" in used
    assert "Begin the conference" in used
    assert used["{n} sitting"] == "{n} sittings"


def test_english_and_lithuanian_catalogs_exist() -> None:
    assert {"en", "lt"} <= set(available_languages())


def test_no_catalog_lacks_a_text_the_ui_uses() -> None:
    for lang in ("en", "lt"):
        assert missing_msgids(lang, SOURCES) == [], f"{lang} catalog lacks texts; run `python -m game.i18n sync`"


def test_lithuanian_translations_are_non_empty_and_keep_placeholders() -> None:
    cat = load_catalog("lt")
    for msgid, plural in used_msgids(SOURCES).items():
        forms = cat.plurals[msgid] if plural else (cat.messages[msgid],)
        for form in forms:
            assert form.strip(), msgid
            for name in ("{n}", "{seed}", "{minutes}", "{names}", "{first}", "{total}"):
                if name in msgid and name != "{n}":
                    assert name in form, (msgid, form)


def test_lithuanian_has_three_plural_forms() -> None:
    t = Translator("lt")
    assert [t.tn("{n} sitting", "{n} sittings", n) for n in (1, 3, 10, 21)] == ["1 posėdis", "3 posėdžiai", "10 posėdžių", "21 posėdis"]


def test_unknown_text_and_language_fall_back_to_english() -> None:
    assert Translator("lt").t("Not in any catalog {x}", x=1) == "Not in any catalog 1"
    assert Translator("xx").t("Start") == "Start"


def test_a_mistyped_placeholder_falls_back_instead_of_crashing() -> None:
    assert Translator("en").t("Seed {seed}") == "Seed {seed}"
    assert Translator("en").t("Seed {seed}", wrong=1) == "Seed {seed}"


def test_dates_are_written_in_the_language() -> None:
    assert "balandžio" in Translator("lt").date(dt.date(1922, 4, 10))
    assert "April" in Translator("en").date(dt.date(1922, 4, 10))


def test_the_scan_covers_every_layer_that_shows_text() -> None:
    scanned = {p.relative_to(Path(game.__file__).parent).as_posix() for p in SOURCES}
    assert {"engine/narrate.py", "handouts.py", "record/model.py", "ui/app.py"} <= scanned
    assert not any(p.startswith("i18n/") for p in scanned)
