"""Version columns of highlights (issue 13, several writers): the check, and the revisions kept.

Every saved change of a highlight (category, note, tags, span, deleting) adds one to its
``version`` and records who made it (``author``) and a ``highlight_revision`` row with the
state it saved. A change made by someone who read an older version than the library now holds
is refused: its state goes into the revisions as ``conflict`` (kept, never applied), and
:class:`models.errors.EditConflict` names who changed the highlight since, and when.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from models.errors import EditConflict
from models.history import State
from models.library.schema import Category, Highlight, HighlightRevision, Tag, utc_now


def lock(db: Any, ids: Sequence[int]) -> dict[int, tuple[int, str, object]]:
    """Each highlight's (version, author, updated), its row locked until the transaction ends
    (a server's ``FOR UPDATE``; a library file's write lock is the transaction's already)."""
    out: dict[int, tuple[int, str, object]] = {}
    ids = sorted(set(ids))
    suffix = " FOR UPDATE" if getattr(db, "engine", "sqlite") == "postgresql" else ""
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ", ".join("?" * len(chunk))
        rows = db.execute_sql(
            f"SELECT id, version, author, updated FROM highlight WHERE id IN ({marks}) ORDER BY id{suffix}",
            chunk,
        ).fetchall()
        out.update({r[0]: (int(r[1]), r[2], r[3]) for r in rows})
    return out


def set_author(db: Any, ids: Sequence[int], author: str) -> None:
    """Sign the highlights ``ids`` (just made, so at their first version) by ``author``."""
    _sign_rows(db, ids, author, bump_version=False)


def _sign_rows(db: Any, ids: Sequence[int], author: str, *, bump_version: bool) -> None:
    # SQL written here, 500 ids a statement: peewee is slow to write a long IN.
    assign = "version = version + 1, author = ?" if bump_version else "author = ?"
    for i in range(0, len(ids), 500):
        chunk = list(ids[i : i + 500])
        db.execute_sql(
            f"UPDATE highlight SET {assign} WHERE id IN ({', '.join('?' * len(chunk))})", [author, *chunk]
        )


def bump(states: dict[int, State], author: str) -> None:
    """Add one to the version of the highlights whose state changed, signed by ``author``;
    the given "after" states are updated to match."""
    ids = sorted(k for k, v in states.items() if v is not None)
    if not ids:
        return
    _sign_rows(Highlight._meta.database, ids, author, bump_version=True)
    for key in ids:
        row = states[key]["row"]  # type: ignore[index]
        row["version"] = row["version"] + 1
        row["author"] = author


def describe(states: dict[int, State]) -> dict[int, dict[str, Any]]:
    """Each highlight's state as a revision holds it (names, not ids: a tag the change made may
    be rolled back with it)."""
    live = {k: v for k, v in states.items() if v is not None}
    if not live:
        return {}
    categories = dict(Category.select(Category.id, Category.name).tuples())
    tag_ids = {t for v in live.values() for t in v["tags"]}
    tags = dict(Tag.select(Tag.id, Tag.name).where(Tag.id.in_(sorted(tag_ids))).tuples()) if tag_ids else {}
    out = {}
    for key, value in sorted(live.items()):
        row = value["row"]
        note = value["note"]
        out[key] = {
            "version": row["version"],
            "category": categories.get(row["category"], ""),
            "note": note["text"] if note else "",
            "tags": json.dumps(sorted(tags.get(t, "") for t in value["tags"]), ensure_ascii=False),
            "start": row["start"],
            "end": row["end"],
            "exact": row["exact"],
            "deleted": bool(row["deleted"]),
        }
    return out


#: The columns of a revision, in the order :func:`record` writes them.
_REVISION_FIELDS = (
    "highlight",
    "state",
    "author",
    "created",
    "version",
    "category",
    "note",
    "tags",
    "start",
    "end",
    "exact",
    "deleted",
)


def record(described: dict[int, dict[str, Any]], state: str, author: str, ids: bool = True) -> list[int]:
    """Keep each described highlight state as a revision (``saved`` or ``conflict``); their ids
    (``ids=False``: written in one statement, none returned — an import keeps 10,000 at once)."""
    if not described:
        return []
    from models.library.binding import current

    db = current()
    fields = [HighlightRevision._meta.fields[name] for name in _REVISION_FIELDS]
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    sql = f"INSERT INTO {HighlightRevision._meta.table_name} ({columns}) VALUES ({', '.join('?' * len(fields))})"
    now = utc_now()
    rows = [
        [
            f.db_value(v)
            for f, v in zip(fields, (key, state, author, now, *(values[n] for n in _REVISION_FIELDS[4:])))
        ]
        for key, values in sorted(described.items())
    ]
    if not ids:
        db.connection().executemany(sql, rows)
        return []
    # RETURNING, not lastrowid: the same statement serves a file and a server library.
    return [int(db.execute_sql(f'{sql} RETURNING "id"', row).fetchone()[0]) for row in rows]


def conflict(
    stale: Iterable[int], current: dict[int, tuple[int, str, object]], kept: list[int]
) -> EditConflict:
    """The message for a change refused because these highlights changed since they were read."""
    stale = sorted(stale)
    key = max(stale, key=lambda i: str(current[i][2]))
    version, author, when = current[key]
    what = "this highlight" if len(stale) == 1 else f"{len(stale)} of these highlights"
    return EditConflict(
        f"{author or 'someone'} changed {what} at {str(when)[:16]} UTC after you read it; your change "
        "was not applied and is kept in the highlight's history (look at it again, then change it)",
        author,
        when,
        tuple(kept),
        "Yours is kept in the highlight's history; the highlight now shows theirs.",
    )


def revisions(highlight_id: int) -> list[dict[str, Any]]:
    """The kept states of a highlight, oldest first (``state``: saved or conflict)."""
    query = (
        HighlightRevision.select()
        .where(HighlightRevision.highlight == highlight_id)
        .order_by(HighlightRevision.id)
        .dicts()
    )
    out = []
    for row in query:
        row = dict(row)
        row["tags"] = tuple(json.loads(row["tags"] or "[]"))
        row["deleted"] = bool(row["deleted"])
        out.append(row)
    return out
