"""An article keeps its place in the library, its reading position and its annotations
through re-imports, moves and edits; the library lists what a user has read."""

from __future__ import annotations

import time
from pathlib import Path

from briefing_app.core.annotations import ClaimStatus, HighlightColour, Placement
from briefing_app.core.store import Store, annotate_item, annotate_text
from tests.store_support import SAMPLE_TEXT, edited, span_of, write_article

OTHER_ARTICLE = """Library hours cut

The city library will close on Sundays from March, the council said on Tuesday.

Why It Matters

Sunday is the busiest day for families, according to the library's own figures.
"""


def test_the_same_text_reimported_or_moved_is_the_same_document(tmp_path: Path) -> None:
    first = write_article(tmp_path / "inbox" / "strike.txt")
    second = write_article(tmp_path / "archive" / "copy.txt")  # same text, another file
    with Store.open() as store:
        original = store.open_document(first, tmp_path / "inbox" / "strike.txt")
        again = store.open_document(second, tmp_path / "archive" / "copy.txt")
        assert again.id == original.id
        assert again.path == str((tmp_path / "archive" / "copy.txt").resolve())
        assert len(store.library()) == 1


def test_an_edited_file_is_the_same_document_and_old_versions_still_find_it(
    tmp_path: Path,
) -> None:
    article = tmp_path / "strike.txt"
    before = write_article(article)
    with Store.open() as store:
        document = store.open_document(before, article)
        after = write_article(article, edited(SAMPLE_TEXT, ("nine weeks", "ten weeks")))
        assert after.id != before.id
        reopened = store.open_document(after, article)
        assert reopened.id == document.id
        assert reopened.content_id == after.id
        # The old text, found elsewhere (an e-mailed copy), is still this article.
        old_copy = write_article(tmp_path / "mail" / "attachment.txt")
        assert store.open_document(old_copy, tmp_path / "mail" / "attachment.txt").id == (
            document.id
        )
        other = write_article(tmp_path / "library.txt", OTHER_ARTICLE)
        assert store.open_document(other, tmp_path / "library.txt").id != document.id


def test_find_document_looks_up_without_recording_anything(tmp_path: Path) -> None:
    brief = write_article(tmp_path / "strike.txt")
    with Store.open() as store:
        assert store.find_document(brief, tmp_path / "strike.txt") is None
        assert store.library() == []
        document = store.open_document(brief, tmp_path / "strike.txt")
        assert store.find_document(brief, None) == document


def test_reading_position_is_kept_for_next_time(tmp_path: Path) -> None:
    brief = write_article(tmp_path / "strike.txt")
    with Store.open() as store:
        document = store.open_document(brief, tmp_path / "strike.txt")
        store.set_reading_position(document.id, 2400)
    with Store.open() as store:
        assert store.open_document(brief, tmp_path / "strike.txt").position == 2400
        store.set_reading_position(document.id, 10**9)  # past the end: kept at the end
        assert store.document(document.id).position == len(brief.article.text)  # type: ignore[union-attr]


def test_the_library_lists_every_article_newest_first_with_counts(tmp_path: Path) -> None:
    strike = write_article(tmp_path / "strike.txt")
    hours = write_article(tmp_path / "hours.txt", OTHER_ARTICLE)
    with Store.open() as store:
        strike_doc = store.open_document(strike, tmp_path / "strike.txt")
        text = strike.article.text
        for passage in ("1,240 workers", "3.5% pay offer", "$38 million a day, a figure"):
            store.add(annotate_text(strike_doc.id, text, *span_of(text, passage),
                                    colour=HighlightColour.KEY_FACT))
        gone = store.add(annotate_text(strike_doc.id, text, *span_of(text, "Gate 4 stretched"),
                                       colour=HighlightColour.QUESTION))
        store.delete(gone.annotation_id)
        time.sleep(0.01)
        hours_doc = store.open_document(hours, tmp_path / "hours.txt")
        entries = store.library()
    assert [(entry.id, entry.annotation_count) for entry in entries] == [
        (hours_doc.id, 0),
        (strike_doc.id, 3),
    ]
    strike_entry = entries[1]
    assert strike_entry.title == "Why this dock strike could raise winter prices"
    assert strike_entry.publisher == "The Coastline Ledger"
    assert strike_entry.byline == "Helena Markley"
    assert strike_entry.published == "2026-11-20"
    assert strike_entry.last_opened < entries[0].last_opened


# Passages of the sample and what an edit does to them.
UNTOUCHED = "Dockworkers at the Port of Carrowmore walked off the job"
AFTER_AN_INSERTION = "Heating oil terminals on the north quay hold roughly ten days of supply"
REWORDED = "a freight economist at Halden University, said a stoppage lasting longer than two weeks"
DELETED_PARAGRAPH = (
    "The strike also lands on a port that is still recovering from last year’s storm damage "
    "to the south breakwater, which cut capacity for four months.\n\n"
)
EDITS = (
    ("Transport Minister Lucia Fenwright said on Thursday",
     "On Thursday evening, after a day of calls, Transport Minister Lucia Fenwright said"),
    ("Halden University, said a stoppage", "Halden College, said a stoppage"),
    (DELETED_PARAGRAPH, ""),
    ("The union wants a 6% raise", "The union wants a 6.5% raise"),
)


def test_highlights_are_placed_again_after_the_file_is_edited(tmp_path: Path) -> None:
    article = tmp_path / "strike.txt"
    brief = write_article(article)
    text = brief.article.text
    with Store.open() as store:
        document = store.open_document(brief, article)
        ids = {}
        for name, passage in (("exact", UNTOUCHED), ("moved", AFTER_AN_INSERTION),
                              ("fuzzy", REWORDED), ("orphan", DELETED_PARAGRAPH.strip())):
            change = store.add(annotate_text(document.id, text, *span_of(text, passage),
                                             colour=HighlightColour.CONTESTED, note=name))
            ids[change.annotation_id] = name

        changed = write_article(article, edited(SAMPLE_TEXT, *EDITS))
        document = store.open_document(changed, article)
        placed = store.place(changed, document.id)
        new_text = changed.article.text

        assert {ids[one.annotation.id]: one.placement.value for one in placed} == {
            "exact": "exact", "moved": "moved", "fuzzy": "fuzzy", "orphan": "orphan",
        }  # every annotation is there, the orphan too
        by_name = {ids[one.annotation.id]: one for one in placed}
        for one in placed:
            if one.selector is not None:
                assert new_text[one.selector.start : one.selector.end] == one.selector.exact
        assert by_name["moved"].selector.exact == AFTER_AN_INSERTION  # type: ignore[union-attr]
        fuzzy = by_name["fuzzy"]
        assert "Halden College" in fuzzy.selector.exact  # type: ignore[union-attr]
        assert 0 < fuzzy.score < 1 and fuzzy.reason == "text changed"
        assert by_name["orphan"].selector is None and by_name["orphan"].reason

        # A moved highlight was quietly re-stored; a fuzzy one waits for the user.
        again = {ids[one.annotation.id]: one.placement for one in store.place(changed, document.id)}
        assert again["moved"] is Placement.EXACT
        assert again["fuzzy"] is Placement.FUZZY
        accepted = store.accept(changed, fuzzy)
        assert accepted.before.selector.exact == REWORDED  # type: ignore[union-attr]
        again = {ids[one.annotation.id]: one.placement for one in store.place(changed, document.id)}
        assert again["fuzzy"] is Placement.EXACT
        store.revert(accepted)  # undo puts the old words back
        again = {ids[one.annotation.id]: one.placement for one in store.place(changed, document.id)}
        assert again["fuzzy"] is Placement.FUZZY


def test_an_item_status_survives_reimport_and_edits_elsewhere(tmp_path: Path) -> None:
    article = tmp_path / "strike.txt"
    brief = write_article(article)
    items = {item.text[:30]: item for item in brief.items()}
    estimate = items["The authority’s estimate of $3"]
    demand = items["The union wants a 6% raise in "]
    with Store.open() as store:
        document = store.open_document(brief, article)
        store.add(annotate_item(document.id, brief, estimate.id, status=ClaimStatus.DISPUTED,
                                note="the authority's own figure"))
        store.add(annotate_item(document.id, brief, demand.id, status=ClaimStatus.VERIFIED))

    # Re-imported from a copy, then the file edited elsewhere and in the demand's own text.
    with Store.open() as store:
        copy = write_article(tmp_path / "copy.txt")
        assert store.open_document(copy, tmp_path / "copy.txt").id == document.id
        changed = write_article(article, edited(SAMPLE_TEXT, *EDITS))
        document = store.open_document(changed, article)
        placed = {one.annotation.status: one for one in store.place(changed, document.id)}

    kept = placed[ClaimStatus.DISPUTED]
    assert kept.placement is Placement.EXACT and kept.item_id == estimate.id
    assert kept.annotation.note == "the authority's own figure"
    reattached = placed[ClaimStatus.VERIFIED]
    assert reattached.placement is Placement.FUZZY  # "text changed": shown until accepted
    new_item = next(item for item in changed.items() if item.id == reattached.item_id)
    assert new_item.text.startswith("The union wants a 6.5% raise")
    with Store.open() as store:
        store.accept(changed, reattached)
        after = {one.annotation.status: one for one in store.place(changed, document.id)}
    assert after[ClaimStatus.VERIFIED].placement is Placement.EXACT
    assert after[ClaimStatus.VERIFIED].annotation.item_id == new_item.id
