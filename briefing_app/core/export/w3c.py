"""A brief's annotations as a W3C Web Annotation collection (JSON-LD), for other annotation
tools and for bringing them back (``w3c_read``).

Why the W3C model: it is the one annotation format other tools share, and it already holds
everything ours has.  The shape, and the choices it leaves open:

* an ``AnnotationCollection`` (``@context`` ``http://www.w3.org/ns/anno.jsonld``) with
  ``total`` and its one embedded ``first`` ``AnnotationPage`` holding the ``items``;
* each annotation's ``id`` is its annotation link (``briefing-reader://annotation/ID``), so
  its id survives the round trip and a reader can click it;
* the target's ``source`` is ``urn:briefing-reader:document:ID`` (the library's id of the
  article, which survives edits), or ``urn:briefing-reader:brief:HASH`` for a brief the
  library has never seen; the article file's ``file:`` URL, when known, is the target's
  ``scope``; its selectors are a ``TextQuoteSelector`` (exact, prefix, suffix) and a
  ``TextPositionSelector`` (start, end; code points into the reading text);
* bodies: the note as a ``TextualBody`` in ``text/markdown`` with purpose ``commenting``,
  each tag a ``TextualBody`` with purpose ``tagging``, the colour and the status each a
  ``TextualBody`` with purpose ``classifying`` whose ``value`` is the key (``key_fact``,
  ``verified``), ``label`` the human name and ``id`` ``urn:briefing-reader:colour:KEY`` or
  ``urn:briefing-reader:status:KEY``;
* an item annotation targets the item's own passage and names the item with a
  ``TextualBody`` of purpose ``identifying`` whose value is the item id (a body, not a
  private field, so any W3C processor keeps it).

The selectors written are where each annotation is now when it was found exactly (or moved);
a fuzzy or orphaned one keeps the selector it was stored with, so nothing the reader has not
accepted is rewritten by an export.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, BinaryIO

from briefing_app.core.annotations import (
    STATUS_NAMES,
    Annotation,
    HighlightColour,
    PlacedAnnotation,
    Placement,
    annotation_link,
)
from briefing_app.core.export.export_job import ExportJob, iso_time
from briefing_app.core.model import Selector

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
URN = "urn:briefing-reader"
COLOUR_URN = f"{URN}:colour:"
STATUS_URN = f"{URN}:status:"
NOTE_FORMAT = "text/markdown"


def document_urn(job: ExportJob) -> str:
    """The stable name of the annotated text: the library's document, else the brief."""
    if job.document_id:
        return f"{URN}:document:{job.document_id}"
    return f"{URN}:brief:{job.brief.id}"


def annotation_collection(job: ExportJob) -> dict[str, Any]:
    """The collection as JSON-ready data, annotations in reading order."""
    source = document_urn(job)
    names = job.names()
    items = [_annotation(one, job, source, names) for one in job.in_order()]
    return {
        "@context": ANNO_CONTEXT,
        "id": f"{source}:annotations",
        "type": "AnnotationCollection",
        "label": f"Annotations on {job.brief.title or 'an untitled brief'}",
        "generator": {"id": f"{URN}:app", "type": "Software", "name": "Briefing Reader"},
        "generated": iso_time(job.exported),
        "total": len(items),
        "first": {
            "id": f"{source}:annotations:page-1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }


def render_w3c(job: ExportJob) -> str:
    """The collection as JSON text (two-space indent, UTF-8 characters as they are)."""
    return json.dumps(annotation_collection(job), ensure_ascii=False, indent=2) + "\n"


def write_w3c(job: ExportJob, stream: BinaryIO) -> None:
    """Write the collection to a binary stream, UTF-8."""
    stream.write(render_w3c(job).encode("utf-8"))


def exported_selector(one: PlacedAnnotation) -> Selector | None:
    """The selector an export writes: where the annotation is now if it was found there
    for sure, else the one it was stored with."""
    if one.placement in (Placement.EXACT, Placement.MOVED) and one.selector is not None:
        return one.selector
    return one.annotation.selector


def _annotation(
    one: PlacedAnnotation, job: ExportJob, source: str, names: Mapping[HighlightColour, str]
) -> dict[str, Any]:
    annotation = one.annotation
    target: dict[str, Any] = {"source": source}
    if job.source_url:
        target["scope"] = job.source_url
    selector = exported_selector(one)
    if selector is not None:
        target["selector"] = [
            {"type": "TextQuoteSelector", "exact": selector.exact, "prefix": selector.prefix,
             "suffix": selector.suffix},
            {"type": "TextPositionSelector", "start": selector.start, "end": selector.end},
        ]
    return {
        "id": annotation_link(annotation.id),
        "type": "Annotation",
        "motivation": "assessing" if annotation.is_item_annotation else "highlighting",
        "created": iso_time(annotation.created),
        "modified": iso_time(annotation.updated),
        "body": _bodies(annotation, names),
        "target": target,
    }


def _bodies(
    annotation: Annotation, names: Mapping[HighlightColour, str]
) -> list[dict[str, Any]]:
    bodies: list[dict[str, Any]] = []
    if annotation.item_id is not None:
        bodies.append({"type": "TextualBody", "purpose": "identifying",
                       "value": annotation.item_id})
    if annotation.colour is not None:
        bodies.append({"type": "TextualBody", "purpose": "classifying",
                       "id": COLOUR_URN + annotation.colour.value,
                       "value": annotation.colour.value,
                       "label": names[annotation.colour]})
    if annotation.status is not None:
        bodies.append({"type": "TextualBody", "purpose": "classifying",
                       "id": STATUS_URN + annotation.status.value,
                       "value": annotation.status.value,
                       "label": STATUS_NAMES[annotation.status]})
    if annotation.note:
        bodies.append({"type": "TextualBody", "purpose": "commenting",
                       "format": NOTE_FORMAT, "value": annotation.note})
    bodies += [{"type": "TextualBody", "purpose": "tagging", "value": tag}
               for tag in annotation.tags]
    return bodies
