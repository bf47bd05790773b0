"""What the reader's annotation keys and the notes panel do, wired to the store.

Why a controller: highlighting, a note, a status and undo each touch the article's
highlight layer, the cards, the notes panel and the store; the controller turns one user
action into one undoable command (``commands.AnnotationEdit``), which writes through the
storage at once (nothing to save by hand), and redraws every view from what the store then
holds — the views never keep annotation state of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import QDialog, QWidget

from briefing_app.core.anchoring import make_selector
from briefing_app.core.annotations import (
    DEFAULT_COLOUR_NAMES,
    Annotation,
    ClaimStatus,
    HighlightColour,
    PlacedAnnotation,
    Placement,
    annotation_link,
    now,
)
from briefing_app.core.model import Brief, Item
from briefing_app.core.reading.annotation_book import AnnotationBook
from briefing_app.core.store import AnnotationChange, Document, Store, StoreError
from briefing_app.ui.notes.commands import AnnotationEdit
from briefing_app.ui.notes.editor import NoteEditor


class AnnotationController(QObject):
    """The open brief's annotations: what the keys do, and keeping every view in step."""

    changed = Signal()  # the book was redrawn (tests wait on it)
    problem = Signal(str)  # a one-line reason an edit was not saved

    def __init__(
        self,
        store: Store | None,
        views: AnnotationViews,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.views = views
        self.book = AnnotationBook()
        self.undo_stack = QUndoStack(self)
        self.colour_names: dict[HighlightColour, str] = dict(DEFAULT_COLOUR_NAMES)
        self.last_colour = HighlightColour.KEY_FACT
        self._brief: Brief | None = None
        self._document_id: str | None = None

    @property
    def document_id(self) -> str | None:
        """The store's id of the open article (None before one is open)."""
        return self._document_id

    # --- documents ----------------------------------------------------------------------

    def set_brief(self, brief: Brief, path: Path | None) -> Document | None:
        """A brief was shown: find (or record) its document and place its annotations;
        returns the document (None when the library cannot be used)."""
        self._brief = brief
        document = self._open_document(brief, path)
        document_id = document.id if document is not None else None
        if document_id != self._document_id:
            self.undo_stack.clear()  # an edit of another brief is not undoable here
        self._document_id = document_id
        self.refresh()
        return document

    def _open_document(self, brief: Brief, path: Path | None) -> Document | None:
        if self.store is None:
            return None
        try:
            return self.store.open_document(brief, path)
        except StoreError as problem:
            self.problem.emit(str(problem))
            try:  # a read-only library still shows what it holds
                return self.store.find_document(brief, path)
            except StoreError:
                return None

    def refresh(self, _changed_id: str | None = None) -> None:
        """Re-read the store and redraw the highlights, the cards and the notes panel."""
        placed: list[PlacedAnnotation] = []
        if self._brief is not None and self._document_id is not None and self.store:
            try:
                placed = self.store.place(self._brief, self._document_id)
            except StoreError as problem:
                self.problem.emit(str(problem))
        self.book.replace(placed)
        self.views.draw(self.book, self._quoted(), self.colour_names)
        self.changed.emit()

    def remember_position(self, position: int) -> None:
        """Keep the reading position of the open brief (when leaving it or closing)."""
        if self.store is not None and self._document_id is not None:
            # A read-only library: the position is a convenience, not the user's work.
            with suppress(StoreError):
                self.store.set_reading_position(self._document_id, position)

    def _quoted(self) -> dict[str, str]:
        """Annotation id -> the words it is about (an item annotation: its item's text)."""
        items = {item.id: item for item in self._brief.items()} if self._brief else {}
        quoted = {}
        for entry in self.book.all():
            item = items.get(entry.item_id or "")
            if item is not None:
                quoted[entry.annotation.id] = item.text
            elif entry.selector is not None:
                quoted[entry.annotation.id] = entry.selector.exact
            elif entry.annotation.selector is not None:
                quoted[entry.annotation.id] = entry.annotation.selector.exact
        return quoted

    # --- the actions --------------------------------------------------------------------

    def highlight(self, colour: HighlightColour) -> bool:
        """Highlight the selected article text in ``colour`` (or recolour the highlight it
        is); with no text selected, mark the selected item in that colour (again: remove)."""
        if self._brief is None or self._document_id is None:
            return False
        self.last_colour = colour
        span = None if self.views.cards_focused() else self.views.selected_span()
        if span is not None:
            existing = [e for e in self.book.at(span[0]) if _same_span(e, span)]
            if existing:
                before = existing[0].annotation
                after = _touched(before, colour=colour)
                return self._push(f"Recolour highlight as {self.colour_names[colour]}",
                                  before, after)
            selector = make_selector(self._brief.article.text, *span)
            after = Annotation(document_id=self._document_id, selector=selector, colour=colour)
            return self._push(f"Highlight as {self.colour_names[colour]}", None, after)
        item = self.views.selected_item()
        if item is None:
            self.problem.emit("Select article text or a card to highlight it.")
            return False
        before = self._item_annotation(item)
        new_colour = None if before is not None and before.colour is colour else colour
        after = _touched(before or self._new_item_annotation(item), colour=new_colour)
        return self._push(f"Mark card as {self.colour_names[colour]}", before, after)

    def remove_highlight(self) -> bool:
        """Remove the highlight under the selection or the caret."""
        span = self.views.selected_span() or self.views.caret_span()
        if span is None:
            return False
        found = self.book.at(span[0])
        if not found:
            self.problem.emit("There is no highlight here to remove.")
            return False
        return self._push("Remove highlight", found[-1].annotation, None)

    def set_status(self, status: ClaimStatus) -> bool:
        """Give the selected card a status (verified, disputed, needs source, unreviewed)."""
        item = self.views.selected_item()
        if item is None or self._document_id is None:
            self.problem.emit("Select a card to set its status.")
            return False
        before = self._item_annotation(item)
        after = _touched(before or self._new_item_annotation(item), status=status)
        return self._push(f"Set status: {status.value.replace('_', ' ')}", before, after)

    def edit_note(self, annotation_id: str | None = None, parent: QWidget | None = None) -> bool:
        """Edit the note and tags of an annotation: the one given, else the highlight under
        the selection or caret, else the selected card's (made when needed); selected text
        with no highlight gets one in the last colour used, note and all."""
        target = self._note_target(annotation_id)
        if target is None:
            self.problem.emit("Select article text, a highlight or a card to add a note.")
            return False
        before, quoted = target
        editor = NoteEditor(quoted, before.note, before.tags, parent)
        if editor.exec() != QDialog.DialogCode.Accepted:
            return False
        after = _touched(before, note=editor.note_text(), tags=editor.tag_list())
        exists = self.book.get(before.id) is not None
        return self._push("Edit note", before if exists else None, after)

    def delete(self, annotation_id: str) -> bool:
        """Delete one annotation (undoable)."""
        entry = self.book.get(annotation_id)
        if entry is None:
            return False
        return self._push("Delete annotation", entry.annotation, None)

    def accept_change(self, annotation_id: str) -> bool:
        """Take a "text changed" (fuzzy) placement as the annotation's new place."""
        entry = self.book.get(annotation_id)
        brief, store = self._brief, self.store
        if entry is None or entry.placement is not Placement.FUZZY or not (brief and store):
            return False
        return self._push_step("Accept changed text", lambda: store.accept(brief, entry))

    def reattach(self, annotation_id: str) -> bool:
        """Attach an orphan (or any highlight) to the text selected now."""
        entry = self.book.get(annotation_id)
        span = self.views.selected_span()
        if entry is None or span is None or self._brief is None:
            self.problem.emit("Select the article text to attach the note to first.")
            return False
        selector = make_selector(self._brief.article.text, *span)
        after = _touched(entry.annotation, selector=selector)
        return self._push("Re-attach annotation", entry.annotation, after)

    def copy_link(self, annotation_id: str) -> str:
        """Put a link to one annotation on the clipboard; returns it."""
        link = annotation_link(annotation_id)
        QGuiApplication.clipboard().setText(link)
        return link

    def go_to(self, annotation_id: str) -> bool:
        """Show an annotation: its text selected in the article, or its card selected."""
        entry = self.book.get(annotation_id)
        if entry is None:
            return False
        if entry.item_id is not None and entry.placement is not Placement.ORPHAN:
            return self.views.select_item(entry.item_id)
        if entry.selector is not None and entry.placement is not Placement.ORPHAN:
            self.views.select_span(entry.selector.start, entry.selector.end)
            return True
        self.problem.emit("This note's text is no longer in the article; it is kept here.")
        return False

    # --- helpers ------------------------------------------------------------------------

    def _push(self, text: str, before: Annotation | None, after: Annotation | None) -> bool:
        """One undoable step from ``before`` to ``after`` (None: absent), written at once."""
        store = self.store
        if store is None:
            self.problem.emit("Annotations cannot be saved: the library is not available.")
            return False

        def perform() -> AnnotationChange:
            if before is None:
                assert after is not None
                return store.add(after)
            if after is None:
                return store.delete(before.id)
            return store.update(
                before.id, note=after.note, tags=after.tags, colour=after.colour,
                status=after.status, selector=after.selector, item_id=after.item_id,
                section=after.section,
            )

        return self._push_step(text, perform)

    def _push_step(self, text: str, perform: Callable[[], AnnotationChange]) -> bool:
        assert self.store is not None
        failures: list[str] = []
        command = AnnotationEdit(text, self.store, perform, self.refresh, failures.append)
        self.undo_stack.push(command)
        if failures:
            self.problem.emit(failures[0])
            self.refresh()
            return False
        return True

    def _item_annotation(self, item: Item) -> Annotation | None:
        entry = self.book.for_item(item.id)
        return entry.annotation if entry is not None else None

    def _new_item_annotation(self, item: Item) -> Annotation:
        assert self._document_id is not None and self._brief is not None
        section = next(s.kind for s in self._brief.sections if item in s.items)
        return Annotation(
            document_id=self._document_id, item_id=item.id, section=section,
            selector=item.source,
        )

    def _note_target(self, annotation_id: str | None) -> tuple[Annotation, str] | None:
        if annotation_id is not None:
            entry = self.book.get(annotation_id)
            if entry is None:
                return None
            return entry.annotation, self._quoted().get(annotation_id, "")
        span = None if self.views.cards_focused() else self.views.selected_span()
        if span is not None and self._brief is not None and self._document_id is not None:
            under = [e for e in self.book.at(span[0]) if _same_span(e, span)]
            if under:
                return under[0].annotation, under[0].annotation.selector.exact if (
                    under[0].annotation.selector) else ""
            selector = make_selector(self._brief.article.text, *span)
            fresh = Annotation(document_id=self._document_id, selector=selector,
                               colour=self.last_colour)
            return fresh, selector.exact
        caret = self.views.caret_span()
        if caret is not None:
            under = self.book.at(caret[0])
            if under:
                entry = under[-1]
                return entry.annotation, entry.selector.exact if entry.selector else ""
        item = self.views.selected_item()
        if item is not None and self._document_id is not None:
            existing = self._item_annotation(item)
            return existing or self._new_item_annotation(item), item.text
        return None


class AnnotationViews(Protocol):
    """What the controller needs of the window: the reader's selection, and where to draw."""

    def selected_span(self) -> tuple[int, int] | None:
        """The article text selected now, in code points."""

    def cards_focused(self) -> bool:
        """True while the keyboard is in the cards (a key then means the selected card)."""

    def caret_span(self) -> tuple[int, int] | None:
        """A one-character span at the article caret, when the article has focus."""

    def selected_item(self) -> Item | None:
        """The card selected now."""

    def select_item(self, item_id: str) -> bool:
        """Select a card (and show its evidence)."""

    def select_span(self, start: int, end: int) -> None:
        """Select article text and bring it into view."""

    def draw(
        self, book: AnnotationBook, quoted: dict[str, str],
        colour_names: dict[HighlightColour, str],
    ) -> None:
        """Redraw the highlight layer, the cards' marks and the notes panel."""


def _same_span(entry: PlacedAnnotation, span: tuple[int, int]) -> bool:
    return entry.selector is not None and (entry.selector.start, entry.selector.end) == span


def _touched(annotation: Annotation, **changes: object) -> Annotation:
    """A copy with ``changes`` and a new update time (the stored row is replaced whole)."""
    return annotation.model_copy(update={**changes, "updated": now()})
