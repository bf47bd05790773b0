"""Where each annotation is in the brief as it is now: exact, moved, fuzzy or orphan.

Why here and not in the window: the CLI, the exports and the notes panel all need the same
answer, and it depends only on the text and the stored selectors.  Text highlights are found
by their selector; item annotations by their item's id (a hash of the section kind and the
item's text, so edits elsewhere leave it alone), else by the item's old span, re-attached to
the item whose own span now covers it best.  Nothing is ever dropped: what cannot be placed
is an orphan with the reason.  Every call into ``anchoring`` goes through ``find_again``
(``anchor_selector``: exact, moved, fuzzy with its score, or an orphan and why).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from briefing_app.core.anchoring import Anchor, anchor_selector, make_selector
from briefing_app.core.annotations import (
    Annotation,
    ClaimStatus,
    HighlightColour,
    PlacedAnnotation,
    Placement,
)
from briefing_app.core.model import Brief, Item, SectionKind, Selector

TEXT_GONE = "its text is no longer in the article (or is in two places alike)"
NO_SELECTOR = "it has no text to look for"
ITEM_GONE = "its item is no longer in the brief and its text was not found"
NOT_AN_ITEM = "its text is in the article but no item covers it now"


def find_again(text: str, selector: Selector) -> Anchor:
    """The old selector placed in ``text`` (exact, moved, fuzzy with its score, or an
    orphan with the reason): the one call into anchoring."""
    return anchor_selector(text, selector)


def annotate_text(
    document_id: str,
    text: str,
    start: int,
    end: int,
    *,
    colour: HighlightColour,
    note: str = "",
    tags: Iterable[str] = (),
) -> Annotation:
    """A new highlight of ``text[start:end]`` (code points), ready for ``Store.add``."""
    return Annotation(
        document_id=document_id,
        selector=make_selector(text, start, end),
        colour=colour,
        note=note,
        tags=list(tags),
    )


def annotate_item(
    document_id: str,
    brief: Brief,
    item_id: str,
    *,
    status: ClaimStatus | None = None,
    colour: HighlightColour | None = None,
    note: str = "",
    tags: Iterable[str] = (),
) -> Annotation:
    """A new annotation on an item (status, colour, note), carrying the item's own span so
    it can be re-attached if the item's text changes.  KeyError for an unknown item."""
    section, item = _items(brief)[item_id]
    return Annotation(
        document_id=document_id,
        item_id=item_id,
        section=section,
        selector=item.source,
        status=status,
        colour=colour,
        note=note,
        tags=list(tags),
    )


def _items(brief: Brief) -> dict[str, tuple[SectionKind, Item]]:
    return {item.id: (section.kind, item) for section in brief.sections for item in section.items}


def place_annotations(brief: Brief, annotations: Sequence[Annotation]) -> list[PlacedAnnotation]:
    """Place every annotation in ``brief`` (same order, none left out)."""
    text = brief.article.text
    items = _items(brief)
    placed = []
    for annotation in annotations:
        if annotation.item_id is None:
            placed.append(_place_text(text, annotation))
        else:
            placed.append(_place_item(text, items, annotation))
    return placed


def _orphan(annotation: Annotation, reason: str) -> PlacedAnnotation:
    return PlacedAnnotation(
        annotation=annotation, placement=Placement.ORPHAN, score=0.0, reason=reason
    )


def _place_text(text: str, annotation: Annotation) -> PlacedAnnotation:
    selector = annotation.selector
    if selector is None or not selector.exact:
        return _orphan(annotation, NO_SELECTOR)
    if text[selector.start : selector.end] == selector.exact:
        here = make_selector(text, selector.start, selector.end)
        return PlacedAnnotation(annotation=annotation, placement=Placement.EXACT, selector=here)
    found = find_again(text, selector)
    if found.selector is None:
        return _orphan(annotation, found.reason or TEXT_GONE)
    return PlacedAnnotation(
        annotation=annotation,
        placement=found.placement,
        selector=found.selector,
        score=round(found.score, 3),
        reason="text changed" if found.placement is Placement.FUZZY else "",
    )


def _place_item(
    text: str, items: dict[str, tuple[SectionKind, Item]], annotation: Annotation
) -> PlacedAnnotation:
    assert annotation.item_id is not None
    if annotation.item_id in items:
        _, item = items[annotation.item_id]
        return PlacedAnnotation(
            annotation=annotation,
            placement=Placement.EXACT,
            selector=item.source,
            item_id=item.id,
        )
    if annotation.selector is None or not annotation.selector.exact:
        return _orphan(annotation, ITEM_GONE)
    found = find_again(text, annotation.selector)
    if found.selector is None:
        return _orphan(annotation, ITEM_GONE)
    best = _best_overlap(found.selector, (item for _, item in items.values()))
    if best is None:
        return _orphan(annotation, NOT_AN_ITEM)
    item, overlap = best
    assert item.source is not None
    same_words = (
        found.placement is not Placement.FUZZY and item.source.exact == annotation.selector.exact
    )
    return PlacedAnnotation(
        annotation=annotation,
        placement=Placement.MOVED if same_words else Placement.FUZZY,
        selector=item.source,
        score=1.0 if same_words else round(min(found.score, overlap), 3),
        reason="" if same_words else "text changed",
        item_id=item.id,
    )


def _best_overlap(span: Selector, items: Iterable[Item]) -> tuple[Item, float] | None:
    """The item whose own span shares most of ``span`` (shared length over joint length)."""
    best: tuple[Item, float] | None = None
    for item in items:
        source = item.source
        if source is None:
            continue
        shared = min(span.end, source.end) - max(span.start, source.start)
        if shared <= 0:
            continue
        joint = max(span.end, source.end) - min(span.start, source.start)
        ratio = shared / joint
        if best is None or ratio > best[1]:
            best = (item, ratio)
    return best


def settled(brief: Brief, placed: PlacedAnnotation) -> Annotation:
    """The annotation re-targeted where ``placed`` found it: what accepting a fuzzy
    placement stores, and what an exact or moved one is quietly updated to."""
    if placed.selector is None and placed.item_id is None:
        raise ValueError("an orphan has no place to accept: re-attach it to a selection")
    changes: dict[str, object] = {"selector": placed.selector}
    if placed.item_id is not None:
        changes["item_id"] = placed.item_id
        changes["section"] = _items(brief)[placed.item_id][0]
    return placed.annotation.model_copy(update=changes)


def quiet_updates(brief: Brief, placed: Sequence[PlacedAnnotation]) -> list[Annotation]:
    """Exact and moved annotations whose stored selector or item is out of date: storing
    the new one keeps the next placement exact, and changes nothing the user sees."""
    updates = []
    for one in placed:
        if one.placement not in (Placement.EXACT, Placement.MOVED):
            continue
        annotation = one.annotation
        if one.selector == annotation.selector and one.item_id in (None, annotation.item_id):
            continue
        if one.selector is None:  # an item whose span is not found: keep the old one
            continue
        updates.append(settled(brief, one))
    return updates


def in_reading_order(placed: Iterable[PlacedAnnotation]) -> list[PlacedAnnotation]:
    """Placed annotations in the order they occur in the article now, orphans last (the
    notes panel's and the CLI's order)."""
    return sorted(
        placed,
        key=lambda one: (one.selector is None, one.selector.start if one.selector else 0),
    )
