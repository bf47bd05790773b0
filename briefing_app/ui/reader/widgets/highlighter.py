"""Per-paragraph highlighting of evidence, find matches and link tints in the article.

Why a QSyntaxHighlighter: formats live in each block's layout, are computed only for the
paragraph being drawn (a bisect into the span index and the match list), and a change
re-runs just the paragraphs it touches (``rehighlightBlock``).  One ExtraSelection per span
costs ~0.6 s per update on a 1 MB article, and QTextEdit char-format rewrites ~2 s.

Layers, weakest first: section tint (the link-tint toggle), the reader's own highlights
(a colour by meaning, each with its own underline style so colour is never the only cue),
the selected item's
corroborating spans (soft), its own span (strong), the passage on show ("Evidence 2 of 3"),
find matches, the current find match, and a hover underline on the span a click would
follow.  The passage on show and the find matches have colours of their own, distinct from
each other and from the reader's text selection.  Overlaps merge formats, so an underline
survives a tint.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Callable, Iterable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from briefing_app.core.annotations import HighlightColour
from briefing_app.core.linking.span_index import SpanIndex, SpanList
from briefing_app.ui.offsets import OffsetMap
from briefing_app.ui.themes import LIGHT, Theme

Span = tuple[int, int]
_Underline = QTextCharFormat.UnderlineStyle
# The cue that does not depend on colour: each highlight colour has its own underline.
READER_UNDERLINES: dict[str, QTextCharFormat.UnderlineStyle] = {
    HighlightColour.KEY_FACT: _Underline.SingleUnderline,
    HighlightColour.CONTESTED: _Underline.WaveUnderline,
    HighlightColour.FOLLOW_UP: _Underline.DashUnderline,
    HighlightColour.QUESTION: _Underline.DotLine,
    HighlightColour.BACKGROUND: _Underline.DashDotDotLine,
}
_SYNC_BLOCKS = 48  # re-run this many paragraphs at once; more go visible-first, in batches
_BATCH_BLOCKS = 200


class EvidenceHighlighter(QSyntaxHighlighter):
    """Paints the article's highlight layers; positions in and out are code points."""

    sync_blocks = _SYNC_BLOCKS

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._offsets = OffsetMap("")
        self._index: SpanIndex | None = None
        self._own: list[Span] = []
        self._soft: list[Span] = []
        self._current: Span | None = None
        self._find = SpanList()
        self._find_current: Span | None = None
        self._hover: Span | None = None
        self._marked: list[tuple[int, int, str]] = []  # the reader's highlights, by start
        self._marked_starts: list[int] = []
        self._marked_longest = 0
        self._tint = False
        self._headings: dict[str, str] = {}
        self._theme = LIGHT
        self._formats: dict[str, QTextCharFormat] = {}
        self._pending: set[int] = set()
        self._drain_timer = QTimer(self)
        self._drain_timer.setSingleShot(True)
        self._drain_timer.setInterval(0)
        self._drain_timer.timeout.connect(self._drain)
        self.visible_blocks: Callable[[], tuple[int, int]] = lambda: (0, -1)
        self._build_formats()

    # --- state setters: each rehighlights only what changed -----------------------------

    def set_article(
        self,
        offsets: OffsetMap,
        index: SpanIndex | None,
        headings: dict[str, str] | None = None,
    ) -> None:
        """New text: forget per-item state; the document's own reset re-runs every block.

        ``headings`` maps a section heading as written to its section kind, so heading
        lines in the text are set as headings in their section's colour.
        """
        self._offsets = offsets
        self._index = index
        self._headings = dict(headings or {})
        self._pending.clear()
        self._own, self._soft, self._hover, self._current = [], [], None, None
        self._find, self._find_current = SpanList(), None
        self._marked, self._marked_starts, self._marked_longest = [], [], 0

    def set_item_spans(self, own: list[Span], soft: list[Span], current: Span | None) -> None:
        """Highlight the selected item: its own span strong, corroborating spans soft, the
        passage on show in its own colour."""
        old = [*self._own, *self._soft, *([self._current] if self._current else [])]
        if (own, soft) == (self._own, self._soft):
            old = [self._current] if self._current else []  # only the passage on show moved
            changed = [*old, *([current] if current else [])]
        else:
            changed = [*old, *own, *soft, *([current] if current else [])]
        self._own, self._soft, self._current = list(own), list(soft), current
        self.rehighlight_spans(changed)

    def set_find_matches(self, matches: list[Span], current: Span | None) -> None:
        """Show every find match, and the current one in its own colour."""
        old_current = [self._find_current] if self._find_current else []
        new_current = [current] if current else []
        if matches is self._find.spans or matches == self._find.spans:
            changed = [*old_current, *new_current]  # stepping: only two matches change
        else:
            changed = [*self._find.spans, *matches, *old_current, *new_current]
            self._find = SpanList(matches)
        self._find_current = current
        self.rehighlight_spans(changed)

    def set_reader_highlights(self, highlights: Iterable[tuple[int, int, str]]) -> None:
        """Show the reader's highlights: (start, end, colour key) in code points."""
        new = sorted(highlights)
        changed = [(s, e) for s, e, _ in self._marked] + [(s, e) for s, e, _ in new]
        if new == self._marked:
            return
        self._marked = new
        self._marked_starts = [start for start, _end, _colour in new]
        self._marked_longest = max((e - s for s, e, _ in new), default=0)
        self.rehighlight_spans(changed)

    def _marked_between(self, start: int, end: int) -> list[tuple[int, int, str]]:
        first = bisect_left(self._marked_starts, start - self._marked_longest)
        last = bisect_left(self._marked_starts, end)
        return [piece for piece in self._marked[first:last] if piece[1] > start]

    def set_hover(self, span: Span | None) -> None:
        """Underline the span a click would follow, or nothing."""
        if span == self._hover:
            return
        changed = [s for s in (self._hover, span) if s is not None]
        self._hover = span
        self.rehighlight_spans(changed)

    def set_tint(self, enabled: bool, *, repaint: bool = True) -> None:
        """Tint every linked span by its strongest citing section's colour."""
        if enabled == self._tint:
            return
        self._tint = enabled
        if repaint and self._index is not None:
            self.rehighlight_spans(self._index.cited_ranges())

    def set_theme(self, theme: Theme) -> None:
        """Switch colours and repaint every block (visible ones first)."""
        self._theme = theme
        self._build_formats()
        document = self.document()
        if document is not None:
            self._queue(set(range(document.blockCount())))

    @property
    def pending(self) -> int:
        """Paragraphs still waiting to be re-highlighted in the background."""
        return len(self._pending)

    def flush(self) -> None:
        """Re-highlight every pending paragraph now."""
        while self._pending:
            self._drain(batch=len(self._pending))

    @property
    def tint_enabled(self) -> bool:
        """Whether the link tint layer is on."""
        return self._tint

    # --- painting -----------------------------------------------------------------------

    def _build_formats(self) -> None:
        theme = self._theme
        own = QTextCharFormat()
        own.setBackground(theme.color("own_span"))
        soft = QTextCharFormat()
        soft.setBackground(theme.color("soft_span"))
        # A dotted underline keeps corroborating spans distinct from section tints.
        soft.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        soft.setUnderlineColor(theme.color("hover_line"))
        current = QTextCharFormat()
        current.setBackground(theme.color("current_span"))
        current.setForeground(theme.color("current_text"))
        find = QTextCharFormat()
        find.setBackground(theme.color("find_match"))
        find_current = QTextCharFormat()
        find_current.setBackground(theme.color("find_current"))
        find_current.setForeground(theme.color("find_current_text"))
        hover = QTextCharFormat()
        hover.setFontUnderline(True)
        hover.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        hover.setUnderlineColor(theme.color("hover_line"))
        self._formats = {"own": own, "soft": soft, "current": current, "find": find,
                         "find_current": find_current, "hover": hover}
        for colour, style in READER_UNDERLINES.items():
            marked = QTextCharFormat()
            marked.setBackground(theme.highlight_color(colour))
            marked.setUnderlineStyle(style)
            marked.setUnderlineColor(theme.color("text"))
            self._formats[f"marked:{colour}"] = marked
        for kind in theme.section_tint:
            tint = QTextCharFormat()
            tint.setBackground(theme.section_tint_color(kind))
            self._formats[f"tint:{kind}"] = tint
            heading = QTextCharFormat()
            heading.setFontWeight(QFont.Weight.Bold)
            heading.setFontCapitalization(QFont.Capitalization.AllUppercase)
            heading.setFontLetterSpacing(106)
            heading.setForeground(theme.section_color(kind))
            self._formats[f"heading:{kind}"] = heading

    def highlightBlock(self, text: str) -> None:
        """Qt callback: format one paragraph from the layers that overlap it."""
        heading = self._headings.get(text.strip()) if self._headings else None
        if not (heading or self._tint or self._own or self._soft or self._find.spans
                or self._hover or self._current or self._marked):
            return
        block_utf16 = self.currentBlock().position()
        start = self._offsets.to_code_point(block_utf16)
        end = start + len(text)
        pieces: list[tuple[int, int, QTextCharFormat]] = []
        if heading:
            pieces.append((start, end, self._formats[f"heading:{heading}"]))
        if self._tint and self._index is not None:
            for segment in self._index.segments_between(start, end):
                kind = str(segment.citations[0].section_kind)
                pieces.append((segment.start, segment.end, self._formats[f"tint:{kind}"]))
        if self._marked:
            pieces.extend(
                (s, e, self._formats[f"marked:{colour}"])
                for s, e, colour in self._marked_between(start, end)
            )
        for layer, spans in (("soft", self._soft), ("own", self._own)):
            fmt = self._formats[layer]
            pieces.extend((s, e, fmt) for s, e in spans if s < end and e > start)
        if self._current:
            pieces.append((*self._current, self._formats["current"]))
        find = self._formats["find"]
        pieces.extend((s, e, find) for s, e in self._find.overlapping(start, end))
        if self._find_current:
            pieces.append((*self._find_current, self._formats["find_current"]))
        if self._hover:
            pieces.append((*self._hover, self._formats["hover"]))
        self._apply(pieces, start, end, block_utf16)

    def _apply(
        self, pieces: list[tuple[int, int, QTextCharFormat]], start: int, end: int, base: int
    ) -> None:
        """Merge overlapping pieces (later layers win) and set them in UTF-16 block units."""
        pieces = [(max(s, start), min(e, end), f) for s, e, f in pieces if s < end and e > start]
        if not pieces:
            return
        to_utf16 = self._offsets.to_utf16
        cuts = sorted({p for s, e, _ in pieces for p in (s, e)})
        for left, right in itertools.pairwise(cuts):
            merged: QTextCharFormat | None = None
            for s, e, fmt in pieces:
                if s <= left and e >= right:
                    if merged is None:
                        merged = QTextCharFormat(fmt)
                    else:
                        merged.merge(fmt)
            if merged is not None:
                u_left = to_utf16(left) - base
                self.setFormat(u_left, to_utf16(right) - base - u_left, merged)

    def rehighlight_spans(self, spans: Iterable[Span]) -> None:
        """Re-run the highlighter on just the paragraphs these code-point spans touch."""
        document = self.document()
        if document is None:
            return
        numbers: set[int] = set()
        for start, end in spans:
            first = document.findBlock(self._offsets.to_utf16(start))
            last = document.findBlock(self._offsets.to_utf16(max(end - 1, start)))
            if not first.isValid():
                continue
            last_number = last.blockNumber() if last.isValid() else first.blockNumber()
            numbers.update(range(first.blockNumber(), last_number + 1))
        self._queue(numbers)

    def _queue(self, numbers: set[int]) -> None:
        """Few paragraphs: now.  Many (tint toggle, a common word): the visible ones now,
        the rest in batches from the event loop, so the window never freezes."""
        document = self.document()
        if document is None:
            return
        if len(numbers) + len(self._pending) <= self.sync_blocks:
            for number in sorted(numbers | self._pending):
                self.rehighlightBlock(document.findBlockByNumber(number))
            self._pending.clear()
            return
        first, last = self.visible_blocks()
        now = {n for n in numbers if first <= n <= last}
        for number in sorted(now):
            self.rehighlightBlock(document.findBlockByNumber(number))
        self._pending |= numbers - now
        if self._pending:
            self._drain_timer.start()

    def _drain(self, batch: int = _BATCH_BLOCKS) -> None:
        document = self.document()
        if document is None:
            self._pending.clear()
            return
        for _ in range(min(batch, len(self._pending))):
            number = self._pending.pop()
            block = document.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)
        if self._pending:
            self._drain_timer.start()
