"""The frame every screen shares: paper, a title band, a footer rule, panels.

One place for the period look (ink band with brass rules, paper panels), so
screens only decide what goes where.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.kit.registry import FRAME
from game.ui.kit.text import draw_line, text_width

if TYPE_CHECKING:
    from game.ui.kit.context import Looks


def draw_backdrop(surface: pygame.Surface, app: Looks) -> None:
    surface.blit(app.theme.backdrop(surface.get_size()), (0, 0))


def draw_header(surface: pygame.Surface, app: Looks, title: str, subtitle: str = "", right: str = "", reserve: int = 0) -> pygame.Rect:
    """The title band: serif title in paper colour on ink, a double brass rule beneath.

    `reserve` keeps that many pixels at the right free for the screen's header buttons (Menu, Teacher)."""
    theme, lay = app.theme, app.layout
    band = lay.header()
    pygame.draw.rect(surface, theme.c("header_bg"), band)
    rule = lay.px(3)
    pygame.draw.rect(surface, theme.c("brass"), (0, band.bottom - rule, band.width, rule))
    pygame.draw.rect(surface, theme.c("brass"), (0, band.bottom - rule * 3, band.width, max(1, rule // 2)))
    title_font = theme.text_font(lay, "title", "heading")
    sub_font = theme.text_font(lay, "body")
    inner = band.inflate(-2 * lay.margin, 0)
    inner.width -= reserve
    right_w = 0
    if right:
        right_w = min(inner.width // 3, text_width(sub_font, right) + lay.px(8))
        where = pygame.Rect(inner.right - right_w, inner.y, right_w, band.height - rule * 3)
        draw_line(surface, sub_font, right, theme.c("header_soft"), where, "right")
    text_w = inner.width - right_w - lay.gap
    for smaller in ("heading", "label"):  # a long title (or big text): smaller heading type before cutting it
        if text_width(title_font, title) <= text_w:
            break
        title_font = theme.text_font(lay, smaller, "heading")
    if subtitle and text_width(sub_font, subtitle) > text_w:
        sub_font = theme.text_font(lay, "small")
    if subtitle:
        th = title_font.get_linesize()
        sh = sub_font.get_linesize()
        top = band.y + (band.height - rule * 3 - th - sh) // 2
        draw_line(surface, title_font, title, theme.c("header_text"), pygame.Rect(inner.x, top, text_w, th))
        draw_line(surface, sub_font, subtitle, theme.c("header_soft"), pygame.Rect(inner.x, top + th, text_w, sh))
    else:
        draw_line(surface, title_font, title, theme.c("header_text"), pygame.Rect(inner.x, band.y, text_w, band.height - rule * 3))
    return band


def draw_footer(surface: pygame.Surface, app: Looks, hint: str = "", until: int | None = None) -> pygame.Rect:
    """The footer band: a brass rule above it; `hint` (keys to press) at the left, up to x = `until`."""
    theme, lay = app.theme, app.layout
    band = lay.footer()
    pygame.draw.rect(surface, theme.c("paper_dark"), band)
    pygame.draw.rect(surface, theme.c("brass"), (0, band.y, band.width, lay.px(2)))
    if hint:
        font = theme.text_font(lay, "small")
        right = (band.width // 2) if until is None else until - lay.gap
        width = max(0, right - lay.margin)
        rows = max(1, min(2, band.height // font.get_linesize()))
        lines = hint_lines(font, hint, width, rows)
        step = font.get_linesize()
        y = band.y + (band.height - step * len(lines)) // 2
        for line in lines:
            draw_line(surface, font, line, theme.c("ink_soft"), pygame.Rect(lay.margin, y, width, step))
            y += step
    return band


def hint_lines(font: pygame.font.Font, hint: str, width: int, rows: int) -> list[str]:
    """A key hint ("Tab: next   Arrows: change   ...") in at most `rows` lines of whole groups.

    A group ("Enter: choose") is never split or cut: the line breaks between
    groups, and groups that do not fit are left out (the keys still work;
    the hint is a reminder, and half a word reminds nobody of anything).
    """
    sep = "   " if "   " in hint else " · "
    groups = [g.strip() for g in (hint.split(sep) if sep in hint else [hint]) if g.strip()]
    lines: list[str] = []
    for group in groups:
        if lines and text_width(font, lines[-1] + sep + group) <= width:
            lines[-1] += sep + group
        elif len(lines) < rows and text_width(font, group) <= width:
            lines.append(group)
        else:
            break
    return lines


def panel_inner(app: Looks, rect: pygame.Rect, titled: bool = True) -> pygame.Rect:
    """The content area of a panel drawn by `draw_panel` (so layout can place widgets before drawing)."""
    lay = app.layout
    pad = lay.px(16)
    inner = rect.inflate(-2 * pad, -2 * pad)
    if titled:
        h = app.theme.text_font(lay, "heading", "heading").get_linesize() + lay.px(4) + lay.px(12)
        inner = pygame.Rect(inner.x, inner.y + h, inner.width, max(0, inner.height - h))
    return inner


def draw_panel(surface: pygame.Surface, app: Looks, rect: pygame.Rect, title: str = "") -> pygame.Rect:
    """A paper card with a serif heading over a brass rule; returns the content rect (as `panel_inner`)."""
    theme, lay = app.theme, app.layout
    pygame.draw.rect(surface, theme.c("panel_bg"), rect, border_radius=lay.px(theme.radius))
    pygame.draw.rect(surface, theme.c("border"), rect, lay.px(theme.border), border_radius=lay.px(theme.radius))
    FRAME.add(surface, title or "panel", "panel", rect)  # a layout test checks that text stays inside its card
    pad = lay.px(16)
    top = rect.inflate(-2 * pad, -2 * pad)
    if title:
        font = theme.text_font(lay, "heading", "heading")
        h = font.get_linesize()
        draw_line(surface, font, title, theme.c("ink"), pygame.Rect(top.x, top.y, top.width, h))
        pygame.draw.rect(surface, theme.c("rule"), (top.x, top.y + h + lay.px(2), top.width, max(1, lay.px(2))))
    return panel_inner(app, rect, bool(title))


#: The last veil `shade` made, by (window size, colour): a new full-window surface at every frame cost more than blitting it.
_VEIL: tuple[tuple[int, int], tuple[int, int, int, int], pygame.Surface] | None = None


def shade(surface: pygame.Surface, app: Looks) -> None:
    """Dim what is behind an overlay (pause menu)."""
    global _VEIL
    size, col = surface.get_size(), app.theme.c("shade")
    rgba = (col.r, col.g, col.b, col.a)
    if _VEIL is None or _VEIL[0] != size or _VEIL[1] != rgba:
        veil = pygame.Surface(size, pygame.SRCALPHA)
        veil.fill(col)
        _VEIL = (size, rgba, veil)
    surface.blit(_VEIL[2], (0, 0))
    FRAME.cover()
