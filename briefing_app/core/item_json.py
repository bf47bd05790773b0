"""Read an item from a brief file's JSON in one native pass, then make its objects.

Why a path of its own for JSON: re-opening a saved 1 MB brief reads 3,600 items holding
26,000 anchors and 10,000 figures.  Validated the way Python data is (a wrap validator per
item, then one per anchor, selector, link and figure), pydantic calls back into Python
~60,000 times and the file took twice as long to validate as to parse.  Here pydantic
checks the item as the file writes it (plain fields, the ``anchors`` list, figure and
hedge objects) entirely in its own code, and one Python function per item turns the
checked values into the item's objects, sharing one object per distinct anchor and figure
through the anchor pool when the reader passes one.

Same acceptance as the Python path (``tests/test_item_json.py``): the field checks are the
same; the two a schema cannot state (``end`` not before ``start``; ``exact`` exactly that
long) are made here, and a link's reason, detail and score are checked by ``Link.lean`` as
that path checks them; an item in the in-memory shape (``source`` and ``links``) is read
the Python way.  What fails here is reported at the item; a reader wanting the exact field
(``readers.brief_json``) validates the file again the Python way, which names it.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter
from typing import Any

from pydantic import ValidationInfo
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from briefing_app.core.item_parts import ANCHOR_FIELDS, ANCHOR_POOL, ITEM_KIND_SCHEMA
from briefing_app.core.item_values import Figure, Hedge, Speaker
from briefing_app.core.slotted import defaulted_field
from briefing_app.core.span_values import Link, Selector

_TEXT = core_schema.str_schema()


def _required(schema: CoreSchema) -> core_schema.TypedDictField:
    return core_schema.typed_dict_field(schema)


def _record(fields: dict[str, core_schema.TypedDictField]) -> CoreSchema:
    return core_schema.typed_dict_schema(fields, extra_behavior="forbid")


# An ``anchors`` entry.  The selector's fields are checked here with Selector's field
# checks but not its two Python ones (an end before the start, an ``exact`` of the wrong
# length), which would be a call back into Python per anchor: SharedValues makes those,
# once per distinct anchor.  A link's reason, detail and score are checked by
# ``Link.lean`` (as the Python path checks them; the first entry, the item's own span, has
# them ignored there too).  A link with no reason is refused by ``Link.lean``.
_ANCHOR = _record({
    "start": _required(core_schema.int_schema(ge=0)),
    "end": _required(core_schema.int_schema(ge=0)),
    "exact": _required(_TEXT),
    "prefix": defaulted_field(_TEXT, ""),
    "suffix": defaulted_field(_TEXT, ""),
    "reason": defaulted_field(core_schema.any_schema(), None),
    "detail": defaulted_field(core_schema.any_schema(), ""),
    "score": defaulted_field(core_schema.any_schema(), 1.0),
})
# The speaker, figures and hedges by their own fields' schemas, which call no Python.
_ITEM_IN_FILE = _record({
    "id": _required(_TEXT),
    "kind": _required(ITEM_KIND_SCHEMA),
    "text": _required(_TEXT),
    "anchors": defaulted_field(core_schema.list_schema(_ANCHOR), []),
    "speaker": defaulted_field(core_schema.nullable_schema(Speaker.fields_schema()), None),
    "quote": defaulted_field(core_schema.nullable_schema(_TEXT), None),
    "figures": defaulted_field(core_schema.list_schema(Figure.fields_schema()), []),
    "dates": defaulted_field(core_schema.list_schema(_TEXT), []),
    "hedges": defaulted_field(core_schema.list_schema(Hedge.fields_schema()), []),
})
_anchor_values = itemgetter(*ANCHOR_FIELDS)
_selector_values = itemgetter(*ANCHOR_FIELDS[:5])


def file_item_schema(
    make_item: Callable[[dict[str, Any]], Any], python_schema: CoreSchema
) -> CoreSchema:
    """The schema of an item in a brief file's JSON: checked natively, then made into an
    item by ``make_item`` from its fields as held (``source`` and ``links`` for
    ``anchors``, value objects for the speaker, figures and hedges); what that refuses is
    tried with ``python_schema``, the item's Python-path schema, so JSON and Python data
    are read alike (a file's items take the first way, and only those).  A
    :class:`SharedValues` in the validation context (under ``ANCHOR_POOL``) is used for
    every item, so equal anchors and figures across the file are one object each."""

    def made(fields: dict[str, Any], info: ValidationInfo) -> Any:
        context = info.context
        shared = context.get(ANCHOR_POOL) if isinstance(context, dict) else None
        if not isinstance(shared, SharedValues):
            shared = SharedValues()
        anchors = fields.pop("anchors")
        if anchors:
            fields["source"] = shared.checked_selector(_selector_values(anchors[0]))
            try:
                fields["links"] = [
                    shared.checked_link(values) for values in map(_anchor_values, anchors[1:])
                ]
            except TypeError as error:  # a list or object where a link has a word or number
                raise PydanticCustomError(
                    "anchor", "an anchor's reason, detail or score is not a single value"
                ) from error
        else:
            fields["source"], fields["links"] = None, []
        speaker = fields["speaker"]
        if speaker is not None:
            fields["speaker"] = Speaker.lean(speaker["name"], speaker["role"])
        if fields["figures"]:
            fields["figures"] = [
                shared.checked_figure(f["text"], f["value"]) for f in fields["figures"]
            ]
        if fields["hedges"]:
            fields["hedges"] = [Hedge.lean(h["text"], h["kind"]) for h in fields["hedges"]]
        return make_item(fields)

    # An item given in its in-memory shape (``source`` and ``links`` rather than
    # ``anchors``), which the Python path also reads, is tried that way after the file's.
    return core_schema.union_schema(
        [core_schema.with_info_after_validator_function(made, _ITEM_IN_FILE), python_schema],
        mode="left_to_right",
    )


class SharedValues:
    """One Selector, Link and Figure per distinct value while a brief file is read.

    Why: a saved brief writes a cited sentence's anchor again for every item that cites it,
    and a figure again for every item that states it; made one by one, each repeat would be
    objects of its own (three times as many as the import made), and reading would spend its
    time creating and collecting them.  Takes values a schema has checked (the two checks
    no schema states, an end before the start and an ``exact`` of the wrong length, are made
    here, as ``PydanticCustomError``)."""

    def __init__(self) -> None:
        self._selectors: dict[tuple[Any, ...], Selector] = {}
        self._links: dict[tuple[Any, ...], Link] = {}
        self._figures: dict[tuple[str, str], Figure] = {}

    def checked_selector(self, values: tuple[Any, ...]) -> Selector:
        """The selector of checked (start, end, exact, prefix, suffix)."""
        found = self._selectors.get(values)
        if found is None:
            start, end, exact = values[0], values[1], values[2]
            if end < start:
                raise PydanticCustomError(
                    "anchor", "an anchor ends ({end}) before it starts ({start})",
                    {"start": start, "end": end},
                )
            if len(exact) != end - start:
                raise PydanticCustomError(
                    "anchor", "an anchor's exact text is not {length} characters long",
                    {"length": end - start},
                )
            found = self._selectors[values] = Selector.from_checked(*values)
        return found

    def checked_link(self, values: tuple[Any, ...]) -> Link:
        """The link of a checked anchor's eight values (in ``ANCHOR_FIELDS`` order)."""
        found = self._links.get(values)
        if found is None:
            found = self._links[values] = Link.lean(self.checked_selector(values[:5]), *values[5:])
        return found

    def checked_figure(self, text: str, value: str) -> Figure:
        """The figure of two checked strings."""
        key = (text, value)
        found = self._figures.get(key)
        if found is None:
            found = self._figures[key] = Figure.lean(text, value)
        return found
