"""A Qt list model over a plain list of core items, and the filter proxy over it.

Why an adapter: the core's ``Item`` list stays the one source of truth (like napari's list
model over a Python list); Qt only asks for rows by role.  The filter matches a card's text
or its speaker, case-insensitively.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from briefing_app.core.model import Item
from briefing_app.core.reading.card_text import describe_item, hedge_tooltip
from briefing_app.ui.reader.widgets.text_limits import TOOLTIP_CHARS, bounded

ItemRole = Qt.ItemDataRole.UserRole + 1
ItemIdRole = Qt.ItemDataRole.UserRole + 2
SearchRole = Qt.ItemDataRole.UserRole + 3
AnyIndex = QModelIndex | QPersistentModelIndex


class ItemListModel(QAbstractListModel):
    """A read-only Qt list model over a plain list of core items."""

    def __init__(self, items: list[Item], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items = list(items)
        self._rows = {item.id: row for row, item in enumerate(self._items)}

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Qt: number of items (flat list)."""
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Qt: the item, its id, its text, search text, tooltip or spoken description."""
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == ItemRole:
            return item
        if role == ItemIdRole:
            return item.id
        if role == Qt.ItemDataRole.DisplayRole:
            return item.text
        if role == SearchRole:
            speaker = item.speaker
            who = f"\n{speaker.name}\n{speaker.role or ''}" if speaker else ""
            return item.text + who
        if role == Qt.ItemDataRole.ToolTipRole:
            return bounded(hedge_tooltip(item), TOOLTIP_CHARS) or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return describe_item(item)
        return None

    def row_of(self, item_id: str) -> int | None:
        """Source row of the item with this id."""
        return self._rows.get(item_id)



class ItemFilterProxy(QSortFilterProxyModel):
    """Filters cards by a case-insensitive substring of their text or speaker."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterRole(SearchRole)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
