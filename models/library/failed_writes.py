"""What a failed library write means, for a window to tell its user (no Qt here, no SQL there).

The window may not look at SQLite's exceptions itself (ui/ never touches the database layer),
so this module reads them: a storage failure (another program held the write lock past the
busy timeout, a full disk, a read-only file or folder, any other I/O error) versus a bug (a
constraint the core should have checked first, anything else). The core's own write errors
already carry a ``reason``; raw sqlite3/peewee errors are read from SQLite's message.
"""

from __future__ import annotations

import errno
import sqlite3
from dataclasses import dataclass

from peewee import DatabaseError, IntegrityError

from models.errors import DubaoError

STORAGE_REASONS = ("busy", "full", "read-only", "io")


@dataclass(frozen=True)
class WriteFailure:
    """Why a write stored nothing: ``reason`` is "refused" (the input) or a storage reason."""

    reason: str
    detail: str
    #: the detail already says what happened in words for the user (the core's own errors)
    worded: bool = False

    @property
    def retry_may_help(self) -> bool:
        """Trying again later can succeed: the lock may be released, the disk emptied."""
        return self.reason in ("busy", "full", "io")


def _first_line(exc: BaseException) -> str:
    return (str(exc) or type(exc).__name__).splitlines()[0]


def storage_reason(message: str) -> str:
    """``busy``, ``full``, ``read-only`` or ``io``, from SQLite's (or the OS's) message."""
    text = message.lower()
    if "locked" in text or "busy" in text:
        return "busy"
    if "full" in text or "no space" in text:
        return "full"
    if "readonly" in text or "read-only" in text or "permission" in text:
        return "read-only"
    return "io"


def write_failure(exc: BaseException) -> WriteFailure | None:
    """What a write's exception means for the user; None for an exception that is a bug."""
    reason = getattr(exc, "reason", None)
    if isinstance(exc, DubaoError):
        if isinstance(reason, str) and reason in STORAGE_REASONS:
            return WriteFailure(reason, _first_line(exc), worded=True)
        return WriteFailure("refused", _first_line(exc), worded=True)
    if isinstance(exc, (IntegrityError, sqlite3.IntegrityError)):
        return None
    if isinstance(exc, OSError):
        detail = exc.strerror or _first_line(exc)
        return WriteFailure("full" if exc.errno == errno.ENOSPC else storage_reason(detail), detail)
    if isinstance(exc, (sqlite3.Error, DatabaseError)):
        detail = _first_line(exc)
        return WriteFailure(storage_reason(detail), detail)
    return None
