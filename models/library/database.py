"""Opening a library file: pragmas, schema version, migrations, model binding."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

from peewee import DatabaseError, SqliteDatabase

from models.errors import DubaoError
from models.library import migrations
from models.library.location import default_library_path
from models.library.schema import MODELS

#: Seconds a connection waits for another writer (the UI and a background import) before failing.
BUSY_TIMEOUT = 10.0

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    # FULL, not NORMAL: a highlight reported as saved must survive a crash or power loss.
    "synchronous": "full",
}
# The busy timeout is set by sqlite3.connect(timeout=BUSY_TIMEOUT) on every connection.


class LibraryError(DubaoError):
    """A library file that cannot be opened or upgraded."""


#: One database object per library file, shared by every thread (each gets its own connection).
_OPEN: dict[str, SqliteDatabase] = {}
_OPEN_LOCK = threading.Lock()


def open_database(path: str | os.PathLike[str] | None = None) -> SqliteDatabase:
    """Open (creating if needed) and upgrade the library at ``path``; bind the models to it.

    ``None`` means the default library in the application-data folder; ``":memory:"``
    opens a private in-memory library (tests, one thread). Opening a file that is already
    open (the window's library, again in an import thread) returns the same database
    object, so the models stay bound to one database and each thread gets its own
    connection from it. Raises LibraryError with a one-line reason.
    """
    target = default_library_path() if path is None else path
    name = str(target)
    if name != ":memory:":
        file = Path(target)
        if file.is_dir():
            raise LibraryError(f"{file}: is a folder, not a library file")
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(f"{file.parent}: cannot create the folder ({exc.strerror or exc})") from None
        name = str(file.resolve())
    with _OPEN_LOCK:
        db = _OPEN.get(name)
        if db is None:
            db = _connect(name)
            if name != ":memory:":
                _OPEN[name] = db
        db.bind(MODELS, bind_refs=False, bind_backrefs=False)
    return db


def _connect(name: str) -> SqliteDatabase:
    # IMMEDIATE: a write transaction takes the write lock at BEGIN, so two writers wait
    # for each other (busy timeout) instead of failing on a lock upgrade.
    db = SqliteDatabase(name, pragmas=PRAGMAS, timeout=BUSY_TIMEOUT, lock_type="IMMEDIATE")
    try:
        db.connect()
        _upgrade(db, name)
    except (sqlite3.DatabaseError, DatabaseError) as exc:
        db.close()
        raise LibraryError(f"{name}: not a usable library file ({_first_line(exc)})") from None
    except LibraryError:
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
        _back_up(conn, name, version)
    migrations.upgrade(conn)


def _back_up(conn: sqlite3.Connection, name: str, version: int) -> None:
    """Keep a consistent copy of a library before upgrading it (``library.sqlite3.v1.bak``)."""
    backup = Path(f"{name}.v{version}.bak")
    if backup.exists():
        return
    conn.execute("VACUUM INTO ?", (str(backup),))


def schema_version(db: SqliteDatabase) -> int:
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])
