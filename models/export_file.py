"""Writing an export without ever losing a file: a temporary file, then a rename.

The data goes to a temporary file in the target's folder, is flushed to disk (fsync) and only
then renamed over the target (``os.replace``, atomic on one file system): a crash, a full disk
or a kill leaves the old file or the whole new one. A target that is the open library, one of
its ``-wal``/``-shm``/``-journal`` files, or any SQLite database (by its header bytes) is
refused. Every export writes through :func:`write_atomically`.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from models.errors import DubaoError

SQLITE_HEADER = b"SQLite format 3\x00"
_SIDE_FILES = ("-wal", "-shm", "-journal")


def is_sqlite_file(path: str | os.PathLike[str]) -> bool:
    """True when the file starts with SQLite's 16-byte header (whatever its name says)."""
    try:
        with open(path, "rb") as f:
            return f.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def check_target(
    path: str | os.PathLike[str], protect: Iterable[str | os.PathLike[str] | None] = (), what: str = "export"
) -> Path:
    """The target of an export, or DubaoError if writing there would destroy something."""
    target = Path(path)
    for library in protect:
        if library is None or str(library) == ":memory:":
            continue
        for guarded in (Path(library), *(Path(f"{library}{side}") for side in _SIDE_FILES)):
            with contextlib.suppress(OSError):
                if target.resolve() == guarded.resolve():
                    raise DubaoError(f"{target}: is the open library; the {what} would overwrite it")
    if target.is_dir():
        raise DubaoError(f"{target}: is a folder; name a file to write")
    if target.exists() and is_sqlite_file(target):
        raise DubaoError(
            f"{target}: is an SQLite database (a library?); refusing to write the {what} over it"
        )
    if not target.parent.is_dir():
        raise DubaoError(f"{target.parent}: no such folder")
    return target


def write_atomically(
    path: str | os.PathLike[str],
    data: bytes,
    protect: Iterable[str | os.PathLike[str] | None] = (),
    what: str = "export",
) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename; see the module docstring."""
    target = check_target(path, protect, what)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise DubaoError(f"{target.parent}: cannot write there ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(name, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise DubaoError(
            f"{target}: cannot write the {what} ({exc.strerror or exc}); nothing was changed"
        ) from None
    return target
