"""Section items as readable cards: the delegate that measures and paints one card.

Why model/view: a brief can carry thousands of items; one painted card per visible row keeps
memory flat and opening fast, where a widget per card would not.  The delegate lays a card
out once per width (cached) and paints the speaker's name and role on quotes, a badge on
hedged claims, and a row of chips saying why the item is linked to other passages ("same
figure 1,240 ×2"); on the selected card the chip of the passage on show is filled.
Every text a card draws is bounded (:mod:`text_limits`): a card summarises and links to the
article, which shows the whole passage, so a quote of megabytes costs a card no more than a
long paragraph; a word wider than the card wraps anywhere rather than running off its edge.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from briefing_app.core.model import Item
from briefing_app.core.reading.annotation_book import ItemMark
from briefing_app.core.reading.card_text import KIND_LABELS, card_badges, card_body, evidence_label
from briefing_app.core.reading.link_words import LinkChip, link_chips
from briefing_app.ui.reader.widgets.card_fonts import CardFonts
from briefing_app.ui.reader.widgets.item_model import AnyIndex, ItemRole
from briefing_app.ui.reader.widgets.text_limits import (
    CARD_CHARS,
    LABEL_CHARS,
    TOOLTIP_CHARS,
    bounded,
    one_line,
    wrap_flag,
)
from briefing_app.ui.themes import LIGHT, Theme

CARD_MARGIN_X, CARD_MARGIN_Y, PADDING, RADIUS, GAP = 10, 5, 12, 8, 6
CHIP_PAD = 7


@dataclass
class CardLayout:
    """Where each part of one card goes, relative to the card's row rectangle."""

    height: int
    card: QRect = field(default_factory=QRect)
    name: QRect | None = None
    role: QRect | None = None
    name_flag: Qt.TextFlag = Qt.TextFlag.TextWordWrap
    role_flag: Qt.TextFlag = Qt.TextFlag.TextWordWrap
    body_flag: Qt.TextFlag = Qt.TextFlag.TextWordWrap
    meta: QRect = field(default_factory=QRect)
    badges: list[tuple[QRect, str, str]] = field(default_factory=list)
    kind_label: QRect | None = None
    body: QRect = field(default_factory=QRect)
    chips: list[tuple[QRect, str, LinkChip]] = field(default_factory=list)


class CardDelegate(QStyledItemDelegate):
    """Paints one item as a rounded card; heights are cached per item and width."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        self._theme = LIGHT
        self._heights: dict[tuple[str, int], int] = {}
        self._chips: dict[str, list[LinkChip]] = {}
        self._bodies: dict[str, str] = {}
        self._current: tuple[str | None, int] = (None, 0)
        self.section_labels: dict[str, str] = {}  # item id -> its section, in a mixed tab
        self.marks: dict[str, ItemMark] = {}  # item id -> the reader's status, colour, note
        self.set_zoom(0)

    def set_theme(self, theme: Theme) -> None:
        """Colours for cards, badges and chips."""
        self._theme = theme

    def set_current(self, item_id: str | None, evidence: int) -> None:
        """The selected item and the position of its passage on show (for its chips)."""
        self._current = (item_id, evidence)

    def current(self) -> tuple[str | None, int]:
        """The selected item and its passage on show, as last set."""
        return self._current

    def set_zoom(self, steps: int) -> None:
        """Card text size follows the reader's zoom."""
        self._fonts = CardFonts(steps)
        self._heights.clear()

    def body_font(self) -> QFont:
        """The font card text is set in (it scales with the zoom)."""
        return QFont(self._fonts.body)

    def clear_cache(self) -> None:
        """Forget measured heights (new items or fonts)."""
        self._heights.clear()

    def chips_of(self, item: Item) -> list[LinkChip]:
        """The item's "why linked" chips (cached)."""
        chips = self._chips.get(item.id)
        if chips is None:
            chips = self._chips[item.id] = link_chips(item)
        return chips

    def body_of(self, item: Item) -> str:
        """The text the card shows, bounded to :data:`CARD_CHARS` (cached)."""
        body = self._bodies.get(item.id)
        if body is None:
            body = self._bodies[item.id] = bounded(card_body(item), CARD_CHARS)
        return body

    # --- layout -------------------------------------------------------------------------

    def layout_card(self, item: Item, width: int) -> CardLayout:
        """Measure a card for a row ``width`` pixels wide; rects start at (0, 0)."""
        inner = max(width - 2 * (CARD_MARGIN_X + PADDING), 60)
        x = CARD_MARGIN_X + PADDING
        y = CARD_MARGIN_Y + PADDING
        layout = CardLayout(height=0)
        fonts = self._fonts
        meta_width = fonts.advance("small", evidence_label(item)) + 2
        if item.speaker is not None:
            name_width = max(inner - meta_width - GAP, 40)
            name = bounded(item.speaker.name, LABEL_CHARS)
            layout.name_flag = wrap_flag(fonts.metrics["name"], name_width, name)
            name_h = fonts.wrapped_height("name", name_width, name, layout.name_flag, cache=True)
            layout.name = QRect(x, y, name_width, name_h)
            layout.meta = QRect(
                x + inner - meta_width, y, meta_width, fonts.metrics["name"].height()
            )
            y += name_h
            if item.speaker.role:
                role = bounded(item.speaker.role, LABEL_CHARS)
                layout.role_flag = wrap_flag(fonts.metrics["small"], inner, role)
                role_h = fonts.wrapped_height("small", inner, role, layout.role_flag, cache=True)
                layout.role = QRect(x, y + 1, inner, role_h)
                y += role_h + 1
            y += GAP
        badge_h = fonts.metrics["badge"].height() + 4
        badges = card_badges(item, self.marks.get(item.id))
        if badges or item.speaker is None:
            bx = x
            for label, kind in badges:
                text = one_line(label, LABEL_CHARS)
                w = min(fonts.advance("badge", text) + 14, inner)
                if bx > x and bx + w > x + inner - (meta_width if item.speaker is None else 0):
                    bx, y = x, y + badge_h + 4  # wrap, so nothing runs off the card
                layout.badges.append((QRect(bx, y, w, badge_h), text, kind))
                bx += w + GAP
            if item.speaker is None:
                layout.meta = QRect(x + inner - meta_width, y, meta_width, badge_h)
            if not layout.badges:
                layout.kind_label = QRect(x, y, max(inner - meta_width - GAP, 10), badge_h)
            y += badge_h + GAP
        body = self.body_of(item)
        layout.body_flag = wrap_flag(fonts.metrics["body"], inner, body)
        body_h = fonts.wrapped_height("body", inner, body, layout.body_flag, cache=False)
        layout.body = QRect(x, y, inner, body_h)
        y += body_h
        chips = self.chips_of(item)
        if chips:
            y = self._layout_chips(layout, chips, x, y + GAP, inner)
        y += PADDING
        card_width = width - 2 * CARD_MARGIN_X
        layout.card = QRect(CARD_MARGIN_X, CARD_MARGIN_Y, card_width, y - CARD_MARGIN_Y)
        layout.height = y + CARD_MARGIN_Y
        return layout

    def _layout_chips(
        self, layout: CardLayout, chips: list[LinkChip], x: int, y: int, inner: int
    ) -> int:
        """Place chips left to right, wrapping; a chip too long for a line is elided."""
        metrics = self._fonts.metrics["small"]
        chip_h = metrics.height() + 4
        cx = x
        for chip in chips:
            text = one_line(chip.label, LABEL_CHARS)
            advance = self._fonts.advance("small", text) + 2
            text_w = min(advance, inner - 2 * CHIP_PAD)
            w = text_w + 2 * CHIP_PAD
            if cx > x and cx + w > x + inner:
                cx, y = x, y + chip_h + 4
            if advance > text_w:
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, text_w)
            layout.chips.append((QRect(cx, y, w, chip_h), text, chip))
            cx += w + 4
        return y + chip_h

    def _row_width(self) -> int:
        return max(self._view.viewport().width(), 120)

    def height_of(self, item: Item, width: int) -> int:
        """The card's height for a row ``width`` pixels wide (measured once, then cached)."""
        key = (item.id, width)
        height = self._heights.get(key)
        if height is None:
            height = self._heights[key] = self.layout_card(item, width).height
        return height

    def measure(self, items: list[Item], start: int, width: int, deadline: float) -> int:
        """Measure cards from ``items[start]`` on until ``deadline`` (perf_counter seconds);
        the index reached.  Lets the pane measure every tab in short slices while idle,
        so neither a selection nor the list's own layout has to do it on demand."""
        i = start
        while i < len(items):
            self.height_of(items[i], width)
            i += 1
            if time.perf_counter() >= deadline:
                break
        return i

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        """Qt: the card's height at the view's current width (cached)."""
        item: Item | None = index.data(ItemRole)
        width = self._row_width()
        if item is None:
            return QSize(width, 0)
        return QSize(width, self.height_of(item, width))

    # --- painting -----------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        """Qt: draw the card, its header, badges, body text and link chips."""
        item: Item | None = index.data(ItemRole)
        if item is None:
            return
        theme = self._theme
        layout = self.layout_card(item, option.rect.width())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(option.rect.topLeft())
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
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
        self._paint_header(painter, item, layout)
        painter.setFont(self._fonts.body)
        painter.setPen(theme.color("text"))
        painter.drawText(layout.body, layout.body_flag, self.body_of(item))
        self._paint_chips(painter, item, layout)
        painter.restore()

    def _paint_header(self, painter: QPainter, item: Item, layout: CardLayout) -> None:
        theme = self._theme
        text_color, muted = theme.color("text"), theme.color("muted")
        if item.speaker is not None and layout.name is not None:
            painter.setFont(self._fonts.name)
            painter.setPen(text_color)
            name = bounded(item.speaker.name, LABEL_CHARS)
            painter.drawText(layout.name, layout.name_flag, name)
            if layout.role is not None and item.speaker.role:
                painter.setFont(self._fonts.small)
                painter.setPen(muted)
                role = bounded(item.speaker.role, LABEL_CHARS)
                painter.drawText(layout.role, layout.role_flag, role)
        painter.setFont(self._fonts.small)
        orphan = QColor(theme.badge_colors("allegation")[1])
        painter.setPen(muted if item.source is not None else orphan)
        painter.drawText(
            layout.meta,
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            evidence_label(item),
        )
        if layout.kind_label is not None:
            painter.setPen(muted)
            label = self.section_labels.get(item.id) or KIND_LABELS.get(item.kind, "")
            label = self._fonts.metrics["small"].elidedText(
                one_line(label, LABEL_CHARS), Qt.TextElideMode.ElideRight,
                layout.kind_label.width(),
            )
            painter.drawText(
                layout.kind_label,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
        painter.setFont(self._fonts.badge)
        for rect, label, kind in layout.badges:
            bg, fg = self._badge_colors(kind)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(bg)
            painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
            painter.setPen(fg)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), label)

    def _badge_colors(self, kind: str) -> tuple[QColor, QColor]:
        """A badge's ground and text: the reader's colours for their own marks, the hedge
        colours otherwise."""
        theme = self._theme
        family, _, value = kind.partition(":")
        if family == "colour":
            return theme.highlight_color(value), theme.color("text")
        if family == "status":
            strong = theme.status_color(value)
            return (strong.darker(250) if theme.is_dark else strong.lighter(190)), (
                strong.lighter(130) if theme.is_dark else strong.darker(140)
            )
        if family == "note":
            return theme.color("card_selected"), theme.color("text")
        return theme.badge_colors(kind)

    def _paint_chips(self, painter: QPainter, item: Item, layout: CardLayout) -> None:
        theme = self._theme
        current_id, position = self._current
        painter.setFont(self._fonts.small)
        for rect, text, chip in layout.chips:
            on_show = item.id == current_id and position in chip.evidence
            radius = rect.height() / 2
            if on_show:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(theme.color("accent"))
                painter.drawRoundedRect(rect, radius, radius)
                painter.setPen(theme.color("accent_text"))
            else:
                painter.setPen(QPen(theme.color("card_border"), 1))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(0, 0, -1, -1), radius, radius)
                painter.setPen(theme.color("muted"))
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: AnyIndex,
    ) -> bool:
        """Tooltips: the hedge wording over a badge, the whole reason over a chip."""
        item: Item | None = index.data(ItemRole)
        if event.type() != QEvent.Type.ToolTip or item is None:
            return super().helpEvent(event, view, option, index)
        layout = self.layout_card(item, option.rect.width())
        local = event.pos() - option.rect.topLeft()
        for rect, label, kind in layout.badges:
            if rect.contains(local):
                words = [h.text for h in item.hedges if h.kind == kind]
                tip = f"{label}: " + "; ".join(f"“{w}”" for w in words) if words else label
                QToolTip.showText(event.globalPos(), one_line(tip, TOOLTIP_CHARS), view)
                return True
        for rect, _text, chip in layout.chips:
            if rect.contains(local):
                count = len(chip.evidence)
                where = "another passage" if count == 1 else f"{count} other passages"
                tip = one_line(f"Linked to {where}: {chip.label}", TOOLTIP_CHARS)
                QToolTip.showText(event.globalPos(), tip, view)
                return True
        return super().helpEvent(event, view, option, index)
