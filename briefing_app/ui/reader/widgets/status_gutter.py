"""Claim statuses in the article's left margin, beside each item's own passage.

Why in the margin: reading the article, an analyst should see that the sentence in front of
them was marked disputed or needs a source without looking across at the cards; the mark
is a glyph (✓ ✗ ⚑) in the status colour, so it reads without colour too.  Only marks on
screen are drawn, each placed from the view's own cursor geometry, so it follows scrolling,
zoom and wrapping.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QToolTip, QWidget

StatusMark = tuple[int, str, QColor, str]  # code point, glyph, colour, tooltip


class StatusGutter(QWidget):
    """Paints status glyphs at the left of the text column (a child of the article view)."""

    def __init__(self, parent: QWidget, top_of: Callable[[int], int | None]) -> None:
        super().__init__(parent)
        self._top_of = top_of  # code point -> its line's top in viewport pixels, or None
        self._marks: list[StatusMark] = []
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, False)
        self.setAccessibleName("Claim statuses in the margin")

    def set_marks(self, marks: list[StatusMark]) -> None:
        """Where each status glyph goes (the item's own passage start), in article order."""
        if marks != self._marks:
            self._marks = sorted(marks, key=lambda mark: mark[0])
            self.update()

    def marks(self) -> list[StatusMark]:
        """The marks as set (tests and the screen reader read them)."""
        return list(self._marks)

    def _placed(self) -> list[tuple[QRect, StatusMark]]:
        size = max(self.fontMetrics().height(), 12)
        placed = []
        for mark in self._marks:
            top = self._top_of(mark[0])
            if top is None or top > self.height() or top + size < 0:
                continue
            placed.append((QRect(self.width() - size - 6, top, size, size), mark))
        return placed

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt: draw the glyphs of the marks on screen."""
        if not self._marks:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        for rect, (_start, glyph, colour, _tip) in self._placed():
            painter.setPen(colour)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), glyph)
        painter.end()

    def event(self, event: QEvent) -> bool:
        """Qt: a tooltip names the status under the pointer."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            for rect, (_start, _glyph, _colour, tip) in self._placed():
                if rect.contains(event.pos()):
                    QToolTip.showText(event.globalPos(), tip, self)
                    return True
            QToolTip.hideText()
            return True
        return super().event(event)

    def glyph_at(self, point: QPoint) -> StatusMark | None:
        """The mark drawn at a point, if any."""
        for rect, mark in self._placed():
            if rect.contains(point):
                return mark
        return None
