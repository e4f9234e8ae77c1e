"""The search index: every section's current text and every page's raw text, by character.

Chinese has no spaces to split words on and readers search for one or two characters
(的, 春耕) as often as for phrases, so the index is made of characters, not words. The
folded text (:mod:`models.library.search_folding`) is written as tokens, one per
character and one per pair of neighbouring characters, into SQLite FTS5 tables that
keep no copy of the tokens (``content=''``):

- ``search_<kind>_chars``: one token per character, rows only (``detail=none``): a row
  that has the token has the character, so a one-character query is one token's rows.
- ``search_<kind>_pairs``: one token per pair, with positions: a longer query is the
  phrase of its pairs (发展中 = "发展 展中"); pairs are far rarer than characters, so even
  a long query of common characters reads short lists.

``<kind>`` is ``section`` (each section's current text: its blocks joined by ``"\\n"``,
the text search offsets count in, kept in ``search_section`` with its source map) or
``raw`` (the page's raw text, read from ``page``). Tokens are the code points in hex
(``的`` → ``007684``), so every character, punctuation and space included, is a token
to the ``unicode61`` tokenizer, whatever Unicode version it knows.

A row's id is its place in the library's order, ``issue << 42 | page << 16 | section``,
so ``ORDER BY rowid LIMIT n`` reads hits in the order they are listed and stops after
the first ``n``.

The tables are created by the migration that adds the index (models.library.migrations).
FTS5 without content needs the old tokens to delete a row. Deleting a ``search_section``
row or a ``page`` (an issue deleted, a cascade) copies its text into ``search_removed``
by trigger; :func:`flush_removed` deletes those tokens before the next write. The tokens
depend on folding, so the folding's fingerprint is kept in ``search_meta`` and a library
folded differently is re-indexed (:func:`ensure_current`).
"""

from __future__ import annotations

import json
import sqlite3
import sys
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from models.errors import DubaoError
from models.library import search_folding, sourcemap
from models.library.corrections import Edit, correct_sections, effective_edits, without_noops
from models.section import HEAD_FIELDS, Section
from models.text import MappedText

ISSUE_SHIFT = 42
PAGE_SHIFT = 16
PAGE_MASK = (1 << (ISSUE_SHIFT - PAGE_SHIFT)) - 1
MAX_ISSUE = (1 << (63 - ISSUE_SHIFT)) - 1
MAX_SECTION = (1 << PAGE_SHIFT) - 1
KINDS = ("section", "raw")
#: How rows are turned into tokens; a change re-indexes every library (as a new folding does).
TOKEN_FORMAT = 1

#: Between two blocks of a section: the same as models.annotations.texts.BLOCK_BREAK.
BLOCK_BREAK = "\n"


def key(issue_id: int, page_id: int, section: int = 0) -> int:
    """A row's id: its place in the library's order (issue, page, section)."""
    if not (0 <= issue_id <= MAX_ISSUE and 0 <= page_id <= PAGE_MASK and 0 <= section <= MAX_SECTION):
        raise DubaoError(
            f"the search index holds issues up to {MAX_ISSUE}, pages up to {PAGE_MASK} and "
            f"{MAX_SECTION} sections a page (issue {issue_id}, page {page_id}, section {section})"
        )
    return (issue_id << ISSUE_SHIFT) | (page_id << PAGE_SHIFT) | section


def issue_range(issue_id: int) -> tuple[int, int]:
    """The ids ``[low, high)`` of an issue's rows."""
    return issue_id << ISSUE_SHIFT, (issue_id + 1) << ISSUE_SHIFT


def page_of(row_key: int) -> int:
    return (row_key >> PAGE_SHIFT) & PAGE_MASK


# --- tokens ---------------------------------------------------------------------------------


def char_tokens(folded: str) -> str:
    """One token per character of the folded text, its code point in eight hex digits: ``"00007684 …"``."""
    return folded.encode("utf-32-be", "surrogatepass").hex(" ", 4)


def pair_tokens(folded: str) -> str:
    """One token per pair of neighbouring characters, sixteen hex digits: ``"00007684000053d1 …"``."""
    if len(folded) < 2:
        return ""
    if len(folded) < 64:  # a query: no need for numpy
        return " ".join(f"{ord(a):08x}{ord(b):08x}" for a, b in zip(folded, folded[1:]))
    import numpy as np

    codes = np.frombuffer(folded.encode("utf-32-be", "surrogatepass"), dtype=np.uint8).reshape(-1, 4)
    return np.concatenate((codes[:-1], codes[1:]), axis=1).tobytes().hex(" ", 8)


def match_expression(folded_query: str) -> tuple[str, str]:
    """The table (``chars`` or ``pairs``) and FTS5 phrase that find the rows holding the query."""
    if len(folded_query) == 1:
        return "chars", f'"{char_tokens(folded_query)}"'
    return "pairs", f'"{pair_tokens(folded_query)}"'


def _write_tokens(conn: sqlite3.Connection, kind: str, row_key: int, text: str, delete: bool = False) -> None:
    folded = search_folding.fold(text)
    for table, tokens in (("chars", char_tokens(folded)), ("pairs", pair_tokens(folded))):
        if not tokens:
            continue
        name = f"search_{kind}_{table}"
        if delete:
            conn.execute(
                f'INSERT INTO "{name}"("{name}", rowid, "tokens") VALUES (\'delete\', ?, ?)',
                (row_key, tokens),
            )
        else:
            conn.execute(f'INSERT INTO "{name}"(rowid, "tokens") VALUES (?, ?)', (row_key, tokens))


def _on_server(conn: object) -> bool:
    """A PostgreSQL library's connection: its index is models.library.server_search."""
    return getattr(conn, "engine", "") == "postgresql"


def _server():  # noqa: ANN202 - a module
    from models.library import server_search

    return server_search


# --- what is indexed ------------------------------------------------------------------------


@dataclass(frozen=True)
class SectionEntry:
    """A section as the index keeps it: its current text, where each character came from,
    and which characters a correction put there."""

    title: str
    text: str
    source: list[int]
    #: Offsets into ``text`` of the characters that corrections wrote.
    corrected: list[int]


def section_entries(
    sections: Sequence[Section], edits: Iterable[Edit] = (), raw_sources: set[int] | None = None
) -> list[SectionEntry]:
    """Index entries for sections' current text; ``edits`` are the corrections in force.

    A section's text is its non-empty head fields then its non-empty paragraphs joined by
    ``"\\n"`` (models.annotations.texts.section_text); a break maps to the raw offset of
    the block it opens.
    ``raw_sources`` are the raw offsets the parsed (uncorrected) page shows, needed to
    tell an inserted character from the original one at the same raw offset.
    """
    covered = sorted((e.raw_start, e.raw_end) for e in edits if e.raw_end > e.raw_start)
    starts = [start for start, _ in covered]
    points = {e.raw_start for e in edits if e.raw_end == e.raw_start}
    entries = []
    for section in sections:
        blocks: list[MappedText] = [
            value for name in HEAD_FIELDS if (value := getattr(section, name)) is not None and value.text
        ]
        blocks.extend(p for p in section.paragraphs if p.text)
        source: list[int] = []
        breaks: set[int] = set()
        for index, block in enumerate(blocks):
            if index:
                breaks.add(len(source))
                source.append(block.source[0])  # the break stands for the block it opens
            source.extend(block.source)
        corrected = []
        if covered or points:
            marked = _corrected(source, covered, starts, points, raw_sources or set())
            corrected = [position for position in marked if position not in breaks]
        entries.append(
            SectionEntry(
                title=section.title,
                text=BLOCK_BREAK.join(b.text for b in blocks),
                source=source,
                corrected=corrected,
            )
        )
    return entries


def _corrected(
    source: list[int],
    covered: list[tuple[int, int]],
    starts: list[int],
    points: set[int],
    originals: set[int],
) -> list[int]:
    if source:  # a section no correction reaches (most of a page) has nothing to mark
        low, high = min(source), max(source)
        if not any(start <= high and low < end for start, end in covered) and not any(
            low <= point <= high for point in points
        ):
            return []
    out = []
    for position, offset in enumerate(source):
        index = bisect_right(starts, offset) - 1
        if index >= 0 and covered[index][0] <= offset < covered[index][1]:
            out.append(position)
        elif offset in points:
            # Inserted characters stand before the original character at their point.
            is_last = position + 1 == len(source) or source[position + 1] != offset
            if not (is_last and offset in originals):
                out.append(position)
    return out


def encode_source(source: Sequence[int]) -> bytes:
    """A source map as little-endian int32 ``raw_start, length`` runs (read back without parsing)."""
    runs = array("i", [value for run in sourcemap.to_runs(source) for value in run])
    if sys.byteorder == "big":
        runs.byteswap()
    return runs.tobytes()


def _encode_positions(positions: list[int]) -> str | None:
    return json.dumps(sourcemap.to_runs(positions), separators=(",", ":")) if positions else None


def corrected_positions(stored: str | None) -> list[list[int]]:
    """``[[start, length], ...]`` runs of corrected characters, as stored."""
    return json.loads(stored) if stored else []


# --- writing --------------------------------------------------------------------------------


def add_page(
    conn: sqlite3.Connection, issue_id: int, page_id: int, raw: str, entries: Sequence[SectionEntry]
) -> None:
    """Index a new page: its raw text and its sections (inside the caller's transaction)."""
    if _on_server(conn):
        return _server().add_page(conn, issue_id, page_id, raw, entries)
    flush_removed(conn)
    add_prepared(conn, issue_id, page_id, prepare_page(raw, entries))


@dataclass(frozen=True)
class PreparedPage:
    """A new page's index rows and tokens, made where the page was parsed (an import's worker
    process), so that only the writing is left: :func:`add_prepared`."""

    #: The folded raw text's character and pair tokens.
    raw_tokens: tuple[str, str]
    #: Per section: title, text, encoded source map, corrected positions, character and pair tokens.
    sections: list[tuple[str, str, bytes, str | None, str, str]]


def _tokens(text: str) -> tuple[str, str]:
    folded = search_folding.fold(text)
    return char_tokens(folded), pair_tokens(folded)


def prepare_page(raw: str, entries: Sequence[SectionEntry]) -> PreparedPage:
    """Fold and tokenize a page's raw text and sections (pure computation, no database)."""
    sections = [
        (
            entry.title,
            entry.text,
            encode_source(entry.source),
            _encode_positions(entry.corrected),
            *_tokens(entry.text),
        )
        for entry in entries
    ]
    return PreparedPage(raw_tokens=_tokens(raw), sections=sections)


def add_prepared(conn: sqlite3.Connection, issue_id: int, page_id: int, prepared: PreparedPage) -> None:
    """Write a new page's prepared rows (inside the caller's transaction; no deleted rows pending).

    A server keeps other tokens (``server_search``): there the page just written is read back
    and indexed as :func:`add_page` does."""
    if _on_server(conn):
        _, raw, entries = stored_page(conn, page_id)
        return _server().add_page(conn, issue_id, page_id, raw, entries)
    page_key = key(issue_id, page_id)
    for table, tokens in zip(("chars", "pairs"), prepared.raw_tokens, strict=True):
        if tokens:
            conn.execute(
                f'INSERT INTO "search_raw_{table}"(rowid, "tokens") VALUES (?, ?)', (page_key, tokens)
            )
    if not prepared.sections:
        return
    keys = [key(issue_id, page_id, index) for index in range(len(prepared.sections))]
    conn.executemany(
        'INSERT INTO "search_section" VALUES (?, ?, ?, ?, ?, ?, ?)',
        [(k, page_id, index, *row[:4]) for index, (k, row) in enumerate(zip(keys, prepared.sections))],
    )
    for table, column in (("chars", 4), ("pairs", 5)):
        conn.executemany(
            f'INSERT INTO "search_section_{table}"(rowid, "tokens") VALUES (?, ?)',
            [(k, row[column]) for k, row in zip(keys, prepared.sections) if row[column]],
        )


def replace_sections(
    conn: sqlite3.Connection, issue_id: int, page_id: int, entries: Sequence[SectionEntry]
) -> None:
    """Index a page's sections again after its current text changed (inside the caller's transaction).

    Only what changed is written: a section whose row reads the same is left alone, one whose
    text is the same gets its title, source map and corrected places updated without touching
    its tokens, and only sections whose text changed are tokenised again (a keystroke
    re-indexes one section, not the page)."""
    if _on_server(conn):
        return _server().replace_sections(conn, issue_id, page_id, entries)
    stored = {
        row[0]: row[1:]
        for row in conn.execute(
            'SELECT "id", "section", "title", "text", "source_map", "corrected" FROM "search_section" '
            'WHERE "page_id" = ?',
            (page_id,),
        )
    }
    rows = _rows(issue_id, page_id, entries)
    wanted = {row[0] for row in rows}
    gone = [row_key for row_key in stored if row_key not in wanted]
    fresh, updated = [], []
    for row in rows:
        old = stored.get(row[0])
        if old is None:
            fresh.append(row)
        elif old[2] != row[4]:  # the text changed: its tokens too
            gone.append(row[0])
            fresh.append(row)
        elif old != row[2:]:
            updated.append((row[2], row[3], row[5], row[6], row[0]))
    if gone:
        conn.executemany('DELETE FROM "search_section" WHERE "id" = ?', [(k,) for k in gone])
    flush_removed(conn)
    if updated:
        conn.executemany(
            'UPDATE "search_section" SET "section" = ?, "title" = ?, "source_map" = ?, "corrected" = ? '
            'WHERE "id" = ?',
            updated,
        )
    _write_rows(conn, fresh)


def _insert_sections(
    conn: sqlite3.Connection, issue_id: int, page_id: int, entries: Sequence[SectionEntry]
) -> None:
    _write_rows(conn, _rows(issue_id, page_id, entries))


def _rows(issue_id: int, page_id: int, entries: Sequence[SectionEntry]) -> list[tuple]:
    return [
        (
            key(issue_id, page_id, index),
            page_id,
            index,
            entry.title,
            entry.text,
            encode_source(entry.source),
            _encode_positions(entry.corrected),
        )
        for index, entry in enumerate(entries)
    ]


def _write_rows(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    for row in rows:
        _write_tokens(conn, "section", row[0], row[4])
    conn.executemany('INSERT INTO "search_section" VALUES (?, ?, ?, ?, ?, ?, ?)', rows)


def flush_removed(conn: sqlite3.Connection) -> None:
    """Take the rows of deleted sections and pages out of the index."""
    if _on_server(conn):
        return _server().flush_removed(conn)
    removed = conn.execute(
        'SELECT rowid, "key", "kind", "text" FROM "search_removed" ORDER BY rowid'
    ).fetchall()
    pending = _not_indexed_yet(conn) if removed else None
    for _, row_key, kind, text in removed:
        if kind == "raw" and pending is not None and pending[0] < page_of(row_key) <= pending[1]:
            continue  # a rebuild under way has not indexed this page's raw text: nothing to take out
        _write_tokens(conn, kind, row_key, text, delete=True)
    if removed:
        conn.execute('DELETE FROM "search_removed" WHERE rowid <= ?', (removed[-1][0],))


# --- building from what the library holds ---------------------------------------------------

#: ``current(conn, page_id) -> (issue_id, raw, entries)``: a page as the index should see it.
PageSource = Callable[[sqlite3.Connection, int], "tuple[int, str, list[SectionEntry]]"]


class _StoredCorrection(NamedTuple):
    """A correction row as :func:`stored_page` reads it (every row taken as in force)."""

    raw_start: int
    raw_end: int
    replacement: str
    state: str = "in_force"


def stored_page(conn: sqlite3.Connection, page_id: int) -> tuple[int, str, list[SectionEntry]]:
    """A page's issue, raw text and current sections, read with plain SQL (for migrations)."""
    issue_id, raw = conn.execute(
        'SELECT "issue_id", "raw_text" FROM "page" WHERE "id" = ?', (page_id,)
    ).fetchone()
    heads = ", ".join(f'"{name}", "{name}_map"' for name in HEAD_FIELDS)
    section_rows = conn.execute(
        f'SELECT "id", "kind", {heads} FROM "section" WHERE "page_id" = ? ORDER BY "ordinal"', (page_id,)
    ).fetchall()
    sections = []
    for row in section_rows:
        section = Section(kind=row[1])
        for index, name in enumerate(HEAD_FIELDS):
            text, stored = row[2 + 2 * index], row[3 + 2 * index]
            if text is not None:
                setattr(section, name, MappedText(text, sourcemap.decode(stored)))
        section.paragraphs = [
            MappedText(text, sourcemap.decode(stored))
            for text, stored in conn.execute(
                'SELECT "text", "source_map" FROM "paragraph" WHERE "section_id" = ? ORDER BY "ordinal"',
                (row[0],),
            )
        ]
        sections.append(section)
    rows = [
        _StoredCorrection(*row)
        for row in conn.execute(
            'SELECT "raw_start", "raw_end", "replacement" FROM "correction" WHERE "page_id" = ? ORDER BY "id"',
            (page_id,),
        )
    ]
    edits = [Edit(r.raw_start, r.raw_end, r.replacement) for r in without_noops(raw, rows)]
    current = correct_sections(sections, edits, len(raw)) if edits else sections
    return issue_id, raw, current_entries(sections, current, edits)


def current_entries(
    sections: Sequence[Section], current: Sequence[Section], edits: Sequence[Edit]
) -> list[SectionEntry]:
    """Index entries for a page: ``current`` is ``sections`` with the corrections ``edits`` (oldest first) applied."""
    if not edits:
        return section_entries(current)
    originals = {offset for s in sections for t in s.all_texts() for offset in t.source}
    return section_entries(current, effective_edits(edits), originals)


def rebuild(conn: sqlite3.Connection, page_source: PageSource = stored_page) -> None:
    """Index every page afresh (inside the caller's transaction)."""
    if _on_server(conn):
        return _server().rebuild(conn, page_source)
    start_rebuild(conn)
    while rebuild_step(conn, page_source, batch=1 << 30) is not None:
        pass


# --- rebuilding a page at a time, beside the window's work -------------------------------------
#
# A library indexed with other tokens (a new folding table, an upgrade from before the index)
# is indexed again in steps, each its own short transaction, so the window stays usable and
# its writes never wait long: ``start_rebuild`` empties the index and notes the pages to do
# (``search_meta`` 'rebuild': the last page id done and the last page id to do); each
# ``rebuild_step`` indexes the next pages. Until it is done, search finds only the pages
# indexed so far. A page imported meanwhile is indexed by its import; a page edited meanwhile
# gets its sections indexed by the edit and again (replaced) by its step; the raw text of a
# page deleted before its step has no tokens to take out.


def start_rebuild(conn: sqlite3.Connection) -> None:
    """Empty the index and note every page as to be indexed again (inside the caller's transaction)."""
    for kind in KINDS:
        for table in ("chars", "pairs"):
            name = f"search_{kind}_{table}"
            conn.execute(f'INSERT INTO "{name}"("{name}") VALUES (\'delete-all\')')
    conn.execute('DELETE FROM "search_section"')
    conn.execute('DELETE FROM "search_removed"')
    upto = conn.execute('SELECT coalesce(max("id"), 0) FROM "page"').fetchone()[0]
    state = json.dumps({"tokens": _token_fingerprint(), "done": 0, "upto": upto})
    conn.execute('DELETE FROM "search_meta" WHERE "name" = \'tokens\'')
    conn.execute("INSERT OR REPLACE INTO \"search_meta\" VALUES ('rebuild', ?)", (state,))


def _rebuild_state(conn: sqlite3.Connection) -> dict | None:
    row = conn.execute('SELECT "value" FROM "search_meta" WHERE "name" = \'rebuild\'').fetchone()
    return json.loads(row[0]) if row else None


def rebuild_progress(conn: sqlite3.Connection) -> tuple[int, int] | None:
    """(pages indexed again, pages to index in all) while a rebuild is under way, else None."""
    if _on_server(conn):  # a server's index is made in one go (see Library._index_if_folded_differently)
        return None
    state = _rebuild_state(conn)
    if state is None:
        return None
    done, total = conn.execute(
        'SELECT sum("id" <= ?), count(*) FROM "page" WHERE "id" <= ?', (state["done"], state["upto"])
    ).fetchone()
    return int(done or 0), int(total)


def rebuild_step(
    conn: sqlite3.Connection, page_source: PageSource = stored_page, batch: int = 25
) -> tuple[int, int] | None:
    """Index the next ``batch`` pages of the rebuild under way (inside the caller's transaction).

    Returns the progress, or None once every page is indexed (the index is then current).
    """
    state = _rebuild_state(conn)
    if state is None:
        return None
    pages = [
        page_id
        for (page_id,) in conn.execute(
            'SELECT "id" FROM "page" WHERE "id" > ? AND "id" <= ? ORDER BY "id" LIMIT ?',
            (state["done"], state["upto"], batch),
        )
    ]
    for page_id in pages:
        conn.execute('DELETE FROM "search_section" WHERE "page_id" = ?', (page_id,))  # edited meanwhile
        issue_id, raw, entries = page_source(conn, page_id)
        add_page(conn, issue_id, page_id, raw, entries)
    if pages and pages[-1] < state["upto"]:
        state["done"] = pages[-1]
        conn.execute('UPDATE "search_meta" SET "value" = ? WHERE "name" = \'rebuild\'', (json.dumps(state),))
        return rebuild_progress(conn)
    conn.execute('DELETE FROM "search_meta" WHERE "name" = \'rebuild\'')
    conn.execute("INSERT OR REPLACE INTO \"search_meta\" VALUES ('tokens', ?)", (state["tokens"],))
    return None


def _not_indexed_yet(conn: sqlite3.Connection) -> tuple[int, int] | None:
    """The page ids ``(after, upto]`` a rebuild under way has not indexed yet."""
    state = _rebuild_state(conn)
    return None if state is None else (state["done"], state["upto"])


def _token_fingerprint() -> str:
    return f"{TOKEN_FORMAT}:{search_folding.fingerprint()}"


def is_current(conn: sqlite3.Connection) -> bool:
    """Whether the index was made the way this version makes it (same tokens, same folding), whole."""
    if _on_server(conn):
        return _server().is_current(conn)
    row = conn.execute('SELECT "value" FROM "search_meta" WHERE "name" = \'tokens\'').fetchone()
    return row is not None and row[0] == _token_fingerprint()


def is_rebuilding(conn: sqlite3.Connection) -> bool:
    """Whether a rebuild with this version's tokens is under way (``rebuild_step`` carries it on)."""
    if _on_server(conn):
        return False
    state = _rebuild_state(conn)
    return state is not None and state["tokens"] == _token_fingerprint()
