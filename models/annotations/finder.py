"""Finding highlights for the annotations panel: one page or the whole library, filtered, sorted.

:func:`find_ids` answers a :class:`Filter` with highlight ids in order, in one SQL query;
the panel then loads records only for the rows it shows (:func:`load_records`), so a library
of 100,000 highlights filters without building 100,000 objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from peewee import SqliteDatabase

from models.annotations.records import HighlightInfo

SORTS = ("position", "created", "updated", "category", "quote")


@dataclass(frozen=True)
class Filter:
    """What the panel asks for. Empty fields do not filter."""

    #: One page, or one issue, or (both None) the whole library.
    page_id: int | None = None
    issue_id: int | None = None
    category_ids: frozenset[int] = frozenset()
    #: A highlight must carry every one of these tags.
    tag_ids: frozenset[int] = frozenset()
    #: Words in the quote or in the note (case-insensitive for Latin letters).
    text: str = ""
    #: Made on or after / on or before these days (UTC).
    since: date | None = None
    until: date | None = None
    #: "all", "anchored" or "unanchored".
    anchoring: str = "all"
    deleted: bool = False
    sort: str = "position"
    descending: bool = False


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _order(sort: str, descending: bool) -> str:
    """ORDER BY terms; descending is the ascending order exactly reversed (ties end on the id)."""
    if sort == "created":
        terms = ["h.created", "h.id"]
    elif sort == "updated":
        terms = ["h.updated", "h.id"]
    elif sort == "category":
        terms = ["c.position", "h.page_id", "s.ordinal", "h.start", "h.id"]
    elif sort == "quote":
        terms = ["h.exact", "h.id"]
    else:
        # Reading order: issue date (undated last), page order, section (unanchored last), offset.
        terms = [
            "i.date IS NULL",
            "i.date",
            "p.issue_id",
            "p.position",
            "p.id",
            "s.ordinal IS NULL",
            "s.ordinal",
        ]
        terms += ["h.start", "h.id"]
    way = " DESC" if descending else ""
    return ", ".join(term + way for term in terms)


def find_ids(db: SqliteDatabase, query: Filter) -> list[int]:
    """Ids of the highlights that pass ``query``, in its order."""
    if query.sort not in SORTS:
        raise ValueError(f"unknown sort {query.sort!r}")
    where = ["h.deleted = ?"]
    params: list[object] = [1 if query.deleted else 0]
    joins = []
    if query.page_id is not None:
        where.append("h.page_id = ?")
        params.append(query.page_id)
    if query.issue_id is not None:
        where.append("p.issue_id = ?")
        params.append(query.issue_id)
    if query.category_ids:
        ids = sorted(query.category_ids)
        where.append(f"h.category_id IN ({', '.join('?' * len(ids))})")
        params.extend(ids)
    for tag_id in sorted(query.tag_ids):
        where.append("EXISTS (SELECT 1 FROM highlight_tag ht WHERE ht.highlight_id = h.id AND ht.tag_id = ?)")
        params.append(tag_id)
    if query.text.strip():
        pattern = _like(query.text.strip())
        joins.append("LEFT JOIN note n ON n.highlight_id = h.id")
        where.append("(h.exact LIKE ? ESCAPE '\\' OR n.text LIKE ? ESCAPE '\\')")
        params.extend([pattern, pattern])
    if query.since is not None:
        where.append("h.created >= ?")
        params.append(datetime.combine(query.since, datetime.min.time()).isoformat(" "))
    if query.until is not None:
        where.append("h.created < ?")
        params.append(datetime.combine(query.until + timedelta(days=1), datetime.min.time()).isoformat(" "))
    if query.anchoring in ("anchored", "unanchored"):
        where.append("h.anchor_state = ?")
        params.append(query.anchoring)
    needs_page = query.issue_id is not None or query.sort in ("position", "category")
    if needs_page:
        joins.append("JOIN page p ON p.id = h.page_id")
    if query.sort == "position":
        joins.append("JOIN issue i ON i.id = p.issue_id")
    if query.sort in ("position", "category"):
        joins.append("LEFT JOIN section s ON s.id = h.section_id")
    if query.sort == "category":
        joins.append("JOIN category c ON c.id = h.category_id")
    sql = (
        f"SELECT h.id FROM highlight h {' '.join(joins)} WHERE {' AND '.join(where)} "
        f"ORDER BY {_order(query.sort, query.descending)}"
    )
    return [row[0] for row in db.execute_sql(sql, params).fetchall()]


_RECORD_SQL = """
SELECT h.id, h.uuid, h.page_id, h.section_id, h.start, h."end", h.exact, h.prefix, h.suffix,
  h.text_hash, h.category_id, h.created, h.updated, h.deleted, h.anchor_state,
  h.version, h.author, n.text, p.issue_id, p.name, p.number, s.ordinal
FROM highlight h
JOIN page p ON p.id = h.page_id
LEFT JOIN note n ON n.highlight_id = h.id
LEFT JOIN section s ON s.id = h.section_id
"""

_TAGS_SQL = """
SELECT ht.highlight_id, t.name FROM highlight_tag ht JOIN tag t ON t.id = ht.tag_id
"""


def load_records(db: SqliteDatabase, ids: Sequence[int]) -> list[HighlightInfo]:
    """Records for highlight ids, in the order given (ids that no longer exist are left out)."""
    by_id: dict[int, HighlightInfo] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        marks = ", ".join("?" * len(chunk))
        rows = db.execute_sql(f"{_RECORD_SQL} WHERE h.id IN ({marks})", chunk).fetchall()
        tags = db.execute_sql(f"{_TAGS_SQL} WHERE ht.highlight_id IN ({marks}) ORDER BY t.name", chunk)
        by_id.update(_records(rows, tags.fetchall()))
    return [by_id[i] for i in ids if i in by_id]


def page_records(db: SqliteDatabase, page_id: int, deleted: bool = False) -> list[HighlightInfo]:
    """Every live (or every deleted) highlight of a page, in reading order."""
    rows = db.execute_sql(
        f'{_RECORD_SQL} WHERE h.page_id = ? AND h.deleted = ? ORDER BY s.ordinal, h.start, h."end", h.id',
        (page_id, 1 if deleted else 0),
    ).fetchall()
    tags = db.execute_sql(
        f"{_TAGS_SQL} JOIN highlight h ON h.id = ht.highlight_id WHERE h.page_id = ? ORDER BY t.name",
        (page_id,),
    ).fetchall()
    return list(_records(rows, tags).values())


def _records(rows: list[tuple], tag_rows: list[tuple]) -> dict[int, HighlightInfo]:
    tags: dict[int, list[str]] = {}
    for highlight_id, name in tag_rows:
        tags.setdefault(highlight_id, []).append(name)
    out: dict[int, HighlightInfo] = {}
    # One record a highlight, 1,000 on a busy page at each open: locals, and no call per timestamp.
    make = HighlightInfo.from_values
    parse = datetime.fromisoformat
    for row in rows:
        (hid, uuid, page_id, section_id, start, end, exact, prefix, suffix, text_hash, category_id,
         created, updated, deleted, state, version, author, note, issue_id, page_name, page_number, ordinal) = row  # fmt: skip
        label = page_name or (f"{page_number}" if page_number is not None else f"#{page_id}")
        out[hid] = make(
            (hid, uuid, page_id, section_id, start, end, exact, prefix, suffix, text_hash, category_id,
             created if isinstance(created, datetime) else parse(str(created)),
             updated if isinstance(updated, datetime) else parse(str(updated)),
             bool(deleted), state != "unanchored", tuple(tags.get(hid, ())), note or "", issue_id, label, ordinal,
             version, author)
        )  # fmt: skip
    return out
