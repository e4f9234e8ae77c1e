"""The search index on a PostgreSQL server: characters and pairs as ``tsvector`` lexemes.

The same idea as the file's FTS5 index (:mod:`models.library.search_index`): Chinese is
searched by character, so a row's folded text is indexed as one lexeme per distinct character
and one per distinct pair of neighbouring characters. A one-character query looks up its
character's lexeme; a longer one needs every pair it is made of (``pair & pair & …``), which
only rows holding all of them have. PostgreSQL's ``pg_trgm`` cannot do this (it does not index
one or two characters), nor can a text search parser (it cuts words, and Chinese has none):
the lexemes are made here, the code point of each character in letters (``的`` → ``aaaahgie``,
pairs sixteen letters), and put in with ``array_to_tsvector`` (no parser, no positions, so no
limit on a text's length), under a GIN index.

The index finds the rows; the exact places are then found in each row's folded text, as on a
file (:mod:`models.library.search`), so both engines give the same hits in the same order.
Rows are keyed like the file's (``issue << 42 | page << 16 | section``): hits come in
library order, the matching ids are read first and the texts only as far as the hits asked for.
Deleting a page deletes its rows (foreign keys), so nothing has to be flushed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from models.library import search_folding
from models.library.search_index import (
    PageSource,
    SectionEntry,
    _rows,
    _token_fingerprint,
    issue_range,
    key,
)

_LETTERS = str.maketrans("0123456789abcdef", "abcdefghijklmnop")
#: Rows whose texts are read at a time once their ids are known.
CHUNK = 32


def _char(code: int) -> str:
    return f"{code:08x}".translate(_LETTERS)


def lexemes(folded: str) -> list[str]:
    """The distinct lexemes of a folded text: its characters and its pairs."""
    chars = {_char(ord(c)) for c in folded}
    pairs = {_char(ord(a)) + _char(ord(b)) for a, b in zip(folded, folded[1:])}
    return sorted(chars | pairs)


def query(folded_query: str) -> str:
    """The ``tsquery`` that finds the rows holding the folded query."""
    if len(folded_query) == 1:
        return f"'{_char(ord(folded_query))}'"
    pairs = {_char(ord(a)) + _char(ord(b)) for a, b in zip(folded_query, folded_query[1:])}
    return " & ".join(f"'{pair}'" for pair in sorted(pairs))


def _tokens(text: str) -> list[str]:
    return lexemes(search_folding.fold(text))


# --- writing --------------------------------------------------------------------------------


def add_page(conn: Any, issue_id: int, page_id: int, raw: str, entries: Sequence[SectionEntry]) -> None:
    conn.execute(
        'INSERT INTO "search_raw" ("page_id", "key", "tokens") VALUES (?, ?, array_to_tsvector(?::text[])) '
        'ON CONFLICT ("page_id") DO UPDATE SET "key" = excluded."key", "tokens" = excluded."tokens"',
        (page_id, key(issue_id, page_id), _tokens(raw)),
    )
    _insert_sections(conn, issue_id, page_id, entries)


def replace_sections(conn: Any, issue_id: int, page_id: int, entries: Sequence[SectionEntry]) -> None:
    conn.execute('DELETE FROM "search_section" WHERE "page_id" = ?', (page_id,))
    _insert_sections(conn, issue_id, page_id, entries)


def _insert_sections(conn: Any, issue_id: int, page_id: int, entries: Sequence[SectionEntry]) -> None:
    # The file's rows, each with the section text's tokens as the server keeps them.
    rows = [(*row, _tokens(row[4])) for row in _rows(issue_id, page_id, entries)]
    if rows:
        conn.executemany(
            'INSERT INTO "search_section" VALUES (?, ?, ?, ?, ?, ?, ?, array_to_tsvector(?::text[]))', rows
        )


def flush_removed(conn: Any) -> None:
    """Nothing to do: a deleted page's rows go with it (foreign keys)."""


def rebuild(conn: Any, page_source: PageSource) -> None:
    conn.execute('DELETE FROM "search_section"')
    conn.execute('DELETE FROM "search_raw"')
    for (page_id,) in conn.execute('SELECT "id" FROM "page" ORDER BY "id"').fetchall():
        issue_id, raw, entries = page_source(conn, page_id)
        add_page(conn, issue_id, page_id, raw, entries)
    conn.execute(
        'INSERT INTO "search_meta" VALUES (\'tokens\', ?) ON CONFLICT ("name") DO UPDATE SET "value" = excluded."value"',
        (_token_fingerprint(),),
    )


def is_current(conn: Any) -> bool:
    row = conn.execute('SELECT "value" FROM "search_meta" WHERE "name" = \'tokens\'').fetchone()
    return row is not None and row[0] == _token_fingerprint()


# --- reading --------------------------------------------------------------------------------


def matching(conn: Any, folded: str, raw: bool, issue: int | None) -> Iterator[tuple]:
    """The rows holding the query in library order, as the file's search reads them:
    ``(page_id, raw_text)`` for raw text, else ``(page_id, text, section, title, source_map, corrected)``."""
    where, params = "", [query(folded)]
    if issue is not None:
        low, high = issue_range(issue)
        where, params = ' AND "{col}" >= ? AND "{col}" < ?', [*params, low, high]
    if raw:
        ids = conn.execute(
            f'SELECT "page_id" FROM "search_raw" WHERE "tokens" @@ ?::tsquery{where.format(col="key")} ORDER BY "key"',
            params,
        ).fetchall()
        sql = 'SELECT "id", "raw_text" FROM "page" WHERE "id" = ANY(?)'
    else:
        ids = conn.execute(
            f'SELECT "id" FROM "search_section" WHERE "tokens" @@ ?::tsquery{where.format(col="id")} ORDER BY "id"',
            params,
        ).fetchall()
        sql = (
            'SELECT "id", "page_id", "text", "section", "title", "source_map", "corrected" '
            'FROM "search_section" WHERE "id" = ANY(?)'
        )
    ordered = [row[0] for row in ids]
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start : start + CHUNK]
        found = {row[0]: row for row in conn.execute(sql, (chunk,)).fetchall()}
        for row_id in chunk:
            row = found.get(row_id)
            if row is None:  # deleted while we read
                continue
            yield (row[0], row[1]) if raw else (row[1], row[2], row[3], row[4], _bytes(row[5]), row[6])


def _bytes(value: Any) -> bytes | None:
    return None if value is None else bytes(value)
