"""The open brief's annotations as the window shows them: placed, filtered, looked up.

Why Qt-free: the notes panel's filters, the article's highlight layer, a card's status and
the margin's status marks all ask the same questions of the same list — which annotations
match these filters, what is highlighted where, what does this item carry — and each answer
is plain data the tests can check without a window.  The store saves; this only reads.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from briefing_app.core.annotations import (
    ClaimStatus,
    HighlightColour,
    PlacedAnnotation,
    Placement,
)
from briefing_app.core.model import SectionKind


@dataclass(frozen=True)
class NoteFilter:
    """What the notes panel shows: every field None (or empty) means "any"."""

    colour: HighlightColour | None = None
    tag: str | None = None
    status: ClaimStatus | None = None
    section: SectionKind | None = None
    placement: Placement | None = None
    query: str = ""

    @property
    def is_empty(self) -> bool:
        """True when nothing is filtered out."""
        return self == NoteFilter()


@dataclass(frozen=True)
class ItemMark:
    """What a card shows of the reader's work on its item."""

    status: ClaimStatus | None = None
    colour: HighlightColour | None = None
    colour_name: str = ""
    has_note: bool = False


class AnnotationBook:
    """The placed annotations of one brief, in article order (orphans last)."""

    def __init__(self, placed: Iterable[PlacedAnnotation] = ()) -> None:
        self._placed: list[PlacedAnnotation] = []
        self._by_id: dict[str, PlacedAnnotation] = {}
        self.replace(placed)

    def replace(self, placed: Iterable[PlacedAnnotation]) -> None:
        """Take a new list (after opening a brief, or after any edit)."""
        self._placed = sorted(placed, key=_reading_order)
        self._by_id = {entry.annotation.id: entry for entry in self._placed}

    def __len__(self) -> int:
        return len(self._placed)

    def all(self) -> list[PlacedAnnotation]:
        """Every annotation, placed ones in article order, then orphans."""
        return list(self._placed)

    def get(self, annotation_id: str) -> PlacedAnnotation | None:
        """One annotation by id (a copied link, a click in the notes panel)."""
        return self._by_id.get(annotation_id)

    def text_highlights(self) -> list[tuple[int, int, str]]:
        """(start, end, colour key) of every highlight placed in the article now."""
        return [
            (entry.selector.start, entry.selector.end, str(entry.annotation.colour))
            for entry in self._placed
            if entry.selector is not None
            and entry.annotation.colour is not None
            and entry.placement is not Placement.ORPHAN
            and not entry.annotation.is_item_annotation
        ]

    def at(self, position: int) -> list[PlacedAnnotation]:
        """The text highlights covering a position of the article (a click, a hover)."""
        return [
            entry
            for entry in self._placed
            if not entry.annotation.is_item_annotation
            and entry.selector is not None
            and entry.placement is not Placement.ORPHAN
            and entry.selector.start <= position < entry.selector.end
        ]

    def for_item(self, item_id: str) -> PlacedAnnotation | None:
        """The status/note annotation attached to an item now, if any."""
        for entry in self._placed:
            if entry.annotation.is_item_annotation and entry.item_id == item_id:
                return entry
        return None

    def item_statuses(self) -> dict[str, ClaimStatus]:
        """Item id -> its status, for every item that has one other than unreviewed."""
        return {
            entry.item_id: entry.annotation.status
            for entry in self._placed
            if entry.item_id is not None
            and entry.annotation.status is not None
            and entry.annotation.status is not ClaimStatus.UNREVIEWED
        }

    def item_marks(self, colour_names: dict[HighlightColour, str]) -> dict[str, ItemMark]:
        """Item id -> what its card shows (status, colour by its name, a note), for every
        item the reader has annotated."""
        marks = {}
        for entry in self._placed:
            note = entry.annotation
            if entry.item_id is None or entry.placement is Placement.ORPHAN:
                continue
            marks[entry.item_id] = ItemMark(
                status=note.status,
                colour=note.colour,
                colour_name=colour_names.get(note.colour, "") if note.colour else "",
                has_note=bool(note.note.strip()),
            )
        return marks

    def tags(self) -> list[str]:
        """Every tag in use, sorted without regard to case."""
        found = {tag for entry in self._placed for tag in entry.annotation.tags}
        return sorted(found, key=str.casefold)

    def orphans(self) -> list[PlacedAnnotation]:
        """The annotations not found in the article as it is now (kept, never dropped)."""
        return [entry for entry in self._placed if entry.placement is Placement.ORPHAN]

    def matching(self, wanted: NoteFilter, quoted: dict[str, str] | None = None) -> list[
        PlacedAnnotation
    ]:
        """The annotations the filter lets through.  ``quoted`` maps annotation id to the
        text it quotes (an item's text for an item annotation), searched with the note and
        tags by ``query``, every word anywhere, case-insensitively."""
        words = wanted.query.casefold().split()
        result = []
        for entry in self._placed:
            note = entry.annotation
            # Compared by value: a filter chosen in a combo box may come back as plain text.
            if wanted.colour is not None and note.colour != wanted.colour:
                continue
            if wanted.tag is not None and wanted.tag not in note.tags:
                continue
            if wanted.status is not None and (
                not note.is_item_annotation
                or (note.status or ClaimStatus.UNREVIEWED) != wanted.status
            ):
                continue
            if wanted.section is not None and note.section != wanted.section:
                continue
            if wanted.placement is not None and entry.placement != wanted.placement:
                continue
            if words:
                haystack = " ".join(
                    (note.note, " ".join(note.tags), (quoted or {}).get(note.id, ""),
                     note.selector.exact if note.selector else "")
                ).casefold()
                if not all(word in haystack for word in words):
                    continue
            result.append(entry)
        return result


def _reading_order(entry: PlacedAnnotation) -> tuple[bool, int, str]:
    """Orphans last; the rest by where they sit (an item annotation at its item's own span,
    or after the text highlights when its item has none)."""
    start = entry.selector.start if entry.selector is not None else 1 << 62
    return (entry.placement is Placement.ORPHAN, start, entry.annotation.id)
