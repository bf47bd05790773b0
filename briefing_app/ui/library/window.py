"""The library window: every brief opened, and search across articles, notes and tags.

Why a window of its own: the reader shows one brief; the library answers "where did I read
that" and "which briefs have my notes on X" across all of them.  It lists what the store
holds (title, source, date, note count, last opened), searches with the store's ranked
full-text index, shows each hit's extract with the matched words in bold, and asks the
reader window to open a brief (and show a note) with ``openRequested``.
"""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPainter, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

PathRole = Qt.ItemDataRole.UserRole + 1
AnnotationRole = Qt.ItemDataRole.UserRole + 2
SnippetRole = Qt.ItemDataRole.UserRole + 3
SEARCH_DELAY_MS = 150
HIT_START, HIT_END = "\x02", "\x03"  # how the store marks a hit inside an extract


class LibrarySource(Protocol):
    """The store as the library window reads it."""

    def library(self) -> list: ...  # LibraryEntry: id, title, publisher, published, path, …

    def search(self, text: str, *, limit: int = 50) -> list: ...  # SearchHit

    def document(self, document_id: str) -> object | None: ...


def snippet_html(snippet: str) -> str:
    """A store extract as HTML: its text escaped, each hit in bold (nothing else survives)."""
    escaped = html.escape(snippet.replace(HIT_START, "\x00s").replace(HIT_END, "\x00e"))
    return escaped.replace("\x00s", "<b>").replace("\x00e", "</b>")


def _when(moment: datetime | None) -> str:
    if moment is None:
        return ""
    local = moment.astimezone()
    return local.strftime("%Y-%m-%d %H:%M")


class _SnippetDelegate(QStyledItemDelegate):
    """Draws a hit's extract with its matched words in bold (rich text, escaped)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        """Qt: the extract as HTML inside the cell."""
        text = index.data(SnippetRole)
        if not text:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter,
                              option.widget)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(text)
        document.setTextWidth(option.rect.width() - 8)
        painter.save()
        painter.translate(option.rect.left() + 4, option.rect.top() + 2)
        clip = QRect(0, 0, option.rect.width() - 8, option.rect.height() - 4)
        painter.setClipRect(clip)
        document.drawContents(painter)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        """Qt: two lines of extract."""
        base = super().sizeHint(option, index)
        if index.data(SnippetRole):
            return QSize(base.width(), option.fontMetrics.lineSpacing() * 2 + 8)
        return base


class LibraryWindow(QDialog):
    """Every brief opened (newest first) and, while something is typed, search results."""

    openRequested = Signal(str, str)  # file path, annotation id ("" for none)

    def __init__(self, source: LibrarySource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Library — Briefing Reader")
        self.resize(860, 520)
        self._source = source
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search every article, note and tag")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search the library")
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.documents = QTreeWidget(self)
        self.documents.setAccessibleName("Briefs in the library")
        self.documents.setHeaderLabels(["Title", "Source", "Date", "Notes", "Last opened"])
        self.documents.setRootIsDecorated(False)
        self.documents.setAlternatingRowColors(True)
        self.documents.setSortingEnabled(False)
        header = self.documents.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.results = QTreeWidget(self)
        self.results.setAccessibleName("Search results")
        self.results.setHeaderLabels(["Brief", "Found in", "Extract"])
        self.results.setRootIsDecorated(False)
        self.results.setItemDelegateForColumn(2, _SnippetDelegate(self.results))
        self.results.setUniformRowHeights(False)
        results_header = self.results.header()
        results_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        results_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        results_header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.results.setColumnWidth(0, 220)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.documents)
        self.stack.addWidget(self.results)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.documents.itemActivated.connect(self._open_item)
        self.results.itemActivated.connect(self._open_item)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self,
                  activated=self.search.setFocus)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the library list."""
        self.documents.clear()
        entries = self._source.library()
        for entry in entries:
            row = QTreeWidgetItem([
                entry.title or Path(entry.path or "").name or "(untitled)",
                entry.publisher or "",
                entry.published or "",
                str(entry.annotation_count),
                _when(entry.last_opened),
            ])
            row.setData(0, PathRole, entry.path or "")
            row.setData(0, AnnotationRole, "")
            row.setToolTip(0, entry.path or "")
            self.documents.addTopLevelItem(row)
        if self.search.text().strip():
            self.run_search()
        else:
            count = len(entries)
            self.status.setText(
                f"{count} brief{'s' if count != 1 else ''}" if count
                else "The library is empty: every brief you open is listed here."
            )

    def run_search(self) -> None:
        """Show the ranked hits for the words typed (the library list when none)."""
        text = self.search.text().strip()
        if not text:
            self.stack.setCurrentWidget(self.documents)
            self.results.clear()
            self.refresh()
            return
        hits = self._source.search(text)
        self.results.clear()
        titles: dict[str, str] = {}
        for hit in hits:
            where = {"title": "title", "article": "article", "note": "note",
                     "tags": "tags"}.get(hit.field, hit.field)
            row = QTreeWidgetItem([hit.title or "(untitled)", where, ""])
            row.setData(2, SnippetRole, snippet_html(hit.snippet))
            row.setData(2, Qt.ItemDataRole.AccessibleTextRole,
                        hit.snippet.replace(HIT_START, "").replace(HIT_END, ""))
            path = titles.get(hit.document_id)
            if path is None:
                document = self._source.document(hit.document_id)
                path = titles[hit.document_id] = getattr(document, "path", None) or ""
            row.setData(0, PathRole, path)
            row.setData(0, AnnotationRole, hit.annotation_id or "")
            self.results.addTopLevelItem(row)
        self.stack.setCurrentWidget(self.results)
        count = len(hits)
        self.status.setText(
            f"{count} result{'s' if count != 1 else ''} for \u201c{text}\u201d" if count
            else f"Nothing found for \u201c{text}\u201d"
        )

    def _open_item(self, item: QTreeWidgetItem) -> None:
        path = item.data(0, PathRole) or ""
        if not path or not Path(path).exists():
            self.status.setText(
                f"The file is no longer at {path}" if path else "This brief has no file to open."
            )
            return
        self.openRequested.emit(path, item.data(0, AnnotationRole) or "")
