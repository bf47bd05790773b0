"""The export formats by name: what ``briefing-app export --format NAME`` and the window's
File → Export offer, each with the function that writes it.

Why a registry: the command line, the window and the tests list the same formats, and a
format written elsewhere (the PDF handout, which needs Qt and so lives in the window code)
joins with one entry — ``{**EXPORT_FORMATS, "pdf": ExportFormat(...)}`` where its caller
builds the table — without the core importing Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from briefing_app.core.export.export_job import ExportJob
from briefing_app.core.export.html import write_html
from briefing_app.core.export.json_export import write_json_export
from briefing_app.core.export.markdown import write_markdown
from briefing_app.core.export.w3c import write_w3c

Writer = Callable[[ExportJob, BinaryIO], None]


@dataclass(frozen=True)
class ExportFormat:
    """One export format: its name on the command line, what to call it in a format
    chooser, its usual file suffix, the writer, and whether a re-export merges into an
    existing file between markers (Markdown) instead of needing ``--force``."""

    name: str
    label: str
    suffix: str
    write: Writer
    merges_between_markers: bool = False


EXPORT_FORMATS: dict[str, ExportFormat] = {
    "md": ExportFormat("md", "Markdown notes", ".md", write_markdown,
                       merges_between_markers=True),
    "html": ExportFormat("html", "HTML page", ".html", write_html),
    "w3c": ExportFormat("w3c", "W3C Web Annotations (JSON-LD)", ".jsonld", write_w3c),
    "json": ExportFormat("json", "Brief and annotations (JSON)", ".json", write_json_export),
}
