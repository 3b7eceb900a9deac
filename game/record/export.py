"""The record as Markdown (to read), HTML (to print) and JSON (for machines), and writing it safely.

Markdown and HTML render the blocks of `game.record.layout`; JSON is the
record's own data. Every text that came from a player (statements, news,
rationales) is escaped for the format, so a statement cannot inject markup
into a teacher's browser. The HTML is self-contained (no fonts, scripts or
images fetched) and styled for A4 paper in black and white.
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
from pathlib import Path
from typing import Any

from game.files import write_atomic
from game.play.session import Session
from game.record.layout import Block, Heading, Items, Layout, Para, Table
from game.record.model import Record, build_record

FORMATS = ("md", "html", "json")

# --- JSON ------------------------------------------------------------------------------


def record_to_dict(record: Record) -> dict[str, Any]:
    return dataclasses.asdict(record)


def to_json(record: Record) -> str:
    return json.dumps(record_to_dict(record), ensure_ascii=False, indent=1) + "\n"


# --- Markdown --------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|])")


def md_escape(text: str) -> str:
    """Plain text that Markdown shows as typed: specials backslashed, HTML tags neutralised, one line."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return " ".join(" ".join(line.split()) for line in text.splitlines())


def _md_table(table: Table) -> list[str]:
    width = len(table.headers)
    out = ["| " + " | ".join(md_escape(h) for h in table.headers) + " |", "|" + "---|" * width]
    for row in table.rows:
        if row.span is not None:
            cells = [""] * width
            cells[min(3, width - 1) if width > 2 else width - 1] = "*" + md_escape(row.span) + "*"
        else:
            cells = [md_escape(c) for c in row.cells]
            if table.keys and cells:
                cells[0] = f"**{cells[0]}**"
        out.append("| " + " | ".join(cells) + " |")
    return out


def to_markdown(record: Record, lang: str | None = None) -> str:
    lines: list[str] = []
    for block in Layout(record, lang).blocks():
        lines.extend(_md_block(block))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _md_block(block: Block) -> list[str]:
    if isinstance(block, Heading):
        return ["#" * block.level + " " + md_escape(block.text)]
    if isinstance(block, Para):
        text = md_escape(block.text)
        return {"note": [f"> **{text}**"], "strong": [f"**{text}**"], "quote": [f"> {text}"]}.get(block.style, [text])
    if isinstance(block, Items):
        return [(f"{k}. " if block.ordered else "- ") + md_escape(item) for k, item in enumerate(block.items, 1)]
    return _md_table(block)


# --- HTML ------------------------------------------------------------------------------

_CSS = """
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Serif", Georgia, "Times New Roman", serif; font-size: 10.5pt; line-height: 1.35;
       color: #000; background: #fff; margin: 0 auto; max-width: 182mm; padding: 8mm 0; }
h1 { font-size: 19pt; margin: 0 0 4mm; border-bottom: 2pt solid #000; padding-bottom: 2mm; }
h2 { font-size: 14pt; margin: 7mm 0 2mm; border-bottom: 0.75pt solid #000; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 4mm 0 1.5mm; break-after: avoid; }
p { margin: 0 0 2mm; }
p.note { border: 1.5pt solid #000; padding: 2mm 3mm; font-weight: bold; }
p.quote { border-left: 3pt solid #000; padding-left: 3mm; font-style: italic; }
ul, ol { margin: 0 0 2mm; padding-left: 6mm; }
table { width: 100%; border-collapse: collapse; margin: 0 0 3mm; font-size: 9.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 1mm 1.6mm; text-align: left; vertical-align: top; }
th { font-weight: bold; border-bottom: 1.75pt solid #000; }
table.keys th[scope=row] { width: 28%; border-bottom: 0.75pt solid #000; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.private td { border-style: dashed; }
tr.private td:first-child::after { content: " \\2020"; }
tr.teacher td { font-style: italic; }
tr.then td { border-top-style: dotted; padding-left: 6mm; font-style: italic; }
.legend { font-size: 8.5pt; }
"""


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _lines(text: str) -> str:
    return "<br>".join(_esc(line) for line in text.split("\n"))


def _html_table(table: Table, marks: str) -> list[str]:
    cls = ' class="keys"' if table.keys else ""
    out = [f"<table{cls}>"]
    if table.widths and len(table.widths) == len(table.headers):
        total = sum(table.widths)
        out.append("<colgroup>" + "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in table.widths) + "</colgroup>")
    if not table.keys:
        out.append("<thead><tr>" + "".join(f'<th scope="col">{_esc(h)}</th>' for h in table.headers) + "</tr></thead>")
    out.append("<tbody>")
    for row in table.rows:
        kinds = " ".join(k for k in (row.kind, "then" if row.span is not None else "") if k)
        attr = f' class="{kinds}"' if kinds else ""
        if row.span is not None:
            out.append(f'<tr{attr}><td colspan="{len(table.headers)}">{_esc(row.span)}</td></tr>')
        elif table.keys:
            out.append(f'<tr{attr}><th scope="row">{_esc(row.cells[0])}</th><td>{_esc(row.cells[1])}</td></tr>')
        else:
            cells = "".join(f'<td class="num">{_esc(c)}</td>' if _numeric(c) else f"<td>{_lines(c)}</td>" for c in row.cells)
            out.append(f"<tr{attr}>{cells}</tr>")
    out.append("</tbody></table>")
    if marks and any(r.kind == "private" for r in table.rows):
        out.append(f'<p class="legend">{_esc(marks)}</p>')
    return out


_NUMERIC = re.compile(r"^[−\-+]?[\d\s.,\u00a0\u202f]+$|^—$")


def _numeric(text: str) -> bool:
    return bool(_NUMERIC.match(text))


def to_html(record: Record, lang: str | None = None) -> str:
    layout = Layout(record, lang)
    marks = layout.t("† Private: seen only by the delegations named, until the end of the conference.")
    body: list[str] = []
    for block in layout.blocks():
        if isinstance(block, Heading):
            body.append(f"<h{block.level}>{_esc(block.text)}</h{block.level}>")
        elif isinstance(block, Para):
            cls = f' class="{block.style}"' if block.style in ("note", "quote") else ""
            text = f"<strong>{_esc(block.text)}</strong>" if block.style == "strong" else _esc(block.text)
            body.append(f"<p{cls}>{text}</p>")
        elif isinstance(block, Items):
            tag = "ol" if block.ordered else "ul"
            body.append(f"<{tag}>" + "".join(f"<li>{_esc(x)}</li>" for x in block.items) + f"</{tag}>")
        else:
            body.extend(_html_table(block, marks))
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{_esc(layout.lang)}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_esc(layout.title())}</title>",
            f"<style>{_CSS}</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )


# --- files -----------------------------------------------------------------------------


def render(record: Record, fmt: str, lang: str | None = None) -> str:
    if fmt == "md":
        return to_markdown(record, lang)
    if fmt == "html":
        return to_html(record, lang)
    if fmt == "json":
        return to_json(record)
    raise ValueError(f"unknown record format {fmt!r} (use one of: {', '.join(FORMATS)})")


def export_record(session: Session, path: Path, fmt: str | None = None, lang: str | None = None, reveal: bool | None = None) -> Record:
    """Build the session's record and write it atomically; the format defaults to the file's extension."""
    fmt = fmt or {".markdown": "md", ".htm": "html"}.get(path.suffix.lower(), path.suffix.lower().lstrip("."))
    if fmt not in FORMATS:
        raise ValueError(f"unknown record format {fmt!r} (use one of: {', '.join(FORMATS)})")
    record = build_record(session, lang, reveal)
    write_atomic(path, render(record, fmt, lang))
    return record
