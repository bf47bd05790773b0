"""Rich-text views that load nothing: the one preview widget for notes and exports.

Why one class: every place the window shows HTML it made from user text (a note preview,
an export preview) must refuse images, stylesheets and links alike; two copies of that
rule would drift.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser, QWidget


class InertBrowser(QTextBrowser):
    """A text browser that loads no resource and follows no link."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def loadResource(self, kind: int, name: QUrl) -> object:
        """Qt: refuse every resource (images are alt text already; nothing is fetched)."""
        return None
