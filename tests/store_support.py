"""Shared helpers for the store tests: an article file on disk that a test can edit, and
briefs made from it the way the window makes them (``import_path``)."""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.annotations import HighlightColour
from briefing_app.core.importer import import_path
from briefing_app.core.model import Brief

REPO = Path(__file__).resolve().parent.parent
SAMPLE_TEXT = (REPO / "samples" / "harbour-strike.txt").read_text(encoding="utf-8")


def write_article(path: Path, text: str = SAMPLE_TEXT) -> Brief:
    """Write ``text`` to ``path`` and import it, as opening the file in the app does."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return import_path(path)


def span_of(text: str, passage: str) -> tuple[int, int]:
    """Start and end of the one occurrence of ``passage`` in ``text``."""
    start = text.index(passage)
    assert text.find(passage, start + 1) == -1, f"{passage!r} occurs twice"
    return start, start + len(passage)


def edited(text: str, *replacements: tuple[str, str]) -> str:
    """``text`` with each (old, new) replaced once; fails if an old passage is missing."""
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def highlighted_article(
    path: Path, passage: str, colour: HighlightColour, **fields: object
) -> Brief:
    """Write the sample article to ``path`` and highlight ``passage`` in the library (with
    any other annotation fields: note, tags), as a reader does in the window."""
    from briefing_app.core.store import Store, annotate_text

    brief = write_article(path)
    text = brief.article.text
    with Store.open() as store:
        document = store.open_document(brief, path)
        store.add(annotate_text(document.id, text, *span_of(text, passage), colour=colour,
                                **fields))
    return brief
