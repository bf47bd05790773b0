"""The reader window as the annotation controller sees it: the selection, and where to draw.

Why an adapter: the controller knows annotations, not widgets; this is the one place that
reads the article's selection and the selected card, and that pushes the book's answers to
the highlight layer, the cards and the notes panel.
"""

from __future__ import annotations

from briefing_app.core.annotations import STATUS_GLYPHS, STATUS_NAMES, HighlightColour
from briefing_app.core.model import Item
from briefing_app.core.reading.annotation_book import AnnotationBook
from briefing_app.ui.notes.panel import NotesPanel
from briefing_app.ui.reader.selection import SelectionController
from briefing_app.ui.reader.widgets.article_view import ArticleView
from briefing_app.ui.reader.widgets.highlighter import EvidenceHighlighter
from briefing_app.ui.reader.widgets.items_pane import ItemsPane
from briefing_app.ui.themes import LIGHT, Theme


class ReaderAnnotationViews:
    """Implements ``controller.AnnotationViews`` over the reader window's widgets."""

    def __init__(
        self,
        article: ArticleView,
        highlighter: EvidenceHighlighter,
        items: ItemsPane,
        selection: SelectionController,
        panel: NotesPanel,
    ) -> None:
        self._article = article
        self._highlighter = highlighter
        self._items = items
        self._selection = selection
        self._panel = panel
        self.brief_items: dict[str, Item] = {}
        self.theme: Theme = LIGHT

    def selected_span(self) -> tuple[int, int] | None:
        """The article text the reader selected."""
        return self._article.selected_span()

    def cards_focused(self) -> bool:
        """True while a card list has the keyboard."""
        view = self._items.current_view()
        return view is not None and view.hasFocus()

    def caret_span(self) -> tuple[int, int] | None:
        """The character at the article caret (when the article is being read)."""
        if not self._article.hasFocus():
            return None
        position = self._article.offsets.to_code_point(self._article.textCursor().position())
        return (position, position + 1)

    def selected_item(self) -> Item | None:
        """The selected card's item."""
        item_id = self._selection.item_id
        return self.brief_items.get(item_id) if item_id else None

    def select_item(self, item_id: str) -> bool:
        """Select a card and show its evidence."""
        return self._selection.select_item(item_id)

    def select_span(self, start: int, end: int) -> None:
        """Select article text and scroll to it."""
        self._article.select_span(start, end)
        self._article.setFocus()

    def draw(
        self,
        book: AnnotationBook,
        quoted: dict[str, str],
        colour_names: dict[HighlightColour, str],
    ) -> None:
        """Highlights in the article, marks on the cards, the list in the notes panel."""
        self._highlighter.set_reader_highlights(book.text_highlights())
        self._items.set_marks(book.item_marks(colour_names))
        self._panel.set_book(book, quoted)
        gutter = []
        for item_id, status in book.item_statuses().items():
            item = self.brief_items.get(item_id)
            if item is not None and item.source is not None:
                tip = f"{STATUS_NAMES[status]}: {' '.join(item.text[:120].split())}"
                gutter.append((item.source.start, STATUS_GLYPHS[status],
                               self.theme.status_color(status), tip))
        self._article.gutter.set_marks(gutter)
