"""The library's tables, as a list of forward migrations: entry N brings schema N to N+1.

Why a list and never an edit: a user's file may be any older version; each step runs once,
in order, in its own transaction, after a backup (see ``database._migrate``).  Add a new
function at the end to change the schema; never change one that has shipped.
"""

from __future__ import annotations

import sqlite3

from briefing_app.core.store.database import Migration


def _create_library(connection: sqlite3.Connection) -> None:
    """Schema 1: documents with every content hash and file path they have had,
    annotations (soft-deleted for undo), and one full-text index over article texts, notes
    and tags."""
    _run_statements(
        connection,
        """
        CREATE TABLE documents (
            number INTEGER PRIMARY KEY,   -- stable small key: the search index's rows
            id TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            publisher TEXT,
            byline TEXT,
            published TEXT,
            url TEXT,
            path TEXT,
            content_id TEXT NOT NULL,
            text_length INTEGER NOT NULL DEFAULT 0,
            position INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL,
            last_opened TEXT NOT NULL
        );

        -- Every article text a document has had, so a re-import of any version finds it.
        CREATE TABLE document_versions (
            content_id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            first_seen TEXT NOT NULL
        );
        CREATE INDEX document_versions_by_document ON document_versions (document_id);

        -- Every file a document was opened from: an edited original is found by its path
        -- even after a copy elsewhere was opened since.
        CREATE TABLE document_paths (
            path TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            last_opened TEXT NOT NULL
        );

        CREATE TABLE annotations (
            number INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            selector TEXT,            -- JSON: W3C position + quote selector, or NULL
            item_id TEXT,
            section TEXT,
            colour TEXT,
            status TEXT,
            note TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',   -- JSON list of strings
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            deleted TEXT              -- set when deleted; undo clears it
        );
        CREATE INDEX annotations_by_document ON annotations (document_id, deleted);

        -- One row per document (title, article text; rowid = 2 * documents.number) and
        -- per live annotation (note, tags; rowid = 2 * annotations.number + 1), so a row
        -- is found by key: the id columns are not indexed.
        CREATE VIRTUAL TABLE search_index USING fts5 (
            document_id UNINDEXED,
            annotation_id UNINDEXED,
            title,
            article,
            note,
            tags,
            tokenize = 'porter unicode61 remove_diacritics 2'
        );
        """
    )


def _run_statements(connection: sqlite3.Connection, script: str) -> None:
    """Run a script's statements one by one, inside the caller's transaction.

    Why not ``executescript``: it commits whatever transaction is open first, which would
    set the schema version apart from the change it describes.
    """
    for statement in script.split(";\n"):
        if statement.strip():
            connection.execute(statement)


MIGRATIONS: tuple[Migration, ...] = (_create_library,)
