"""Rects and sizes computed from the window size and the text-size setting.

Screens are designed on a 1280x720 canvas; `Layout` scales them to any window
from 1280x720 to 4K. Spatial sizes scale with the window (`px`), type scales
with the window *and* the teacher's text-size setting. Reading text (settings,
demands, news: `text_px`) takes the full setting; the frame around it (titles,
buttons, labels: `chrome_px`) grows only up to `CHROME_CAP`, so at 200% the
paragraphs double while the controls stay where a hand and eye expect them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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

    @property
    def scale(self) -> float:
        """Window scale relative to the 1280x720 design canvas."""
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
