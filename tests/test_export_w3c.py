"""W3C Web Annotation export and ``import-annotations``: a collection other tools can read,
and a round trip into a fresh library that loses nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_app.core.annotations import Annotation, ClaimStatus, HighlightColour
from briefing_app.core.export.w3c import annotation_collection
from briefing_app.core.export.w3c_read import AnnotationFileError, read_collection
from briefing_app.core.importer import import_path
from briefing_app.core.store import Store
from tests.conftest import SAMPLES, Run
from tests.export_support import DOCUMENT_ID, fixed_annotations, job_for
from tests.store_support import write_article

KEPT = ("id", "selector", "item_id", "section", "colour", "status", "note", "tags",
        "created", "updated")


@pytest.fixture(scope="module")
def brief():
    return import_path(SAMPLES / "harbour-strike.txt")


def test_the_collection_has_the_w3c_shape(brief) -> None:
    collection = annotation_collection(job_for(brief))
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection"
    assert collection["total"] == 5
    page = collection["first"]
    assert page["type"] == "AnnotationPage" and len(page["items"]) == 5
    highlight = next(a for a in page["items"] if a["id"].endswith("a1" + "0" * 30))
    assert highlight["id"] == "briefing-reader://annotation/a1" + "0" * 30
    target = highlight["target"]
    assert target["source"] == f"urn:briefing-reader:document:{DOCUMENT_ID}"
    assert target["scope"] == "file:///home/analyst/briefs/article.txt"
    quote, position = target["selector"]
    text = brief.article.text
    assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
    assert text[position["start"] : position["end"]] == quote["exact"]
    assert text[: position["start"]].endswith(quote["prefix"])
    assert text[position["end"] :].startswith(quote["suffix"])
    purposes = [(body["purpose"], body["value"]) for body in highlight["body"]]
    assert purposes == [
        ("classifying", "key_fact"),
        ("commenting", "Check the **figure** against [the report](https://example.org/report)."),
        ("tagging", "figures"),
        ("tagging", "check"),
    ]
    colour = highlight["body"][0]
    assert colour["label"] == "Key fact" and colour["id"] == "urn:briefing-reader:colour:key_fact"
    assert highlight["body"][1]["format"] == "text/markdown"


def test_an_item_annotation_names_its_item_and_targets_its_passage(brief) -> None:
    items = annotation_collection(job_for(brief))["first"]["items"]
    on_item = next(a for a in items if a["id"].endswith("a4" + "0" * 30))
    first = brief.items()[0]
    assert on_item["motivation"] == "assessing"
    assert {"type": "TextualBody", "purpose": "identifying", "value": first.id} in on_item["body"]
    status = next(b for b in on_item["body"] if b.get("id", "").startswith(
        "urn:briefing-reader:status:"))
    assert (status["value"], status["label"]) == ("verified", "Verified")
    assert on_item["target"]["selector"][1] == {"type": "TextPositionSelector",
                                                "start": first.source.start,
                                                "end": first.source.end}


def _stored(store: Store, document_id: str) -> list[dict]:
    return sorted((a.model_dump(include=set(KEPT)) for a in store.annotations(document_id)),
                  key=lambda a: a["id"])


def test_round_trip_into_a_fresh_library_loses_nothing(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "strike.txt"
    brief = write_article(article)
    with Store.open() as store:
        document = store.open_document(brief, article)
        for annotation in fixed_annotations(brief):
            store.add(annotation.model_copy(update={"document_id": document.id}))
        before = _stored(store, document.id)
    exported = tmp_path / "notes.jsonld"
    assert cli("export", article, "--format", "w3c", "-o", exported).status == 0

    monkeypatch.setenv("BRIEFING_APP_DATA_DIR", str(tmp_path / "fresh"))
    result = cli("import-annotations", exported, article)
    assert (result.status, result.out) == (0, "")
    assert result.err == f"imported 5 annotations into {article}: 5 new, 0 updated, 0 unchanged\n"
    with Store.open() as store:
        document = store.find_document(brief, article)
        assert document is not None
        assert _stored(store, document.id) == before

    again = cli("import-annotations", exported, article)
    assert again.err.endswith("0 new, 0 updated, 5 unchanged\n")
    with Store.open() as store:
        assert len(store.annotations(document.id)) == 5


def test_reimport_updates_by_id_instead_of_duplicating(
    cli: Run, tmp_path: Path
) -> None:
    article = tmp_path / "strike.txt"
    brief = write_article(article)
    collection = annotation_collection(job_for(brief))
    exported = tmp_path / "notes.jsonld"
    exported.write_text(json.dumps(collection), encoding="utf-8")
    assert cli("import-annotations", exported, article).status == 0
    note = next(b for b in collection["first"]["items"][0]["body"] if b["purpose"] == "commenting")
    note["value"] = "A changed note"
    exported.write_text(json.dumps(collection), encoding="utf-8")
    result = cli("import-annotations", exported, article)
    assert result.err.endswith("0 new, 1 updated, 4 unchanged\n")
    with Store.open() as store:
        notes = [a.note for a in store.annotations(store.find_document(brief, article).id)]
    assert "A changed note" in notes and len(notes) == 5


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ("not json", "not JSON"),
        ("[]", "the file is not an object"),
        ('{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation"}',
         "its type is not AnnotationCollection"),
        ('{"type": "AnnotationCollection", "first": {}}', "its @context is not"),
        ('{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", '
         '"first": "https://example.org/page1"}', "pages are not embedded"),
        ('{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", '
         '"total": 3, "first": {"type": "AnnotationPage", "items": []}}',
         "says it holds 3 annotations but its pages hold 0"),
        ('{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", '
         '"first": {"type": "AnnotationPage", "items": [{"type": "Annotation", "target": '
         '{"source": "x", "selector": {"type": "TextPositionSelector", "start": 5, '
         '"end": "9"}}}]}}', "annotation 1 (no id): TextPositionSelector end is not a whole"),
    ],
)
def test_files_that_are_not_collections_are_refused_with_one_line(
    cli: Run, tmp_path: Path, content: str, why: str
) -> None:
    article = tmp_path / "strike.txt"
    write_article(article)
    bad = tmp_path / "bad.jsonld"
    bad.write_text(content, encoding="utf-8")
    result = cli("import-annotations", bad, article)
    assert result.status == 2 and result.out == ""
    assert result.err.startswith(f"error: {bad}: ") and why in result.err
    assert result.err.count("\n") == 1


def test_another_tools_annotations_are_read_as_far_as_they_map(brief) -> None:
    text = brief.article.text
    start = text.index("60 container ships")
    collection = {
        "@context": ["http://www.w3.org/ns/anno.jsonld"],
        "type": "AnnotationCollection",
        "first": {"type": "AnnotationPage", "items": [
            {"id": "https://tool.example/anno/1", "type": "Annotation",
             "body": {"type": "TextualBody", "value": "plain comment"},
             "target": {"source": "https://news.example/a",
                        "selector": {"type": "TextQuoteSelector",
                                     "exact": "60 container ships"}}},
            {"id": "https://tool.example/anno/2", "type": "Annotation",
             "body": [{"type": "TextualBody", "purpose": "classifying", "value": "contested"},
                      {"type": "TextualBody", "purpose": "classifying", "value": "urgent"}],
             "target": {"source": "x", "selector": {"type": "TextPositionSelector",
                                                    "start": start, "end": start + 2}}},
        ]},
    }
    first, second = read_collection(json.dumps(collection), "doc", text)
    assert first.note == "plain comment" and first.colour is HighlightColour.BACKGROUND
    assert (first.selector.start, first.selector.exact) == (start, "60 container ships")
    assert second.colour is HighlightColour.CONTESTED and second.tags == ["urgent"]
    assert second.selector.exact == "60" and second.selector.prefix == text[start - 32 : start]
    again = read_collection(json.dumps(collection), "doc", text)
    assert [a.id for a in again] == [first.id, second.id]  # stable ids: re-import updates


def test_a_status_without_an_item_is_refused(brief) -> None:
    collection = annotation_collection(job_for(brief, [
        Annotation(id="f" * 32, document_id="d", item_id="x", status=ClaimStatus.DISPUTED,
                   selector=brief.items()[0].source),
    ]))
    bodies = collection["first"]["items"][0]["body"]
    collection["first"]["items"][0]["body"] = [b for b in bodies if b["purpose"] != "identifying"]
    with pytest.raises(AnnotationFileError, match="a status needs an item"):
        read_collection(json.dumps(collection), "doc", brief.article.text)


def test_an_annotation_deleted_since_the_export_comes_back_on_import(
    cli: Run, tmp_path: Path
) -> None:
    article = tmp_path / "strike.txt"
    brief = write_article(article)
    with Store.open() as store:
        document = store.open_document(brief, article)
        for annotation in fixed_annotations(brief):
            store.add(annotation.model_copy(update={"document_id": document.id}))
    exported = tmp_path / "notes.jsonld"
    assert cli("export", article, "--format", "w3c", "-o", exported).status == 0
    with Store.open() as store:
        store.delete("a2" + "0" * 30)
    result = cli("import-annotations", exported, article)
    assert result.err.endswith("1 new, 0 updated, 4 unchanged\n")
    with Store.open() as store:
        assert store.annotation("a2" + "0" * 30).note == "Who says so?"
