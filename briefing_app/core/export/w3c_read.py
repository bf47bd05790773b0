"""Read a W3C Web Annotation collection back into annotations (``import-annotations``).

Why strict about the collection and lenient inside it: a file that is not an
``AnnotationCollection`` of embedded pages is refused with one line saying why, so nothing
half-read reaches the library; within a valid collection, what our own exports write comes
back exactly (ids, selectors, notes, tags, colours, statuses, items, times — see ``w3c`` for
the shape), and what other tools write comes back as far as it maps: a body with no purpose
is the note, a highlight with no colour is a ``background`` one, a missing position is found
from the quote (and the quote from the position), and an id that is not one of our links
becomes a stable hash of it, so importing the same file twice never doubles anything.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from briefing_app.core.annotations import (
    Annotation,
    ClaimStatus,
    HighlightColour,
    annotation_id_from_link,
    now,
)
from briefing_app.core.export.w3c import ANNO_CONTEXT, COLOUR_URN, STATUS_URN
from briefing_app.core.model import CONTEXT_CHARS, Selector

ACCEPTED_CONTEXTS = (ANNO_CONTEXT, "https://www.w3.org/ns/anno.jsonld")
MAX_ANNOTATIONS = 100_000
MAX_PAGES = 10_000
_COLOURS = {colour.value: colour for colour in HighlightColour}
_STATUSES = {status.value: status for status in ClaimStatus}


class AnnotationFileError(ValueError):
    """A file that is not a W3C annotation collection we can read; the message is one line
    for the user, naming the annotation at fault where there is one."""


def read_collection(data: str | bytes, document_id: str, text: str) -> list[Annotation]:
    """The annotations of a collection's JSON text, for the document ``document_id`` whose
    article reading text is ``text`` (used to complete a selector given only in part).

    Raises AnnotationFileError for anything that is not a valid collection."""
    try:
        root = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise AnnotationFileError(f"not JSON: {exc}") from None
    return [
        _annotation(raw, number, document_id, text)
        for number, raw in enumerate(_collection_items(root))
    ]


def _collection_items(root: Any) -> list[Any]:
    if not isinstance(root, dict):
        raise AnnotationFileError("not a W3C annotation collection: the file is not an object")
    context = root.get("@context")
    contexts = context if isinstance(context, list) else [context]
    if not any(value in ACCEPTED_CONTEXTS for value in contexts):
        raise AnnotationFileError(
            f"not a W3C annotation collection: its @context is not {ANNO_CONTEXT}"
        )
    if root.get("type") != "AnnotationCollection":
        raise AnnotationFileError(
            "not a W3C annotation collection: its type is not AnnotationCollection"
        )
    items: list[Any] = []
    page = root.get("first")
    pages = 0
    while page is not None:
        pages += 1
        if not isinstance(page, dict) or pages > MAX_PAGES:
            raise AnnotationFileError(
                "its pages are not embedded in the file (first/next must be AnnotationPage "
                "objects, not links)"
            )
        if page.get("type") != "AnnotationPage" or not isinstance(page.get("items"), list):
            raise AnnotationFileError("a page is not an AnnotationPage with a list of items")
        items += page["items"]
        if len(items) > MAX_ANNOTATIONS:
            raise AnnotationFileError(f"holds more than {MAX_ANNOTATIONS:,} annotations")
        page = page.get("next")
    total = root.get("total", len(items))
    if not isinstance(total, int) or isinstance(total, bool) or total != len(items):
        raise AnnotationFileError(
            f"says it holds {total!r} annotations but its pages hold {len(items)}"
        )
    return items


def _annotation(raw: Any, number: int, document_id: str, text: str) -> Annotation:
    where = f"annotation {number + 1}"
    if not isinstance(raw, dict) or raw.get("type") != "Annotation":
        raise AnnotationFileError(f"{where}: not an object of type Annotation")
    ident = _identifier(raw)
    where = f"annotation {number + 1} ({raw.get('id', 'no id')})"
    fields: dict[str, Any] = {"id": ident, "document_id": document_id, "note": "", "tags": []}
    for body in _as_list(raw.get("body")):
        _read_body(body, fields, where)
    fields["selector"] = _selector(raw.get("target"), text, where)
    if fields.get("item_id") is None:
        if fields.get("status") is not None:
            raise AnnotationFileError(f"{where}: a status needs an item (an identifying body)")
        fields.setdefault("colour", HighlightColour.BACKGROUND)
        if fields["selector"] is None:
            raise AnnotationFileError(f"{where}: its target has no text selector")
    created = _time(raw.get("created"), where)
    fields["created"] = created
    fields["updated"] = _time(raw.get("modified"), where, default=created)
    try:
        return Annotation.model_validate(fields)
    except ValueError as exc:
        raise AnnotationFileError(f"{where}: {exc}".splitlines()[0]) from None


def _identifier(raw: dict[str, Any]) -> str:
    """Our own id back from our link; a stable hash of any other id (or of the whole
    annotation, when it has none), so re-importing finds the same annotation."""
    link = raw.get("id")
    if isinstance(link, str):
        ours = annotation_id_from_link(link)
        if ours is not None:
            return ours
        return hashlib.sha1(link.encode("utf-8")).hexdigest()[:32]
    canonical = json.dumps(raw, sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(canonical.encode("utf-8")).hexdigest()[:32]


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _read_body(body: Any, fields: dict[str, Any], where: str) -> None:
    if isinstance(body, str):
        return  # a body given by IRI alone carries nothing we keep
    if not isinstance(body, dict):
        raise AnnotationFileError(f"{where}: a body is not an object")
    value = body.get("value")
    if not isinstance(value, str):
        return  # an external resource (an image, a web page): nothing to keep here
    purpose = body.get("purpose")
    purposes = purpose if isinstance(purpose, list) else [purpose]
    if "tagging" in purposes:
        fields["tags"].append(value)
    elif "identifying" in purposes:
        fields["item_id"] = value
    elif "classifying" in purposes:
        _classify(body, value, fields, where)
    elif "commenting" in purposes or purpose is None or "describing" in purposes:
        fields["note"] = f"{fields['note']}\n\n{value}" if fields["note"] else value


def _classify(body: dict[str, Any], value: str, fields: dict[str, Any], where: str) -> None:
    ident = body.get("id") if isinstance(body.get("id"), str) else ""
    if ident.startswith(STATUS_URN) or (not ident.startswith(COLOUR_URN) and value in _STATUSES):
        if value not in _STATUSES:
            raise AnnotationFileError(f"{where}: unknown status {value!r}")
        fields["status"] = _STATUSES[value]
    elif value in _COLOURS:
        fields["colour"] = _COLOURS[value]
    elif ident.startswith(COLOUR_URN):
        raise AnnotationFileError(f"{where}: unknown colour {value!r}")
    else:
        fields["tags"].append(value)  # another tool's classification: kept, as a tag


def _selector(target: Any, text: str, where: str) -> Selector | None:
    targets = _as_list(target)
    if len(targets) != 1 or not isinstance(targets[0], dict):
        if len(targets) == 1 and isinstance(targets[0], str):
            return None  # the whole source, no selector
        raise AnnotationFileError(f"{where}: it must have exactly one target object")
    quote: dict[str, Any] | None = None
    position: dict[str, Any] | None = None
    for selector in _as_list(targets[0].get("selector")):
        if isinstance(selector, dict) and selector.get("type") == "TextQuoteSelector":
            quote = quote or selector
        elif isinstance(selector, dict) and selector.get("type") == "TextPositionSelector":
            position = position or selector
    if quote is None and position is None:
        return None
    start = _offset(position, "start", where) if position is not None else None
    end = _offset(position, "end", where) if position is not None else None
    if quote is None:
        assert start is not None and end is not None
        if not start <= end <= len(text):
            raise AnnotationFileError(f"{where}: its position {start}-{end} is outside the text")
        return _around(text, start, end)
    exact = _string(quote, "exact", where)
    if start is None:
        found = text.find(exact)
        start = max(found, 0)
    try:
        return Selector(start=start, end=start + len(exact), exact=exact,
                        prefix=_string(quote, "prefix", where, ""),
                        suffix=_string(quote, "suffix", where, ""))
    except ValueError as exc:
        raise AnnotationFileError(f"{where}: bad selector: {exc}".splitlines()[0]) from None


def _around(text: str, start: int, end: int) -> Selector:
    return Selector(start=start, end=end, exact=text[start:end],
                    prefix=text[max(0, start - CONTEXT_CHARS) : start],
                    suffix=text[end : end + CONTEXT_CHARS])


def _offset(selector: dict[str, Any], key: str, where: str) -> int:
    value = selector.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise AnnotationFileError(f"{where}: TextPositionSelector {key} is not a whole number")
    return value


def _string(selector: dict[str, Any], key: str, where: str, default: str | None = None) -> str:
    value = selector.get(key, default)
    if not isinstance(value, str):
        raise AnnotationFileError(f"{where}: TextQuoteSelector {key} is not text")
    return value


def _time(value: Any, where: str, default: datetime | None = None) -> datetime:
    if value is None:
        return default if default is not None else now()
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise AnnotationFileError(f"{where}: {value!r} is not an ISO 8601 time") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
