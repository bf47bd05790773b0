"""Speaker, Figure and Hedge: an item's small values, as slotted immutable objects.

Why not pydantic models: an item of a numbered list or a table row holds a figure, and a
model instance with its ``__dict__`` was ~270 bytes per figure; an article of 150,000
numbered lines held 40 MiB of them (issue 9).  These keep the models' contract: the same
keyword constructor and checks (pydantic's ``ValidationError``), the same JSON, and the same
published JSON Schema (from a pydantic model of each, :func:`_published`, used for nothing
else).  Equal values compare and hash equal.
"""

from __future__ import annotations

from typing import Any, ClassVar, NoReturn

from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, SchemaValidator, core_schema


def _refuse_change(self: object, name: str, value: object) -> NoReturn:
    raise TypeError(f"{type(self).__name__} is immutable: make a new one instead")


class _TwoStrings:
    """Two string fields, the second optional when ``_SECOND_DEFAULT`` is given."""

    __slots__ = ()
    _NAMES: ClassVar[tuple[str, str]]
    _SECOND_OPTIONAL: ClassVar[bool] = False
    _fields: ClassVar[CoreSchema]
    _validator: ClassVar[SchemaValidator]
    _published_model: ClassVar[type[BaseModel]]

    __setattr__ = _refuse_change
    __delattr__ = _refuse_change  # type: ignore[assignment]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        first, second = cls._NAMES
        second_schema: CoreSchema = core_schema.str_schema()
        if cls._SECOND_OPTIONAL:
            second_schema = core_schema.nullable_schema(second_schema)
        cls._fields = core_schema.typed_dict_schema(
            {
                first: core_schema.typed_dict_field(core_schema.str_schema()),
                second: core_schema.typed_dict_field(
                    second_schema, required=not cls._SECOND_OPTIONAL
                ),
            },
            extra_behavior="forbid",
        )
        cls._validator = SchemaValidator(cls._fields, config={"title": cls.__name__})

    def __init__(self, **fields: Any) -> None:
        """From the fields by name, checked (pydantic's ``ValidationError`` when one is
        missing, unknown or of the wrong type, as the models these were raised)."""
        checked = self._validator.validate_python(fields)
        first, second = self._NAMES
        self._set(checked[first], checked.get(second))

    def _set(self, first: str, second: str | None) -> None:
        object.__setattr__(self, self._NAMES[0], first)
        object.__setattr__(self, self._NAMES[1], second)

    @classmethod
    def lean(cls, first: Any, second: Any) -> Any:
        """From the two values in order: strings are taken as they are, anything else is
        validated as the constructor would."""
        if type(first) is str and (
            type(second) is str or (second is None and cls._SECOND_OPTIONAL)
        ):
            value = cls.__new__(cls)
            value._set(first, second)
            return value
        return cls(**dict(zip(cls._NAMES, (first, second), strict=True)))

    def _values(self) -> tuple[str, str | None]:
        return getattr(self, self._NAMES[0]), getattr(self, self._NAMES[1])

    def as_fields(self) -> dict[str, Any]:
        """The fields by name, as the JSON object holds them."""
        return dict(zip(self._NAMES, self._values(), strict=True))

    def model_dump(self, **options: Any) -> dict[str, Any]:
        """The fields by name (as pydantic's models give them)."""
        return self.as_fields()

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in self.as_fields().items())
        return f"{type(self).__name__}({fields})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self).lean, self._values())

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler | None
    ) -> CoreSchema:
        """Validate an instance as itself and anything else as the fields; serialise the
        fields."""

        def accept(value: Any, validate_fields: core_schema.ValidatorFunctionWrapHandler) -> Any:
            if isinstance(value, cls):
                return value
            fields = validate_fields(value)
            first, second = cls._NAMES
            return cls.lean(fields[first], fields.get(second))

        return core_schema.no_info_wrap_validator_function(
            accept,
            cls._fields,
            ref=f"{cls.__module__}.{cls.__qualname__}",  # one entry in a schema's $defs
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda value: value.as_fields(), return_schema=cls._fields
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        """The schema of the pydantic model these values were, under the same name."""
        published = handler(cls._published_model.__pydantic_core_schema__)
        return handler.resolve_ref_schema(published)


class Speaker(_TwoStrings):
    """Who said a quote: a person or an organisation, with their role when given."""

    __slots__ = ("name", "role")
    _NAMES = ("name", "role")
    _SECOND_OPTIONAL = True
    name: str
    role: str | None


class Figure(_TwoStrings):
    """A number mentioned in an item, with its normalised value for matching."""

    __slots__ = ("text", "value")
    _NAMES = ("text", "value")
    text: str
    value: str


class Hedge(_TwoStrings):
    """Wording that marks a claim as unconfirmed, estimated, alleged or uncertain."""

    __slots__ = ("kind", "text")
    _NAMES = ("text", "kind")
    text: str
    kind: str


def _published() -> None:
    """Give each value the pydantic model whose JSON Schema it publishes (named as it is)."""
    config = ConfigDict(extra="forbid", allow_inf_nan=False)

    class Speaker(BaseModel):
        model_config = config
        name: str
        role: str | None = None

    class Figure(BaseModel):
        model_config = config
        text: str
        value: str = Field(
            description="Normalised form used to match, e.g. '1000' or '4.2e9 USD'."
        )

    class Hedge(BaseModel):
        model_config = config
        text: str
        kind: str = Field(description="unconfirmed, estimate, allegation, reported or uncertain")

    for value_class, model in ((_Speaker, Speaker), (_Figure, Figure), (_Hedge, Hedge)):
        model.__doc__ = value_class.__doc__
        model.model_rebuild(force=True)
        value_class._published_model = model


_Speaker, _Figure, _Hedge = Speaker, Figure, Hedge
_published()
