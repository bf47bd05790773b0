"""A reverse index from article positions to the items that cite them.

Why it exists: the reader needs three questions answered fast and without Qt — *which items
cite the text under the pointer* (tooltips, click-to-select), *which linked spans fall in
this paragraph* (the per-block highlighter) and *where does each section's evidence sit*
(the marks beside the scrollbar, the coverage figure).  Anchors overlap freely, so the index
cuts the article into elementary segments at every anchor boundary; each segment knows the
citations covering it, strongest first.  Building ranks every citation by strength once and
sweeps the boundaries left to right keeping the covering citations as a sorted list of ranks
(an insert or removal per boundary, never a re-sort), so it costs O(n log n) plus the size of
the output; every lookup is a bisect.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable
from typing import NamedTuple

from briefing_app.core.model import Brief, Item, LinkReason, SectionKind


class Citation(NamedTuple):
    """One anchor of one item: the span it covers and why it belongs to the item.

    A NamedTuple, not a dataclass: a big brief makes tens of thousands of these and
    tuples are several times cheaper to build.
    """

    item_id: str
    section_index: int
    section_kind: SectionKind
    anchor_index: int
    start: int
    end: int
    reason: LinkReason
    score: float
    detail: str = ""

    @property
    def is_own_span(self) -> bool:
        """True for the item's own sentence or paragraph (``Item.source``)."""
        return self.anchor_index == 0


class Segment(NamedTuple):
    """A stretch of article text covered by the same set of citations, strongest first."""

    start: int
    end: int
    citations: tuple[Citation, ...]


def citation_strength(citation: Citation) -> tuple[int, float, int, int, int, int, str]:
    """Sort key, strongest first: own spans, then higher score, then narrower, then order.

    The last fields make it a total order, so equally strong citations always come out in
    the same order (the first click on a passage must not depend on how it was indexed).
    """
    return (
        0 if citation.is_own_span else 1,
        -citation.score,
        citation.end - citation.start,
        citation.section_index,
        citation.start,
        citation.anchor_index,
        citation.item_id,
    )


class SpanIndex:
    """Position → citations, and section → merged spans, for one brief's article."""

    def __init__(self, brief: Brief) -> None:
        self.text_length = len(brief.article.text)
        self._items: dict[str, Item] = {}
        self._section_of_item: dict[str, int] = {}
        self._by_item: dict[str, list[Citation]] = {}
        citations = self._collect(brief)
        self._segments = _segments(citations)
        self._starts = [segment.start for segment in self._segments]
        self._section_spans = _merged_by_section(citations)

    def _collect(self, brief: Brief) -> list[Citation]:
        """Every anchor of every item, clamped to the article (bad input must not crash).
        Built positionally, in one loop per item: a long brief has tens of thousands."""
        length = self.text_length
        make = Citation._make
        citations: list[Citation] = []
        for section_index, section in enumerate(brief.sections):
            kind = section.kind
            for item in section.items:
                item_id = item.id
                self._items[item_id] = item
                self._section_of_item[item_id] = section_index
                parts = [(link.selector, link.reason, link.score, link.detail)
                         for link in item.links]
                if item.source is not None:  # anchor 0 is always the own span
                    parts.insert(0, (item.source, LinkReason.SOURCE, 1.0, ""))
                own: list[Citation] = []
                for anchor_index, (selector, reason, score, detail) in enumerate(
                    parts, start=0 if item.source is not None else 1
                ):
                    start = min(selector.start, length)
                    end = min(max(selector.end, start), length)
                    citation = make((item_id, section_index, kind, anchor_index, start, end,
                                     reason, score, detail))
                    own.append(citation)
                    if end > start:
                        citations.append(citation)
                self._by_item[item_id] = own
        return citations

    # --- lookups -------------------------------------------------------------------------

    def citations_at(self, position: int) -> tuple[Citation, ...]:
        """The citations covering ``position`` (a code point), strongest first."""
        i = bisect_right(self._starts, position) - 1
        if i >= 0 and position < self._segments[i].end:
            return self._segments[i].citations
        return ()

    def segments_between(self, start: int, end: int) -> list[Segment]:
        """The linked segments overlapping ``[start, end)``, in text order."""
        i = max(bisect_right(self._starts, start) - 1, 0)
        found: list[Segment] = []
        while i < len(self._segments) and self._segments[i].start < end:
            segment = self._segments[i]
            if segment.end > start:
                found.append(segment)
            i += 1
        return found

    def citations_of(self, item_id: str) -> list[Citation]:
        """All anchors of one item as citations, own span first (empty if unknown)."""
        return list(self._by_item.get(item_id, ()))

    def item(self, item_id: str) -> Item | None:
        """The item with this id, if the brief has it."""
        return self._items.get(item_id)

    def section_index_of(self, item_id: str) -> int | None:
        """Index into ``brief.sections`` of the section holding the item."""
        return self._section_of_item.get(item_id)

    def section_spans(self) -> dict[int, list[tuple[int, int]]]:
        """Per section index, the merged spans its items cite (for the scrollbar marks)."""
        return {index: list(spans) for index, spans in self._section_spans.items()}

    def cited_ranges(self) -> list[tuple[int, int]]:
        """Maximal stretches of text that at least one item cites."""
        ranges: list[tuple[int, int]] = []
        for segment in self._segments:
            if ranges and ranges[-1][1] == segment.start:
                ranges[-1] = (ranges[-1][0], segment.end)
            else:
                ranges.append((segment.start, segment.end))
        return ranges

    def uncited_ranges(self) -> list[tuple[int, int]]:
        """Stretches of text no item cites: the passages a careful reader checks by hand."""
        gaps: list[tuple[int, int]] = []
        cursor = 0
        for start, end in self.cited_ranges():
            if start > cursor:
                gaps.append((cursor, start))
            cursor = end
        if cursor < self.text_length:
            gaps.append((cursor, self.text_length))
        return gaps

    def coverage(self) -> float:
        """Fraction of the article's characters cited by at least one item (0 for empty)."""
        if not self.text_length:
            return 0.0
        cited = sum(end - start for start, end in self.cited_ranges())
        return cited / self.text_length


def _segments(citations: list[Citation]) -> list[Segment]:
    """Cut the text at every boundary; each piece lists the citations covering it.

    A sweep: citations are ranked by :func:`citation_strength` once, and the set covering
    the current piece is a sorted list of ranks that gains and loses one rank per boundary
    event, so a piece's citations come out strongest first without sorting them again.
    """
    if not citations:
        return []
    # The keys of citation_strength, built in one comprehension (no call per citation).
    keys = [
        (c.anchor_index != 0, -c.score, c.end - c.start, c.section_index, c.start,
         c.anchor_index, c.item_id)
        for c in citations
    ]
    ranked = [citations[i] for i in sorted(range(len(citations)), key=keys.__getitem__)]
    starts = [citation.start for citation in ranked]
    by_start = sorted(range(len(ranked)), key=starts.__getitem__)
    ends_at: dict[int, list[int]] = {}
    for rank, citation in enumerate(ranked):
        ends_at.setdefault(citation.end, []).append(rank)
    boundaries = sorted(set(starts) | ends_at.keys())
    active: list[int] = []
    segments: list[Segment] = []
    next_start = 0
    for left, right in itertools.pairwise(boundaries):
        for rank in ends_at.get(left, ()):
            del active[bisect_left(active, rank)]
        while next_start < len(by_start) and starts[by_start[next_start]] == left:
            insort(active, by_start[next_start])
            next_start += 1
        if active:
            segments.append(Segment(left, right, tuple(map(ranked.__getitem__, active))))
    return segments


def _merged_by_section(citations: list[Citation]) -> dict[int, list[tuple[int, int]]]:
    """Union of each section's cited spans, sorted and with overlaps merged."""
    raw: dict[int, list[tuple[int, int]]] = {}
    for citation in citations:
        raw.setdefault(citation.section_index, []).append((citation.start, citation.end))
    merged: dict[int, list[tuple[int, int]]] = {}
    for section_index, spans in raw.items():
        spans.sort()
        out: list[tuple[int, int]] = []
        for start, end in spans:
            if out and start <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], end))
            else:
                out.append((start, end))
        merged[section_index] = out
    return merged


class SpanList:
    """Sorted, non-overlapping spans (e.g. find matches) with bisect range queries."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.spans = sorted(spans)
        self._ends = [end for _, end in self.spans]

    def __len__(self) -> int:
        return len(self.spans)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans overlapping ``[start, end)``, in order."""
        i = bisect_left(self._ends, start + 1)
        found = []
        while i < len(self.spans) and self.spans[i][0] < end:
            found.append(self.spans[i])
            i += 1
        return found
