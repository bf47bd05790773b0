"""The evidence map beside the article's scrollbar.

Why: a reader checking a brief wants to see at a glance where each section's evidence sits
and which passages nothing cites.  One thin lane per section kind shows the spans that
section's items cite, at the height the scrollbar would take you there; the selected item's
spans are drawn across all lanes.  Gaps are uncited text.  Clicking the strip scrolls there.

Spans are placed in their paragraphs once per brief (``core.reading.evidence_map``); when
the document's line count changes (debounced) the view reads every paragraph's line count
in one pass and all heights follow in bulk; painting merges them into pixel runs per lane.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from briefing_app.core.model import SectionKind
from briefing_app.core.reading.evidence_map import (
    LineCounts,
    Paragraphs,
    SpanPlaces,
    pixel_runs,
)
from briefing_app.core.reading.link_words import TAB_TITLES
from briefing_app.ui.themes import LIGHT, Theme

Span = tuple[int, int]
MARKS_WIDTH = 14


class EvidenceMarks(QWidget):
    """A narrow strip of per-section lanes of evidence ticks, aligned with a scrollbar."""

    jumpRequested = Signal(float)  # fraction of the document height

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFixedWidth(MARKS_WIDTH)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName("Evidence map")
        self.setAccessibleDescription(
            "Where each section's evidence sits in the article, one lane per section; "
            "gaps are passages no item cites. Click to scroll there."
        )
        self.line_counts: Callable[[], LineCounts | None] = lambda: None
        self._theme = LIGHT
        self._paragraphs = Paragraphs([0], 0)
        self._lanes: list[tuple[SectionKind, SpanPlaces]] = []
        self._selected = SpanPlaces(([], []), ([], []))
        self._lane_fractions: list[list[tuple[float, float]]] = []
        self._selected_fractions: list[tuple[float, float]] = []
        self._lines: LineCounts | None = None
        self._groove = (0, 0)
        self._lane_runs: list[list[tuple[int, int]]] | None = None
        self._recompute_timer = QTimer(self)
        self._recompute_timer.setSingleShot(True)
        self._recompute_timer.setInterval(120)
        self._recompute_timer.timeout.connect(self.recompute)

    def set_lanes(
        self, lanes: list[tuple[SectionKind, SpanPlaces]], paragraphs: Paragraphs
    ) -> None:
        """One lane per section kind that cites anything: its merged cited spans, already
        placed in the article's paragraphs (``core.reading.document``)."""
        self._paragraphs = paragraphs
        self._lanes = list(lanes)
        self._selected = paragraphs.place([])
        names = ", ".join(TAB_TITLES.get(kind, "Other sections") for kind, _ in lanes)
        self.setToolTip(
            f"Evidence map, lanes left to right: {names}.\n"
            "Gaps are passages no item cites. Click to scroll there." if lanes else ""
        )
        self.recompute()

    def set_theme(self, theme: Theme) -> None:
        """Lane and selection colours."""
        self._theme = theme
        self.update()

    def set_selected(self, spans: list[Span]) -> None:
        """The selected item's spans, drawn across every lane."""
        self._selected = self._paragraphs.place(spans)
        lines = self._lines
        self._selected_fractions = self._selected.fractions(lines) if lines else []
        self.update()

    def set_groove(self, top: int, bottom: int) -> None:
        """The vertical extent (in this widget) that maps to the whole document."""
        if (top, bottom) != self._groove:
            self._groove = (top, bottom)
            self._lane_runs = None
            self.update()

    def schedule_recompute(self) -> None:
        """Recompute positions soon (the document's line count changed)."""
        self._recompute_timer.start()

    def recompute(self) -> None:
        """Turn every span into a fraction of the document height now (one bulk pass)."""
        self._recompute_timer.stop()
        lines = self._lines = self.line_counts()
        if lines is None:
            self._lane_fractions, self._selected_fractions = [], []
        else:
            self._lane_fractions = [places.fractions(lines) for _, places in self._lanes]
            self._selected_fractions = self._selected.fractions(lines)
        self._lane_runs = None
        self.update()

    def lane_colors(self) -> list[QColor]:
        """The colour of each lane drawn, left to right."""
        return [self._theme.section_color(kind) for kind, _ in self._lanes]

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw lanes as pixel runs, then the selected item's ticks on top."""
        top, bottom = self._groove
        if bottom <= top:
            top, bottom = 0, self.height()
        span_px = bottom - top
        if self._lane_runs is None:  # cached: selection changes repaint often
            self._lane_runs = [
                pixel_runs(fractions, top, span_px, min_height=2)
                for fractions in self._lane_fractions
            ]
        painter = QPainter(self)
        lanes = max(len(self._lane_runs), 1)
        lane_width = max((self.width() - 2) // lanes, 2)
        for lane, (runs, color) in enumerate(zip(self._lane_runs, self.lane_colors(),
                                                 strict=True)):
            x = 1 + lane * lane_width
            for y0, y1 in runs:
                painter.fillRect(QRect(x, y0, lane_width - 1, y1 - y0), color)
        for y0, y1 in pixel_runs(self._selected_fractions, top, span_px, min_height=3):
            painter.fillRect(QRect(0, y0, self.width(), y1 - y0), self._theme.color("accent"))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Clicking the strip asks the view to scroll to that height."""
        top, bottom = self._groove
        if bottom <= top:
            top, bottom = 0, self.height()
        fraction = (event.position().y() - top) / max(bottom - top, 1)
        self.jumpRequested.emit(min(max(fraction, 0.0), 1.0))
