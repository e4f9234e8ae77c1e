"""The copy of a library kept before a schema upgrade (``library.sqlite3.v1.bak``).

It is written under a temporary name (``….v1.bak.tmp``) with ``VACUUM INTO``, checked
(``PRAGMA integrity_check`` and the schema version), flushed to disk and only then renamed: a
kill or a full disk at any moment leaves either no backup or a whole, verified one, and the
upgrade never starts without it. The backup is made afresh on every upgrade attempt, so a stale
or partial file left by an older Dubao (or an earlier failed attempt) is replaced.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import urllib.parse
from pathlib import Path

from models.errors import DubaoError
from models.export_file import sync_folder


class BackupError(DubaoError):
    """A copy of the library that could not be made or did not pass its check."""


def check_copy(path: Path, version: int | None = None) -> str | None:
    """None when ``path`` is a sound SQLite copy (of schema ``version``), else what is wrong."""
    try:
        uri = "file:" + urllib.parse.quote(str(path.resolve())) + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            return "; ".join(str(r) for r in result[:3])
        found = conn.execute("PRAGMA user_version").fetchone()[0]
        if version is not None and found != version:
            return f"schema {found}, expected {version}"
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        conn.close()
    return None


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def back_up_before_upgrade(conn: sqlite3.Connection, name: str, version: int) -> Path:
    """Write and verify ``<name>.v<version>.bak``; BackupError (the upgrade does not run) if it fails."""
    backup = Path(f"{name}.v{version}.bak")
    tmp = backup.with_name(backup.name + ".tmp")
    try:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()  # a copy a killed run left half-written
        conn.execute("VACUUM INTO ?", (str(tmp),))
        problem = check_copy(tmp, version)
        if problem is not None:
            raise BackupError(
                f"{name}: the copy made before upgrading failed its check ({problem}); the library was not upgraded"
            )
        fsync_file(tmp)
        os.replace(tmp, backup)
        sync_folder(backup.parent)
    except (sqlite3.Error, OSError) as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        reason = getattr(exc, "strerror", None) or str(exc).splitlines()[0]
        raise BackupError(
            f"{name}: cannot write the backup {backup.name} needed before upgrading ({reason}); "
            "the library was not upgraded"
        ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return backup
