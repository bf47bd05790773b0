"""The right-hand pane: a filter box, one tab of cards per section, and the evidence footer.

Why it decides nothing: the tab plan and its titles come from ``core.reading.tabs``, the
footer's words from ``core.reading.selection``; the pane reports what the user picked
(``itemChosen``) and typed (``filterChanged``) and draws what it is told.  Tab titles
shorten as the pane narrows, so the tab bar never needs scroll arrows.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.model import Article, Brief, SectionKind
from briefing_app.core.reading.annotation_book import ItemMark
from briefing_app.core.reading.selection import EvidenceView
from briefing_app.core.reading.tabs import TabSpec, fitting_titles, plan_tabs, tab_title
from briefing_app.ui.reader.widgets.card_list import ItemCardsView
from briefing_app.ui.reader.widgets.evidence_bar import EvidenceBar
from briefing_app.ui.reader.widgets.item_model import ItemIdRole
from briefing_app.ui.themes import LIGHT, Theme


def dot_icon(color: QColor, size: int = 10) -> QIcon:
    """A small filled circle in a section's colour, for its tab."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class _CompactTabStyle(QProxyStyle):
    """Tighter tab padding so the five main tabs, with counts, fit a half-width pane."""

    def pixelMetric(
        self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        """Qt: narrower horizontal tab padding, smaller tab icons."""
        if metric == QStyle.PixelMetric.PM_TabBarTabHSpace:
            return 14
        if metric == QStyle.PixelMetric.PM_TabBarIconSize:
            return 8
        return super().pixelMetric(metric, option, widget)


MEASURE_SLICE_S = 0.006  # longest stretch of card measuring between two turns of the loop


class ItemsPane(QWidget):
    """Filter box, section tabs of item cards, and the evidence footer.

    Cards are measured ahead, in short slices while the window is idle, visible tab first:
    a list of cards can only scroll to a card once it knows every height above it, and
    measuring a tab of a thousand cards on demand would stall the selection that needs it.
    """

    itemChosen = Signal(str)  # the user selected a card (its item id)
    filterChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._specs: list[TabSpec] = []
        self._views: list[ItemCardsView] = []
        self._updating = False
        self._theme = LIGHT
        self._zoom = 0

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText("Filter items by text or speaker")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAcceptDrops(False)  # a dropped file opens, it isn't typed
        self.filter_edit.setAccessibleName("Filter items")
        self.filter_edit.setAccessibleDescription(
            "Shows only the cards whose text or speaker contains what you type."
        )
        self.tab_widget = QTabWidget(self)
        self.tab_widget.setDocumentMode(True)
        self._tab_style = _CompactTabStyle(self.style().name())
        self._tab_style.setParent(self)
        self.tab_widget.tabBar().setStyle(self._tab_style)
        self.tab_widget.setUsesScrollButtons(True)  # only if even the shortest titles can't fit
        self.tab_widget.setElideMode(Qt.TextElideMode.ElideNone)
        self.tab_widget.setAccessibleName("Sections")
        self.tab_widget.setAccessibleDescription(
            "One tab per section of the brief; Ctrl+0 to Ctrl+4 switch between them."
        )
        self.evidence = EvidenceBar(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        filter_row = QHBoxLayout()
        filter_row.setContentsMargins(10, 0, 10, 0)
        filter_row.addWidget(self.filter_edit)
        layout.addLayout(filter_row)
        layout.addWidget(self.tab_widget, 1)
        layout.addWidget(self.evidence)

        self._selected_id: str | None = None  # the item the window has selected
        self._ahead: list[tuple[ItemCardsView, int]] = []  # (tab, next card to measure)
        self._measure_timer = QTimer(self)
        self._measure_timer.setSingleShot(True)
        self._measure_timer.setInterval(0)
        self.filter_edit.textChanged.connect(self._apply_filter)
        # The current tab is drawn a little wider, so titles are fitted again when it moves.
        self.tab_widget.currentChanged.connect(lambda _index: self._fit_titles())
        self._measure_timer.timeout.connect(self._measure_slice)
        self.filter_edit.installEventFilter(self)
        self.set_brief(Brief(id="", article=Article(text="")))  # empty tabs until a brief

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down or Return in the filter box moves into the (filtered) cards."""
        if (
            watched is self.filter_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            view = self.current_view()
            if view is not None and view.model().rowCount():
                view.setFocus(Qt.FocusReason.TabFocusReason)
                if not view.currentIndex().isValid():
                    self.step_item(1)
                return True
        return super().eventFilter(watched, event)

    # --- building -----------------------------------------------------------------------

    def set_brief(self, brief: Brief) -> None:
        """Rebuild the tabs for a new brief (the filter text is kept)."""
        current = self.tab_widget.currentIndex()
        self._updating = True
        try:
            self.tab_widget.clear()
            for view in self._views:
                view.deleteLater()
            self._specs = plan_tabs(brief)
            self._views = [ItemCardsView(spec, self) for spec in self._specs]
            for view in self._views:
                view.delegate.set_theme(self._theme)
                view.delegate.set_zoom(self._zoom)
                self.tab_widget.addTab(view, "")
                view.selectionModel().selectionChanged.connect(self._on_selection_changed)
            self._apply_icons()  # before the titles are fitted: the dots take room too
            self._apply_filter(self.filter_edit.text(), notify=False)
            if 0 <= current < len(self._views):
                self.tab_widget.setCurrentIndex(current)
        finally:
            self._updating = False
        self._measure_all()

    def _measure_all(self) -> None:
        """Queue every tab's cards for measuring ahead, the visible tab first."""
        current = self.current_view()
        views = sorted(self._views, key=lambda view: view is not current)
        self._ahead = [(view, 0) for view in views if view.total()]
        if self._ahead:
            self._measure_timer.start()

    def _measure_slice(self) -> None:
        current = self.current_view()
        if not self._ahead or current is None:
            return
        width = current.viewport().width()  # every tab's list is as wide (scrollbar on)
        deadline = time.perf_counter() + MEASURE_SLICE_S
        while self._ahead and time.perf_counter() < deadline:
            view, start = self._ahead[0]
            reached = view.measure_ahead(start, width, deadline)
            if reached >= view.total():
                self._ahead.pop(0)
            else:
                self._ahead[0] = (view, reached)
        if self._ahead:
            self._measure_timer.start()

    def measuring(self) -> bool:
        """Whether cards are still being measured ahead."""
        return bool(self._ahead)

    def set_theme(self, theme: Theme) -> None:
        """Recolour cards and tab dots."""
        self._theme = theme
        for view in self._views:
            view.delegate.set_theme(theme)
            view.viewport().update()
        self._apply_icons()

    def set_marks(self, marks: dict[str, ItemMark]) -> None:
        """The reader's status, colour and note per item: cards whose marks changed are
        measured again (a badge can add a line) and every tab repaints."""
        for view in self._views:
            delegate = view.delegate
            if delegate.marks == marks:
                continue
            delegate.marks = dict(marks)
            view.relayout()

    def set_zoom(self, steps: int) -> None:
        """Card text follows the reader's zoom."""
        self._zoom = steps
        for view in self._views:
            view.delegate.set_zoom(steps)
            view.relayout()
        self._measure_all()

    def _apply_icons(self) -> None:
        for i, spec in enumerate(self._specs):
            self.tab_widget.setTabIcon(i, dot_icon(self._theme.section_color(spec.kind)))

    def _apply_filter(self, text: str, *, notify: bool = True) -> None:
        # Filtering moves rows under the selection model, which reports the row that slid
        # into place as selected; that is not the reader's choice, so it is ignored and the
        # selected card (if still shown) is selected again.
        updating, self._updating = self._updating, True
        try:
            for view in self._views:
                view.set_filter(text.strip())
                view.selectionModel().clear()
                index = view.index_of(self._selected_id) if self._selected_id else None
                if index is not None and index.isValid():
                    view.selectionModel().setCurrentIndex(
                        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    )
        finally:
            self._updating = updating
        self._fit_titles()
        if notify:
            self.filterChanged.emit(text)

    def _fit_titles(self) -> None:
        """The most descriptive titles whose tabs fit the pane (full, short, shortest)."""
        if not self._views:
            return
        counts = [(v.model().rowCount(), v.total()) for v in self._views]
        bar = self.tab_widget.tabBar()

        def width_of(titles: list[str]) -> int:
            for i, title in enumerate(titles):
                bar.setTabText(i, title)
            return bar.sizeHint().width()

        titles = fitting_titles(self._specs, counts, width_of, self.width() - 4)
        for i, (title, spec) in enumerate(zip(titles, self._specs, strict=True)):
            bar.setTabText(i, title)
            bar.setTabToolTip(i, tab_title(spec.title, *counts[i]))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Qt: choose tab titles that fit the new width; measure cards for it."""
        super().resizeEvent(event)
        self._fit_titles()
        if event.size().width() != event.oldSize().width():
            self._measure_all()

    def changeEvent(self, event: QEvent) -> None:
        """Qt: a new font changes how wide the titles are."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_titles()

    # --- queries ------------------------------------------------------------------------

    def current_view(self) -> ItemCardsView | None:
        """The cards in the visible tab."""
        i = self.tab_widget.currentIndex()
        return self._views[i] if 0 <= i < len(self._views) else None

    def view_at(self, tab_index: int) -> ItemCardsView:
        """The cards in tab ``tab_index``."""
        return self._views[tab_index]

    def tab_index_of_kind(self, kind: SectionKind | str) -> int | None:
        """Index of the first tab showing this section kind."""
        for i, spec in enumerate(self._specs):
            if spec.kind == kind:
                return i
        return None

    def tab_index_of_item(self, item_id: str) -> int | None:
        """Index of the tab holding the item."""
        for i, view in enumerate(self._views):
            if view.has_item(item_id):
                return i
        return None

    def current_item_id(self) -> str | None:
        """Id of the current card in the visible tab, if any."""
        view = self.current_view()
        return view.current_item_id() if view is not None else None

    def scroll_value(self) -> int:
        """How far the visible tab's cards are scrolled."""
        view = self.current_view()
        return view.verticalScrollBar().value() if view is not None else 0

    # --- actions ------------------------------------------------------------------------

    def show_tab(self, index: int, *, focus: bool = True) -> None:
        """Switch to tab ``index`` and put keyboard focus in its list."""
        if 0 <= index < len(self._views):
            self.tab_widget.setCurrentIndex(index)
            if focus:
                self._views[index].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_scroll_value(self, value: int) -> None:
        """Scroll the visible tab's cards (to restore a place)."""
        view = self.current_view()
        if view is not None:
            view.scroll_to_value(value)

    def step_item(self, delta: int) -> str | None:
        """Move to the next (+1) or previous (-1) card in the visible tab; its id."""
        view = self.current_view()
        if view is None or view.model().rowCount() == 0:
            return None
        current = view.currentIndex()
        if not current.isValid() or not view.selectionModel().isSelected(current):
            row = 0 if delta > 0 else view.model().rowCount() - 1
        else:
            row = min(max(current.row() + delta, 0), view.model().rowCount() - 1)
        index = view.model().index(row, 0)
        view.setCurrentIndex(index)  # emits itemChosen through the selection change
        view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return view.current_item_id()

    def select_item(self, item_id: str, *, scroll: bool = True) -> bool:
        """Select the item's card (without emitting ``itemChosen``); False if unknown.
        A card hidden by the filter clears the filter first."""
        tab_index = self.tab_index_of_item(item_id)
        if tab_index is None:
            return False
        view = self._views[tab_index]
        if not view.shows_item(item_id):
            self.filter_edit.clear()
        self._updating = True
        try:
            for other in self._views:
                if other is not view:
                    other.selectionModel().clear()
            self.tab_widget.setCurrentIndex(tab_index)
            proxy_index = view.index_of(item_id)
            view.selectionModel().setCurrentIndex(
                proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            if scroll:
                view.scrollTo(proxy_index, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._updating = False
        return True

    def show_evidence(self, view: EvidenceView) -> None:
        """The footer and the selected card's chips for the selection."""
        self._selected_id = view.item_id
        self.evidence.show_evidence(view.counter, view.reason)
        for cards in self._views:
            cards.show_current(view.item_id, view.position)

    def _on_selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        # Selection, not the current index: focusing a list makes its first row current
        # without selecting it, and that must not select an item.
        indexes = selected.indexes()
        if self._updating or not indexes:
            return
        item_id = indexes[0].data(ItemIdRole)
        sender_view = self.current_view()
        self._updating = True
        try:
            for view in self._views:
                if view is not sender_view:
                    view.selectionModel().clear()
        finally:
            self._updating = False
        if item_id:
            self.itemChosen.emit(item_id)
