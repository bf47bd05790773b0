"""Find in the article as state: the query, its matches and which one is current.

Why Qt-free: where a new search starts (the first match at or after the top of the view),
how next and previous wrap and what the bar says ("3 of 12", "No matches") are decisions
the tests pin down without a window; the bar and the highlighter draw what this holds.
"""

from __future__ import annotations

from briefing_app.core.text.find import find_all, match_at_or_after, step_match

Span = tuple[int, int]


class FindState:
    """Matches of one query in one text; ``current`` indexes ``matches``."""

    def __init__(self) -> None:
        self.query = ""
        self.matches: list[Span] = []
        self.current: int | None = None

    def search(self, text: str, query: str, from_position: int = 0) -> None:
        """Find every match; the first at or after ``from_position`` becomes current."""
        self.query = query
        self.matches = find_all(text, query)
        self.current = match_at_or_after(self.matches, from_position)

    def step(self, *, backwards: bool = False) -> Span | None:
        """Move to the next (or previous) match, wrapping; the new current span."""
        self.current = step_match(len(self.matches), self.current, backwards=backwards)
        return self.current_span()

    def clear(self) -> None:
        """No query, no matches."""
        self.query, self.matches, self.current = "", [], None

    def current_span(self) -> Span | None:
        """The current match, if any."""
        if self.current is None or not self.matches:
            return None
        return self.matches[self.current]

    def status(self) -> str:
        """"3 of 12", "No matches", or nothing for a blank query."""
        if not self.query.strip():
            return ""
        if not self.matches:
            return "No matches"
        if self.current is None:
            return f"{len(self.matches)} matches"
        return f"{self.current + 1} of {len(self.matches)}"
