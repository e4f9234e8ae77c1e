"""The search index corrects itself when a library is opened: places marked corrected by
corrections that put back what the OCR read.

Versions before the window stopped writing such corrections ("田 → 田") indexed them as
corrections, so library search marked their place ✎ corrected. Every read of the corrections
now leaves them out (:func:`models.library.corrections.without_noops`), and so does the index
from then on; the sections of the pages already indexed with one are indexed again, once per
library, when it is next opened (a note in ``search_meta`` says it was done). Only those
pages are read: a library of thousands of pages pays one query.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from models.library import search_index

#: ``search_meta``'s note that the index no longer marks the no-op corrections' places.
NOTE = "noop_marks_cleared"

#: Pages indexed with a correction in force that puts back what the OCR read. ``substr``
#: counts characters (code points, as offsets do) on SQLite and PostgreSQL alike.
_PAGES = """
SELECT DISTINCT c."page_id" FROM "correction" c JOIN "page" p ON p."id" = c."page_id"
WHERE c."state" = 'in_force' AND c."raw_end" > c."raw_start"
  AND substr(p."raw_text", c."raw_start" + 1, c."raw_end" - c."raw_start") = c."replacement"
  AND EXISTS (SELECT 1 FROM "search_section" s WHERE s."page_id" = c."page_id" AND s."corrected" IS NOT NULL)
ORDER BY c."page_id"
"""


def is_cleared(conn: Any) -> bool:
    """Whether the index was made, or corrected, knowing no-op corrections for what they are."""
    return conn.execute('SELECT 1 FROM "search_meta" WHERE "name" = ?', (NOTE,)).fetchone() is not None


def pages_to_index_again(conn: Any) -> list[int]:
    """The indexed pages with a correction that may be a no-op (the page is read to tell)."""
    return [page_id for (page_id,) in conn.execute(_PAGES).fetchall()]


def clear_noop_marks(conn: Any, indexed_page: Callable[[int], tuple[int, str, list]]) -> list[int]:
    """Index again the sections of the pages :func:`pages_to_index_again` finds, through
    ``indexed_page`` (page id -> issue id, raw text, entries: the page as it reads now), and
    note it done (inside the caller's transaction). The pages indexed again."""
    pages = pages_to_index_again(conn)
    for page_id in pages:
        issue_id, _raw, entries = indexed_page(page_id)
        search_index.replace_sections(conn, issue_id, page_id, entries)
    conn.execute('DELETE FROM "search_meta" WHERE "name" = ?', (NOTE,))
    conn.execute('INSERT INTO "search_meta" VALUES (?, ?)', (NOTE, str(len(pages))))
    return pages
