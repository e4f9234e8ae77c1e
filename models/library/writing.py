"""Library writes that fail as one clear LibraryWriteError, never as a raw sqlite3/peewee error.

A write can fail for reasons that have nothing to do with the data: another program holds the
write lock past the busy timeout, the disk is full, the file or its folder is read-only. SQLite
then rolls the transaction back itself (on a full disk, before peewee's own ROLLBACK runs, which
used to fail with "cannot rollback - no transaction is active" and hide the real reason).
:class:`LibraryDatabase` makes every ``atomic()`` block translate such failures, and its rollback
a no-op when SQLite already rolled back, so nothing is half-written and the connection stays usable.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import ContextDecorator
from pathlib import Path
from typing import Any

from peewee import DatabaseError, IntegrityError, SqliteDatabase

from models.errors import (
    DiskFullError,
    LibraryBusyError,
    LibraryWriteError,
    ReadOnlyLibraryError,
)
from models.library import binding

#: Seconds a connection waits for another writer (the UI and a background import) before failing.
BUSY_TIMEOUT = 10.0


def is_storage_failure(exc: BaseException) -> bool:
    """An SQLite failure of the storage (lock, disk, permissions), not of the data (a constraint)."""
    if isinstance(exc, (IntegrityError, sqlite3.IntegrityError)):
        return False
    return isinstance(exc, (sqlite3.DatabaseError, DatabaseError))


def kind_of(exc: BaseException) -> str:
    """``busy``, ``full``, ``read-only`` or ``io``: what went wrong, from SQLite's message."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "busy"
    if "full" in text:
        return "full"
    if "readonly" in text or "read-only" in text or "permission" in text:
        return "read-only"
    return "io"


#: Less free space than this beside the library: an "I/O error" is a full disk (SQLite cannot grow -shm).
_NEARLY_FULL = 256 * 1024


def disk_is_full(path: str | os.PathLike[str]) -> bool:
    """True when the file system holding ``path`` has (next to) no space left for unprivileged writes."""
    try:
        info = os.statvfs(Path(path).parent)
    except (OSError, AttributeError):  # AttributeError: no statvfs on Windows
        return False
    return info.f_bavail * info.f_frsize < _NEARLY_FULL


def write_error(exc: BaseException, name: str, timeout: float = BUSY_TIMEOUT) -> LibraryWriteError:
    """The LibraryWriteError (a DubaoError) that tells the user what happened to a write."""
    kind = kind_of(exc)
    if kind == "io" and name != ":memory:" and disk_is_full(name):
        kind = "full"
    if kind == "busy":
        return LibraryBusyError(
            f"{name}: another program kept the library busy for more than {timeout:g} s; "
            "nothing was saved (try again)",
            kind,
        )
    if kind == "full":
        return DiskFullError(
            f"{name}: the disk is full; nothing was saved (free some space and try again)", kind
        )
    if kind == "read-only":
        return ReadOnlyLibraryError(
            f"{name}: the library cannot be written (read-only file, folder or disk); nothing was saved", kind
        )
    detail = (str(exc) or type(exc).__name__).splitlines()[0]
    return LibraryWriteError(f"{name}: the library could not be written ({detail}); nothing was saved", kind)


class _Guarded(ContextDecorator):
    """peewee's atomic() block, with storage failures raised as LibraryWriteError.

    The block also puts its library in use (:mod:`models.library.binding`): the models
    inside it read and write this database.
    """

    def __init__(self, db: Any, inner: Any) -> None:
        self._db = db
        self._inner = inner
        self._tokens: list[Any] = []

    def __enter__(self) -> Any:
        self._tokens.append(binding.enter(self._db))
        try:
            return self._inner.__enter__()
        except Exception as exc:  # BEGIN IMMEDIATE waits out the busy timeout, then fails here
            binding.leave(self._tokens.pop())
            if is_storage_failure(exc):
                raise self._db.write_error(exc) from None
            raise
        except BaseException:
            binding.leave(self._tokens.pop())
            raise

    def __exit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> bool:
        try:
            return self._exit(exc_type, exc, tb)
        finally:
            binding.leave(self._tokens.pop())

    def _exit(self, exc_type: Any, exc: BaseException | None, tb: Any) -> bool:
        try:
            suppressed = bool(self._inner.__exit__(exc_type, exc, tb))
        except Exception as trouble:  # COMMIT failed, or a rollback after the body's failure did
            cause = exc if exc is not None else trouble
            if is_storage_failure(cause):
                raise self._db.write_error(cause) from None
            if exc is not None:
                raise exc from None
            raise
        if exc is not None and is_storage_failure(exc):
            raise self._db.write_error(exc) from None
        return suppressed


class LibraryDatabase(SqliteDatabase):
    """The library's peewee database: guarded transactions (see the module docstring)."""

    #: What the user calls this library in messages (its file name).
    label = "library"

    def atomic(self, *args: Any, **kwargs: Any) -> Any:
        return _Guarded(self, super().atomic(*args, **kwargs))

    def rollback(self) -> None:
        # After SQLITE_FULL or an I/O error SQLite has already rolled the transaction back:
        # a ROLLBACK now would fail and hide why the write failed.
        if not self.is_closed() and not self.connection().in_transaction:
            return
        super().rollback()

    def write_error(self, exc: BaseException) -> LibraryWriteError:
        error = write_error(exc, str(self.database), self.timeout)
        # Messages name the library by its file name; the full path is in the window's title.
        message = str(error).replace(str(self.database), self.label, 1)
        return type(error)(message, error.reason)
