"""The brief data model: the public JSON contract of a ``.brief.json`` file.

Why pydantic: the same classes validate files coming from disk, serialise what we write,
and publish the JSON Schema (``briefing-app schema``), so the contract is stated once.
Field names here are public; add fields, never rename them.
"""

from __future__ import annotations

import hashlib
from enum import StrEnum
from typing import Annotated

from pydantic import (
    Field,
    StrictInt,
    model_validator,
)

# Defined beside the model (why: those modules' docstrings) and part of it: the names are
# imported from here.
from briefing_app.core.item_parts import ANCHOR_FIELDS as ANCHOR_FIELDS
from briefing_app.core.item_parts import ANCHOR_POOL as ANCHOR_POOL
from briefing_app.core.item_parts import NO_ENTRIES as NO_ENTRIES
from briefing_app.core.item_parts import Anchor as Anchor
from briefing_app.core.item_parts import ItemKind as ItemKind
from briefing_app.core.item_parts import StrictModel
from briefing_app.core.item_parts import link_part as link_part
from briefing_app.core.item_parts import selector_part as selector_part
from briefing_app.core.item_values import Figure as Figure
from briefing_app.core.item_values import Hedge as Hedge
from briefing_app.core.item_values import Speaker as Speaker
from briefing_app.core.items import Item as Item
from briefing_app.core.span_values import CONTEXT_CHARS as CONTEXT_CHARS
from briefing_app.core.span_values import Link as Link
from briefing_app.core.span_values import LinkReason as LinkReason
from briefing_app.core.span_values import Selector as Selector

SCHEMA_VERSION = 1


class SectionKind(StrEnum):
    """The kinds of section a brief can have; ``other`` keeps unknown headings."""

    LEDE = "lede"
    WHY_IT_MATTERS = "why_it_matters"
    WHAT_TO_KNOW = "what_to_know"
    QUOTES = "quotes"
    NEXT_STEPS = "next_steps"
    OTHER = "other"


def wire_location(location: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """Map a validation error's location on ``source``/``links`` back to the file's
    ``anchors`` list, so an error can point at the line that holds it."""
    parts = list(location)
    for index, part in enumerate(parts):
        if part == "source":
            return (*parts[:index], "anchors", 0, *parts[index + 1 :])
        if part == "links" and index + 1 < len(parts) and isinstance(parts[index + 1], int):
            rest = parts[index + 2 :]
            if rest[:1] == ["selector"]:
                rest = rest[1:]
            return (*parts[:index], "anchors", parts[index + 1] + 1, *rest)
    return location


class Section(StrictModel):
    """A section of the brief: its kind, the heading as written, and its items."""

    kind: SectionKind
    title: str = ""
    items: list[Item] = Field(default_factory=list)


class Source(StrictModel):
    """Where the article came from; every field is optional."""

    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None


class Article(StrictModel):
    """The reading text: decoded, LF line ends, NFC, markup removed; anchors index into it."""

    text: str
    format: str = Field(default="text", description="Format it was imported from.")


class Brief(StrictModel):
    """A structured news brief: an article and its sections of linked items."""

    schema_version: Annotated[StrictInt, Field(ge=1)] = SCHEMA_VERSION
    id: str = Field(description="Stable hash of article.text.")
    title: str = ""
    source: Source = Field(default_factory=Source)
    article: Article
    sections: list[Section] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def items(self) -> list[Item]:
        """All items in reading order, across sections."""
        return [item for section in self.sections for item in section.items]

    @model_validator(mode="after")
    def _item_ids_are_unique(self) -> Brief:
        """Every item has an id of its own: selection, links to an item and (later) its
        annotations are keyed by it, so an empty or repeated id would cross them."""
        seen: set[str] = set()
        for number, item in enumerate(self.items()):
            if not item.id:
                raise ValueError(f"item {number} has an empty id")
            if item.id in seen:
                raise ValueError(f"item id {item.id!r} is used twice")
            seen.add(item.id)
        return self



def content_id(text: str) -> str:
    """The stable id of an article: a hash of its reading text (``Brief.id``)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
