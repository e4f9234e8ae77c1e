"""Checking a path the user gave before reading it: say what it actually is when it is no file.

``Path.exists()`` hides the reason a path cannot be read (a symbolic link loop reads as "no
such file") and ``open()`` on a FIFO waits forever for a writer. :func:`check_input` stats the
path once and names the problem; :func:`read_input` then reads a regular file up to a limit.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from models.errors import InputFileError


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a file"
    return "not a regular file"


def check_input(path: str | os.PathLike[str], folder_ok: bool = False) -> os.stat_result:
    """The path's stat if it is a regular file (or a folder when ``folder_ok``), else InputFileError."""
    p = Path(path)
    try:
        info = p.stat()
    except OSError as exc:
        raise InputFileError(f"{p}: {_stat_problem(p, exc)}") from None
    if stat.S_ISDIR(info.st_mode):
        if folder_ok:
            return info
        raise InputFileError(f"{p}: is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputFileError(f"{p}: {_kind(info.st_mode)}")
    return info


def _stat_problem(p: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop (the link points back to itself)"
    if exc.errno == errno.ENOENT:
        if p.is_symlink():
            return f"a symbolic link to a missing file ({os.readlink(p)})"
        return "no such file or folder"
    if exc.errno == errno.ENOTDIR:
        return "no such file (a part of the path is a file, not a folder)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ENAMETOOLONG:
        return "the name is too long"
    return f"cannot be read ({exc.strerror or exc})"


def read_input(path: str | os.PathLike[str], limit: int, what: str = "file") -> bytes:
    """A regular file's bytes; refused when larger than ``limit`` (checked again while reading)."""
    p = Path(path)
    size = check_input(p).st_size
    if size > limit:
        raise InputFileError(f"{p}: {_megabytes(size)} is over the {_megabytes(limit)} limit for {what}")
    try:
        # O_NONBLOCK: a path swapped for a FIFO after the check still cannot block the read.
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                raise InputFileError(f"{p}: {_kind(os.fstat(f.fileno()).st_mode)}")
            data = f.read(limit + 1)
    except OSError as exc:
        raise InputFileError(f"{p}: {_stat_problem(p, exc)}") from None
    if len(data) > limit:
        raise InputFileError(f"{p}: over the {_megabytes(limit)} limit for {what}")
    return data


def _megabytes(size: int) -> str:
    return f"{size / 1048576:.1f} MB" if size % 1048576 else f"{size // 1048576} MB"
