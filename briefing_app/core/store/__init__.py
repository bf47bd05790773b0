"""The library: documents opened, the annotations on them, and search, in one SQLite file.

Owns everything that must outlive a session: which articles the reader has opened (an
identity that survives edits and re-imports), every highlight, note, tag and item status,
the reading position, and a full-text index of article texts and notes.  Each user action is
one committed transaction, so there is nothing to save by hand.  Imports only the model, the
annotation model and ``anchoring`` (to place annotations in a changed text); never the
importer, the readers or the exports: callers hand it a Brief they already have.
"""

from briefing_app.core.store.annotation_rows import KEEP
from briefing_app.core.store.changes import AnnotationChange, ChangeKind
from briefing_app.core.store.database import StoreError, StoreNotice
from briefing_app.core.store.documents import Document, LibraryEntry
from briefing_app.core.store.paths import DATA_DIR_ENV, database_path
from briefing_app.core.store.placement import (
    annotate_item,
    annotate_text,
    in_reading_order,
    place_annotations,
)
from briefing_app.core.store.search import SearchHit
from briefing_app.core.store.store import Store

__all__ = [
    "DATA_DIR_ENV",
    "KEEP",
    "AnnotationChange",
    "ChangeKind",
    "Document",
    "LibraryEntry",
    "SearchHit",
    "Store",
    "StoreError",
    "StoreNotice",
    "annotate_item",
    "annotate_text",
    "database_path",
    "in_reading_order",
    "place_annotations",
]
