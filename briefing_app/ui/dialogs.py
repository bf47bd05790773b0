"""Every modal question the reader asks, behind one small interface.

Why: modal dialogs block a headless test forever.  The window receives a ``Dialogs`` object;
the real one shows QMessageBox/QFileDialog, tests pass :class:`RecordingDialogs`, which
records what would have been shown and answers from a script.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

OPEN_FILTER = (
    "Briefs (*.txt *.md *.markdown *.brief.json *.json);;"
    "Text (*.txt);;Markdown (*.md *.markdown);;Brief JSON (*.brief.json *.json);;All files (*)"
)


class Dialogs:
    """The real dialogs."""

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        """Tell the user something failed (QMessageBox.critical)."""
        QMessageBox.critical(parent, title, text)

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        """Ask a yes/no question; True for yes (QMessageBox.question, default No)."""
        answer = QMessageBox.question(
            parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def open_file(self, parent: QWidget | None, directory: str) -> Path | None:
        """Ask for a brief to open; None when cancelled."""
        name, _ = QFileDialog.getOpenFileName(parent, "Open Brief", directory, OPEN_FILTER)
        return Path(name) if name else None


@dataclass
class RecordingDialogs(Dialogs):
    """Dialogs for tests: records errors and questions, answers from fields."""

    errors: list[tuple[str, str]] = field(default_factory=list)
    questions: list[tuple[str, str]] = field(default_factory=list)
    confirm_answer: bool = False
    open_answer: Path | None = None

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        """Record the error instead of showing it."""
        self.errors.append((title, text))

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        """Record the question and answer ``confirm_answer``."""
        self.questions.append((title, text))
        return self.confirm_answer

    def open_file(self, parent: QWidget | None, directory: str) -> Path | None:
        """Answer ``open_answer``."""
        return self.open_answer
