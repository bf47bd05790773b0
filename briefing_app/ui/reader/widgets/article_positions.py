"""Positions in the article view: code points to screen and back, scrolling, selecting.

Why a part of its own: the article view's geometry questions — where is this span, what is
under the pointer, what is on screen, what did the reader select — all convert between
Python code points and Qt's UTF-16 positions (through :class:`OffsetMap`); kept together
they read as one piece, apart from the view's layout and pointer handling.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from briefing_app.ui.offsets import OffsetMap


class ArticlePositions(QPlainTextEdit):
    """The article view's position methods (mixed into ``ArticleView``)."""

    offsets: OffsetMap

    # --- positions ----------------------------------------------------------------------

    def show_span(self, start: int, end: int) -> None:
        """Bring ``[start, end)`` (code points) to mid-view, keeping the reader's caret and
        selection where they are."""
        u_start, u_end = self.offsets.span_to_utf16(start, end)
        kept = self.textCursor()
        self._center_on(u_start, u_end)
        bar = self.verticalScrollBar()
        value = bar.value()
        self.setTextCursor(kept)  # Qt scrolls to the caret here; undo that
        bar.setValue(value)

    def _center_on(self, u_start: int, u_end: int) -> None:
        """Scroll so the span sits mid-view, or starts near the top if it is taller."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(u_start)
        self.setTextCursor(cursor)
        self.centerCursor()
        top = self.cursorRect(cursor).top()
        cursor.setPosition(u_end)
        bottom = self.cursorRect(cursor).bottom()
        height = self.viewport().height()
        bar = self.verticalScrollBar()
        line = max(self.fontMetrics().lineSpacing(), 1)
        if bottom - top < height - 2 * line:
            # Move the span's middle, not its first line, to the centre.
            lines_down = int(((top + bottom) / 2 - height / 2) / line)
            bar.setValue(bar.value() + lines_down)
        else:
            bar.setValue(bar.value() + int((top - line) / line))

    def selected_span(self) -> tuple[int, int] | None:
        """The reader's text selection in code points, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self.offsets.to_code_point(cursor.selectionStart())
        end = self.offsets.to_code_point(cursor.selectionEnd())
        return (start, end) if end > start else None

    def select_span(self, start: int, end: int) -> None:
        """Select ``[start, end)`` (code points) and bring it into view."""
        u_start, u_end = self.offsets.span_to_utf16(start, end)
        self._center_on(u_start, u_end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(u_start)
        cursor.setPosition(u_end, QTextCursor.MoveMode.KeepAnchor)
        bar = self.verticalScrollBar()
        value = bar.value()
        self.setTextCursor(cursor)
        bar.setValue(value)

    def span_rect(self, start: int, end: int) -> QRect:
        """Viewport rectangle from the top of ``start`` to the bottom of ``end``."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_utf16(start))
        first = self.cursorRect(cursor)
        cursor.setPosition(self.offsets.to_utf16(end))
        last = self.cursorRect(cursor)
        return QRect(
            QPoint(0, first.top()), QPoint(self.viewport().width() - 1, last.bottom())
        )

    def point_of(self, position: int) -> QPoint:
        """A viewport point inside the character at code point ``position``."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_utf16(position))
        rect = self.cursorRect(cursor)
        return QPoint(rect.left() + 2, rect.center().y())

    def char_at(self, point: QPoint) -> int | None:
        """The code point under a viewport point, or None over margins and blank space."""
        cursor = self.cursorForPosition(point)
        u = cursor.position()
        rect = self.cursorRect(cursor)
        if point.x() < rect.left():
            u -= 1
        if u < 0:
            return None
        probe = QTextCursor(self.document())
        probe.setPosition(u)
        left = self.cursorRect(probe)
        block = probe.block()
        if u >= block.position() + block.length() - 1:
            return None  # past the end of the paragraph
        probe.setPosition(u + 1)
        right = self.cursorRect(probe)
        inside_x = left.left() <= point.x() <= max(right.left(), left.left() + 1)
        same_line = right.top() == left.top()
        if not (left.top() <= point.y() <= left.bottom()) or (same_line and not inside_x):
            return None
        return self.offsets.to_code_point(u)

    def visible_block_range(self) -> tuple[int, int]:
        """Numbers of the first and last paragraphs on screen."""
        block = self.firstVisibleBlock()
        first = last = block.blockNumber()
        offset = self.contentOffset()
        height = self.viewport().height()
        while block.isValid():
            top = self.blockBoundingGeometry(block).translated(offset).top()
            if top > height:
                break
            last = block.blockNumber()
            block = block.next()
        return first, last

    def first_visible_position(self) -> int:
        """Code point at the top-left of the viewport (to restore the reading position)."""
        return self.offsets.to_code_point(self.cursorForPosition(QPoint(1, 1)).position())

    def scroll_to_position(self, position: int) -> None:
        """Scroll so the line holding ``position`` is at the top."""
        block = self.document().findBlock(self.offsets.to_utf16(position))
        if not block.isValid():
            return
        layout = block.layout()
        line = 0
        if layout is not None and layout.lineCount():
            line = layout.lineForTextPosition(
                self.offsets.to_utf16(position) - block.position()
            ).lineNumber()
        self.verticalScrollBar().setValue(block.firstLineNumber() + max(line, 0))

