"""The reader window: article on the left, section tabs of cards on the right, linked both ways.

Why this shape: widgets report what the user did (a card chosen, a position clicked, a
query typed); this window asks the core (``SpanIndex``, ``find_text``, the importer) what
that means and tells the widgets what to draw.  All signal wiring is in one place,
:meth:`MainWindow._connect_signals`, so the flow of the app reads top to bottom.  Nothing a
file contains may take the window down: imports and redraws are guarded, and a brief that
fails to open leaves the one on screen as it was.
"""

from __future__ import annotations

import gc
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QSplitter,
    QWidget,
)

from briefing_app.core.errors import BriefInputError
from briefing_app.core.linking.span_index import SpanIndex
from briefing_app.core.model import Brief, SectionKind
from briefing_app.core.text.find import find_all, match_at_or_after, step_match
from briefing_app.ui.article_pane import ArticlePane
from briefing_app.ui.background_import import BACKGROUND_FROM_BYTES, BackgroundImporter
from briefing_app.ui.dialogs import Dialogs
from briefing_app.ui.file_watch import FileWatcher
from briefing_app.ui.highlighter import EvidenceHighlighter
from briefing_app.ui.items_pane import MAIN_TABS, ItemsPane
from briefing_app.ui.link_text import TAB_TITLES, citations_tooltip, describe_link
from briefing_app.ui.menus import TAB_ACTIONS, bind_button, build_menus
from briefing_app.ui.offsets import OffsetMap
from briefing_app.ui.settings import ZOOM_RANGE, ReaderSettings
from briefing_app.ui.shortcuts import ActionRegistry, CheatSheetDialog
from briefing_app.ui.themes import THEME_CHOICES, Theme, next_theme, resolve_theme

Loader = Callable[[Path], Brief]
APP_NAME = "Briefing Reader"
LANE_ORDER = [kind for kind, _, _ in MAIN_TABS] + [SectionKind.OTHER]


def import_brief(path: Path) -> Brief:
    """The default loader: the core importer (txt, md, brief.json)."""
    from briefing_app.core.importer import import_path

    return import_path(path)


def resource_icon() -> QIcon:
    """The app icon from the bundled resources (empty if missing)."""
    try:
        from importlib.resources import files

        data = files("briefing_app.resources").joinpath("briefing-app.svg")
        path = Path(str(data))
    except (ModuleNotFoundError, TypeError):
        path = Path(__file__).resolve().parents[2] / "resources" / "briefing-app.svg"
    if not path.exists():
        path = Path(__file__).resolve().parents[2] / "resources" / "briefing-app.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


class MainWindow(QMainWindow):
    """The reader: one brief at a time, its article and its linked items."""

    briefLoaded = Signal()
    itemSelected = Signal(str)
    reloaded = Signal()
    themeChanged = Signal(str)

    def __init__(
        self,
        *,
        settings: ReaderSettings | None = None,
        dialogs: Dialogs | None = None,
        loader: Loader | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings if settings is not None else ReaderSettings.for_user()
        self.dialogs = dialogs if dialogs is not None else Dialogs()
        self._loader: Loader = loader or import_brief
        self.importer = BackgroundImporter(self._loader, self)
        self.brief: Brief | None = None
        self.path: Path | None = None
        self.index: SpanIndex | None = None
        self._selected_id: str | None = None
        self._evidence = 0
        self._find_matches: list[tuple[int, int]] = []
        self._find_current: int | None = None
        self._theme_choice = self.settings.theme()
        self._theme: Theme = resolve_theme(self._theme_choice, Qt.ColorScheme.Unknown)
        self._zoom = self.settings.zoom()

        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(resource_icon())
        self.setAcceptDrops(True)
        self.setAccessibleName(APP_NAME)
        self.setAccessibleDescription("Reads a structured news brief with its linked evidence.")

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
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.items_pane.setMinimumWidth(280)
        self.article_pane.setMinimumWidth(320)
        self.setCentralWidget(self.splitter)
        self.status_label = QLabel(self)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # file names are not markup
        self.status_label.setAccessibleName("Brief summary")
        self.status_label.setAccessibleDescription("File name, item count and citation coverage.")
        self.statusBar().addPermanentWidget(self.status_label)

        self.highlighter = EvidenceHighlighter(self.article.document())
        self.highlighter.visible_blocks = self.article.visible_block_range
        self.article.tooltip_provider = self.tooltip_at
        self.article.setPlaceholderText("Open a brief (Ctrl+O) or drop a file here.")
        self.actions = ActionRegistry(self)
        self.watcher = FileWatcher(self)
        self._build_menus()
        self._connect_signals()

        self.actions["link_tint"].setChecked(self.settings.link_tint())
        self.highlighter.set_tint(self.settings.link_tint())
        self._apply_zoom()
        self._apply_theme()
        self._restore_layout()
        self._update_actions()

    # --- construction -------------------------------------------------------------------

    def _build_menus(self) -> None:
        menus = build_menus(self.menuBar(), self.actions)
        self.recent_menu, self.theme_group, self.theme_actions = menus
        for action in self.actions.in_scope("window"):
            self.addAction(action)
        for action in self.actions.in_scope("items"):
            self.items_pane.tab_widget.addAction(action)
        for action in self.actions.in_scope("find"):
            self.find_bar.addAction(action)
            self.article.addAction(action)  # Esc while reading closes the bar too
        a = self.actions
        for button, name, label in (
            (self.find_bar.previous_button, "find_previous", "‹ Previous"),
            (self.find_bar.next_button, "find_next", "Next ›"),
            (self.find_bar.close_button, "close_find", "Done"),
            (self.items_pane.jump_button, "jump_source", "Source"),
            (self.items_pane.previous_button, "previous_evidence", "‹"),
            (self.items_pane.next_button, "next_evidence", "›"),
        ):
            bind_button(button, a[name], label)

    def _connect_signals(self) -> None:
        """Every connection in the window, in one place."""
        a = self.actions
        a["open"].triggered.connect(self.open_dialog)
        a["reload"].triggered.connect(lambda: self.reload(automatic=False))
        a["open_source"].triggered.connect(self._open_source_action)
        a["quit"].triggered.connect(self.close)
        a["find"].triggered.connect(self.find_bar.open)
        a["find_next"].triggered.connect(lambda: self.find_step(backwards=False))
        a["find_previous"].triggered.connect(lambda: self.find_step(backwards=True))
        a["close_find"].triggered.connect(self.find_bar.close_bar)
        a["filter"].triggered.connect(self._focus_filter)
        a["zoom_in"].triggered.connect(lambda: self.set_zoom(self._zoom + 1))
        a["zoom_out"].triggered.connect(lambda: self.set_zoom(self._zoom - 1))
        a["zoom_reset"].triggered.connect(lambda: self.set_zoom(0))
        a["theme_cycle"].triggered.connect(self.cycle_theme)
        a["link_tint"].toggled.connect(self.set_link_tint)
        a["full_screen"].triggered.connect(self._toggle_full_screen)
        for name, kind in TAB_ACTIONS.items():
            a[name].triggered.connect(lambda _=False, k=kind: self.show_tab(k))
        a["next_tab"].triggered.connect(lambda: self._step_tab(1))
        a["previous_tab"].triggered.connect(lambda: self._step_tab(-1))
        a["next_item"].triggered.connect(lambda: self.items_pane.step_item(1))
        a["previous_item"].triggered.connect(lambda: self.items_pane.step_item(-1))
        a["jump_source"].triggered.connect(self.jump_to_source)
        a["next_evidence"].triggered.connect(lambda: self.step_evidence(1))
        a["previous_evidence"].triggered.connect(lambda: self.step_evidence(-1))
        a["switch_pane"].triggered.connect(self._switch_pane)
        a["shortcuts"].triggered.connect(self.show_cheat_sheet)
        self.theme_group.triggered.connect(lambda action: self.set_theme(action.data()))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)

        self.items_pane.itemChosen.connect(lambda item_id: self.select_item(item_id))
        self.article.positionClicked.connect(self._on_article_clicked)
        self.article.positionHovered.connect(self._on_article_hovered)
        self.article.zoomRequested.connect(lambda step: self.set_zoom(self._zoom + step))
        self.article_pane.header.sourceLinkActivated.connect(self.open_source_link)
        self.find_bar.queryChanged.connect(self.set_find_query)
        self.find_bar.nextRequested.connect(lambda: self.find_step(backwards=False))
        self.find_bar.previousRequested.connect(lambda: self.find_step(backwards=True))
        self.find_bar.closed.connect(self._on_find_closed)
        self.watcher.changed.connect(lambda _path: self.reload(automatic=True))
        self.importer.imported.connect(self._background_imported)
        self.importer.failed.connect(self._background_failed)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)

    # --- opening ------------------------------------------------------------------------

    def open_dialog(self) -> None:
        """Ask for a file and open it."""
        directory = str(self.path.parent) if self.path else str(Path.home())
        path = self.dialogs.open_file(self, directory)
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
        self.statusBar().showMessage(f"Opening {path.name}\u2026")
        self.importer.start(path)

    def _background_finished(self) -> None:
        QApplication.restoreOverrideCursor()
        self.statusBar().clearMessage()

    def _background_imported(self, path: Path, brief: Brief) -> None:
        self._background_finished()
        if self.show_brief(brief, path):
            self.settings.add_recent_file(path)
            self.watcher.watch(path)

    def _background_failed(self, path: Path, message: str) -> None:
        self._background_finished()
        self._report(message)

    def open_path(self, path: str | Path) -> bool:
        """Import and show a file; on failure show the error and keep the current brief."""
        path = Path(path)
        if self.importer.cancel():  # a file still importing in the background is superseded
            self._background_finished()
        brief = self._load(path, automatic=False)
        if brief is None:
            return False
        if not self.show_brief(brief, path):
            return False
        self.settings.add_recent_file(path)
        self.watcher.watch(path)
        return True

    def _load(self, path: Path, *, automatic: bool) -> Brief | None:
        # A long article takes seconds to link: say so and show a busy cursor meanwhile.
        self.statusBar().showMessage(f"Opening {path.name}\u2026")
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
            self.statusBar().clearMessage()
        self._report(message, automatic=automatic)
        return None

    def _report(self, message: str, *, automatic: bool = False) -> None:
        if automatic:
            self.statusBar().showMessage(f"Could not reload — {message}", 15_000)
        else:
            self.dialogs.error(self, "Cannot open brief", message)

    def show_brief(self, brief: Brief, path: Path | None = None) -> bool:
        """Display a brief (already imported); False, and nothing changes, if it can't be."""
        previous = (self.brief, self.path)
        try:
            self._display(brief, path)
        except Exception as error:  # keep what was on screen
            traceback.print_exc(file=sys.stderr)
            self.dialogs.error(
                self,
                "Cannot show brief",
                f"error: {path or 'brief'}: could not be shown ({type(error).__name__}: {error})",
            )
            if previous[0] is not None and previous[0] is not brief:
                self._display(previous[0], previous[1])
            return False
        self.briefLoaded.emit()
        return True

    def _display(self, brief: Brief, path: Path | None) -> None:
        # A big brief is tens of thousands of long-lived objects; freezing them keeps the
        # cyclic GC from walking them all (a 70 ms pause) in the middle of a selection.
        # Unfreeze first so the previous brief can be collected.
        gc.unfreeze()
        index = SpanIndex(brief)
        text = brief.article.text
        offsets = OffsetMap(text)
        self.brief, self.path, self.index = brief, path, index
        self._selected_id, self._evidence = None, 0
        headings = {
            s.title.strip(): str(s.kind) for s in brief.sections if s.title.strip()
        }
        tint = self.highlighter.tint_enabled
        self.highlighter.set_tint(False, repaint=False)  # tint after the text is up
        self.highlighter.set_article(offsets, index, headings)
        self.article.set_article_text(text, offsets)
        self.highlighter.set_tint(tint)
        self.article_pane.header.set_meta(brief.title, brief.source)
        self.items_pane.set_brief(brief)
        self.items_pane.set_evidence(None, 0, "")
        self._set_marks()
        self.article.marks.set_selected([], self._theme.color("accent"))
        name = path.name if path else "brief"
        self.setWindowTitle(f"{brief.title or name} — {APP_NAME}")
        items = len(brief.items())
        self.status_label.setText(
            f"{name}  ·  {items} item{'s' if items != 1 else ''}  ·  "
            f"{index.coverage():.0%} of the article cited"
        )
        if self.find_bar.isVisible() and self.find_bar.query():
            self.set_find_query(self.find_bar.query())
        else:
            self._find_matches, self._find_current = [], None
        self._update_actions()
        gc.freeze()

    def _set_marks(self) -> None:
        if self.brief is None or self.index is None:
            self.article.marks.set_lanes([], "")
            return
        spans = self.index.section_spans()
        lanes, names = [], []
        for kind in LANE_ORDER:
            merged = sorted(
                span
                for i, section in enumerate(self.brief.sections)
                if section.kind == kind
                for span in spans.get(i, [])
            )
            if merged:
                lanes.append((self._theme.section_color(kind), merged))
                names.append(TAB_TITLES.get(kind, "Other sections"))
        tip = (
            "Evidence map, lanes left to right: " + ", ".join(names) + ".\n"
            "Gaps are passages no item cites. Click to scroll there."
        )
        self.article.marks.set_lanes(lanes, tip)

    # --- reloading ----------------------------------------------------------------------

    def reload(self, *, automatic: bool = False) -> bool:
        """Read the current file again, keeping the reading position and selected item."""
        if self.path is None:
            return False
        position = self.article.first_visible_position()
        selected, evidence = self._selected_id, self._evidence
        tab = self.items_pane.tab_widget.currentIndex()
        brief = self._load(self.path, automatic=automatic)
        if brief is None or not self.show_brief(brief, self.path):
            return False
        self.items_pane.show_tab(tab, focus=False)
        if selected and self.index and self.index.item(selected) is not None:
            count = len(self.index.citations_of(selected))
            self.select_item(selected, scroll=False, evidence=min(evidence, max(count - 1, 0)))
        self.article.scroll_to_position(position)
        self.statusBar().showMessage(f"Reloaded {self.path.name}", 4000)
        self.reloaded.emit()
        return True

    # --- selection and evidence ---------------------------------------------------------

    @property
    def selected_item_id(self) -> str | None:
        """Id of the selected item, if any."""
        return self._selected_id

    @property
    def evidence_position(self) -> int:
        """Which of the selected item's anchors is shown (0 = its own passage)."""
        return self._evidence

    def select_item(self, item_id: str, *, scroll: bool = True, evidence: int = 0) -> bool:
        """Select an item: its card, its highlighted spans, and the article at its evidence."""
        if self.index is None or self.index.item(item_id) is None:
            return False
        citations = self.index.citations_of(item_id)
        self._selected_id = item_id
        self._evidence = min(max(evidence, 0), max(len(citations) - 1, 0))
        spans = [(c.start, c.end) for c in citations if c.end > c.start]
        own = [(c.start, c.end) for c in citations[:1] if c.end > c.start]
        soft = [(c.start, c.end) for c in citations[1:] if c.end > c.start]
        self.highlighter.set_item_spans(own, soft)
        if self.items_pane.current_item_id() != item_id:
            self.items_pane.select_item(item_id)
        self.article.marks.set_selected(spans, self._theme.color("accent"))
        self._show_evidence(scroll=scroll)
        self._update_actions()
        self.itemSelected.emit(item_id)
        return True

    def _show_evidence(self, *, scroll: bool) -> None:
        if self.index is None or self._selected_id is None:
            self.items_pane.set_evidence(None, 0, "")
            return
        citations = self.index.citations_of(self._selected_id)
        if not citations:
            self.items_pane.set_evidence(0, 0, "")
            return
        citation = citations[self._evidence]
        self.article.show_span(citation.start, citation.end, scroll=scroll)
        self.items_pane.set_evidence(self._evidence, len(citations), describe_link(citation))

    def step_evidence(self, delta: int) -> None:
        """Show the selected item's next (+1) or previous (-1) linked passage, wrapping."""
        if self.index is None or self._selected_id is None:
            return
        count = len(self.index.citations_of(self._selected_id))
        if count:
            self._evidence = (self._evidence + delta) % count
            self._show_evidence(scroll=True)

    def jump_to_source(self) -> None:
        """Scroll the article to the selected item's own passage."""
        if self._selected_id is None:
            current = self.items_pane.current_item_id()
            if current is None:
                return
            self.select_item(current)
            return
        self._evidence = 0
        self._show_evidence(scroll=True)

    def _on_article_clicked(self, position: int) -> None:
        if self.index is None:
            return
        citations = self.index.citations_at(position)
        if citations:
            best = citations[0]
            self.select_item(best.item_id, scroll=False, evidence=best.anchor_index)

    def _on_article_hovered(self, position: int) -> None:
        citations = self.index.citations_at(position) if self.index and position >= 0 else ()
        self.highlighter.set_hover((citations[0].start, citations[0].end) if citations else None)
        self.article.set_link_cursor(bool(citations))

    def tooltip_at(self, position: int) -> str:
        """Rich-text tooltip naming every item that cites the text at ``position``."""
        if self.index is None or self.brief is None:
            return ""
        return citations_tooltip(self.brief, self.index, self.index.citations_at(position))

    # --- tabs ---------------------------------------------------------------------------

    def show_tab(self, kind: SectionKind | str) -> bool:
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

    # --- find ---------------------------------------------------------------------------

    @property
    def find_matches(self) -> list[tuple[int, int]]:
        """Current find matches as code-point spans."""
        return list(self._find_matches)

    @property
    def find_current(self) -> int | None:
        """Index of the current find match."""
        return self._find_current

    def set_find_query(self, query: str) -> None:
        """Find every match of ``query``; the first one at or after the view's top is current."""
        text = self.brief.article.text if self.brief else ""
        self._find_matches = find_all(text, query)
        self.highlighter.set_find_matches(self._find_matches)
        self._find_current = match_at_or_after(
            self._find_matches, self.article.first_visible_position()
        )
        self._show_find_current()

    def find_step(self, *, backwards: bool) -> None:
        """Go to the next or previous match, opening the find bar if it is closed."""
        if not self.find_bar.isVisible():
            self.find_bar.show()
            if self.find_bar.query():
                self.set_find_query(self.find_bar.query())
                return
            self.find_bar.open()
            return
        self.find_bar.flush()
        self._find_current = step_match(
            len(self._find_matches), self._find_current, backwards=backwards
        )
        self._show_find_current()

    def _show_find_current(self) -> None:
        if self._find_current is not None and self._find_matches:
            start, end = self._find_matches[self._find_current]
            self.article.show_span(start, end, scroll=True)
        self.find_bar.set_status(
            self._find_current, len(self._find_matches), self.find_bar.query()
        )

    def _on_find_closed(self) -> None:
        self._find_matches, self._find_current = [], None
        self.highlighter.set_find_matches([])
        self.article.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- appearance ---------------------------------------------------------------------

    @property
    def theme(self) -> Theme:
        """The theme being drawn."""
        return self._theme

    @property
    def theme_choice(self) -> str:
        """The user's choice: system, light, dark or sepia."""
        return self._theme_choice

    def set_theme(self, choice: str) -> None:
        """Pin a theme (or ``system`` to follow the OS) and redraw."""
        if choice not in THEME_CHOICES:
            return
        self._theme_choice = choice
        self.settings.set_theme(choice)
        self._apply_theme()

    def cycle_theme(self) -> None:
        """Light → dark → sepia → light."""
        self.set_theme(next_theme(self._theme.name))

    def _apply_theme(self) -> None:
        scheme = QGuiApplication.styleHints().colorScheme()
        theme = resolve_theme(self._theme_choice, scheme)
        self._theme = theme
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setPalette(theme.palette())
        self.article_pane.header.set_colors(theme.link, theme.muted, theme.card_border)
        self.highlighter.set_theme(theme)
        self.items_pane.set_theme(theme)
        if self.index is not None:
            self._set_marks()
            spans = [
                (c.start, c.end)
                for c in (self.index.citations_of(self._selected_id) if self._selected_id else [])
            ]
            self.article.marks.set_selected(spans, theme.color("accent"))
        self.theme_actions[self._theme_choice].setChecked(True)
        self.themeChanged.emit(theme.name)

    def _on_color_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._theme_choice == "system":
            self._apply_theme()

    def set_zoom(self, steps: int) -> None:
        """Set the text size in steps of 10% (clamped), for article and cards."""
        self._zoom = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], steps))
        self.settings.set_zoom(self._zoom)
        self._apply_zoom()

    @property
    def zoom(self) -> int:
        """The text size in steps from the default."""
        return self._zoom

    def _apply_zoom(self) -> None:
        self.article_pane.set_zoom(self._zoom)
        self.items_pane.set_zoom(self._zoom)

    def set_link_tint(self, enabled: bool) -> None:
        """Tint every linked span by section colour (uncited text stays plain)."""
        self.settings.set_link_tint(enabled)
        self.highlighter.set_tint(enabled)
        if self.actions["link_tint"].isChecked() != enabled:
            self.actions["link_tint"].setChecked(enabled)

    def _toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.actions["full_screen"].setChecked(self.isFullScreen())

    # --- links, help, recent files ------------------------------------------------------

    def open_source_link(self, url: str) -> bool:
        """Open a web link only after the user agrees; the reader itself stays offline."""
        if not url.lower().startswith(("http://", "https://")):
            self.statusBar().showMessage(f"Not opening {url}: only web links open.", 6000)
            return False
        if not self.dialogs.confirm(
            self,
            "Open in browser?",
            f"Open this address in your web browser?\n\n{url}\n\n"
            "Briefing Reader works offline; your browser will go online to load it.",
        ):
            return False
        return QDesktopServices.openUrl(QUrl(url))

    def _open_source_action(self) -> None:
        if self.brief is not None and self.brief.source.url:
            self.open_source_link(self.brief.source.url)

    def show_cheat_sheet(self) -> CheatSheetDialog:
        """Show the keyboard shortcut list (non-modal); returns the dialog."""
        dialog = CheatSheetDialog(self.actions, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files()
        for number, path in enumerate(files, start=1):
            label = f"&{number % 10}  {path.name}  —  {path.parent}"
            action = self.recent_menu.addAction(label)
            action.setEnabled(path.exists())
            action.triggered.connect(lambda _=False, p=path: self.open_path_soon(p))
        if not files:
            empty = self.recent_menu.addAction("No recent files")
            empty.setEnabled(False)
        self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction("Clear Recent Files")
        clear.setEnabled(bool(files))
        clear.triggered.connect(self.settings.clear_recent_files)

    def _update_actions(self) -> None:
        has_brief = self.brief is not None
        self.actions["reload"].setEnabled(self.path is not None)
        self.actions["open_source"].setEnabled(bool(self.brief and self.brief.source.url))
        for name in ("next_evidence", "previous_evidence", "jump_source", "find"):
            self.actions[name].setEnabled(has_brief)

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
                self.open_path_soon(Path(url.toLocalFile()))
                return
        event.ignore()

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
            self.splitter.setSizes([650, 750])  # room for the five main tabs and one more

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember geometry and split before closing."""
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_splitter_state(self.splitter.saveState())
        self.settings.sync()
        super().closeEvent(event)

