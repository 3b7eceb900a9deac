"""The proposal form's option labels wrap between words at large text, never inside one ("Moratoriu / m")."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pygame

from game.ui.kit.layout import Layout
from game.ui.kit.text import wrap
from game.ui.kit.theme import load_theme
from game.ui.screens.conference.move_forms import OptionRow
from game.views.move import OptionCell

CELLS = [OptionCell(x, 50.0, (), True) for x in ("All debts", "Pre-war only", "Moratorium", "Repudiation stands")]


def _looks(text: float) -> SimpleNamespace:
    pygame.font.init()
    return SimpleNamespace(theme=load_theme(), layout=Layout(1280, 720, text_scale=text))


def test_at_175_percent_a_narrow_cell_gets_a_smaller_label_in_which_every_word_is_whole() -> None:
    app = _looks(1.75)
    width = 128  # a cell of the 4-option debts row on 1280x720
    assert app.theme.text_font(app.layout, "small", "bold").size("Moratorium")[0] > width  # the case that broke it
    bold, regular = OptionRow.label_fonts(app, CELLS, width)  # type: ignore[arg-type]
    for font in (bold, regular):
        for cell in CELLS:
            lines = wrap(font, cell.label, width)
            assert " ".join(lines) == cell.label  # no word was split across lines
    assert bold.point_size >= math.ceil(720 * 0.02)  # still readable from the back row


def test_at_100_percent_the_labels_keep_the_small_type() -> None:
    app = _looks(1.0)
    bold, _ = OptionRow.label_fonts(app, CELLS, 200)  # type: ignore[arg-type]
    assert bold.point_size == app.theme.text_font(app.layout, "small", "bold").point_size
