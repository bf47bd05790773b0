"""The footer under the cards: "Evidence 2 of 3 ‹ ›", why that passage is linked, and a
button back to the item's own passage.

Why the counter sits right beside the arrows: the arrows step through the selected item's
linked passages, and a counter next to them says so; the reason follows, shortened with an
ellipsis when the pane is narrow (the whole text stays in its tooltip).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from briefing_app.ui.reader.widgets.text_limits import (
    TITLE_CHARS,
    TOOLTIP_CHARS,
    bounded,
    one_line,
)


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" when too narrow, with the whole text as tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setMinimumWidth(40)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def setText(self, text: str) -> None:
        """Qt: keep the whole text and show as much of it as fits."""
        self._full = text
        self.setToolTip(bounded(text, TOOLTIP_CHARS))
        self._elide()

    def full_text(self) -> str:
        """The text as set, before eliding."""
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Qt: re-elide for the new width."""
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        # Eliding measures the text it is given: give it no more than a line can hold.
        shown = self.fontMetrics().elidedText(
            one_line(self._full, TITLE_CHARS), Qt.TextElideMode.ElideRight, max(10, self.width())
        )
        super().setText(shown)


class EvidenceBar(QWidget):
    """Counter and arrows for the selected item's passages, the reason, a source button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = QLabel(self)
        self.counter.setTextFormat(Qt.TextFormat.PlainText)
        self.counter.setAccessibleName("Evidence position")
        self.counter.setAccessibleDescription(
            "Which of the selected item's linked passages the arrows beside it show."
        )
        self.previous_button = QToolButton(self)
        self.next_button = QToolButton(self)
        self.jump_button = QToolButton(self)
        for button in (self.previous_button, self.next_button, self.jump_button):
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.reason = ElidedLabel(self)
        self.reason.setAccessibleName("Why linked")
        self.reason.setAccessibleDescription("Why the passage on show is linked to the item.")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(self.counter)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addSpacing(8)
        layout.addWidget(self.reason, 1)
        layout.addWidget(self.jump_button)

    def show_evidence(self, counter: str, reason: str) -> None:
        """Show "Evidence 2 of 3" and why that passage is linked."""
        self.counter.setText(counter)
        self.reason.setText(reason)

    def text(self) -> str:
        """The footer as a reader would read it aloud: counter, then reason."""
        return f"{self.counter.text()} · {self.reason.full_text()}"
