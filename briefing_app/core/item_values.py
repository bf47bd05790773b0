"""Speaker, Figure and Hedge: an item's small values, as slotted immutable objects.

Why not pydantic models: an item of a numbered list or a table row holds a figure, and a
model instance with its ``__dict__`` was ~270 bytes per figure; an article of 150,000
numbered lines held 40 MiB of them (issue 9).  As :class:`SlottedValue` subclasses they keep
the models' contract: the same keyword constructor and checks, the same JSON, and the same
published JSON Schema (each publishes a pydantic model of its fields, made here and used for
nothing else).
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import ConfigDict, Field, create_model
from pydantic_core import CoreSchema, core_schema

from briefing_app.core.slotted import SlottedValue, defaulted_field

_MODEL_CONFIG = ConfigDict(extra="forbid", allow_inf_nan=False)


def _two_strings(first: str, second: str, *, second_optional: bool = False) -> CoreSchema:
    """The fields of a value of two strings, the second optional (None) when so marked."""
    text = core_schema.str_schema()
    return core_schema.typed_dict_schema(
        {
            first: core_schema.typed_dict_field(text),
            second: defaulted_field(core_schema.nullable_schema(text), None)
            if second_optional
            else core_schema.typed_dict_field(text),
        },
        extra_behavior="forbid",
    )


class _TwoStrings(SlottedValue):
    """A value of two strings (the second may be None where ``_SECOND_OPTIONAL`` says)."""

    __slots__ = ()
    _SECOND_OPTIONAL: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        cls._fields = _two_strings(*cls._NAMES, second_optional=cls._SECOND_OPTIONAL)
        super().__init_subclass__(**kwargs)

    @classmethod
    def lean(cls, first: Any, second: Any) -> Any:
        """From the two values in order: strings are taken as they are, anything else is
        validated as the constructor would."""
        if type(first) is str and (
            type(second) is str or (second is None and cls._SECOND_OPTIONAL)
        ):
            return cls.from_checked(first, second)
        return cls(**dict(zip(cls._NAMES, (first, second), strict=True)))


class Speaker(_TwoStrings):
    """Who said a quote: a person or an organisation, with their role when given."""

    __slots__ = ("name", "role")
    name: str
    role: str | None
    _NAMES = ("name", "role")
    _SECOND_OPTIONAL = True
    _published_model = create_model(
        "Speaker", __config__=_MODEL_CONFIG, __doc__=__doc__,
        name=(str, ...), role=(str | None, None),
    )


class Figure(_TwoStrings):
    """A number mentioned in an item, with its normalised value for matching."""

    __slots__ = ("text", "value")
    text: str
    value: str
    _NAMES = ("text", "value")
    _published_model = create_model(
        "Figure", __config__=_MODEL_CONFIG, __doc__=__doc__,
        text=(str, ...),
        value=(str, Field(
            description="Normalised form used to match, e.g. '1000' or '4.2e9 USD'."
        )),
    )


class Hedge(_TwoStrings):
    """Wording that marks a claim as unconfirmed, estimated, alleged or uncertain."""

    __slots__ = ("kind", "text")
    text: str
    kind: str
    _NAMES = ("text", "kind")
    _published_model = create_model(
        "Hedge", __config__=_MODEL_CONFIG, __doc__=__doc__,
        text=(str, ...),
        kind=(str, Field(description="unconfirmed, estimate, allegation, reported or uncertain")),
    )
