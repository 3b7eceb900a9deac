"""Drawing the conference screen's parts: the table, the issue board, the news, the proposals.

Pure painters of a `ConferenceView`: they read it and draw, never decide.
Costly pieces (seats, wrapped paragraphs) are cached, because the screen is
redrawn 60 times a second on a classroom projector at 1080p or more.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pygame

from game.scenario.models import Delegation
from game.ui.conference_model import ConferenceView, IssueRow, NewsLine, PendingView
from game.ui.emblems import draw_seat
from game.ui.text import draw_line, ellipsize, render, wrap

if TYPE_CHECKING:
    from game.ui.app import App

_SEATS: dict[tuple[str, str, str, str, int, bool], pygame.Surface] = {}
_WRAP: dict[tuple[pygame.font.Font, str, int], list[str]] = {}


def wrapped(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """`wrap` with a cache: news paragraphs are wrapped once, not every frame."""
    key = (font, text, width)
    lines = _WRAP.get(key)
    if lines is None:
        if len(_WRAP) > 4000:
            _WRAP.clear()
        lines = _WRAP[key] = wrap(font, text, width)
    return lines


def seat_surface(d: Delegation, code: str, radius: int, dim: bool) -> pygame.Surface:
    key = (d.colour, d.colour2, d.id, code, radius, dim)
    surf = _SEATS.get(key)
    if surf is None:
        if len(_SEATS) > 256:
            _SEATS.clear()
        surf = pygame.Surface((2 * radius + 2, 2 * radius + 2), pygame.SRCALPHA)
        draw_seat(surf, (radius + 1, radius + 1), radius, d, code)
        if dim:
            veil = pygame.Surface(surf.get_size(), pygame.SRCALPHA)
            pygame.draw.circle(veil, (239, 228, 204, 170), (radius + 1, radius + 1), radius)
            surf.blit(veil, (0, 0))
        _SEATS[key] = surf
    return surf


def dashed(surface: pygame.Surface, colour: pygame.Color, a: tuple[float, float], b: tuple[float, float], width: int, dash: int) -> None:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    if length < 1:
        return
    steps = max(1, int(length // (2 * dash)))
    for k in range(steps + 1):
        t0 = min(1.0, (2 * k * dash) / length)
        t1 = min(1.0, (2 * k * dash + dash) / length)
        pygame.draw.line(surface, colour, (a[0] + dx * t0, a[1] + dy * t0), (a[0] + dx * t1, a[1] + dy * t1), width)


def seat_positions(rect: pygame.Rect, n: int, rx: float | None = None, ry: float | None = None) -> list[tuple[int, int]]:
    """Seats evenly round an oval table, the first at the top, clockwise."""
    cx, cy = rect.center
    rx = rect.width * 0.25 if rx is None else rx
    ry = rect.height * 0.34 if ry is None else ry
    return [(round(cx + rx * math.sin(2 * math.pi * k / n)), round(cy - ry * math.cos(2 * math.pi * k / n))) for k in range(max(1, n))]


def draw_table(surface: pygame.Surface, app: App, rect: pygame.Rect, view: ConferenceView, dels: dict[str, Delegation], pulse: float) -> None:
    """The table: seats with code letters, names and who plays them; talks as lines; the speaker ringed.

    Names sit outside the oval, away from the table's centre, so neighbours never overlap."""
    theme, lay, t = app.theme, app.layout, app.t
    cx, cy = rect.center
    radius = max(10, min(lay.px(20), rect.height // 12))
    name_font = theme.text_font(lay, "small", "bold")
    line_h = name_font.get_linesize()
    label_w = max(lay.px(60), round(rect.width * 0.25))
    gap = radius + lay.px(8)
    # the oval leaves room for the names: beside the side seats, above and below the end seats
    rx = max(radius * 2, rect.width / 2 - label_w - gap)
    ry = max(radius * 2, rect.height / 2 - gap - 2 * line_h)
    table = pygame.Rect(0, 0, round(rx * 1.5), round(ry * 1.3))
    table.center = (cx, cy)
    pygame.draw.ellipse(surface, theme.c("paper_dark"), table)
    pygame.draw.ellipse(surface, theme.c("rule"), table, max(2, lay.px(3)))
    positions = seat_positions(rect, len(view.seats), rx, ry)
    seats = {s.id: p for s, p in zip(view.seats, positions, strict=True)}
    # talks first, under the seats: private ones as solid links between two seats, plenary ones as dashes to the middle
    w = max(2, lay.px(3))
    for link in view.links:
        a = seats.get(link.a)
        if a is None:
            continue
        if link.b is None:
            dashed(surface, theme.c("brass"), a, (cx, cy), w, lay.px(8))
            continue
        b = seats.get(link.b)
        if b is not None:
            pygame.draw.line(surface, theme.c("link"), a, b, w)
    small = theme.text_font(lay, "small")
    tiny = theme.font("body", max(8, round(small.get_height() * 0.8)))
    if view.links:  # a key in words for the lines, so colour is not the only cue
        key_h = tiny.get_linesize()
        draw_line(surface, tiny, t("solid: private talks"), theme.c("ink_soft"), pygame.Rect(rect.x, rect.bottom - 2 * key_h, rect.width, key_h))
        draw_line(surface, tiny, t("dashed: plenary"), theme.c("ink_soft"), pygame.Rect(rect.x, rect.bottom - key_h, rect.width, key_h))
    roles = {"team": t("Team"), "ai": t("AI"), "observer": t("Observer")}
    for k, seat in enumerate(view.seats):
        x, y = positions[k]
        if seat.acting:
            ring = radius + lay.px(5) + round(lay.px(3) * (0.5 + 0.5 * math.sin(pulse * 5)))
            pygame.draw.circle(surface, theme.c("focus"), (x, y), ring, max(3, lay.px(4)))
        surf = seat_surface(dels[seat.id], seat.code, radius, seat.walked_out)
        surface.blit(surf, surf.get_rect(center=(x, y)))
        angle = 2 * math.pi * k / max(1, len(view.seats))
        sx, sy = math.sin(angle), -math.cos(angle)
        if abs(sx) < 0.35:  # top or bottom: centred above / below the seat, with the whole width free
            wide = round(rect.width * 0.6)
            box = pygame.Rect(x - wide // 2, (y - gap - 2 * line_h + lay.px(4)) if sy < 0 else (y + gap - lay.px(4)), wide, 2 * line_h)
            align = "center"
        elif sx > 0:
            box = pygame.Rect(x + gap, y - line_h, label_w, 2 * line_h)
            align = "left"
        else:
            box = pygame.Rect(x - gap - label_w, y - line_h, label_w, 2 * line_h)
            align = "right"
        box = box.clamp(rect)
        draw_line(surface, name_font, seat.name, theme.c("ink"), pygame.Rect(box.x, box.y, box.width, line_h), align)  # type: ignore[arg-type]
        status = t("walked out") if seat.walked_out else (t("speaking") if seat.acting else roles[seat.role])
        colour = "danger" if seat.walked_out else ("focus" if seat.acting else "ink_soft")
        draw_line(surface, small if not seat.acting else name_font, status, theme.c(colour),
                  pygame.Rect(box.x, box.y + line_h, box.width, line_h), align)  # type: ignore[arg-type]


def board_row_height(app: App) -> int:
    lay, theme = app.layout, app.theme
    return theme.text_font(lay, "small", "bold").get_linesize() + lay.px(30) + lay.px(12)


def paint_board(surface: pygame.Surface, app: App, rect: pygame.Rect, offset: int, issues: tuple[IssueRow, ...],
                dels: dict[str, Delegation]) -> None:
    """The issue board: per issue, its options as a scale in words, each stated position as a lettered marker."""
    theme, lay, t = app.theme, app.layout, app.t
    row_h = board_row_height(app)
    title_font = theme.text_font(lay, "small", "bold")
    small = theme.text_font(lay, "small")
    tiny = theme.font("body", max(8, round(small.get_height() * 0.72)))
    y = rect.y - offset
    r = max(6, lay.px(9))
    for row in issues:
        if y + row_h < rect.y:
            y += row_h
            continue
        if y > rect.bottom:
            break
        head = pygame.Rect(rect.x, y, rect.width, title_font.get_linesize())
        tag = t("settled") if row.settled >= 0 else ""
        if tag:
            tw = small.size(tag)[0] + lay.px(12)
            pill = pygame.Rect(head.right - tw, head.y + lay.px(1), tw, head.height - lay.px(2))
            pygame.draw.rect(surface, theme.c("ok"), pill, border_radius=lay.px(4))
            draw_line(surface, small, tag, theme.c("primary_text"), pill, "center")
            head.width -= tw + lay.px(6)
        draw_line(surface, title_font, row.title, theme.c("ink"), head)
        scale = pygame.Rect(rect.x, head.bottom + lay.px(2), rect.width, lay.px(30))
        n = max(1, len(row.options))
        seg_w = scale.width / n
        for o, label in enumerate(row.options):
            seg = pygame.Rect(round(scale.x + o * seg_w), scale.y, round(seg_w) - lay.px(3), scale.height)
            settled = row.settled == o
            pygame.draw.rect(surface, theme.c("selected_bg" if settled else "field_bg"), seg, border_radius=lay.px(3))
            pygame.draw.rect(surface, theme.c("border"), seg, max(1, lay.px(1)), border_radius=lay.px(3))
            here = [m for m in row.markers if m.option == o]
            step = round(r * 1.45)
            mark_w = (len(here) - 1) * step + 2 * r if here else 0
            text_rect = pygame.Rect(seg.x + lay.px(5), seg.y, max(0, seg.width - mark_w - lay.px(8)), seg.height)
            draw_line(surface, tiny, label, theme.c("selected_text" if settled else "ink"), text_rect)
            mx = seg.right - lay.px(3) - r
            for m in here:
                d = dels.get(m.delegation)
                if d is not None:
                    surf = seat_surface(d, m.code, r, False)
                    surface.blit(surf, surf.get_rect(center=(mx, seg.centery)))
                mx -= step
        y += row_h


def news_item_height(app: App, line: NewsLine, width: int) -> int:
    theme, lay = app.theme, app.layout
    small = theme.text_font(lay, "small")
    body = theme.text_font(lay, "body", reading=True)
    return small.get_linesize() + len(wrapped(body, line.text, width)) * body.get_linesize() + lay.px(12)


def paint_news(surface: pygame.Surface, app: App, rect: pygame.Rect, offset: int, news: tuple[NewsLine, ...], fresh: float) -> None:
    """Newest first: date (and 'private' in words), then the sentence; the newest glows while it is announced."""
    theme, lay, t = app.theme, app.layout, app.t
    small = theme.text_font(lay, "small")
    small_bold = theme.text_font(lay, "small", "bold")
    body = theme.text_font(lay, "body", reading=True)
    y = rect.y - offset
    for k, line in enumerate(news):
        h = news_item_height(app, line, rect.width)
        if y > rect.bottom:
            break
        if y + h >= rect.y:
            if k == 0 and fresh > 0:
                glow = pygame.Surface((rect.width, h - lay.px(4)), pygame.SRCALPHA)
                c = theme.c("brass_light")
                glow.fill((c.r, c.g, c.b, round(200 * min(1.0, fresh))))
                surface.blit(glow, (rect.x, y))
            head = line.date + (f"  ·  {t('private')}" if line.private else "")
            draw_line(surface, small_bold if line.private else small, head, theme.c("link" if line.private else "ink_soft"),
                      pygame.Rect(rect.x, y, rect.width, small.get_linesize()))
            yy = y + small.get_linesize()
            colour = theme.c("ink")
            for text in wrapped(body, line.text, rect.width):
                surface.blit(render(body, text, colour), (rect.x, yy))
                yy += body.get_linesize()
            pygame.draw.line(surface, theme.c("rule"), (rect.x, y + h - lay.px(3)), (rect.right, y + h - lay.px(3)), 1)
        y += h


def pending_text(app: App, p: PendingView) -> tuple[str, str]:
    """A proposal in two parts: who and what (a title line), then the package."""
    t = app.t
    head = t("No. {number}: {who} — {instrument} ({where})", number=p.id, who=p.proposer, instrument=p.instrument, where=p.where)
    if p.answers:
        head += " · " + p.answers
    return head, p.package


def pending_height(app: App, p: PendingView, width: int, max_lines: int = 4) -> int:
    theme, lay = app.theme, app.layout
    bold = theme.text_font(lay, "small", "bold")
    small = theme.text_font(lay, "small")
    head, package = pending_text(app, p)
    lines = min(max_lines, len(wrapped(small, package, width)))
    return min(2, len(wrapped(bold, head, width))) * bold.get_linesize() + lines * small.get_linesize() + lay.px(10)


def draw_pending(surface: pygame.Surface, app: App, rect: pygame.Rect, p: PendingView, max_lines: int = 4) -> None:
    theme, lay = app.theme, app.layout
    bold = theme.text_font(lay, "small", "bold")
    small = theme.text_font(lay, "small")
    head, package = pending_text(app, p)
    if p.awaiting:
        pygame.draw.rect(surface, theme.c("brass_light"), rect.inflate(lay.px(8), lay.px(4)), border_radius=lay.px(4))
    y = rect.y
    for line in wrapped(bold, head, rect.width)[:2]:
        draw_line(surface, bold, line, theme.c("link" if p.private else "ink"), pygame.Rect(rect.x, y, rect.width, bold.get_linesize()))
        y += bold.get_linesize()
    lines = wrapped(small, package, rect.width)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], ellipsize(small, lines[max_lines - 1] + " …", rect.width)]
    for line in lines:
        surface.blit(render(small, line, theme.c("ink")), (rect.x, y))
        y += small.get_linesize()

