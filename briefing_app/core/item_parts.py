"""The parts of an item (its kind, speaker, figures, hedges) and its shape in a brief file.

Why apart from :mod:`briefing_app.core.items`: these are ordinary pydantic models and the
file's vocabulary (anchor fields, the anchor pool's context key), small and stable; the
item itself is a slotted class with its own schema plumbing.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt

from briefing_app.core.span_values import LinkReason


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
_Model = TypeVar("_Model", bound=BaseModel)


class SharedEmptyList(list):  # type: ignore[type-arg]
    """The one empty list that every item with no links, figures, dates or hedges holds,
    instead of four empty lists of its own.

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


# Give an item this rather than a new empty list (see SharedEmptyList).
NO_ENTRIES: list[Any] = SharedEmptyList()


def _share_fields_set(instance: _Model, fields: set[str]) -> _Model:
    """Give ``instance`` the shared set of given field names (it was given all of them)."""
    object.__setattr__(instance, "__pydantic_fields_set__", fields)
    return instance


class StrictModel(BaseModel):
    """The models' common settings: unknown fields refused, no NaN or infinity."""

    model_config = ConfigDict(extra="forbid", frozen=False, allow_inf_nan=False)


class Anchor(StrictModel):
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


class Speaker(StrictModel):
    """Who said a quote: a person or an organisation, with their role when given."""

    name: str
    role: str | None = None

    @classmethod
    def lean(cls, name: str, role: str | None) -> Speaker:
        """A validated speaker sharing one set of given fields with every speaker built this
        way, instead of a set of its own (the largest part of a small model)."""
        return _share_fields_set(cls(name=name, role=role), _SPEAKER_FIELDS)


class Figure(StrictModel):
    """A number mentioned in an item, with its normalised value for matching."""

    text: str
    value: str = Field(description="Normalised form used to match, e.g. '1000' or '4.2e9 USD'.")

    @classmethod
    def lean(cls, text: str, value: str) -> Figure:
        """A validated figure sharing one set of given fields (see :meth:`Speaker.lean`)."""
        return _share_fields_set(cls(text=text, value=value), _FIGURE_FIELDS)


class Hedge(StrictModel):
    """Wording that marks a claim as unconfirmed, estimated, alleged or uncertain."""

    text: str
    kind: str = Field(description="unconfirmed, estimate, allegation, reported or uncertain")

    @classmethod
    def lean(cls, text: str, kind: str) -> Hedge:
        """A validated hedge sharing one set of given fields (see :meth:`Speaker.lean`)."""
        return _share_fields_set(cls(text=text, kind=kind), _HEDGE_FIELDS)


_SELECTOR_KEYS = ("start", "end", "exact", "prefix", "suffix")
ANCHOR_FIELDS = (*_SELECTOR_KEYS, "reason", "detail", "score")  # as a file writes them
_ANCHOR_KEYS = frozenset(ANCHOR_FIELDS)
# Validation context key for an anchor pool (``readers.anchor_pool.AnchorPool``): an object
# with ``source(anchor)`` and ``link(anchor)`` that returns shared objects, or the data.
ANCHOR_POOL = "anchor_pool"


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


def item_in_file(description: str) -> type[StrictModel]:
    """The model of an item as a brief file holds it, named ``Item`` in the JSON Schema
    (published for the in-memory ``Item``, described by ``description``)."""

    class Item(StrictModel):  # the file's shape, for the published schema only
        id: str
        kind: ItemKind
        text: str
        anchors: list[dict[str, Any]] = Field(
            default_factory=list,
            description="First the item's own span (reason 'source'), then corroborating "
            "spans, strongest first.",
        )
        speaker: Speaker | None = None
        quote: str | None = Field(
            default=None,
            description="For a quote whose other words only name the speaker: the quoted "
            "words alone, for display beside the speaker's name.",
        )
        figures: list[Figure] = Field(default_factory=list)
        dates: list[str] = Field(default_factory=list)
        hedges: list[Hedge] = Field(default_factory=list)

    Item.__doc__ = description
    return Item
