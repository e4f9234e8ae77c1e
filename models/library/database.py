"""Opening a library file: pragmas, schema version, migrations, model binding.

A library that may only be read (``read_only=True``: an export) and sits where it cannot be
written (a read-only folder or disk, where SQLite cannot create the WAL's ``-shm`` file) is
copied into memory with SQLite's backup API from a read-only connection (``mode=ro``, or
``immutable=1`` when even that needs a file it cannot make) and read there.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import urllib.parse
from pathlib import Path

from peewee import DatabaseError, SqliteDatabase

from models.errors import DubaoError, LibraryWriteError, ReadOnlyLibraryError
from models.library import binding, migrations
from models.library.location import default_library_path
from models.library.server import is_server_url, looks_like_url, open_server_database
from models.library.upgrade_backup import back_up_before_upgrade
from models.library.writing import (
    BUSY_TIMEOUT,
    LibraryDatabase,
    disk_is_full,
    is_storage_failure,
    kind_of,
    write_error,
)

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    # FULL, not NORMAL: a highlight reported as saved must survive a crash or power loss.
    "synchronous": "full",
}
# The busy timeout is set by sqlite3.connect(timeout=BUSY_TIMEOUT) on every connection.

__all__ = ["BUSY_TIMEOUT", "LibraryError", "open_database", "read_only_connection", "schema_version"]


class LibraryError(DubaoError):
    """A library file that cannot be opened or upgraded."""


def open_database(path: str | os.PathLike[str] | None = None, read_only: bool = False) -> SqliteDatabase:
    """Open the library at ``path`` (see :func:`_open`) and make it the one the models use in this
    thread outside any library method (:func:`models.library.binding.make_current`)."""
    db = _open(path, read_only)
    binding.make_current(db)
    return db


def _open(path: str | os.PathLike[str] | None = None, read_only: bool = False) -> SqliteDatabase:
    """Open (creating if needed) and upgrade the library at ``path``: a database object of its own.

    ``path`` may be a server's URL (``postgresql://user@host/dbname``, see
    :mod:`models.library.server`); a URL is never taken for a file name.
    ``None`` means the default library in the application-data folder; ``":memory:"``
    opens a private in-memory library (tests, one thread). Every call returns a new database
    object (each thread gets its own connection from it); nothing is bound globally: the
    :class:`~models.library.service.Library` that owns it puts it in use in its methods
    (:mod:`models.library.binding`). ``read_only``: the caller only reads; a library that
    cannot be written is then read from a snapshot (see the module docstring). Raises
    LibraryError (or a LibraryWriteError saying the disk is full, the file locked) with a
    one-line reason.
    """
    if is_server_url(path):
        return open_server_database(str(path))
    if looks_like_url(path):
        scheme = str(path).split(":", 1)[0]
        raise LibraryError(
            f"{scheme}:…: not a library file, and the only server Dubao opens is "
            "postgresql://user[:password]@host[:port]/dbname"
        )
    target = default_library_path() if path is None else path
    name = str(target)
    if name != ":memory:":
        file = Path(target)
        if file.is_dir():
            raise LibraryError(f"{file}: is a folder, not a library file")
        if read_only and not file.is_file():
            raise LibraryError(f"{file}: no such library file")
        if read_only and not _writable(file):
            return _snapshot(file)
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(f"{file.parent}: cannot create the folder ({exc.strerror or exc})") from None
        name = str(file.resolve())
    try:
        return _connect(name)
    except LibraryWriteError:  # read-only, or a full disk: reading needs no writing
        if not read_only:
            raise
        return _snapshot(Path(name))


def _writable(file: Path) -> bool:
    """Whether SQLite can write the file and make its -wal and -shm files beside it."""
    return os.access(file, os.W_OK) and os.access(file.parent, os.W_OK | os.X_OK)


def _connect(name: str) -> SqliteDatabase:
    # IMMEDIATE: a write transaction takes the write lock at BEGIN, so two writers wait
    # for each other (busy timeout) instead of failing on a lock upgrade.
    db = LibraryDatabase(name, pragmas=PRAGMAS, timeout=BUSY_TIMEOUT, lock_type="IMMEDIATE")
    db.label = Path(name).name if name != ":memory:" else name
    new = name != ":memory:" and not Path(name).exists()
    try:
        db.connect()
        _upgrade(db, name)
    except (sqlite3.DatabaseError, DatabaseError) as exc:
        db.close()
        _remove_unborn(name, new)
        raise _open_error(exc, name) from None
    except DubaoError:
        db.close()
        _remove_unborn(name, new)
        raise
    return db


def _remove_unborn(name: str, new: bool) -> None:
    """A library file this open created but could not set up (a full disk) is not left behind."""
    if not new:
        return
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            os.unlink(name + suffix)


def _open_error(exc: BaseException, name: str) -> DubaoError:
    """Why a library could not be opened, as the user would put it."""
    text = str(exc).lower()
    if is_storage_failure(exc) and (kind_of(exc) != "io" or disk_is_full(name)):
        failure = write_error(exc, name)
        detail = failure.args[0].split(": ", 1)[1].replace("; nothing was saved", "")
        return type(failure)(f"{name}: cannot open the library: {detail}", failure.reason)
    if "unable to open" in text and not _writable(Path(name)):
        return ReadOnlyLibraryError(
            f"{name}: the library's file, folder or disk is read-only: it can be exported or backed up, "
            "not changed",
            "read-only",
        )
    if "unable to open" in text:
        return ReadOnlyLibraryError(
            f"{name}: cannot open the library (SQLite cannot create its -wal/-shm files there: "
            "a read-only or full folder?)",
            "read-only",
        )
    return LibraryError(f"{name}: not a usable library file ({_first_line(exc)})")


class _SnapshotDatabase(LibraryDatabase):
    """An in-memory copy of a library file, made on connect from a read-only connection to it."""

    def __init__(self, source: Path) -> None:
        super().__init__(":memory:", pragmas={"foreign_keys": 1})
        self.source = source
        self.label = source.name

    def _connect(self) -> sqlite3.Connection:
        conn = super()._connect()
        src = read_only_connection(self.source)
        try:
            src.backup(conn)
        finally:
            src.close()
        return conn


def read_only_connection(file: Path) -> sqlite3.Connection:
    uri = "file:" + urllib.parse.quote(str(file.resolve()))
    last: Exception | None = None
    # mode=ro needs the -shm file (or the right to make it); immutable=1 reads the file as it is.
    for query in ("?mode=ro", "?mode=ro&immutable=1"):
        if "immutable" in query and _has_unmerged_changes(file):
            # immutable=1 would ignore them: better no export than a silently stale one.
            raise LibraryError(
                f"{file}: its latest changes are still in {file.name}-wal, which SQLite cannot read "
                "without writing beside it; open the library once where its folder can be written"
            )
        conn = sqlite3.connect(uri + query, uri=True, timeout=BUSY_TIMEOUT)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.DatabaseError as exc:
            conn.close()
            last = exc
    raise LibraryError(f"{file}: cannot be read even read-only ({_first_line(last or Exception())})")


def _has_unmerged_changes(file: Path) -> bool:
    wal = Path(f"{file}-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def _snapshot(file: Path) -> SqliteDatabase:
    db = _SnapshotDatabase(file)
    try:
        db.connect()
        _upgrade(db, ":memory:")
    except (sqlite3.DatabaseError, DatabaseError) as exc:
        db.close()
        raise LibraryError(f"{file}: not a usable library file ({_first_line(exc)})") from None
    except DubaoError:
        db.close()
        raise
    return db


def _first_line(exc: BaseException) -> str:
    return (str(exc) or type(exc).__name__).splitlines()[0]


def _upgrade(db: SqliteDatabase, name: str) -> None:
    conn = db.connection()
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > migrations.SCHEMA_VERSION:
        raise LibraryError(
            f"{name}: made by a newer Dubao (schema {version}; this version reads up to "
            f"{migrations.SCHEMA_VERSION})"
        )
    if version == 0:
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables:
            raise LibraryError(f"{name}: an SQLite file that is not a Dubao library")
    elif version < migrations.SCHEMA_VERSION and name != ":memory:":
        back_up_before_upgrade(conn, name, version)
    migrations.upgrade(conn)


def schema_version(db: SqliteDatabase) -> int:
    if getattr(db, "engine", "") == "postgresql":
        from models.library import server_migrations

        return server_migrations.schema_version(db)
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])
