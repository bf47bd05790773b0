"""A brief made ready to read: its span index, paragraphs, evidence map, headings, summary.

Why a separate step: everything here is pure computation over the brief, so it can run on the
import's worker thread together with the import, and the window only has to show the result.
The collector is paused while it runs, as during an import: it builds tens of thousands of
tuples and no cycles, and a full collection over a big heap mid-build costs more than the
build.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing_app.core.linking.span_index import SpanIndex
from briefing_app.core.model import Brief, SectionKind
from briefing_app.core.reading.evidence_map import (
    Paragraphs,
    SpanPlaces,
    evidence_lanes,
    paragraph_starts,
)


@dataclass(frozen=True)
class ReadingDocument:
    """One brief as the reader shows it."""

    brief: Brief
    index: SpanIndex
    paragraphs: Paragraphs
    lanes: list[tuple[SectionKind, SpanPlaces]]  # the evidence map, placed in paragraphs
    headings: dict[str, str]
    path: Path | None = None

    @property
    def name(self) -> str:
        """The file name, or "brief" for a brief not read from a file."""
        return self.path.name if self.path else "brief"

    def summary(self) -> str:
        """The status line: file name, item count and how much of the article is cited."""
        items = len(self.brief.items())
        return (
            f"{self.name}  ·  {items} item{'s' if items != 1 else ''}  ·  "
            f"{self.index.coverage():.0%} of the article cited"
        )


def prepare_document(brief: Brief, path: Path | None = None) -> ReadingDocument:
    """Index a brief for reading (safe to call off the GUI thread: it changes no process-wide
    state, so the collector stays on for the window's thread while a worker prepares)."""
    index = SpanIndex(brief)
    paragraphs = Paragraphs(paragraph_starts(brief.article.text), len(brief.article.text))
    lanes = [(kind, paragraphs.place(spans)) for kind, spans in evidence_lanes(brief, index)]
    headings = {s.title.strip(): str(s.kind) for s in brief.sections if s.title.strip()}
    return ReadingDocument(brief, index, paragraphs, lanes, headings, path)
