"""The SQLite file under the library: opening it safely, migrating it, one transaction per
user action, and failures told in one line.

Why so much care at open: the library holds the user's own work, so a damaged file is moved
aside (never overwritten) and the user is told where it went; a schema upgrade first copies
the file; a read-only or locked file still opens for reading, and only writing fails, with a
``StoreError`` whose message can be shown as it is.  After the qutebrowser ``misc/sql.py``
layer: ``PRAGMA user_version`` with a list of forward migrations and a transaction context
manager; SQLite's own locking and WAL journal do the crash safety.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

Migration = Callable[[sqlite3.Connection], None]

# Seconds a write waits for another program's lock.  Our own writes hold it for
# milliseconds; a longer wait would only freeze the window before the same message.
DEFAULT_BUSY_TIMEOUT = 2.0

# Primary SQLite result codes (the low byte of an extended code).
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = (
    3, 5, 6, 8, 10, 11, 13, 14, 26
)
_WHY = {
    _READONLY: "the library database is read-only",
    _BUSY: "the library database is locked by another program",
    _LOCKED: "the library database is locked by another program",
    _FULL: "the disk is full",
    _CORRUPT: "the library database is damaged (restart the app to move it aside)",
    _NOTADB: "the library database is damaged (restart the app to move it aside)",
    _CANTOPEN: "the library database cannot be opened",
    _PERM: "permission denied",
}
_SIDE_FILES = ("-wal", "-shm", "-journal")


class StoreError(Exception):
    """A library operation that could not be done, as one line the UI and the CLI show as it
    is: ``cannot save annotations: the library database is read-only (PATH)``."""


@dataclass(frozen=True)
class StoreNotice:
    """Something the user must be told about opening the library (a damaged file moved
    aside), with where the old file went."""

    message: str
    moved_to: Path | None = None

    def __str__(self) -> str:
        return self.message


def _primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def store_error(action: str, exc: sqlite3.Error, path: Path) -> StoreError:
    """The one-line ``StoreError`` for an SQLite failure while doing ``action``.

    Why translated: "attempt to write a readonly database" names neither what the user was
    doing nor which file; the app shows this line in a dialog and the CLI as ``error:``.
    """
    why = _WHY.get(_primary_code(exc) or -1)
    if why is None:
        why = f"a disk error ({exc})" if _primary_code(exc) == _IOERR else str(exc)
    return StoreError(f"cannot {action}: {why} ({path})")


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def _unused(candidate: Path) -> Path:
    """``candidate``, or with ``-2``, ``-3`` … before its suffix if a file has that name."""
    number = 1
    path = candidate
    while path.exists() or Path(f"{path}-wal").exists():
        number += 1
        path = candidate.with_name(f"{candidate.stem}-{number}{candidate.suffix}")
    return path


@dataclass
class Database:
    """An open library database: the connection, and what opening it found.

    ``read_only`` is why writes cannot happen (None when they can); ``notices`` are for the
    user; ``backups`` are the copies made before migrations.  One per thread: sqlite3
    connections stay on the thread that made them.
    """

    connection: sqlite3.Connection
    path: Path
    read_only: str | None = None
    notices: list[StoreNotice] = field(default_factory=list)
    backups: list[Path] = field(default_factory=list)
    _depth: int = 0

    @contextmanager
    def transaction(self, action: str) -> Iterator[sqlite3.Connection]:
        """One user action, committed when the block ends (rolled back on any error).

        ``action`` completes "cannot …" in the error (``save annotations``).  BEGIN IMMEDIATE
        takes the write lock first, so a locked database fails here, after the busy
        timeout, before any work.  A transaction inside another joins it.
        """
        if self.read_only is not None:
            raise StoreError(f"cannot {action}: the library database is {self.read_only} "
                             f"({self.path})")
        if self._depth:
            self._depth += 1
            try:
                yield self.connection
            finally:
                self._depth -= 1
            return
        connection = self.connection
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise store_error(action, exc, self.path) from exc
        self._depth = 1
        try:
            yield connection
            connection.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise store_error(action, exc, self.path) from exc
        except BaseException:
            self._rollback()
            raise
        finally:
            self._depth = 0

    @contextmanager
    def reading(self, action: str = "read the library") -> Iterator[sqlite3.Connection]:
        """Reads, with SQLite failures told as a ``StoreError`` like writes are."""
        try:
            yield self.connection
        except sqlite3.Error as exc:
            raise store_error(action, exc, self.path) from exc

    def close(self) -> None:
        """Close the connection (the last one out checkpoints the WAL into the file)."""
        self.connection.close()

    def _rollback(self) -> None:
        with suppress(sqlite3.Error):
            self.connection.execute("ROLLBACK")


def open_database(
    path: Path,
    migrations: Sequence[Migration],
    *,
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
    read_only: bool = False,
) -> Database:
    """Open (or create) the database at ``path`` and bring its schema up to date.

    Damaged: moved aside with a time stamp, a new one started, a notice says where the old
    one went.  Older schema: copied to a time-stamped backup, then migrated one step per
    transaction.  Not writable: opened for reading, ``read_only`` says why.  Raises
    ``StoreError`` when it cannot be read at all.
    """
    path = Path(path).absolute()
    if not read_only and not path.exists():
        with suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
    if read_only and not path.exists():
        raise StoreError(f"cannot read the library: there is no library database ({path})")
    connection, why_read_only = _connect(path, busy_timeout, read_only=read_only)
    notices: list[StoreNotice] = []
    damage = _damage(connection, path)
    if damage is not None:
        connection.close()
        if why_read_only is not None:
            raise StoreError(f"cannot open the library: the library database is damaged "
                             f"({damage}) and {why_read_only}, so it cannot be moved aside "
                             f"({path})")
        moved = _move_aside(path)
        notices.append(StoreNotice(
            f"the library database was damaged ({damage}); it was moved to {moved} and a "
            "new, empty library was started",
            moved,
        ))
        connection, why_read_only = _connect(path, busy_timeout, read_only=False)
    database = Database(connection, path, why_read_only, notices)
    try:
        _configure(database)
        _migrate(database, migrations)
    except BaseException:
        connection.close()
        raise
    return database


def _connect(
    path: Path, busy_timeout: float, *, read_only: bool
) -> tuple[sqlite3.Connection, str | None]:
    """A connection that can at least read, and why it cannot write (None if it can).

    Why three tries: SQLite opens an unwritable file read-only by itself, but a WAL database
    in a folder it cannot write cannot even be read (no ``-shm`` file can be made), unless it
    is opened as immutable.
    """
    modes = ["ro", "ro&immutable=1"] if read_only else ["rwc", "ro", "ro&immutable=1"]
    failure: sqlite3.Error | None = None
    for mode in modes:
        connection = sqlite3.connect(
            f"{path.as_uri()}?mode={mode}",
            uri=True,
            isolation_level=None,  # transactions are ours: BEGIN IMMEDIATE … COMMIT
            timeout=busy_timeout,
        )
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            if _primary_code(exc) in (_CANTOPEN, _READONLY):
                connection.close()
                failure = exc
                continue
            if _primary_code(exc) not in (_CORRUPT, _NOTADB):
                connection.close()
                raise store_error("open the library", exc, path) from exc
        if mode != "rwc":
            return connection, "opened read-only" if read_only else "read-only"
        writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
        return connection, None if writable else "read-only"
    assert failure is not None
    raise store_error("open the library", failure, path) from failure


def _damage(connection: sqlite3.Connection, path: Path) -> str | None:
    """What is wrong with the file, or None when SQLite's quick check passes.

    Why quick_check rather than integrity_check: it finds the same damage to pages and
    records in a fraction of the time (it skips cross-checking indexes against tables), and
    it runs on every start.
    """
    try:
        rows = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        if _primary_code(exc) in (_CORRUPT, _NOTADB):
            return str(exc)
        raise store_error("open the library", exc, path) from exc
    problems = [row[0] for row in rows if row[0] != "ok"]
    return "; ".join(problems[:3]) if problems else None


def _move_aside(path: Path) -> Path:
    """Rename the damaged file (and its WAL and shared-memory files) to
    ``NAME.corrupt-TIMESTAMP.sqlite3``, never deleting a byte of it."""
    target = _unused(path.with_name(f"{path.stem}.corrupt-{_stamp()}{path.suffix}"))
    try:
        os.replace(path, target)
        for side in _SIDE_FILES:
            companion = Path(f"{path}{side}")
            if companion.exists():
                os.replace(companion, Path(f"{target}{side}"))
    except OSError as exc:
        raise StoreError(f"cannot open the library: the library database is damaged and "
                         f"cannot be moved aside: {exc.strerror} ({path})") from exc
    return target


def _configure(database: Database) -> None:
    """WAL (readers never wait for a writer; a crash loses no committed transaction),
    full sync (a commit that returned survives power loss too), foreign keys on."""
    connection = database.connection
    with database.reading("open the library"):
        connection.execute("PRAGMA foreign_keys = ON")
        if database.read_only is None:
            connection.execute("PRAGMA journal_mode = WAL").fetchone()
            connection.execute("PRAGMA synchronous = FULL")


def _migrate(database: Database, migrations: Sequence[Migration]) -> None:
    """Run the migrations the file has not had yet, each in its own transaction that also
    sets ``user_version``, after backing up a file that already holds a schema."""
    connection, path = database.connection, database.path
    with database.reading("open the library"):
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        has_schema = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    target = len(migrations)
    if version > target:
        raise StoreError(f"cannot open the library: it was written by a newer version of the "
                         f"app (schema {version}; this version knows {target}) ({path})")
    if version == target:
        return
    if database.read_only is not None:
        raise StoreError(f"cannot open the library: it needs an upgrade but the library "
                         f"database is {database.read_only} ({path})")
    if has_schema:
        database.backups.append(_backup(database, version))
    for number in range(version, target):
        with database.transaction("upgrade the library") as connection:
            migrations[number](connection)
            connection.execute(f"PRAGMA user_version = {number + 1}")


def _backup(database: Database, version: int) -> Path:
    """A consistent copy of the whole database (WAL included) before it is migrated.

    Why SQLite's backup API and not a file copy: with WAL, the newest commits may still be in
    the ``-wal`` file; the backup API copies the database as SQLite sees it.
    """
    path = database.path
    target = _unused(path.with_name(f"{path.stem}.backup-v{version}-{_stamp()}{path.suffix}"))
    try:
        copy = sqlite3.connect(target)
        try:
            database.connection.backup(copy)
        finally:
            copy.close()
    except sqlite3.Error as exc:
        with suppress(OSError):
            target.unlink()
        raise store_error("back up the library before upgrading it", exc, path) from exc
    return target
