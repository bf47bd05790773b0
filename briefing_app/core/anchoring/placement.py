"""Find an annotation's passage again after the article changed, and say how it was found.

Why a result and not just a selector: the reader shows how each annotation was placed — in
place, moved with the text around it, found with its wording changed (marked "text changed"
with the old and new words side by side until the user accepts it) or orphaned — and an
orphan is listed with why ("not found", or "two places match alike", and where), so the
user can re-attach it by hand instead of losing it.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing_app.core.anchoring.quote_match import score_at, search_quote
from briefing_app.core.anchoring.selectors import make_selector
from briefing_app.core.annotations import Placement
from briefing_app.core.model import Selector


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where an annotation's passage is now (``selector``; None for an orphan), how it was
    found, how well it agrees with what was stored (``score``, 1.0 = quote and context
    unchanged) and, for an orphan, why it was not placed."""

    placement: Placement
    selector: Selector | None
    score: float
    reason: str = ""


def anchor_selector(text: str, selector: Selector) -> Anchor:
    """Place a stored selector in ``text``: its stored position if that still holds its
    quote, else the quote found nearest the old position, else a changed quote found by its
    wording and context, else an orphan (never an exception, never a span outside ``text``).
    """
    exact = selector.exact
    start, end = selector.start, selector.end
    if not exact:
        return Anchor(Placement.ORPHAN, None, 0.0, "not found: the stored quote is empty")
    if end <= len(text) and text[start:end] == exact:
        score = score_at(text, start, end, exact, selector.prefix, selector.suffix)
        return Anchor(Placement.EXACT, make_selector(text, start, end, exact), score)
    search = search_quote(text, exact, prefix=selector.prefix, suffix=selector.suffix, hint=start)
    match = search.match
    if match is None:
        return Anchor(Placement.ORPHAN, None, 0.0, search.reason)
    placement = Placement.MOVED if match.verbatim else Placement.FUZZY
    return Anchor(placement, make_selector(text, match.start, match.end), match.score)


def reanchor(text: str, selector: Selector) -> Selector | None:
    """The selector placed in (possibly changed) ``text``; None means an orphan.

    Kept for callers that only need where (restoring a saved brief's item spans).
    """
    return anchor_selector(text, selector).selector
