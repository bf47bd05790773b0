"""Selector and Link: the two values a brief holds one of per passage, as slotted objects.

Why not pydantic models like the rest of :mod:`briefing_app.core.model`: a model instance
keeps a ``__dict__`` of its fields, and with a selector's own copies of 32 characters before
and after its passage that was ~430 bytes per selector, most of a long brief's memory (an
article of 220,000 one-line paragraphs has 220,000 of them), and building one through
validation was most of the time spent re-opening a saved brief.  These are immutable slotted
values that pydantic validates and serialises through a core schema, so they sit in models
(``Item``, ``Annotation``) and read and write JSON exactly as the models they replace did,
with the same field checks and the same error locations.  A selector made from the article
text (:meth:`Selector.in_text`) reads its prefix and suffix from that text when asked instead
of holding copies; equal selectors compare and hash equal however they were made.
"""

from __future__ import annotations

import math
from enum import StrEnum
from typing import Any, ClassVar, NoReturn

from pydantic import GetCoreSchemaHandler, TypeAdapter, ValidationInfo
from pydantic_core import CoreSchema, SchemaValidator, core_schema

CONTEXT_CHARS = 32


class LinkReason(StrEnum):
    """Why an anchor belongs to an item; ``source`` is the item's own span."""

    SOURCE = "source"
    FIGURE = "figure"
    SHARED_WORDS = "shared_words"
    QUOTED_WORDS = "quoted_words"
    SPEAKER = "speaker"


def _end_not_before_start(end: int, info: ValidationInfo) -> int:
    start = info.data.get("start")
    if start is not None and end < start:
        raise ValueError(f"end ({end}) is before start ({start})")
    return end


def _exact_spans_start_to_end(exact: str, info: ValidationInfo) -> str:
    start, end = info.data.get("start"), info.data.get("end")
    if start is not None and end is not None and len(exact) != end - start:
        raise ValueError("exact does not have end - start characters")
    return exact


_SELECTOR_FIELDS = core_schema.typed_dict_schema(
    {
        "start": core_schema.typed_dict_field(core_schema.int_schema(ge=0)),
        "end": core_schema.typed_dict_field(
            core_schema.with_info_after_validator_function(
                _end_not_before_start, core_schema.int_schema(ge=0)
            )
        ),
        "exact": core_schema.typed_dict_field(
            core_schema.with_info_after_validator_function(
                _exact_spans_start_to_end, core_schema.str_schema()
            )
        ),
        "prefix": core_schema.typed_dict_field(core_schema.str_schema(), required=False),
        "suffix": core_schema.typed_dict_field(core_schema.str_schema(), required=False),
    },
    extra_behavior="forbid",
)


def _refuse_change(self: object, name: str, value: object) -> NoReturn:
    raise TypeError(f"{type(self).__name__} is immutable: make a new one instead")


class _SlottedValue:
    """What Selector and Link share: validation from fields, pydantic integration, and the
    ``model_*`` methods the rest of the app (and its scripts) call on them."""

    __slots__ = ()
    _validator: ClassVar[SchemaValidator]
    _fields: ClassVar[CoreSchema]
    _adapter: ClassVar[TypeAdapter[Any] | None] = None

    __setattr__ = _refuse_change
    __delattr__ = _refuse_change  # type: ignore[assignment]

    @classmethod
    def _from_fields(cls, fields: dict[str, Any]) -> Any:
        raise NotImplementedError

    def as_fields(self) -> dict[str, Any]:
        """The value's fields by name (serialisation writes each as its JSON)."""
        raise NotImplementedError

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        """Validate an instance as itself and anything else as the fields; serialise the
        fields, so a model holding one writes the object it always wrote."""

        def accept(value: Any, validate_fields: core_schema.ValidatorFunctionWrapHandler) -> Any:
            if isinstance(value, cls):
                return value
            return cls._from_fields(validate_fields(value))

        return core_schema.no_info_wrap_validator_function(
            accept,
            cls._fields,
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda value: value.as_fields(), return_schema=cls._fields
            ),
        )

    @classmethod
    def _type_adapter(cls) -> TypeAdapter[Any]:
        if cls.__dict__.get("_adapter") is None:
            cls._adapter = TypeAdapter(cls)
        assert cls._adapter is not None
        return cls._adapter

    @classmethod
    def model_validate(cls, data: Any) -> Any:
        """Validate ``data`` (an instance or its fields) as pydantic's models do."""
        return cls._type_adapter().validate_python(data)

    @classmethod
    def model_validate_json(cls, data: str | bytes) -> Any:
        """Validate a JSON object of the fields."""
        return cls._type_adapter().validate_json(data)

    def model_dump(self, **options: Any) -> dict[str, Any]:
        """The fields as a dict (``mode="json"`` gives plain strings for enums)."""
        return self._type_adapter().dump_python(self, **options)  # type: ignore[no-any-return]

    def model_dump_json(self, **options: Any) -> str:
        """The fields as a JSON object."""
        return self._type_adapter().dump_json(self, **options).decode()


class Selector(_SlottedValue):
    """A W3C TextPositionSelector and TextQuoteSelector pair into ``article.text``.

    Invariant: ``text[start:end] == exact``; ``prefix``/``suffix`` are the (up to 32)
    characters right before and after.  Offsets count Unicode code points.  Pure W3C: why a
    passage matters to an item is a :class:`Link`'s business, so annotations and exports can
    use selectors as they are.  Immutable: one passage is one shared selector.
    """

    __slots__ = ("_prefix", "_suffix", "_text", "end", "exact", "start")
    start: int
    end: int
    exact: str
    _fields = _SELECTOR_FIELDS
    _validator = SchemaValidator(_SELECTOR_FIELDS, config={"title": "Selector"})

    def __init__(
        self, *, start: int, end: int, exact: str, prefix: str = "", suffix: str = ""
    ) -> None:
        """A selector from its fields, checked (pydantic's ``ValidationError`` when wrong)."""
        fields = self._validator.validate_python(
            {"start": start, "end": end, "exact": exact, "prefix": prefix, "suffix": suffix}
        )
        self._set(fields["start"], fields["end"], fields["exact"], fields["prefix"],
                  fields["suffix"], None)

    def _set(
        self, start: int, end: int, exact: str, prefix: str | None, suffix: str | None,
        text: str | None,
    ) -> None:
        setter = object.__setattr__
        setter(self, "start", start)
        setter(self, "end", end)
        setter(self, "exact", exact)
        setter(self, "_prefix", prefix)
        setter(self, "_suffix", suffix)
        setter(self, "_text", text)

    @classmethod
    def _from_fields(cls, fields: dict[str, Any]) -> Selector:
        selector = cls.__new__(cls)
        selector._set(fields["start"], fields["end"], fields["exact"], fields.get("prefix", ""),
                      fields.get("suffix", ""), None)
        return selector

    @classmethod
    def lean(cls, start: int, end: int, exact: str, prefix: str, suffix: str) -> Selector:
        """A selector from all five values, checked as the constructor checks them: values
        of exactly the field types are checked here (a saved brief's tens of thousands of
        anchors), anything else is validated."""
        if (
            type(start) is int
            and type(end) is int
            and type(exact) is str
            and type(prefix) is str
            and type(suffix) is str
            and 0 <= start <= end
            and len(exact) == end - start
        ):
            selector = cls.__new__(cls)
            selector._set(start, end, exact, prefix, suffix, None)
            return selector
        return cls(start=start, end=end, exact=exact, prefix=prefix, suffix=suffix)

    @classmethod
    def in_text(cls, text: str, start: int, end: int, exact: str) -> Selector:
        """The selector of ``text[start:end]`` (which the caller has checked is ``exact``),
        reading its prefix and suffix from ``text`` when asked rather than holding copies."""
        selector = cls.__new__(cls)
        selector._set(start, end, exact, None, None, text)
        return selector

    @property
    def prefix(self) -> str:
        """Up to 32 characters right before the passage."""
        prefix = self._prefix
        if prefix is None:
            assert self._text is not None
            return self._text[max(0, self.start - CONTEXT_CHARS) : self.start]
        return prefix

    @property
    def suffix(self) -> str:
        """Up to 32 characters right after the passage."""
        suffix = self._suffix
        if suffix is None:
            assert self._text is not None
            return self._text[self.end : self.end + CONTEXT_CHARS]
        return suffix

    def as_fields(self) -> dict[str, Any]:
        """The selector's JSON object: start, end, exact, prefix, suffix."""
        return {"start": self.start, "end": self.end, "exact": self.exact,
                "prefix": self.prefix, "suffix": self.suffix}

    def _values(self) -> tuple[int, int, str, str, str]:
        return self.start, self.end, self.exact, self.prefix, self.suffix

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Selector):
            return NotImplemented
        return self is other or self._values() == other._values()

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.exact))

    def __repr__(self) -> str:
        return (f"Selector(start={self.start!r}, end={self.end!r}, exact={self.exact!r}, "
                f"prefix={self.prefix!r}, suffix={self.suffix!r})")

    def __reduce__(self) -> tuple[Any, ...]:
        return (_selector_from_values, self._values())


def _selector_from_values(start: int, end: int, exact: str, prefix: str, suffix: str) -> Selector:
    """Unpickle or deep-copy a selector (its text, if any, is not carried along)."""
    return Selector._from_fields(
        {"start": start, "end": end, "exact": exact, "prefix": prefix, "suffix": suffix}
    )


_LINK_FIELDS = core_schema.typed_dict_schema(
    {
        "selector": core_schema.typed_dict_field(
            Selector.__get_pydantic_core_schema__(Selector, None)  # type: ignore[arg-type]
        ),
        "reason": core_schema.typed_dict_field(core_schema.enum_schema(LinkReason, list(LinkReason),
                                                                       sub_type="str")),
        "detail": core_schema.typed_dict_field(core_schema.str_schema(), required=False),
        "score": core_schema.typed_dict_field(
            core_schema.float_schema(ge=0.0, allow_inf_nan=False), required=False
        ),
    },
    extra_behavior="forbid",
)


_REASONS: dict[str, LinkReason] = {reason.value: reason for reason in LinkReason}


class Link(_SlottedValue):
    """A corroborating passage of an item: where it is, why it is linked and how strongly."""

    __slots__ = ("detail", "reason", "score", "selector")
    selector: Selector
    reason: LinkReason
    detail: str
    score: float
    _fields = _LINK_FIELDS
    _validator = SchemaValidator(_LINK_FIELDS, config={"title": "Link"})

    def __init__(
        self, *, selector: Selector, reason: LinkReason | str, detail: str = "",
        score: float = 1.0,
    ) -> None:
        """A link from its fields, checked (pydantic's ``ValidationError`` when wrong)."""
        fields = self._validator.validate_python(
            {"selector": selector, "reason": reason, "detail": detail, "score": score}
        )
        self._set(fields["selector"], fields["reason"], fields["detail"], fields["score"])

    def _set(self, selector: Selector, reason: LinkReason, detail: str, score: float) -> None:
        setter = object.__setattr__
        setter(self, "selector", selector)
        setter(self, "reason", reason)
        setter(self, "detail", detail)
        setter(self, "score", score)

    @classmethod
    def _from_fields(cls, fields: dict[str, Any]) -> Link:
        link = cls.__new__(cls)
        link._set(fields["selector"], fields["reason"], fields.get("detail", ""),
                  fields.get("score", 1.0))
        return link

    @classmethod
    def lean(cls, selector: Selector, reason: LinkReason, detail: str, score: float) -> Link:
        """A link from all four values, checked as the constructor checks them: values of
        exactly the field types are checked here (the linker's and a saved brief's tens of
        thousands of links), anything else is validated."""
        known = _REASONS.get(reason) if type(reason) in (str, LinkReason) else None
        if (
            known is not None
            and type(selector) is Selector
            and type(detail) is str
            and type(score) is float
            and 0.0 <= score < math.inf  # (False for NaN)
        ):
            link = cls.__new__(cls)
            link._set(selector, known, detail, score)
            return link
        return cls(selector=selector, reason=reason, detail=detail, score=score)

    def as_fields(self) -> dict[str, Any]:
        """The link's fields: selector, reason, detail, score."""
        return {"selector": self.selector, "reason": self.reason,
                "detail": self.detail, "score": self.score}

    def _values(self) -> tuple[Selector, LinkReason, str, float]:
        return self.selector, self.reason, self.detail, self.score

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Link):
            return NotImplemented
        return self is other or self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return (f"Link(selector={self.selector!r}, reason={self.reason!r}, "
                f"detail={self.detail!r}, score={self.score!r})")

    def __reduce__(self) -> tuple[Any, ...]:
        return (_link_from_values, self._values())


def _link_from_values(
    selector: Selector, reason: LinkReason, detail: str, score: float
) -> Link:
    """Unpickle or deep-copy a link."""
    return Link._from_fields(
        {"selector": selector, "reason": reason, "detail": detail, "score": score}
    )
