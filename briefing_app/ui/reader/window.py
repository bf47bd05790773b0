"""The reader window: article on the left, section tabs of cards on the right, linked both ways.

Why this shape: the window builds the widgets and four small controllers — document
(opening, reloading), selection (items and their evidence), find, appearance — and wires
them in one place, :meth:`MainWindow._connect_signals`, so the flow of the app reads top to
bottom there (as in qutebrowser's main window).  Widgets report what the user did; the
controllers ask the Qt-free core (``briefing_app.core.reading``) what it means and tell the
widgets what to draw.  Nothing a file contains may take the window down: a brief that fails
to open or to show leaves the one on screen as it was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QIcon
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QWidget

from briefing_app.core.reading.document import ReadingDocument
from briefing_app.core.store import Store
from briefing_app.ui.dialogs import Dialogs
from briefing_app.ui.notes.feature import AnnotationFeature, open_library_store
from briefing_app.ui.offsets import OffsetMap
from briefing_app.ui.reader.actions import (
    ACTION_SPECS,
    CHEAT_SHEET_NOTES,
    TAB_ACTIONS,
    bind_button,
    build_menus,
)
from briefing_app.ui.reader.appearance import AppearanceController
from briefing_app.ui.reader.document import DocumentController, Loader
from briefing_app.ui.reader.find import FindController
from briefing_app.ui.reader.selection import SelectionController
from briefing_app.ui.reader.widgets.article_pane import ArticlePane
from briefing_app.ui.reader.widgets.highlighter import EvidenceHighlighter
from briefing_app.ui.reader.widgets.items_pane import ItemsPane
from briefing_app.ui.reader.widgets.text_limits import WINDOW_TITLE_CHARS, one_line
from briefing_app.ui.settings import ReaderSettings
from briefing_app.ui.shortcuts import ActionRegistry, CheatSheetDialog

APP_NAME = "Briefing Reader"
ITEMS_SHARE, ITEMS_MIN, ITEMS_MAX = 0.45, 420, 700  # the cards' part of the window's width


def resource_icon() -> QIcon:
    """The app icon from the bundled resources (empty if missing)."""
    from importlib.resources import files

    try:
        path = Path(str(files("briefing_app.resources").joinpath("briefing-app.svg")))
    except (ModuleNotFoundError, TypeError):
        path = Path(__file__).resolve().parents[3] / "resources" / "briefing-app.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


class MainWindow(QMainWindow):
    """The reader: one brief at a time, its article and its linked items."""

    reloaded = Signal()

    def __init__(
        self,
        *,
        settings: ReaderSettings | None = None,
        dialogs: Dialogs | None = None,
        loader: Loader | None = None,
        store: Store | bool | None = True,
        parent: QWidget | None = None,
    ) -> None:
        """``store``: the annotation library to use; True opens the user's own, None (or
        False) runs without one (annotating is then off, reading works)."""
        super().__init__(parent)
        self.settings = settings if settings is not None else ReaderSettings.for_user()
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(resource_icon())
        self.setAcceptDrops(True)
        self.setAccessibleName(APP_NAME)
        self.setAccessibleDescription("Reads a structured news brief with its linked evidence.")
        self._shown: ReadingDocument | None = None
        self._build_widgets()
        self.actions = ActionRegistry(ACTION_SPECS, self)
        self.recent_menu, self.theme_group, self.theme_actions = build_menus(
            self.menuBar(), self.actions
        )
        self._place_actions()

        dialogs = dialogs or Dialogs()
        self.document = DocumentController(
            self, self.statusBar(), self.settings, dialogs, loader, self._present
        )
        self.selection = SelectionController(
            self.article, self.highlighter, self.items_pane, self
        )
        self.find = FindController(self.find_bar, self.article, self.highlighter, self)
        self.appearance = AppearanceController(
            self, self.settings, self.article_pane, self.highlighter, self.items_pane,
            self.theme_actions,
        )
        messages: list[str] = []
        if store is True:
            store, messages = open_library_store()
        self.annotating = AnnotationFeature(
            self,
            store=store or None,
            settings=self.settings,
            actions=self.actions,
            parts=(self.article, self.highlighter, self.items_pane, self.selection),
            document=self.document,
            appearance=self.appearance,
            dialogs=dialogs,
        )
        self._connect_signals()
        self.annotating.tell(messages)

        self.actions["link_tint"].setChecked(self.settings.link_tint())
        self.appearance.apply_all()
        self._restore_layout()
        self._update_actions()

    def _build_widgets(self) -> None:
        self.article_pane = ArticlePane(self)
        self.article = self.article_pane.view
        self.find_bar = self.article_pane.find_bar
        self.items_pane = ItemsPane(self)
        self.article_pane.setAccessibleName("Article pane")
        self.article_pane.setAccessibleDescription("Title, source line and article text.")
        self.items_pane.setAccessibleName("Items pane")
        self.items_pane.setAccessibleDescription("The brief's sections as tabs of cards.")
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.article_pane)
        self.splitter.addWidget(self.items_pane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.items_pane.setMinimumWidth(320)
        self.article_pane.setMinimumWidth(360)
        self.setCentralWidget(self.splitter)
        self.status_label = QLabel(self)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # file names are not markup
        self.status_label.setAccessibleName("Brief summary")
        self.status_label.setAccessibleDescription("File name, item count and citation coverage.")
        self.statusBar().addPermanentWidget(self.status_label)
        self.highlighter = EvidenceHighlighter(self.article.document())
        self.highlighter.visible_blocks = self.article.visible_block_range
        self.article.setPlaceholderText("Open a brief (Ctrl+O) or drop a file here.")

    def _place_actions(self) -> None:
        for action in self.actions.in_scope("window"):
            self.addAction(action)
        for action in self.actions.in_scope("items"):
            self.items_pane.tab_widget.addAction(action)
        for action in self.actions.in_scope("find"):
            self.find_bar.addAction(action)
            self.article.addAction(action)  # Esc while reading closes the bar too
        evidence = self.items_pane.evidence
        for button, name, label in (
            (self.find_bar.previous_button, "find_previous", "‹ Previous"),
            (self.find_bar.next_button, "find_next", "Next ›"),
            (self.find_bar.close_button, "close_find", "Done"),
            (evidence.jump_button, "jump_source", "Jump to source"),
            (evidence.previous_button, "previous_evidence", "‹"),
            (evidence.next_button, "next_evidence", "›"),
        ):
            bind_button(button, self.actions[name], label)

    def _connect_signals(self) -> None:
        """Every connection in the window, in one place."""
        a, doc, sel, find, look = (
            self.actions, self.document, self.selection, self.find, self.appearance
        )
        a["open"].triggered.connect(doc.open_dialog)
        a["reload"].triggered.connect(lambda: self.reload(automatic=False))
        a["open_source"].triggered.connect(doc.open_original)
        a["quit"].triggered.connect(self.close)
        a["find"].triggered.connect(self.find_bar.open)
        a["find_next"].triggered.connect(lambda: find.step(backwards=False))
        a["find_previous"].triggered.connect(lambda: find.step(backwards=True))
        a["close_find"].triggered.connect(self.find_bar.close_bar)
        a["filter"].triggered.connect(self._focus_filter)
        a["zoom_in"].triggered.connect(lambda: look.zoom_by(1))
        a["zoom_out"].triggered.connect(lambda: look.zoom_by(-1))
        a["zoom_reset"].triggered.connect(lambda: look.set_zoom(0))
        a["theme_cycle"].triggered.connect(look.cycle_theme)
        a["link_tint"].toggled.connect(look.set_link_tint)
        a["full_screen"].triggered.connect(
            lambda: a["full_screen"].setChecked(look.toggle_full_screen())
        )
        for name, kind in TAB_ACTIONS.items():
            a[name].triggered.connect(lambda _=False, k=kind: self.show_tab(k))
        a["next_tab"].triggered.connect(lambda: self._step_tab(1))
        a["previous_tab"].triggered.connect(lambda: self._step_tab(-1))
        a["next_item"].triggered.connect(lambda: self.items_pane.step_item(1))
        a["previous_item"].triggered.connect(lambda: self.items_pane.step_item(-1))
        a["jump_source"].triggered.connect(sel.jump_to_source)
        a["next_evidence"].triggered.connect(lambda: sel.step_evidence(1))
        a["previous_evidence"].triggered.connect(lambda: sel.step_evidence(-1))
        a["switch_pane"].triggered.connect(self._switch_pane)
        a["shortcuts"].triggered.connect(self.show_cheat_sheet)
        self.theme_group.triggered.connect(lambda action: look.set_theme(action.data()))
        self.recent_menu.aboutToShow.connect(lambda: doc.fill_recent_menu(self.recent_menu))

        self.items_pane.itemChosen.connect(lambda item_id: sel.select_item(item_id))
        self.items_pane.filterChanged.connect(sel.on_filter_changed)
        self.article.positionClicked.connect(sel.on_article_clicked)
        self.article.positionHovered.connect(sel.on_article_hovered)
        self.article.tooltip_provider = sel.tooltip_at
        self.article.zoomRequested.connect(look.zoom_by)
        self.article_pane.header.sourceLinkActivated.connect(doc.open_source_link)
        self.find_bar.queryChanged.connect(find.set_query)
        self.find_bar.nextRequested.connect(lambda: find.step(backwards=False))
        self.find_bar.previousRequested.connect(lambda: find.step(backwards=True))
        self.find_bar.closed.connect(find.on_closed)
        doc.watcher.changed.connect(lambda _path: self.reload(automatic=True))
        doc.importer.imported.connect(doc.background_imported)
        doc.importer.failed.connect(doc.background_failed)
        QGuiApplication.styleHints().colorSchemeChanged.connect(look.on_color_scheme_changed)

    # --- showing a document -------------------------------------------------------------

    def _present(self, document: ReadingDocument) -> None:
        """Tell every part of the window about a new document (the document controller
        calls this, and calls it again with the old one if it raises)."""
        brief, text = document.brief, document.brief.article.text
        fresh = self._shown is None or self._shown.path != document.path
        if self._shown is not None:
            self.annotating.leave()
        offsets = OffsetMap(text)
        tint = self.highlighter.tint_enabled
        self.highlighter.set_tint(False, repaint=False)  # tint after the text is up
        self.highlighter.set_article(offsets, document.index, document.headings)
        self.article.set_article_text(text, offsets, len(document.paragraphs))
        self.highlighter.set_tint(tint)
        self.article_pane.header.set_meta(brief.title, brief.source)
        self.items_pane.set_brief(brief)
        self.article.marks.set_lanes(document.lanes, document.paragraphs)
        self.selection.reset(document)
        self.find.reset(text)
        # A title bar shows a line at most; a title of megabytes must not reach the window
        # manager (the whole title is in the header's tooltip).
        headline = one_line(brief.title or document.name, WINDOW_TITLE_CHARS)
        self.setWindowTitle(f"{headline} — {APP_NAME}")
        self.status_label.setText(document.summary())
        self._shown = document
        self.annotating.present(document, fresh=fresh)
        self._update_actions()

    def reload(self, *, automatic: bool = False) -> bool:
        """Read the current file again, keeping the tab, selection and reading position."""
        path = self.document.path
        place = self.selection.place()
        if path is None or not self.document.reload(automatic=automatic):
            return False
        self.selection.restore(place)
        self.statusBar().showMessage(f"Reloaded {path.name}", 4000)
        self.reloaded.emit()
        return True

    # --- tabs and focus -----------------------------------------------------------------

    def show_tab(self, kind: str) -> bool:
        """Show the tab of a section kind (the first ``other`` tab for ``other``)."""
        index = self.items_pane.tab_index_of_kind(kind)
        if index is None:
            return False
        self.items_pane.show_tab(index)
        return True

    def _step_tab(self, delta: int) -> None:
        count = self.items_pane.tab_widget.count()
        if count:
            current = self.items_pane.tab_widget.currentIndex()
            self.items_pane.show_tab((current + delta) % count)

    def _focus_filter(self) -> None:
        self.items_pane.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.items_pane.filter_edit.selectAll()

    def _switch_pane(self) -> None:
        view = self.items_pane.current_view()
        if self.article.hasFocus() and view is not None:
            view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.article.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_cheat_sheet(self) -> CheatSheetDialog:
        """Show the keyboard shortcut list (non-modal); returns the dialog."""
        dialog = CheatSheetDialog(self.actions, CHEAT_SHEET_NOTES, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _update_actions(self) -> None:
        brief = self.document.brief
        self.actions["reload"].setEnabled(self.document.path is not None)
        self.actions["open_source"].setEnabled(bool(brief and brief.source.url))
        for name in ("next_evidence", "previous_evidence", "jump_source", "find"):
            self.actions[name].setEnabled(brief is not None)

    # --- drag and drop, window state ----------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept a dragged local file."""
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if any(url.isLocalFile() for url in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Open the first dropped local file."""
        for url in event.mimeData().urls():
            if url.isLocalFile():
                event.acceptProposedAction()
                self.document.open_path_soon(Path(url.toLocalFile()))
                return
        event.ignore()

    def fit_split(self) -> None:
        """Give the cards their share of the width (within bounds), the article the rest."""
        width = max(self.splitter.width(), self.width())
        items = int(min(max(width * ITEMS_SHARE, ITEMS_MIN), ITEMS_MAX))
        self.splitter.setSizes([max(width - items, 1), items])

    def _restore_layout(self) -> None:
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 820)
        state = self.settings.splitter_state()
        if state is not None:
            self.splitter.restoreState(state)
        else:
            self.fit_split()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember geometry, split and the reading position before closing."""
        self.annotating.leave()
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_splitter_state(self.splitter.saveState())
        self.settings.sync()
        super().closeEvent(event)
