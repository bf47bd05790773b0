"""The find-in-article bar: a query field, a match count, previous/next and close.

Why a separate widget: it only collects what the user types and wants; the find controller
asks the core (:mod:`briefing_app.core.reading.find_state`) and tells the bar what to show.
Typing is debounced so a one-letter query on a long article does not stall each keystroke.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

DEBOUNCE_MS = 140


class FindBar(QWidget):
    """A one-line find bar shown under the article."""

    queryChanged = Signal(str)  # debounced
    nextRequested = Signal()
    previousRequested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setAccessibleName("Find in article")
        self.setAccessibleDescription("Find text in the article; Return for next, Esc to close.")
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("Find in article")
        self.edit.setClearButtonEnabled(True)
        self.edit.setAcceptDrops(False)
        self.edit.setAccessibleName("Find text")
        self.edit.setAccessibleDescription("Matches ignore case; Return finds the next match.")
        self.count_label = QLabel(self)
        self.count_label.setMinimumWidth(90)
        self.count_label.setAccessibleName("Match count")
        self.count_label.setAccessibleDescription("Which match is shown, of how many.")
        self.previous_button = QToolButton(self)
        self.next_button = QToolButton(self)
        self.close_button = QToolButton(self)
        for button in (self.previous_button, self.next_button, self.close_button):
            button.setAutoRaise(True)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit_query)
        self.edit.textChanged.connect(lambda _text: self._timer.start())
        self.edit.returnPressed.connect(self._on_return)
        self.edit.installEventFilter(self)
        self.hide()

    def open(self) -> None:
        """Show the bar, select its text and focus it."""
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def close_bar(self) -> None:
        """Hide the bar and tell the window to drop match highlights."""
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def query(self) -> str:
        """The current query text."""
        return self.edit.text()

    def flush(self) -> None:
        """Emit a pending (debounced) query now."""
        if self._timer.isActive():
            self._emit_query()

    def _emit_query(self) -> None:
        self._timer.stop()
        self.queryChanged.emit(self.edit.text())

    def _on_return(self) -> None:
        if self._timer.isActive():
            self._emit_query()
        else:
            self.nextRequested.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Shift+Return in the field finds the previous match."""
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.flush()
            self.previousRequested.emit()
            return True
        return super().eventFilter(watched, event)

    def set_status(self, text: str) -> None:
        """Show the match count the find state reports ("3 of 12", "No matches")."""
        self.count_label.setText(text)
