"""`python -m game.i18n [sync]`: list texts the catalogs lack; `sync` adds them (empty) for translators.

Kept out of the game itself: it is a tool for whoever adds a screen.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

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
                po = read_po(fh, locale=lang)
            for msgid in missing:
                plural = used[msgid]
                po.add((msgid, plural) if plural else msgid, ("", "", "") if plural else "")
            with path.open("wb") as fh:
                write_po(fh, po, width=0, omit_header=False)
            load_catalog.cache_clear()
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
