"""Speaker notes: what the presenter reads beside a slide, and the reader's marks on items.

Why these notes: in a meeting the presenter is asked "where does that come from?", so each
item's notes give its own passage of the article, the strongest passages that back it (with
what ties them: a figure, shared words, the speaker) and what the reader noted about it.
Passages are cut at a bounded length so notes stay readable even for a very long article.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from briefing_app.core.annotations import (
    COLOUR_GLYPHS,
    STATUS_GLYPHS,
    STATUS_NAMES,
    ClaimStatus,
    HighlightColour,
    PlacedAnnotation,
    Placement,
)
from briefing_app.core.model import Item, LinkReason

PASSAGE_CHARS = 600
EVIDENCE_CHARS = 240
EVIDENCE_SHOWN = 3
NOTE_CHARS = 600
REASON_WORDS = {
    LinkReason.FIGURE: "same figure",
    LinkReason.SHARED_WORDS: "same words",
    LinkReason.QUOTED_WORDS: "same quoted words",
    LinkReason.SPEAKER: "same speaker",
}


def shortened(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary with an ellipsis past ``limit``."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0] or flat[: limit - 1]
    return cut + "\u2026"


@dataclass
class ReaderMarks:
    """The reader's placed annotations, looked up by item and by article position.

    Orphans (not found in the article as it is now) are left out: a slide must not claim
    a passage the article no longer has.
    """

    by_item: dict[str, list[PlacedAnnotation]] = field(default_factory=dict)
    highlights: list[PlacedAnnotation] = field(default_factory=list)

    @classmethod
    def from_placed(cls, placed: Iterable[PlacedAnnotation]) -> ReaderMarks:
        """Sort the placed annotations into item marks and text highlights."""
        marks = cls()
        for entry in placed:
            if entry.placement is Placement.ORPHAN:
                continue
            if entry.annotation.is_item_annotation:
                if entry.item_id is not None:
                    marks.by_item.setdefault(entry.item_id, []).append(entry)
            elif entry.selector is not None:
                marks.highlights.append(entry)
        marks.highlights.sort(key=lambda entry: entry.selector.start if entry.selector else 0)
        return marks

    def highlights_in(self, item: Item) -> list[PlacedAnnotation]:
        """The text highlights that overlap the item's own passage."""
        if item.source is None:
            return []
        start, end = item.source.start, item.source.end
        return [
            entry
            for entry in self.highlights
            if entry.selector is not None
            and entry.selector.start < end
            and entry.selector.end > start
        ]


def mark_label(
    status: ClaimStatus | None,
    colour: HighlightColour | None,
    colour_names: dict[HighlightColour, str],
) -> str:
    """The reader's mark in words with its glyph ("✓ Verified · ★ Key fact"), readable
    without colour; "" when there is no status (or only "unreviewed") and no colour."""
    parts = []
    if status is not None and status is not ClaimStatus.UNREVIEWED:
        parts.append(f"{STATUS_GLYPHS[status]} {STATUS_NAMES[status]}")
    if colour is not None:
        parts.append(f"{COLOUR_GLYPHS[colour]} {colour_names.get(colour, colour.value)}")
    return " \u00b7 ".join(parts)


def item_notes(
    item: Item, marks: ReaderMarks, colour_names: dict[HighlightColour, str]
) -> str:
    """The speaker notes for one item: its passage, its evidence and the reader's notes."""
    lines = [f"\u2022 {shortened(item.text, PASSAGE_CHARS)}"]
    if item.speaker is not None:
        role = f", {item.speaker.role}" if item.speaker.role else ""
        lines.append(f"  Speaker: {item.speaker.name}{role}")
    if item.source is not None:
        lines.append(
            f"  Source passage: \u201c{shortened(item.source.exact, PASSAGE_CHARS)}\u201d"
        )
    else:
        lines.append("  Source passage: not found in the article")
    for hedge in item.hedges:
        lines.append(f"  Hedged ({hedge.kind}): \u201c{hedge.text}\u201d")
    evidence = item.links[:EVIDENCE_SHOWN]
    for link in evidence:
        why = REASON_WORDS.get(link.reason, str(link.reason))
        detail = f" {link.detail}" if link.detail else ""
        passage = shortened(link.selector.exact, EVIDENCE_CHARS)
        lines.append(f"  Evidence ({why}{detail}): \u201c{passage}\u201d")
    if len(item.links) > EVIDENCE_SHOWN:
        lines.append(f"  \u2026 and {len(item.links) - EVIDENCE_SHOWN} more passages")
    lines.extend(_reader_lines(item, marks, colour_names))
    return "\n".join(lines)


def _reader_lines(
    item: Item, marks: ReaderMarks, colour_names: dict[HighlightColour, str]
) -> list[str]:
    lines = []
    for entry in marks.by_item.get(item.id, []):
        note = entry.annotation
        label = mark_label(note.status, note.colour, colour_names)
        if label:
            lines.append(f"  Your mark: {label}")
        if note.note.strip():
            lines.append(f"  Your note: {shortened(note.note, NOTE_CHARS)}")
    for entry in marks.highlights_in(item):
        note = entry.annotation
        exact = entry.selector.exact if entry.selector else ""
        label = mark_label(None, note.colour, colour_names) or "Highlight"
        text = f"  Your highlight ({label}): \u201c{shortened(exact, EVIDENCE_CHARS)}\u201d"
        if note.note.strip():
            text += f" \u2014 {shortened(note.note, NOTE_CHARS)}"
        lines.append(text)
    return lines


def joined_notes(parts: Sequence[str]) -> str:
    """Several items' notes as one notes text, a blank line between items."""
    return "\n\n".join(part for part in parts if part)
