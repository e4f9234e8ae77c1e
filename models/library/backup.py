"""Backing up a library while it is in use: SQLite's online backup API, verified before done.

The copy is made page by page from a connection of its own (the window may go on writing; SQLite
restarts a step when another connection changed the library meanwhile), into a temporary file
beside the destination. It is then checked (``PRAGMA integrity_check``, the schema version, the
number of highlights), flushed to disk and renamed into place: a backup reported done is whole.
The library itself (or its ``-wal``/``-shm`` files) is never a destination.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from models.errors import DubaoError
from models.export_file import check_target, sync_folder, temporary_beside
from models.library.upgrade_backup import check_copy, fsync_file

#: ``progress(copied_pages, total_pages)`` after each step of the copy; return False to cancel.
BackupProgress = Callable[[int, int], "bool | None"]
#: Pages copied per step (4 MB with 4 KB pages): other connections get the lock between steps.
STEP_PAGES = 1024


class BackupFailed(DubaoError):
    """A backup that was refused, cancelled or could not be made; no file was left behind."""


class _Cancelled(Exception):
    pass


@dataclass(frozen=True)
class BackupReport:
    path: Path
    bytes: int
    pages: int
    highlights: int

    def summary(self) -> str:
        size = self.bytes / 1048576
        return f"backed up the library ({size:.1f} MB, {self.highlights} highlights) to {self.path}; verified"


def backup_target(library: Path, dest: str | os.PathLike[str]) -> Path:
    """The file a backup goes to: ``dest``, or a dated file named after the library inside folder ``dest``."""
    target = Path(dest)
    if target.is_dir():
        stamp = datetime.now().strftime("%Y-%m-%d-%H%M%S")
        target = target / f"{library.stem}-backup-{stamp}{library.suffix or '.sqlite3'}"
    return target


def back_up(
    library: Path,
    dest: str | os.PathLike[str],
    progress: BackupProgress | None = None,
    overwrite: bool = False,
) -> BackupReport:
    """Copy ``library`` to ``dest`` consistently while it may be in use; see the module docstring."""
    target = backup_target(library, dest)
    if target.exists() and not overwrite:
        _refuse_library(library, target)
        raise BackupFailed(f"{target}: already exists (choose another name, or allow overwriting it)")
    _refuse_library(library, target)
    if target.exists() and not target.is_file():
        raise BackupFailed(f"{target}: is not a file")
    if not target.parent.is_dir():
        raise BackupFailed(f"{target.parent}: no such folder")
    tmp = temporary_beside(target)
    try:
        pages, version = _copy(library, tmp, progress)
        problem = check_copy(tmp, version)
        highlights = _count_highlights(tmp) if problem is None else 0
        if problem is not None:
            raise BackupFailed(f"{target}: the copy failed its check ({problem}); no backup was written")
        fsync_file(tmp)
        os.replace(tmp, target)
        sync_folder(target.parent)
    except _Cancelled:
        raise BackupFailed("backup cancelled; no file was written") from None
    except (sqlite3.Error, OSError) as exc:
        reason = getattr(exc, "strerror", None) or (str(exc) or type(exc).__name__).splitlines()[0]
        raise BackupFailed(f"{target}: cannot write the backup ({reason}); no backup was written") from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return BackupReport(target, target.stat().st_size, pages, highlights)


def _refuse_library(library: Path, target: Path) -> None:
    from models.export_file import ExportError

    try:
        check_target(target, [library], what="backup")
    except ExportError as exc:
        if "open library" in str(exc) or "folder" in str(exc):
            raise BackupFailed(str(exc)) from None
        # An existing SQLite file (an older backup) may be replaced when overwriting is allowed.


def _copy(library: Path, tmp: Path, progress: BackupProgress | None) -> tuple[int, int]:
    from models.library.database import read_only_connection

    source = read_only_connection(library)
    try:
        version = source.execute("PRAGMA user_version").fetchone()[0]
        dest = sqlite3.connect(tmp)
        try:

            def step(status: int, remaining: int, total: int) -> None:
                if progress is not None and progress(total - remaining, total) is False:
                    raise _Cancelled

            source.backup(dest, pages=STEP_PAGES, progress=step)
            dest.execute("PRAGMA journal_mode = DELETE")
            pages = dest.execute("PRAGMA page_count").fetchone()[0]
        finally:
            dest.close()
    finally:
        source.close()
    return pages, version


def _highlights(conn: sqlite3.Connection) -> int:
    has = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'highlight'").fetchone()
    return conn.execute("SELECT count(*) FROM highlight").fetchone()[0] if has else 0


def _count_highlights(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return _highlights(conn)
    finally:
        conn.close()
