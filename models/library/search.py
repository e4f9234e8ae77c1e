"""Library-wide search over paragraphs and section heads (kicker, heading, subheading, byline).

Queries of three or more characters use the FTS5 trigram indexes (they find any
substring, which is what Chinese needs: there are no spaces to split words on).
Trigrams cannot index one- or two-character queries (一个字, 两字词 such as 春耕), so
those scan the texts with LIKE. Either way the hits are then located in Python, so
offsets are code points into the text and every occurrence is a hit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from peewee import SqliteDatabase

from models.library import sourcemap
from models.library.schema import HEAD_COLUMNS

#: Characters of context shown on each side of a hit.
CONTEXT = 20
#: Shortest query the trigram index can answer.
TRIGRAM = 3


@dataclass(frozen=True)
class SearchHit:
    """One occurrence of the query: where it is and the words around it.

    ``field`` is ``"paragraph"`` or the head it is in (``"heading"``, ``"kicker"``, ...);
    ``paragraph_id``/``paragraph_ordinal`` are ``None`` for a head. ``offset`` is in code
    points into that text; ``raw_offset`` is the same character's offset in the page's
    raw text (for the raw view and for opening the page at the hit).
    """

    issue_id: int
    issue_title: str
    page_id: int
    page_name: str
    page_number: int | None
    section_id: int
    section_ordinal: int
    section_title: str
    field: str
    paragraph_id: int | None
    paragraph_ordinal: int | None
    offset: int
    length: int
    raw_offset: int
    before: str
    match: str
    after: str
    _order: tuple[int, ...] = dataclass_field(default=(), repr=False, compare=False)

    @property
    def context(self) -> str:
        """The hit in its sentence, with … where the text goes on."""
        return f"{self.before}{self.match}{self.after}"


_WHERE = """
JOIN page g ON g.id = s.page_id
JOIN issue i ON i.id = g.issue_id
WHERE {condition}
ORDER BY i.id, g.position, g.id, s.ordinal{then}
LIMIT ?
"""
_PLACE = "g.id, g.name, g.number, g.position, i.id, i.title, s.id, s.ordinal, coalesce(s.heading, s.kicker, s.subheading, '')"
_PARAGRAPHS = (
    f"SELECT {_PLACE}, p.id, p.ordinal, p.text, p.source_map FROM {{source}} "
    "JOIN section s ON s.id = p.section_id" + _WHERE
)
_HEADS = (
    f"SELECT {_PLACE}, "
    + ", ".join(f"s.{name}, s.{name}_map" for name in HEAD_COLUMNS)
    + " FROM {source}"
    + _WHERE
)


def _fts_phrase(query: str) -> str:
    """The query as one FTS5 string literal: matched as a substring, operators inert."""
    return '"' + query.replace('"', '""') + '"'


def _like_pattern(query: str) -> str:
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search(db: SqliteDatabase, query: str, limit: int = 500) -> list[SearchHit]:
    """Every occurrence of ``query`` in the library's texts, in reading order (at most ``limit``)."""
    query = query.strip()
    if not query or limit <= 0:
        return []
    if len(query) >= TRIGRAM:
        phrase = _fts_phrase(query)
        paragraphs = _PARAGRAPHS.format(
            source="paragraph_fts f JOIN paragraph p ON p.id = f.rowid",
            condition="paragraph_fts MATCH ?",
            then=", p.ordinal",
        )
        heads = _HEADS.format(
            source="section_fts f JOIN section s ON s.id = f.rowid", condition="section_fts MATCH ?", then=""
        )
        p_params: tuple[object, ...] = (phrase, limit)
        h_params: tuple[object, ...] = (phrase, limit)
    else:
        like = _like_pattern(query)
        paragraphs = _PARAGRAPHS.format(
            source="paragraph p", condition="p.text LIKE ? ESCAPE '\\'", then=", p.ordinal"
        )
        condition = " OR ".join(f"s.{name} LIKE ? ESCAPE '\\'" for name in HEAD_COLUMNS)
        heads = _HEADS.format(source="section s", condition=condition, then="")
        p_params = (like, limit)
        h_params = (*([like] * len(HEAD_COLUMNS)), limit)
    # Case-insensitive like the index (iPhone finds IPHONE); offsets stay those of the text.
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    hits: list[SearchHit] = []
    for row in db.execute_sql(heads, h_params).fetchall():
        place, texts = row[:9], row[9:]
        for rank, name in enumerate(HEAD_COLUMNS):
            text, stored = texts[2 * rank], texts[2 * rank + 1]
            if text:
                hits.extend(_hits(place, name, None, None, rank, text, stored, pattern))
    for row in db.execute_sql(paragraphs, p_params).fetchall():
        place, (p_id, p_ordinal, text, stored) = row[:9], row[9:]
        rank = len(HEAD_COLUMNS) + p_ordinal
        hits.extend(_hits(place, "paragraph", p_id, p_ordinal, rank, text, stored, pattern))
    hits.sort(key=lambda h: h._order)
    return hits[:limit]


def _hits(
    place: tuple,
    field_name: str,
    paragraph_id: int | None,
    paragraph_ordinal: int | None,
    rank: int,
    text: str,
    stored_map: str,
    pattern: re.Pattern[str],
) -> list[SearchHit]:
    g_id, g_name, g_number, g_position, i_id, i_title, s_id, s_ordinal, s_title = place
    source: list[int] | None = None
    found = []
    for match in pattern.finditer(text):
        if source is None:
            source = sourcemap.decode(stored_map)
        start, end = match.span()
        found.append(
            SearchHit(
                issue_id=i_id,
                issue_title=i_title,
                page_id=g_id,
                page_name=g_name,
                page_number=g_number,
                section_id=s_id,
                section_ordinal=s_ordinal,
                section_title=s_title,
                field=field_name,
                paragraph_id=paragraph_id,
                paragraph_ordinal=paragraph_ordinal,
                offset=start,
                length=end - start,
                raw_offset=source[start] if start < len(source) else -1,
                before=("…" if start > CONTEXT else "") + text[max(0, start - CONTEXT) : start],
                match=text[start:end],
                after=text[end : end + CONTEXT] + ("…" if end + CONTEXT < len(text) else ""),
                _order=(i_id, g_position, g_id, s_ordinal, rank, start),
            )
        )
    return found
