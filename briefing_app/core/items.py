"""An item of a brief (a claim, quote or point): its own span, links, speaker and figures.

Why its own module, and why ``Item`` is a slotted class rather than a pydantic model: a
brief of short paragraphs holds one item per paragraph, and a model instance's ``__dict__``
of ten fields was 350 bytes of each, the largest single cost of an article of 220,000
one-line paragraphs (issue 9).  ``Item`` keeps the model's contract: pydantic validates it
(from the file's ``anchors`` list, with the same field checks and error locations) and
serialises it to exactly the JSON a model wrote, and it publishes the same JSON Schema.
Attributes can be assigned, as on the model, without validation.
"""

from __future__ import annotations

from typing import Any

from pydantic import (
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    ValidationInfo,
    create_model,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, SchemaSerializer, SchemaValidator, core_schema

from briefing_app.core.item_json import file_item_schema
from briefing_app.core.item_parts import (
    ANCHOR_POOL,
    ITEM_KIND_SCHEMA,
    NO_ENTRIES,
    Anchor,
    ItemKind,
    SharedEmptyList,
    StrictModel,
    link_part,
    selector_part,
)
from briefing_app.core.item_values import Figure, Hedge, Speaker
from briefing_app.core.slotted import NamedFields, PydanticMethods, core_schema_of
from briefing_app.core.span_values import Link, Selector


def _field(schema: CoreSchema, required: bool = True) -> core_schema.TypedDictField:
    return core_schema.typed_dict_field(schema, required=required)


def _optional(schema: CoreSchema) -> core_schema.TypedDictField:
    return _field(core_schema.nullable_schema(schema), required=False)


def _listed(schema: CoreSchema) -> core_schema.TypedDictField:
    return _field(core_schema.list_schema(schema), required=False)


# The fields as they are held (own span and links), for validation and in-memory dumps.
_ITEM_FIELDS = core_schema.typed_dict_schema(
    {
        "id": _field(core_schema.str_schema()),
        "kind": _field(ITEM_KIND_SCHEMA),
        "text": _field(core_schema.str_schema()),
        "source": _optional(core_schema_of(Selector)),
        "links": _listed(core_schema_of(Link)),
        "speaker": _optional(core_schema_of(Speaker)),
        "quote": _optional(core_schema.str_schema()),
        "figures": _listed(core_schema_of(Figure)),
        "dates": _listed(core_schema.str_schema()),
        "hedges": _listed(core_schema_of(Hedge)),
    },
    extra_behavior="forbid",
)
# The fields as a file writes them: the own span and the links as one ``anchors`` list.
_ANCHOR_SCHEMA = core_schema.dict_schema()
_ITEM_FILE_FIELDS = core_schema.typed_dict_schema(
    {
        "id": _field(core_schema.str_schema()),
        "kind": _field(ITEM_KIND_SCHEMA),
        "text": _field(core_schema.str_schema()),
        "anchors": _field(core_schema.list_schema(_ANCHOR_SCHEMA)),
        "speaker": _field(core_schema.nullable_schema(core_schema_of(Speaker))),
        "quote": _field(core_schema.nullable_schema(core_schema.str_schema())),
        "figures": _field(core_schema.list_schema(core_schema_of(Figure))),
        "dates": _field(core_schema.list_schema(core_schema.str_schema())),
        "hedges": _field(core_schema.list_schema(core_schema_of(Hedge))),
    }
)
_FIELDS_VALIDATOR = SchemaValidator(_ITEM_FIELDS, config={"title": "Item"})
_FILE_FIELDS_SERIALIZER = SchemaSerializer(_ITEM_FILE_FIELDS)
_ANCHOR_SERIALIZER = SchemaSerializer(_ANCHOR_SCHEMA)
ITEM_FIELD_NAMES = ("id", "kind", "text", "source", "links", "speaker", "quote", "figures",
                    "dates", "hedges")
_LIST_FIELDS = ("links", "figures", "dates", "hedges")


class Item(NamedFields, PydanticMethods):
    """One claim, quote or point shown in a section tab, linked to its article text.

    In memory the item's own span is ``source`` and its corroborating passages are
    ``links``; in a ``.brief.json`` file both are the one ``anchors`` list that earlier
    versions wrote (own span first), so files and scripts from either version agree.
    """

    # Empty lists are one shared list that refuses changes: give an item a new list instead.
    __slots__ = ITEM_FIELD_NAMES
    _NAMES = ITEM_FIELD_NAMES
    id: str
    kind: ItemKind
    text: str
    source: Selector | None  # the item's own span; None when its text was not found
    links: list[Link]  # corroborating passages, strongest first
    speaker: Speaker | None
    quote: str | None  # a quote's quoted words alone, when its other words name the speaker
    figures: list[Figure]
    dates: list[str]
    hedges: list[Hedge]

    def __init__(
        self,
        *,
        id: str,
        kind: ItemKind | str,
        text: str,
        source: Selector | None = None,
        links: list[Link] | None = None,
        speaker: Speaker | None = None,
        quote: str | None = None,
        figures: list[Figure] | None = None,
        dates: list[str] | None = None,
        hedges: list[Hedge] | None = None,
    ) -> None:
        """An item from its fields, checked (pydantic's ``ValidationError`` when wrong)."""
        given = {"id": id, "kind": kind, "text": text, "source": source, "links": links,
                 "speaker": speaker, "quote": quote, "figures": figures, "dates": dates,
                 "hedges": hedges}
        fields = _FIELDS_VALIDATOR.validate_python(
            {name: value for name, value in given.items() if value is not None}
        )
        for name in ITEM_FIELD_NAMES:
            setattr(self, name, fields.get(name, [] if name in _LIST_FIELDS else None))

    @classmethod
    def lean(cls, **fields: Any) -> Item:
        """An item given every field by the builder; a field of an unexpected type is
        validated as the constructor would, and empty lists become the shared one."""
        if fields.keys() != set(ITEM_FIELD_NAMES):
            raise TypeError(f"Item.lean needs every field: {sorted(ITEM_FIELD_NAMES)}")
        if not _built_as_expected(fields):
            fields = _FIELDS_VALIDATOR.validate_python(fields)
        return cls._from_fields(fields)

    @classmethod
    def _from_fields(cls, fields: dict[str, Any]) -> Item:
        """An item of checked fields (a missing one is None, or the shared empty list)."""
        item = cls.__new__(cls)
        get = fields.get
        item.id, item.kind, item.text = get("id"), get("kind"), get("text")
        item.source, item.speaker, item.quote = get("source"), get("speaker"), get("quote")
        # (spelled out rather than looped over the names: a saved brief makes thousands)
        item.links = get("links") or NO_ENTRIES
        item.figures = get("figures") or NO_ENTRIES
        item.dates = get("dates") or NO_ENTRIES
        item.hedges = get("hedges") or NO_ENTRIES
        return item

    def spans(self) -> list[Selector]:
        """Every selector of the item: its own span first, then its links' selectors."""
        own = [self.source] if self.source is not None else []
        return own + [link.selector for link in self.links]

    def file_fields(self, *, anchors: bool = True) -> dict[str, Any]:
        """The item as a ``.brief.json`` file holds it: ``anchors`` for source and links
        (an empty list with ``anchors=False``, for a writer that adds them itself)."""
        written = []
        if anchors:
            if self.source is not None:
                written.append(own_anchor_fields(self.source))
            written += [link_anchor_fields(link) for link in self.links]
        return {"id": self.id, "kind": self.kind, "text": self.text, "anchors": written,
                "speaker": self.speaker, "quote": self.quote, "figures": self.figures,
                "dates": self.dates, "hedges": self.hedges}

    __hash__ = None  # type: ignore[assignment]  # mutable, as the model was

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler | None
    ) -> CoreSchema:
        """Validate an item as itself, and the file's fields (``anchors`` read into source
        and links, shared through an anchor pool in the validation context) as an item;
        serialise the file's fields."""

        def accept(value: Any, validate_fields: Any, info: ValidationInfo) -> Any:
            if isinstance(value, cls):
                return value
            return cls._from_fields(validate_fields(_from_anchors(value, info)))

        python_schema = core_schema.with_info_wrap_validator_function(accept, _ITEM_FIELDS)
        return core_schema.json_or_python_schema(
            json_schema=file_item_schema(cls._from_fields, python_schema),  # see item_json
            python_schema=python_schema,
            ref=f"{cls.__module__}.{cls.__qualname__}",  # one "Item" in a schema's $defs
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda item: item.file_fields(), return_schema=_ITEM_FILE_FIELDS
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        """Publish the file shape: an ``anchors`` list of :class:`Anchor` objects."""
        published = handler.resolve_ref_schema(handler(_ITEM_IN_FILE.__pydantic_core_schema__))
        published["properties"]["anchors"]["items"] = handler(Anchor.__pydantic_core_schema__)
        return published

    def to_json_bytes(self, indent: int | None = None, *, anchors: bool = True) -> bytes:
        """The item's JSON object as UTF-8 bytes, as a brief file writes it (with
        ``anchors=False``, its ``anchors`` list empty: see :func:`anchor_json_bytes`)."""
        if anchors:
            return self._type_adapter().dump_json(self, indent=indent)
        return _FILE_FIELDS_SERIALIZER.to_json(self.file_fields(anchors=False), indent=indent)


def own_anchor_fields(source: Selector) -> dict[str, Any]:
    """The ``anchors`` entry of an item's own span."""
    return _anchor_fields(source, "source", "", 1.0)


def link_anchor_fields(link: Link) -> dict[str, Any]:
    """The ``anchors`` entry of a link."""
    return _anchor_fields(link.selector, link.reason, link.detail, link.score)


def _anchor_fields(selector: Selector, reason: str, detail: str, score: float) -> dict[str, Any]:
    # One dict made at once, keys in ANCHOR_FIELDS' order (a file's), rather than the
    # selector's fields by name merged into another: a brief of a 10 MB article writes
    # 180,000 of these, and that way cost twice as much.
    return {"start": selector.start, "end": selector.end, "exact": selector.exact,
            "prefix": selector.prefix, "suffix": selector.suffix, "reason": reason,
            "detail": detail, "score": score}


def anchor_json_bytes(fields: dict[str, Any], indent: int | None = None) -> bytes:
    """One ``anchors`` entry's JSON, exactly as the item's own JSON writes it there (a
    writer serialising each shared link once puts these in an item's empty list)."""
    return _ANCHOR_SERIALIZER.to_json(fields, indent=indent)


def _from_anchors(data: Any, info: ValidationInfo) -> Any:
    """Read the file's ``anchors`` list into ``source`` and ``links``; with an anchor pool
    in the validation context (under ``ANCHOR_POOL``), as shared objects."""
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


def _built_as_expected(fields: dict[str, Any]) -> bool:
    """The builder's values are of the exact types the fields hold (so validating them
    again would only cost time)."""
    source, speaker, quote = fields["source"], fields["speaker"], fields["quote"]
    return (
        type(fields["id"]) is str
        and type(fields["kind"]) is ItemKind
        and type(fields["text"]) is str
        and (source is None or type(source) is Selector)
        and (speaker is None or type(speaker) is Speaker)
        and (quote is None or type(quote) is str)
        and all(type(link) is Link for link in fields["links"])
        and all(type(figure) is Figure for figure in fields["figures"])
        and all(type(date) is str for date in fields["dates"])
        and all(type(hedge) is Hedge for hedge in fields["hedges"])
        and all(type(fields[name]) in (list, SharedEmptyList) for name in _LIST_FIELDS)
    )


# An item as a brief file holds it: the model whose JSON Schema ``Item`` publishes.
_ITEM_IN_FILE = create_model(
    "Item",
    __base__=StrictModel,
    __doc__=Item.__doc__,
    id=(str, ...),
    kind=(ItemKind, ...),
    text=(str, ...),
    anchors=(list[dict[str, Any]], Field(
        default_factory=list,
        description="First the item's own span (reason 'source'), then corroborating spans, "
        "strongest first.",
    )),
    speaker=(Speaker | None, None),
    quote=(str | None, Field(
        default=None,
        description="For a quote whose other words only name the speaker: the quoted words "
        "alone, for display beside the speaker's name.",
    )),
    figures=(list[Figure], Field(default_factory=list)),
    dates=(list[str], Field(default_factory=list)),
    hedges=(list[Hedge], Field(default_factory=list)),
)
