"""Find-in-article: every match of a typed query, as code-point spans into the reading text.

Why a core module: what counts as a match is a product decision, not a widget detail, and the
CLI or an export may want it too.  Matching is case-insensitive (Unicode simple case folding,
which never changes lengths, so spans index the original text), treats any run of
whitespace in the query as any run of whitespace in the text (hard-wrapped articles break
lines mid-phrase), and lets straight and curly quotes and apostrophes stand for each other,
because readers type ``'`` while newsroom copy prints ``’``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left

_EQUIVALENT = {
    "'": "['\u2018\u2019\u02bc]",
    "\u2018": "['\u2018\u2019\u02bc]",
    "\u2019": "['\u2018\u2019\u02bc]",
    "\u02bc": "['\u2018\u2019\u02bc]",
    '"': '["\u201c\u201d]',
    "\u201c": '["\u201c\u201d]',
    "\u201d": '["\u201c\u201d]',
}
MAX_MATCHES = 100_000


def query_pattern(query: str) -> re.Pattern[str] | None:
    """The compiled pattern for a user's query, or None when the query is blank."""
    query = unicodedata.normalize("NFC", query).strip()
    if not query:
        return None
    parts: list[str] = []
    for char in query:
        if char.isspace():
            if not parts or parts[-1] != r"\s+":
                parts.append(r"\s+")
        else:
            parts.append(_EQUIVALENT.get(char, re.escape(char)))
    return re.compile("".join(parts), re.IGNORECASE)


def find_all(text: str, query: str, *, limit: int = MAX_MATCHES) -> list[tuple[int, int]]:
    """All non-overlapping matches of ``query`` in ``text`` as ``(start, end)`` code points.

    At most ``limit`` matches are returned, so a one-letter query on a huge article stays
    responsive.
    """
    pattern = query_pattern(query)
    if pattern is None:
        return []
    spans: list[tuple[int, int]] = []
    for match in pattern.finditer(text):
        spans.append(match.span())
        if len(spans) >= limit:
            break
    return spans


def match_at_or_after(matches: list[tuple[int, int]], position: int) -> int | None:
    """Index of the first match starting at or after ``position``, wrapping to the first."""
    if not matches:
        return None
    i = bisect_left([start for start, _ in matches], position)
    return i if i < len(matches) else 0


def step_match(count: int, current: int | None, *, backwards: bool = False) -> int | None:
    """The match index after (or before) ``current``, wrapping around; None when no matches."""
    if count <= 0:
        return None
    if current is None:
        return count - 1 if backwards else 0
    return (current + (-1 if backwards else 1)) % count

