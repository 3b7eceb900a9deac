"""Plenipo's controls, drawn in the theme and driven by keyboard or mouse.

Each widget is cheap and rebuilt by its screen's `layout()`; the state it shows
lives in the screen's view model and comes back through callbacks, so a
rebuild (resize, new language) loses nothing. `draw` changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Literal

import pygame

from game.ui.kit.registry import FRAME
from game.ui.kit.text import draw_line, ellipsize, render, text_width, wrap

if TYPE_CHECKING:
    from game.ui.kit.context import Looks
    from game.ui.kit.theme import FontRole, SizeRole

ACTIVATE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
Icon = Callable[[pygame.Surface, pygame.Rect], None]


def draw_box(
    surface: pygame.Surface,
    app: Looks,
    rect: pygame.Rect,
    bg: str,
    border: str = "border",
    focused: bool = False,
    width: int | None = None,
) -> None:
    """A themed rounded box, with the focus ring outside it when focused (never only a colour change)."""
    theme, lay = app.theme, app.layout
    radius = lay.px(theme.radius)
    pygame.draw.rect(surface, theme.c(bg), rect, border_radius=radius)
    bw = lay.px(theme.border) if width is None else width
    if bw:
        pygame.draw.rect(surface, theme.c(border), rect, bw, border_radius=radius)
    if focused:
        fw = max(2, lay.px(theme.focus_width))
        ring = rect.inflate(2 * fw + lay.px(4), 2 * fw + lay.px(4))
        pygame.draw.rect(surface, theme.c("focus"), ring, fw, border_radius=radius + fw)


class Widget:
    """Base: a keyed rect that may take focus."""

    focusable = True

    def __init__(self, key: str, rect: pygame.Rect, *, enabled: bool = True, tooltip: str | None = None, visible: bool = True) -> None:
        self.key = key
        self.rect = pygame.Rect(rect)
        self.enabled = enabled
        self.tooltip = tooltip
        self.visible = visible
        #: The label of the item this widget belongs to (an inbox proposal): `click "Accept" in "No. 3"` narrows by it.
        self.item = ""

    @property
    def can_focus(self) -> bool:
        return self.focusable and self.enabled and self.visible

    def handle_event(self, event: pygame.event.Event, app: Looks) -> bool:
        return False

    def tooltip_at(self, pos: tuple[int, int]) -> str | None:
        """The tooltip for the mouse at `pos` (a widget with parts, e.g. the issue board, tells each part's text)."""
        return self.tooltip

    def focus_tip(self, app: Looks) -> tuple[str, pygame.Rect] | None:
        """A tip shown while the widget has keyboard focus, beside a rect: the full text of what the keys point at."""
        return None

    def draw(self, surface: pygame.Surface, app: Looks, focused: bool, hovered: bool) -> None:
        raise NotImplementedError

    def report(self, surface: pygame.Surface, label: str, role: str, *, rect: pygame.Rect | None = None, cut: bool = False) -> None:
        """Add this widget to the frame's list of what is shown (see game/ui/kit/registry.py)."""
        FRAME.add(surface, label, role, self.rect if rect is None else rect, enabled=self.enabled, item=self.item, cut=cut)


class Label(Widget):
    """Static text (not focusable): captions and notes."""

    focusable = False

    def __init__(
        self,
        key: str,
        rect: pygame.Rect,
        text: str,
        *,
        size: Literal["small", "body", "label", "heading", "title"] = "label",
        role: Literal["body", "bold", "heading"] = "bold",
        colour: str = "ink",
        align: Literal["left", "center", "right"] = "left",
    ) -> None:
        super().__init__(key, rect)
        self.text, self.size, self.role, self.colour, self.align = text, size, role, colour, align

    def draw(self, surface: pygame.Surface, app: Looks, focused: bool, hovered: bool) -> None:
        font = app.theme.text_font(app.layout, self.size, self.role)
        lines = wrap(font, self.text, self.rect.width)
        if len(lines) > 1 and len(lines) * font.get_linesize() <= self.rect.height:  # a rect made tall for it: wrapped, not cut
            for k, line in enumerate(lines):
                box = pygame.Rect(self.rect.x, self.rect.y + k * font.get_linesize(), self.rect.width, font.get_linesize())
                draw_line(surface, font, line, app.theme.c(self.colour), box, self.align)
            return
        draw_line(surface, font, self.text, app.theme.c(self.colour), self.rect, self.align)

    @staticmethod
    def height_for(app: Looks, text: str, width: int, size: SizeRole = "label", role: FontRole = "bold", most: int = 2) -> int:
        """The height a `Label` needs to show `text` whole at `width`: one line, or up to `most` wrapped lines."""
        font = app.theme.text_font(app.layout, size, role)
        return font.get_linesize() * max(1, min(most, len(wrap(font, text, width))))


class Button(Widget):
    """Click, Enter or Space runs `on_click`. Styles: primary (the screen's main action), normal, quiet."""

    def __init__(
        self,
        key: str,
        rect: pygame.Rect,
        label: str,
        on_click: Callable[[], None],
        *,
        style: Literal["primary", "normal", "quiet"] = "normal",
        enabled: bool = True,
        tooltip: str | None = None,
    ) -> None:
        super().__init__(key, rect, enabled=enabled, tooltip=tooltip)
        self.label, self.on_click, self.style = label, on_click, style
        self._pressed = False
        #: Draw the label in the smaller type (a row of buttons sets it on all when one needs it, so they match).
        self.small = False

    def handle_event(self, event: pygame.event.Event, app: Looks) -> bool:
        if not self.enabled:
            return False
        if event.type == pygame.KEYDOWN and event.key in ACTIVATE_KEYS:
            self.on_click()
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.rect.collidepoint(event.pos):
            self._pressed = True
            return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self._pressed:
            self._pressed = False
            if self.rect.collidepoint(event.pos):
                self.on_click()
            return True
        return False

    def draw(self, surface: pygame.Surface, app: Looks, focused: bool, hovered: bool) -> None:
        theme = app.theme
        if not self.enabled:
            bg, fg, border = "disabled_bg", "disabled_text", "disabled_text"
        elif self.style == "primary":
            bg, fg, border = ("primary_hover" if hovered else "primary_bg"), "primary_text", "brass"
        elif self.style == "quiet":
            bg, fg, border = ("button_hover" if hovered else "panel_bg"), "ink", "border"
        else:
            bg, fg, border = ("button_hover" if hovered else "button_bg"), "button_text", "border"
        draw_box(surface, app, self.rect, bg, border, focused)
        inner = self.rect.inflate(-2 * app.layout.px(12), 0)
        font = theme.text_font(app.layout, "label", "bold")
        if self.small or text_width(font, self.label) > inner.width:  # a long label: smaller type before cutting it
            font = theme.text_font(app.layout, "small", "bold")
        label = self.label
        if text_width(font, label) > inner.width and label.endswith(")") and " (" in label:
            label = label[: label.rfind(" (")]  # "Statement (M)" -> "Statement": the key is in the tooltip
        lines = wrap(font, label, inner.width)
        step = min(font.get_linesize(), (self.rect.height - 2) // 2)
        if text_width(font, label) > inner.width and len(lines) == 2 and step >= font.get_height() - 4:  # then two lines
            h = font.get_height()  # each line's box is its glyphs' height, centred on its half of the button
            for k, line in enumerate(lines):
                middle = self.rect.centery + (k * 2 - 1) * step // 2
                draw_line(surface, font, line, theme.c(fg), pygame.Rect(inner.x, middle - h // 2, inner.width, h), "center")
            self.report(surface, label, "button")
            return
        draw_line(surface, font, label, theme.c(fg), inner, "center")
        self.report(surface, label, "button", cut=text_width(font, label) > inner.width)


def button_width(app: Looks, label: str, height: int) -> int:
    """The least width a `Button` of `height` needs to show `label` whole: one line, or two lines of small type."""
    lay, theme = app.layout, app.theme
    pad = 2 * lay.px(12)
    small = theme.text_font(lay, "small", "bold")  # a button too narrow for its label in label type uses small type
    best = text_width(small, label)
    if min(small.get_linesize(), (height - 2) // 2) >= small.get_height() - 4:
        words = label.split()
        for k in range(1, len(words)):
            best = min(best, max(text_width(small, " ".join(words[:k])), text_width(small, " ".join(words[k:]))))
    return best + pad + 1


def _button_pad(app: Looks) -> int:
    """A button's own margins (`Button.draw`) and a little air: what a label needs beyond its words."""
    return 2 * app.layout.px(12) + app.layout.px(4)


def fit_in_row(app: Looks, width: int, labels: Sequence[str], gap: int) -> bool:
    """Whether buttons with these labels fit side by side in `width`, each as wide as its words in the smaller type
    (as `button_columns` lays them out when equal widths do not fit)."""
    font = app.theme.text_font(app.layout, "small", "bold")
    return sum(text_width(font, x) for x in labels) + _button_pad(app) * len(labels) <= width - gap * (len(labels) - 1)


def button_columns(app: Looks, area: pygame.Rect, labels: Sequence[str], gap: int) -> list[pygame.Rect]:
    """A row of buttons across `area`, so that every label keeps its key hint where it can (a projector
    shows no tooltips): equal widths when every label fits in one; else each as wide as its label needs
    and the room left shared out evenly, so a long word ("Pareiškimas (M)") takes room a short one
    ("Siūlyti (P)") can spare; the same in the smaller type `match_buttons` falls back to; and when even
    that is too wide, the room beyond the buttons' padding in proportion to the labels."""
    if not labels:
        return []
    n = len(labels)
    free = area.width - gap * (n - 1)
    pad = _button_pad(app)
    widths: list[int] = []
    for size in ("label", "small"):
        font = app.theme.text_font(app.layout, size, "bold")
        widths = [text_width(font, label) for label in labels]
        if (max(widths) + pad) * n <= free:
            return app.layout.columns(area, [1] * n, gap)
        if sum(widths) + pad * n <= free:
            spare = (free - sum(widths) - pad * n) / n
            return app.layout.columns(area, [w + pad + spare for w in widths], gap)
    room = max(0, free - pad * n)  # the smaller type, still too wide: padding first, the rest by label
    total = sum(widths) or 1
    return app.layout.columns(area, [pad + room * w / total for w in widths], gap)


def match_buttons(app: Looks, buttons: Sequence[Button]) -> None:
    """One type size for a row of buttons: the smaller one for all if any label needs it."""
    font = app.theme.text_font(app.layout, "label", "bold")
    if any(text_width(font, b.label) > b.rect.width - 2 * app.layout.px(12) for b in buttons):
        for b in buttons:
            b.small = True


class Toggle(Widget):
    """An on/off row: label (and icon) on the left, the state *in words* on the right."""

    def __init__(
        self,
        key: str,
        rect: pygame.Rect,
        label: str,
        value: bool,
        on_change: Callable[[bool], None],
        *,
        on_text: str,
        off_text: str,
        detail: str = "",
        icon: Icon | None = None,
        enabled: bool = True,
        tooltip: str | None = None,
    ) -> None:
        super().__init__(key, rect, enabled=enabled, tooltip=tooltip)
        self.label, self.value, self.on_change = label, value, on_change
        self.on_text, self.off_text, self.detail, self.icon = on_text, off_text, detail, icon
        #: Show only the current state (set by a screen for all its toggles at once, see `fits`).
        self.compact = False
        #: The largest type the name may take (set for a column of toggles at once, see `share_name_size`).
        self.name_size: SizeRole = "label"
        #: Both state segments equally wide (set for a column of toggles at once, see `choose_segments`).
        self.equal_segments = True

    def segment_widths(self, app: Looks, equal: bool | None = None) -> tuple[int, int]:
        """The on and off segments' widths: equal, or (see `choose_segments`) each as wide as its own word, so a short
        "Ne" leaves "Didžioji Britanija" the room to keep "Kviesti" beside it."""
        font, edge = app.theme.text_font(app.layout, "small", "bold"), 2 * app.layout.px(8)
        on_w, off_w = text_width(font, self.on_text) + edge, text_width(font, self.off_text) + edge
        if self.equal_segments if equal is None else equal:
            return max(on_w, off_w), max(on_w, off_w)
        return on_w, off_w

    def fits(self, app: Looks) -> bool:
        """Whether the label fits beside both segments, on one line (in smaller type if need be) or, in a row tall
        enough and without a detail line, on two (as `draw` sets a long name): a teacher then sees both states,
        "Team" and "AI", and that the row switches between them, instead of one word."""
        theme, lay = app.theme, app.layout
        pad = lay.px(10)
        x = self.rect.x + pad + (round((self.rect.height - 2 * pad) * 1.5) + pad if self.icon else 0)
        room = self.rect.right - pad - sum(self.segment_widths(app)) - pad - x
        return theme.text_font(lay, "body", "bold").size(self.label)[0] <= room or self._name_fits(app, room)

    def _name_fits(self, app: Looks, room: int) -> bool:
        """Whether the name fits `room` in the smallest name type: on one line, or on two in a row tall enough for
        them (and without a detail line), as `draw` sets a long name."""
        small = app.theme.text_font(app.layout, "small", "bold")
        lines = wrap(small, self.label, room)
        if not all(text_width(small, x) <= room for x in lines):
            return False
        step = min(small.get_linesize(), (self.rect.height - 2) // 2)
        return len(lines) == 1 or (len(lines) == 2 and not self.detail and step >= small.get_height() - 4)

    def detail_fits(self, app: Looks) -> bool:
        """Whether the line under the name (a leader) fits whole beside the state, as `draw` places it."""
        theme, lay = app.theme, app.layout
        font = theme.text_font(lay, "small", "bold")
        pad = max(2, min(lay.px(10), (self.rect.height - font.get_height()) // 2))
        on_w, off_w = self.segment_widths(app)
        x = self.rect.x + pad + (round((self.rect.height - 2 * pad) * 1.5) + pad if self.icon else 0)
        room = self.rect.right - pad - (max(on_w, off_w) if self.compact else on_w + off_w) - pad - x
        return not self.detail or theme.text_font(lay, "small").size(self.detail)[0] <= room

    def name_room(self, app: Looks) -> int:
        """The width the name may take beside the state segments, as `draw` places them."""
        theme, lay = app.theme, app.layout
        font = theme.text_font(lay, "small", "bold")
        pad = max(2, min(lay.px(10), (self.rect.height - font.get_height()) // 2))
        x = self.rect.x + pad + (round((self.rect.height - 2 * pad) * 1.5) + pad if self.icon else 0)
        on_w, off_w = self.segment_widths(app)
        left = self.rect.right - pad - off_w - on_w
        if self.compact or not self._name_fits(app, left - x - pad):
            left = self.rect.right - pad - max(on_w, off_w)
        return left - x - pad

    def name_font(self, app: Looks) -> pygame.font.Font:
        """The name's type: the largest from `name_size` down in which it fits its room and row; else the smallest."""
        theme, lay = app.theme, app.layout
        sizes: tuple[SizeRole, ...] = ("label", "body", "small")
        room = self.name_room(app)
        for size in sizes[sizes.index(self.name_size) :]:
            font = theme.text_font(lay, size, "bold")
            if text_width(font, self.label) <= room and font.get_height() <= self.rect.height:
                return font
        return theme.text_font(lay, "small", "bold")

    def _flip(self) -> None:
        self.value = not self.value
        self.on_change(self.value)

    def handle_event(self, event: pygame.event.Event, app: Looks) -> bool:
        if not self.enabled:
            return False
        if event.type == pygame.KEYDOWN and event.key in ACTIVATE_KEYS:
            self._flip()
            return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            want = event.key == pygame.K_LEFT  # left = Team (drawn first), right = AI
            if want != self.value:
                self._flip()
            return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self.rect.collidepoint(event.pos):
            self._flip()
            return True
        return event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.rect.collidepoint(event.pos)

    def draw(self, surface: pygame.Surface, app: Looks, focused: bool, hovered: bool) -> None:
        theme, lay = app.theme, app.layout
        draw_box(surface, app, self.rect, "button_hover" if hovered else "panel_bg", "border", focused)
        # a short row (many toggles in little room) keeps its words readable by giving up padding first
        pad = max(2, min(lay.px(10), (self.rect.height - theme.text_font(lay, "small", "bold").get_height()) // 2))
        x = self.rect.x + pad
        if self.icon:
            ih = self.rect.height - 2 * pad
            icon_rect = pygame.Rect(x, self.rect.y + pad, round(ih * 1.5), ih)
            self.icon(surface, icon_rect)
            x = icon_rect.right + pad
        # the state: two segments, the chosen one filled and bold, so it never relies on colour alone
        font = theme.text_font(lay, "small", "bold")
        on_w, off_w = self.segment_widths(app)
        seg_h = self.rect.height - 2 * pad
        right = pygame.Rect(self.rect.right - pad - off_w, self.rect.y + pad, off_w, seg_h)
        left = pygame.Rect(right.x - on_w, right.y, on_w, seg_h)
        segments = [(left, self.on_text, True), (right, self.off_text, False)]
        # a name that would be cut beside both segments keeps its words: show only the current state
        compact = self.compact or not self._name_fits(app, left.x - x - pad)
        if compact:  # narrow: only the current state, still in words (one width for both, so the rows line up)
            seg_w = max(on_w, off_w)
            left = right = pygame.Rect(self.rect.right - pad - seg_w, self.rect.y + pad, seg_w, seg_h)
            segments = [(right, self.on_text, True) if self.value else (right, self.off_text, False)]
        for seg, text, on in segments:
            chosen = self.value == on
            bg = ("team" if on else "ai") if chosen else "panel_bg"
            fg = ("team_text" if on else "ai_text") if chosen else "disabled_text"
            pygame.draw.rect(surface, theme.c(bg), seg, border_radius=lay.px(4))
            pygame.draw.rect(surface, theme.c("border"), seg, max(1, lay.px(1)), border_radius=lay.px(4))
            draw_line(surface, font if chosen else theme.text_font(lay, "small"), text, theme.c(fg), seg, "center")
        text_rect = pygame.Rect(x, self.rect.y, left.x - x - pad, self.rect.height)
        name_font = self.name_font(app)  # a long name or a short row: smaller type before cutting it
        lines = wrap(name_font, self.label, text_rect.width)
        step = min(name_font.get_linesize(), (self.rect.height - 2) // 2)
        if not self.detail and text_width(name_font, self.label) > text_rect.width and len(lines) == 2 and step >= name_font.get_height() - 4:
            h = name_font.get_height()  # a long name in a tall enough row: two lines rather than cut
            for k, line in enumerate(lines):
                middle = self.rect.centery + (k * 2 - 1) * step // 2
                draw_line(surface, name_font, line, theme.c("ink"), pygame.Rect(text_rect.x, middle - h // 2, text_rect.width, h))
            self.report(surface, f"{self.label}: {self.on_text if self.value else self.off_text}", "toggle")
            return
        if self.detail:
            small = theme.text_font(lay, "small")
            top = pygame.Rect(text_rect.x, self.rect.y + pad // 2, text_rect.width, self.rect.height // 2)
            draw_line(surface, name_font, self.label, theme.c("ink"), top)
            bottom = pygame.Rect(text_rect.x, self.rect.centery, text_rect.width, self.rect.height // 2 - pad // 2)
            draw_line(surface, small, self.detail, theme.c("ink_soft"), bottom)
        else:
            draw_line(surface, name_font, self.label, theme.c("ink"), text_rect)
        state = self.on_text if self.value else self.off_text
        self.report(surface, f"{self.label}: {state}", "toggle", cut=text_width(name_font, self.label) > text_rect.width)


def choose_segments(toggles: Sequence[Toggle], app: Looks) -> None:
    """Equal state segments for a column of toggles when every name fits beside them (in the smaller name type),
    else every row's segments as wide as their words: the column stays aligned either way."""
    lay = app.layout
    font = app.theme.text_font(lay, "small", "bold")

    def fits_equal(w: Toggle) -> bool:
        pad = max(2, min(lay.px(10), (w.rect.height - font.get_height()) // 2))
        x = w.rect.x + pad + (round((w.rect.height - 2 * pad) * 1.5) + pad if w.icon else 0)
        return text_width(font, w.label) <= w.rect.right - pad - sum(w.segment_widths(app, equal=True)) - pad - x

    equal = all(fits_equal(w) for w in toggles)
    for w in toggles:
        w.equal_segments = equal


def share_name_size(toggles: Sequence[Toggle], app: Looks) -> None:
    """One type size for a column of toggles' names: the largest in which every name fits, so a long name
    ("Didžioji Britanija") does not sit in small type between neighbours in large type."""
    sizes: tuple[SizeRole, ...] = ("label", "body", "small")
    for size in sizes:
        font = app.theme.text_font(app.layout, size, "bold")
        if all(text_width(font, w.label) <= w.name_room(app) and font.get_height() <= w.rect.height for w in toggles):
            break
    for w in toggles:
        w.name_size = size


class Choice(Widget):
    """One of several values, changed with Left / Right (or Enter, or a click on an arrow)."""

    def __init__(
        self,
        key: str,
        rect: pygame.Rect,
        options: Sequence[str],
        index: int,
        on_change: Callable[[int], None],
        *,
        enabled: bool = True,
        tooltip: str | None = None,
    ) -> None:
        super().__init__(key, rect, enabled=enabled and len(options) > 0, tooltip=tooltip)
        self.options, self.index, self.on_change = list(options), index, on_change

    def _set(self, index: int) -> None:
        if self.options and index != self.index:
            self.index = index % len(self.options)
            self.on_change(self.index)

    def handle_event(self, event: pygame.event.Event, app: Looks) -> bool:
        if not self.enabled:
            return False
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_LEFT:
                self._set(max(0, self.index - 1))
                return True
            if event.key == pygame.K_RIGHT:
                self._set(min(len(self.options) - 1, self.index + 1))
                return True
            if event.key in ACTIVATE_KEYS:
                self._set(self.index + 1)
                return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self.rect.collidepoint(event.pos):
            left_zone = event.pos[0] < self.rect.x + self.rect.width // 4
            self._set(max(0, self.index - 1) if left_zone else (self.index + 1))
            return True
        if event.type == pygame.MOUSEWHEEL and self.rect.collidepoint(pygame.mouse.get_pos()):
            self._set(max(0, min(len(self.options) - 1, self.index - event.y)))
            return True
        return event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.rect.collidepoint(event.pos)

    def draw(self, surface: pygame.Surface, app: Looks, focused: bool, hovered: bool) -> None:
        theme, lay = app.theme, app.layout
        draw_box(surface, app, self.rect, "button_hover" if hovered else "field_bg", "border", focused)
        font = theme.text_font(lay, "body", "bold")
        arrow_w = self.rect.height
        for i in (0, 1):
            zone = pygame.Rect(self.rect.x if i == 0 else self.rect.right - arrow_w, self.rect.y, arrow_w, self.rect.height)
            live = self.enabled and (self.index > 0 if i == 0 else True)
            tri = zone.inflate(-zone.width * 0.6, -zone.height * 0.55)
            pts = (
                [(tri.right, tri.top), (tri.left, tri.centery), (tri.right, tri.bottom)]
                if i == 0
                else [(tri.left, tri.top), (tri.right, tri.centery), (tri.left, tri.bottom)]
            )
            pygame.draw.polygon(surface, theme.c("ink" if live else "disabled_text"), pts)
        value = self.options[self.index] if self.options else "—"
        inner = self.rect.inflate(-2 * arrow_w, 0)
        self.report(surface, value, "choice")
        if text_width(font, value) > inner.width:  # a long choice: smaller type, then two lines, before cutting it short
            font = theme.text_font(lay, "small", "bold")
            lines = wrap(font, value, inner.width)
            step = min(font.get_linesize(), (self.rect.height - 2) // 2)
            if len(lines) > 1 and step >= font.get_height() - 4:
                h = font.get_height()  # each line's box is its glyphs' height, centred on its half of the control
                for k, line in enumerate((lines[0], " ".join(lines[1:]))):
                    middle = self.rect.centery + (k * 2 - 1) * step // 2
                    draw_line(surface, font, line, theme.c("ink"), pygame.Rect(inner.x, middle - h // 2, inner.width, h), "center")
                return
        draw_line(surface, font, value, theme.c("ink"), inner, "center")


class TextField(Widget):
    """A one-line text box. Typing goes in while it has focus; Enter submits; Ctrl+V pastes."""

    def __init__(
        self,
        key: str,
        rect: pygame.Rect,
        text: str,
        on_change: Callable[[str], None],
        *,
        placeholder: str = "",
        allowed: Callable[[str], bool] | None = None,
        max_len: int = 400,
        on_submit: Callable[[str], None] | None = None,
        enabled: bool = True,
        tooltip: str | None = None,
    ) -> None:
        super().__init__(key, rect, enabled=enabled, tooltip=tooltip)
        self.text, self.on_change, self.placeholder = text, on_change, placeholder
        self.allowed, self.max_len, self.on_submit = allowed, max_len, on_submit

    def _insert(self, s: str) -> None:
        s = "".join(ch for ch in s if ch.isprintable() and (self.allowed is None or self.allowed(ch)))
        if s:
            self.text = (self.text + s)[: self.max_len]
            self.on_change(self.text)

    def handle_event(self, event: pygame.event.Event, app: Looks) -> bool:
        if not self.enabled:
            return False
        if event.type == pygame.TEXTINPUT:
            self._insert(event.text)
            return True
        if event.type != pygame.KEYDOWN:
            return False
        if event.key == pygame.K_BACKSPACE:
            self.text = self.text[:-1] if not event.mod & pygame.KMOD_CTRL else ""
            self.on_change(self.text)
            return True
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            if self.on_submit:
                self.on_submit(self.text)
            return True
        if event.key == pygame.K_v and event.mod & pygame.KMOD_CTRL:
            self._insert(_clipboard_text().replace("\n", " ").strip())
            return True
        # printable keys arrive again as TEXTINPUT; swallow them so no shortcut fires while typing
        return bool(event.unicode and event.unicode.isprintable())

    def draw(self, surface: pygame.Surface, app: Looks, focused: bool, hovered: bool) -> None:
        theme, lay = app.theme, app.layout
        draw_box(surface, app, self.rect, "field_bg" if self.enabled else "disabled_bg", "border", focused)
        font = theme.text_font(lay, "body")
        inner = self.rect.inflate(-2 * lay.px(12), 0)
        self.report(surface, self.text or self.placeholder, "field")
        if not self.text:
            draw_line(surface, font, self.placeholder, theme.c("disabled_text"), inner)
            shown_w = 0
        else:
            shown = self.text
            while text_width(font, shown) > inner.width - lay.px(6) and len(shown) > 1:
                shown = shown[1:]  # keep the end (where typing happens) in view
            if shown != self.text:
                shown = "…" + shown[1:]
            r = draw_line(surface, font, shown, theme.c("ink"), inner)
            shown_w = r.width
        if focused:
            x = inner.x + shown_w + lay.px(2)
            h = font.get_height()
            pygame.draw.line(surface, theme.c("ink"), (x, self.rect.centery - h // 2), (x, self.rect.centery + h // 2), max(2, lay.px(2)))


def _clipboard_text() -> str:
    try:
        return str(pygame.scrap.get_text() or "")
    except (pygame.error, AttributeError):
        return ""


def counter_text(first: int, shown: int, total: int) -> str:
    """A list's position pill: "3–6 / 9", or "4 / 9" when one row shows (not "4–4 / 9")."""
    last = min(total, first + shown)
    return f"{first + 1}–{last} / {total}" if last > first + 1 else f"{last} / {total}"


class ListBox(Widget):
    """A list of rows (title and optional detail line); Up / Down select inside it, Enter activates."""

    def __init__(
        self,
        key: str,
        rect: pygame.Rect,
        items: Sequence[tuple[str, str]],
        selected: int,
        on_select: Callable[[int], None],
        *,
        row_height: int,
        on_activate: Callable[[int], None] | None = None,
        tooltip: str | None = None,
    ) -> None:
        super().__init__(key, rect, tooltip=tooltip)
        self.items, self.selected, self.on_select = list(items), selected, on_select
        self.row_height, self.on_activate = row_height, on_activate
        self.strip = 0  # the strip kept free at the bottom for the "3–6 / 9" counter (set when drawn), never over a row
        #: where "Previous" (-1) and "Next" (+1) were last drawn in the strip (none while every row shows)
        self.steps: dict[int, pygame.Rect] = {}

    @property
    def visible_rows(self) -> int:
        return max(1, (self.rect.height - self.strip) // self.row_height)

    @property
    def first(self) -> int:
        """First row shown: derived from the selection so it is always in view."""
        return max(0, min(self.selected - self.visible_rows + 1, len(self.items) - self.visible_rows)) if self.selected >= self.visible_rows else 0

    def _select(self, index: int) -> None:
        if 0 <= index < len(self.items) and index != self.selected:
            self.selected = index
            self.on_select(index)

    def handle_event(self, event: pygame.event.Event, app: Looks) -> bool:
        if event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP) and event.button == 1:
            step = next((k for k, r in self.steps.items() if r.collidepoint(event.pos)), None)
            if step is not None:  # "Previous" or "Next" in the strip
                if event.type == pygame.MOUSEBUTTONUP:
                    self._select(max(0, min(len(self.items) - 1, self.selected + step)))
                return True
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_UP and self.selected > 0:
                self._select(self.selected - 1)
                return True
            if event.key == pygame.K_DOWN and self.selected < len(self.items) - 1:
                self._select(self.selected + 1)
                return True
            if event.key == pygame.K_HOME:
                self._select(0)
                return True
            if event.key == pygame.K_END:
                self._select(len(self.items) - 1)
                return True
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.on_activate:
                self.on_activate(self.selected)
                return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self.rect.collidepoint(event.pos):
            # the counter's strip (drawn only when rows are hidden) is not a row: a click there picks nothing
            in_strip = len(self.items) > self.visible_rows and event.pos[1] >= self.rect.bottom - self.strip
            row = self.first + (event.pos[1] - self.rect.y) // self.row_height
            if not in_strip and 0 <= row < len(self.items):
                if row == self.selected and self.on_activate:
                    self.on_activate(row)
                self._select(row)
            return True
        if event.type == pygame.MOUSEWHEEL and self.rect.collidepoint(pygame.mouse.get_pos()):
            self._select(max(0, min(len(self.items) - 1, self.selected - event.y)))
            return True
        return event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.rect.collidepoint(event.pos)

    def draw(self, surface: pygame.Surface, app: Looks, focused: bool, hovered: bool) -> None:
        theme, lay = app.theme, app.layout
        draw_box(surface, app, self.rect, "panel_bg", "border", focused)
        title_font = theme.text_font(lay, "label", "bold")
        small = theme.text_font(lay, "small")
        pad = lay.px(12)
        overflow = len(self.items) > max(1, self.rect.height // self.row_height)
        self.strip = small.get_linesize() + lay.px(8) if overflow and self.rect.height >= 2 * self.row_height else 0
        clip = surface.get_clip()
        rows_area = pygame.Rect(self.rect.x, self.rect.y, self.rect.width, self.rect.height - self.strip)
        surface.set_clip(rows_area.inflate(-2, -2))
        for n, (title, detail) in enumerate(self.items[self.first : self.first + self.visible_rows + (0 if self.strip else 1)]):
            i = self.first + n
            row = pygame.Rect(self.rect.x, self.rect.y + n * self.row_height, self.rect.width, self.row_height)
            chosen = i == self.selected
            if chosen:
                pygame.draw.rect(surface, theme.c("selected_bg"), row.inflate(-lay.px(6), -lay.px(4)), border_radius=lay.px(4))
                marker = row.inflate(-lay.px(6), -lay.px(4))
                pygame.draw.rect(surface, theme.c("brass"), (marker.x, marker.y, lay.px(6), marker.height))
            fg, soft = ("selected_text", "selected_text") if chosen else ("ink", "ink_soft")
            self.report(surface, title, "row", rect=row.inflate(-4, -4) if rows_area.contains(row) else row.clip(rows_area))  # inside the clip
            inner = row.inflate(-2 * pad - lay.px(6), 0).move(lay.px(4), 0)
            if detail:
                top = pygame.Rect(inner.x, row.y + lay.px(4), inner.width, row.height // 2)
                draw_line(surface, title_font, title, theme.c(fg), top)
                bottom = pygame.Rect(inner.x, row.centery, inner.width, row.height // 2 - lay.px(4))
                draw_line(surface, small, detail, theme.c(soft), bottom)
            else:
                draw_line(surface, title_font, title, theme.c(fg), inner)
        surface.set_clip(clip)
        self.draw_position(surface, app)

    def draw_position(self, surface: pygame.Surface, app: Looks) -> None:
        """When rows are hidden: the "3–6 / 9" pill at the bottom right and, in the strip kept for it,
        "Previous" and "Next", so a mouse without a wheel or a finger on a touch board reaches them."""
        self.steps = {}
        if len(self.items) <= self.visible_rows:
            return
        theme, lay = app.theme, app.layout
        small = theme.text_font(lay, "small")
        text = counter_text(self.first, self.visible_rows, len(self.items))
        surf = render(small, ellipsize(small, text, self.rect.width), theme.c("ink"))
        r = surf.get_rect(bottomright=(self.rect.right - lay.px(12), self.rect.bottom - lay.px(4)))
        pill = r.inflate(lay.px(12), lay.px(4))
        pygame.draw.rect(surface, theme.c("paper_dark"), pill, border_radius=lay.px(8))
        surface.blit(surf, r)
        FRAME.add(surface, text, "text", r)  # a script may expect "2 / 10"
        if self.strip:
            self._draw_steps(surface, app, pill.left - lay.px(8))

    def _draw_steps(self, surface: pygame.Surface, app: Looks, right: int) -> None:
        """ "Previous" and "Next" chips at the left of the strip, where they fit beside the pill."""
        theme, lay = app.theme, app.layout
        bold = theme.text_font(lay, "small", "bold")
        labels = [(-1, app.t("Previous")), (1, app.t("Next"))]
        x = self.rect.x + lay.px(12)
        h = bold.get_linesize() + lay.px(4)
        y = self.rect.bottom - lay.px(2) - h
        widths = [text_width(bold, label) + lay.px(16) for _, label in labels]
        if x + sum(widths) + lay.px(8) > right or h > self.strip:
            return  # no room beside the pill: the wheel and the keys still scroll
        for (step, label), w in zip(labels, widths, strict=True):
            chip = pygame.Rect(x, y, w, h)
            enabled = 0 <= self.selected + step < len(self.items)
            pygame.draw.rect(surface, theme.c("button_bg" if enabled else "disabled_bg"), chip, border_radius=lay.px(8))
            pygame.draw.rect(surface, theme.c("border" if enabled else "disabled_text"), chip, 1, border_radius=lay.px(8))
            glyphs = render(bold, label, theme.c("button_text" if enabled else "disabled_text"))
            surface.blit(glyphs, glyphs.get_rect(center=chip.center))
            FRAME.add(surface, label, "button", chip, enabled=enabled)
            if enabled:
                self.steps[step] = chip
            x = chip.right + lay.px(8)
