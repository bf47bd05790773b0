"""Documents in the library: an article's identity across edits, moves and re-imports.

Why not key everything on the brief's content hash: editing the file changes the hash, and
the reader's annotations must stay with the article.  So a document has an id of its own and
remembers every content hash it has had and the file it was last opened from: opening a
brief finds its document by content first (the same text re-imported or moved), then by
any path it was opened from (the file was edited), and only then starts a new one.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from uuid import uuid4

from pydantic import BaseModel, ConfigDict

from briefing_app.core.model import Brief
from briefing_app.core.store.database import Database

_COLUMNS = (
    "number, id, title, publisher, byline, published, url, path, content_id, text_length, "
    "position, created, last_opened"
)


class Document(BaseModel):
    """One article in the library, whatever versions of its text it has had."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    title: str = ""
    publisher: str | None = None
    byline: str | None = None
    published: str | None = None
    url: str | None = None
    path: str | None = None
    content_id: str
    text_length: int = 0
    position: int = 0
    created: datetime
    last_opened: datetime


class LibraryEntry(Document):
    """A document as the library window lists it: with its number of live annotations."""

    annotation_count: int = 0


def _timestamp() -> str:
    return datetime.now(UTC).isoformat()


def _resolved(path: str | Path | None) -> str | None:
    if path is None:
        return None
    return str(Path(path).expanduser().resolve())


def _document(row: sqlite3.Row | tuple, extra: dict[str, int] | None = None) -> Document:
    (_, doc_id, title, publisher, byline, published, url, path, content, length, position,
     created, last_opened) = row[:13]
    fields = dict(
        id=doc_id, title=title, publisher=publisher, byline=byline, published=published,
        url=url, path=path, content_id=content, text_length=length, position=position,
        created=datetime.fromisoformat(created), last_opened=datetime.fromisoformat(last_opened),
    )
    if extra is not None:
        return LibraryEntry(**fields, **extra)
    return Document(**fields)


def _lookup(connection: sqlite3.Connection, brief: Brief, path: str | None) -> tuple | None:
    row = connection.execute(
        f"SELECT {_COLUMNS} FROM documents WHERE id = "
        "(SELECT document_id FROM document_versions WHERE content_id = ?)",
        (brief.id,),
    ).fetchone()
    if row is None and path is not None:
        row = connection.execute(
            f"SELECT {_COLUMNS} FROM documents WHERE id = "
            "(SELECT document_id FROM document_paths WHERE path = ?)",
            (path,),
        ).fetchone()
    return row


def find_document(database: Database, brief: Brief, path: str | Path | None) -> Document | None:
    """The library's document for this brief, changing nothing (the CLI's lookup)."""
    with database.reading() as connection:
        row = _lookup(connection, brief, _resolved(path))
    return None if row is None else _document(row)


def get_document(database: Database, document_id: str) -> Document | None:
    """A document by its id (a library entry the user clicked), or None."""
    with database.reading() as connection:
        row = connection.execute(
            f"SELECT {_COLUMNS} FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
    return None if row is None else _document(row)


def open_document(database: Database, brief: Brief, path: str | Path | None) -> Document:
    """Record that ``brief`` (read from ``path``, if a file) was opened now, and return its
    document: found by content, else by a path it was opened from, else new.  Keeps its
    title and source, the newest content hash and the article text for search up to date;
    one transaction."""
    where = _resolved(path)
    now = _timestamp()
    source = brief.source
    with database.transaction("record the article in the library") as connection:
        row = _lookup(connection, brief, where)
        if row is None:
            doc_id = uuid4().hex
            connection.execute(
                "INSERT INTO documents (id, content_id, created, last_opened) VALUES (?,?,?,?)",
                (doc_id, brief.id, now, now),
            )
            old_content = None
        else:
            doc_id, old_content = row[1], row[8]
            where = where if where is not None else row[7]
        connection.execute(
            "UPDATE documents SET title = ?, publisher = ?, byline = ?, published = ?, "
            "url = ?, path = ?, content_id = ?, text_length = ?, last_opened = ? WHERE id = ?",
            (brief.title, source.publisher, source.author, source.published, source.url, where,
             brief.id, len(brief.article.text), now, doc_id),
        )
        connection.execute(
            "INSERT OR IGNORE INTO document_versions (content_id, document_id, first_seen) "
            "VALUES (?, ?, ?)",
            (brief.id, doc_id, now),
        )
        if where is not None:
            connection.execute(
                "INSERT INTO document_paths (path, document_id, last_opened) VALUES (?, ?, ?) "
                "ON CONFLICT (path) DO UPDATE SET document_id = excluded.document_id, "
                "last_opened = excluded.last_opened",
                (where, doc_id, now),
            )
        number = connection.execute(
            "SELECT number FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()[0]
        if old_content != brief.id or row is None or row[2] != brief.title:
            connection.execute("DELETE FROM search_index WHERE rowid = ?", (2 * number,))
            connection.execute(
                "INSERT INTO search_index (rowid, document_id, annotation_id, title, article) "
                "VALUES (?, ?, NULL, ?, ?)",
                (2 * number, doc_id, brief.title, brief.article.text),
            )
        stored = connection.execute(
            f"SELECT {_COLUMNS} FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
    return _document(stored)


def set_reading_position(database: Database, document_id: str, position: int) -> None:
    """Keep where the reader was in the article (a character offset), to return there."""
    with database.transaction("save the reading position") as connection:
        connection.execute(
            "UPDATE documents SET position = max(0, min(?, text_length)) WHERE id = ?",
            (position, document_id),
        )


def library(database: Database) -> list[LibraryEntry]:
    """Every document, most recently opened first, with its count of live annotations."""
    with database.reading() as connection:
        rows = connection.execute(
            f"SELECT {_COLUMNS}, (SELECT count(*) FROM annotations AS a "
            "WHERE a.document_id = documents.id AND a.deleted IS NULL) "
            "FROM documents ORDER BY last_opened DESC, number DESC"
        ).fetchall()
    return [_document(row, {"annotation_count": row[13]}) for row in rows]
