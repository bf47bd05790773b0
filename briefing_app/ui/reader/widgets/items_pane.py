"""The right-hand pane: a filter box, one tab of cards per section, and evidence stepping.

Why tabs are planned from the brief: the four main section kinds always get a tab (an empty
one says so), the lede is the Overview, and every ``other`` section keeps its own tab with
its heading — nothing in the brief goes unshown.  The pane reports what the user picked
(``itemChosen``); it never decides what selection means for the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProxyStyle,
    QSizePolicy,
    QStyle,
    QStyleOption,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.export.outline import TAB_TITLES
from briefing_app.core.model import Article, Brief, Item, SectionKind
from briefing_app.ui.item_list import ItemFilterProxy, ItemIdRole, ItemListModel, ItemListView
from briefing_app.ui.themes import LIGHT, Theme

_PLACEHOLDERS = {
    SectionKind.LEDE: "This brief has no lede.",
    SectionKind.WHY_IT_MATTERS: "No “Why it matters” section in this brief.",
    SectionKind.WHAT_TO_KNOW: "No “What to know” section in this brief.",
    SectionKind.QUOTES: "No quotes in this brief.",
    SectionKind.NEXT_STEPS: "No “What happens next” section in this brief.",
}
# Titles come from the core, so the window and `briefing-app show` name tabs alike.
MAIN_TABS: list[tuple[SectionKind, str, str]] = [
    (kind, TAB_TITLES[kind], placeholder) for kind, placeholder in _PLACEHOLDERS.items()
]


@dataclass
class TabSpec:
    """One tab: which section kind it shows, its title and its items in reading order."""

    kind: SectionKind
    title: str
    items: list[Item]
    placeholder: str
    section_labels: dict[str, str] = field(default_factory=dict)


OTHER_TAB_TITLE_CHARS = 18


def plan_tabs(brief: Brief) -> list[TabSpec]:
    """The tabs for a brief: the five main ones always, then the ``other`` sections — one
    tab named after a lone other section, or a single "More" tab whose cards say which
    section they come from (Smart Brevity copy can carry half a dozen such labels, and a
    tab each would not fit beside the article)."""
    tabs = []
    for kind, title, placeholder in MAIN_TABS:
        items = [item for s in brief.sections if s.kind == kind for item in s.items]
        tabs.append(TabSpec(kind, title, items, placeholder))
    others = [s for s in brief.sections if s.kind == SectionKind.OTHER]
    if len(others) == 1:
        title = others[0].title.strip().rstrip(":") or "Other"
        if len(title) > OTHER_TAB_TITLE_CHARS:
            title = title[: OTHER_TAB_TITLE_CHARS - 1].rstrip() + "\u2026"
        tabs.append(TabSpec(SectionKind.OTHER, title, list(others[0].items), "No items."))
    elif others:
        labels = {
            item.id: section.title.strip().rstrip(":") or "Other"
            for section in others
            for item in section.items
        }
        items = [item for section in others for item in section.items]
        tabs.append(TabSpec(SectionKind.OTHER, "More", items, "No items.", labels))
    return tabs


def tab_title(spec_title: str, shown: int, total: int) -> str:
    """"Quotes (6)", or "Quotes (2 of 6)" while a filter hides some."""
    if shown == total:
        return f"{spec_title} ({total})"
    return f"{spec_title} ({shown} of {total})"


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


class _Tab:
    """The model, proxy and view behind one tab."""

    def __init__(self, spec: TabSpec, parent: QWidget) -> None:
        self.spec = spec
        self.view = ItemListView(spec.placeholder, parent)
        # The view owns its model and proxy, so deleting the view on the next brief frees
        # them too (they would otherwise pile up, each holding a whole brief's items).
        self.model = ItemListModel(spec.items, self.view)
        self.proxy = ItemFilterProxy(self.view)
        self.proxy.setSourceModel(self.model)
        self.view.setModel(self.proxy)
        self.view.delegate.section_labels = spec.section_labels
        self.view.setAccessibleName(f"{spec.title} items")
        self.view.setAccessibleDescription(
            f"Cards in the {spec.title} tab. Up and Down or J and K move, "
            "Return shows the item's source passage in the article."
        )


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" when too narrow, with the whole text as tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setMinimumWidth(40)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        """Qt: keep the whole text and show as much of it as fits."""
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        """The text as set, before eliding."""
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Qt: re-elide for the new width."""
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(
            self._full, Qt.TextElideMode.ElideRight, max(10, self.width())
        )
        super().setText(shown)


class ItemsPane(QWidget):
    """Filter box, section tabs of item cards, and the evidence navigator."""

    itemChosen = Signal(str)  # the user selected a card (its item id)
    filterChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tabs: list[_Tab] = []
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
        self.tab_widget.setUsesScrollButtons(True)
        self.tab_widget.setElideMode(Qt.TextElideMode.ElideNone)
        self.tab_widget.setAccessibleName("Sections")
        self.tab_widget.setAccessibleDescription(
            "One tab per section of the brief; Ctrl+0 to Ctrl+4 switch between them."
        )

        self.evidence_label = ElidedLabel(self)
        self.evidence_label.setAccessibleName("Evidence position")
        self.evidence_label.setAccessibleDescription(
            "Which of the selected item's linked passages is shown, and why it is linked."
        )
        self.evidence_label.setTextFormat(Qt.TextFormat.PlainText)
        self.previous_button = QToolButton(self)
        self.next_button = QToolButton(self)
        self.jump_button = QToolButton(self)
        for button in (self.previous_button, self.next_button, self.jump_button):
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        nav = QHBoxLayout()
        nav.setContentsMargins(10, 4, 10, 6)
        nav.addWidget(self.evidence_label, 1)
        nav.addWidget(self.jump_button)
        nav.addWidget(self.previous_button)
        nav.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        filter_row = QHBoxLayout()
        filter_row.setContentsMargins(10, 0, 10, 0)
        filter_row.addWidget(self.filter_edit)
        layout.addLayout(filter_row)
        layout.addWidget(self.tab_widget, 1)
        layout.addLayout(nav)

        self.filter_edit.textChanged.connect(self._apply_filter)
        self.filter_edit.installEventFilter(self)
        self.set_evidence(None, 0, "")
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
            for tab in self._tabs:
                tab.view.deleteLater()
            self._tabs = [_Tab(spec, self) for spec in plan_tabs(brief)]
            for tab in self._tabs:
                tab.view.delegate.set_theme(self._theme)
                tab.view.delegate.set_zoom(self._zoom)
                self.tab_widget.addTab(tab.view, "")
                tab.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
            self._apply_filter(self.filter_edit.text())
            self._apply_icons()
            if 0 <= current < len(self._tabs):
                self.tab_widget.setCurrentIndex(current)
        finally:
            self._updating = False

    def set_theme(self, theme: Theme) -> None:
        """Recolour cards and tab dots."""
        self._theme = theme
        for tab in self._tabs:
            tab.view.delegate.set_theme(theme)
            tab.view.viewport().update()
        self._apply_icons()

    def set_zoom(self, steps: int) -> None:
        """Card text follows the reader's zoom."""
        self._zoom = steps
        for tab in self._tabs:
            tab.view.delegate.set_zoom(steps)
            tab.view.relayout()

    def _apply_icons(self) -> None:
        for i, tab in enumerate(self._tabs):
            self.tab_widget.setTabIcon(i, dot_icon(self._theme.section_color(tab.spec.kind)))

    def _apply_filter(self, text: str) -> None:
        for i, tab in enumerate(self._tabs):
            tab.proxy.setFilterFixedString(text.strip())
            shown, total = tab.proxy.rowCount(), tab.model.rowCount()
            self.tab_widget.setTabText(i, tab_title(tab.spec.title, shown, total))
            if text.strip() and shown == 0:
                tab.view.placeholder = f"No items match “{text.strip()}”."
            else:
                tab.view.placeholder = tab.spec.placeholder
        self.filterChanged.emit(text)

    # --- queries ------------------------------------------------------------------------

    def tab_specs(self) -> list[TabSpec]:
        """The tabs as planned for the current brief."""
        return [tab.spec for tab in self._tabs]

    def current_view(self) -> ItemListView | None:
        """The list in the visible tab."""
        i = self.tab_widget.currentIndex()
        return self._tabs[i].view if 0 <= i < len(self._tabs) else None

    def view_at(self, tab_index: int) -> ItemListView:
        """The list in tab ``tab_index``."""
        return self._tabs[tab_index].view

    def tab_index_of_kind(self, kind: SectionKind | str) -> int | None:
        """Index of the first tab showing this section kind."""
        for i, tab in enumerate(self._tabs):
            if tab.spec.kind == kind:
                return i
        return None

    def tab_index_of_item(self, item_id: str) -> int | None:
        """Index of the tab holding the item."""
        for i, tab in enumerate(self._tabs):
            if tab.model.row_of(item_id) is not None:
                return i
        return None

    def current_item_id(self) -> str | None:
        """Id of the current card in the visible tab, if any."""
        view = self.current_view()
        if view is None or not view.currentIndex().isValid():
            return None
        return view.currentIndex().data(ItemIdRole)

    # --- actions ------------------------------------------------------------------------

    def show_tab(self, index: int, *, focus: bool = True) -> None:
        """Switch to tab ``index`` and put keyboard focus in its list."""
        if 0 <= index < len(self._tabs):
            self.tab_widget.setCurrentIndex(index)
            if focus:
                self._tabs[index].view.setFocus(Qt.FocusReason.ShortcutFocusReason)

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
        view.setCurrentIndex(index)  # emits itemChosen through currentChanged
        view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return index.data(ItemIdRole)

    def select_item(self, item_id: str, *, switch_tab: bool = True) -> bool:
        """Select the item's card (without emitting ``itemChosen``); False if unknown."""
        tab_index = self.tab_index_of_item(item_id)
        if tab_index is None:
            return False
        tab = self._tabs[tab_index]
        row = tab.model.row_of(item_id)
        assert row is not None
        proxy_index = tab.proxy.mapFromSource(tab.model.index(row, 0))
        if not proxy_index.isValid():  # filtered out: show everything again
            self.filter_edit.clear()
            proxy_index = tab.proxy.mapFromSource(tab.model.index(row, 0))
        self._updating = True
        try:
            for other in self._tabs:
                if other is not tab:
                    other.view.selectionModel().clear()
            if switch_tab:
                self.tab_widget.setCurrentIndex(tab_index)
            tab.view.selectionModel().setCurrentIndex(
                proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            tab.view.scrollTo(proxy_index, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._updating = False
        return True

    def clear_selection(self) -> None:
        """Deselect every card."""
        self._updating = True
        try:
            for tab in self._tabs:
                tab.view.selectionModel().clear()
        finally:
            self._updating = False

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
            for tab in self._tabs:
                if tab.view is not sender_view:
                    tab.view.selectionModel().clear()
        finally:
            self._updating = False
        if item_id:
            self.itemChosen.emit(item_id)

    def set_evidence(self, position: int | None, total: int, why: str) -> None:
        """Show "Evidence 2 of 3 · same figure" for the selected item (or a hint)."""
        if position is None:
            self.evidence_label.setText("Select an item to see its evidence")
        elif total == 0:
            self.evidence_label.setText("No linked passage in the article")
        else:
            self.evidence_label.setText(f"Evidence {position + 1} of {total} · {why}")

    def evidence_text(self) -> str:
        """The full evidence line, however narrow the pane has made the label."""
        return self.evidence_label.full_text()
