"""The brief data model: the public JSON contract of a ``.brief.json`` file.

Why pydantic: the same classes validate files coming from disk, serialise what we write,
and publish the JSON Schema (``briefing-app schema``), so the contract is stated once.
Field names here are public; add fields, never rename them.
"""

from __future__ import annotations

import hashlib
from enum import StrEnum
from typing import Annotated, Any, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    NonNegativeInt,
    SerializerFunctionWrapHandler,
    StrictInt,
    ValidationInfo,
    model_serializer,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

# Defined beside the model as slotted values (why: span_values' docstring); part of it here.
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


class ItemKind(StrEnum):
    """What an item is: an assertion of fact, a quotation, a forward-looking point, or a
    reported statement (someone's words given without quotation marks: never shown as a
    quote)."""

    CLAIM = "claim"
    QUOTE = "quote"
    POINT = "point"
    STATEMENT = "statement"


# The field names that a lean construction gives: one set per model, shared by all its lean
# instances (pydantic copies a model's set before changing it, in model_copy, and otherwise
# only adds names an assignment sets, which are already in these).
_FIGURE_FIELDS = {"text", "value"}
_SPEAKER_FIELDS = {"name", "role"}
_HEDGE_FIELDS = {"text", "kind"}
_ITEM_FIELDS = {
    "id", "kind", "text", "source", "links", "speaker", "quote", "figures", "dates", "hedges"
}
_Model = TypeVar("_Model", bound=BaseModel)


class _SharedEmptyList(list):  # type: ignore[type-arg]
    """The one empty list that every lean item with no links, figures, dates or hedges
    holds, instead of four empty lists of its own.

    Why: an article of 200,000 short paragraphs has 200,000 items, most with none of these;
    four empty lists each were 57 MB, a quarter of the brief.  Shared, it must never change:
    every way of changing it in place raises, and code gives an item a new list instead
    (``item.links = [...]``), as the linker does.
    """

    __slots__ = ()

    def _refuse(self, *args: object, **kwargs: object) -> None:
        raise TypeError("an item's empty list is shared: assign a new list instead")

    append = extend = insert = remove = pop = clear = sort = reverse = _refuse
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse  # type: ignore[assignment]


# Give an item this rather than a new empty list (see _SharedEmptyList).
NO_ENTRIES: list[Any] = _SharedEmptyList()
_LIST_FIELDS = ("links", "figures", "dates", "hedges")


def _share_fields_set(instance: _Model, fields: set[str]) -> _Model:
    """Give ``instance`` the shared set of given field names (it was given all of them)."""
    object.__setattr__(instance, "__pydantic_fields_set__", fields)
    return instance


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, allow_inf_nan=False)


class Anchor(_Strict):
    """One entry of an item's ``anchors`` list in a ``.brief.json`` file: a selector with
    the link's reason, detail and score.  The first is the item's own span (reason
    ``source``), the rest corroborate it, strongest first."""

    start: NonNegativeInt
    end: NonNegativeInt
    exact: str
    prefix: str = ""
    suffix: str = ""
    reason: LinkReason = LinkReason.SOURCE
    detail: str = ""
    score: float = Field(default=1.0, ge=0.0)


class Speaker(_Strict):
    """Who said a quote: a person or an organisation, with their role when given."""

    name: str
    role: str | None = None

    @classmethod
    def lean(cls, name: str, role: str | None) -> Speaker:
        """A validated speaker sharing one set of given fields (see :meth:`Selector.lean`)."""
        return _share_fields_set(cls(name=name, role=role), _SPEAKER_FIELDS)


class Figure(_Strict):
    """A number mentioned in an item, with its normalised value for matching."""

    text: str
    value: str = Field(description="Normalised form used to match, e.g. '1000' or '4.2e9 USD'.")

    @classmethod
    def lean(cls, text: str, value: str) -> Figure:
        """A validated figure sharing one set of given fields (see :meth:`Selector.lean`)."""
        return _share_fields_set(cls(text=text, value=value), _FIGURE_FIELDS)


class Hedge(_Strict):
    """Wording that marks a claim as unconfirmed, estimated, alleged or uncertain."""

    text: str
    kind: str = Field(description="unconfirmed, estimate, allegation, reported or uncertain")

    @classmethod
    def lean(cls, text: str, kind: str) -> Hedge:
        """A validated hedge sharing one set of given fields (see :meth:`Selector.lean`)."""
        return _share_fields_set(cls(text=text, kind=kind), _HEDGE_FIELDS)


class Item(_Strict):
    """One claim, quote or point shown in a section tab, linked to its article text.

    In memory the item's own span is ``source`` and its corroborating passages are
    ``links``; in a ``.brief.json`` file both are the one ``anchors`` list that earlier
    versions wrote (own span first), so files and scripts from either version agree.
    """

    id: str
    kind: ItemKind
    text: str
    source: Selector | None = Field(
        default=None, description="The item's own span; None when its text was not found."
    )
    links: list[Link] = Field(
        default_factory=list, description="Corroborating passages, strongest first."
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

    @model_validator(mode="before")
    @classmethod
    def _from_anchors(cls, data: Any, info: ValidationInfo) -> Any:
        """Read the file's ``anchors`` list into ``source`` and ``links``; with an
        anchor pool in the validation context (under ``ANCHOR_POOL``), as shared objects."""
        if isinstance(data, dict) and "anchors" in data:
            data = dict(data)
            anchors = data.pop("anchors")
            if not isinstance(anchors, list):
                raise ValueError("anchors must be a list")
            pool = info.context.get(ANCHOR_POOL) if isinstance(info.context, dict) else None
            if pool is None:
                data["source"] = selector_part(anchors[0]) if anchors else None
                data["links"] = [link_part(anchor) for anchor in anchors[1:]]
            else:
                data["source"] = pool.source(anchors[0]) if anchors else None
                data["links"] = [pool.link(anchor) for anchor in anchors[1:]]
        return data

    @model_serializer(mode="wrap")
    def _to_anchors(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """Write ``source`` and ``links`` as the file's ``anchors`` list, in its place."""
        fields = handler(self)
        source, links = fields.pop("source", None), fields.pop("links", [])
        anchors = [] if source is None else [{**source, "reason": "source", "detail": "",
                                              "score": 1.0}]
        anchors += [{**link["selector"], "reason": link["reason"], "detail": link["detail"],
                     "score": link["score"]} for link in links]
        return {"id": fields.pop("id"), "kind": fields.pop("kind"), "text": fields.pop("text"),
                "anchors": anchors, **fields}

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        """Publish the file shape: an ``anchors`` list of :class:`Anchor` objects."""
        schema = handler.resolve_ref_schema(handler(core_schema))
        properties = schema["properties"]
        anchor_ref = handler(Anchor.__pydantic_core_schema__)
        ordered = {}
        for name, value in properties.items():
            if name == "source":
                ordered["anchors"] = {
                    "type": "array",
                    "items": anchor_ref,
                    "title": "Anchors",
                    "description": "First the item's own span (reason 'source'), then "
                    "corroborating spans, strongest first.",
                }
            elif name != "links":
                ordered[name] = value
        schema["properties"] = ordered
        return schema

    @classmethod
    def lean(cls, **fields: Any) -> Item:
        """A validated item given every field, sharing one set of given field names with
        every item built this way (see :meth:`Selector.lean`)."""
        if fields.keys() != _ITEM_FIELDS:
            raise TypeError(f"Item.lean needs every field: {sorted(_ITEM_FIELDS)}")
        item = _share_fields_set(cls(**fields), _ITEM_FIELDS)
        values = item.__dict__
        for name in _LIST_FIELDS:
            if not values[name]:
                values[name] = NO_ENTRIES  # one shared empty list (see _SharedEmptyList)
        return item

    def spans(self) -> list[Selector]:
        """Every selector of the item: its own span first, then its links' selectors."""
        own = [self.source] if self.source is not None else []
        return own + [link.selector for link in self.links]


def selector_part(anchor: Any) -> Any:
    """A file anchor's selector fields (and any unknown ones, for validation to refuse)."""
    if not isinstance(anchor, dict):
        return anchor
    return {key: anchor[key] for key in _SELECTOR_KEYS if key in anchor} | {
        key: value for key, value in anchor.items() if key not in _ANCHOR_KEYS
    }


def link_part(anchor: Any) -> Any:
    """A file anchor as a link: reason, detail and score around its selector."""
    if not isinstance(anchor, dict):
        return anchor
    link = {key: anchor[key] for key in ("reason", "detail", "score") if key in anchor}
    link["selector"] = selector_part(anchor)
    return link


_SELECTOR_KEYS = ("start", "end", "exact", "prefix", "suffix")
ANCHOR_FIELDS = (*_SELECTOR_KEYS, "reason", "detail", "score")  # as a file writes them
_ANCHOR_KEYS = frozenset(ANCHOR_FIELDS)
# Validation context key for an anchor pool (``readers.anchor_pool.AnchorPool``): an object
# with ``source(anchor)`` and ``link(anchor)`` that returns shared objects, or the data.
ANCHOR_POOL = "anchor_pool"


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
