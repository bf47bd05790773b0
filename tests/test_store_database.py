"""The library file itself: where it lives, WAL, migrations with backups, and what a user sees
when the file is damaged, read-only or locked, or the process is killed mid-write."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing_app.core.annotations import HighlightColour
from briefing_app.core.store import Store, StoreError, annotate_text, database_path
from briefing_app.core.store.database import open_database
from briefing_app.core.store.schema import MIGRATIONS
from tests.store_support import REPO, span_of, write_article

STAMP = r"\d{8}T\d{6}Z"


def _library_with_one_note(tmp_path: Path) -> tuple[Path, str]:
    """A closed library holding one article and one highlight; its path and the note id."""
    brief = write_article(tmp_path / "article.txt")
    with Store.open() as store:
        document = store.open_document(brief, tmp_path / "article.txt")
        text = brief.article.text
        change = store.add(annotate_text(
            document.id, text, *span_of(text, "1,240 workers"), colour=HighlightColour.KEY_FACT,
            note="check the union's own count",
        ))
    return store.path, change.annotation_id


def _pragma(path: Path, name: str) -> object:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        connection.close()


def test_the_library_lives_in_the_data_folder_the_environment_names(tmp_path: Path) -> None:
    folder = tmp_path / "elsewhere"
    os.environ["BRIEFING_APP_DATA_DIR"] = str(folder)  # conftest's monkeypatch restores it
    with Store.open() as store:
        assert store.path == folder / "library.sqlite3"
    assert database_path() == folder / "library.sqlite3"
    assert (folder / "library.sqlite3").is_file()


def test_a_new_library_is_in_wal_mode_at_the_current_schema(tmp_path: Path) -> None:
    path, _ = _library_with_one_note(tmp_path)
    assert _pragma(path, "journal_mode") == "wal"
    assert _pragma(path, "user_version") == len(MIGRATIONS)


def test_an_older_library_is_backed_up_then_migrated(tmp_path: Path) -> None:
    path, note_id = _library_with_one_note(tmp_path)

    def add_pinned(connection: sqlite3.Connection) -> None:
        connection.execute("ALTER TABLE annotations ADD COLUMN pinned INTEGER DEFAULT 0")

    database = open_database(path, (*MIGRATIONS, add_pinned))
    try:
        assert len(database.backups) == 1
        backup = database.backups[0]
        assert re.fullmatch(rf"library\.backup-v1-{STAMP}\.sqlite3", backup.name)
        columns = [row[1] for row in database.connection.execute("PRAGMA table_info(annotations)")]
        assert "pinned" in columns
    finally:
        database.close()
    assert _pragma(path, "user_version") == len(MIGRATIONS) + 1
    # The backup is the library as it was: old schema, the user's note in it.
    assert _pragma(backup, "user_version") == len(MIGRATIONS)
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT note FROM annotations WHERE id = ?", (note_id,)).fetchone() == (
        "check the union's own count",
    )
    copy.close()
    # Opening again migrates nothing and makes no second backup.
    again = open_database(path, (*MIGRATIONS, add_pinned))
    assert again.backups == []
    again.close()


def test_a_failing_migration_leaves_the_library_as_it_was(tmp_path: Path) -> None:
    path, note_id = _library_with_one_note(tmp_path)

    def broken(connection: sqlite3.Connection) -> None:
        connection.execute("ALTER TABLE annotations ADD COLUMN pinned INTEGER")
        raise RuntimeError("bug in a migration")

    with pytest.raises(RuntimeError):
        open_database(path, (*MIGRATIONS, broken))
    assert _pragma(path, "user_version") == len(MIGRATIONS)
    with Store.open() as store:
        annotation = store.annotation(note_id)
    assert annotation is not None and annotation.note == "check the union's own count"


def test_a_library_from_a_newer_app_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path, _ = _library_with_one_note(tmp_path)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    with pytest.raises(StoreError, match=r"written by a newer version of the app \(schema 99"):
        Store.open()


def test_a_corrupt_library_is_moved_aside_and_a_new_one_started(tmp_path: Path) -> None:
    path = database_path()
    path.parent.mkdir(parents=True)
    garbage = b"this is not a database \x00\xff" * 300
    path.write_bytes(garbage)

    with Store.open() as store:
        assert len(store.notices) == 1
        notice = store.notices[0]
        moved = notice.moved_to
        assert moved is not None and moved.parent == path.parent
        assert re.fullmatch(rf"library\.corrupt-{STAMP}\.sqlite3", moved.name)
        assert moved.read_bytes() == garbage  # not a byte of the user's file lost
        assert str(moved) in str(notice) and "damaged" in str(notice)
        # The new library works.
        brief = write_article(tmp_path / "a.txt")
        document = store.open_document(brief, tmp_path / "a.txt")
        assert [entry.id for entry in store.library()] == [document.id]
    assert _pragma(path, "integrity_check") == "ok"
    with Store.open() as store:  # nothing to report the next time
        assert store.notices == ()


def test_a_library_with_damaged_pages_is_moved_aside(tmp_path: Path) -> None:
    path, _ = _library_with_one_note(tmp_path)
    data = bytearray(path.read_bytes())
    page = _pragma(path, "page_size")
    assert isinstance(page, int) and len(data) >= 3 * page
    data[page : 3 * page] = b"\xa5" * (2 * page)  # the schema's pages overwritten
    path.write_bytes(bytes(data))
    with Store.open() as store:
        assert store.notices and store.notices[0].moved_to is not None
        assert store.notices[0].moved_to.read_bytes() == bytes(data)
        assert store.library() == []


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder other users can enter (tmp_path is private), removed afterwards whatever
    permissions the test left on it."""
    folder = Path(tempfile.mkdtemp(prefix="briefing-store-"))
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    shutil.rmtree(folder)


READ_ONLY_CHILD = r"""
import json, os, sys
from briefing_app.core.annotations import HighlightColour
from briefing_app.core.store import Store, StoreError, annotate_text
from pathlib import Path
if os.geteuid() == 0:  # root writes anywhere: become a user the permissions bind
    os.setgid(65534)
    os.setuid(65534)
store = Store.open(Path(sys.argv[1]))
documents = store.library()
notes = [a.note for a in store.annotations(documents[0].id)]
try:
    store.add(annotate_text(documents[0].id, "some text", 0, 4, colour=HighlightColour.QUESTION))
    outcome = "saved"
except StoreError as exc:
    outcome = str(exc)
print(json.dumps({"read_only": store.read_only, "notes": notes, "add": outcome,
                  "search": [hit.field for hit in store.search("union")]}))
"""


def test_a_read_only_library_can_be_read_but_says_why_it_cannot_save(
    tmp_path: Path, shared_folder: Path
) -> None:
    path = shared_folder / "library.sqlite3"
    os.environ["BRIEFING_APP_DATA_DIR"] = str(shared_folder)
    _library_with_one_note(tmp_path)
    path.chmod(0o444)
    shared_folder.chmod(0o555)  # no -wal or -shm file can be made beside it either

    result = subprocess.run(
        [sys.executable, "-c", READ_ONLY_CHILD, str(path)],
        capture_output=True, text=True, cwd=REPO, check=False,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    assert seen["read_only"] == "read-only"
    assert seen["notes"] == ["check the union's own count"]
    assert "note" in seen["search"]
    assert seen["add"] == (
        f"cannot save annotations: the library database is read-only ({path})"
    )


def test_a_locked_library_can_be_read_and_says_it_is_locked(tmp_path: Path) -> None:
    path, note_id = _library_with_one_note(tmp_path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program holds the write lock
    try:
        with Store.open(busy_timeout=0.2) as store:
            annotation = store.annotation(note_id)
            assert annotation is not None
            started = time.monotonic()
            with pytest.raises(StoreError) as raised:
                store.update(note_id, note="changed")
            assert time.monotonic() - started < 3
            assert str(raised.value) == (
                f"cannot save annotations: the library database is locked by another program "
                f"({path})"
            )
            other.execute("ROLLBACK")
            store.update(note_id, note="changed")  # the lock gone, saving works again
            assert store.annotation(note_id).note == "changed"  # type: ignore[union-attr]
    finally:
        other.close()


def test_a_library_opened_read_only_reads_and_refuses_to_save(tmp_path: Path) -> None:
    path, note_id = _library_with_one_note(tmp_path)
    before = path.read_bytes()
    with Store.open(read_only=True) as store:
        assert store.annotation(note_id) is not None
        with pytest.raises(StoreError, match=r"^cannot save annotations: the library "
                           r"database is opened read-only \("):
            store.delete(note_id)
    assert path.read_bytes() == before


BURST_CHILD = r"""
import sys
from pathlib import Path
from briefing_app.core.annotations import HighlightColour
from briefing_app.core.importer import import_path
from briefing_app.core.store import Store, annotate_text
brief = import_path(sys.argv[1])
store = Store.open()
document = store.open_document(brief, sys.argv[1])
text = brief.article.text
print("document", document.id, flush=True)
for number in range(1000):
    start = (number * 7) % (len(text) - 40)
    change = store.add(annotate_text(document.id, text, start, start + 30,
                                     colour=HighlightColour.FOLLOW_UP, note=f"note {number}"))
    print(change.annotation_id, flush=True)  # printed only once the commit returned
import time
time.sleep(60)  # the burst finished before the kill: the parent notices
"""


def test_killing_the_app_mid_burst_loses_no_saved_annotation(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    write_article(article)
    child = subprocess.Popen(
        [sys.executable, "-c", BURST_CHILD, str(article)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
    )
    assert child.stdout is not None
    saved: list[str] = []
    try:
        first = child.stdout.readline().split()
        assert first[:1] == ["document"], child.stderr.read() if child.stderr else ""
        while len(saved) < 150:
            line = child.stdout.readline()
            assert line, child.stderr.read() if child.stderr else "child ended early"
            saved.append(line.strip())
        child.send_signal(signal.SIGKILL)
        saved += [line.strip() for line in child.stdout.read().splitlines()]
    finally:
        child.kill()
        child.wait()
    assert child.returncode == -signal.SIGKILL
    assert _pragma(database_path(), "integrity_check") == "ok"
    with Store.open() as store:
        stored = {annotation.id for annotation in store.annotations(first[1])}
        assert store.library()[0].annotation_count == len(stored)
    assert len(stored) < 1000, "the kill came after the burst: it proved nothing"
    assert set(saved) <= stored
    assert len(stored) - len(saved) <= 1  # at most the one committed as the kill came
