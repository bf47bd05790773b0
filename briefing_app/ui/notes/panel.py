"""The notes panel: every annotation of the open brief, filtered in plain sight.

Why a list of plain entries and visible filters: an analyst looks for "every disputed
claim" or "my follow-ups tagged budget" in a hurry; filters hidden in a menu are filters
never used.  The panel decides nothing itself: ``core.reading.annotation_book`` answers
which entries match, and the panel reports what the user picked (``annotationChosen``),
asked to copy (``copyLinkRequested``), edit (``editRequested``) or delete
(``deleteRequested``).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.annotations import (
    COLOUR_GLYPHS,
    DEFAULT_COLOUR_NAMES,
    STATUS_GLYPHS,
    STATUS_NAMES,
    ClaimStatus,
    HighlightColour,
    PlacedAnnotation,
    Placement,
)
from briefing_app.core.model import SectionKind
from briefing_app.core.reading.annotation_book import AnnotationBook, NoteFilter
from briefing_app.core.reading.tabs import MAIN_TABS
from briefing_app.ui.themes import LIGHT, Theme

AnnotationIdRole = Qt.ItemDataRole.UserRole + 1
QUOTE_CHARS = 160
NOTE_CHARS = 200
PLACEMENT_WORDS = {
    Placement.EXACT: "",
    Placement.MOVED: "moved",
    Placement.FUZZY: "text changed",
    Placement.ORPHAN: "not found in the article",
}


def swatch_icon(color: QColor, glyph: str, size: int = 16) -> QIcon:
    """A rounded square in a highlight's colour with its glyph, so colour is not the cue."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(color.darker(160))
    painter.setBrush(color)
    painter.drawRoundedRect(0, 0, size - 1, size - 1, 3, 3)
    painter.setPen(QColor("#F4F2EE") if color.lightness() < 110 else QColor("#1D2024"))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    return QIcon(pixmap)


def _short(text: str, limit: int) -> str:
    flat = " ".join(text[: limit * 2].split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "\u2026"


class NotesPanel(QWidget):
    """Search box, four filters, and the list of matching annotations."""

    annotationChosen = Signal(str)
    copyLinkRequested = Signal(str)
    editRequested = Signal(str)
    deleteRequested = Signal(str)
    acceptRequested = Signal(str)  # take a "text changed" placement as the new place
    reattachRequested = Signal(str)  # attach to the article text selected now

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._book = AnnotationBook()
        self._quoted: dict[str, str] = {}
        self._colour_names = dict(DEFAULT_COLOUR_NAMES)
        self._theme = LIGHT
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search notes, tags and quoted text")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search notes")
        self.colour_filter = self._combo("Colour")
        self.tag_filter = self._combo("Tag")
        self.status_filter = self._combo("Status")
        self.section_filter = self._combo("Section")
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName("Notes shown")
        self.list = QListWidget(self)
        self.list.setAccessibleName("Annotations")
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        self.list.setAlternatingRowColors(True)
        self.list.setUniformItemSizes(False)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        filters = QHBoxLayout()
        for combo in (self.colour_filter, self.tag_filter, self.status_filter,
                      self.section_filter):
            filters.addWidget(combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.count_label)
        layout.addWidget(self.list, 1)
        self._fill_fixed_filters()
        self.search.textChanged.connect(self.refresh)
        for combo in (self.colour_filter, self.tag_filter, self.status_filter,
                      self.section_filter):
            combo.currentIndexChanged.connect(self.refresh)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        self.list.customContextMenuRequested.connect(self._context_menu)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(f"{name} filter")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        return combo

    def _fill_fixed_filters(self) -> None:
        self.colour_filter.blockSignals(True)
        self.colour_filter.clear()
        self.colour_filter.addItem("All colours", None)
        for colour in HighlightColour:
            self.colour_filter.addItem(
                swatch_icon(self._theme.highlight_color(colour), COLOUR_GLYPHS[colour]),
                self._colour_names[colour],
                colour,
            )
        self.colour_filter.blockSignals(False)
        self.status_filter.blockSignals(True)
        self.status_filter.clear()
        self.status_filter.addItem("Any status", None)
        for status in ClaimStatus:
            self.status_filter.addItem(f"{STATUS_GLYPHS[status]} {STATUS_NAMES[status]}", status)
        self.status_filter.blockSignals(False)
        self.section_filter.blockSignals(True)
        self.section_filter.clear()
        self.section_filter.addItem("All sections", None)
        for kind, title, _placeholder in MAIN_TABS:
            self.section_filter.addItem(title, kind)
        self.section_filter.addItem("Other", SectionKind.OTHER)
        self.section_filter.blockSignals(False)

    # --- what the window tells the panel ------------------------------------------------

    def set_book(self, book: AnnotationBook, quoted: dict[str, str]) -> None:
        """Show a new list: ``quoted`` maps annotation id to the text it is about."""
        self._book = book
        self._quoted = dict(quoted)
        current = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem("All tags", None)
        for tag in book.tags():
            self.tag_filter.addItem(f"#{tag}", tag)
        index = self.tag_filter.findData(current)
        self.tag_filter.setCurrentIndex(max(index, 0))
        self.tag_filter.blockSignals(False)
        self.refresh()

    def set_colour_names(self, names: dict[HighlightColour, str]) -> None:
        """The user's names for the five colours."""
        self._colour_names = {**DEFAULT_COLOUR_NAMES, **names}
        self._fill_fixed_filters()
        self.refresh()

    def set_theme(self, theme: Theme) -> None:
        """Redraw swatches in the theme's highlight colours."""
        self._theme = theme
        current = self.colour_filter.currentIndex()
        self._fill_fixed_filters()
        self.colour_filter.setCurrentIndex(current)
        self.refresh()

    def current_filter(self) -> NoteFilter:
        """The filters as set now."""
        return NoteFilter(
            colour=self.colour_filter.currentData(),
            tag=self.tag_filter.currentData(),
            status=self.status_filter.currentData(),
            section=self.section_filter.currentData(),
            query=self.search.text(),
        )

    def refresh(self) -> None:
        """Re-list the annotations the filters let through."""
        shown = self._book.matching(self.current_filter(), self._quoted)
        selected = self.selected_id()
        self.list.clear()
        for entry in shown:
            self.list.addItem(self._entry(entry))
            if entry.annotation.id == selected:
                self.list.setCurrentRow(self.list.count() - 1)
        total = len(self._book)
        if total == 0:
            self.count_label.setText(
                "No notes yet. Select article text and press Alt+1…5 to highlight it."
            )
        elif len(shown) == total:
            self.count_label.setText(f"{total} note{'s' if total != 1 else ''}")
        else:
            self.count_label.setText(f"{len(shown)} of {total} notes")

    def select(self, annotation_id: str) -> bool:
        """Make one entry current (after a click on its highlight in the article)."""
        for row in range(self.list.count()):
            if self.list.item(row).data(AnnotationIdRole) == annotation_id:
                self.list.setCurrentRow(row)
                self.list.scrollToItem(self.list.item(row))
                return True
        return False

    def selected_id(self) -> str | None:
        """The annotation id of the current entry, if any."""
        item = self.list.currentItem()
        return item.data(AnnotationIdRole) if item is not None else None

    # --- drawing one entry --------------------------------------------------------------

    def _entry(self, entry: PlacedAnnotation) -> QListWidgetItem:
        note = entry.annotation
        lines = []
        if note.status is not None:
            lines.append(f"{STATUS_GLYPHS[note.status]} {STATUS_NAMES[note.status]}")
        if note.colour is not None:
            lines.append(f"{COLOUR_GLYPHS[note.colour]} {self._colour_names[note.colour]}")
        head = "  ·  ".join(lines)
        where = PLACEMENT_WORDS[entry.placement]
        if entry.placement is Placement.FUZZY:
            where += f" ({entry.score:.0%} alike)"
        if where:
            head += f"  —  {where}"
        quoted = self._quoted.get(note.id) or (note.selector.exact if note.selector else "")
        body = [head]
        old = note.selector.exact if note.selector else ""
        if entry.placement is Placement.FUZZY and entry.selector is not None and old:
            body.append(f"was \u201c{_short(old, QUOTE_CHARS // 2)}\u201d")
            body.append(f"now \u201c{_short(entry.selector.exact, QUOTE_CHARS // 2)}\u201d")
        else:
            body.append(f"\u201c{_short(quoted, QUOTE_CHARS)}\u201d")
        if entry.placement is Placement.ORPHAN and entry.reason:
            body.append(_short(entry.reason, NOTE_CHARS))
        if note.tags:
            body.append(" ".join(f"#{tag}" for tag in note.tags))
        if note.note.strip():
            body.append(_short(note.note, NOTE_CHARS))
        item = QListWidgetItem("\n".join(body))
        item.setData(AnnotationIdRole, note.id)
        if note.colour is not None:
            glyph = COLOUR_GLYPHS[note.colour]
            item.setIcon(swatch_icon(self._theme.highlight_color(note.colour), glyph))
        elif note.status is not None:
            item.setIcon(swatch_icon(self._theme.status_color(note.status).lighter(170),
                                     STATUS_GLYPHS[note.status]))
        item.setToolTip(_short(quoted, 600))
        return item

    def _chosen(self, item: QListWidgetItem) -> None:
        self.annotationChosen.emit(item.data(AnnotationIdRole))

    def _context_menu(self, point: QPoint) -> None:
        item = self.list.itemAt(point)
        if item is None:
            return
        annotation_id = item.data(AnnotationIdRole)
        entry = self._book.get(annotation_id)
        menu = QMenu(self)
        menu.addAction("Go to", lambda: self.annotationChosen.emit(annotation_id))
        if entry is not None and entry.placement is Placement.FUZZY:
            menu.addAction("Accept Changed Text",
                           lambda: self.acceptRequested.emit(annotation_id))
        if entry is not None and not entry.annotation.is_item_annotation:
            menu.addAction("Attach to Selected Text",
                           lambda: self.reattachRequested.emit(annotation_id))
        menu.addAction("Edit Note and Tags…", lambda: self.editRequested.emit(annotation_id))
        menu.addAction("Copy Link", lambda: self.copyLinkRequested.emit(annotation_id))
        menu.addSeparator()
        menu.addAction("Delete", lambda: self.deleteRequested.emit(annotation_id))
        menu.exec(self.list.viewport().mapToGlobal(point))
