"""`plenipo report SAVE`: the session record of a saved game, for assessment and debrief.

The save is replayed exactly (game.play.saves), so the record is the game as
played; a damaged save is refused with its message and exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.cli.checks import check_lang, check_output_file
from game.cli.common import CliError, err
from game.files import write_atomic
from game.play.saves import SaveError, load_save
from game.record import FORMATS, build_record, render

_SUFFIX = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "report",
        help="print or write the session record of a saved game (Markdown, HTML or JSON)",
        description="The session record of a saved game: setup, every move with its rationale, signatures "
        "with how far each deal lay from the best possible, the teacher's actions, the outcome "
        "and each delegation's score. Secrets stay hidden while the game is unfinished.",
    )
    p.add_argument("save", type=Path, metavar="SAVE", help="a save file (e.g. the autosave)")
    p.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="md (default), html (printable) or json; with --out, the file's extension decides when this is not given",
    )
    p.add_argument("--out", type=Path, default=None, metavar="FILE", help="write to this file (atomically) instead of printing")
    p.add_argument("--lang", default=None, metavar="CODE", help="language of the record (default: the game's)")
    p.add_argument("--reveal", action="store_true", help="the teacher's full copy: show secrets even if the game has not ended")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    fmt = args.format or (_SUFFIX.get(args.out.suffix.lower()) if args.out else None) or "md"
    check_lang(args.lang)
    if args.out is not None:
        check_output_file(args.out, "--out", keep=[args.save])
    try:
        loaded = load_save(args.save)
    except SaveError as e:
        raise CliError(str(e)) from None
    if loaded.scenario_changed:
        err(f"note: the scenario file has changed since {args.save} was saved; the record uses the file as it is now")
    record = build_record(loaded.session, args.lang, True if args.reveal else None)
    text = render(record, fmt, args.lang)
    if args.out is None:
        sys.stdout.write(text)
        return 0
    try:
        write_atomic(args.out, text)
    except OSError as e:
        raise CliError(f"cannot write {args.out}: {e.strerror or e}") from None
    print(f"wrote {args.out}")
    return 0
