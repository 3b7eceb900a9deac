"""Emblems draw for every shape at any size, and short codes tell delegations apart."""

from __future__ import annotations

import pygame
import pytest
from ui_helpers import SCENARIOS

from game.scenario.loader import load
from game.scenario.models import Delegation, Emblem
from game.ui.kit.emblems import draw_emblem, draw_seat, emblem_surface, short_codes


@pytest.mark.parametrize("emblem", list(Emblem))
@pytest.mark.parametrize("size", [(3, 2), (36, 24), (150, 100), (600, 400)])
def test_every_emblem_draws_at_every_size(emblem: Emblem, size: tuple[int, int]) -> None:
    surf = emblem_surface(emblem, "#1f4e9c", "#f2c230", size, code="N")
    assert surf.get_size() == size


@pytest.mark.parametrize("emblem", [e for e in Emblem if e not in (Emblem.PLAIN, Emblem.FIELD)])
def test_the_second_colour_is_visible(emblem: Emblem) -> None:
    surf = emblem_surface(emblem, "#000000", "#ffffff", (150, 100))
    arr = pygame.surfarray.array3d(surf)
    assert (arr.sum(axis=2) > 600).mean() > 0.05


def test_shapes_differ_so_colour_is_not_the_only_cue() -> None:
    shots = {e: pygame.image.tobytes(emblem_surface(e, "#c8102e", "#ffffff", (60, 40)), "RGB") for e in Emblem}
    assert len(set(shots.values())) == len(Emblem)


def test_bad_colour_or_shape_falls_back_instead_of_crashing() -> None:
    assert emblem_surface("nonsense", "#zzzzzz", "", (30, 20)).get_size() == (30, 20)


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_short_codes_are_unique_in_every_scenario(path) -> None:
    dels = load(path).scenario.delegations
    for lang in ("en", "lt"):
        codes = short_codes(dels, lang)
        assert len(set(codes.values())) == len(dels)
        assert all(1 <= len(c) <= 4 for c in codes.values())


def test_clashing_initials_get_longer_codes() -> None:
    dels = [Delegation(id="germany", name="Germany"), Delegation(id="britain", name="Great Britain"), Delegation(id="greece", name="Greece")]
    codes = short_codes(dels)
    assert len(set(codes.values())) == 3 and codes["britain"] == "GB"


def test_draw_helpers_draw_into_a_surface() -> None:
    surf = pygame.Surface((200, 200))
    d = Delegation(id="x", name="Xland", emblem=Emblem.SUN, colour="#ffcc00", colour2="#aa0000")
    flag = draw_emblem(surf, pygame.Rect(10, 10, 120, 120), d, "X")
    assert flag.width == round(flag.height * 1.5)
    draw_seat(surf, (150, 150), 30, d, "X")


def _pixel(surf: pygame.Surface, fx: float, fy: float) -> tuple[int, int, int]:
    c = surf.get_at((int(surf.get_width() * fx), int(surf.get_height() * fy)))
    return (c.r, c.g, c.b)


def _near(got: tuple[int, int, int], want: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 8 for a, b in zip(got, want, strict=True))


def test_genoa_emblems_are_the_1922_flags_simplified() -> None:
    """Not flags that read wrong: Weimar Germany is black-red-gold, Britain the Union flag, Soviet Russia red."""
    dels = {d.id: d for d in load(SCENARIOS[0].parent / "genoa_1922.toml").scenario.delegations}

    def flag(did: str) -> pygame.Surface:
        d = dels[did]
        return emblem_surface(d.emblem, d.colour, d.colour2, (300, 200), "", "#000000", tuple(d.flag))

    germany = flag("germany")
    assert _near(_pixel(germany, 0.5, 0.15), (0, 0, 0))
    assert _near(_pixel(germany, 0.5, 0.5), (0xDD, 0, 0))  # red in the middle, not yellow
    assert _near(_pixel(germany, 0.5, 0.85), (0xFF, 0xCE, 0))
    britain = flag("britain")
    assert _near(_pixel(britain, 0.5, 0.5), (0xC8, 0x10, 0x2E))  # the red cross of St George at the centre
    assert _near(_pixel(britain, 0.08, 0.3), (0x01, 0x21, 0x69))  # on a blue field
    assert _near(_pixel(flag("soviet"), 0.5, 0.5), (0xCC, 0, 0))
    france = flag("france")
    for x, want in ((0.15, (0, 0x55, 0xA4)), (0.5, (255, 255, 255)), (0.85, (0xEF, 0x41, 0x35))):
        assert _near(_pixel(france, x, 0.5), want)
    italy = flag("italy")
    assert _near(_pixel(italy, 0.15, 0.5), (0, 0x92, 0x46)) and _near(_pixel(italy, 0.5, 0.1), (255, 255, 255))
    assert _near(_pixel(italy, 0.46, 0.35), (0xCE, 0x2B, 0x37))  # the red shield of Savoy in the white band
    assert _near(_pixel(flag("japan"), 0.5, 0.5), (0xBC, 0, 0x2D))


def test_a_flag_needs_valid_colours() -> None:
    with pytest.raises(ValueError):
        Delegation(id="x", name="X", flag=["red"])
