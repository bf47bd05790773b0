"""Shared helpers for the export tests: a fixed set of annotations (fixed ids and times, so
exports are byte-for-byte deterministic) made on any brief, and the export job around them."""

from __future__ import annotations

from datetime import UTC, datetime

from briefing_app.core.annotations import Annotation, ClaimStatus, HighlightColour
from briefing_app.core.export.export_job import ExportJob
from briefing_app.core.model import Brief, Selector
from briefing_app.core.store import place_annotations

DOCUMENT_ID = "d0c0000000000000000000000000000a"
EXPORTED = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
CREATED = datetime(2026, 3, 1, 9, 0, 0, tzinfo=UTC)
SOURCE_URL = "file:///home/analyst/briefs/article.txt"
CONTEXT = 32


def selector_at(text: str, start: int, end: int) -> Selector:
    """The W3C selector pair for ``text[start:end]``."""
    return Selector(start=start, end=end, exact=text[start:end],
                    prefix=text[max(0, start - CONTEXT):start], suffix=text[end:end + CONTEXT])


def fixed_annotations(brief: Brief) -> list[Annotation]:
    """Five annotations every sample can carry: three highlights in three colours (one with
    a note and tags, two overlapping), a status and note on the first item, and a colour
    with a tag on the last item; ids and times fixed."""
    text = brief.article.text
    words = [index for index, char in enumerate(text) if char == " "]
    first = brief.items()[0]
    last = brief.items()[-1]
    a, b = words[3] + 1, words[9]
    c, d = words[7] + 1, words[14]
    e, f = words[-12] + 1, words[-6]
    return [
        Annotation(id="a1" + "0" * 30, document_id=DOCUMENT_ID, selector=selector_at(text, a, b),
                   colour=HighlightColour.KEY_FACT, note="Check the **figure** against "
                   "[the report](https://example.org/report).", tags=["figures", "check"],
                   created=CREATED, updated=CREATED),
        Annotation(id="a2" + "0" * 30, document_id=DOCUMENT_ID, selector=selector_at(text, c, d),
                   colour=HighlightColour.CONTESTED, note="Who says so?", created=CREATED,
                   updated=CREATED),
        Annotation(id="a3" + "0" * 30, document_id=DOCUMENT_ID, selector=selector_at(text, e, f),
                   colour=HighlightColour.QUESTION, tags=["follow-up call"], created=CREATED,
                   updated=CREATED),
        Annotation(id="a4" + "0" * 30, document_id=DOCUMENT_ID, item_id=first.id,
                   section=brief.sections[0].kind, selector=first.source,
                   status=ClaimStatus.VERIFIED, note="Matches the council minutes.\n\n- page 4",
                   created=CREATED, updated=CREATED),
        Annotation(id="a5" + "0" * 30, document_id=DOCUMENT_ID, item_id=last.id,
                   section=brief.sections[-1].kind, selector=last.source,
                   status=ClaimStatus.NEEDS_SOURCE, colour=HighlightColour.FOLLOW_UP,
                   tags=["sources"], created=CREATED, updated=CREATED),
    ]


def job_for(brief: Brief, annotations: list[Annotation] | None = None, **changes) -> ExportJob:
    """An export job of ``brief`` with ``annotations`` (default: the fixed ones) placed."""
    chosen = fixed_annotations(brief) if annotations is None else annotations
    fields = {"brief": brief, "placed": tuple(place_annotations(brief, chosen)),
              "exported": EXPORTED, "document_id": DOCUMENT_ID, "source_url": SOURCE_URL}
    fields.update(changes)
    return ExportJob(**fields)
