"""Selection and evidence: which item is selected, which of its passages is on show, what a
click or hover in the article means, and where clearing the card filter goes back to.

Why a controller: the rules live in ``core.reading`` (:class:`Selection`,
:class:`FilterMemory`); this class asks them and tells the article, its highlighter, the
evidence map and the cards what to draw.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject

from briefing_app.core.reading.document import ReadingDocument
from briefing_app.core.reading.filter_memory import FilterMemory, ListPlace
from briefing_app.core.reading.link_words import citations_tooltip
from briefing_app.core.reading.selection import Selection
from briefing_app.ui.reader.widgets.article_view import ArticleView
from briefing_app.ui.reader.widgets.highlighter import EvidenceHighlighter
from briefing_app.ui.reader.widgets.items_pane import ItemsPane


@dataclass(frozen=True)
class ReadingPlace:
    """Where the reader is, kept across a reload: tab, item, evidence, article position."""

    tab: int
    item_id: str | None
    evidence: int
    article_position: int


class SelectionController(QObject):
    """Selects items, steps their evidence, and answers clicks and hovers in the article."""

    def __init__(
        self, article: ArticleView, highlighter: EvidenceHighlighter, items: ItemsPane,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._article, self._highlighter, self._items = article, highlighter, items
        self._document: ReadingDocument | None = None
        self.state = Selection()
        self._filter = FilterMemory()

    @property
    def item_id(self) -> str | None:
        """Id of the selected item, if any."""
        return self.state.item_id

    @property
    def evidence_position(self) -> int:
        """Which of the selected item's passages is on show (0 = its own)."""
        return self.state.position

    def reset(self, document: ReadingDocument | None) -> None:
        """A new brief: nothing selected, nothing to go back to."""
        self._document = document
        self.state.reset(document.index if document else None)
        self._filter.forget()
        self._draw(scroll=False)

    def select_item(self, item_id: str, *, scroll: bool = True, evidence: int = 0) -> bool:
        """Select an item: its card, its highlighted spans, and the article at its evidence."""
        if not self.state.select(item_id, evidence):
            return False
        self._filter.chosen(item_id)
        if self._items.current_item_id() != item_id:
            self._items.select_item(item_id)
        self._draw(scroll=scroll)
        return True

    def step_evidence(self, delta: int) -> None:
        """Show the selected item's next (+1) or previous (-1) passage, wrapping."""
        if self.state.step(delta):
            self._draw(scroll=True)

    def jump_to_source(self) -> None:
        """Back to the selected item's own passage (or select the current card)."""
        if self.state.to_source():
            self._draw(scroll=True)
            return
        current = self._items.current_item_id()
        if current is not None:
            self.select_item(current)

    def _draw(self, *, scroll: bool) -> None:
        view = self.state.view()
        self._highlighter.set_item_spans(view.own, view.soft, view.current)
        self._article.marks.set_selected(view.spans)
        self._items.show_evidence(view)
        if scroll and view.current is not None:
            self._article.show_span(*view.current)

    # --- the article --------------------------------------------------------------------

    def on_article_clicked(self, position: int) -> None:
        """A click on highlighted evidence selects the item citing it (without scrolling
        away); a click anywhere else only placed the caret."""
        target = self.state.click_target(position, tint=self._highlighter.tint_enabled)
        if target is not None:
            self.select_item(target.item_id, scroll=False, evidence=target.anchor_index)

    def on_article_hovered(self, position: int) -> None:
        """Underline what a click would select, with a pointing hand; nothing elsewhere."""
        target = None
        if position >= 0:
            target = self.state.click_target(position, tint=self._highlighter.tint_enabled)
        self._highlighter.set_hover((target.start, target.end) if target else None)
        self._article.set_link_cursor(target is not None)

    def tooltip_at(self, position: int) -> str:
        """Rich-text tooltip naming every item that cites the text at ``position``."""
        document = self._document
        if document is None:
            return ""
        clickable = self.state.is_highlighted(position, tint=self._highlighter.tint_enabled)
        citations = document.index.citations_at(position)
        return citations_tooltip(document.brief, document.index, citations, clickable=clickable)

    # --- the card filter and reloads ----------------------------------------------------

    def on_filter_changed(self, text: str) -> None:
        """Clearing the filter brings back the selection and list scroll from before it."""
        tab = self._items.tab_widget.currentIndex()
        place = ListPlace(tab, self.state.item_id, self._items.scroll_value())
        restore = self._filter.filter_changed(text, place)
        if restore is None:
            return
        if restore.item_id is None:
            self._items.show_tab(restore.tab, focus=False)
        elif self.state.item_id != restore.item_id:
            self.select_item(restore.item_id, scroll=False)
        else:  # the card came back unselected with the rows the filter had hidden
            self._items.select_item(restore.item_id, scroll=restore.scroll is None)
        if restore.scroll is not None:
            self._items.set_scroll_value(restore.scroll)

    def place(self) -> ReadingPlace:
        """Where the reader is now."""
        return ReadingPlace(
            self._items.tab_widget.currentIndex(), self.state.item_id, self.state.position,
            self._article.first_visible_position(),
        )

    def restore(self, place: ReadingPlace) -> None:
        """Go back to a place (after a reload); an item the brief lost is not reselected."""
        self._items.show_tab(place.tab, focus=False)
        if place.item_id is not None:
            self.select_item(place.item_id, scroll=False, evidence=place.evidence)
        self._article.scroll_to_position(place.article_position)
