"""Where evidence sits along the article, for the map beside the scrollbar — in bulk.

Why Qt-free and in bulk: the map needs the height of thousands of spans, and asking Qt for
each (find the block, its layout, the line of the position) was 30,000 calls on every change
of the scroll range.  Spans are placed in their paragraphs once per
brief; when the layout changes the view hands over one list — each paragraph's line count,
read in one pass over the blocks — and heights follow from prefix sums, the way the
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


class LineCounts:
    """How many lines each paragraph takes now, and where each paragraph's first line is."""

    def __init__(self, counts: list[int]) -> None:
        self.counts = [n if n > 0 else 1 for n in counts]
        self.first = [0, *accumulate(self.counts)]
        self.total = max(self.first[-1], 1)


class SpanPlaces:
    """Spans located once in paragraphs (which one, and how far into it), so their heights
    for new line counts are a comprehension over plain lists, not a search per span."""

    def __init__(self, starts: tuple[list[int], list[float]], ends: tuple[list[int], list[float]]):
        self._starts, self._ends = starts, ends

    def fractions(self, lines: LineCounts) -> list[tuple[float, float]]:
        """Top and bottom of each span as fractions of the document's height."""
        first, counts, scale = lines.first, lines.counts, 1.0 / lines.total

        def heights(places: tuple[list[int], list[float]]) -> list[float]:
            blocks, inside = places
            return [(first[b] + w * counts[b]) * scale for b, w in zip(blocks, inside, strict=True)]

        return list(zip(heights(self._starts), heights(self._ends), strict=True))


class Paragraphs:
    """The article's paragraphs (code-point starts), to place positions and spans in them."""

    def __init__(self, starts: list[int], text_length: int) -> None:
        self.starts = starts
        self._ends = [*(s - 1 for s in starts[1:]), text_length]

    def __len__(self) -> int:
        return len(self.starts)

    def _locate(self, positions: list[int]) -> tuple[list[int], list[float]]:
        blocks, inside = [], []
        starts, ends = self.starts, self._ends
        for position in positions:
            b = bisect_right(starts, position) - 1
            b = b if b > 0 else 0
            start, end = starts[b], ends[b]
            blocks.append(b)
            inside.append((position - start) / (end - start) if end > start else 0.0)
        return blocks, inside

    def place(self, spans: list[Span]) -> SpanPlaces:
        """Locate every span once (its first and last character)."""
        return SpanPlaces(
            self._locate([s for s, _ in spans]),
            self._locate([e - 1 if e > s else s for s, e in spans]),
        )


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
