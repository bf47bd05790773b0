"""Make W3C-style selectors into the reading text, and check that one still holds.

Why both selectors: a position is exact but breaks when text is edited; a quote with its
prefix and suffix survives edits, and is what re-anchoring (:mod:`.placement`) searches for.
"""

from __future__ import annotations

from briefing_app.core.model import Selector


def make_selector(text: str, start: int, end: int, exact: str | None = None) -> Selector:
    """A selector for ``text[start:end]`` with up to 32 characters of context either side.

    ``exact``, when the caller already holds ``text[start:end]`` (an item's own text), is
    used as it is, so the two share one string; without it, the passage, like the prefix
    and suffix, is read from ``text`` when asked (the selector keeps ``text``, not copies).
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}-{end} is outside a text of {len(text)} characters")
    if exact is not None and exact != text[start:end]:
        raise ValueError(f"exact is not text[{start}:{end}]")
    return Selector.in_text(text, start, end, exact)


def selector_holds(text: str, selector: Selector) -> bool:
    """The anchor invariant: position and quote agree, and the context is the real context
    (:meth:`Selector.holds_in`)."""
    return selector.holds_in(text)
