"""Delegation emblems drawn in code, at any size, from a scenario's shape and two colours.

No flags are downloaded: a designer picks an `Emblem` shape and two colours.
Colour is never the only cue: the shapes differ, and every emblem can carry a
badge with the delegation's short code (``G``, ``GB``, ``Š``), unique within
the scenario, which is also what the conference table writes on each seat.
Shapes are drawn supersampled and smoothed, so edges stay clean on a 4K projector.
"""

from __future__ import annotations

import math

import pygame

from game.scenario.models import Delegation, Emblem
from game.views.codes import short_codes as short_codes  # re-exported; pygame-free so a network host can use it

SUPERSAMPLE = 3
#: Below this height a badge would be too small to read; the name beside the emblem does its job.
BADGE_MIN_HEIGHT = 48
_CACHE: dict[tuple[object, ...], pygame.Surface] = {}
_FONT_CACHE: dict[int, pygame.font.Font] = {}


def _star(cx: float, cy: float, r_out: float, r_in: float, points: int = 5) -> list[tuple[float, float]]:
    pts = []
    for k in range(points * 2):
        r = r_out if k % 2 == 0 else r_in
        a = -math.pi / 2 + k * math.pi / points
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def _shape(surf: pygame.Surface, emblem: Emblem, c1: pygame.Color, c2: pygame.Color, c3: pygame.Color | None = None) -> None:
    """Draw one emblem filling `surf` (already at supersampled size); `c3` is a flag's third colour."""
    w, h = surf.get_size()
    surf.fill(c1)
    third = c1 if c3 is None else c3  # without a flag a tricolour repeats the seat colour: c1 | c2 | c1
    if emblem is Emblem.CROSS:  # a Nordic cross, set toward the hoist
        t = h * 0.2
        pygame.draw.rect(surf, c2, (0, h / 2 - t / 2, w, t))
        pygame.draw.rect(surf, c2, (w * 0.36 - t / 2, 0, t, h))
    elif emblem is Emblem.SALTIRE:
        t = max(2, round(h * 0.2))
        pygame.draw.line(surf, c2, (0, 0), (w, h), t)
        pygame.draw.line(surf, c2, (0, h), (w, 0), t)
        pygame.draw.polygon(surf, c2, [(0, 0), (t * 0.7, 0), (0, t * 0.7)])
        pygame.draw.polygon(surf, c2, [(w, h), (w - t * 0.7, h), (w, h - t * 0.7)])
        pygame.draw.polygon(surf, c2, [(0, h), (t * 0.7, h), (0, h - t * 0.7)])
        pygame.draw.polygon(surf, c2, [(w, 0), (w - t * 0.7, 0), (w, t * 0.7)])
    elif emblem in (Emblem.TRICOLOUR_VERTICAL, Emblem.TRICOLOUR_ARMS):
        pygame.draw.rect(surf, c2, (w / 3, 0, w / 3 + 1, h))
        pygame.draw.rect(surf, third, (2 * w / 3, 0, w / 3 + 1, h))
        if emblem is Emblem.TRICOLOUR_ARMS:  # a shield with a cross in the middle band (the arms of Savoy, simplified)
            sw, sh = w * 0.2, h * 0.46
            x0, y0 = w / 2 - sw / 2, h / 2 - sh / 2
            shield = [(x0, y0), (x0 + sw, y0), (x0 + sw, y0 + sh * 0.62), (w / 2, y0 + sh), (x0, y0 + sh * 0.62)]
            pygame.draw.polygon(surf, third, shield)
            bar = max(2, round(sw * 0.22))
            pygame.draw.rect(surf, c2, (w / 2 - bar / 2, y0 + sh * 0.12, bar, sh * 0.7))
            pygame.draw.rect(surf, c2, (x0 + sw * 0.14, y0 + sh * 0.36 - bar / 2, sw * 0.72, bar))
            pygame.draw.polygon(surf, pygame.Color("#1d3b8f"), shield, max(1, round(sw * 0.07)))
    elif emblem is Emblem.TRICOLOUR_HORIZONTAL:
        pygame.draw.rect(surf, c2, (0, h / 3, w, h / 3 + 1))
        pygame.draw.rect(surf, third, (0, 2 * h / 3, w, h / 3 + 1))
    elif emblem is Emblem.UNION:  # simplified Union flag: white saltire with a red one on it, then the white-edged red cross
        red = third
        t = max(2, round(h * 0.2))
        for start, end in (((0, 0), (w, h)), ((0, h), (w, 0))):
            pygame.draw.line(surf, c2, start, end, t)
            pygame.draw.line(surf, red, start, end, max(1, t // 3))
        pygame.draw.rect(surf, c2, (0, h / 2 - h / 6, w, h / 3))
        pygame.draw.rect(surf, c2, (w / 2 - h / 6, 0, h / 3, h))
        pygame.draw.rect(surf, red, (0, h / 2 - h / 10, w, h / 5))
        pygame.draw.rect(surf, red, (w / 2 - h / 10, 0, h / 5, h))
    elif emblem is Emblem.FIELD:
        pass
    elif emblem is Emblem.STAR:
        r = h * 0.36
        pygame.draw.polygon(surf, c2, _star(w / 2, h / 2 + r * 0.08, r, r * 0.4))
    elif emblem is Emblem.SUN:
        cx, cy, r = w / 2, h / 2, h * 0.17
        for k in range(12):
            a = k * math.pi / 6
            a1, a2 = a - 0.11, a + 0.11
            tip = (cx + math.cos(a) * h * 0.4, cy + math.sin(a) * h * 0.4)
            base1 = (cx + math.cos(a1) * r * 1.25, cy + math.sin(a1) * r * 1.25)
            base2 = (cx + math.cos(a2) * r * 1.25, cy + math.sin(a2) * r * 1.25)
            pygame.draw.polygon(surf, c2, [base1, tip, base2])
        pygame.draw.circle(surf, c2, (cx, cy), r)
    elif emblem is Emblem.DISC:
        pygame.draw.circle(surf, c2, (w / 2, h / 2), h * 0.3)
    else:  # PLAIN: the field with a band of the second colour at the foot
        pygame.draw.rect(surf, c2, (0, h * 0.8, w, h * 0.2 + 1))


def _font(px: int) -> pygame.font.Font:
    cached = _FONT_CACHE.get(px)
    if cached is not None:
        try:
            cached.size("A")
        except pygame.error:  # the font module was shut down since (one scripted run after another): old fonts are dead
            _FONT_CACHE.clear()
    if px not in _FONT_CACHE:
        from game.ui.kit.theme import ASSETS

        if not pygame.font.get_init():
            pygame.font.init()
        bold = ASSETS / "fonts" / "NotoSans-Bold.ttf"
        _FONT_CACHE[px] = pygame.font.Font(str(bold) if bold.is_file() else None, px)
    return _FONT_CACHE[px]


def emblem_surface(
    emblem: Emblem | str,
    colour: str,
    colour2: str,
    size: tuple[int, int],
    code: str = "",
    outline: str = "#23190f",
    flag: tuple[str, ...] = (),
) -> pygame.Surface:
    """The emblem as a surface of `size` (w, h), with an outline and, if `code`, a lettered badge.

    `flag` (a delegation's flag colours) replaces the seat colours: the shape then draws that flag, simplified."""
    w, h = max(2, int(size[0])), max(2, int(size[1]))
    try:
        shape = Emblem(emblem)
    except ValueError:
        shape = Emblem.PLAIN
    key = (shape, colour, colour2, w, h, code, outline, tuple(flag))
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    if flag:
        c1 = _colour(flag[0], "#888888")
        c2 = _colour(flag[1], "#ffffff") if len(flag) > 1 else c1
        c3: pygame.Color | None = _colour(flag[2], "#ffffff") if len(flag) > 2 else None
    else:
        c1, c2, c3 = _colour(colour, "#888888"), _colour(colour2, "#ffffff"), None
    big = pygame.Surface((w * SUPERSAMPLE, h * SUPERSAMPLE))
    _shape(big, shape, c1, c2, c3)
    surf = pygame.transform.smoothscale(big, (w, h))
    ink = _colour(outline, "#23190f")
    pygame.draw.rect(surf, ink, surf.get_rect(), max(1, round(h / 40)))
    if code and h >= BADGE_MIN_HEIGHT:
        _badge(surf, code, pygame.Color("#23190f"))  # always dark on the light disc, whatever the theme
    if len(_CACHE) > 512:
        _CACHE.clear()
    _CACHE[key] = surf
    return surf


def _badge(surf: pygame.Surface, code: str, ink: pygame.Color) -> None:
    """A light disc with the short code in the lower right: readable whatever the field colours."""
    w, h = surf.get_size()
    r = max(8, round(h * (0.3 if len(code) == 1 else 0.34)))
    cx, cy = w - r - max(1, h // 20), h - r - max(1, h // 20)
    pygame.draw.circle(surf, pygame.Color("#fffaf0"), (cx, cy), r)
    pygame.draw.circle(surf, ink, (cx, cy), r, max(1, round(r / 8)))
    px = max(8, round(r * (1.25 if len(code) == 1 else 0.95)))
    text = _font(px).render(code, True, ink)
    surf.blit(text, text.get_rect(center=(cx, cy + 1)))


def _colour(value: str, default: str) -> pygame.Color:
    try:
        return pygame.Color(value)
    except ValueError:
        return pygame.Color(default)


def draw_emblem(surface: pygame.Surface, rect: pygame.Rect, delegation: Delegation, code: str = "", outline: str = "#23190f") -> pygame.Rect:
    """Draw a delegation's emblem in `rect` at a 3:2 flag ratio, centred; returns the flag's rect.

    Pass the theme's border colour as `outline` so a dark flag still has an edge on a dark theme."""
    h = min(rect.height, round(rect.width * 2 / 3))
    w = round(h * 1.5)
    flag = pygame.Rect(0, 0, w, h)
    flag.center = rect.center
    surface.blit(emblem_surface(delegation.emblem, delegation.colour, delegation.colour2, (w, h), code, outline, tuple(delegation.flag)), flag)
    return flag


def draw_seat(surface: pygame.Surface, center: tuple[int, int], radius: int, delegation: Delegation, code: str) -> None:
    """A round seat marker in the delegation's colour with its code written on it (for the table view)."""
    c1, c2 = _colour(delegation.colour, "#888888"), _colour(delegation.colour2, "#ffffff")
    pygame.draw.circle(surface, c1, center, radius)
    pygame.draw.circle(surface, c2, center, radius, max(2, radius // 6))
    pygame.draw.circle(surface, pygame.Color("#23190f"), center, radius, max(1, radius // 14))
    # letters in whichever of black / white contrasts more with the seat colour
    lum = 0.2126 * c1.r + 0.7152 * c1.g + 0.0722 * c1.b
    ink = pygame.Color("#111111") if lum > 140 else pygame.Color("#ffffff")
    text = _font(max(8, round(radius * (1.0 if len(code) == 1 else 0.8)))).render(code, True, ink)
    surface.blit(text, text.get_rect(center=center))
