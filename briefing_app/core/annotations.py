"""What a reader adds to a brief: highlights, notes, tags and a status per item.

Why a model of its own, apart from the brief: a brief is what the importer computes from an
article and can be recomputed at any time; annotations are the user's work and must outlive
every recomputation, edit and re-import.  So an annotation never points into a Brief object:
it carries W3C selectors into the article text (a text highlight) or an item's id plus that
item's own selector (an item annotation, re-attached by selector when the item's text
changed), and the store (``core.store``) keeps it; the window, the CLI and the exports all
read this one shape.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from uuid import uuid4

from pydantic import BaseModel, ConfigDict, Field

from briefing_app.core.model import SectionKind, Selector


class HighlightColour(StrEnum):
    """The five highlight colours, named by what they mean (the names can be renamed in the
    settings; the keys stay)."""

    KEY_FACT = "key_fact"
    CONTESTED = "contested"
    FOLLOW_UP = "follow_up"
    QUESTION = "question"
    BACKGROUND = "background"


DEFAULT_COLOUR_NAMES: dict[HighlightColour, str] = {
    HighlightColour.KEY_FACT: "Key fact",
    HighlightColour.CONTESTED: "Contested",
    HighlightColour.FOLLOW_UP: "Follow up",
    HighlightColour.QUESTION: "Question",
    HighlightColour.BACKGROUND: "Background",
}


# A mark for each colour that does not depend on seeing colour (cards, the notes panel,
# exports and print), alongside the underline style the article gives each colour.
COLOUR_GLYPHS: dict[HighlightColour, str] = {
    HighlightColour.KEY_FACT: "\u2605",  # ★
    HighlightColour.CONTESTED: "\u2716",  # ✖
    HighlightColour.FOLLOW_UP: "\u2192",  # →
    HighlightColour.QUESTION: "?",
    HighlightColour.BACKGROUND: "\u2261",  # ≡
}


class ClaimStatus(StrEnum):
    """Where the reader stands on an item."""

    UNREVIEWED = "unreviewed"
    VERIFIED = "verified"
    DISPUTED = "disputed"
    NEEDS_SOURCE = "needs_source"


STATUS_NAMES: dict[ClaimStatus, str] = {
    ClaimStatus.UNREVIEWED: "Unreviewed",
    ClaimStatus.VERIFIED: "Verified",
    ClaimStatus.DISPUTED: "Disputed",
    ClaimStatus.NEEDS_SOURCE: "Needs source",
}


STATUS_GLYPHS: dict[ClaimStatus, str] = {
    ClaimStatus.UNREVIEWED: "\u25cb",  # ○
    ClaimStatus.VERIFIED: "\u2713",  # ✓
    ClaimStatus.DISPUTED: "\u2717",  # ✗
    ClaimStatus.NEEDS_SOURCE: "\u2691",  # ⚑
}


class Placement(StrEnum):
    """How an annotation was found in the article as it is now."""

    EXACT = "exact"  # its stored position still holds its quote
    MOVED = "moved"  # the same quote, elsewhere (text was added or removed before it)
    FUZZY = "fuzzy"  # similar text: shown as "text changed" until the user accepts it
    ORPHAN = "orphan"  # not found (or found in two places alike): kept and listed


ANNOTATION_LINK_PREFIX = "briefing-reader://annotation/"


def annotation_link(annotation_id: str) -> str:
    """A link to one annotation, to paste into notes or chat; ``briefing-app LINK`` opens
    its brief with the annotation shown."""
    return f"{ANNOTATION_LINK_PREFIX}{annotation_id}"


def annotation_id_from_link(link: str) -> str | None:
    """The annotation id a link names, or None when ``link`` is not an annotation link."""
    if not link.startswith(ANNOTATION_LINK_PREFIX):
        return None
    ident = link[len(ANNOTATION_LINK_PREFIX) :].strip().strip("/")
    return ident if ident and ident.isalnum() and len(ident) <= 64 else None


def new_annotation_id() -> str:
    """A fresh, globally unique id (exports and links to one annotation use it)."""
    return uuid4().hex


def now() -> datetime:
    """The time stamps annotations carry: timezone-aware UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0)


class Annotation(BaseModel):
    """One annotation of a brief: a highlight of article text, or a note/status on an item.

    Exactly one target: ``selector`` alone for text; ``item_id`` (with the item's section
    and own ``selector``, for re-attaching) for an item.  ``colour`` is required on a text
    highlight and optional on an item; ``status`` is only for items.
    """

    model_config = ConfigDict(extra="forbid")

    id: str = Field(default_factory=new_annotation_id)
    document_id: str = Field(description="The library's id of the article (survives edits).")
    selector: Selector | None = Field(
        default=None, description="Text highlight: where; item: the item's own span."
    )
    item_id: str | None = None
    section: SectionKind | None = None
    colour: HighlightColour | None = None
    status: ClaimStatus | None = None
    note: str = Field(default="", description="Markdown, rendered with raw HTML off.")
    tags: list[str] = Field(default_factory=list)
    created: datetime = Field(default_factory=now)
    updated: datetime = Field(default_factory=now)

    @property
    def is_item_annotation(self) -> bool:
        """True for a status/note on an item, False for a highlight of article text."""
        return self.item_id is not None


class PlacedAnnotation(BaseModel):
    """An annotation as found in the article now: where, how, and (fuzzy) the old words."""

    model_config = ConfigDict(extra="forbid")

    annotation: Annotation
    placement: Placement
    selector: Selector | None = Field(default=None, description="Where it is now; None: orphan")
    score: float = Field(default=1.0, ge=0.0, le=1.0)
    reason: str = Field(default="", description="For an orphan: why it was not placed.")
    item_id: str | None = Field(default=None, description="The item it attaches to now.")
