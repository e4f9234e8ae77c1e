"""Undo and redo for annotation operations, as snapshots of the rows an operation touched.

An operation records, for each highlight, tag and category it touches, the row's state before
and after (``None``: the row does not exist). Undo writes the "before" states back in one
transaction, redo the "after" states. A highlight's anchor (offsets, quote, hash) is never
rolled back while the row exists: re-anchoring after a text change is not an operation, and
undoing a recolour must not put a highlight back on words that moved.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from peewee import SqliteDatabase

from models.library.schema import Category, Highlight, HighlightTag, Note, Tag

#: Columns an operation may change on an existing highlight (the anchor is left alone).
USER_FIELDS = ("category", "deleted", "updated")

State = Any  # dict of a row's values (plus "tags"/"note" for highlights), or None


@dataclass(frozen=True)
class Change:
    kind: str  # "highlight", "tag" or "category"
    key: int
    before: State
    after: State


@dataclass
class Command:
    """One undoable operation."""

    label: str
    changes: list[Change] = field(default_factory=list)

    def page_ids(self) -> set[int]:
        pages = set()
        for change in self.changes:
            if change.kind == "highlight":
                for state in (change.before, change.after):
                    if state is not None:
                        pages.add(state["row"]["page"])
        return pages


def snapshot_highlights(ids: Iterable[int]) -> dict[int, State]:
    """The full state of highlights: row, tag ids, note (None for ids that do not exist)."""
    wanted = sorted(set(ids))
    states: dict[int, State] = {i: None for i in wanted}
    if not wanted:
        return states
    for chunk in _chunks(wanted):
        for row in Highlight.select().where(Highlight.id.in_(chunk)).dicts():
            states[row["id"]] = {"row": row, "tags": frozenset(), "note": None}
        for highlight_id, tag_id in (
            HighlightTag.select(HighlightTag.highlight, HighlightTag.tag)
            .where(HighlightTag.highlight.in_(chunk))
            .tuples()
        ):
            state = states[highlight_id]
            state["tags"] = state["tags"] | {tag_id}
        for note in Note.select().where(Note.highlight.in_(chunk)).dicts():
            states[note["highlight"]]["note"] = note
    return states


def snapshot_rows(model: type[Tag] | type[Category], ids: Iterable[int]) -> dict[int, State]:
    wanted = sorted(set(ids))
    states: dict[int, State] = {i: None for i in wanted}
    for chunk in _chunks(wanted):
        for row in model.select().where(model.id.in_(chunk)).dicts():
            states[row["id"]] = row
    return states


def apply(db: SqliteDatabase, command: Command, forward: bool) -> None:
    """Write a command's "after" (forward) or "before" states, parents before children."""
    targets = [(c.kind, c.key, c.after if forward else c.before) for c in command.changes]
    with db.atomic():
        # Rows that must exist go in first (a tag before its links), rows that must not go last.
        for kind, key, state in targets:
            if kind in ("category", "tag") and state is not None:
                _put_row(Category if kind == "category" else Tag, key, state)
        for kind, key, state in targets:
            if kind == "highlight":
                _put_highlight(key, state)
        for kind, key, state in targets:
            if kind in ("category", "tag") and state is None:
                model = Category if kind == "category" else Tag
                model.delete().where(model.id == key).execute()


def _put_row(model: type[Tag] | type[Category], key: int, state: dict[str, Any]) -> None:
    values = {k: v for k, v in state.items() if k != "id"}
    if model.select().where(model.id == key).exists():
        model.update(values).where(model.id == key).execute()
    else:
        model.insert(id=key, **values).execute()


def _put_highlight(key: int, state: State) -> None:
    if state is None:
        Highlight.delete().where(Highlight.id == key).execute()
        return
    row = state["row"]
    if Highlight.select().where(Highlight.id == key).exists():
        Highlight.update({f: row[f] for f in USER_FIELDS}).where(Highlight.id == key).execute()
    else:
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


class History:
    """The undo and redo stacks of one session (not stored: they end with the window)."""

    def __init__(self, depth: int = 500) -> None:
        self.depth = depth
        self._done: list[Command] = []
        self._undone: list[Command] = []

    def push(self, command: Command) -> None:
        if not command.changes:
            return
        self._done.append(command)
        del self._done[: -self.depth]
        self._undone.clear()

    def undo_label(self) -> str | None:
        return self._done[-1].label if self._done else None

    def redo_label(self) -> str | None:
        return self._undone[-1].label if self._undone else None

    def take_undo(self) -> Command | None:
        return self._done[-1] if self._done else None

    def take_redo(self) -> Command | None:
        return self._undone[-1] if self._undone else None

    def undone(self) -> None:
        self._undone.append(self._done.pop())

    def redone(self) -> None:
        self._done.append(self._undone.pop())

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()
