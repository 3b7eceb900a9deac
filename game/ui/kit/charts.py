"""Line charts drawn with pygame: positions and trust over the sittings of a conference.

Each line is in its delegation's colour *and* ends in a seat marker with the
delegation's code letters, so a colour-blind viewer or a black-and-white
projector still tells the lines apart. Lines that coincide are nudged apart
by a pixel or two so none hides another.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pygame

from game.scenario.models import Delegation
from game.ui.kit.emblems import seat_surface
from game.ui.kit.text import draw_line, draw_wrapped, ellipsize, text_width, wrap
from game.views.outcome import Series

if TYPE_CHECKING:
    from game.ui.kit.context import Looks


def draw_chart(
    surface: pygame.Surface,
    app: Looks,
    rect: pygame.Rect,
    title: str,
    turns: Sequence[int],
    series: Sequence[Series],
    dels: dict[str, Delegation],
    *,
    y_labels: Sequence[str] = (),
    y_range: tuple[float, float] | None = None,
    teams: frozenset[str] = frozenset(),
) -> None:
    """A small multiple: title, y labels (option words or numbers), x = sitting, one line per series.

    The `teams`' lines are drawn last and twice as thick, so a class finds its own delegations at once."""
    theme, lay, t = app.theme, app.layout, app.t
    bold, tiny = _fonts(app)
    title_lines = wrap(bold, title, rect.width)[:2]  # a long issue name takes two lines rather than being cut
    title_h = draw_wrapped(
        surface,
        bold,
        title,
        theme.c("ink"),
        pygame.Rect(rect.x, rect.y, rect.width, bold.get_linesize() * len(title_lines)),
        spacing=1.0,
        max_lines=2,
    )
    label_w = y_label_width(tiny, y_labels, rect.width) + lay.px(6) if y_labels else text_width(tiny, "100") + lay.px(6)
    r_marker = max(6, lay.px(9))
    top_pad = len(wrap(tiny, y_labels[-1], label_w - lay.px(6))) * tiny.get_linesize() // 2 if y_labels else 0  # the top label stays below the title
    plot = pygame.Rect(
        rect.x + label_w,
        rect.y + title_h + lay.px(6) + top_pad,
        rect.width - label_w - 2 * r_marker - lay.px(6),
        rect.height - title_h - top_pad - tiny.get_linesize() - lay.px(12),
    )
    if plot.width < 10 or plot.height < 10:
        return
    pygame.draw.rect(surface, theme.c("field_bg"), plot)
    pygame.draw.rect(surface, theme.c("border"), plot, 1)
    if y_labels:
        lo, hi = 0.0, float(max(1, len(y_labels) - 1))
        slot = plot.height / (hi - lo) if hi > lo else plot.height
        fit = max(1, int(slot // tiny.get_linesize()))  # lines a label may take without touching the next one
        for k, label in enumerate(y_labels):
            y = plot.bottom - round((k - lo) / (hi - lo) * plot.height) if hi > lo else plot.centery
            pygame.draw.line(surface, theme.c("paper_dark"), (plot.x, y), (plot.right, y), 1)
            lines = wrap(tiny, label, label_w - lay.px(6))
            if len(lines) > fit:
                lines = [*lines[: fit - 1], ellipsize(tiny, " ".join(lines[fit - 1 :]), label_w - lay.px(6))]
            top = y - len(lines) * tiny.get_linesize() // 2
            for m, line in enumerate(lines):
                where = pygame.Rect(rect.x, top + m * tiny.get_linesize(), label_w - lay.px(6), tiny.get_linesize())
                draw_line(surface, tiny, line, theme.c("ink_soft"), where, "right")
    else:
        lo, hi = y_range or (0.0, 100.0)
        for tick in (lo, (lo + hi) / 2, hi):
            y = plot.bottom - round((tick - lo) / (hi - lo) * plot.height)
            pygame.draw.line(surface, theme.c("paper_dark"), (plot.x, y), (plot.right, y), 1)
            where = pygame.Rect(rect.x, y - tiny.get_linesize() // 2, label_w - lay.px(6), tiny.get_linesize())
            draw_line(surface, tiny, f"{round(tick)}", theme.c("ink_soft"), where, "right")
    n = len(turns)
    xs = [plot.x + (round(k * plot.width / (n - 1)) if n > 1 else plot.width // 2) for k in range(n)]
    if n:
        below = pygame.Rect(plot.x, plot.bottom + lay.px(2), plot.width, tiny.get_linesize())
        draw_line(surface, tiny, str(turns[0]), theme.c("ink_soft"), below, "left")
        draw_line(surface, tiny, str(turns[-1]), theme.c("ink_soft"), below, "right")
        draw_line(surface, tiny, t("sitting"), theme.c("ink_soft"), below, "center")
    width = max(2, lay.px(3))
    spread = max(1, lay.px(2))
    ends: list[tuple[int, int, Series]] = []
    order = sorted(enumerate(series), key=lambda ks: ks[1].delegation in teams)  # teams on top
    for k, s in order:
        d = dels.get(s.delegation)
        colour = pygame.Color(d.colour) if d else theme.c("ink")
        nudge = (k - len(series) / 2) * spread
        pts = []
        for x, val in zip(xs, s.values, strict=False):
            if val is None or hi == lo:
                continue
            pts.append((x, plot.bottom - (val - lo) / (hi - lo) * plot.height + nudge))
        if len(pts) > 1:
            w = 2 * width if s.delegation in teams else width
            pygame.draw.lines(surface, theme.c("ink"), False, pts, w + 2)
            pygame.draw.lines(surface, colour, False, pts, w)
        if pts:
            ends.append((round(pts[-1][0]), round(pts[-1][1]), s))
    ends.sort(key=lambda e: e[1])
    last_y = -10_000
    for x, y, s in ends:  # end markers stacked so their letters never overlap
        y = max(y, last_y + 2 * r_marker)
        last_y = y
        d = dels.get(s.delegation)
        if d is not None:
            surf = seat_surface(d, s.code, r_marker, False)
            surface.blit(surf, surf.get_rect(center=(x + r_marker + lay.px(2), y)))


def y_label_width(font: pygame.font.Font, labels: Sequence[str], width: int) -> int:
    """Width of the option labels' column: a quarter of the chart, wider (up to half) until every label fits in two lines.

    Two lines keep a chart of four options about as tall as before; past half
    the chart the plot would be too narrow to read, so longer labels take more lines.
    """
    longest = max((text_width(font, word) for label in labels for word in label.split()), default=0)
    least, most = max(round(width * 0.26), longest), round(width * 0.5)
    for w in range(least, most, max(4, width // 50)):
        if all(len(wrap(font, label, w)) <= 2 for label in labels):
            return w
    return max(least, most) if longest <= most else longest


def _fonts(app: Looks) -> tuple[pygame.font.Font, pygame.font.Font]:
    """The chart's title font and the small font of its axis labels."""
    theme, lay = app.theme, app.layout
    small = theme.text_font(lay, "small")
    return theme.text_font(lay, "small", "bold"), theme.font("body", max(8, round(small.get_height() * 0.75)))


def chart_height(app: Looks, width: int, title: str, y_labels: Sequence[str], least: int) -> int:
    """The height a chart `width` wide needs so its title (two lines at most) and every option label show whole."""
    lay = app.layout
    bold, tiny = _fonts(app)
    title_h = min(2, len(wrap(bold, title, width))) * bold.get_linesize()
    if not y_labels:
        return max(least, title_h)
    label_w = y_label_width(tiny, y_labels, width)
    lines = [len(wrap(tiny, label, label_w)) for label in y_labels]
    ls = tiny.get_linesize()
    plot = (len(y_labels) - 1) * max(lines) * ls + ls
    return max(least, title_h + lay.px(6) + lines[-1] * ls // 2 + plot + ls + lay.px(12))
