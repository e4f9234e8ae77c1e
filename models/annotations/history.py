"""Undo and redo for annotation operations, as snapshots of the rows an operation touched.

The stacks and the command records are shared with proofreading (:mod:`models.history`);
this module snapshots and writes back the annotation rows.

An operation records, for each highlight, tag and category it touches, the row's state before
and after (``None``: the row does not exist). Undo writes the "before" states back in one
transaction, redo the "after" states. A highlight's anchor (offsets, quote, hash) is never
rolled back while the row exists: re-anchoring after a text change is not an operation, and
undoing a recolour must not put a highlight back on words that moved.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from peewee import Field, Model, SqliteDatabase

from models import history as shared
from models.history import Change, Command, History, State, Target
from models.library.binding import current
from models.library.schema import Category, Highlight, HighlightTag, Note, Tag
from models.library.schema import Section as SectionRow

__all__ = ["Change", "Command", "History", "State", "apply", "snapshot_highlights", "snapshot_rows"]

#: Columns an operation may change on an existing highlight (the anchor is left alone).
USER_FIELDS = ("category", "deleted", "updated")


def snapshot_highlights(ids: Iterable[int]) -> dict[int, State]:
    """The full state of highlights: row, tag ids, note (None for ids that do not exist)."""
    wanted = sorted(set(ids))
    states: dict[int, State] = {i: None for i in wanted}
    if not wanted:
        return states
    db = current()
    for chunk in _chunks(wanted):
        for row in _rows(Highlight, Highlight.id, chunk):
            states[row["id"]] = {"row": row, "tags": frozenset(), "note": None}
        marks = ", ".join("?" * len(chunk))
        for highlight_id, tag_id in db.execute_sql(
            f"SELECT highlight_id, tag_id FROM highlight_tag WHERE highlight_id IN ({marks})", chunk
        ):
            state = states[highlight_id]
            state["tags"] = state["tags"] | {tag_id}
        for note in _rows(Note, Note.highlight, chunk):
            states[note["highlight"]]["note"] = note
    return states


def _rows(model: type[Model], column: Field, values: list[int]) -> Iterator[dict[str, Any]]:
    """``model.select().where(column.in_(values)).dicts()``, its SQL written here (peewee takes
    longer to write an ``IN`` of 500 values than SQLite to answer it): the same dicts."""
    fields = model._meta.sorted_fields
    names = ", ".join(f'"{f.column_name}"' for f in fields)
    sql = (
        f'SELECT {names} FROM "{model._meta.table_name}" '
        f'WHERE "{column.column_name}" IN ({", ".join("?" * len(values))})'
    )
    converters = [f.python_value for f in fields]
    keys = [f.name for f in fields]
    for raw in current().execute_sql(sql, values):
        yield {key: convert(value) for key, convert, value in zip(keys, converters, raw, strict=True)}


def snapshot_rows(model: type[Tag] | type[Category], ids: Iterable[int]) -> dict[int, State]:
    wanted = sorted(set(ids))
    states: dict[int, State] = {i: None for i in wanted}
    for chunk in _chunks(wanted):
        for row in model.select().where(model.id.in_(chunk)).dicts():
            states[row["id"]] = row
    return states


def apply(db: SqliteDatabase, command: Command, forward: bool) -> None:
    """Write a command's "after" (forward) or "before" states in one transaction (any kinds)."""
    with db.atomic():
        shared.apply(command, forward)


def _apply_targets(targets: Sequence[Target]) -> None:
    """Write highlights, tags and categories back, parents before children."""
    # Rows that must exist go in first (a tag before its links), rows that must not go last.
    for kind, key, state in targets:
        if kind in ("category", "tag") and state is not None:
            shared.put_row(Category if kind == "category" else Tag, key, state)
    for kind, key, state in targets:
        if kind == "highlight":
            _put_highlight(key, state)
    for kind, key, state in targets:
        if kind in ("category", "tag") and state is None:
            model = Category if kind == "category" else Tag
            model.delete().where(model.id == key).execute()


def _put_highlight(key: int, state: State) -> None:
    if state is None:
        Highlight.delete().where(Highlight.id == key).execute()
        return
    row = state["row"]
    if Highlight.select().where(Highlight.id == key).exists():
        # A new version (undo and redo are changes too), so colleagues' older reads are refused.
        Highlight.update({**{f: row[f] for f in USER_FIELDS}, "version": Highlight.version + 1}).where(
            Highlight.id == key
        ).execute()
    else:
        if (
            row["section"] is not None
            and not SectionRow.select().where(SectionRow.id == row["section"]).exists()
        ):
            # Its section was rebuilt since (a structure edit, a re-parse): it finds its words by quote.
            row = {**row, "section": None}
        Highlight.insert(row).execute()
    have = set(HighlightTag.select(HighlightTag.tag).where(HighlightTag.highlight == key).tuples())
    have_ids = {t for (t,) in have}
    want = set(state["tags"])
    if have_ids - want:
        HighlightTag.delete().where(
            (HighlightTag.highlight == key) & (HighlightTag.tag.in_(sorted(have_ids - want)))
        ).execute()
    if want - have_ids:
        HighlightTag.insert_many([{"highlight": key, "tag": t} for t in sorted(want - have_ids)]).execute()
    note = state["note"]
    Note.delete().where(Note.highlight == key).execute()
    if note is not None:
        Note.insert(note).execute()


def _chunks(ids: list[int], size: int = 500) -> Iterable[list[int]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


shared.register(("category", "tag", "highlight"), _apply_targets, order=10)
