"""One tab's list of cards: its model, filter proxy and card delegate, and a placeholder.

Why a view per tab that owns its model: deleting the view when the next brief opens frees
the model and proxy with it, and the tab can answer "is this item here, is it shown" itself.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from briefing_app.core.reading.tabs import TabSpec
from briefing_app.ui.reader.widgets.cards import CardDelegate
from briefing_app.ui.reader.widgets.item_model import ItemFilterProxy, ItemIdRole, ItemListModel


class ItemCardsView(QListView):
    """One tab's cards: its model, filter and delegate; a placeholder when it has none."""

    def __init__(self, spec: TabSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.placeholder = spec.placeholder
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always on, so every tab's cards have the same width and can be measured ahead.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setUniformItemSizes(False)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(150)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFrameShape(QListView.Shape.NoFrame)
        self.setMouseTracking(True)
        self.setWordWrap(True)
        self.viewport().setAcceptDrops(False)
        self.setAcceptDrops(False)
        self.delegate = CardDelegate(self)
        self.delegate.section_labels = spec.section_labels
        self.setItemDelegate(self.delegate)
        # The view owns its model and proxy, so deleting the view on the next brief frees
        # them too (they would otherwise pile up, each holding a whole brief's items).
        self._model = ItemListModel(spec.items, self)
        self._proxy = ItemFilterProxy(self)
        self._proxy.setSourceModel(self._model)
        self.setModel(self._proxy)
        self.setAccessibleName(f"{spec.title} items")
        self.setAccessibleDescription(
            f"Cards in the {spec.title} tab. Up and Down or J and K move, "
            "Return shows the item's source passage in the article."
        )

    def measure_ahead(self, start: int, width: int, deadline: float) -> int:
        """Measure this tab's cards from ``start`` until ``deadline``; the index reached."""
        return self.delegate.measure(self.spec.items, start, width, deadline)

    def set_filter(self, text: str) -> None:
        """Show only cards whose text or speaker contains ``text``."""
        self._proxy.setFilterFixedString(text)
        if text and self._proxy.rowCount() == 0:
            self.placeholder = f"No items match “{text}”."
        else:
            self.placeholder = self.spec.placeholder

    def total(self) -> int:
        """How many cards the tab has, filtered or not."""
        return self._model.rowCount()

    def has_item(self, item_id: str) -> bool:
        """Whether the tab holds the item (shown or filtered out)."""
        return self._model.row_of(item_id) is not None

    def index_of(self, item_id: str) -> QModelIndex:
        """The shown row of the item (invalid when filtered out or absent)."""
        row = self._model.row_of(item_id)
        if row is None:
            return QModelIndex()
        return self._proxy.mapFromSource(self._model.index(row, 0))

    def shows_item(self, item_id: str) -> bool:
        """Whether the item's card is shown (not filtered out)."""
        return self.index_of(item_id).isValid()

    def current_item_id(self) -> str | None:
        """Id of the current card, if any."""
        index = self.currentIndex()
        return index.data(ItemIdRole) if index.isValid() else None

    def show_current(self, item_id: str | None, evidence: int) -> None:
        """Mark the chip of the passage on show on the selected card; repaints only the
        cards that change (the one that was current and the one that is)."""
        before = self.delegate.current()
        self.delegate.set_current(item_id, evidence)
        for changed in {before[0], item_id}:
            if changed is not None and self.has_item(changed):
                index = self.index_of(changed)
                if index.isValid():
                    self.update(index)

    def scroll_to_value(self, value: int) -> None:
        """Scroll to ``value`` pixels, laying out every card first (heights are cached, so
        this is cheap) — a batched layout would clamp a far scroll to what it has done."""
        self.setLayoutMode(QListView.LayoutMode.SinglePass)
        self.doItemsLayout()
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.verticalScrollBar().setValue(value)

    def relayout(self) -> None:
        """Re-measure every card (after a zoom or width change)."""
        self.delegate.clear_cache()
        self.scheduleDelayedItemsLayout()
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the cards, or a short placeholder when the tab has none."""
        model = self.model()
        if model is not None and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(self.palette().ColorRole.PlaceholderText))
            rect = self.viewport().rect().adjusted(24, 28, -24, -24)
            painter.drawText(
                rect,
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
                | int(Qt.TextFlag.TextWordWrap),
                self.placeholder,
            )
            painter.end()
            return
        super().paintEvent(event)
