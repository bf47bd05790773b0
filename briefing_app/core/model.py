"""The brief data model: the public JSON contract of a ``.brief.json`` file.

Why pydantic: the same classes validate files coming from disk, serialise what we write,
and publish the JSON Schema (``briefing-app schema``), so the contract is stated once.
Field names here are public; add fields, never rename them.
"""

from __future__ import annotations

import hashlib
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, model_validator

SCHEMA_VERSION = 1
CONTEXT_CHARS = 32


class SectionKind(StrEnum):
    """The kinds of section a brief can have; ``other`` keeps unknown headings."""

    LEDE = "lede"
    WHY_IT_MATTERS = "why_it_matters"
    WHAT_TO_KNOW = "what_to_know"
    QUOTES = "quotes"
    NEXT_STEPS = "next_steps"
    OTHER = "other"


class ItemKind(StrEnum):
    """What an item is: an assertion of fact, a quotation, or a forward-looking point."""

    CLAIM = "claim"
    QUOTE = "quote"
    POINT = "point"


class LinkReason(StrEnum):
    """Why an anchor belongs to an item; ``source`` is the item's own span."""

    SOURCE = "source"
    FIGURE = "figure"
    SHARED_WORDS = "shared_words"
    QUOTED_WORDS = "quoted_words"
    SPEAKER = "speaker"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Selector(_Strict):
    """A W3C TextPositionSelector and TextQuoteSelector pair into ``article.text``.

    Invariant: ``text[start:end] == exact``; ``prefix``/``suffix`` are the (up to 32)
    characters right before and after.  Offsets count Unicode code points.  Frozen: one
    passage cited the same way by several items is one shared selector.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: NonNegativeInt
    end: NonNegativeInt
    exact: str
    prefix: str = ""
    suffix: str = ""
    reason: LinkReason = LinkReason.SOURCE
    detail: str = Field(default="", description="What ties the span to the item, e.g. a figure.")
    score: float = Field(default=1.0, ge=0.0, description="Link strength; higher is stronger.")

    @model_validator(mode="after")
    def _check_order(self) -> Selector:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        if len(self.exact) != self.end - self.start:
            raise ValueError("exact does not have end - start characters")
        return self


class Speaker(_Strict):
    """Who said a quote: a person or an organisation, with their role when given."""

    name: str
    role: str | None = None


class Figure(_Strict):
    """A number mentioned in an item, with its normalised value for matching."""

    text: str
    value: str = Field(description="Normalised form used to match, e.g. '1000' or '4.2e9 USD'.")


class Hedge(_Strict):
    """Wording that marks a claim as unconfirmed, estimated, alleged or uncertain."""

    text: str
    kind: str = Field(description="unconfirmed, estimate, allegation, reported or uncertain")


class Item(_Strict):
    """One claim, quote or point shown in a section tab, linked to its article text."""

    id: str
    kind: ItemKind
    text: str
    anchors: list[Selector] = Field(
        default_factory=list,
        description="First the item's own span, then corroborating spans, strongest first.",
    )
    speaker: Speaker | None = None
    quote: str | None = Field(
        default=None,
        description="For a quote whose other words only name the speaker: the quoted words "
        "alone, for display beside the speaker's name.",
    )
    figures: list[Figure] = Field(default_factory=list)
    dates: list[str] = Field(default_factory=list)
    hedges: list[Hedge] = Field(default_factory=list)


class Section(_Strict):
    """A section of the brief: its kind, the heading as written, and its items."""

    kind: SectionKind
    title: str = ""
    items: list[Item] = Field(default_factory=list)


class Source(_Strict):
    """Where the article came from; every field is optional."""

    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None


class Article(_Strict):
    """The reading text: decoded, LF line ends, NFC, markup removed; anchors index into it."""

    text: str
    format: str = Field(default="text", description="Format it was imported from.")


class Brief(_Strict):
    """A structured news brief: an article and its sections of linked items."""

    schema_version: Annotated[int, Field(ge=1)] = SCHEMA_VERSION
    id: str = Field(description="Stable hash of article.text.")
    title: str = ""
    source: Source = Field(default_factory=Source)
    article: Article
    sections: list[Section] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def items(self) -> list[Item]:
        """All items in reading order, across sections."""
        return [item for section in self.sections for item in section.items]

    def section_of(self, item_id: str) -> Section | None:
        """The section holding the item with this id, if any."""
        for section in self.sections:
            if any(item.id == item_id for item in section.items):
                return section
        return None


def content_id(text: str) -> str:
    """The stable id of an article: a hash of its reading text (``Brief.id``)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
