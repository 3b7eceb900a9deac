"""One translation layer for every text the game's interface shows.

Texts live in gettext ``.po`` catalogs (``locale/<lang>/LC_MESSAGES/plenipo.po``)
so translators can use the ordinary tools (Poedit, Weblate). They are read at
run time with Babel into a plain dict: no compiled ``.mo`` files to keep in
step. The English msgid is the fallback, so a missing translation shows
English rather than a key.

Scenario texts are *not* here: they come from the scenario file
(``game.scenario.texts.tr``). This module never imports pygame.

Marking convention (the catalog test relies on it): anywhere in the game,
every interface text is a double-quoted literal passed to ``t("...")``,
``tn("...", "...", n)`` or, where the translation must wait, ``N_("...")``.
This layer sits below every other part of the game and imports none of
them; which source files to scan is the caller's to say (`marked_sources`).
"""

from __future__ import annotations

import ast
import datetime as dt
import gettext
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "plenipo"
FALLBACK = "en"


def N_(msgid: str) -> str:
    """Mark a text for translation without translating it yet (e.g. a module constant)."""
    return msgid


@dataclass(frozen=True)
class Catalog:
    """The messages of one language: singular texts and plural forms."""

    lang: str
    messages: dict[str, str] = field(default_factory=dict)
    plurals: dict[str, tuple[str, ...]] = field(default_factory=dict)
    plural_index: Callable[[int], int] = lambda n: 0 if n == 1 else 1


def catalog_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def available_languages() -> list[str]:
    """Languages with a catalog, English first."""
    found = sorted(p.name for p in LOCALE_DIR.iterdir() if catalog_path(p.name).is_file()) if LOCALE_DIR.is_dir() else []
    return sorted(found, key=lambda code: (code != FALLBACK, code))


@lru_cache(maxsize=16)
def load_catalog(lang: str) -> Catalog:
    """Read one language's .po file; an absent or unreadable file gives an empty catalog (English shows)."""
    path = catalog_path(lang)
    if not path.is_file():
        return Catalog(lang)
    with path.open("rb") as fh:
        po = read_po(fh, locale=lang if lang != FALLBACK else None, domain=DOMAIN)
    messages: dict[str, str] = {}
    plurals: dict[str, tuple[str, ...]] = {}
    for msg in po:
        if not msg.id or msg.fuzzy:
            continue
        if isinstance(msg.id, tuple | list):
            forms = tuple(s for s in msg.string) if isinstance(msg.string, tuple | list) else (str(msg.string),)
            if all(forms):
                plurals[msg.id[0]] = forms
        elif msg.string:
            messages[msg.id] = str(msg.string)
    try:
        index = gettext.c2py(po.plural_expr)
    except (ValueError, SyntaxError):
        index = Catalog.plural_index
    return Catalog(lang, messages, plurals, index)


class Translator:
    """Translate interface texts into one language, English as the fallback.

    ``t("Pass the computer to the {name} delegation", name="Soviet")`` looks the
    msgid up, then fills ``str.format`` placeholders. A broken translation
    (a placeholder the translator mistyped) falls back to the English text
    instead of crashing the lesson.
    """

    def __init__(self, lang: str = FALLBACK) -> None:
        self.lang = lang
        self._catalog = load_catalog(lang)
        self._dates: dict[dt.date, str] = {}  # Babel is slow, and the news panel dates every line at every frame

    def t(self, msgid: str, /, **values: object) -> str:
        text = self._catalog.messages.get(msgid, msgid)
        return _fill(text, msgid, values)

    def tn(self, singular: str, plural: str, n: int, /, **values: object) -> str:
        """Plural-aware text; ``{n}`` is filled with the count."""
        values = {"n": n, **values}
        forms = self._catalog.plurals.get(singular)
        if forms:
            try:
                text = forms[min(self._catalog.plural_index(n), len(forms) - 1)]
            except (TypeError, ValueError):
                text = singular if n == 1 else plural
        else:
            text = singular if n == 1 else plural
        return _fill(text, singular if n == 1 else plural, values)

    def date(self, day: dt.date) -> str:
        """A calendar date as the language writes it (e.g. '10 April 1922', '1922 m. balandžio 10 d.')."""
        text = self._dates.get(day)
        if text is None:
            try:
                text = format_date(day, format="long", locale=self.lang)
            except (ValueError, LookupError):
                text = day.isoformat()
            head, sep, tail = text.rpartition(" ")
            if sep and tail.endswith(".") and len(tail) <= 3:  # "balandžio 10 d.": the abbreviation never starts a line
                text = f"{head}\u00a0{tail}"
            self._dates[day] = text
        return text

    def number(self, value: float) -> str:
        """A number as the language writes it (0.6 / 0,6; 175,000 / 175 000)."""
        return figure(value, self.lang)

    def language_name(self, code: str) -> str:
        return language_name(code)


def _fill(text: str, fallback: str, values: dict[str, object]) -> str:
    if not values:
        return text
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        try:
            return fallback.format(**values)
        except (KeyError, IndexError, ValueError):
            return fallback


def figure(value: float, lang: str) -> str:
    """A number as the language writes it, from Babel's locale data (plain digits for an unknown language)."""
    try:
        return str(format_decimal(value, locale=lang))
    except (ValueError, LookupError):
        return f"{value:g}"


def language_name(code: str) -> str:
    """A language's own name for itself ('English', 'Lietuvių'), so anyone can find theirs."""
    try:
        name = Locale.parse(code).get_display_name(code) or code
    except (ValueError, LookupError):
        return code
    return name[:1].upper() + name[1:]


# --- which texts the interface uses ------------------------------------------------

_STR = r'"((?:[^"\\\n]|\\.)*)"'
_SINGLE = re.compile(r"(?<![\w.])(?:N_|(?:\w+\.)*t)\(\s*" + _STR)
_PLURAL = re.compile(r"(?<![\w.])(?:\w+\.)*tn\(\s*" + _STR + r"\s*,\s*" + _STR)


def _unquote(body: str) -> str:
    return str(ast.literal_eval('"' + body + '"'))


def marked_sources(package_dir: Path) -> list[Path]:
    """Every Python file of a package, but this translation layer's own (whose docs show examples)."""
    here = Path(__file__).resolve().parent
    return [f for f in sorted(package_dir.resolve().rglob("*.py")) if here not in f.parents]


def used_msgids(sources: Iterable[Path]) -> dict[str, str | None]:
    """Every msgid the given source files use: msgid -> plural msgid (None for a plain text).

    Found by scanning for the marking convention described at the top of this module,
    so a new screen needs no registry entry: marking the text is enough.
    """
    found: dict[str, str | None] = {}
    for path in sources:
        source = path.read_text(encoding="utf-8")
        for m in _PLURAL.finditer(source):
            found[_unquote(m.group(1))] = _unquote(m.group(2))
        for m in _SINGLE.finditer(source):
            found.setdefault(_unquote(m.group(1)), None)
    return found


def missing_msgids(lang: str, sources: Iterable[Path]) -> list[str]:
    """Texts the given sources use that the language's catalog does not translate."""
    cat = load_catalog(lang)
    out = []
    for msgid, plural in used_msgids(sources).items():
        if (plural is None and msgid not in cat.messages) or (plural is not None and msgid not in cat.plurals):
            out.append(msgid)
    return out
