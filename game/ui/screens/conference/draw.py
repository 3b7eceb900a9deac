"""Drawing the conference screen's parts: the table, the issue board, the news, the proposals.

Pure painters of a `ConferenceView`: they read it and draw, never decide.
Costly pieces (seats, wrapped paragraphs) are cached, because the screen is
redrawn 60 times a second on a classroom projector at 1080p or more.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.scenario.models import Delegation
from game.ui.kit.emblems import seat_surface
from game.ui.kit.memo import Recent
from game.ui.kit.text import blit_text, draw_line, ellipsize, text_width, wrap
from game.views.conference import ConferenceView, IssueRow, NewsLine, PendingView, SeatView

if TYPE_CHECKING:
    from game.ui.kit.context import Looks
    from game.ui.kit.layout import Layout


def forget_measures() -> None:
    """Drop every measure remembered here and in game.ui.kit.text (tests compare a kept layout with one made afresh)."""
    from game.ui.kit import text

    for cache in (_GEOMETRY, _LABELS, _ITEM_HEIGHTS, text._CACHE, text._WIDTHS, text._WRAPS):
        cache.clear()
    _NEWS_HEIGHTS.clear()
    _GEOMETRY_LAST.clear()


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


def seat_positions(rect: pygame.Rect, n: int, margin: int = 0) -> list[tuple[int, int, bool]]:
    """Seats along the two long sides of a conference table: (x, y, on the top side), clockwise from top left."""
    top_n = (n + 1) // 2
    bottom_n = n - top_n
    out = []
    for k in range(top_n):
        out.append((round(rect.x + rect.width * (k + 0.5) / top_n), rect.y + margin, True))
    for k in range(bottom_n):  # clockwise: the bottom side runs right to left
        out.append((round(rect.right - rect.width * (k + 0.5) / max(1, bottom_n)), rect.bottom - margin, False))
    return out


def name_lines(font: pygame.font.Font, name: str, width: int) -> list[str]:
    """A name on one line, else on two broken between words (never inside one), shortened with '…' if need be."""
    if text_width(font, name) <= width:
        return [name]
    words = name.split()
    best = [ellipsize(font, name, width)]
    for k in range(1, len(words)):
        first, second = " ".join(words[:k]), " ".join(words[k:])
        if text_width(font, first) <= width:
            best = [first, ellipsize(font, second, width)]
    return best


def floor_px(app: Looks) -> int:
    """The smallest type a class reads from the back row: 2% of the window height."""
    return math.ceil(app.layout.height * 0.02)


def fitting_font(app: Looks, font: pygame.font.Font, text: str, width: int, role: str, floor: int, words: bool = False) -> pygame.font.Font:
    """`font`, or a smaller size of the same role (not under `floor` px) in which `text` fits `width`.

    With `words`, fitting means its longest word fits (the name may then take two lines)."""

    def fits(f: pygame.font.Font) -> bool:
        parts = text.split() if words else [text]
        return all(text_width(f, p) <= width for p in parts) and (not words or len(wrap(f, text, width)) <= 2)

    if fits(font):
        return font
    for px in range(font.point_size - 1, floor - 1, -1):
        smaller = app.theme.font(role, px)  # type: ignore[arg-type]
        if fits(smaller):
            return smaller
    return app.theme.font(role, floor)  # type: ignore[arg-type]


@dataclass(frozen=True)
class SeatLabel:
    """How one seat's name and status are set: the fitted fonts, the name's lines and the status words."""

    font: pygame.font.Font
    lines: tuple[str, ...]
    status: str
    status_font: pygame.font.Font
    width: int = 0  # the width its lines may take, centred on the seat (a long name borrows a short neighbour's room)
    cut: bool = False  # the name had to be shortened with "…" even so
    shift: int = 0  # how far right of the seat the name's centre sits (it borrowed more room on that side)

    @property
    def height(self) -> int:
        return len(self.lines) * self.font.get_linesize() + self.status_font.get_linesize()


#: seat_labels' results by (name font, translator, layout, width, seats), the most recently used last: the labels are
#: a pure function of these (the font stands for the theme and text size), measured at each layout and frame.
_LABELS: Recent[tuple[pygame.font.Font, object, Layout, int, tuple[SeatView, ...]], tuple[SeatLabel, ...]] = Recent(32)


def seat_labels(app: Looks, view: ConferenceView, width: int) -> tuple[SeatLabel, ...]:
    """Each seat's label fitted to its column: the name shrinks (not under the floor) before it takes two lines,
    and the status ("AI", "Team") is never set larger than the name above or below it."""
    name_font = app.theme.text_font(app.layout, "small", "bold")
    return _LABELS.get((name_font, app.tr, app.layout, width, view.seats), lambda: _seat_labels(app, name_font, view.seats, width))


def _seat_labels(app: Looks, name_font: pygame.font.Font, seats: tuple[SeatView, ...], width: int) -> tuple[SeatLabel, ...]:
    theme, lay, t = app.theme, app.layout, app.t
    small = theme.text_font(lay, "small")
    tiny = theme.font("body", max(8, round(small.get_height() * 0.8)))
    n = max(1, len(seats))
    col_w = width // ((n + 1) // 2) - lay.px(4)
    roles = {"team": t("Team"), "ai": t("AI"), "observer": t("Observer")}
    floor = floor_px(app)
    names = []
    for seat in seats:
        name = seat.name
        font = fitting_font(app, name_font, name, col_w, "bold", floor, words=True)
        if len(wrap(font, name, col_w)) > 2 and name.endswith(")") and "(" in name:
            name = name[: name.rfind("(")].strip()  # "United States (observer)": the status line under it says Observer
            font = fitting_font(app, name_font, name, col_w, "bold", floor, words=True)
        names.append((name, font))

    def used(k: int) -> int:
        name, font = names[k]
        return max(text_width(font, x) for x in name_lines(font, name, col_w))

    # a seat's row neighbours (seat_positions: the top side left to right, the bottom side right to left)
    top_n = (len(names) + 1) // 2
    rows = [list(range(top_n)), list(range(top_n, len(names)))]
    out = []
    for k, seat in enumerate(seats):
        name, font = names[k]
        width, shift = col_w, 0
        if any(text_width(font, word) > col_w for word in name.split()):  # one word wider than its column, even at the floor
            row = rows[0] if k < top_n else rows[1]
            pos = row.index(k)
            # the room a neighbour's shorter name leaves on each side; a seat at the end of a row has none outward.
            # The name takes what it needs, from the roomier side first, so it sits a little off centre if it must
            left, right = (max(0, (col_w - used(row[j])) // 2) if 0 <= j < len(row) else 0 for j in (pos - 1, pos + 1))
            need = max(text_width(font, word) for word in name.split()) - col_w
            take_l = min(left, max(need - right, need // 2))
            take_r = min(right, need - take_l)
            take_l = min(left, need - take_r)
            width, shift = col_w + take_l + take_r, (take_r - take_l) // 2
        lines = tuple(name_lines(font, name, width))
        status = t("walked out") if seat.walked_out else (t("speaking") if seat.acting else roles[seat.role])
        status_font = tiny if tiny.point_size <= font.point_size else theme.font("body", max(floor, font.point_size))
        status_font = fitting_font(app, status_font, status, col_w, "body", floor)
        cut = any(x.endswith("…") for x in lines) and not name.endswith("…")
        out.append(SeatLabel(font, lines, status, status_font, width, cut, shift))
    return tuple(out)


def table_height(app: Looks, view: ConferenceView | None = None, width: int = 0) -> int:
    """The inner height the table needs: names and status above and below two rows of seats of the smallest readable size.

    With the view and the panel's width, the labels as they will be set (fitted names are often shorter than the guess)."""
    theme, lay = app.theme, app.layout
    if view is not None and view.seats and width:
        labels = seat_labels(app, view, width)
        top_n = (len(labels) + 1) // 2
        label_h = max(x.height for x in labels[:top_n]) + max((x.height for x in labels[top_n:]), default=0)
        return label_h + 4 * marker_radius(app) + lay.px(36)
    name_font = theme.text_font(lay, "small", "bold")
    small = theme.text_font(lay, "small")
    tiny = theme.font("body", max(8, round(small.get_height() * 0.8)))
    label_h = 2 * name_font.get_linesize() + tiny.get_linesize()
    return 2 * label_h + 4 * marker_radius(app) + lay.px(36)


def draw_table(surface: pygame.Surface, app: Looks, rect: pygame.Rect, view: ConferenceView, dels: dict[str, Delegation], pulse: float) -> None:
    """The table: seats on its two long sides with code letters, names and who plays them; talks as lines.

    Names go above the top seats and below the bottom ones, each in its own column, so none overlap;
    a long name takes two lines before it is shortened."""
    theme, lay, t = app.theme, app.layout, app.t
    small = theme.text_font(lay, "small")
    tiny = theme.font("body", max(8, round(small.get_height() * 0.8)))
    n = max(1, len(view.seats))
    col_w = rect.width // ((n + 1) // 2)
    labels = seat_labels(app, view, rect.width)
    top_n = (len(labels) + 1) // 2
    top_h = max((x.height for x in labels[:top_n]), default=0)
    bottom_h = max((x.height for x in labels[top_n:]), default=0)
    # never smaller than the board's markers: the code letters stay at least 1.5% of the window height
    radius = max(marker_radius(app), min(lay.px(19), (rect.height - top_h - bottom_h) // 5, col_w // 3))
    edge = lay.px(8)  # the acting seat's ring pushes its name out by a few pixels: keep them inside the panel
    edge = max(0, min(edge, (rect.height - top_h - bottom_h - 4 * radius) // 2))
    band = pygame.Rect(rect.x, rect.y + top_h + radius + edge, rect.width, max(2 * radius, rect.height - top_h - bottom_h - 2 * radius - 2 * edge))
    table = band.inflate(-col_w // 3, -2 * radius + lay.px(6))
    pygame.draw.rect(surface, theme.c("paper_dark"), table, border_radius=table.height // 2)
    pygame.draw.rect(surface, theme.c("rule"), table, max(2, lay.px(3)), border_radius=table.height // 2)
    positions = seat_positions(band, len(view.seats))
    seats = {s.id: (x, y) for s, (x, y, _) in zip(view.seats, positions, strict=True)}
    # talks first, under the seats: private ones as solid links between two seats, plenary ones as dashes to the middle
    w = max(2, lay.px(3))
    for link in view.links:
        a = seats.get(link.a)
        if a is None:
            continue
        if link.b is None:
            dashed(surface, theme.c("brass"), a, table.center, w, lay.px(8))
            continue
        b = seats.get(link.b)
        if b is not None:
            pygame.draw.line(surface, theme.c("link"), a, b, w)
    if view.links:  # a key in words for the lines, so colour is not the only cue
        key = t("solid: private talks") + "  ·  " + t("dashed: plenary")
        if text_width(tiny, key) <= table.width - 2 * radius and tiny.get_linesize() <= table.height:
            draw_line(surface, tiny, key, theme.c("ink_soft"), table.inflate(-2 * radius, 0), "center")
    for seat, label, (x, y, top) in zip(view.seats, labels, positions, strict=True):
        if seat.acting:
            ring = radius + lay.px(4) + round(lay.px(3) * (0.5 + 0.5 * math.sin(pulse * 5)))
            pygame.draw.circle(surface, theme.c("focus"), (x, y), ring, max(3, lay.px(4)))
        surf = seat_surface(dels[seat.id], seat.code, radius, seat.walked_out)
        surface.blit(surf, surf.get_rect(center=(x, y)))
        line_h, tiny_h = label.font.get_linesize(), label.status_font.get_linesize()
        col = pygame.Rect(x - col_w // 2 + lay.px(2), 0, col_w - lay.px(4), line_h)
        wide = pygame.Rect(x + label.shift - label.width // 2, 0, label.width, line_h)  # the name's own width (col_w, or borrowed room)
        colour = "danger" if seat.walked_out else ("focus" if seat.acting else "ink_soft")
        gap = radius + min(edge, lay.px(6 if seat.acting else 3))
        if top:  # name, then status, ending just above the seat
            yy = y - gap - tiny_h - len(label.lines) * line_h
            for line in label.lines:
                draw_line(surface, label.font, line, theme.c("ink"), wide.move(0, yy), "center", cut=label.cut)
                yy += line_h
            draw_line(surface, label.status_font, label.status, theme.c(colour), pygame.Rect(col.x, yy, col.width, tiny_h), "center")
        else:  # status, then name, from just below the seat
            yy = y + gap
            draw_line(surface, label.status_font, label.status, theme.c(colour), pygame.Rect(col.x, yy, col.width, tiny_h), "center")
            yy += tiny_h
            for line in label.lines:
                draw_line(surface, label.font, line, theme.c("ink"), wide.move(0, yy), "center", cut=label.cut)
                yy += line_h


def marker_radius(app: Looks) -> int:
    """Radius of a position marker: its code letters stay at least 1.5% of the window height (a projector's back row)."""
    return max(9, math.ceil(app.layout.height * 0.015 / 0.8))


@dataclass(frozen=True)
class IssueGeometry:
    """Where one issue sits on the board, relative to the board's top: its title lines and its option cells."""

    top: int
    height: int
    title: tuple[str, ...]
    cells: tuple[tuple[pygame.Rect, tuple[str, ...], bool], ...]  # (cell rect relative to (board x, issue top), label lines, markers below)


def board_fonts(app: Looks) -> tuple[pygame.font.Font, pygame.font.Font]:
    theme, lay = app.theme, app.layout
    return theme.text_font(lay, "small", "bold"), theme.text_font(lay, "small")


def _chip(app: Looks, font: pygame.font.Font, label: str, markers: int, width: int) -> tuple[int, int, tuple[str, ...], bool]:
    """(chip width, chip height, label lines, markers below the text) for one option, at most `width` wide."""
    lay = app.layout
    pad = lay.px(6)
    r = marker_radius(app)
    step = 2 * r + lay.px(2)
    marks_w = (markers - 1) * step + 2 * r if markers else 0
    one_line_h = max(font.get_linesize(), 2 * r) + 2 * pad
    text_w = text_width(font, label)
    flat = 2 * pad + text_w + (lay.px(6) + marks_w if markers else 0)
    if flat <= width:
        return flat, one_line_h, (label,), False
    lines = tuple(wrap(font, label, width - 2 * pad))
    per_line = max(1, (width - 2 * pad - 2 * r) // step + 1)
    mark_rows = (markers + per_line - 1) // per_line if markers else 0
    h = len(lines) * font.get_linesize() + mark_rows * (2 * r + lay.px(2)) + 2 * pad
    return width, h, lines, True


#: board_geometry's results by (title font, option font, layout, width, issues), the most recently used last. The
#: geometry is a pure function of these (the fonts stand for the theme and the text size, the layout for the window),
#: and the board is measured at every layout and painted at every frame. Its Rects are shared: callers only read them.
_GEOMETRY: Recent[tuple[pygame.font.Font, pygame.font.Font, Layout, int, tuple[IssueRow, ...]], tuple[IssueGeometry, ...]] = Recent(64)
#: The last call's key and result, (title font, font, layout, width, issues, geometry): none at first, then one
_GEOMETRY_LAST: list[tuple[pygame.font.Font, pygame.font.Font, Layout, int, tuple[IssueRow, ...], tuple[IssueGeometry, ...]]] = []


def board_geometry(app: Looks, width: int, issues: tuple[IssueRow, ...]) -> tuple[IssueGeometry, ...]:
    """The board laid out for `width`: each option a chip sized to its words (wrapped only when wider than the
    board, never cut), the stated positions as markers in it; chips flow left to right in the scale's order."""
    title_font, font = board_fonts(app)
    for tf, f, lay, w, rows, known in _GEOMETRY_LAST:
        if rows is issues and tf is title_font and f is font and w == width and lay == app.layout:
            return known  # the same board as the last call, by identity: no hashing of every issue's options and markers
    key = (title_font, font, app.layout, width, issues)
    geo = _GEOMETRY.get(key, lambda: _board_geometry(app, title_font, font, width, issues))
    _GEOMETRY_LAST[:] = [(*key, geo)]
    return geo


def _board_geometry(
    app: Looks, title_font: pygame.font.Font, font: pygame.font.Font, width: int, issues: tuple[IssueRow, ...]
) -> tuple[IssueGeometry, ...]:
    lay = app.layout
    gap = lay.px(6)
    out = []
    top = 0
    for row in issues:
        title = tuple(wrap(title_font, row.title, width))
        y = len(title) * title_font.get_linesize() + lay.px(3)
        x, line_h = 0, 0
        cells = []
        for o, label in enumerate(row.options):
            markers = sum(1 for m in row.markers if m.option == o)
            w, h, lines, below = _chip(app, font, label, markers, width)
            if x > 0 and x + w > width:
                y += line_h + gap
                x, line_h = 0, 0
            cells.append((pygame.Rect(x, y, w, h), lines, below))
            x += w + gap
            line_h = max(line_h, h)
        height = y + line_h + lay.px(14)
        out.append(IssueGeometry(top, height, title, tuple(cells)))
        top += height
    return tuple(out)


def paint_board(
    surface: pygame.Surface, app: Looks, rect: pygame.Rect, offset: int, issues: tuple[IssueRow, ...], dels: dict[str, Delegation]
) -> None:
    """The issue board: per issue, its options in words (wrapped, never cut), each stated position as a lettered marker."""
    theme, lay, t = app.theme, app.layout, app.t
    title_font, font = board_fonts(app)
    small = theme.text_font(lay, "small")
    r = marker_radius(app)
    pad = lay.px(6)
    step = 2 * r + lay.px(2)
    for row, geo in zip(issues, board_geometry(app, rect.width, issues), strict=True):
        y = rect.y - offset + geo.top
        if y + geo.height < rect.y:
            continue
        if y > rect.bottom:
            break
        head_w = rect.width
        tag = t("settled") if row.settled >= 0 else ""
        if tag:
            tw = text_width(small, tag) + lay.px(12)
            pill = pygame.Rect(rect.right - tw, y + lay.px(1), tw, title_font.get_linesize() - lay.px(2))
            pygame.draw.rect(surface, theme.c("ok"), pill, border_radius=lay.px(4))
            draw_line(surface, small, tag, theme.c("primary_text"), pill, "center")
            head_w -= tw + lay.px(6)
        for k, line in enumerate(geo.title):
            draw_line(
                surface,
                title_font,
                line,
                theme.c("ink"),
                pygame.Rect(rect.x, y + k * title_font.get_linesize(), head_w if k == 0 else rect.width, title_font.get_linesize()),
            )
        for o, (cell, lines, below) in enumerate(geo.cells):
            seg = cell.move(rect.x, y)
            settled = row.settled == o
            pygame.draw.rect(surface, theme.c("selected_bg" if settled else "field_bg"), seg, border_radius=lay.px(4))
            pygame.draw.rect(surface, theme.c("border"), seg, max(1, lay.px(1)), border_radius=lay.px(4))
            colour = theme.c("selected_text" if settled else "ink")
            here = [m for m in row.markers if m.option == o]
            if not below:  # one line: the label, then the markers beside it
                label = blit_text(surface, font, lines[0], colour, (seg.x + pad, seg.centery - font.get_height() // 2))
                x0, y0, per_line = label.right + lay.px(6) + r, seg.centery, len(here) or 1
            else:
                yy = seg.y + pad
                for line in lines:
                    blit_text(surface, font, line, colour, (seg.x + pad, yy))
                    yy += font.get_linesize()
                x0, y0 = seg.x + pad + r, yy + r
                per_line = max(1, (seg.width - 2 * pad - 2 * r) // step + 1)
            for k, m in enumerate(here):
                d = dels.get(m.delegation)
                if d is None:
                    continue
                surf = seat_surface(d, m.code, r, False)
                surface.blit(surf, surf.get_rect(center=(x0 + (k % per_line) * step, y0 + (k // per_line) * (2 * r + lay.px(2)))))


def board_height(app: Looks, width: int, issues: tuple[IssueRow, ...]) -> int:
    geo = board_geometry(app, width, issues)
    return geo[-1].top + geo[-1].height if geo else 0


def board_cells(app: Looks, rect: pygame.Rect, offset: int, issues: tuple[IssueRow, ...]) -> list[tuple[int, int, pygame.Rect]]:
    """(issue, option, cell) for every option cell `paint_board` draws, in screen coordinates (for tooltips and the cursor)."""
    out = []
    for k, geo in enumerate(board_geometry(app, rect.width, issues)):
        for o, (cell, _lines, _below) in enumerate(geo.cells):
            out.append((k, o, cell.move(rect.x, rect.y - offset + geo.top)))
    return out


NEWS_MEASURE = 20  # the fewest characters a news line should hold; below it the sentence breaks into a word a line


def news_font(app: Looks, width: int) -> pygame.font.Font:
    """The news sentences' font: reading size, unless the column is so narrow at large text that a line would hold
    only a word or two ("Italijos / delegacija / plenariniame" at 175% on 1280x720); then the capped body size."""
    theme, lay = app.theme, app.layout
    reading = theme.text_font(lay, "body", reading=True)
    if text_width(reading, "abcdefghijklmnopqrstuvwxyz") * NEWS_MEASURE <= 26 * (width - news_pad(app)):
        return reading
    return theme.text_font(lay, "body")


def news_item_height(app: Looks, line: NewsLine, width: int) -> int:
    theme, lay = app.theme, app.layout
    small = theme.text_font(lay, "small")
    head_font = theme.text_font(lay, "small", "bold") if line.private else small
    return _item_height(head_font, news_font(app, width), small, lay, width - news_pad(app), news_head(app, line), line.text)


#: news items' heights by (fonts, layout, width, head, sentence): an announcement adds one line to the news, and the
#: others keep their heights (a font stands for the theme and text size, the layout for the window)
_ITEM_HEIGHTS: Recent[tuple[pygame.font.Font, pygame.font.Font, pygame.font.Font, Layout, int, str, str], int] = Recent(20000)


def _item_height(head_font: pygame.font.Font, body: pygame.font.Font, small: pygame.font.Font, lay: Layout, width: int, head: str, text: str) -> int:
    def measure() -> int:
        h = len(wrap(head_font, head, width)) * small.get_linesize()
        return h + len(wrap(body, text, width)) * body.get_linesize() + lay.px(12)

    return _ITEM_HEIGHTS.get((head_font, body, small, lay, width, head, text), measure)


#: news_heights' last results: (news, theme, translator, layout, width, heights), the most recent last. The news is
#: keyed by identity: the conference screen keeps its view model (and so its news tuple) until what it shows changes.
_NEWS_HEIGHTS: list[tuple[tuple[NewsLine, ...], object, object, Layout, int, tuple[int, ...]]] = []


def news_heights(app: Looks, news: tuple[NewsLine, ...], width: int) -> tuple[int, ...]:
    """`news_item_height` of every line of `news`, measured once per news, theme, language, layout and width."""
    theme, tr_, lay = app.theme, app.tr, app.layout
    for k, (n, th, t, la, w, heights) in enumerate(_NEWS_HEIGHTS):
        if n is news and th is theme and t is tr_ and la == lay and w == width:
            if k != len(_NEWS_HEIGHTS) - 1:
                _NEWS_HEIGHTS.append(_NEWS_HEIGHTS.pop(k))
            return heights
    small, bold = theme.text_font(lay, "small"), theme.text_font(lay, "small", "bold")
    body, inner = news_font(app, width), width - news_pad(app)
    heights = tuple(_item_height(bold if line.private else small, body, small, lay, inner, news_head(app, line), line.text) for line in news)
    _NEWS_HEIGHTS.append((news, theme, tr_, lay, width, heights))
    if len(_NEWS_HEIGHTS) > 8:
        del _NEWS_HEIGHTS[0]
    return heights


def news_head(app: Looks, line: NewsLine) -> str:
    return line.date + ("  ·  " + app.t("private") if line.private else "")


def news_pad(app: Looks) -> int:
    """Room at the left of every news item for the bar that marks the line just announced."""
    return app.layout.px(10)


def paint_news(
    surface: pygame.Surface, app: Looks, rect: pygame.Rect, offset: int, news: tuple[NewsLine, ...], fresh: float, digest: tuple[str, ...] = ()
) -> None:
    """Newest first: date (and 'private' in words), then the sentence; the newest glows while it is announced.

    A team's view starts with its "since your last turn" digest."""
    theme, lay, t = app.theme, app.layout, app.t
    small = theme.text_font(lay, "small")
    small_bold = theme.text_font(lay, "small", "bold")
    body = news_font(app, rect.width)
    y = rect.y - offset
    y += paint_digest(surface, app, rect, y, t("Since your last turn"), digest)
    full = rect
    pad = news_pad(app)
    rect = pygame.Rect(full.x + pad, full.y, full.width - pad, full.height)
    for k, (line, h) in enumerate(zip(news, news_heights(app, news, full.width), strict=True)):
        if y > rect.bottom:
            break
        if y + h >= rect.y:
            if k == 0 and fresh > 0:  # the line just announced: a bar in the margin (and a fading wash on paper)
                if not theme.high_contrast:
                    glow = pygame.Surface((full.width, h - lay.px(4)), pygame.SRCALPHA)
                    c = theme.c("brass_light")
                    glow.fill((c.r, c.g, c.b, round(200 * min(1.0, fresh))))
                    surface.blit(glow, (full.x, y))
                pygame.draw.rect(surface, theme.c("focus"), (full.x, y, max(3, lay.px(4)), h - lay.px(4)))
            yy = y
            head_font = small_bold if line.private else small
            head_colour = theme.c("link" if line.private else "ink_soft")
            for text in wrap(head_font, news_head(app, line), rect.width):  # date and "private" wrap rather than cut
                draw_line(surface, head_font, text, head_colour, pygame.Rect(rect.x, yy, rect.width, small.get_linesize()))
                yy += small.get_linesize()
            colour = theme.c("ink")
            for text in wrap(body, line.text, rect.width):
                blit_text(surface, body, text, colour, (rect.x, yy))
                yy += body.get_linesize()
            pygame.draw.line(surface, theme.c("rule"), (rect.x, y + h - lay.px(3)), (rect.right, y + h - lay.px(3)), 1)
        y += h


def digest_height(app: Looks, heading: str, lines: tuple[str, ...], width: int) -> int:
    """Height of the "since your last turn" box at the top of a team's news (0 when there is none)."""
    if not lines:
        return 0
    theme, lay = app.theme, app.layout
    bold, body = theme.text_font(lay, "small", "bold"), theme.text_font(lay, "small")
    inner = width - 2 * lay.px(8)
    h = len(wrap(bold, heading, inner)) * bold.get_linesize()
    h += sum(len(wrap(body, "• " + x, inner)) * body.get_linesize() for x in lines)
    return h + 2 * lay.px(8) + lay.px(10)


def paint_digest(surface: pygame.Surface, app: Looks, rect: pygame.Rect, y: int, heading: str, lines: tuple[str, ...]) -> int:
    """The box drawn from `y`; returns the height used (as `digest_height`)."""
    if not lines:
        return 0
    theme, lay = app.theme, app.layout
    h = digest_height(app, heading, lines, rect.width)
    box = pygame.Rect(rect.x, y, rect.width, h - lay.px(10))
    pygame.draw.rect(surface, theme.c("field_bg"), box, border_radius=lay.px(4))
    pygame.draw.rect(surface, theme.c("focus"), box, max(2, lay.px(2)), border_radius=lay.px(4))
    bold, body = theme.text_font(lay, "small", "bold"), theme.text_font(lay, "small")
    x, yy, inner = box.x + lay.px(8), box.y + lay.px(8), box.width - 2 * lay.px(8)
    for line in wrap(bold, heading, inner):
        blit_text(surface, bold, line, theme.c("ink"), (x, yy))
        yy += bold.get_linesize()
    for text in lines:
        for line in wrap(body, "• " + text, inner):
            blit_text(surface, body, line, theme.c("ink"), (x, yy))
            yy += body.get_linesize()
    return h


def pending_text(app: Looks, p: PendingView) -> tuple[str, str]:
    """A proposal in two parts: who and what (a title line), then the package."""
    t = app.t
    head = t("No. {number}: {who} — {instrument} ({where})", number=p.id, who=p.proposer, instrument=p.instrument, where=p.where)
    if p.answers:
        head += " · " + p.answers
    return head, p.package


def pending_height(app: Looks, p: PendingView, width: int, max_lines: int = 4) -> int:
    theme, lay = app.theme, app.layout
    bold = theme.text_font(lay, "small", "bold")
    small = theme.text_font(lay, "small")
    head, package = pending_text(app, p)
    n = len(wrap(small, package, width))
    lines = n if n <= max_lines else 0  # the package in full or not at all (the news has it in full)
    return len(wrap(bold, head, width)) * bold.get_linesize() + lines * small.get_linesize() + lay.px(10)


def draw_pending(surface: pygame.Surface, app: Looks, rect: pygame.Rect, p: PendingView, max_lines: int = 4) -> None:
    theme, lay = app.theme, app.layout
    bold = theme.text_font(lay, "small", "bold")
    small = theme.text_font(lay, "small")
    head, package = pending_text(app, p)
    if p.awaiting:  # waiting for this team's answer: framed (and washed on paper), never colour alone: see the buttons
        box = rect.inflate(lay.px(8), lay.px(4))
        if not theme.high_contrast:
            pygame.draw.rect(surface, theme.c("brass_light"), box, border_radius=lay.px(4))
        pygame.draw.rect(surface, theme.c("focus"), box, max(2, lay.px(2)), border_radius=lay.px(4))
    y = rect.y
    for line in wrap(bold, head, rect.width):
        draw_line(surface, bold, line, theme.c("link" if p.private else "ink"), pygame.Rect(rect.x, y, rect.width, bold.get_linesize()))
        y += bold.get_linesize()
    lines = wrap(small, package, rect.width)
    if len(lines) > max_lines:
        lines = []
    for line in lines:
        blit_text(surface, small, line, theme.c("ink"), (rect.x, y))
        y += small.get_linesize()
