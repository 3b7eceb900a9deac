"""Text drawing: wrapping, ellipsis, alignment, with a cache of rendered lines.

Every frame redraws the whole screen at 60 fps; rendering the same line again
would cost more than the rest of a frame, so rendered lines are cached.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import pygame

from game.ui.kit.memo import Recent
from game.ui.kit.registry import FRAME

Align = Literal["left", "center", "right"]

_CACHE: Recent[tuple[pygame.font.Font, str, tuple[int, int, int, int]], pygame.Surface] = Recent(2000)


def render(font: pygame.font.Font, text: str, colour: pygame.Color) -> pygame.Surface:
    return _CACHE.get((font, text, (colour[0], colour[1], colour[2], colour[3])), lambda: font.render(text, True, colour))


# widths of measured strings: every frame measures its lines again (to fit, wrap or cut them)
_WIDTHS: Recent[tuple[pygame.font.Font, str], int] = Recent(20000)


def text_width(font: pygame.font.Font, text: str) -> int:
    """`font.size(text)[0]`, remembered (a font's metrics never change; it is keyed by the font object itself)."""
    return _WIDTHS.get((font, text), lambda: font.size(text)[0])


def ellipsize(font: pygame.font.Font, text: str, width: int) -> str:
    """Shorten `text` with '…' so it fits `width` (never returns a wider string, unless one char)."""
    if text_width(font, text) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if font.size(text[:mid].rstrip() + "…")[0] <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"


# wrapped texts by (font, text, width): a screen wraps the same paragraphs at every frame
_WRAPS: Recent[tuple[pygame.font.Font, str, int], tuple[str, ...]] = Recent(4000)


def wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """Break `text` into lines no wider than `width`; blank lines separate paragraphs (a new list: callers may change it)."""
    return list(_WRAPS.get((font, text, width), lambda: tuple(_wrap(font, text, width))))


def _wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    # measured with font.size, not text_width: the trial lines are each measured once, and would crowd the widths out
    lines: list[str] = []
    for para in text.split("\n"):
        words = para.replace("\t", " ").split(" ")  # not str.split(): a no-break space keeps "10\u00a0d." together
        words = [w for w in words if w]
        if not words:
            lines.append("")
            continue
        line = ""
        for word in words:
            trial = f"{line} {word}" if line else word
            if font.size(trial)[0] <= width:
                line = trial
                continue
            if line:
                lines.append(line)
            while font.size(word)[0] > width and len(word) > 1:  # a word wider than the column
                cut = len(word)
                while cut > 1 and font.size(word[:cut])[0] > width:
                    cut -= 1
                hyphen = word.rfind("-", 0, cut)
                if hyphen > 0:  # "Worthington-Evans": break after the hyphen, not inside a name
                    cut = hyphen + 1
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def draw_line(
    surface: pygame.Surface,
    font: pygame.font.Font,
    text: str,
    colour: pygame.Color,
    rect: pygame.Rect,
    align: Align = "left",
    valign: Literal["top", "middle"] = "middle",
    *,
    cut: bool = False,
) -> pygame.Rect:
    """One line of text fitted into `rect` (ellipsized if too long); returns where it went.

    `cut` tells the frame's list that the line is already a shortened one (the last line of wrapped text that did not fit).
    """
    shown = ellipsize(font, text, rect.width)
    surf = render(font, shown, colour)
    r = surf.get_rect()
    r.y = rect.centery - r.height // 2 if valign == "middle" else rect.y
    if align == "center":
        r.centerx = rect.centerx
    elif align == "right":
        r.right = rect.right
    else:
        r.x = rect.x
    surface.blit(surf, r)
    FRAME.add(surface, shown, "text", r, cut=cut or shown != text, box=rect, px=font.point_size)
    return r


def blit_text(surface: pygame.Surface, font: pygame.font.Font, text: str, colour: pygame.Color, pos: tuple[int, int]) -> pygame.Rect:
    """One already-fitted line (e.g. from `wrap`) at `pos`, recorded as drawn text like `draw_line`."""
    surf = render(font, text, colour)
    r = surface.blit(surf, pos)
    FRAME.add(surface, text, "text", surf.get_rect(topleft=pos), px=font.point_size)
    return r


def text_height(font: pygame.font.Font, text: str, width: int, spacing: float = 1.2) -> int:
    """The height `draw_wrapped` needs for every line: its own rounded step per line, so the last line is never cut."""
    return len(wrap(font, text, width)) * round(font.get_linesize() * spacing)


def draw_wrapped(
    surface: pygame.Surface,
    font: pygame.font.Font,
    text: str,
    colour: pygame.Color,
    rect: pygame.Rect,
    spacing: float = 1.2,
    align: Align = "left",
    max_lines: int | None = None,
) -> int:
    """Wrapped text from the top of `rect`; stops (with '…') at the rect's bottom or `max_lines`. Returns height used."""
    step = round(font.get_linesize() * spacing)
    lines = wrap(font, text, rect.width)
    fit = max(1, rect.height // step) if rect.height > 0 else len(lines)
    if max_lines is not None:
        fit = min(fit, max_lines)
    shortened = len(lines) > fit
    if shortened:
        lines = lines[:fit]
        lines[-1] = ellipsize(font, lines[-1] + " …", rect.width)
    y = rect.y
    for k, line in enumerate(lines):
        if line:
            draw_line(surface, font, line, colour, pygame.Rect(rect.x, y, rect.width, step), align, cut=shortened and k == len(lines) - 1)
        y += step
    return y - rect.y


def draw_paragraphs(
    surface: pygame.Surface,
    paragraphs: Sequence[tuple[pygame.font.Font, Sequence[str], pygame.Color]],
    rect: pygame.Rect,
    gap: int,
    spacing: float = 1.2,
) -> int:
    """Paragraphs down `rect`, each whole or not at all; returns the height used.

    Each paragraph offers its texts from the longest to the shortest and the first that fits is drawn; one none of
    whose texts fits is left out (a shorter paragraph after it may still come). Nothing is cut with "…", so what a
    screen shows is always readable whole; the screen orders its paragraphs by what matters most.
    """
    y = rect.y
    for font, texts, colour in paragraphs:
        for text in texts:
            h = text_height(font, text, rect.width, spacing)
            if y + h <= rect.bottom:
                y += draw_wrapped(surface, font, text, colour, pygame.Rect(rect.x, y, rect.width, h), spacing) + gap
                break
    return y - rect.y
