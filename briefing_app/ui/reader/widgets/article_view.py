"""The article pane's text view: a read-only QPlainTextEdit set for reading.

Why QPlainTextEdit: it lays out lazily and scrolls by line, so a 1 MB article opens in
milliseconds, and it never fetches anything (no HTML, no images) — the reader stays offline.
This widget knows geometry, not meaning: it turns pointer positions into code-point offsets
(through :mod:`briefing_app.ui.offsets`) and emits them; the window decides what they mean.
The text column is as wide as the pane allows up to about 100 characters (a comfortable
measure on a wide screen), centred, at the current zoom.  Words wrap at word boundaries; an
article holding a run of characters too long to be a word wraps anywhere instead, because
Qt's fallback for a word wider than the line is quadratic in the word's length.  Showing
evidence scrolls to it but leaves the caret and any text the reader selected alone: the
selection is theirs.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMargins, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPalette,
    QResizeEvent,
    QTextCursor,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QPlainTextEdit,
    QStyle,
    QStyleOptionSlider,
    QToolTip,
    QWidget,
)

from briefing_app.core.reading.evidence_map import LineCounts
from briefing_app.ui.offsets import OffsetMap, qt_safe_text
from briefing_app.ui.reader.widgets.article_positions import ArticlePositions
from briefing_app.ui.reader.widgets.marks import MARKS_WIDTH, EvidenceMarks
from briefing_app.ui.reader.widgets.status_gutter import StatusGutter
from briefing_app.ui.reader.widgets.text_limits import article_wrap_mode

COLUMN_CHARS = 100
ZOOM_STEP = 1.1
MIN_SIDE_PADDING = 28
DOCUMENT_MARGIN = 18
_MEASURE = "The quick brown fox jumps over the lazy dog, said the harbour master."
READING_FAMILIES = [
    "Charter",
    "Iowan Old Style",
    "Georgia",
    "Source Serif 4",
    "Source Serif Pro",
    "Noto Serif",
    "DejaVu Serif",
    "Liberation Serif",
    "Times New Roman",
]


def reading_font(zoom_steps: int = 0) -> QFont:
    """The serif reading font at the given zoom (steps of 10% from about 13 pt)."""
    base = QApplication.font().pointSizeF()
    if base <= 0:
        base = 10.0
    font = QFont()
    font.setFamilies(READING_FAMILIES)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setHintingPreference(QFont.HintingPreference.PreferFullHinting)
    font.setPointSizeF(round(base * 1.3 * ZOOM_STEP**zoom_steps, 1))
    return font


class ArticleView(ArticlePositions):
    """Read-only article text with a centred column, span scrolling and link hit-testing."""

    positionClicked = Signal(int)  # code point clicked (a click, not a drag-select)
    positionHovered = Signal(int)  # code point under the pointer, -1 for none
    columnChanged = Signal(int, int)  # left edge and width of the text column
    zoomRequested = Signal(int)  # Ctrl+wheel: +1 larger, -1 smaller

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("article")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.setUndoRedoEnabled(False)
        self.setAcceptDrops(False)
        self.viewport().setAcceptDrops(False)
        self.viewport().setMouseTracking(True)
        self.document().setDocumentMargin(DOCUMENT_MARGIN)
        self.setAccessibleName("Article")
        self.setAccessibleDescription(
            "The article text. Highlighted passages are evidence for the selected item; "
            "click linked text to select the item that cites it."
        )
        self.offsets = OffsetMap("")
        self._paragraphs = 1
        self.tooltip_provider: Callable[[int], str] | None = None
        self._press_pos: QPoint | None = None
        self._hovered = -1
        self._column = (0, 0)
        self.marks = EvidenceMarks(self)
        self.marks.line_counts = self.line_counts
        self.gutter = StatusGutter(self, self._line_top)
        self.verticalScrollBar().valueChanged.connect(self.gutter.update)
        self.marks.jumpRequested.connect(self._jump_to_fraction)
        self.verticalScrollBar().rangeChanged.connect(self._on_range_changed)
        # (a short text that re-wraps changes no scroll range, but moves its last line)
        self.document().documentLayout().documentSizeChanged.connect(self._on_text_resized)
        self.set_zoom(0)

    # --- content and layout ------------------------------------------------------------

    def set_article_text(self, text: str, offsets: OffsetMap, paragraphs: int) -> None:
        """Show new article text with its offset map and how many paragraphs it has."""
        self.offsets = offsets
        self._paragraphs = paragraphs
        self._hovered = -1
        # Set before the text, so a run too long to be a word is never laid out the slow way.
        mode = article_wrap_mode(text)
        if self.wordWrapMode() != mode:
            self.setWordWrapMode(mode)
        self.setPlainText(qt_safe_text(text))

    def set_zoom(self, steps: int) -> None:
        """Set the reading font size; the column keeps its measure in characters."""
        self.setFont(reading_font(steps))
        self._update_column()

    def column_width(self) -> int:
        """Width in pixels of the widest text column (100 characters) at the current font."""
        metrics = QFontMetricsF(self.font())
        per_char = metrics.horizontalAdvance(_MEASURE) / len(_MEASURE)
        return int(per_char * COLUMN_CHARS + 2 * DOCUMENT_MARGIN)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Re-centre the column when the pane changes size."""
        super().resizeEvent(event)
        self._update_column()

    def changeEvent(self, event: QEvent) -> None:
        """Re-measure when the font changes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._update_column()

    def _update_column(self) -> None:
        bar = self.verticalScrollBar()
        bar_width = bar.sizeHint().width()  # the bar is always on
        available = self.width() - 2 * self.frameWidth() - bar_width
        side = max(MIN_SIDE_PADDING, MARKS_WIDTH + 8)  # room for the evidence map
        column = max(min(self.column_width(), available - 2 * side), 160)
        spare = max(available - column, 0)
        left = spare // 2
        right = spare - left
        if self.viewportMargins() != QMargins(left, 0, right, 0):
            self.setViewportMargins(left, 0, right, 0)
            # QPlainTextEdit re-wraps only on a resize event whose width changed; the new
            # margins may have resized a hidden viewport without one, so send it.
            size = self.viewport().size()
            QApplication.sendEvent(
                self.viewport(), QResizeEvent(size, QSize(size.width() + 1, size.height()))
            )
        self._place_marks(bar_width)
        frame = self.frameWidth()
        self.gutter.setGeometry(frame, frame, left, self.height() - 2 * frame)
        column_rect = (left + self.frameWidth() + DOCUMENT_MARGIN, column - 2 * DOCUMENT_MARGIN)
        if column_rect != self._column:
            self._column = column_rect
            self.columnChanged.emit(*column_rect)

    def _line_top(self, position: int) -> int | None:
        """The top of the line holding a code point, in viewport pixels (for the gutter)."""
        if position > self.offsets.length:
            return None
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_utf16(position))
        return self.cursorRect(cursor).top()

    def _place_marks(self, bar_width: int) -> None:
        """Stand the evidence marks just left of the scrollbar, aligned with its groove."""
        frame = self.frameWidth()
        x = self.width() - frame - bar_width - MARKS_WIDTH - 3
        height = self.height() - 2 * frame
        self.marks.setGeometry(x, frame, MARKS_WIDTH, height)
        bar = self.verticalScrollBar()
        # When it all fits, the map spans the text, so each mark stands beside its passage
        # rather than spread over the empty page below the last line.
        text = self._text_extent() if bar.maximum() <= bar.minimum() else None
        self.marks.set_groove(*(text or self._scrollbar_groove(bar_width, height)))
        self.marks.raise_()

    def _scrollbar_groove(self, bar_width: int, height: int) -> tuple[int, int]:
        """Top and bottom of the scrollbar's groove, which maps to the whole document."""
        bar = self.verticalScrollBar()
        option = QStyleOptionSlider()
        option.initFrom(bar)
        option.orientation = Qt.Orientation.Vertical
        option.minimum, option.maximum = bar.minimum(), bar.maximum()
        option.sliderPosition = option.sliderValue = bar.value()
        option.pageStep, option.singleStep = bar.pageStep(), bar.singleStep()
        option.rect = QRect(0, 0, bar_width, height)
        groove = bar.style().subControlRect(
            QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarGroove, bar
        )
        return (groove.top(), groove.bottom()) if groove.height() > 0 else (0, height)

    def _text_extent(self) -> tuple[int, int] | None:
        """Top and bottom of the laid-out text, in the evidence map's coordinates."""
        document = self.document()
        first, last = document.firstBlock(), document.lastBlock()
        if not first.isValid():
            return None
        offset = self.contentOffset()
        top = self.blockBoundingGeometry(first).translated(offset).top()
        bottom = self.blockBoundingGeometry(last).translated(offset).bottom()
        shift = self.viewport().geometry().top() - self.marks.geometry().top()
        top_px, bottom_px = round(top) + shift, min(round(bottom) + shift, self.marks.height())
        return (top_px, bottom_px) if bottom_px > top_px else None

    def _on_range_changed(self, _minimum: int, _maximum: int) -> None:
        self._place_marks(self.verticalScrollBar().sizeHint().width())
        self.marks.schedule_recompute()

    def _on_text_resized(self) -> None:
        bar = self.verticalScrollBar()
        if bar.maximum() <= bar.minimum():  # (a long text's map follows the scrollbar)
            self._place_marks(bar.sizeHint().width())

    def _jump_to_fraction(self, fraction: float) -> None:
        bar = self.verticalScrollBar()
        total = bar.maximum() + bar.pageStep()
        bar.setValue(int(fraction * total - bar.pageStep() / 2))

    def line_counts(self) -> LineCounts | None:
        """Each paragraph's line count (the scrollbar's units), read in one pass over the
        blocks; None before any text."""
        if not self.offsets.length:
            return None
        counts = []
        block = self.document().begin()
        while block.isValid():
            counts.append(block.lineCount())
            block = block.next()
        if len(counts) != self._paragraphs:
            return None  # text and paragraphs out of step (only while a new text arrives)
        return LineCounts(counts)

    def text_column(self) -> tuple[int, int]:
        """Left edge (in this widget's coordinates) and width of the text column."""
        return self._column

    # --- pointer ------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Remember where a click started, to tell clicks from drags."""
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A click (not a drag-select) on text reports its code point."""
        super().mouseReleaseEvent(event)
        start, self._press_pos = self._press_pos, None
        if event.button() != Qt.MouseButton.LeftButton or start is None:
            return
        pos = event.position().toPoint()
        if (pos - start).manhattanLength() > QApplication.startDragDistance():
            return
        if self.textCursor().hasSelection():
            return
        char = self.char_at(pos)
        if char is not None:
            self.positionClicked.emit(char)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Report the code point under the pointer when it changes."""
        super().mouseMoveEvent(event)
        if event.buttons() != Qt.MouseButton.NoButton:
            return
        char = self.char_at(event.position().toPoint())
        hovered = -1 if char is None else char
        if hovered != self._hovered:
            self._hovered = hovered
            self.positionHovered.emit(hovered)

    def leaveEvent(self, event: QEvent) -> None:
        """Leaving the view clears the hover."""
        super().leaveEvent(event)
        if self._hovered != -1:
            self._hovered = -1
            self.positionHovered.emit(-1)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel asks the window to zoom (so cards and settings follow)."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoomRequested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def set_link_cursor(self, linked: bool) -> None:
        """A pointing hand over linked text, the I-beam elsewhere."""
        shape = Qt.CursorShape.PointingHandCursor if linked else Qt.CursorShape.IBeamCursor
        self.viewport().setCursor(shape)

    def viewportEvent(self, event: QEvent) -> bool:
        """Tooltips list the items citing the text under the pointer."""
        if event.type() == QEvent.Type.ToolTip and self.tooltip_provider is not None:
            pos = event.pos()
            char = self.char_at(pos)
            text = self.tooltip_provider(char) if char is not None else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)
