"""Opening, showing and reloading briefs: the reader's document state.

Why a controller: which brief is open, where it came from, how a file is read (at once, or
on a worker thread with its index when long), what a failure looks like (the same ``error:``
line as the CLI, the brief on screen untouched) and the recent-files list are one job.  It
shows a document by handing it to the ``present`` function the window gives it, and undoes
that if showing fails half-way.
"""

from __future__ import annotations

import gc
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMenu, QStatusBar, QWidget

from briefing_app.core.errors import BriefInputError
from briefing_app.core.linking.span_index import SpanIndex
from briefing_app.core.model import Brief
from briefing_app.core.reading.document import ReadingDocument, prepare_document
from briefing_app.ui.background_import import BACKGROUND_FROM_BYTES, BackgroundImporter
from briefing_app.ui.dialogs import Dialogs
from briefing_app.ui.file_watch import FileWatcher
from briefing_app.ui.settings import ReaderSettings

Loader = Callable[[Path], Brief]


def import_brief(path: Path) -> Brief:
    """The default loader: the core importer (txt, md, brief.json)."""
    from briefing_app.core.importer import import_path

    return import_path(path)


class DocumentController(QObject):
    """The open brief, and every way of opening one."""

    opened = Signal()  # a brief was shown

    def __init__(
        self,
        window: QWidget,
        status: QStatusBar,
        settings: ReaderSettings,
        dialogs: Dialogs,
        loader: Loader | None,
        present: Callable[[ReadingDocument], None],
    ) -> None:
        super().__init__(window)
        self._window, self._status = window, status
        self.settings, self.dialogs = settings, dialogs
        self._loader: Loader = loader or import_brief
        self._present = present
        self.document: ReadingDocument | None = None
        self.importer = BackgroundImporter(self._load_and_prepare, self)
        self.watcher = FileWatcher(self)

    @property
    def brief(self) -> Brief | None:
        """The brief on screen."""
        return self.document.brief if self.document else None

    @property
    def path(self) -> Path | None:
        """The file the brief on screen came from."""
        return self.document.path if self.document else None

    @property
    def index(self) -> SpanIndex | None:
        """The span index of the brief on screen."""
        return self.document.index if self.document else None

    def _load_and_prepare(self, path: Path) -> ReadingDocument:
        # Runs on the worker thread: the import and the index both stay off the GUI thread.
        return prepare_document(self._loader(path), path)

    # --- opening ------------------------------------------------------------------------

    def open_dialog(self) -> None:
        """Ask for a file and open it."""
        directory = str(self.path.parent) if self.path else str(Path.home())
        path = self.dialogs.open_file(self._window, directory)
        if path is not None:
            self.open_path_soon(path)

    def open_path_soon(self, path: str | Path) -> None:
        """Open a file the way a user asks to: a long one imports on a worker thread while
        the window stays live (busy cursor, "Opening …"), a short one at once."""
        path = Path(path)
        try:
            large = path.is_file() and path.stat().st_size >= BACKGROUND_FROM_BYTES
        except OSError:
            large = False
        if not large:
            self.open_path(path)
            return
        if not self.importer.busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._status.showMessage(f"Opening {path.name}\u2026")
        self.importer.start(path)

    def background_finished(self) -> None:
        """A background import ended (either way): drop the busy cursor and message."""
        QApplication.restoreOverrideCursor()
        self._status.clearMessage()

    def background_imported(self, path: Path, document: ReadingDocument) -> None:
        """Show what the worker thread imported and indexed."""
        self.background_finished()
        if self.show_document(document):
            self._remember(path)

    def background_failed(self, path: Path, message: str) -> None:
        """Report a background import's error; the brief on screen stays."""
        self.background_finished()
        self.report(message)

    def open_path(self, path: str | Path) -> bool:
        """Import and show a file; on failure show the error and keep the current brief."""
        path = Path(path)
        if self.importer.cancel():  # a file still importing in the background is superseded
            self.background_finished()
        brief = self._load(path, automatic=False)
        if brief is None or not self.show_brief(brief, path):
            return False
        self._remember(path)
        return True

    def reload(self, *, automatic: bool = False) -> bool:
        """Read the current file again and show it (the window keeps the reader's place)."""
        path = self.path
        if path is None:
            return False
        brief = self._load(path, automatic=automatic)
        return brief is not None and self.show_brief(brief, path)

    def _remember(self, path: Path) -> None:
        self.settings.add_recent_file(path)
        self.watcher.watch(path)

    def _load(self, path: Path, *, automatic: bool) -> Brief | None:
        # A long article takes seconds to link: say so and show a busy cursor meanwhile.
        self._status.showMessage(f"Opening {path.name}\u2026")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        QApplication.processEvents()
        try:
            return self._loader(path)
        except BriefInputError as error:
            message = f"error: {error}"
        except Exception as error:  # a core bug must not close the window
            traceback.print_exc(file=sys.stderr)
            message = f"error: {path}: could not be opened ({type(error).__name__}: {error})"
        finally:
            QApplication.restoreOverrideCursor()
            self._status.clearMessage()
        self.report(message, automatic=automatic)
        return None

    def report(self, message: str, *, automatic: bool = False) -> None:
        """An error line: in the status bar while reloading on its own, else a dialog."""
        if automatic:
            self._status.showMessage(f"Could not reload — {message}", 15_000)
        else:
            self.dialogs.error(self._window, "Cannot open brief", message)

    def show_brief(self, brief: Brief, path: Path | None = None) -> bool:
        """Display a brief (already imported); False, and nothing changes, if it can't be."""
        return self.show_document(prepare_document(brief, path))

    def show_document(self, document: ReadingDocument) -> bool:
        """Display a prepared document; False, and the previous one stays, if it can't be."""
        previous = self.document
        # A big brief is tens of thousands of long-lived objects; freezing them keeps the
        # cyclic GC from walking them all (a 70 ms pause) in the middle of a selection.
        # Unfreeze first so the previous brief can be collected.
        gc.unfreeze()
        try:
            self.document = document
            self._present(document)
        except Exception as error:  # keep what was on screen
            traceback.print_exc(file=sys.stderr)
            self.dialogs.error(
                self._window,
                "Cannot show brief",
                f"error: {document.path or 'brief'}: could not be shown "
                f"({type(error).__name__}: {error})",
            )
            self.document = previous
            if previous is not None:
                self._present(previous)
            return False
        finally:
            gc.freeze()
        self.opened.emit()
        return True

    # --- recent files and the source link -----------------------------------------------

    def fill_recent_menu(self, menu: QMenu) -> None:
        """List the recent files (missing ones disabled) and a Clear entry."""
        menu.clear()
        files = self.settings.recent_files()
        for number, path in enumerate(files, start=1):
            action = menu.addAction(f"&{number % 10}  {path.name}  —  {path.parent}")
            action.setEnabled(path.exists())
            action.triggered.connect(lambda _=False, p=path: self.open_path_soon(p))
        if not files:
            menu.addAction("No recent files").setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction("Clear Recent Files")
        clear.setEnabled(bool(files))
        clear.triggered.connect(self.settings.clear_recent_files)

    def open_source_link(self, url: str) -> bool:
        """Open a web link only after the user agrees; the reader itself stays offline."""
        if not url.lower().startswith(("http://", "https://")):
            self._status.showMessage(f"Not opening {url}: only web links open.", 6000)
            return False
        if not self.dialogs.confirm(
            self._window,
            "Open in browser?",
            f"Open this address in your web browser?\n\n{url}\n\n"
            "Briefing Reader works offline; your browser will go online to load it.",
        ):
            return False
        return QDesktopServices.openUrl(QUrl(url))

    def open_original(self) -> None:
        """Open the brief's own web address, if it has one (asks first)."""
        if self.brief is not None and self.brief.source.url:
            self.open_source_link(self.brief.source.url)
