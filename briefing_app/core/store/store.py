"""``Store``: the one object the window and the CLI hold to reach the library.

Why a facade over the modules beside it: callers should not juggle a connection, and every
method is one user action, committed when it returns (or a ``StoreError`` to show), whose
result says what changed.  Not thread-safe: use it from the thread that opened it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from briefing_app.core.annotations import (
    Annotation,
    ClaimStatus,
    HighlightColour,
    PlacedAnnotation,
    Placement,
)
from briefing_app.core.model import Brief, SectionKind, Selector
from briefing_app.core.store import annotation_rows, documents
from briefing_app.core.store.annotation_rows import KEEP, Keep
from briefing_app.core.store.changes import AnnotationChange
from briefing_app.core.store.database import (
    DEFAULT_BUSY_TIMEOUT,
    Database,
    StoreNotice,
    open_database,
)
from briefing_app.core.store.documents import Document, LibraryEntry
from briefing_app.core.store.paths import database_path
from briefing_app.core.store.placement import place_annotations, quiet_updates, settled
from briefing_app.core.store.schema import MIGRATIONS
from briefing_app.core.store.search import SearchHit, search


class Store:
    """The user's library: documents, annotations, reading positions and search."""

    def __init__(self, database: Database) -> None:
        """Wrap an open database; use :meth:`open`."""
        self._database = database

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
        read_only: bool = False,
    ) -> Store:
        """Open the library (default: ``database_path()``), creating or upgrading it.

        Check ``notices`` afterwards (a damaged file moved aside) and ``read_only``.
        Raises ``StoreError`` if the library cannot even be read.
        """
        database = open_database(
            path if path is not None else database_path(),
            MIGRATIONS,
            busy_timeout=busy_timeout,
            read_only=read_only,
        )
        annotation_rows.purge_deleted(database)
        return cls(database)

    # -- the file --------------------------------------------------------------------

    @property
    def path(self) -> Path:
        """The database file."""
        return self._database.path

    @property
    def read_only(self) -> str | None:
        """Why nothing can be saved (e.g. "read-only"), or None when it can."""
        return self._database.read_only

    @property
    def notices(self) -> tuple[StoreNotice, ...]:
        """What the user must be told about opening (a damaged library moved aside)."""
        return tuple(self._database.notices)

    @property
    def backups(self) -> tuple[Path, ...]:
        """Copies of the file made before schema upgrades, this time it was opened."""
        return tuple(self._database.backups)

    def close(self) -> None:
        """Close the database; everything is already saved."""
        self._database.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    # -- documents ---------------------------------------------------------------------

    def open_document(self, brief: Brief, path: Path | str | None = None) -> Document:
        """Record that ``brief`` (from file ``path``) is being read: its document, found by
        content, else path, else new, with last-opened now and its text searchable."""
        return documents.open_document(self._database, brief, path)

    def find_document(self, brief: Brief, path: Path | str | None = None) -> Document | None:
        """The document for ``brief`` if the library has one, changing nothing."""
        return documents.find_document(self._database, brief, path)

    def document(self, document_id: str) -> Document | None:
        """A document by id, or None."""
        return documents.get_document(self._database, document_id)

    def set_reading_position(self, document_id: str, position: int) -> None:
        """Keep where the reader is in the article (code-point offset into its text)."""
        documents.set_reading_position(self._database, document_id, position)

    def library(self) -> list[LibraryEntry]:
        """Every document, most recently opened first, with annotation counts."""
        return documents.library(self._database)

    def search(self, text: str, *, limit: int = 50) -> list[SearchHit]:
        """Ranked full-text search over article titles and texts, notes and tags."""
        return search(self._database, text, limit=limit)

    # -- annotations -------------------------------------------------------------------

    def annotations(self, document_id: str) -> list[Annotation]:
        """A document's annotations, oldest first."""
        return annotation_rows.list_annotations(self._database, document_id)

    def annotation(self, annotation_id: str) -> Annotation | None:
        """One annotation by id, or None (deleted, or never existed)."""
        return annotation_rows.get_annotation(self._database, annotation_id)

    def add(self, annotation: Annotation) -> AnnotationChange:
        """Save a new annotation (build it with ``annotate_text``/``annotate_item``)."""
        return annotation_rows.add_annotation(self._database, annotation)

    def update(
        self,
        annotation_id: str,
        *,
        note: str | Keep = KEEP,
        tags: Iterable[str] | Keep = KEEP,
        colour: HighlightColour | Keep | None = KEEP,
        status: ClaimStatus | Keep | None = KEEP,
        selector: Selector | Keep | None = KEEP,
        item_id: str | Keep | None = KEEP,
        section: SectionKind | Keep | None = KEEP,
    ) -> AnnotationChange:
        """Change the given fields of an annotation (the rest stay); None clears one."""
        return annotation_rows.update_annotation(
            self._database, annotation_id, note=note, tags=tags, colour=colour, status=status,
            selector=selector, item_id=item_id, section=section,
        )

    def delete(self, annotation_id: str) -> AnnotationChange:
        """Delete an annotation; ``revert`` of the returned change brings it back."""
        return annotation_rows.delete_annotation(self._database, annotation_id)

    def revert(self, change: AnnotationChange) -> AnnotationChange:
        """Undo ``change``; the returned change is what to revert to redo."""
        return annotation_rows.revert_change(self._database, change)

    # -- placement ---------------------------------------------------------------------

    def place(self, brief: Brief, document_id: str) -> list[PlacedAnnotation]:
        """Every annotation of the document placed in ``brief`` as it is now (orphans too).

        Exact and moved ones whose stored selector is out of date are quietly updated, so
        they stay exact however often the file changes; fuzzy ones wait for ``accept``.
        """
        placed = place_annotations(brief, self.annotations(document_id))
        annotation_rows.store_selectors(self._database, quiet_updates(brief, placed))
        return placed

    def accept(self, brief: Brief, placed: PlacedAnnotation) -> AnnotationChange:
        """The user accepts a fuzzy placement: store where it was found (undoable)."""
        if placed.placement is Placement.ORPHAN:
            raise ValueError("an orphan has no place to accept: re-attach it to a selection")
        moved = settled(brief, placed)
        return self.update(
            moved.id, selector=moved.selector, item_id=moved.item_id, section=moved.section
        )

    def reattach(self, annotation_id: str, selector: Selector) -> AnnotationChange:
        """Attach an orphaned (or any) text highlight to a new selection (undoable)."""
        return self.update(annotation_id, selector=selector)
