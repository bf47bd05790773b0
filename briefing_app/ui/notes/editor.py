"""The dialog for a note and its tags, with a live preview of the note's Markdown.

Why a preview through the core's renderer: what the user sees here is exactly what an
export will print, and the same rules keep it inert (no raw HTML, no images fetched, only
http(s)/mailto links, which the preview does not follow).
"""

from __future__ import annotations

import re

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.export.note_html import note_to_html
from briefing_app.ui.inert_text import InertBrowser

MAX_NOTE_CHARS = 20_000
MAX_TAGS = 30


def parse_tags(text: str) -> list[str]:
    """"budget, #follow-up  pay" -> ["budget", "follow-up", "pay"]: commas or spaces
    separate, a leading # is dropped, repeats (in any case) are kept once."""
    seen: dict[str, str] = {}
    for raw in re.split(r"[,\s]+", text):
        tag = raw.strip().lstrip("#").strip()
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag[:60]
    return list(seen.values())[:MAX_TAGS]


class NoteEditor(QDialog):
    """Edit one annotation's note (Markdown) and tags; Ctrl+Enter saves, Esc cancels."""

    def __init__(
        self, quoted: str, note: str, tags: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Note")
        self.setMinimumWidth(480)
        about = QLabel(f"\u201c{' '.join(quoted[:300].split())}\u201d", self)
        about.setWordWrap(True)
        about.setTextFormat(about.textFormat().PlainText)
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText("Your note (Markdown: **bold**, *italic*, - lists, links)")
        self.note.setPlainText(note)
        self.note.setAccessibleName("Note")
        self.tags = QLineEdit(", ".join(tags), self)
        self.tags.setPlaceholderText("Tags, separated by commas or spaces")
        self.tags.setAccessibleName("Tags")
        self.preview = InertBrowser(self)
        self.preview.setAccessibleName("Note preview")
        self.preview.setMaximumHeight(140)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.note, 1)
        layout.addWidget(QLabel("Tags", self))
        layout.addWidget(self.tags)
        layout.addWidget(QLabel("Preview", self))
        layout.addWidget(self.preview)
        layout.addWidget(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.accept)
        self.note.textChanged.connect(self._update_preview)
        self._update_preview()

    def _update_preview(self) -> None:
        self.preview.setHtml(note_to_html(self.note_text()))

    def note_text(self) -> str:
        """The note as typed (trimmed, and bounded)."""
        return self.note.toPlainText().strip()[:MAX_NOTE_CHARS]

    def tag_list(self) -> list[str]:
        """The tags as typed, cleaned."""
        return parse_tags(self.tags.text())
