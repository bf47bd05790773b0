"""Share one Selector and one Link per distinct anchor while a ``.brief.json`` is read.

Why a reader's concern: a saved brief writes a cited sentence's anchor again for every item
that cites it.  Validated one by one, each repeat becomes objects of its own, three times as
many as the import made, and re-opening a long brief spends its time creating and
garbage-collecting them.  The pool goes in the validation context: a file's JSON is read
through its :class:`SharedValues` tables (``core.item_json``), Python data through the
methods here, which leave anything they cannot vouch for as data, for validation to report.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from pydantic import ValidationError

from briefing_app.core.item_json import SharedValues
from briefing_app.core.model import (
    ANCHOR_FIELDS,
    ANCHOR_POOL,
    Link,
    Selector,
    link_part,
    selector_part,
)

_anchor_values = itemgetter(*ANCHOR_FIELDS)


class AnchorPool(SharedValues):
    """One :class:`Selector` and one :class:`Link` per distinct anchor while a brief file is
    read (pass it in the validation context under ``AnchorPool.KEY``).

    Why: a saved brief repeats a cited sentence's anchor for every item that cites it.  Read
    one by one, each repeat becomes objects of its own, three times as many as the import
    made, and the reading time goes to creating and garbage-collecting them.  A file's JSON
    is checked natively and shared through :class:`SharedValues`; the methods here are for
    data read the Python way (``Brief.model_validate`` of a parsed file), where an anchor
    without exactly the written fields, or whose values do not validate, is left as data,
    for validation to report where it is.
    """

    KEY = ANCHOR_POOL

    def source(self, anchor: Any) -> Any:
        """The item's own span: a shared Selector, or the anchor's data as it is."""
        key = _full_anchor_key(anchor)
        selector = None if key is None else self._selector_of_data(key[:5])
        return selector_part(anchor) if selector is None else selector

    def link(self, anchor: Any) -> Any:
        """A corroborating span: a shared Link, or the anchor's data as it is."""
        key = _full_anchor_key(anchor)
        if key is None:
            return link_part(anchor)
        try:
            link = self._links.get(key)
        except TypeError:  # an unhashable value: for validation to report
            return link_part(anchor)
        if link is None:
            selector = self._selector_of_data(key[:5])
            if selector is None:
                return link_part(anchor)
            try:
                link = Link.lean(selector, *key[5:])
            except ValidationError:
                return link_part(anchor)
            self._links[key] = link
        return link

    def _selector_of_data(self, key: tuple[Any, ...]) -> Selector | None:
        try:
            selector = self._selectors.get(key)
        except TypeError:
            return None
        if selector is None:
            try:
                selector = Selector.lean(*key)
            except ValidationError:
                return None
            self._selectors[key] = selector
        return selector


def _full_anchor_key(anchor: Any) -> tuple[Any, ...] | None:
    """An anchor's eight values, when it has exactly the eight fields a written brief has.

    Equal values validate to equal objects (pydantic reads ``True`` and ``1.0`` as ``1``
    alike), so the first anchor with these values stands for every later one.
    """
    if type(anchor) is not dict or len(anchor) != len(ANCHOR_FIELDS):
        return None
    try:
        return _anchor_values(anchor)
    except KeyError:
        return None
