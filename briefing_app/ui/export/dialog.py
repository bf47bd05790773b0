"""File ▸ Export: choose a format, see a preview (Markdown, HTML), save through the one
atomic writer.

Why the same writers as the command line: a file exported from the window is byte for byte
what ``briefing-app export`` writes for the same brief and notes, with the reader's own
colour names.  Saving asks before replacing a file (a Markdown export written before is
merged between its markers instead, keeping the reader's edits around them), never writes
onto the article, remembers the last folder, and says on failure what went wrong.
"""

from __future__ import annotations

import io
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.atomic_write import write_atomically
from briefing_app.core.errors import BriefInputError
from briefing_app.core.export.export_job import ExportJob
from briefing_app.core.export.formats import EXPORT_FORMATS, ExportFormat
from briefing_app.core.export.markdown import render_markdown
from briefing_app.core.export.markers import MarkerError, has_markers, merge_export
from briefing_app.ui.export.pdf_handout import pdf_format
from briefing_app.ui.inert_text import InertBrowser

PREVIEW_CHARS = 200_000


class ExportDialog(QDialog):
    """Format chooser with options and a preview; ``export_to(path)`` does the writing."""

    def __init__(
        self,
        job: ExportJob,
        article: Path | None,
        last_folder: Path | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export")
        self.resize(760, 560)
        self._job = job
        self._article = article
        self.last_folder = last_folder
        self.written: Path | None = None
        self.format = QComboBox(self)
        self.format.setAccessibleName("Export format")
        for name in ("md", "html", "pdf", "w3c", "json"):
            label = "PDF handout" if name == "pdf" else EXPORT_FORMATS[name].label
            self.format.addItem(label, name)
        self.page = QComboBox(self)
        self.page.addItem("A4", "a4")
        self.page.addItem("Letter", "letter")
        self.page.setAccessibleName("Page size")
        self.with_notes = QCheckBox("Include my annotations", self)
        self.with_notes.setChecked(True)
        self.text_preview = QPlainTextEdit(self)
        self.text_preview.setReadOnly(True)
        self.text_preview.setAccessibleName("Markdown preview")
        self.html_preview = InertBrowser(self)
        self.html_preview.setAccessibleName("HTML preview")
        self.no_preview = QLabel("No preview for this format.", self)
        self.previews = QStackedWidget(self)
        for widget in (self.text_preview, self.html_preview, self.no_preview):
            self.previews.addWidget(widget)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton("Export…", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.choose_and_export)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(QLabel("Format", self))
        row.addWidget(self.format, 1)
        row.addWidget(QLabel("Page", self))
        row.addWidget(self.page)
        row.addWidget(self.with_notes)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.previews, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.format.currentIndexChanged.connect(self.update_preview)
        self.with_notes.toggled.connect(self.update_preview)
        self.update_preview()

    def chosen(self) -> ExportFormat:
        """The format picked now."""
        name = self.format.currentData()
        return pdf_format(self.page.currentData()) if name == "pdf" else EXPORT_FORMATS[name]

    def job(self) -> ExportJob:
        """The export's input, with or without the annotations."""
        if self.with_notes.isChecked():
            return self._job
        return ExportJob(brief=self._job.brief, placed=(), colour_names=self._job.colour_names,
                         exported=self._job.exported, document_id=self._job.document_id,
                         source_url=self._job.source_url)

    def update_preview(self) -> None:
        """Show what the chosen format will write (Markdown as text, HTML rendered)."""
        name = self.format.currentData()
        self.page.setEnabled(name == "pdf")
        if name == "md":
            self.text_preview.setPlainText(render_markdown(self.job())[:PREVIEW_CHARS])
            self.previews.setCurrentWidget(self.text_preview)
        elif name == "html":
            stream = io.BytesIO()
            EXPORT_FORMATS["html"].write(self.job(), stream)
            self.html_preview.setHtml(stream.getvalue().decode("utf-8")[:PREVIEW_CHARS])
            self.previews.setCurrentWidget(self.html_preview)
        else:
            self.previews.setCurrentWidget(self.no_preview)

    def choose_and_export(self) -> None:
        """Ask where (in the last folder used), then export there."""
        chosen = self.chosen()
        stem = (self._article.stem if self._article else "brief") + chosen.suffix
        folder = self.last_folder or (self._article.parent if self._article else Path.home())
        name, _filter = QFileDialog.getSaveFileName(
            self, "Export", str(folder / stem), f"{chosen.label} (*{chosen.suffix})",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path, *, confirmed: bool = False) -> bool:
        """Write the chosen format to ``path``; an existing file is replaced only after the
        user agrees (a marked Markdown export is merged instead).  True when written."""
        chosen = self.chosen()
        merge = chosen.merges_between_markers and path.exists() and _has_markers(path)
        if path.exists() and not merge and not confirmed and not self._confirm(path):
            return False
        try:
            if merge:
                existing = path.read_text(encoding="utf-8")
                text = merge_export(existing, render_markdown(self.job()))
                write_atomically(path, lambda out: out.write(text.encode("utf-8")),
                                 self._inputs())
            else:
                job = self.job()
                write_atomically(path, lambda out: chosen.write(job, out), self._inputs())
        except (BriefInputError, MarkerError, OSError) as problem:
            text = problem.describe() if isinstance(problem, BriefInputError) else str(problem)
            self.message.setText(f"Not exported — {text}")
            return False
        self.written = path
        self.last_folder = path.parent
        how = " (the exported part replaced; your edits around it kept)" if merge else ""
        self.message.setText(f"Exported to {path}{how}")
        return True

    def _inputs(self) -> list[Path]:
        return [self._article] if self._article is not None else []

    def _confirm(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self, "Replace file?", f"{path.name} already exists. Replace it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes


def _has_markers(path: Path) -> bool:
    try:
        return has_markers(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return False
