"""Searching the library: words in article texts, titles, notes and tags, best first, with
each hit marked in a snippet the library window can show in bold."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.annotations import HighlightColour
from briefing_app.core.store import Document, Store, annotate_text
from briefing_app.core.store.search import HIT_END, HIT_START, fts_query
from tests.store_support import span_of, write_article

FERRY = """Ferry fares rise again

Island ferry fares will rise by 8% in April, the operator said.

Why It Matters

Islanders say the fares already cost a week's wages a year.
"""
HOSPITAL = """Hospital parking fees scrapped

The health board will scrap parking fees at all three hospitals from June. Parking charges
had raised 2 million a year. Nurses had campaigned against parking charges for a decade,
calling parking fees a tax on staff, and the parking fees decision was welcomed by patients.
"""


def _marked(snippet: str) -> list[str]:
    """The words a snippet marks as hits."""
    parts = snippet.split(HIT_START)[1:]
    return [part.split(HIT_END)[0] for part in parts]


@pytest.fixture
def library(tmp_path: Path):
    with Store.open() as store:
        documents: dict[str, Document] = {}
        for name, text in (("ferry", FERRY), ("hospital", HOSPITAL), ("strike", None)):
            path = tmp_path / f"{name}.txt"
            brief = write_article(path, text) if text else write_article(path)
            documents[name] = store.open_document(brief, path)
            if name == "strike":
                article = brief.article.text
                note = store.add(annotate_text(
                    documents[name].id, article, *span_of(article, "north quay"),
                    colour=HighlightColour.QUESTION,
                    note="Ask the harbourmaster about kerosene stocks",
                    tags=["energy", "follow-up"],
                ))
                documents["note"] = note  # type: ignore[assignment]
        yield store, documents


def test_words_in_an_article_are_found_with_the_hit_marked(library) -> None:
    store, documents = library
    hits = store.search("cranes")
    assert [hit.document_id for hit in hits] == [documents["strike"].id]
    assert hits[0].field == "article"
    assert hits[0].title == "Why this dock strike could raise winter prices"
    marked = _marked(hits[0].snippet)
    assert marked and {word.casefold() for word in marked} <= {"crane", "cranes"}  # stems
    assert hits[0].annotation_id is None


def test_words_in_notes_and_tags_are_found_and_name_the_annotation(library) -> None:
    store, documents = library
    hits = store.search("kerosene")
    assert len(hits) == 1
    assert hits[0].field == "note" and hits[0].document_id == documents["strike"].id
    assert hits[0].annotation_id == documents["note"].annotation_id
    assert _marked(hits[0].snippet) == ["kerosene"]
    tagged = store.search("energy")
    assert [(hit.field, hit.annotation_id) for hit in tagged] == [
        ("tags", documents["note"].annotation_id)
    ]


def test_results_are_ranked_best_first(library) -> None:
    store, documents = library
    hits = store.search("parking fees")
    assert hits[0].document_id == documents["hospital"].id  # in the title, and often
    assert {word.casefold() for word in _marked(hits[0].snippet)} <= {"parking", "fees"}
    assert [hit.rank for hit in hits] == sorted((hit.rank for hit in hits), reverse=True)
    fares = store.search("fares")
    assert [hit.document_id for hit in fares] == [documents["ferry"].id]
    assert "title" in fares[0].fields and "article" in fares[0].fields


def test_search_forgives_word_forms_accents_unfinished_words_and_stray_syntax(library) -> None:
    store, documents = library
    strike = documents["strike"].id
    assert strike in {hit.document_id for hit in store.search("striking")}  # stem of strike
    assert documents["hospital"].id in {hit.document_id for hit in store.search("hôspital")}
    typing = {hit.annotation_id for hit in store.search("harbourm")}
    assert documents["note"].annotation_id in typing
    for awkward in ('"unbalanced', "fees AND OR", "NEAR(", "a-b", "*", "—", "   "):
        store.search(awkward)  # never an error
    assert store.search("") == []
    assert fts_query("pay offer") == '"pay" "offer"*'
    assert fts_query("pay offer ") == '"pay" "offer"'


def test_search_follows_edits_and_deletes(library) -> None:
    store, documents = library
    note_id = documents["note"].annotation_id
    store.update(note_id, note="Ask about diesel instead")
    assert store.search("kerosene") == []
    assert [hit.annotation_id for hit in store.search("diesel")] == [note_id]
    deleted = store.delete(note_id)
    assert store.search("diesel") == []
    store.revert(deleted)  # undo brings the note back into search too
    assert [hit.annotation_id for hit in store.search("diesel")] == [note_id]
