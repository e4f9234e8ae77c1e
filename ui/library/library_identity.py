"""What names a library across sessions, so that a place kept in one (the last page read, the
proofreading place) is never taken for the page of the same id in another (File ▸ Open
Library, another ``--db``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any


def library_key(library: Any) -> str:
    """An open library's name: its file, resolved, or its server's URL without a password; ""
    for one kept nowhere (in memory)."""
    if library is None:
        return ""
    url = getattr(library, "server_url", None)
    if url:
        from models.library.server import without_password

        return without_password(url)
    path = getattr(library, "path", None)
    return str(Path(path).resolve()) if path else ""


def target_key(target: str | os.PathLike[str] | None) -> str:
    """The same name for the library ``--db`` names (None: the default one), before it is
    opened: what :func:`library_key` will say of it once open."""
    from models.library import start_view

    file = start_view.library_file(target)
    if file is not None:
        return str(file.resolve())
    text = os.fspath(target) if target is not None else ""
    if not text or text == ":memory:":
        return ""
    from models.library.server import without_password

    return without_password(text)
