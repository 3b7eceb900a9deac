"""Colours, fonts and the paper background, read from ``assets/theme*.json``.

Plenipo draws its own widgets; the ``#plenipo`` block of the theme file is the
one source of truth for the palette, the type roles (body, bold, heading) and
their design sizes at 1280x720.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pygame

from game.resources import assets_dir
from game.ui.kit.layout import Layout

ASSETS = assets_dir()
THEME_FILE = ASSETS / "theme.json"
HIGH_CONTRAST_FILE = ASSETS / "theme_high_contrast.json"

FontRole = Literal["body", "bold", "heading"]
SizeRole = Literal["small", "body", "label", "heading", "title"]


@dataclass
class Theme:
    """A loaded theme: palette, font files, design sizes; fonts are opened lazily and cached."""

    path: Path
    data: dict[str, Any]
    colours: dict[str, pygame.Color]
    font_files: dict[str, Path]
    sizes: dict[str, int]
    background: Path | None
    border: int = 2
    focus_width: int = 4
    radius: int = 6
    _fonts: dict[tuple[str, int], pygame.font.Font] = field(default_factory=dict, repr=False)
    _backdrops: dict[tuple[int, int], pygame.Surface] = field(default_factory=dict, repr=False)

    @property
    def high_contrast(self) -> bool:
        return self.path.name == HIGH_CONTRAST_FILE.name

    def hex(self, role: str) -> str:
        col = self.c(role)
        return f"#{col.r:02x}{col.g:02x}{col.b:02x}"

    def c(self, role: str) -> pygame.Color:
        """A palette colour by role ('ink', 'paper', 'brass', ...); magenta shows a typo at once."""
        return self.colours.get(role, pygame.Color("#ff00ff"))

    def font(self, role: FontRole, px: int) -> pygame.font.Font:
        key = (role, px)
        if key not in self._fonts:
            if not pygame.font.get_init():
                pygame.font.init()
            path = self.font_files.get(role)
            self._fonts[key] = pygame.font.Font(str(path) if path and path.is_file() else None, px)
        return self._fonts[key]

    def text_font(self, layout: Layout, size: SizeRole = "body", role: FontRole = "body", *, reading: bool = False) -> pygame.font.Font:
        """The font for a type role at this layout's scale; `reading` text follows the text-size setting fully."""
        design = self.sizes.get(size, 20)
        return self.font(role, layout.text_px(design) if reading else layout.chrome_px(design))

    def backdrop(self, size: tuple[int, int]) -> pygame.Surface:
        """The screen background at this window size: tiled paper, or flat colour in high contrast."""
        if size not in self._backdrops:
            if len(self._backdrops) > 4:
                self._backdrops.clear()
            surf = pygame.Surface(size)
            surf.fill(self.c("paper"))
            if self.background and self.background.is_file():
                tile = pygame.image.load(str(self.background))
                if pygame.display.get_init() and pygame.display.get_surface() is not None:
                    tile = tile.convert()
                for x in range(0, size[0], tile.get_width()):
                    for y in range(0, size[1], tile.get_height()):
                        surf.blit(tile, (x, y))
            self._backdrops[size] = surf
        return self._backdrops[size]


def load_theme(high_contrast: bool = False, path: Path | None = None) -> Theme:
    """Read a theme file; a broken or missing file falls back to built-in colours rather than failing."""
    file = path or (HIGH_CONTRAST_FILE if high_contrast else THEME_FILE)
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    own = data.get("#plenipo", {})
    colours: dict[str, pygame.Color] = {}
    for role, value in own.get("colours", {}).items():
        try:
            colours[role] = pygame.Color(value)
        except ValueError:
            continue
    colours.setdefault("paper", pygame.Color("#efe4cc"))
    colours.setdefault("ink", pygame.Color("#23190f"))
    misc = own.get("misc", {})
    font_files = {
        role: file.parent / misc[key] for role, key in (("body", "body_font"), ("bold", "bold_font"), ("heading", "heading_font")) if misc.get(key)
    }
    sizes = {"small": 17, "body": 20, "label": 22, "heading": 28, "title": 44}
    for name in list(sizes):
        try:
            sizes[name] = int(misc.get(f"size_{name}", sizes[name]))
        except (TypeError, ValueError):
            continue
    background = file.parent / misc["background_image"] if misc.get("background_image") else None

    def _int(key: str, default: int) -> int:
        try:
            return int(misc.get(key, default))
        except (TypeError, ValueError):
            return default

    return Theme(
        path=file,
        data=data,
        colours=colours,
        font_files=font_files,
        sizes=sizes,
        background=background,
        border=_int("border_width", 2),
        focus_width=_int("focus_width", 4),
        radius=_int("corner_radius", 6),
    )
