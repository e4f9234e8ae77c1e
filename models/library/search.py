"""Library-wide search over sections' current text, or the pages' raw OCR text.

A query of any length is looked up in the character index (:mod:`models.library.search_index`):
one character is one token's rows, a longer query the phrase of its character pairs. Rows
come in the library's order (issue, page, section), so the first ``limit`` hits are read
without touching the rest; each row's folded text is then searched in Python for the
exact offsets. Full-width and half-width forms, traditional and simplified characters and
Latin case match each other (:mod:`models.library.search_folding`); offsets are code points
into the text as it is, which folding never changes in length.
"""

from __future__ import annotations

import sqlite3
import sys
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from peewee import SqliteDatabase

from models.library import search_index
from models.library.search_folding import fold

#: Characters of context shown on each side of a hit.
CONTEXT = 20
#: Hits the CLI prints unless told otherwise.
DEFAULT_LIMIT = 100


@dataclass(frozen=True)
class SearchHit:
    """One occurrence of the query: where it is and the words around it.

    ``section`` is the 0-based reading-order index of the section on its page and
    ``start``/``end`` code points into that section's current text (its blocks joined by
    ``"\\n"``); for a raw-text hit ``section`` is ``None`` and the offsets are into the
    page's raw text. ``raw_offset`` is the hit's first character in the raw text (to open
    the page at it); ``corrected`` says the hit covers characters a correction wrote.
    """

    issue_id: int
    issue_title: str
    page_id: int
    page_name: str
    page_number: int | None
    section: int | None
    section_title: str
    start: int
    end: int
    raw_offset: int
    before: str
    match: str
    after: str
    corrected: bool = False

    @property
    def context(self) -> str:
        """The hit in its sentence, with … where the text goes on."""
        return f"{self.before}{self.match}{self.after}"

    @property
    def offset(self) -> int:
        return self.start

    @property
    def length(self) -> int:
        return self.end - self.start

    @property
    def section_ordinal(self) -> int | None:
        return self.section

    def to_json(self) -> dict[str, object]:
        """The CLI's shape: ``{"issue", "page", "section", "start", "end", "context"}``."""
        return {
            "issue": self.issue_id,
            "page": self.page_id,
            "section": self.section,
            "start": self.start,
            "end": self.end,
            "context": self.context,
        }


@dataclass(frozen=True)
class _Row:
    """A row of the index that holds the query: its text and, for a section, how to place hits."""

    page_id: int
    text: str
    section: int | None = None
    title: str = ""
    source_map: bytes | None = None
    corrected: str | None = None


def search(
    db: SqliteDatabase,
    query: str,
    limit: int = DEFAULT_LIMIT,
    raw: bool = False,
    issue: int | None = None,
    offset: int = 0,
) -> list[SearchHit]:
    """Hits ``offset`` to ``offset + limit`` of ``query``, by issue, page, section and start.

    Matches are the folded query in the folded text, left to right, not overlapping.
    An empty query (or only spaces) finds nothing.
    """
    folded = fold(query.strip())
    if not folded or limit <= 0:
        return []
    conn = db.connection()
    found: list[tuple[_Row, int]] = []
    skip = max(offset, 0)
    for row, starts in _rows(conn, folded, raw, issue):
        if skip >= len(starts):
            skip -= len(starts)
            continue
        for start in starts[skip : skip + limit - len(found)]:
            found.append((row, start))
        skip = 0
        if len(found) >= limit:
            break
    return _placed(conn, found, len(folded))


def _rows(
    conn: sqlite3.Connection, folded: str, raw: bool, issue: int | None
) -> Iterator[tuple[_Row, list[int]]]:
    """The rows that hold the query, in the library's order, each with its hits' starts.

    Rows are read from the index one by one as they are needed, so finding the first
    hits never reads the rest.
    """
    if getattr(conn, "engine", "") == "postgresql":
        from models.library import server_search

        yield from _with_starts(server_search.matching(conn, folded, raw, issue), folded)
        return
    table, phrase = search_index.match_expression(folded)
    where, params = "", [phrase]
    if issue is not None:
        low, high = search_index.issue_range(issue)
        where, params = " AND f.rowid >= ? AND f.rowid < ?", [phrase, low, high]
    if raw:
        sql = (
            f'SELECT p."id", p."raw_text" FROM "search_raw_{table}"(?) f '
            f'JOIN "page" p ON p."id" = ((f.rowid >> {search_index.PAGE_SHIFT}) & {search_index.PAGE_MASK})'
            f"{where} ORDER BY f.rowid"
        )
    else:
        sql = (
            f'SELECT s."page_id", s."text", s."section", s."title", s."source_map", s."corrected" '
            f'FROM "search_section_{table}"(?) f JOIN "search_section" s ON s."id" = f.rowid{where} ORDER BY f.rowid'
        )
    cursor = conn.execute(sql, params)
    try:
        yield from _with_starts(cursor, folded)
    finally:
        cursor.close()


def _with_starts(rows: Iterable[tuple], folded: str) -> Iterator[tuple[_Row, list[int]]]:
    for values in rows:
        starts = _find_all(fold(values[1]), folded)
        if starts:
            yield _Row(*values), starts


def _find_all(text: str, query: str) -> list[int]:
    """Starts of ``query`` in ``text``, left to right, not overlapping."""
    starts = []
    position = text.find(query)
    while position >= 0:
        starts.append(position)
        position = text.find(query, position + len(query))
    return starts


def _raw_offset(stored_map: bytes | None, start: int) -> int:
    """The raw offset of the character at ``start`` (a block break has its next block's)."""
    runs = array("i")
    runs.frombytes(stored_map or b"")
    if sys.byteorder == "big":
        runs.byteswap()
    position = 0
    for index in range(0, len(runs), 2):
        length = runs[index + 1]
        if start < position + length:
            return runs[index] + start - position
        position += length
    return -1


def _placed(conn: sqlite3.Connection, found: list[tuple[_Row, int]], length: int) -> list[SearchHit]:
    """The hits with their issue and page names (one query for all their pages)."""
    page_ids = sorted({row.page_id for row, _ in found})
    places: dict[int, tuple] = {}
    for chunk in range(0, len(page_ids), 500):
        ids = page_ids[chunk : chunk + 500]
        marks = ",".join("?" * len(ids))
        for values in conn.execute(
            f'SELECT g."id", g."name", g."number", i."id", i."title" FROM "page" g '
            f'JOIN "issue" i ON i."id" = g."issue_id" WHERE g."id" IN ({marks})',
            ids,
        ):
            places[values[0]] = values[1:]
    hits = []
    for row, start in found:
        if row.page_id not in places:  # deleted while we read
            continue
        page_name, page_number, issue_id, issue_title = places[row.page_id]
        end = start + length
        text = row.text
        if row.section is None:
            raw_offset, corrected = start, False
        else:
            raw_offset = _raw_offset(row.source_map, start)
            corrected = row.corrected is not None and any(
                a < end and start < a + n for a, n in search_index.corrected_positions(row.corrected)
            )
        hits.append(
            SearchHit(
                issue_id=issue_id,
                issue_title=issue_title,
                page_id=row.page_id,
                page_name=page_name,
                page_number=page_number,
                section=row.section,
                section_title=row.title,
                start=start,
                end=end,
                raw_offset=raw_offset,
                before=("…" if start > CONTEXT else "") + text[max(0, start - CONTEXT) : start],
                match=text[start:end],
                after=text[end : end + CONTEXT] + ("…" if end + CONTEXT < len(text) else ""),
                corrected=corrected,
            )
        )
    return hits
