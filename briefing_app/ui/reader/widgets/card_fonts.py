"""The fonts a section's cards are set in, at the reader's zoom, and their measurements.

Why apart from the card delegate: laying out thousands of cards measures the same short
texts again and again ("3 passages", a speaker's role); the fonts, their metrics and those
cached measurements change together, only when the zoom does, while the delegate lays out
and paints.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication


class CardFonts:
    """Body, name, small and badge fonts at ``steps`` of zoom, with cached measurements."""

    def __init__(self, steps: int = 0) -> None:
        base = QApplication.font().pointSizeF()
        base = base if base > 0 else 10.0
        size = base * 1.05 * 1.1**steps
        self.body = QFont(QApplication.font())
        self.body.setPointSizeF(size)
        self.name = QFont(self.body)
        self.name.setBold(True)
        self.name.setPointSizeF(size * 1.06)
        self.small = QFont(self.body)
        self.small.setPointSizeF(size * 0.86)
        self.badge = QFont(self.small)
        self.badge.setBold(True)
        self.metrics = {
            font: QFontMetrics(f)
            for font, f in (("body", self.body), ("name", self.name), ("small", self.small),
                            ("badge", self.badge))
        }
        # Widths of short labels and heights of names and roles repeat from card to card
        # ("3 passages", "Port Director"): measured once per zoom, not once per card.
        self._advances: dict[tuple[str, str], int] = {}
        self._wrapped: dict[tuple[str, int, str], int] = {}

    def advance(self, font: str, text: str) -> int:
        """The width of ``text`` set in ``font`` ("body", "name", "small" or "badge")."""
        key = (font, text)
        width = self._advances.get(key)
        if width is None:
            width = self._advances[key] = self.metrics[font].horizontalAdvance(text)
        return width

    def wrapped_height(
        self, font: str, width: int, text: str, flag: Qt.TextFlag, *, cache: bool
    ) -> int:
        """The height of ``text`` wrapped to ``width`` (kept when ``cache``: short texts
        that repeat, not card bodies)."""
        key = (font, width, text)
        height = self._wrapped.get(key) if cache else None
        if height is None:
            height = self.metrics[font].boundingRect(
                QRect(0, 0, width, 100_000), flag, text
            ).height()
            if cache:
                self._wrapped[key] = height
        return height
