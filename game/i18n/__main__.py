"""`python -m game.i18n [sync]`: list texts the catalogs lack; `sync` adds them (empty) for translators.

Kept out of the game itself: it is a tool for whoever adds a screen.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import normalize, read_po

from game.i18n import available_languages, catalog_path, load_catalog, marked_sources, missing_msgids, used_msgids

GAME = Path(__file__).resolve().parents[1]  # the package this tool is run for: all of it is scanned


def main(argv: list[str]) -> int:
    sync = argv[:1] == ["sync"]
    status = 0
    sources = marked_sources(GAME)
    used = used_msgids(sources)
    for lang in available_languages():
        missing = missing_msgids(lang, sources)
        print(f"{lang}: {len(missing)} missing")
        for msgid in missing:
            print(f"  {msgid!r}")
        if missing:
            status = 1
        if sync and missing:
            path = catalog_path(lang)
            with path.open("rb") as fh:
                plurals = read_po(fh, locale=lang).num_plurals
            append_entries(path, [(msgid, used[msgid]) for msgid in missing], plurals)
            load_catalog.cache_clear()
    return status


def append_entries(path: Path, entries: list[tuple[str, str | None]], plurals: int) -> None:
    """Add empty entries (msgid, plural or None) for translators at the end of the catalog `path`.

    Every byte before them stays as it was: the catalogs are kept by hand, in sections with comments,
    and Babel's writer would re-wrap those comments and flag every entry with a placeholder, burying
    the one new line in a diff of hundreds."""
    text = path.read_text(encoding="utf-8")
    out = [text if not text or text.endswith("\n") else text + "\n"]
    for msgid, plural in entries:
        out.append(f"\nmsgid {normalize(msgid, width=0)}\n")
        if plural:
            out.append(f"msgid_plural {normalize(plural, width=0)}\n")
            out += [f'msgstr[{k}] ""\n' for k in range(plurals)]
        else:
            out.append('msgstr ""\n')
    path.write_text("".join(out), encoding="utf-8")  # a developer tool on a file under version control


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
