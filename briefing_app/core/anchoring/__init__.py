"""W3C text selectors into the reading text, and finding them again after the text changes.

Owns the anchor invariant (``text[start:end] == exact``) and re-anchoring: position, then
exact quote, then fuzzy quote, else an orphan.  Imports only the model, so annotations,
exports and the linker can all use it.
"""

from briefing_app.core.anchoring.selectors import make_selector, reanchor, selector_holds

__all__ = ["make_selector", "reanchor", "selector_holds"]
