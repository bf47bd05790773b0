"""Where evidence sits along the article, for the map beside the scrollbar — in bulk.

Why Qt-free and in bulk: the map needs the height of thousands of spans, and asking Qt for
each (find the block, its layout, the line of the position) was 30,000 calls on every change
of the scroll range.  The view hands over one list — each paragraph's line count, read in one
pass over the blocks — and positions become line fractions by bisection here, the way the
scrollbar counts lines: a paragraph not yet laid out counts as one line.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from briefing_app.core.linking.span_index import SpanIndex
from briefing_app.core.model import Brief, SectionKind
from briefing_app.core.reading.tabs import MAIN_TABS

Span = tuple[int, int]
LANE_ORDER = [kind for kind, _, _ in MAIN_TABS] + [SectionKind.OTHER]


def paragraph_starts(text: str) -> list[int]:
    """Code-point start of each paragraph as the view splits them (at every newline)."""
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


class LineMap:
    """Code-point positions → fractions of the document's height in lines."""

    def __init__(self, starts: list[int], line_counts: list[int], text_length: int) -> None:
        if len(starts) != len(line_counts):
            raise ValueError("one line count per paragraph is needed")
        self._starts = starts
        self._counts = [max(n, 1) for n in line_counts]
        self._first = [0, *accumulate(self._counts)]
        self._ends = [*(s - 1 for s in starts[1:]), text_length]
        self.total_lines = max(self._first[-1], 1)

    def fraction(self, position: int) -> float:
        """Where ``position`` sits, from 0 (top) to 1 (bottom)."""
        b = max(bisect_right(self._starts, position) - 1, 0)
        start, end = self._starts[b], self._ends[b]
        inside = (position - start) / (end - start) if end > start else 0.0
        line = self._first[b] + min(int(inside * self._counts[b]), self._counts[b] - 1)
        return min(line / self.total_lines, 1.0)

    def span_fractions(self, spans: list[Span]) -> list[tuple[float, float]]:
        """Top and bottom fraction of each span."""
        fraction = self.fraction
        return [(fraction(s), fraction(max(e - 1, s))) for s, e in spans]


def evidence_lanes(brief: Brief, index: SpanIndex) -> list[tuple[SectionKind, list[Span]]]:
    """One lane per section kind that cites anything, in tab order: its merged spans."""
    spans = index.section_spans()
    lanes = []
    for kind in LANE_ORDER:
        merged = sorted(
            span
            for i, section in enumerate(brief.sections)
            if section.kind == kind
            for span in spans.get(i, [])
        )
        if merged:
            lanes.append((kind, merged))
    return lanes


def pixel_runs(
    fractions: list[tuple[float, float]], top: int, height: int, *, min_height: int
) -> list[tuple[int, int]]:
    """Merge fraction ranges into non-overlapping pixel runs ``(y0, y1)``."""
    runs: list[tuple[int, int]] = []
    for f0, f1 in sorted(fractions):
        y0 = top + int(f0 * height)
        y1 = max(top + int(f1 * height) + 1, y0 + min_height)
        if runs and y0 <= runs[-1][1]:
            runs[-1] = (runs[-1][0], max(runs[-1][1], y1))
        else:
            runs.append((y0, y1))
    return runs
