"""Library-wide search over paragraph text.

Queries of three or more characters use the FTS5 trigram index (it finds any substring,
which is what Chinese needs: there are no spaces to split words on). Trigrams cannot
index one- or two-character queries (一个字, 两字词 such as 春耕), so those scan the
paragraphs with LIKE. Either way the hits are then located in Python, so offsets are
code points into the paragraph's text and every occurrence in a paragraph is a hit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peewee import SqliteDatabase

from models.library import sourcemap

#: Characters of context shown on each side of a hit.
CONTEXT = 20
#: Shortest query the trigram index can answer.
TRIGRAM = 3


@dataclass(frozen=True)
class SearchHit:
    """One occurrence of the query: where it is and the words around it.

    ``offset`` is in code points into the paragraph's text; ``raw_offset`` is the same
    character's offset in the page's raw text (for the raw view).
    """

    issue_id: int
    issue_title: str
    page_id: int
    page_name: str
    page_number: int | None
    section_id: int
    section_ordinal: int
    section_title: str
    paragraph_id: int
    paragraph_ordinal: int
    offset: int
    length: int
    raw_offset: int
    before: str
    match: str
    after: str

    @property
    def context(self) -> str:
        """The hit in its sentence, with … where the paragraph goes on."""
        return f"{self.before}{self.match}{self.after}"


_SELECT = """
SELECT p.id, p.ordinal, p.text, p.source_map, s.id, s.ordinal,
       coalesce(s.heading, s.kicker, s.subheading, ''), g.id, g.name, g.number, i.id, i.title
FROM {source}
JOIN section s ON s.id = p.section_id
JOIN page g ON g.id = s.page_id
JOIN issue i ON i.id = g.issue_id
WHERE {condition}
ORDER BY i.id, g.position, g.id, s.ordinal, p.ordinal
LIMIT ?
"""


def _fts_phrase(query: str) -> str:
    """The query as one FTS5 string literal: matched as a substring, operators inert."""
    return '"' + query.replace('"', '""') + '"'


def _like_pattern(query: str) -> str:
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search(db: SqliteDatabase, query: str, limit: int = 500) -> list[SearchHit]:
    """Every occurrence of ``query`` in the library's paragraphs, in library order (at most ``limit``)."""
    query = query.strip()
    if not query or limit <= 0:
        return []
    if len(query) >= TRIGRAM:
        sql = _SELECT.format(
            source="paragraph_fts f JOIN paragraph p ON p.id = f.rowid", condition="paragraph_fts MATCH ?"
        )
        params: tuple[object, ...] = (_fts_phrase(query), limit)
    else:
        sql = _SELECT.format(source="paragraph p", condition="p.text LIKE ? ESCAPE '\\'")
        params = (_like_pattern(query), limit)
    # Case-insensitive like the index (iPhone finds IPHONE); offsets stay those of the text.
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    hits: list[SearchHit] = []
    for row in db.execute_sql(sql, params).fetchall():
        (
            p_id,
            p_ordinal,
            text,
            stored_map,
            s_id,
            s_ordinal,
            s_title,
            g_id,
            g_name,
            g_number,
            i_id,
            i_title,
        ) = row
        source: list[int] | None = None
        for found in pattern.finditer(text):
            if source is None:
                source = sourcemap.decode(stored_map)
            start, end = found.span()
            hits.append(
                SearchHit(
                    issue_id=i_id,
                    issue_title=i_title,
                    page_id=g_id,
                    page_name=g_name,
                    page_number=g_number,
                    section_id=s_id,
                    section_ordinal=s_ordinal,
                    section_title=s_title,
                    paragraph_id=p_id,
                    paragraph_ordinal=p_ordinal,
                    offset=start,
                    length=end - start,
                    raw_offset=source[start] if start < len(source) else -1,
                    before=("…" if start > CONTEXT else "") + text[max(0, start - CONTEXT) : start],
                    match=text[start:end],
                    after=text[end : end + CONTEXT] + ("…" if end + CONTEXT < len(text) else ""),
                )
            )
            if len(hits) >= limit:
                return hits
    return hits
