"""W3C text selectors into the reading text, and finding them again after the text changes.

Owns the anchor invariant (``text[start:end] == exact``) and re-anchoring: the stored
position, then the exact quote nearest it, then the quote found by its wording and context
(scored, with a minimum score and a margin over any second place), else an orphan with its
reason.  Imports only the model and the annotation enums, so annotations, exports and the
linker can all use it.
"""

from briefing_app.core.anchoring.placement import Anchor, anchor_selector, reanchor
from briefing_app.core.anchoring.quote_match import (
    AMBIGUITY_MARGIN,
    MIN_SCORE,
    QuoteMatch,
    match_quote,
)
from briefing_app.core.anchoring.selectors import make_selector, selector_holds

__all__ = [
    "AMBIGUITY_MARGIN",
    "MIN_SCORE",
    "Anchor",
    "QuoteMatch",
    "anchor_selector",
    "make_selector",
    "match_quote",
    "reanchor",
    "selector_holds",
]
