"""What the window shows this frame, in words: one list of labels, roles and rectangles.

Every widget and every line of text drawn on the window adds an entry while it
draws, so after a frame the list says exactly what a student could read and
click: the label (as drawn, in the current language), its role (button,
toggle, option, text...), its rectangle, whether it is enabled, the item it
belongs to (a proposal in the inbox), whether it was shortened to fit, and
whether an overlay's shade covers it. The UI script runner reads it to find
what to click and to check what is visible; a layout test reads it to find
overlapping widgets and text that leaves its box; a self-voicing mode could
read it aloud. Text drawn on off-screen surfaces (cached seats, glows) is
not the window and is not recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pygame

#: Roles of things a student can act on (the rest is text or a scrolling area).
CONTROLS = frozenset({"button", "toggle", "choice", "field", "option", "row"})


@dataclass(frozen=True)
class Seen:
    """One thing drawn this frame."""

    label: str
    role: str
    rect: tuple[int, int, int, int]
    enabled: bool = True
    item: str = ""  # the label of the item (an inbox proposal, an issue row) it belongs to, if any
    cut: bool = False  # drawn shortened ("…"): not readable in full
    covered: bool = False  # under an overlay's shade: seen dimly, not usable
    clipped: bool = False  # partly outside the clip (a line half scrolled out of its area): scrolling shows it
    box: tuple[int, int, int, int] | None = None  # for text: the rectangle it was meant to stay inside
    px: int = 0  # for text: the type size in pixels

    @property
    def pg_rect(self) -> pygame.Rect:
        return pygame.Rect(self.rect)

    @property
    def live(self) -> bool:
        """Readable and on top: not covered by an overlay, not cut, not half outside its scrolling area."""
        return not self.covered and not self.cut and not self.clipped


class Frame:
    """The list for the frame being drawn (the app begins a new one before drawing)."""

    def __init__(self) -> None:
        self.target: pygame.Surface | None = None
        self.entries: list[Seen] = []
        self.last: list[Seen] = []

    def begin(self, surface: pygame.Surface) -> None:
        self.last = self.entries
        self.entries = []
        self.target = surface

    def end(self) -> None:
        """The frame is drawn: what it shows stays readable in `last` until the next frame ends."""
        self.last = self.entries

    def add(
        self,
        surface: pygame.Surface,
        label: str,
        role: str,
        rect: pygame.Rect,
        *,
        enabled: bool = True,
        item: str = "",
        cut: bool = False,
        box: pygame.Rect | None = None,
        px: int = 0,
    ) -> None:
        """Record one thing drawn on `surface` (ignored unless it is the window); clipping counts as cutting."""
        if self.target is None or surface is not self.target or not label.strip():
            return
        clip = surface.get_clip()
        r = pygame.Rect(rect)
        if r.width <= 0 or r.height <= 0 or not clip.colliderect(r):
            return
        self.entries.append(
            Seen(
                label,
                role,
                (r.x, r.y, r.w, r.h),
                enabled,
                item,
                cut,
                False,
                not clip.contains(r),
                None if box is None else (box.x, box.y, box.w, box.h),
                px,
            )
        )

    def cover(self) -> None:
        """An overlay shades the window: everything drawn so far is behind it."""
        self.entries = [replace(e, covered=True) for e in self.entries]


FRAME = Frame()


def visible() -> list[Seen]:
    """What the last finished frame shows on top (not under an overlay's shade)."""
    return [e for e in FRAME.last if not e.covered]
