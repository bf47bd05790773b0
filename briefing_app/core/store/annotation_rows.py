"""Annotations in the database: add, edit, delete, undo, list; each call one transaction.

Why each call commits at once: there is no Save in the app, and an edit must survive a
crash the moment the call returns.  Why deletes are soft: undo must bring back the very
annotation (id, times, everything), even after the app was busy with other edits; rows
deleted long ago are purged when the library opens.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from enum import Enum
from typing import Any

from briefing_app.core.annotations import (
    Annotation,
    ClaimStatus,
    HighlightColour,
    now,
)
from briefing_app.core.model import SectionKind, Selector
from briefing_app.core.store.changes import AnnotationChange, ChangeKind
from briefing_app.core.store.database import Database, StoreError

SAVE = "save annotations"
PURGE_DELETED_AFTER = timedelta(days=1)
_COLUMNS = (
    "number, id, document_id, selector, item_id, section, colour, status, note, tags, "
    "created, updated"
)


class Keep(Enum):
    """The type of ``KEEP``: a marker no real field value can be (None means "clear")."""

    KEEP = "keep"


KEEP = Keep.KEEP
"""Passed for a field ``update_annotation`` must leave as it is (None means "clear")."""


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Tags as stored: trimmed, no empty ones, each once, in the order first given."""
    seen: dict[str, None] = {}
    for tag in tags:
        tag = " ".join(tag.split())
        if tag and tag.casefold() not in {known.casefold() for known in seen}:
            seen[tag] = None
    return list(seen)


def check_target(annotation: Annotation) -> None:
    """Refuse an annotation with no target or two: a text highlight has a selector and a
    colour and no status; an item annotation names its item."""
    if annotation.item_id is None:
        if annotation.selector is None:
            raise ValueError("a text highlight needs a selector")
        if annotation.colour is None:
            raise ValueError("a text highlight needs a colour")
        if annotation.status is not None:
            raise ValueError("only item annotations have a status")


def _annotation(row: Sequence[Any]) -> Annotation:
    (_, ann_id, doc_id, selector, item_id, section, colour, status, note, tags, created,
     updated) = row[:12]
    return Annotation(
        id=ann_id,
        document_id=doc_id,
        selector=None if selector is None else Selector.model_validate_json(selector),
        item_id=item_id,
        section=None if section is None else SectionKind(section),
        colour=None if colour is None else HighlightColour(colour),
        status=None if status is None else ClaimStatus(status),
        note=note,
        tags=json.loads(tags),
        created=datetime.fromisoformat(created),
        updated=datetime.fromisoformat(updated),
    )


def _values(annotation: Annotation) -> tuple[Any, ...]:
    selector = annotation.selector
    return (
        annotation.id,
        annotation.document_id,
        None if selector is None else selector.model_dump_json(),
        annotation.item_id,
        None if annotation.section is None else annotation.section.value,
        None if annotation.colour is None else annotation.colour.value,
        None if annotation.status is None else annotation.status.value,
        annotation.note,
        json.dumps(annotation.tags, ensure_ascii=False),
        annotation.created.isoformat(),
        annotation.updated.isoformat(),
    )


def _fetch(connection: sqlite3.Connection, annotation_id: str) -> Annotation | None:
    row = connection.execute(
        f"SELECT {_COLUMNS} FROM annotations WHERE id = ? AND deleted IS NULL",
        (annotation_id,),
    ).fetchone()
    return None if row is None else _annotation(row)


def _index(connection: sqlite3.Connection, annotation: Annotation | None, ann_id: str) -> None:
    """Replace the annotation's row in the search index (none for a deleted one)."""
    number = connection.execute(
        "SELECT number FROM annotations WHERE id = ?", (ann_id,)
    ).fetchone()[0]
    connection.execute("DELETE FROM search_index WHERE rowid = ?", (2 * number + 1,))
    if annotation is not None and (annotation.note or annotation.tags):
        connection.execute(
            "INSERT INTO search_index (rowid, document_id, annotation_id, note, tags) "
            "VALUES (?, ?, ?, ?, ?)",
            (2 * number + 1, annotation.document_id, annotation.id, annotation.note,
             " ".join(annotation.tags)),
        )


def _put(connection: sqlite3.Connection, annotation: Annotation) -> None:
    """Write the annotation as it is, live (an insert, or undoing a delete or an edit)."""
    connection.execute(
        "INSERT INTO annotations (id, document_id, selector, item_id, section, colour, status,"
        " note, tags, created, updated, deleted) VALUES (?,?,?,?,?,?,?,?,?,?,?,NULL) "
        "ON CONFLICT (id) DO UPDATE SET document_id = excluded.document_id, "
        "selector = excluded.selector, item_id = excluded.item_id, section = excluded.section,"
        " colour = excluded.colour, status = excluded.status, note = excluded.note, "
        "tags = excluded.tags, created = excluded.created, updated = excluded.updated, "
        "deleted = NULL",
        _values(annotation),
    )
    _index(connection, annotation, annotation.id)


def _missing(annotation_id: str) -> StoreError:
    return StoreError(f"cannot {SAVE}: annotation {annotation_id} no longer exists")


def add_annotation(database: Database, annotation: Annotation) -> AnnotationChange:
    """Store a new annotation; committed when this returns."""
    check_target(annotation)
    annotation = annotation.model_copy(update={"tags": clean_tags(annotation.tags)})
    with database.transaction(SAVE) as connection:
        exists = connection.execute(
            "SELECT 1 FROM annotations WHERE id = ?", (annotation.id,)
        ).fetchone()
        if exists:
            raise StoreError(f"cannot {SAVE}: annotation {annotation.id} already exists")
        _put(connection, annotation)
    return AnnotationChange(kind=ChangeKind.ADDED, after=annotation)


def update_annotation(
    database: Database,
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
    """Change some fields of an annotation (KEEP leaves one as it is); returns before and
    after.  Selector, item and section change when the user accepts a fuzzy placement or
    re-attaches an orphan."""
    given = {
        "note": note, "tags": tags, "colour": colour, "status": status,
        "selector": selector, "item_id": item_id, "section": section,
    }
    changes = {name: value for name, value in given.items() if value is not KEEP}
    if "tags" in changes:
        changes["tags"] = clean_tags(changes["tags"])
    with database.transaction(SAVE) as connection:
        before = _fetch(connection, annotation_id)
        if before is None:
            raise _missing(annotation_id)
        after = Annotation.model_validate(
            {**before.model_dump(), **changes, "updated": now()}
        )
        check_target(after)
        _put(connection, after)
    return AnnotationChange(kind=ChangeKind.UPDATED, before=before, after=after)


def delete_annotation(database: Database, annotation_id: str) -> AnnotationChange:
    """Delete an annotation (kept hidden, so undo can bring it back); returns it."""
    with database.transaction(SAVE) as connection:
        before = _fetch(connection, annotation_id)
        if before is None:
            raise _missing(annotation_id)
        connection.execute(
            "UPDATE annotations SET deleted = ? WHERE id = ?", (now().isoformat(), before.id)
        )
        _index(connection, None, before.id)
    return AnnotationChange(kind=ChangeKind.DELETED, before=before)


def revert_change(database: Database, change: AnnotationChange) -> AnnotationChange:
    """Undo ``change`` and return the change that made (revert that to redo).

    An add is undone by deleting, a delete by restoring the annotation exactly as it was,
    an edit by writing back the state before it."""
    if change.kind is ChangeKind.ADDED:
        return delete_annotation(database, change.annotation_id)
    restored = change.before
    assert restored is not None
    with database.transaction(SAVE) as connection:
        current = _fetch(connection, restored.id)
        _put(connection, restored)
    if change.kind is ChangeKind.DELETED or current is None:
        return AnnotationChange(kind=ChangeKind.ADDED, after=restored)
    return AnnotationChange(kind=ChangeKind.UPDATED, before=current, after=restored)


def get_annotation(database: Database, annotation_id: str) -> Annotation | None:
    """One live annotation by id (a copied link to it), or None."""
    with database.reading() as connection:
        return _fetch(connection, annotation_id)


def list_annotations(database: Database, document_id: str) -> list[Annotation]:
    """A document's live annotations, oldest first."""
    with database.reading() as connection:
        rows = connection.execute(
            f"SELECT {_COLUMNS} FROM annotations WHERE document_id = ? AND deleted IS NULL "
            "ORDER BY created, number",
            (document_id,),
        ).fetchall()
    return [_annotation(row) for row in rows]


def store_selectors(database: Database, annotations: Sequence[Annotation]) -> None:
    """Write re-anchored selectors (and item ids) back without touching ``updated``: the
    text moved under them, the user changed nothing.  Skipped when the library is
    read-only: the placement is recomputed next time anyway."""
    if not annotations or database.read_only is not None:
        return
    with database.transaction(SAVE) as connection:
        for annotation in annotations:
            connection.execute(
                "UPDATE annotations SET selector = ?, item_id = ?, section = ? "
                "WHERE id = ? AND deleted IS NULL",
                (
                    None if annotation.selector is None else annotation.selector.model_dump_json(),
                    annotation.item_id,
                    None if annotation.section is None else annotation.section.value,
                    annotation.id,
                ),
            )


def purge_deleted(database: Database) -> None:
    """Forget annotations deleted more than a day ago: no session's undo reaches them.

    Housekeeping, so it never stands in the way: skipped when the library is read-only,
    locked or has nothing to purge."""
    if database.read_only is not None:
        return
    cutoff = (now() - PURGE_DELETED_AFTER).isoformat()
    condition = "deleted IS NOT NULL AND deleted < ?"
    try:
        with database.reading() as connection:
            stale = connection.execute(
                f"SELECT count(*) FROM annotations WHERE {condition}", (cutoff,)
            ).fetchone()[0]
        if stale:
            with database.transaction("tidy the library") as connection:
                connection.execute(f"DELETE FROM annotations WHERE {condition}", (cutoff,))
    except StoreError:
        pass
