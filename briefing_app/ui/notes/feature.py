"""Annotating in the reader window: the store, the notes panel, the library and their keys.

Why one installer: the window's own module stays about reading; everything annotating adds
to it — opening the library database (telling the user once if it was damaged and moved
aside, or is read-only), the notes panel as a dock, the Annotate menu's actions, undo and
redo, the library window, the reading position kept per brief — is wired here, once.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QDockWidget, QMainWindow, QStatusBar

from briefing_app.core.export.export_job import ExportJob
from briefing_app.core.reading.document import ReadingDocument
from briefing_app.core.store import Store, StoreError
from briefing_app.ui.dialogs import Dialogs
from briefing_app.ui.export.dialog import ExportDialog
from briefing_app.ui.library.window import LibraryWindow
from briefing_app.ui.notes.colour_names import ColourNamesDialog
from briefing_app.ui.notes.controller import AnnotationController
from briefing_app.ui.notes.panel import NotesPanel
from briefing_app.ui.notes.window_views import ReaderAnnotationViews
from briefing_app.ui.present.controller import PresentationController
from briefing_app.ui.present.launch import start_presentation
from briefing_app.ui.reader.actions import HIGHLIGHT_ACTIONS, STATUS_ACTIONS
from briefing_app.ui.reader.appearance import AppearanceController
from briefing_app.ui.reader.document import DocumentController
from briefing_app.ui.reader.selection import SelectionController
from briefing_app.ui.reader.widgets.article_view import ArticleView
from briefing_app.ui.reader.widgets.highlighter import EvidenceHighlighter
from briefing_app.ui.reader.widgets.items_pane import ItemsPane
from briefing_app.ui.settings import ReaderSettings
from briefing_app.ui.shortcuts import ActionRegistry
from briefing_app.ui.themes import Theme

MESSAGE_MS = 10_000


def open_library_store() -> tuple[Store | None, list[str]]:
    """The user's library, and what to tell them about it (moved aside, read-only, or why
    it could not be opened at all: reading still works without it)."""
    try:
        store = Store.open()
    except StoreError as problem:
        return None, [f"Annotations are off: {problem}"]
    messages = [notice.message for notice in store.notices]
    if store.read_only:
        messages.append(store.read_only)
    return store, messages


class AnnotationFeature(QObject):
    """Builds and wires the annotating parts of one reader window."""

    def __init__(
        self,
        window: QMainWindow,
        *,
        store: Store | None,
        settings: ReaderSettings,
        actions: ActionRegistry,
        parts: tuple[ArticleView, EvidenceHighlighter, ItemsPane, SelectionController],
        document: DocumentController,
        appearance: AppearanceController,
        dialogs: Dialogs,
    ) -> None:
        super().__init__(window)
        self._window, self._settings, self._actions = window, settings, actions
        self._status: QStatusBar = window.statusBar()
        self._dialogs = dialogs
        self._document = document
        self._appearance = appearance
        self._article, highlighter, items, selection = parts
        self._selection = selection
        self.presentation: PresentationController | None = None
        self.panel = NotesPanel(window)
        self.dock = QDockWidget("Notes", window)
        self.dock.setObjectName("notes_dock")
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.setVisible(settings.notes_panel_visible())
        self.views = ReaderAnnotationViews(self._article, highlighter, items, selection,
                                           self.panel)
        self.controller = AnnotationController(store, self.views, self)
        self.controller.colour_names = settings.colour_names()
        self.panel.set_colour_names(self.controller.colour_names)
        self.library: LibraryWindow | None = None
        self._pending_annotation: str | None = None
        self._connect()
        self._name_actions()

    @property
    def store(self) -> Store | None:
        """The library database (None when it could not be opened)."""
        return self.controller.store

    def _connect(self) -> None:
        a, c, panel = self._actions, self.controller, self.panel
        for name, colour in HIGHLIGHT_ACTIONS.items():
            a[name].triggered.connect(lambda _=False, k=colour: c.highlight(k))
        for name, status in STATUS_ACTIONS.items():
            a[name].triggered.connect(lambda _=False, s=status: c.set_status(s))
        a["remove_highlight"].triggered.connect(c.remove_highlight)
        a["edit_note"].triggered.connect(lambda: c.edit_note(self._panel_choice(),
                                                             self._window))
        a["undo"].triggered.connect(c.undo_stack.undo)
        a["redo"].triggered.connect(c.undo_stack.redo)
        c.undo_stack.indexChanged.connect(self._update_undo_actions)
        c.undo_stack.cleanChanged.connect(self._update_undo_actions)
        self._update_undo_actions()
        a["notes_panel"].setChecked(self.dock.isVisible())
        a["notes_panel"].toggled.connect(self._show_panel)
        self.dock.visibilityChanged.connect(self._panel_visibility)
        a["colour_names"].triggered.connect(self.name_colours)
        a["library"].triggered.connect(self.show_library)
        a["export"].triggered.connect(self.export_dialog)
        a["present"].triggered.connect(lambda: self.start_presenting())
        c.problem.connect(lambda message: self._status.showMessage(message, MESSAGE_MS))
        panel.annotationChosen.connect(c.go_to)
        panel.copyLinkRequested.connect(self._copy_link)
        panel.editRequested.connect(lambda ident: c.edit_note(ident, self._window))
        panel.deleteRequested.connect(c.delete)
        panel.acceptRequested.connect(c.accept_change)
        panel.reattachRequested.connect(c.reattach)
        self._appearance.themeChanged.connect(self._on_theme)
        self._on_theme(self._appearance.theme)

    def _update_undo_actions(self, *_args: object) -> None:
        """Undo/Redo name the edit they would undo or redo, and are off when there is none."""
        stack = self.controller.undo_stack
        for name, able, text in (("undo", stack.canUndo(), stack.undoText()),
                                 ("redo", stack.canRedo(), stack.redoText())):
            action = self._actions[name]
            if not shiboken6.isValid(action):
                return  # the window is being torn down
            action.setEnabled(able)
            action.setText(f"&{name.title()} {text}" if text else f"&{name.title()}")

    def _panel_choice(self) -> str | None:
        """The notes panel's current entry, when the panel has the keyboard."""
        if self.panel.list.hasFocus():
            return self.panel.selected_id()
        return None

    def _show_panel(self, visible: bool) -> None:
        self.dock.setVisible(visible)
        if visible:
            self.panel.search.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _panel_visibility(self, visible: bool) -> None:
        if self._window.isVisible() or visible:
            self._actions["notes_panel"].setChecked(visible)
            self._settings.set_notes_panel_visible(visible)

    def _copy_link(self, annotation_id: str) -> None:
        link = self.controller.copy_link(annotation_id)
        self._status.showMessage(f"Copied {link}", MESSAGE_MS)

    def _on_theme(self, theme: Theme) -> None:
        self.views.theme = theme
        self.panel.set_theme(theme)
        self.controller.refresh()

    def _name_actions(self) -> None:
        for name, colour in HIGHLIGHT_ACTIONS.items():
            self._actions[name].setText(f"Highlight as {self.controller.colour_names[colour]}")

    def name_colours(self) -> bool:
        """Let the user rename the five colours; True when they saved new names."""
        dialog = ColourNamesDialog(self.controller.colour_names, self._appearance.theme,
                                   self._window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        names = dialog.names()
        self._settings.set_colour_names(names)
        self.controller.colour_names = self._settings.colour_names()
        self.panel.set_colour_names(self.controller.colour_names)
        self._name_actions()
        self.controller.refresh()
        return True

    # --- documents ----------------------------------------------------------------------

    def present(self, document: ReadingDocument, *, fresh: bool) -> None:
        """A brief is on screen: place its annotations; a fresh open resumes where the
        reader left it; a note asked for from the library is shown."""
        self.views.brief_items = {item.id: item for item in document.brief.items()}
        stored = self.controller.set_brief(document.brief, document.path)
        if fresh and stored is not None and stored.position > 0:
            self._article.scroll_to_position(stored.position)
        if self._pending_annotation:
            self.controller.go_to(self._pending_annotation)
            self._pending_annotation = None

    def leave(self) -> None:
        """The brief is about to be replaced or the window closed: keep the reading place."""
        if self.controller.document_id is not None:
            self.controller.remember_position(self._article.first_visible_position())

    def show_library(self) -> LibraryWindow | None:
        """Open (or raise) the library window."""
        if self.store is None:
            self._dialogs.error(self._window, "Library unavailable",
                                "The library database could not be opened; see the status "
                                "bar message when the window started.")
            return None
        if self.library is None:
            self.library = LibraryWindow(self.store, self._window)
            self.library.openRequested.connect(self._open_from_library)
        self.library.refresh()
        if self.library.isVisible():
            self.library.raise_()
        else:
            self.library.show()
        self.library.activateWindow()
        return self.library

    def export_dialog(self) -> ExportDialog | None:
        """File ▸ Export: the brief on screen and its notes, with the user's colour names."""
        brief = self._document.brief
        if brief is None:
            return None
        path = self._document.path
        job = ExportJob(
            brief=brief,
            placed=tuple(self.controller.book.all()),
            colour_names=dict(self.controller.colour_names),
            document_id=self.controller.document_id,
            source_url=path.resolve().as_uri() if path else None,
        )
        dialog = ExportDialog(job, path, self._settings.export_folder(), self._window)
        dialog.finished.connect(lambda _result: self._exported(dialog))
        dialog.open()
        return dialog

    def start_presenting(self, *, full_screen: bool = True) -> PresentationController | None:
        """Ctrl+P: present the brief on screen with the reader's marks; when it ends, the
        reader is back at the item last shown."""
        brief = self._document.brief
        if brief is None:
            return None
        self.presentation = start_presentation(
            brief, self.controller.book.all(), self._settings,
            theme=self._appearance.theme.name, full_screen=full_screen,
        )
        self.presentation.finished.connect(self._presented)
        return self.presentation

    def _presented(self, item_id: str) -> None:
        self._window.activateWindow()
        if item_id and self._selection.select_item(item_id):
            self._status.showMessage("Back at the item last shown", MESSAGE_MS)

    def _exported(self, dialog: ExportDialog) -> None:
        if dialog.written is not None:
            self._settings.set_export_folder(dialog.written.parent)
            self._status.showMessage(f"Exported {dialog.written.name}", MESSAGE_MS)

    def _open_from_library(self, path: str, annotation_id: str) -> None:
        self._pending_annotation = annotation_id or None
        if self._document.path is not None and Path(path) == self._document.path:
            if self._pending_annotation:
                self.controller.go_to(self._pending_annotation)
                self._pending_annotation = None
            return
        self._document.open_path_soon(Path(path))

    def show_when_open(self, annotation_id: str) -> None:
        """Show this annotation as soon as its brief is on screen (an opened link)."""
        self._pending_annotation = annotation_id

    def tell(self, messages: list[str]) -> None:
        """Say what happened to the library at start-up (once, in the status bar)."""
        if messages:
            self._status.showMessage("  ".join(messages), 20_000)
