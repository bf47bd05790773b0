"""Full-text search across every article and note in the library (SQLite FTS5).

Why FTS5 and not LIKE: ranked results (bm25), word stems ("strikes" finds "strike"),
accents folded, snippets cut around the hit, and it stays fast on a library of thousands
of articles.  What the user types is never passed as FTS5 syntax: each word is quoted, so a
stray quote mark or hyphen cannot make a query fail, and the last word matches as a prefix,
so results come while typing.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Literal

from pydantic import BaseModel, ConfigDict

from briefing_app.core.store.database import Database

HIT_START = "\x02"
"""Opens a hit inside ``SearchHit.snippet`` (the UI shows it bold)."""
HIT_END = "\x03"
"""Closes a hit inside ``SearchHit.snippet``."""
ELLIPSIS = "…"

Field = Literal["title", "article", "note", "tags"]
# Search index columns after the two ids, and how much a hit in each counts (bm25 weights).
_FIELDS: tuple[Field, ...] = ("title", "article", "note", "tags")
_WEIGHTS = (0.0, 0.0, 8.0, 1.0, 4.0, 4.0)
_SNIPPET_WORDS = 14
_WORD = re.compile(r"\w", re.UNICODE)


class SearchHit(BaseModel):
    """One result: which document (and annotation, for a note or tag), which field matched
    best, and a short extract with each hit between ``HIT_START`` and ``HIT_END``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    document_id: str
    title: str
    field: Field
    fields: tuple[Field, ...]
    snippet: str
    annotation_id: str | None = None
    rank: float


def fts_query(text: str) -> str | None:
    """The user's words as an FTS5 query (every word must occur; the last one may be
    unfinished), or None when there is no word to look for."""
    words = [word for word in text.split() if _WORD.search(word)]
    if not words:
        return None
    phrases = ['"' + word.replace('"', '""') + '"' for word in words]
    if not text[-1:].isspace():
        phrases[-1] += "*"
    return " ".join(phrases)


def search(database: Database, text: str, *, limit: int = 50) -> list[SearchHit]:
    """The best ``limit`` matches for ``text`` across article titles and texts, notes and
    tags, best first."""
    query = fts_query(text)
    if query is None:
        return []
    snippets = ", ".join(
        f"snippet(search_index, {column}, :start, :end, :ellipsis, {_SNIPPET_WORDS})"
        for column in range(2, 2 + len(_FIELDS))
    )
    weights = ", ".join(str(weight) for weight in _WEIGHTS)
    sql = (
        f"SELECT search_index.document_id, search_index.annotation_id, documents.title, "
        f"{snippets}, bm25(search_index, {weights}) AS score "
        "FROM search_index JOIN documents ON documents.id = search_index.document_id "
        "WHERE search_index MATCH :query ORDER BY score LIMIT :limit"
    )
    parameters = {
        "start": HIT_START, "end": HIT_END, "ellipsis": ELLIPSIS, "query": query, "limit": limit
    }
    with database.reading("search the library") as connection:
        try:
            rows = connection.execute(sql, parameters).fetchall()
        except sqlite3.OperationalError as exc:
            if "fts5" in str(exc).lower():  # a query FTS5 cannot parse finds nothing
                return []
            raise
    return [_hit(row) for row in rows]


def _hit(row: tuple) -> SearchHit:
    document_id, annotation_id, title, *pieces, score = row
    snippets = [piece or "" for piece in pieces]  # a column a row does not fill is NULL
    matched = tuple(name for name, piece in zip(_FIELDS, snippets, strict=True)
                    if HIT_START in piece)
    # An article's body tells more than its title; a note more than its tags.
    preferred = [name for name in ("article", "note", "title", "tags") if name in matched]
    field: Field = preferred[0] if preferred else ("note" if annotation_id else "article")
    return SearchHit(
        document_id=document_id,
        title=title,
        field=field,
        fields=matched,
        snippet=snippets[_FIELDS.index(field)],
        annotation_id=annotation_id,
        rank=-score,
    )
