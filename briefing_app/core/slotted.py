"""What the brief's slotted classes share: pydantic validation and serialisation, equality.

Why: a brief holds one selector, link, item and figure per passage, and a pydantic model
instance keeps a ``__dict__`` of its fields (hundreds of bytes each); an article of 220,000
one-line paragraphs needed over 300 MiB (issue 9).  ``Selector``, ``Link``, ``Speaker``,
``Figure``, ``Hedge`` (immutable :class:`SlottedValue` subclasses) and ``Item`` (mutable:
:class:`NamedFields` and :class:`PydanticMethods` only) are slotted classes instead, and
this module is the one place that makes them behave to pydantic, to the JSON files and to
scripts as the models did: they validate with the same checks (pydantic's
``ValidationError``), sit in models as fields, serialise to the same JSON, and can publish
the JSON Schema of the model they replace.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any, ClassVar, NoReturn

from pydantic import BaseModel, GetCoreSchemaHandler, GetJsonSchemaHandler, TypeAdapter
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, SchemaValidator, core_schema


def defaulted_field(schema: CoreSchema, default: Any) -> core_schema.TypedDictField:
    """A typed-dict field that may be left out, validated to ``default`` when it is."""
    return core_schema.typed_dict_field(
        core_schema.with_default_schema(schema, default=default), required=False
    )


def core_schema_of(kind: Any) -> CoreSchema:
    """The core schema of a class that defines its own (to nest it in another schema)."""
    return kind.__get_pydantic_core_schema__(kind, None)  # type: ignore[no-any-return]


class PydanticMethods:
    """The ``model_*`` methods of a pydantic model, for a class with its own core schema."""

    __slots__ = ()
    _adapter: ClassVar[TypeAdapter[Any] | None] = None

    @classmethod
    def _type_adapter(cls) -> TypeAdapter[Any]:
        adapter = cls.__dict__.get("_adapter")  # one per class, not inherited
        if adapter is None:
            adapter = cls._adapter = TypeAdapter(cls)
        return adapter

    @classmethod
    def model_validate(cls, data: Any, *, context: Any = None) -> Any:
        """Validate ``data`` (an instance or its fields) as pydantic's models do."""
        return cls._type_adapter().validate_python(data, context=context)

    @classmethod
    def model_validate_json(cls, data: str | bytes, *, context: Any = None) -> Any:
        """Validate a JSON object of the fields."""
        return cls._type_adapter().validate_json(data, context=context)

    def model_dump(self, **options: Any) -> dict[str, Any]:
        """The fields as a dict (``mode="json"`` gives plain strings for enums)."""
        return self._type_adapter().dump_python(self, **options)  # type: ignore[no-any-return]

    def model_dump_json(self, **options: Any) -> str:
        """The fields as a JSON object."""
        return self._type_adapter().dump_json(self, **options).decode()


def _slot_setter(cls: type) -> Callable[..., None]:
    """``_set`` for a class whose slots are its ``_NAMES``: each value stored through its
    slot's descriptor, unrolled for the common sizes.  Why: a saved brief makes tens of
    thousands of these, and a loop of ``object.__setattr__`` by name took four times as
    long as the stores themselves."""
    setters = tuple(getattr(cls, name).__set__ for name in cls._NAMES)  # type: ignore[attr-defined]
    if len(setters) == 2:
        first, second = setters

        def set_two(self: object, a: Any, b: Any) -> None:
            first(self, a)
            second(self, b)

        return set_two
    if len(setters) == 4:
        one, two, three, four = setters

        def set_four(self: object, a: Any, b: Any, c: Any, d: Any) -> None:
            one(self, a)
            two(self, b)
            three(self, c)
            four(self, d)

        return set_four

    def set_each(self: object, *values: Any) -> None:
        if len(values) != len(setters):
            raise TypeError(f"{len(setters)} values expected, {len(values)} given")
        for setter, value in zip(setters, values, strict=True):
            setter(self, value)

    return set_each


def _refuse_change(self: object, name: str, value: object) -> NoReturn:
    raise TypeError(f"{type(self).__name__} is immutable: make a new one instead")


class NamedFields:
    """Equality and ``repr`` by the fields named in ``_NAMES`` (in their JSON order), as a
    pydantic model compares and shows itself."""

    __slots__ = ()
    _NAMES: ClassVar[tuple[str, ...]]
    _read_values: ClassVar[Callable[[Any], tuple[Any, ...]]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "_NAMES" in cls.__dict__:
            # (one C call for all the fields: writing a brief reads tens of thousands)
            if len(cls._NAMES) > 1:
                cls._read_values = attrgetter(*cls._NAMES)  # (a C callable: no binding)
            else:  # (attrgetter of one name gives the value alone, not in a tuple)
                name = cls._NAMES[0]
                cls._read_values = staticmethod(  # type: ignore[assignment]
                    lambda value: (getattr(value, name),)
                )

    def _values(self) -> tuple[Any, ...]:
        return self._read_values(self)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self is other or self._values() == other._values()  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        fields = ", ".join(
            f"{name}={value!r}" for name, value in zip(self._NAMES, self._values(), strict=True)
        )
        return f"{type(self).__name__}({fields})"


class SlottedValue(NamedFields, PydanticMethods):
    """An immutable value of named fields (``_NAMES``, in their JSON order), validated by
    the typed-dict schema ``_fields`` (which gives every field, defaults filled in).

    A subclass sets ``_NAMES`` and ``_fields``, and ``_published_model`` when it publishes a
    model's JSON Schema under that model's name; ``_set`` stores the values (override it
    when the slots are not the names).
    """

    __slots__ = ()
    _fields: ClassVar[CoreSchema]
    _validator: ClassVar[SchemaValidator]
    _published_model: ClassVar[type[BaseModel] | None] = None

    __setattr__ = _refuse_change
    __delattr__ = _refuse_change  # type: ignore[assignment]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "_fields" in cls.__dict__:
            cls._validator = SchemaValidator(cls._fields, config={"title": cls.__name__})
        if "_NAMES" in cls.__dict__ and "_set" not in cls.__dict__:
            cls._set = _slot_setter(cls)  # type: ignore[method-assign]

    @classmethod
    def fields_schema(cls) -> CoreSchema:
        """The typed-dict schema of the fields alone: what a reader that checks a whole
        file natively, and makes the objects itself, validates them with."""
        return cls._fields

    def __init__(self, **fields: Any) -> None:
        """From the fields by name, checked (pydantic's ``ValidationError`` when one is
        missing, unknown or wrong, as the models these were raised)."""
        checked = self._validator.validate_python(fields)
        self._set(*(checked[name] for name in self._NAMES))

    def _set(self, *values: Any) -> None:
        """Store the values, in ``_NAMES`` order, in a new instance's slots: made for each
        class by ``_slot_setter`` (a class whose slots are not its names defines its own)."""
        raise NotImplementedError(f"{type(self).__name__} names no fields (_NAMES)")

    @classmethod
    def from_checked(cls, *values: Any) -> Any:
        """An instance of values the caller has checked, in ``_NAMES`` order (a reader
        that validated them itself, as ``core.item_json`` does, makes thousands)."""
        value = cls.__new__(cls)
        value._set(*values)
        return value

    @classmethod
    def _from_fields(cls, fields: dict[str, Any]) -> Any:
        """An instance from fields the schema has checked."""
        value = cls.__new__(cls)
        value._set(*(fields[name] for name in cls._NAMES))
        return value

    def as_fields(self) -> dict[str, Any]:
        """The fields by name (serialisation writes each as its JSON)."""
        return dict(zip(self._NAMES, self._values(), strict=True))

    def __hash__(self) -> int:
        return hash(self._values())

    def __reduce__(self) -> tuple[Any, ...]:
        return (self._from_fields, (self.as_fields(),))

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler | None
    ) -> CoreSchema:
        """Validate an instance as itself and anything else as the fields; serialise the
        fields, so a model holding one writes the object it always wrote."""

        def accept(value: Any, validate_fields: core_schema.ValidatorFunctionWrapHandler) -> Any:
            if isinstance(value, cls):
                return value
            return cls._from_fields(validate_fields(value))

        published = cls._published_model is not None
        return core_schema.no_info_wrap_validator_function(
            accept,
            cls._fields,
            # (a published schema is one entry of a schema's $defs)
            ref=f"{cls.__module__}.{cls.__qualname__}" if published else None,
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda value: value.as_fields(), return_schema=cls._fields
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        """The published model's schema, under its name; else the fields'."""
        if cls._published_model is None:
            return handler(schema)
        published = handler(cls._published_model.__pydantic_core_schema__)
        return handler.resolve_ref_schema(published)
