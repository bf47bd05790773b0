"""What every notes export is made from: one brief, its placed annotations, the reader's
colour names and the export time, and the questions each format asks of them.

Why one shape for all formats: Markdown, HTML, W3C and JSON (and the window's PDF) must show
the same annotations in the same order under the same names, and a golden-file test must be
able to pin the export time.  The grouping lives here once — which annotations belong to
which item, which are highlights of article text, which could not be placed — so no format
can drift from the others.  Placement itself (finding annotations in a changed text) is the
store's; exports only read its answer.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from briefing_app.core.annotations import (
    DEFAULT_COLOUR_NAMES,
    ClaimStatus,
    HighlightColour,
    PlacedAnnotation,
    Placement,
    now,
)
from briefing_app.core.export.outline import TAB_TITLES
from briefing_app.core.model import Brief, Item, Section, Selector

# C0 and C1 controls (tab and line feed aside): meaningless in an export, invalid in HTML,
# and able to rewrite a terminal that an export is printed to.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BLOCK_ID_SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,39}")


def colour_names_with_defaults(
    names: Mapping[HighlightColour, str] | None,
) -> dict[HighlightColour, str]:
    """The reader's names for the colours, each missing or blank one replaced by its default
    ("Key fact"), so an export always names every colour by what it means."""
    merged = dict(DEFAULT_COLOUR_NAMES)
    for colour, name in (names or {}).items():
        cleaned = " ".join(str(name).split())
        if cleaned:
            merged[HighlightColour(colour)] = cleaned
    return merged


@dataclass(frozen=True)
class ExportJob:
    """One export's input: the brief as it is now and its annotations as placed in it.

    ``exported`` is injectable so that the same brief exports to the same bytes (golden
    files); ``document_id`` is the library's id of the article (it survives edits, unlike the
    brief's content hash) and ``source_url`` the article file's ``file:`` URL, both for the
    W3C targets and the JSON file.
    """

    brief: Brief
    placed: Sequence[PlacedAnnotation] = ()
    colour_names: Mapping[HighlightColour, str] = field(
        default_factory=lambda: dict(DEFAULT_COLOUR_NAMES)
    )
    exported: datetime = field(default_factory=now)
    document_id: str | None = None
    source_url: str | None = None

    def names(self) -> dict[HighlightColour, str]:
        """Every colour's name, the reader's where given."""
        return colour_names_with_defaults(self.colour_names)

    def in_order(self) -> list[PlacedAnnotation]:
        """Every annotation in reading order (where it is now), orphans last, ties broken by
        id so two exports of the same annotations agree byte for byte."""
        return sorted(self.placed, key=_reading_key)

    def by_item(self) -> dict[str, list[PlacedAnnotation]]:
        """The placed item annotations (status, colour, note on a card), by the item they
        attach to now."""
        found: dict[str, list[PlacedAnnotation]] = {}
        items = {item.id for item in self.brief.items()}
        for one in self.in_order():
            if one.item_id in items and one.placement is not Placement.ORPHAN:
                found.setdefault(one.item_id, []).append(one)
        return found

    def highlights(self) -> list[PlacedAnnotation]:
        """Highlights of article text that were found in it, in reading order."""
        return [
            one
            for one in self.in_order()
            if not one.annotation.is_item_annotation and one.selector is not None
        ]

    def unplaced(self) -> list[PlacedAnnotation]:
        """Annotations the current text no longer holds (orphans): kept in every export with
        their old words, never dropped."""
        placed_items = self.by_item()
        attached = {id(one) for group in placed_items.values() for one in group}
        return [
            one
            for one in self.in_order()
            if id(one) not in attached
            and (one.annotation.is_item_annotation or one.selector is None)
        ]

    def tags(self) -> list[str]:
        """Every tag on the brief's annotations, once each (first spelling), sorted."""
        seen: dict[str, str] = {}
        for one in self.placed:
            for tag in one.annotation.tags:
                seen.setdefault(tag.casefold(), tag)
        return sorted(seen.values(), key=str.casefold)


def _reading_key(one: PlacedAnnotation) -> tuple[bool, int, int, str]:
    selector = one.selector
    if selector is None:
        return (True, 0, 0, one.annotation.id)
    return (False, selector.start, selector.end, one.annotation.id)


def item_status(annotations: Iterable[PlacedAnnotation]) -> ClaimStatus:
    """An item's status: the latest one its annotations set, else unreviewed."""
    latest: tuple[datetime, ClaimStatus] | None = None
    for one in annotations:
        annotation = one.annotation
        if annotation.status is not None and (latest is None or annotation.updated >= latest[0]):
            latest = (annotation.updated, annotation.status)
    return ClaimStatus.UNREVIEWED if latest is None else latest[1]


def item_colour(annotations: Iterable[PlacedAnnotation]) -> HighlightColour | None:
    """The colour a card is marked with, if any (the latest set)."""
    colours = [one.annotation for one in annotations if one.annotation.colour is not None]
    return max(colours, key=lambda a: a.updated).colour if colours else None


def section_heading(section: Section) -> str:
    """A section as its tab is titled in the window ("What To Know"); an unknown heading
    keeps the words the article used."""
    return TAB_TITLES.get(section.kind, section.title or "Other")


def item_label(item: Item) -> str:
    """What an item is, in words: its kind, and for a quote its speaker and role."""
    label = item.kind.value.capitalize()
    if item.speaker is not None:
        role = f", {item.speaker.role}" if item.speaker.role else ""
        label += f" \u2014 {item.speaker.name}{role}"
    return label


def item_block_id(item_id: str) -> str:
    """A stable ``^id`` for an item (notes apps link to it): the item's own id when it is
    made of letters, digits and dashes, as item ids are; else a hash of it."""
    return _block_id("item", item_id, keep_whole=True)


def annotation_block_id(annotation_id: str) -> str:
    """A stable ``^id`` for an annotation: ``note-`` and the first 12 characters of its id
    (a random hex id, so unique within a brief), or of a hash of an id of another shape."""
    return _block_id("note", annotation_id, keep_whole=False)


def _block_id(kind: str, ident: str, *, keep_whole: bool) -> str:
    if keep_whole and _BLOCK_ID_SAFE.fullmatch(ident):
        return ident
    if not keep_whole and re.fullmatch(r"[0-9a-f]{12,}", ident):
        return f"{kind}-{ident[:12]}"
    return f"{kind}-{hashlib.sha1(ident.encode('utf-8')).hexdigest()[:12]}"


def without_controls(text: str) -> str:
    """``text`` with control characters (tab and line feed aside) removed."""
    return _CONTROLS.sub("", text)


def iso_time(moment: datetime) -> str:
    """A time stamp as exports write it: ISO 8601 in UTC, to the second, with ``Z``."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def quoted_selector(one: PlacedAnnotation) -> Selector | None:
    """The words an annotation covers: where it is now, else (an orphan) where it was."""
    return one.selector if one.selector is not None else one.annotation.selector
