"""Rects and sizes computed from the window size and the text-size setting.

Screens are designed on a 1280x720 canvas; `Layout` scales them to any window
from 1280x720 to 4K. Spatial sizes scale with the window (`px`), type scales
with the window *and* the teacher's text-size setting. Reading text (settings,
demands, news: `text_px`) takes the full setting; the frame around it (titles,
buttons, labels: `chrome_px`) grows only up to `CHROME_CAP`, so at 200% the
paragraphs double while the controls stay where a hand and eye expect them.

`grid`, `column` and `row` place a screen's parts declaratively: tracks of a fixed
size (`Fixed` or a bare int), a share of what is left (`Fr`, with a least and most
size) or their content's size (`Fit`), with gaps and padding, give named rectangles.
A screen's `layout` then reads as the picture it makes (``["status status", "conduct
events"]``) instead of running sums of y; the grid is pure and tested without a window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

import pygame

DESIGN_W = 1280
DESIGN_H = 720
TEXT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)
CHROME_CAP = 1.25


@dataclass(frozen=True)
class Layout:
    width: int
    height: int
    text_scale: float = 1.0

    @cached_property
    def scale(self) -> float:
        """Window scale relative to the 1280x720 design canvas (computed once: every size on a screen reads it)."""
        return max(0.5, min(self.width / DESIGN_W, self.height / DESIGN_H))

    def px(self, design: float) -> int:
        """A spatial size (padding, border, gap) in pixels."""
        return max(1, round(design * self.scale))

    def text_px(self, design: float) -> int:
        """A reading-text font size in pixels: window scale times the text-size setting."""
        return max(8, round(design * self.scale * self.text_scale))

    def chrome_px(self, design: float) -> int:
        """A font size for titles, buttons and labels: the text-size setting counts up to `CHROME_CAP`."""
        return max(8, round(design * self.scale * min(self.text_scale, CHROME_CAP)))

    @property
    def rect(self) -> pygame.Rect:
        return pygame.Rect(0, 0, self.width, self.height)

    @property
    def margin(self) -> int:
        return self.px(28)

    @property
    def gap(self) -> int:
        return self.px(16)

    def header(self) -> pygame.Rect:
        """The band at the top holding a screen's title."""
        return pygame.Rect(0, 0, self.width, round(self.chrome_px(44) * 1.2 + self.chrome_px(20) * 1.4) + self.px(26))

    def footer(self) -> pygame.Rect:
        """The band at the bottom holding a screen's main buttons."""
        h = self.px(36) + self.chrome_px(22) * 2
        return pygame.Rect(0, self.height - h, self.width, h)

    def body(self) -> pygame.Rect:
        """What is left between header and footer, inside the margins."""
        top = self.header().bottom + self.gap
        bottom = self.footer().top - self.gap
        return pygame.Rect(self.margin, top, self.width - 2 * self.margin, max(0, bottom - top))

    def button_height(self) -> int:
        return round(self.chrome_px(22) * 1.4) + self.px(16)

    def row_height(self) -> int:
        return round(self.chrome_px(20) * 1.4) + self.px(14)

    def columns(self, area: pygame.Rect, weights: Sequence[float], gap: int | None = None) -> list[pygame.Rect]:
        """Split `area` left to right in proportion to `weights`, with gaps between."""
        g = self.gap if gap is None else gap
        free = area.width - g * (len(weights) - 1)
        total = sum(weights) or 1
        out: list[pygame.Rect] = []
        x = area.x
        for i, w in enumerate(weights):
            width = free - sum(r.width for r in out) if i == len(weights) - 1 else round(free * w / total)
            out.append(pygame.Rect(x, area.y, width, area.height))
            x += width + g
        return out

    def stack(self, area: pygame.Rect, heights: Sequence[int], gap: int | None = None) -> list[pygame.Rect]:
        """Rows of fixed pixel heights from the top of `area` (they may run past its bottom)."""
        g = self.gap if gap is None else gap
        out, y = [], area.y
        for h in heights:
            out.append(pygame.Rect(area.x, y, area.width, h))
            y += h + g
        return out


# --- the grid: a screen's layout as rows and columns of named areas ------------------------------------------


@dataclass(frozen=True)
class Fixed:
    """A track of a set size in pixels (a button's height, a label's line)."""

    size: int


@dataclass(frozen=True)
class Fr:
    """A share of the room the other tracks leave, by `weight`; kept between `least` and `most` pixels when it can be."""

    weight: float = 1.0
    least: int = 0
    most: int | None = None


@dataclass(frozen=True)
class Fit:
    """A track as large as its content: `measure(cross)` gives the size for the grid's inner extent across it
    (a paragraph's height for the column's width)."""

    measure: Callable[[int], int]


Track = Fixed | Fr | Fit | int  # a bare int is Fixed
Padding = int | tuple[int, int, int, int]  # all sides, or (top, right, bottom, left)


def track_sizes(total: int, tracks: Sequence[Track], gap: int = 0, cross: int = 0) -> list[int]:
    """Pixel sizes of `tracks` sharing `total` with `gap` between them.

    Fixed and content-sized tracks take what they ask (they may add up to more than `total`:
    the grid then runs past its area, as a too-long list would, and a test sees it); the fractional
    ones share what is left by weight, each clamped to its `least`/`most`, the rest re-shared among
    the others. Sizes are whole pixels and the fractional ones add up exactly to what was left.
    """
    sizes: list[int | None] = []
    for t in tracks:
        match t:
            case int():
                sizes.append(max(0, t))
            case Fixed(size):
                sizes.append(max(0, size))
            case Fit(measure):
                sizes.append(max(0, int(measure(cross))))
            case Fr():
                sizes.append(None)
    free = max(0, total - gap * max(0, len(tracks) - 1) - sum(s for s in sizes if s is not None))
    open_ = [i for i, s in enumerate(sizes) if s is None]
    fixed_share: dict[int, int] = {}
    while open_:  # clamp the shares one pass at a time until none moves
        room = free - sum(fixed_share.values())
        weights = {i: max(0.0, _fr(tracks[i]).weight) for i in open_}
        total_w = sum(weights.values()) or 1.0
        clamped = False
        for i in open_:
            fr = _fr(tracks[i])
            share = room * weights[i] / total_w
            if fr.most is not None and share > fr.most:
                fixed_share[i], clamped = fr.most, True
            elif share < fr.least:
                fixed_share[i], clamped = fr.least, True
        open_ = [i for i in open_ if i not in fixed_share]
        if not clamped:
            break
    room = max(0, free - sum(fixed_share.values()))
    total_w = sum(max(0.0, _fr(tracks[i]).weight) for i in open_) or 1.0
    given = 0
    for n, i in enumerate(open_):
        share = room - given if n == len(open_) - 1 else round(room * max(0.0, _fr(tracks[i]).weight) / total_w)
        sizes[i] = share
        given += share
    for i, s in fixed_share.items():
        sizes[i] = s
    return [s or 0 for s in sizes]


def _fr(track: Track) -> Fr:
    assert isinstance(track, Fr)
    return track


def _pad(area: pygame.Rect, padding: Padding) -> pygame.Rect:
    top, right, bottom, left = (padding,) * 4 if isinstance(padding, int) else padding
    return pygame.Rect(area.x + left, area.y + top, max(0, area.width - left - right), max(0, area.height - top - bottom))


def grid(
    area: pygame.Rect,
    areas: Sequence[str],
    rows: Sequence[Track],
    cols: Sequence[Track] = (Fr(),),
    *,
    gap: int = 0,
    row_gap: int | None = None,
    col_gap: int | None = None,
    padding: Padding = 0,
) -> dict[str, pygame.Rect]:
    """Named rectangles of `area` cut into `rows` x `cols` tracks, as CSS grid areas read.

    `areas` has one string per row, one word per column: a name, or "." for a cell left empty;
    a name written in several cells gets the rectangle around them (it should be a rectangle).
    Columns are sized first, then rows (a `Fit` row measures against the grid's inner width)::

        grid(body, ["list  list", "label .", "field button"], rows=[Fr(), 30, 40], cols=[Fr(2), Fr(1)], gap=8)
    """
    inner = _pad(area, padding)
    rg = gap if row_gap is None else row_gap
    cg = gap if col_gap is None else col_gap
    cells = [line.split() for line in areas]
    if len(cells) != len(rows) or any(len(line) != len(cols) for line in cells):
        raise ValueError(f"areas are {len(cells)} rows of {[len(c) for c in cells]} words; the tracks are {len(rows)} x {len(cols)}")
    widths = track_sizes(inner.width, cols, cg, inner.height)
    heights = track_sizes(inner.height, rows, rg, inner.width)
    xs = [inner.x + sum(widths[:k]) + cg * k for k in range(len(cols))]
    ys = [inner.y + sum(heights[:k]) + rg * k for k in range(len(rows))]
    out: dict[str, pygame.Rect] = {}
    for r, line in enumerate(cells):
        for c, name in enumerate(line):
            if name == ".":
                continue
            cell = pygame.Rect(xs[c], ys[r], widths[c], heights[r])
            out[name] = out[name].union(cell) if name in out else cell
    return out


def column(area: pygame.Rect, tracks: Sequence[tuple[str, Track]], *, gap: int = 0, padding: Padding = 0) -> dict[str, pygame.Rect]:
    """Named rows stacked down `area`, each the full width: a one-column `grid` (names "." are spacers)."""
    return grid(area, [name for name, _ in tracks], [t for _, t in tracks], gap=gap, padding=padding)


def row(area: pygame.Rect, tracks: Sequence[tuple[str, Track]], *, gap: int = 0, padding: Padding = 0) -> dict[str, pygame.Rect]:
    """Named columns side by side across `area`, each the full height: a one-row `grid` ("." are spacers)."""
    return grid(area, [" ".join(name for name, _ in tracks)], [Fr()], [t for _, t in tracks], gap=gap, padding=padding)
