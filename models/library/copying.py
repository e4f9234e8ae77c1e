"""Copy a whole library between a file and a server (either way, or file to file, server to server).

Every table of the models is copied row by row with its ids, so authors, times, edit batches,
reverted corrections, highlights with their tags and notes, scans and the vocabulary arrive
as they were; the target's search index is then built from the copied pages. The target must
hold no library yet (a new file, an empty server database, or a library made but never used):
the copy never merges. It runs in one transaction of the target: a failure leaves it as empty
as it was.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from models.errors import DubaoError
from models.library import binding
from models.library.schema import (
    MODELS,
    Category,
    EditBatch,
    Issue,
    LibraryWord,
    PageImage,
    Tag,
    VocabularyEntry,
)
from models.library.server import is_server_url, masked

#: Rows written per statement (PageImage: a few, they carry images).
BATCH = 400
#: Tables whose rows mean the library has been used (an opened-but-empty library has none).
_USED = (Issue, Category, Tag, EditBatch, LibraryWord, VocabularyEntry)

CopyProgress = Callable[[str, int], None]


@dataclass
class CopyReport:
    source: str
    target: str
    rows: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        counted = ", ".join(f"{n} {name}" for name, n in self.rows.items() if n)
        return f"copied {self.source} to {self.target}: {counted or 'an empty library'}"


def describe(target: str | os.PathLike[str]) -> str:
    return masked(str(target)) if is_server_url(str(target)) else str(target)


def _refuse_used_target(target: str | os.PathLike[str]) -> None:
    name = str(target)
    if is_server_url(name) or name == ":memory:":
        return
    path = Path(name)
    if path.is_dir():
        raise DubaoError(f"{path}: is a folder; name the library file to create")
    if path.exists() and path.stat().st_size > 0:
        raise DubaoError(f"{path}: already exists; copy into a new file (the copy never merges)")


def copy_library(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
    progress: CopyProgress | None = None,
) -> CopyReport:
    """Copy the library at ``source`` into ``target`` (file path or postgresql:// URL).

    DubaoError (one line) if the target already holds a library or is the source. A target file
    is taken back if the copy does not finish (:func:`_undone_on_failure`).
    """
    if str(source).strip() == str(target).strip():
        raise DubaoError(f"{describe(target)}: is the library being copied")
    _refuse_used_target(target)
    report = CopyReport(describe(source), describe(target))
    with _undone_on_failure(target):
        _copy(source, target, report, progress)
    return report


@contextlib.contextmanager
def _undone_on_failure(target: str | os.PathLike[str]) -> Iterator[None]:
    """A target file the copy made (or found empty) is taken back if the copy does not finish —
    a refusal, an error, Ctrl+C: an empty library left there refused the next copy into it
    ("already exists"). A server's rows are rolled back by the copy's own transaction."""
    name = str(target)
    path = None if is_server_url(name) or name == ":memory:" else Path(name)
    existed = path is not None and path.exists()
    try:
        yield
    except BaseException:
        if path is not None:
            for sibling in (Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
                with contextlib.suppress(OSError):
                    sibling.unlink()
            with contextlib.suppress(OSError):
                if existed:
                    path.write_bytes(b"")  # it was an empty file: empty again
                else:
                    path.unlink()
        raise


def _copy(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
    report: CopyReport,
    progress: CopyProgress | None,
) -> None:
    from models.library.service import Library

    src = Library.open(source, read_only=True)
    try:
        dst = Library.open(target)
        try:
            if dst.path is not None and src.path is not None and dst.path.resolve() == src.path.resolve():
                raise DubaoError(f"{describe(target)}: is the library being copied")
            with binding.using(dst.database):
                if any(model.select().exists() for model in _USED):
                    raise DubaoError(
                        f"{describe(target)}: already holds a library; copy into a new file or an empty database"
                    )
            with dst.database.atomic(), _one_snapshot(src.database):
                for model in MODELS:
                    report.rows[model._meta.table_name] = _copy_table(model, src, dst, progress)
                _after_explicit_ids(dst)
                dst.rebuild_search_index()
        finally:
            dst.close()
    finally:
        src.close()


@contextlib.contextmanager
def _one_snapshot(db: object) -> Iterator[None]:
    """Read the whole source in one transaction, so the copy is the library at one moment while
    colleagues go on writing: on a server a read-only REPEATABLE READ transaction (one snapshot
    for every statement), on a file a deferred read transaction (WAL keeps its snapshot; no lock
    is taken that would stop the window's writes)."""
    run = db.execute_sql  # type: ignore[attr-defined]
    if getattr(db, "engine", "") == "postgresql":
        run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    else:
        run("BEGIN DEFERRED")
    try:
        yield
    finally:
        with contextlib.suppress(Exception):
            run("ROLLBACK")  # nothing was written: ending the read is all


def _copy_table(model: type, src: object, dst: object, progress: CopyProgress | None) -> int:
    fields = model._meta.sorted_fields
    size = 8 if model is PageImage else BATCH
    done = 0
    last = None
    while True:
        with binding.using(src.database):  # type: ignore[attr-defined]
            query = model.select(*fields).order_by(model.id).limit(size)
            if last is not None:
                query = query.where(model.id > last)
            rows = list(query.tuples())
        if not rows:
            return done
        with binding.using(dst.database):  # type: ignore[attr-defined]
            model.insert_many(rows, fields=fields).execute()
        done += len(rows)
        last = rows[-1][0]
        if progress is not None:
            progress(model._meta.table_name, done)


def _after_explicit_ids(dst: object) -> None:
    """On a server, move each table's id sequence past the ids the copy wrote."""
    db = dst.database  # type: ignore[attr-defined]
    if getattr(db, "engine", "") != "postgresql":
        return
    for model in MODELS:
        table = model._meta.table_name
        db.execute_sql(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
            f'COALESCE(MAX("id"), 1), MAX("id") IS NOT NULL) FROM "{table}"'
        )
