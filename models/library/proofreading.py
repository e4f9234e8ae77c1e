"""What a library has taught the proofreading checker, read without changing the file.

Read-only queries on three tables: ``correction`` (with ``page.raw_text``: what the OCR
read -> what an editor made of it), ``library_word`` (``word``: the library's own word
list) and ``dismissed_flag`` (``flagged``, ``suggestion``: flags an editor dismissed).
Tables a library does not have yet (an older schema) contribute nothing.
"""

from __future__ import annotations

import os
import sqlite3
from collections import Counter
from pathlib import Path

from models.errors import DubaoError
from models.proofreading.knowledge import LibraryKnowledge

#: Corrections longer than this (characters) are edits, not character misreadings.
LONGEST_PAIR = 4


def proofreading_knowledge(path: str | os.PathLike[str]) -> LibraryKnowledge:
    """The word list, corrected character pairs and dismissed flags of the library at ``path``."""
    file = Path(path)
    if not file.is_file():
        raise DubaoError(f"{file}: no such library file")
    try:
        conn = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DubaoError(f"{file}: cannot be opened ({exc})") from None
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        words: set[str] = set()
        corrected: Counter[tuple[str, str]] = Counter()
        dismissed: Counter[tuple[str, str | None]] = Counter()
        if "library_word" in tables:
            words = {w for (w,) in conn.execute("SELECT word FROM library_word") if isinstance(w, str) and w}
        if {"correction", "page"} <= tables:
            rows = conn.execute(
                "SELECT substr(p.raw_text, c.raw_start + 1, c.raw_end - c.raw_start), c.replacement "
                "FROM correction c JOIN page p ON p.id = c.page_id "
                "WHERE c.raw_end > c.raw_start AND c.raw_end - c.raw_start <= ?",
                (LONGEST_PAIR,),
            )
            for read, right in rows:
                if read and right and read != right and len(read) == len(right):
                    for a, b in zip(read, right):
                        if a != b:
                            corrected[(a, b)] += 1
        if "dismissed_flag" in tables:
            for flagged, suggestion in conn.execute("SELECT flagged, suggestion FROM dismissed_flag"):
                if isinstance(flagged, str) and flagged:
                    dismissed[(flagged, suggestion if isinstance(suggestion, str) else None)] += 1
    except sqlite3.Error as exc:
        raise DubaoError(f"{file}: not a readable library ({exc})") from None
    finally:
        conn.close()
    return LibraryKnowledge(frozenset(words), dict(corrected), dict(dismissed))
