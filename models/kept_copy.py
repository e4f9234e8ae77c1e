"""Marshal copies of shipped tables, kept in the app-data folder so the next process reads them
in one go (the checker's tables, jieba's dictionary with the word table)."""

from __future__ import annotations

import marshal
import os
from pathlib import Path


def write_copy(path: Path, data: object) -> None:
    """Write ``data`` to ``path`` whole (a temporary file, then renamed) or not at all, and remove
    the older copies beside it (``tables-*.marshal``). A folder that cannot be written only means
    the tables are read as shipped next time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(data))
        os.replace(tmp, path)
        for old in path.parent.glob("tables-*.marshal"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass
