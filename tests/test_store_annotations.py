"""Annotations as the user relies on them: saved the moment they are made, edits and deletes
that say what changed, and undo/redo that brings back exactly what was there."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from briefing_app.core.annotations import Annotation, ClaimStatus, HighlightColour
from briefing_app.core.store import ChangeKind, Store, StoreError, annotate_item, annotate_text
from tests.store_support import span_of, write_article


@pytest.fixture
def store(tmp_path: Path):
    with Store.open() as opened:
        yield opened


@pytest.fixture
def highlight(tmp_path: Path, store: Store) -> Annotation:
    brief = write_article(tmp_path / "strike.txt")
    document = store.open_document(brief, tmp_path / "strike.txt")
    text = brief.article.text
    return annotate_text(document.id, text, *span_of(text, "3.5% pay offer"),
                         colour=HighlightColour.FOLLOW_UP, note="compare with 2011",
                         tags=["pay", " Pay ", "", "talks"])


def test_an_annotation_is_saved_the_moment_it_is_added(store: Store, highlight: Annotation) -> None:
    change = store.add(highlight)
    assert change.kind is ChangeKind.ADDED and change.before is None
    # Another connection (another process, or the app after a crash) sees it at once.
    other = sqlite3.connect(store.path)
    row = other.execute("SELECT note, tags FROM annotations WHERE id = ?", (highlight.id,))
    assert row.fetchone() == ("compare with 2011", '["pay", "talks"]')
    other.close()
    assert store.annotation(highlight.id) == change.after
    assert change.after.tags == ["pay", "talks"]  # type: ignore[union-attr]


def test_edits_say_what_changed_and_undo_redo_restores_it(
    store: Store, highlight: Annotation
) -> None:
    store.add(highlight)
    edit = store.update(highlight.id, note="asked the union", tags=["pay"],
                        colour=HighlightColour.CONTESTED)
    assert edit.kind is ChangeKind.UPDATED
    assert edit.before.note == "compare with 2011"  # type: ignore[union-attr]
    assert edit.after.note == "asked the union"  # type: ignore[union-attr]
    assert edit.after.colour is HighlightColour.CONTESTED  # type: ignore[union-attr]
    assert edit.after.selector == highlight.selector  # type: ignore[union-attr]

    undo = store.revert(edit)
    assert store.annotation(highlight.id).note == "compare with 2011"  # type: ignore[union-attr]
    assert store.annotation(highlight.id).colour is HighlightColour.FOLLOW_UP  # type: ignore[union-attr]
    store.revert(undo)  # redo
    assert store.annotation(highlight.id).note == "asked the union"  # type: ignore[union-attr]


def test_delete_and_undo_bring_back_the_very_annotation(
    store: Store, highlight: Annotation
) -> None:
    added = store.add(highlight)
    deleted = store.delete(highlight.id)
    assert deleted.kind is ChangeKind.DELETED and deleted.before == added.after
    assert store.annotation(highlight.id) is None
    assert store.annotations(highlight.document_id) == []
    restored = store.revert(deleted)
    assert restored.kind is ChangeKind.ADDED
    assert store.annotations(highlight.document_id) == [added.after]  # same id, times, all
    redone = store.revert(restored)  # redo the delete
    assert store.annotations(highlight.document_id) == []
    store.revert(redone)  # and undo it again
    undone_add = store.revert(added)  # undo the add itself
    assert store.annotations(highlight.document_id) == []
    store.revert(undone_add)  # redo the add
    assert store.annotations(highlight.document_id) == [added.after]


def test_an_item_status_can_be_set_changed_and_cleared(tmp_path: Path, store: Store) -> None:
    brief = write_article(tmp_path / "strike.txt")
    document = store.open_document(brief, tmp_path / "strike.txt")
    item = brief.items()[1]
    change = store.add(annotate_item(document.id, brief, item.id, status=ClaimStatus.VERIFIED))
    assert change.after.selector == item.source  # type: ignore[union-attr]
    store.update(change.annotation_id, status=ClaimStatus.NEEDS_SOURCE)
    assert store.annotation(change.annotation_id).status is ClaimStatus.NEEDS_SOURCE  # type: ignore[union-attr]
    store.update(change.annotation_id, status=None, colour=HighlightColour.KEY_FACT)
    cleared = store.annotation(change.annotation_id)
    assert cleared is not None and cleared.status is None
    assert cleared.colour is HighlightColour.KEY_FACT


def test_malformed_annotations_and_missing_ones_are_refused(
    store: Store, highlight: Annotation
) -> None:
    with pytest.raises(ValueError, match="colour"):
        store.add(highlight.model_copy(update={"colour": None}))
    with pytest.raises(ValueError, match="status"):
        store.add(highlight.model_copy(update={"status": ClaimStatus.VERIFIED}))
    store.add(highlight)
    with pytest.raises(StoreError, match="already exists"):
        store.add(highlight)
    with pytest.raises(StoreError, match="no longer exists"):
        store.update("no-such-id", note="x")
    store.delete(highlight.id)
    with pytest.raises(StoreError, match="no longer exists"):
        store.delete(highlight.id)


def test_annotations_deleted_long_ago_are_purged_when_the_library_opens(
    store: Store, highlight: Annotation
) -> None:
    store.add(highlight)
    store.delete(highlight.id)
    store.close()
    connection = sqlite3.connect(store.path)
    connection.execute("UPDATE annotations SET deleted = '2000-01-01T00:00:00+00:00'")
    connection.commit()
    connection.close()
    with Store.open() as reopened:
        count = reopened._database.connection.execute("SELECT count(*) FROM annotations")
        assert count.fetchone()[0] == 0
