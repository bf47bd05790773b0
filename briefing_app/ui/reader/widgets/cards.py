"""Section items as readable cards: a list model, a filter proxy, a card delegate and a view.

Why model/view: a brief can carry thousands of items; one painted card per visible row keeps
memory flat and opening fast, where a widget per card would not.  The model adapts a plain
list of core ``Item`` objects (like napari's list-model adapter); the delegate lays a card
out once per width (cached), paints the speaker's name and role prominently on quotes and a
badge on hedged claims, with the hedge wording as the badge's tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from briefing_app.core.model import Item, ItemKind
from briefing_app.ui.themes import LIGHT, Theme

ItemRole = Qt.ItemDataRole.UserRole + 1
ItemIdRole = Qt.ItemDataRole.UserRole + 2
SearchRole = Qt.ItemDataRole.UserRole + 3
AnyIndex = QModelIndex | QPersistentModelIndex

HEDGE_LABELS = {
    "unconfirmed": "Unconfirmed",
    "estimate": "Estimate",
    "allegation": "Alleged",
    "reported": "Reported",
    "uncertain": "Uncertain",
}
KIND_LABELS = {ItemKind.CLAIM: "Claim", ItemKind.POINT: "Point", ItemKind.QUOTE: "Quote"}
QUOTE_MARKS = "\"\u201c\u201d\u00ab\u00bb"
CARD_MARGIN_X, CARD_MARGIN_Y, PADDING, RADIUS, GAP = 10, 5, 12, 8, 6


def hedge_label(kind: str) -> str:
    """Badge text for a hedge kind ("estimate" → "Estimate")."""
    return HEDGE_LABELS.get(kind, kind.replace("_", " ").capitalize() or "Hedged")


def evidence_label(item: Item) -> str:
    """How much article text backs the item, for the card's corner."""
    count = len(item.spans())
    if count == 0:
        return "not found in article"
    return "1 passage" if count == 1 else f"{count} passages"


def card_body(item: Item) -> str:
    """The text a card shows: a quote's words alone when the rest only names the speaker
    (shown above it); a quote without any quote marks gets curly ones."""
    if item.quote:
        return item.quote
    text = item.text.strip()
    if item.kind == ItemKind.QUOTE and text and not any(q in text for q in QUOTE_MARKS):
        return f"\u201c{text}\u201d"
    return text


def describe_item(item: Item) -> str:
    """A one-paragraph spoken description of a card, for screen readers."""
    parts = []
    if item.speaker is not None:
        who = item.speaker.name + (f", {item.speaker.role}" if item.speaker.role else "")
        parts.append(f"Quote by {who}.")
    parts.append(item.text)
    parts.extend(f"{hedge_label(h.kind)}: {h.text}." for h in item.hedges)
    parts.append(evidence_label(item).capitalize() + ".")
    return " ".join(parts)


def hedge_tooltip(item: Item) -> str:
    """The hedge wording behind a card's badge."""
    return "\n".join(f"{hedge_label(h.kind)} — “{h.text}”" for h in item.hedges)


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
            return hedge_tooltip(item) or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return describe_item(item)
        return None

    def row_of(self, item_id: str) -> int | None:
        """Source row of the item with this id."""
        return self._rows.get(item_id)

    def items(self) -> list[Item]:
        """The items, in order."""
        return list(self._items)


class ItemFilterProxy(QSortFilterProxyModel):
    """Filters cards by a case-insensitive substring of their text or speaker."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterRole(SearchRole)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)


@dataclass
class CardLayout:
    """Where each part of one card goes, relative to the card's row rectangle."""

    height: int
    card: QRect = field(default_factory=QRect)
    name: QRect | None = None
    role: QRect | None = None
    meta: QRect = field(default_factory=QRect)
    badges: list[tuple[QRect, str, str]] = field(default_factory=list)
    kind_label: QRect | None = None
    body: QRect = field(default_factory=QRect)


class CardDelegate(QStyledItemDelegate):
    """Paints one item as a rounded card; heights are cached per item and width."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        self._theme = LIGHT
        self._heights: dict[tuple[str, int], int] = {}
        self.section_labels: dict[str, str] = {}  # item id -> its section, in a mixed tab
        self.set_zoom(0)

    def set_theme(self, theme: Theme) -> None:
        """Colours for cards and badges."""
        self._theme = theme

    def set_zoom(self, steps: int) -> None:
        """Card text size follows the reader's zoom."""
        base = QApplication.font().pointSizeF()
        base = base if base > 0 else 10.0
        size = base * 1.05 * 1.1**steps
        self._body = QFont(QApplication.font())
        self._body.setPointSizeF(size)
        self._name = QFont(self._body)
        self._name.setBold(True)
        self._name.setPointSizeF(size * 1.06)
        self._small = QFont(self._body)
        self._small.setPointSizeF(size * 0.86)
        self._badge = QFont(self._small)
        self._badge.setBold(True)
        self._heights.clear()

    def clear_cache(self) -> None:
        """Forget measured heights (new items or fonts)."""
        self._heights.clear()

    # --- layout -------------------------------------------------------------------------

    def layout_card(self, item: Item, width: int) -> CardLayout:
        """Measure a card for a row ``width`` pixels wide; rects start at (0, 0)."""
        inner = max(width - 2 * (CARD_MARGIN_X + PADDING), 60)
        x = CARD_MARGIN_X + PADDING
        y = CARD_MARGIN_Y + PADDING
        small = QFontMetrics(self._small)
        layout = CardLayout(height=0)
        meta_text = evidence_label(item)
        meta_width = small.horizontalAdvance(meta_text) + 2
        if item.speaker is not None:
            name_fm = QFontMetrics(self._name)
            name_width = max(inner - meta_width - GAP, 40)
            name_h = name_fm.boundingRect(
                QRect(0, 0, name_width, 10_000), Qt.TextFlag.TextWordWrap, item.speaker.name
            ).height()
            layout.name = QRect(x, y, name_width, name_h)
            layout.meta = QRect(x + inner - meta_width, y, meta_width, name_fm.height())
            y += name_h
            if item.speaker.role:
                role_h = small.boundingRect(
                    QRect(0, 0, inner, 10_000), Qt.TextFlag.TextWordWrap, item.speaker.role
                ).height()
                layout.role = QRect(x, y + 1, inner, role_h)
                y += role_h + 1
            y += GAP
        badge_fm = QFontMetrics(self._badge)
        badge_h = badge_fm.height() + 4
        if item.hedges or item.speaker is None:
            bx = x
            seen: set[str] = set()
            for hedge in item.hedges:
                label = hedge_label(hedge.kind)
                if label in seen:
                    continue
                seen.add(label)
                w = badge_fm.horizontalAdvance(label) + 14
                layout.badges.append((QRect(bx, y, w, badge_h), label, hedge.kind))
                bx += w + GAP
            if item.speaker is None:
                layout.meta = QRect(x + inner - meta_width, y, meta_width, badge_h)
            if not layout.badges:
                layout.kind_label = QRect(x, y, max(inner - meta_width - GAP, 10), badge_h)
            y += badge_h + GAP
        body_h = QFontMetrics(self._body).boundingRect(
            QRect(0, 0, inner, 100_000), Qt.TextFlag.TextWordWrap, card_body(item)
        ).height()
        layout.body = QRect(x, y, inner, body_h)
        y += body_h + PADDING
        card_width = width - 2 * CARD_MARGIN_X
        layout.card = QRect(CARD_MARGIN_X, CARD_MARGIN_Y, card_width, y - CARD_MARGIN_Y)
        layout.height = y + CARD_MARGIN_Y
        return layout

    def _row_width(self, option: QStyleOptionViewItem) -> int:
        return max(self._view.viewport().width(), 120)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        """Qt: the card's height at the view's current width (cached)."""
        item: Item | None = index.data(ItemRole)
        width = self._row_width(option)
        if item is None:
            return QSize(width, 0)
        key = (item.id, width)
        height = self._heights.get(key)
        if height is None:
            height = self.layout_card(item, width).height
            self._heights[key] = height
        return QSize(width, height)

    # --- painting -----------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        """Qt: draw the card, its header, badges and body text."""
        item: Item | None = index.data(ItemRole)
        if item is None:
            return
        theme = self._theme
        layout = self.layout_card(item, option.rect.width())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(option.rect.topLeft())
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        card = layout.card.adjusted(0, 0, -1, -1)
        border = theme.color("accent") if selected else theme.color("card_border")
        if hovered and not selected:
            border = border.darker(125) if not theme.is_dark else border.lighter(140)
        painter.setPen(QPen(border, 2 if selected else 1))
        painter.setBrush(theme.color("card_selected") if selected else theme.color("card"))
        painter.drawRoundedRect(card, RADIUS, RADIUS)
        if selected:
            bar = QRect(card.left() + 1, card.top() + RADIUS, 3, card.height() - 2 * RADIUS)
            painter.fillRect(bar, theme.color("accent"))
        text_color, muted = theme.color("text"), theme.color("muted")
        if item.speaker is not None and layout.name is not None:
            painter.setFont(self._name)
            painter.setPen(text_color)
            painter.drawText(layout.name, Qt.TextFlag.TextWordWrap, item.speaker.name)
            if layout.role is not None and item.speaker.role:
                painter.setFont(self._small)
                painter.setPen(muted)
                painter.drawText(layout.role, Qt.TextFlag.TextWordWrap, item.speaker.role)
        painter.setFont(self._small)
        orphan = QColor(theme.badge_colors("allegation")[1])
        meta_color = muted if item.source is not None else orphan
        painter.setPen(meta_color)
        painter.drawText(
            layout.meta,
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            evidence_label(item),
        )
        if layout.kind_label is not None:
            painter.setPen(muted)
            painter.drawText(
                layout.kind_label,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                self.section_labels.get(item.id) or KIND_LABELS.get(item.kind, ""),
            )
        painter.setFont(self._badge)
        for rect, label, kind in layout.badges:
            bg, fg = theme.badge_colors(kind)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(bg)
            painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
            painter.setPen(fg)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), label)
        painter.setFont(self._body)
        painter.setPen(text_color)
        painter.drawText(layout.body, Qt.TextFlag.TextWordWrap, card_body(item))
        painter.restore()

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: AnyIndex,
    ) -> bool:
        """Tooltips: the hedge wording over a badge (and anywhere on a hedged card)."""
        item: Item | None = index.data(ItemRole)
        if event.type() != QEvent.Type.ToolTip or item is None:
            return super().helpEvent(event, view, option, index)
        layout = self.layout_card(item, option.rect.width())
        local = event.pos() - option.rect.topLeft()
        for rect, label, kind in layout.badges:
            if rect.contains(local):
                words = [h.text for h in item.hedges if h.kind == kind]
                tip = f"{label}: " + "; ".join(f"“{w}”" for w in words)
                QToolTip.showText(event.globalPos(), tip, view)
                return True
        return super().helpEvent(event, view, option, index)


class ItemListView(QListView):
    """A list of cards that scales to thousands of items, with a placeholder when empty."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.placeholder = placeholder
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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
        self.setItemDelegate(self.delegate)

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
