"""Backing up a team library: a server's library copied, at one moment, to a library file.

A library file is the portable form of a backup: Dubao opens it as it is (``--db FILE``),
``library copy FILE URL`` puts it on a server again, and nothing but Dubao is needed to read it.
The copy (:func:`models.library.copying.copy_library`) reads every table in one read-only
REPEATABLE READ transaction, so colleagues may go on writing meanwhile and the backup is still
the library as it was at one instant. It is written to a temporary file beside the
destination, checked (``PRAGMA integrity_check``, the schema version, every table's row count
against what the snapshot held), flushed to disk and only then renamed into place: a backup
reported done is whole. A destination that exists is refused (unless ``overwrite``), and so is
one inside no folder; a failed or refused backup leaves no file.

Server administrators back up the whole database with PostgreSQL's own ``pg_dump`` instead (see
the README): that keeps the server's roles, grants and search index as the server has them.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import urllib.parse
from datetime import datetime
from pathlib import Path

from models.export_file import sync_folder, temporary_beside
from models.library.backup import BackupFailed, BackupProgress, BackupReport
from models.library.upgrade_backup import check_copy, fsync_file


def server_backup_target(url: str, dest: str | os.PathLike[str]) -> Path:
    """``dest``, or a dated file named after the server's database inside folder ``dest``."""
    target = Path(dest)
    if target.is_dir():
        name = urllib.parse.urlsplit(url).path.strip("/") or "library"
        stamp = datetime.now().strftime("%Y-%m-%d-%H%M%S")
        target = target / f"{name}-backup-{stamp}.sqlite3"
    return target


def back_up_server(
    url: str,
    dest: str | os.PathLike[str],
    progress: BackupProgress | None = None,
    overwrite: bool = False,
) -> BackupReport:
    """Copy the server library at ``url`` to a library file ``dest``; see the module docstring."""
    from models.library.copying import copy_library
    from models.library.migrations import SCHEMA_VERSION

    target = server_backup_target(url, dest)
    if target.exists() and not overwrite:
        raise BackupFailed(f"{target}: already exists (choose another name, or allow overwriting it)")
    if target.exists() and not target.is_file():
        raise BackupFailed(f"{target}: is not a file")
    if not target.parent.is_dir():
        raise BackupFailed(f"{target.parent}: no such folder")
    tmp = temporary_beside(target)
    copied: dict[str, int] = {}

    def step(table: str, rows: int) -> None:
        copied[table] = rows
        if progress is not None and progress(sum(copied.values()), 0) is False:
            raise _Cancelled

    try:
        with contextlib.suppress(OSError):
            tmp.unlink()  # copy_library makes the file itself
        try:
            report = copy_library(url, tmp, progress=step)
        except _Cancelled:
            raise BackupFailed("backup cancelled; no file was written") from None
        pages = _one_file(tmp)
        problem = check_copy(tmp, SCHEMA_VERSION) or _check_rows(tmp, report.rows)
        if problem is not None:
            raise BackupFailed(f"{target}: the copy failed its check ({problem}); no backup was written")
        fsync_file(tmp)
        os.replace(tmp, target)
        sync_folder(target.parent)
    except (sqlite3.Error, OSError) as exc:
        reason = getattr(exc, "strerror", None) or (str(exc) or type(exc).__name__).splitlines()[0]
        raise BackupFailed(f"{target}: cannot write the backup ({reason}); no backup was written") from None
    finally:
        for leftover in (tmp, *(Path(f"{tmp}{end}") for end in ("-wal", "-shm"))):
            with contextlib.suppress(OSError):
                leftover.unlink()
    return BackupReport(target, target.stat().st_size, pages, report.rows.get("highlight", 0))


class _Cancelled(Exception):
    pass


def _one_file(path: Path) -> int:
    """The copy as one self-contained file (no ``-wal`` beside it), as a file backup is; its pages."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        return int(conn.execute("PRAGMA page_count").fetchone()[0])
    finally:
        conn.close()


def _check_rows(path: Path, expected: dict[str, int]) -> str | None:
    """None when every table of the copy holds as many rows as the snapshot had."""
    conn = sqlite3.connect(f"file:{urllib.parse.quote(str(path.resolve()))}?mode=ro", uri=True)
    try:
        for table, count in expected.items():
            found = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            if found != count:
                return f"{table}: {found} rows, expected {count}"
    finally:
        conn.close()
    return None
