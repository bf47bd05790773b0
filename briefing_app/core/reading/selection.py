"""The selected item and which of its linked passages is on show ("Evidence 2 of 3").

Why Qt-free: stepping, wrapping, what the footer says and — above all — what a click in the
article means are product rules.  A plain click places the caret (the reader will select
text to annotate it); only a click on *highlighted* evidence selects the items citing it.
Highlighted means one of the selected item's passages, or any cited passage while the link
tint shows them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing_app.core.linking.span_index import Citation, SpanIndex
from briefing_app.core.reading.link_words import LinkChip, describe_link, link_chips

Span = tuple[int, int]
NO_SELECTION_HINT = "Select an item to see its evidence"


@dataclass(frozen=True)
class EvidenceView:
    """What the window draws for the selection: spans by strength, the footer's words."""

    item_id: str | None = None
    own: list[Span] = field(default_factory=list)
    soft: list[Span] = field(default_factory=list)
    current: Span | None = None
    position: int = 0
    count: int = 0
    chips: list[LinkChip] = field(default_factory=list)
    reason: str = NO_SELECTION_HINT  # why the passage on show is linked, or a hint

    @property
    def counter(self) -> str:
        """"Evidence 2 of 3" (what the ‹ › buttons step through), or "Evidence" alone."""
        return f"Evidence {self.position + 1} of {self.count}" if self.count else "Evidence"

    @property
    def spans(self) -> list[Span]:
        """Every highlighted span, own first."""
        return self.own + self.soft


class Selection:
    """One selected item (or none) of one brief, and the evidence position within it."""

    def __init__(self, index: SpanIndex | None = None) -> None:
        self._index = index
        self._item_id: str | None = None
        self._position = 0

    def reset(self, index: SpanIndex | None) -> None:
        """A new brief: nothing selected."""
        self._index, self._item_id, self._position = index, None, 0

    @property
    def item_id(self) -> str | None:
        """The selected item's id, if any."""
        return self._item_id

    @property
    def position(self) -> int:
        """Which of the selected item's passages is on show (0 = its own)."""
        return self._position

    def citations(self) -> list[Citation]:
        """The selected item's passages, own first (empty without a selection)."""
        if self._index is None or self._item_id is None:
            return []
        return self._index.citations_of(self._item_id)

    def select(self, item_id: str, evidence: int = 0) -> bool:
        """Select an item at one of its passages (clamped); False if the brief lacks it."""
        if self._index is None or self._index.item(item_id) is None:
            return False
        self._item_id = item_id
        count = len(self._index.citations_of(item_id))
        self._position = min(max(evidence, 0), max(count - 1, 0))
        return True

    def clear(self) -> None:
        """Select nothing."""
        self._item_id, self._position = None, 0

    def step(self, delta: int) -> bool:
        """Show the next (+1) or previous (-1) passage, wrapping; False with nothing to step."""
        count = len(self.citations())
        if not count:
            return False
        self._position = (self._position + delta) % count
        return True

    def to_source(self) -> bool:
        """Back to the item's own passage; False without a selection."""
        if self._item_id is None:
            return False
        self._position = 0
        return True

    def view(self) -> EvidenceView:
        """What to draw now."""
        citations = self.citations()
        if self._item_id is None or self._index is None:
            return EvidenceView()
        spans = [(c.start, c.end) for c in citations]
        own = [s for c, s in zip(citations, spans, strict=True) if c.is_own_span and s[1] > s[0]]
        soft = [s for c, s in zip(citations, spans, strict=True)
                if not c.is_own_span and s[1] > s[0]]
        if not citations:
            return EvidenceView(self._item_id, reason="No linked passage in the article")
        current = citations[self._position]
        item = self._index.item(self._item_id)
        assert item is not None
        return EvidenceView(
            self._item_id, own, soft, (current.start, current.end), self._position,
            len(citations), link_chips(item), describe_link(current),
        )

    def is_highlighted(self, position: int, *, tint: bool) -> bool:
        """Whether the text at ``position`` is drawn as evidence (so a click there selects)."""
        if self._index is None:
            return False
        if tint:
            return bool(self._index.citations_at(position))
        return any(c.start <= position < c.end for c in self.citations())

    def click_target(self, position: int, *, tint: bool) -> Citation | None:
        """The citation a click at ``position`` selects: the strongest there, but only on
        highlighted evidence — anywhere else a click just places the caret."""
        if self._index is None or not self.is_highlighted(position, tint=tint):
            return None
        citations = self._index.citations_at(position)
        return citations[0] if citations else None
