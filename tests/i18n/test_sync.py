"""`python -m game.i18n sync` adds what the catalogs lack without rewriting what a translator wrote."""

from __future__ import annotations

import shutil
from pathlib import Path

from babel.messages.pofile import read_po

from game.i18n import catalog_path
from game.i18n.__main__ import append_entries


def test_sync_appends_empty_entries_and_leaves_every_earlier_byte_alone(tmp_path: Path) -> None:
    path = tmp_path / "plenipo.po"
    shutil.copy(catalog_path("lt"), path)
    before = path.read_bytes()
    entries = [('Say "hi"\non two lines', None), ("{n} new text", "{n} new texts")]
    append_entries(path, entries, 3)
    after = path.read_bytes()
    assert after.startswith(before)  # hand-kept sections, comments and flags untouched
    with path.open("rb") as fh:
        po = read_po(fh, locale="lt")
    single = po.get('Say "hi"\non two lines')
    assert single is not None and single.string == ""
    plural = po.get(("{n} new text", "{n} new texts"))
    assert plural is not None and list(plural.string) == ["", "", ""]
    # a catalog that read before reads the same entries after, plus the two new ones
    with (tmp_path / "old.po").open("wb") as fh:
        fh.write(before)
    with (tmp_path / "old.po").open("rb") as fh:
        old = read_po(fh, locale="lt")
    assert len(po) == len(old) + 2
