"""The list box's mouse maths: the counter strip at its foot ("3–4 / 9") is not a row."""

from __future__ import annotations

import pygame

from game.ui.kit.widgets import ListBox


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
