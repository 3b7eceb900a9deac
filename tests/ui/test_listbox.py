"""The list box's mouse maths: the counter strip at its foot ("3–4 / 9") is not a row."""

from __future__ import annotations

import pygame

from game.ui.kit.widgets import ListBox, counter_text
from game.ui.kit.wrap_list import WrapListBox


def _box(chosen: list[int]) -> ListBox:
    items = [(f"Event {n}", "") for n in range(9)]
    box = ListBox("events", pygame.Rect(0, 0, 200, 130), items, 0, chosen.append, row_height=50)
    box.strip = 30  # as drawn when the rows overflow: two rows of 50 and a 30 px counter strip
    return box


def _click(box: ListBox, y: int) -> None:
    box.handle_event(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=(100, y)), None)  # type: ignore[arg-type]


def test_a_click_in_the_counter_strip_selects_nothing_and_scrolls_nothing() -> None:
    chosen: list[int] = []
    box = _box(chosen)
    assert box.visible_rows == 2
    _click(box, 110)  # inside the strip (100..130), where a third row would be if the strip were a row
    assert chosen == [] and box.selected == 0 and box.first == 0


def test_a_click_on_the_second_visible_row_selects_it() -> None:
    chosen: list[int] = []
    box = _box(chosen)
    _click(box, 75)
    assert chosen == [1] and box.selected == 1


def test_when_every_row_fits_there_is_no_counter_and_the_last_rows_foot_is_still_that_row() -> None:
    chosen: list[int] = []
    items = [(f"Scenario {n}", "") for n in range(3)]
    # the setup screen's list keeps its strip for the pill even when all three rows fit and no pill is drawn
    box = WrapListBox("scenarios", pygame.Rect(0, 0, 200, 150), items, 0, chosen.append, row_height=50, strip=30)
    _click(box, 140)
    assert chosen == [2]


def test_the_counter_reads_a_single_row_as_one_number() -> None:
    assert counter_text(3, 1, 4) == "4 / 4"
    assert counter_text(2, 4, 9) == "3–6 / 9"
