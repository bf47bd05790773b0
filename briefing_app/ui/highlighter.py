"""Per-paragraph highlighting of evidence, find matches and link tints in the article.

Why a QSyntaxHighlighter: formats live in each block's layout, are computed only for the
paragraph being drawn (a bisect into the span index and the match list), and a change
re-runs just the paragraphs it touches (``rehighlightBlock``).  One ExtraSelection per span
costs ~0.6 s per update on a 1 MB article, and QTextEdit char-format rewrites ~2 s.

Layers, weakest first: section tint (the link-tint toggle), the selected item's
corroborating spans (soft), its own span (strong), find matches, and a hover underline on
the span a click would follow.  Overlaps merge formats, so an underline survives a tint.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextDocument

from briefing_app.core.span_index import SpanIndex, SpanList
from briefing_app.ui.offsets import OffsetMap
from briefing_app.ui.themes import LIGHT, Theme

Span = tuple[int, int]
_FULL_REHIGHLIGHT_BLOCKS = 3000


class EvidenceHighlighter(QSyntaxHighlighter):
    """Paints the article's highlight layers; positions in and out are code points."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._offsets = OffsetMap("")
        self._index: SpanIndex | None = None
        self._own: list[Span] = []
        self._soft: list[Span] = []
        self._find = SpanList()
        self._hover: Span | None = None
        self._tint = False
        self._theme = LIGHT
        self._formats: dict[str, QTextCharFormat] = {}
        self._build_formats()

    # --- state setters: each rehighlights only what changed -----------------------------

    def set_article(self, offsets: OffsetMap, index: SpanIndex | None) -> None:
        """New text: forget per-item state; the document's own reset re-runs every block."""
        self._offsets = offsets
        self._index = index
        self._own, self._soft, self._hover = [], [], None
        self._find = SpanList()

    def set_item_spans(self, own: list[Span], soft: list[Span]) -> None:
        """Highlight the selected item: its own span strong, corroborating spans soft."""
        changed = [*self._own, *self._soft, *own, *soft]
        self._own, self._soft = list(own), list(soft)
        self.rehighlight_spans(changed)

    def set_find_matches(self, matches: list[Span]) -> None:
        """Show every find match (the current one is the text cursor's selection)."""
        changed = [*self._find.spans, *matches]
        self._find = SpanList(matches)
        self.rehighlight_spans(changed)

    def set_hover(self, span: Span | None) -> None:
        """Underline the span a click would follow, or nothing."""
        if span == self._hover:
            return
        changed = [s for s in (self._hover, span) if s is not None]
        self._hover = span
        self.rehighlight_spans(changed)

    def set_tint(self, enabled: bool) -> None:
        """Tint every linked span by its strongest citing section's colour."""
        if enabled == self._tint:
            return
        self._tint = enabled
        if self._index is not None:
            self.rehighlight_spans(self._index.cited_ranges())

    def set_theme(self, theme: Theme) -> None:
        """Switch colours and repaint every block."""
        self._theme = theme
        self._build_formats()
        self.rehighlight()

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
        find = QTextCharFormat()
        find.setBackground(theme.color("find_match"))
        hover = QTextCharFormat()
        hover.setFontUnderline(True)
        hover.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        hover.setUnderlineColor(theme.color("hover_line"))
        self._formats = {"own": own, "soft": soft, "find": find, "hover": hover}
        for kind in theme.section_tint:
            tint = QTextCharFormat()
            tint.setBackground(theme.section_tint_color(kind))
            self._formats[f"tint:{kind}"] = tint

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        """Qt callback: format one paragraph from the layers that overlap it."""
        if not (self._tint or self._own or self._soft or self._find.spans or self._hover):
            return
        block_utf16 = self.currentBlock().position()
        start = self._offsets.to_code_point(block_utf16)
        end = start + len(text)
        pieces: list[tuple[int, int, QTextCharFormat]] = []
        if self._tint and self._index is not None:
            for segment in self._index.segments_between(start, end):
                kind = str(segment.citations[0].section_kind)
                pieces.append((segment.start, segment.end, self._formats[f"tint:{kind}"]))
        for layer, spans in (("soft", self._soft), ("own", self._own)):
            fmt = self._formats[layer]
            pieces.extend((s, e, fmt) for s, e in spans if s < end and e > start)
        find = self._formats["find"]
        pieces.extend((s, e, find) for s, e in self._find.overlapping(start, end))
        if self._hover and self._hover[0] < end and self._hover[1] > start:
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
        for left, right in zip(cuts, cuts[1:], strict=False):
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
            if len(numbers) > _FULL_REHIGHLIGHT_BLOCKS:
                self.rehighlight()
                return
        for number in sorted(numbers):
            self.rehighlightBlock(document.findBlockByNumber(number))
