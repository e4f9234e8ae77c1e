"""Writing an export (annotations, vocabulary, readings, a backup) without ever losing a file.

An export is written to a temporary file in the target's folder, flushed to disk (fsync), and
only then renamed over the target (``os.replace``, atomic on one file system): a crash, a full
disk or a kill leaves either the old file or the whole new one, never half of either. A target
that is the open library, one of its ``-wal``/``-shm``/``-journal`` files, or any SQLite
database (checked by its header bytes, whatever its name) is refused.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterable
from pathlib import Path

from models.errors import ExportError

SQLITE_HEADER = b"SQLite format 3\x00"
_SIDE_FILES = ("-wal", "-shm", "-journal")


def is_sqlite_file(path: str | os.PathLike[str]) -> bool:
    """True when the file starts with SQLite's 16-byte header (whatever its name says)."""
    try:
        with open(path, "rb") as f:
            return f.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def check_target(
    path: str | os.PathLike[str], protect: Iterable[str | os.PathLike[str] | None] = (), what: str = "export"
) -> Path:
    """The target of an export, or ExportError if writing there would destroy something.

    ``protect`` names library files (their side files are protected with them).
    """
    target = Path(path)
    for library in protect:
        if library is None or str(library) == ":memory:":
            continue
        lib = Path(library)
        for guarded in (lib, *(Path(f"{lib}{side}") for side in _SIDE_FILES)):
            if _same_file(target, guarded):
                raise ExportError(f"{target}: is the open library; the {what} would overwrite it")
    if target.is_dir():
        raise ExportError(f"{target}: is a folder; name a file to write")
    if target.exists() and is_sqlite_file(target):
        raise ExportError(
            f"{target}: is an SQLite database (a library?); refusing to write the {what} over it"
        )
    if not target.parent.is_dir():
        raise ExportError(f"{target}: cannot write it (no such folder {target.parent})")
    return target


def write_atomically(
    path: str | os.PathLike[str],
    data: bytes,
    protect: Iterable[str | os.PathLike[str] | None] = (),
    what: str = "export",
) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename; see the module docstring."""
    return write_chunks_atomically(path, (data,), protect, what)


def write_chunks_atomically(
    path: str | os.PathLike[str],
    chunks: Iterable[bytes],
    protect: Iterable[str | os.PathLike[str] | None] = (),
    what: str = "export",
) -> Path:
    """:func:`write_atomically` for data made as it is written (a streamed export): the chunks
    go to the temporary file; if making them fails, the temporary file is removed and the
    target left as it was."""
    target = check_target(path, protect, what)
    tmp = _temporary(target)
    try:
        with open(tmp, "wb") as f:
            for chunk in chunks:
                f.write(chunk)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise ExportError(
            f"{target}: cannot write the {what} ({exc.strerror or exc}); nothing was changed"
        ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    sync_folder(target.parent)
    return target


def _temporary(target: Path) -> Path:
    """A new empty file beside ``target``, with the permissions a plain new file gets (umask)."""
    for _ in range(100):
        path = target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            raise ExportError(f"{target.parent}: cannot write there ({exc.strerror or exc})") from None
        os.close(fd)
        if target.is_file():  # a replaced file keeps its permissions
            with contextlib.suppress(OSError):
                os.chmod(path, target.stat().st_mode & 0o7777)
        return path
    raise ExportError(f"{target.parent}: cannot make a temporary file there")


def temporary_beside(target: Path) -> Path:
    """A fresh, empty temporary file's path in ``target``'s folder (for writers that need a path)."""
    return _temporary(target)


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename) to disk, where the platform allows it."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
