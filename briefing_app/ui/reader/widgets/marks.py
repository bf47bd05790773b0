"""The evidence map beside the article's scrollbar.

Why: a reader checking a brief wants to see at a glance where each section's evidence sits
and which passages nothing cites.  One thin lane per section kind shows the spans that
section's items cite, at the height the scrollbar would take you there; the selected item's
spans are drawn across all lanes.  Gaps are uncited text.  Clicking the strip scrolls there.

Positions come as code-point spans; a ``locate`` callback (from the view) turns a position
into a fraction of the document height.  Fractions are recomputed only when the document's
line count changes (debounced), and painting merges them into pixel runs per lane.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

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
        self.locate: Callable[[int], float] = lambda position: 0.0
        self._lanes: list[tuple[QColor, list[Span]]] = []
        self._selected: list[Span] = []
        self._lane_fractions: list[list[tuple[float, float]]] = []
        self._selected_fractions: list[tuple[float, float]] = []
        self._groove = (0, 0)
        self._lane_runs: list[list[tuple[int, int]]] | None = None
        self._selected_color = QColor("#000000")
        self._recompute_timer = QTimer(self)
        self._recompute_timer.setSingleShot(True)
        self._recompute_timer.setInterval(120)
        self._recompute_timer.timeout.connect(self.recompute)

    def set_lanes(self, lanes: list[tuple[QColor, list[Span]]], tooltip: str) -> None:
        """One lane per section kind: its colour and merged cited spans."""
        self._lanes = lanes
        self.setToolTip(tooltip)
        self.schedule_recompute()

    def set_selected(self, spans: list[Span], color: QColor) -> None:
        """The selected item's spans, drawn across every lane."""
        self._selected = list(spans)
        self._selected_color = color
        self._selected_fractions = [self._fraction(s) for s in self._selected]
        self.update()

    def set_lane_colors(self, colors: list[QColor], selected: QColor) -> None:
        """Recolour the lanes (theme change) without moving anything."""
        self._lanes = [(c, spans) for c, (_, spans) in zip(colors, self._lanes, strict=False)]
        self._selected_color = selected
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
        """Turn every span into a fraction of the document height now."""
        self._recompute_timer.stop()
        self._lane_fractions = [[self._fraction(s) for s in spans] for _, spans in self._lanes]
        self._selected_fractions = [self._fraction(s) for s in self._selected]
        self._lane_runs = None
        self.update()

    def _fraction(self, span: Span) -> tuple[float, float]:
        start, end = span
        return self.locate(start), self.locate(max(end - 1, start))

    def lane_count(self) -> int:
        """How many section lanes are drawn."""
        return len(self._lanes)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw lanes as pixel runs, then the selected item's ticks on top."""
        top, bottom = self._groove
        if bottom <= top:
            top, bottom = 0, self.height()
        span_px = bottom - top
        if self._lane_runs is None:  # cached: selection changes repaint often
            self._lane_runs = [
                _pixel_runs(fractions, top, span_px, min_height=2)
                for fractions in self._lane_fractions
            ]
        painter = QPainter(self)
        lanes = max(len(self._lane_runs), 1)
        lane_width = max((self.width() - 2) // lanes, 2)
        for lane, runs in enumerate(self._lane_runs):
            color = self._lanes[lane][0]
            x = 1 + lane * lane_width
            for y0, y1 in runs:
                painter.fillRect(QRect(x, y0, lane_width - 1, y1 - y0), color)
        for y0, y1 in _pixel_runs(self._selected_fractions, top, span_px, min_height=3):
            painter.fillRect(QRect(0, y0, self.width(), y1 - y0), self._selected_color)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Clicking the strip asks the view to scroll to that height."""
        top, bottom = self._groove
        if bottom <= top:
            top, bottom = 0, self.height()
        fraction = (event.position().y() - top) / max(bottom - top, 1)
        self.jumpRequested.emit(min(max(fraction, 0.0), 1.0))


def _pixel_runs(
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
