"""The session record for assessment and debrief: built from a session, exported for people and machines."""

from game.record.export import FORMATS, export_record, render, to_html, to_json, to_markdown
from game.record.model import Record, build_record

__all__ = ["FORMATS", "Record", "build_record", "export_record", "render", "to_html", "to_json", "to_markdown"]
