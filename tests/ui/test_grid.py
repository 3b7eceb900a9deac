"""The declarative grid of game/ui/kit/layout.py, without a window: tracks, gaps, padding, named areas."""

from __future__ import annotations

import pygame
import pytest

from game.ui.kit.layout import Fit, Fixed, Fr, column, grid, row, track_sizes


def test_fixed_tracks_take_their_size_and_fractions_share_the_rest_exactly() -> None:
    assert track_sizes(100, [Fixed(20), Fr(), Fr()], gap=10) == [20, 30, 30]
    assert track_sizes(101, [Fr(1), Fr(2)]) == [34, 67]  # whole pixels, adding up to the total
    assert sum(track_sizes(997, [Fr(1), Fr(1), Fr(1)], gap=3)) == 997 - 6


def test_a_bare_int_is_a_fixed_track() -> None:
    assert track_sizes(100, [25, Fr()]) == track_sizes(100, [Fixed(25), Fr()]) == [25, 75]


def test_a_capped_fraction_gives_its_surplus_to_the_others() -> None:
    assert track_sizes(300, [Fr(1, most=50), Fr(1), Fr(1)]) == [50, 125, 125]


def test_a_fraction_keeps_its_least_size_and_the_others_shrink() -> None:
    assert track_sizes(100, [Fr(1, least=70), Fr(1)]) == [70, 30]


def test_content_tracks_measure_against_the_cross_extent() -> None:
    seen: list[int] = []

    def lines_of_text(width: int) -> int:
        seen.append(width)
        return 20 * (1 + 400 // width)  # a paragraph wraps to more lines when narrower

    assert track_sizes(200, [Fit(lines_of_text), Fr()], cross=200) == [60, 140]
    assert seen == [200]
    cells = column(pygame.Rect(0, 0, 100, 300), [("text", Fit(lines_of_text)), ("rest", Fr())])
    assert cells["text"].height == 100 and cells["rest"].top == 100 and cells["rest"].bottom == 300


def test_tracks_that_ask_for_more_than_the_area_run_past_it_and_fractions_get_nothing() -> None:
    cells = column(pygame.Rect(0, 0, 50, 100), [("a", Fixed(80)), ("b", Fr()), ("c", Fixed(40))], gap=5)
    assert cells["b"].height == 0
    assert cells["c"].bottom == 80 + 5 + 0 + 5 + 40  # past the area's bottom: a layout test can see it


def test_named_areas_span_the_cells_they_are_written_in() -> None:
    cells = grid(
        pygame.Rect(10, 20, 310, 210),
        ["head head head", "side main main", ".    foot foot"],
        rows=[Fixed(40), Fr(), Fixed(30)],
        cols=[Fixed(100), Fr(), Fr()],
        gap=10,
        padding=(0, 0, 0, 0),
    )
    assert cells["head"] == pygame.Rect(10, 20, 310, 40)
    assert cells["side"] == pygame.Rect(10, 70, 100, 120)
    assert cells["main"] == pygame.Rect(120, 70, 200, 120)
    assert cells["foot"] == pygame.Rect(120, 200, 200, 30)
    assert "." not in cells


def test_padding_and_separate_row_and_column_gaps() -> None:
    cells = grid(pygame.Rect(0, 0, 100, 100), ["a b", "c d"], rows=[Fr(), Fr()], cols=[Fr(), Fr()], row_gap=10, col_gap=20, padding=5)
    assert cells["a"] == pygame.Rect(5, 5, 35, 40)
    assert cells["d"] == pygame.Rect(60, 55, 35, 40)
    sides = grid(pygame.Rect(0, 0, 100, 100), ["a"], rows=[Fr()], padding=(1, 2, 3, 4))
    assert sides["a"] == pygame.Rect(4, 1, 94, 96)


def test_a_row_of_buttons_right_aligned_by_a_spacer() -> None:
    cells = row(pygame.Rect(0, 0, 1000, 50), [(".", Fr()), ("teacher", 200), ("continue", 200), ("start", 200)], gap=16)
    assert cells["start"].right == 1000
    assert cells["continue"].right == cells["start"].left - 16
    assert cells["teacher"].width == 200 and cells["teacher"].height == 50


@pytest.mark.parametrize("areas", [["a b"], ["a", "b"], ["a b c", "d e f"]])
def test_areas_that_do_not_match_the_tracks_are_refused(areas: list[str]) -> None:
    with pytest.raises(ValueError, match="tracks are 2 x 2"):
        grid(pygame.Rect(0, 0, 10, 10), areas, rows=[Fr(), Fr()], cols=[Fr(), Fr()])
