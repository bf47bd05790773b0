"""The two windows of a presentation: the audience's slide, and the presenter's view.

Why two plain widgets that only draw: every decision (which slide, black or white, the
clock, pacing) is the session's (``core.slides.session``) and the controller's; the audience
window paints the current slide with the one slide painter the PDF deck uses, the presenter
window shows the current and next slide, the speaker notes at a size the presenter chose,
the clock and the pace — so what the room sees and what a PDF prints never differ.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.slides.deck import Slide
from briefing_app.core.slides.session import Pace, Screen
from briefing_app.ui.present.painter import paint_slide
from briefing_app.ui.present.theme import SlideTheme

PACE_COLOURS = {
    Pace.NONE: "#9EA3AA",
    Pace.ON_TIME: "#5FC98A",
    Pace.WARNING: "#F2B25C",
    Pace.OVER: "#FF6B5E",
}


class SlideView(QWidget):
    """One slide drawn to fit (letterboxed), or a black or white screen."""

    clicked = Signal()

    def __init__(self, theme: SlideTheme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.slide: Slide | None = None
        self.screen_shown = Screen.SLIDE
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 90)

    def show_slide(self, slide: Slide | None, screen: Screen = Screen.SLIDE) -> None:
        """Draw ``slide`` (None: an empty slide area), or black/white for the room."""
        self.slide = slide
        self.screen_shown = screen
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt: the slide, letterboxed in the widget."""
        painter = QPainter(self)
        try:
            if self.screen_shown is Screen.BLACK:
                painter.fillRect(self.rect(), QColor("black"))
            elif self.screen_shown is Screen.WHITE:
                painter.fillRect(self.rect(), QColor("white"))
            elif self.slide is None:
                painter.fillRect(self.rect(), self.theme.background.darker(115))
            else:
                paint_slide(painter, QRectF(self.rect()), self.slide, self.theme)
        finally:
            painter.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A click advances, as in every presentation program."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class AudienceWindow(QWidget):
    """What the room sees: the slide and nothing else."""

    def __init__(self, theme: SlideTheme) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle("Presentation")
        self.view = SlideView(theme, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.setAccessibleName("Audience screen")


class PresenterWindow(QWidget):
    """The presenter's screen: this slide, the next, the notes, the clock and the pace."""

    NOTES_RANGE = (10, 40)

    def __init__(self, theme: SlideTheme, notes_points: int = 16) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle("Presenter View")
        self.setAccessibleName("Presenter view")
        self.current = SlideView(theme, self)
        self.current.setAccessibleName("Current slide")
        self.next_view = SlideView(theme, self)
        self.next_view.setAccessibleName("Next slide")
        self.next_view.setMaximumHeight(260)
        self.notes = QPlainTextEdit(self)
        self.notes.setReadOnly(True)
        self.notes.setAccessibleName("Speaker notes")
        self.notes.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.position = QLabel(self)
        self.position.setAccessibleName("Slide number")
        self.elapsed = QLabel(self)
        self.elapsed.setAccessibleName("Elapsed time")
        self.remaining = QLabel(self)
        self.remaining.setAccessibleName("Time left")
        self.clock = QLabel(self)
        self.clock.setAccessibleName("Clock")
        self.state = QLabel(self)
        self.state.setAccessibleName("Presentation state")
        self.target = QSpinBox(self)
        self.target.setRange(0, 600)
        self.target.setSuffix(" min target")
        self.target.setSpecialValueText("no target")
        self.target.setAccessibleName("Target length in minutes")
        self.target.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.warn = QSpinBox(self)
        self.warn.setRange(0, 60)
        self.warn.setSuffix(" min warning")
        self.warn.setAccessibleName("Warn this many minutes before the end")
        self.warn.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.screen_choice = QComboBox(self)
        self.screen_choice.setAccessibleName("Screen for the audience")
        self.screen_choice.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        for label in (self.elapsed, self.remaining, self.clock):
            big = QFont(label.font())
            big.setPointSizeF(max(big.pointSizeF(), 10) * 1.8)
            big.setBold(True)
            label.setFont(big)
        right = QVBoxLayout()
        right.addWidget(QLabel("Next", self))
        right.addWidget(self.next_view, 2)
        right.addWidget(QLabel("Notes (Ctrl+= / Ctrl+- resize)", self))
        right.addWidget(self.notes, 3)
        top = QHBoxLayout()
        top.addWidget(self.current, 3)
        top.addLayout(right, 2)
        bar = QHBoxLayout()
        for widget in (self.position, self.elapsed, self.remaining, self.clock, self.state):
            bar.addWidget(widget)
            bar.addSpacing(18)
        bar.addStretch(1)
        bar.addWidget(self.screen_choice)
        bar.addWidget(self.target)
        bar.addWidget(self.warn)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(bar)
        self.notes_points = notes_points
        self.set_notes_size(notes_points)

    def set_notes_size(self, points: int) -> int:
        """The speaker notes' font size (clamped); returns the size set."""
        low, high = self.NOTES_RANGE
        self.notes_points = max(low, min(high, points))
        font = QFont(self.notes.font())
        font.setPointSize(self.notes_points)
        self.notes.setFont(font)
        return self.notes_points

    def set_pace_colour(self, pace: Pace) -> None:
        """Colour the time left by how the talk stands (never the only cue: it has a sign)."""
        self.remaining.setStyleSheet(f"color: {PACE_COLOURS[pace]};")
