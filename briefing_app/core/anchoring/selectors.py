"""Make W3C-style selectors into the reading text, and find them again after it changes.

Why both selectors: a position is exact but breaks when text is edited; a quote with its
prefix and suffix survives edits.  Re-anchoring tries, in order: the position if its text
still matches, the exact quote nearest the old position, a fuzzy match scored on quote,
prefix, suffix and distance (with a minimum score and a margin over the runner-up), and
otherwise reports an orphan so the caller can keep it listed rather than lose it.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from briefing_app.core.model import CONTEXT_CHARS, Selector

FUZZY_MIN_SCORE = 0.75
FUZZY_MARGIN = 0.05
_MAX_FUZZY_CANDIDATES = 60
# Fuzzy comparison is quadratic in the quote's length. A passage longer than this is only
# found again exactly: an orphan that is kept and listed beats a window frozen for minutes.
_MAX_FUZZY_QUOTE = 2000


def make_selector(text: str, start: int, end: int, exact: str | None = None) -> Selector:
    """A selector for ``text[start:end]`` with up to 32 characters of context either side.

    ``exact``, when the caller already holds ``text[start:end]`` (an item's own text), is
    used as it is, so the two share one string instead of two copies.
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}-{end} is outside a text of {len(text)} characters")
    if exact is not None and exact != text[start:end]:
        raise ValueError(f"exact is not text[{start}:{end}]")
    return Selector.lean(
        start,
        end,
        text[start:end] if exact is None else exact,
        text[max(0, start - CONTEXT_CHARS) : start],
        text[end : end + CONTEXT_CHARS],
    )


def selector_holds(text: str, selector: Selector) -> bool:
    """The anchor invariant: position and quote agree, and the context is the real context."""
    start, end = selector.start, selector.end
    return (
        end <= len(text)
        and text[start:end] == selector.exact
        and text[max(0, start - CONTEXT_CHARS) : start] == selector.prefix
        and text[end : end + CONTEXT_CHARS] == selector.suffix
    )


def reanchor(text: str, selector: Selector) -> Selector | None:
    """Find the selector's quote in (possibly changed) text; None means an orphan."""
    exact = selector.exact
    if not exact:
        return None
    if selector.end <= len(text) and text[selector.start : selector.end] == exact:
        return make_selector(text, selector.start, selector.end)
    nearest = _nearest_exact(text, exact, selector.start)
    if nearest is not None:
        return make_selector(text, nearest, nearest + len(exact))
    found = _fuzzy(text, selector)
    if found is not None:
        return make_selector(text, found[0], found[1])
    return None


def _nearest_exact(text: str, exact: str, hint: int) -> int | None:
    best: int | None = None
    position = text.find(exact)
    while position != -1:
        if best is None or abs(position - hint) < abs(best - hint):
            best = position
        position = text.find(exact, position + 1)
    return best


def _similarity(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _fuzzy(text: str, selector: Selector) -> tuple[int, int] | None:
    """Score windows that share the quote's opening or closing words; demand a clear winner."""
    exact = selector.exact
    length = len(exact)
    if length > _MAX_FUZZY_QUOTE:
        return None
    probes = {exact[:12], exact[-12:], exact[length // 2 - 6 : length // 2 + 6]}
    starts: set[int] = set()
    for probe in probes:
        if len(probe.strip()) < 4:
            continue
        offset_in_exact = exact.find(probe)
        position = text.find(probe)
        while position != -1 and len(starts) < _MAX_FUZZY_CANDIDATES:
            starts.add(max(0, position - offset_in_exact))
            position = text.find(probe, position + 1)
    scored: list[tuple[float, int, int]] = []
    for start in starts:
        end = min(len(text), start + length)
        window = text[start:end]
        if SequenceMatcher(None, exact, window, autojunk=False).quick_ratio() < 0.6:
            continue
        quote = _similarity(exact, window)
        prefix = _similarity(selector.prefix, text[max(0, start - CONTEXT_CHARS) : start])
        suffix = _similarity(selector.suffix, text[end : end + CONTEXT_CHARS])
        distance = 1.0 - min(1.0, abs(start - selector.start) / max(1, len(text)))
        # Weights after the Hypothesis client: quote 50, prefix 20, suffix 20, position 2.
        score = (50 * quote + 20 * prefix + 20 * suffix + 2 * distance) / 92
        scored.append((score, start, end))
    if not scored:
        return None
    scored.sort(reverse=True)
    best = scored[0]
    # Windows overlapping the winner are the same place seen from another probe, not rivals.
    rivals = [score for score, start, _ in scored[1:] if abs(start - best[1]) > length // 2]
    runner_up = rivals[0] if rivals else 0.0
    if best[0] < FUZZY_MIN_SCORE or best[0] - runner_up < FUZZY_MARGIN:
        return None
    return best[1], best[2]
