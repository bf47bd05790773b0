"""Key points: the items and passages the reader marked, as bullets for a slide of their own.

Why: what a briefer verified, disputed or flagged as needing a source, and the passages
they highlighted, are the points they mean to make; the slide shows each with its status
and colour in words and glyphs ("✓ Verified", "★ Key fact"), so the marks read on a
black-and-white projector and to anyone who cannot tell the colours apart.
"""

from __future__ import annotations

from collections.abc import Iterable

from briefing_app.core.annotations import (
    ClaimStatus,
    HighlightColour,
    PlacedAnnotation,
    Placement,
)
from briefing_app.core.model import Brief, Item
from briefing_app.core.reading.card_text import card_body
from briefing_app.core.slides.deck import Bullet
from briefing_app.core.slides.notes import (
    EVIDENCE_CHARS,
    NOTE_CHARS,
    ReaderMarks,
    item_notes,
    mark_label,
    shortened,
)
from briefing_app.core.slides.paging import Entry

POINT_CHARS = 280  # a key point is a reminder of the item; the whole item is in the notes
NOTE_BULLET_CHARS = 160


def key_point_entries(
    brief: Brief,
    placed: Iterable[PlacedAnnotation],
    colour_names: dict[HighlightColour, str],
) -> list[Entry]:
    """One entry per marked item (a status other than unreviewed, a colour or a note) and
    per coloured text highlight, in article order; the reader's note beneath as a second-
    level bullet.  Orphaned annotations are left out (their text is no longer there)."""
    items = {item.id: item for item in brief.items()}
    marks = ReaderMarks.from_placed(placed)
    found: list[tuple[int, Entry]] = []
    for item_id, entries in marks.by_item.items():
        item = items.get(item_id)
        if item is None:
            continue
        for entry in entries:
            point = _item_point(item, entry, marks, colour_names)
            if point is not None:
                found.append((_position(entry, item), point))
    spans = sorted(
        (item.source.start, item.source.end, item.id)
        for item in items.values()
        if item.source is not None
    )
    for entry in marks.highlights:
        if entry.annotation.colour is None or entry.placement is Placement.ORPHAN:
            continue
        found.append((entry.selector.start if entry.selector else 0,
                      _highlight_point(entry, spans, colour_names)))
    found.sort(key=lambda pair: pair[0])
    return [point for _, point in found]


def _position(entry: PlacedAnnotation, item: Item) -> int:
    if item.source is not None:
        return item.source.start
    return entry.selector.start if entry.selector is not None else 1 << 62


def _item_point(
    item: Item,
    entry: PlacedAnnotation,
    marks: ReaderMarks,
    colour_names: dict[HighlightColour, str],
) -> Entry | None:
    note = entry.annotation
    status = note.status if note.status is not ClaimStatus.UNREVIEWED else None
    if status is None and note.colour is None and not note.note.strip():
        return None
    label = mark_label(status, note.colour, colour_names) or "\u270e Noted"
    bullets = [Bullet(shortened(card_body(item), POINT_CHARS), 0, item.id, label, status,
                      note.colour)]
    if note.note.strip():
        bullets.append(Bullet(shortened(note.note, NOTE_BULLET_CHARS), 1, item.id))
    return Entry(tuple(bullets), item_notes(item, marks, colour_names), item.id)


def _highlight_point(
    entry: PlacedAnnotation,
    spans: list[tuple[int, int, str]],
    colour_names: dict[HighlightColour, str],
) -> Entry:
    note = entry.annotation
    exact = entry.selector.exact if entry.selector is not None else ""
    start = entry.selector.start if entry.selector is not None else -1
    item_id = next((ident for first, last, ident in spans if first <= start < last), None)
    label = mark_label(None, note.colour, colour_names)
    text = f"\u201c{shortened(exact, POINT_CHARS)}\u201d"
    bullets = [Bullet(text, 0, item_id, label, None, note.colour)]
    notes = [f"\u2022 Highlighted ({label}): \u201c{shortened(exact, EVIDENCE_CHARS * 2)}\u201d"]
    if note.note.strip():
        bullets.append(Bullet(shortened(note.note, NOTE_BULLET_CHARS), 1, item_id))
        notes.append(f"  Your note: {shortened(note.note, NOTE_CHARS)}")
    return Entry(tuple(bullets), "\n".join(notes), item_id)
