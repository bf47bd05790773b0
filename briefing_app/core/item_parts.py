"""An item's vocabulary in a brief file: its kinds, its ``anchors`` entries, and the shared
empty list.

Why apart from :mod:`briefing_app.core.items`: these are small and stable (an enum, one
pydantic model, the anchor fields and the anchor pool's context key, used by the readers
too); the item itself is a slotted class with its own schema plumbing.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt
from pydantic_core import core_schema

from briefing_app.core.span_values import LinkReason


class ItemKind(StrEnum):
    """What an item is: an assertion of fact, a quotation, a forward-looking point, or a
    reported statement (someone's words given without quotation marks: never shown as a
    quote)."""

    CLAIM = "claim"
    QUOTE = "quote"
    POINT = "point"
    STATEMENT = "statement"


# An item's ``kind`` as pydantic checks it (the item's schema and a file's, core.item_json).
ITEM_KIND_SCHEMA = core_schema.enum_schema(ItemKind, list(ItemKind), sub_type="str")


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


_SELECTOR_KEYS = ("start", "end", "exact", "prefix", "suffix")
ANCHOR_FIELDS = (*_SELECTOR_KEYS, "reason", "detail", "score")  # as a file writes them
_ANCHOR_KEYS = frozenset(ANCHOR_FIELDS)
# Validation context key for an anchor pool (``readers.anchor_pool.AnchorPool``): one
# object per distinct anchor and figure while a brief file is read.  The Python path asks it
# for each anchor (``source``, ``link``); a file's JSON is read through its tables, as a
# ``core.item_json.SharedValues`` (without one, nothing is shared).
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
