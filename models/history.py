"""The one undo history of a session: annotation operations and proofreading edits alike.

An operation is a :class:`Command`: for every row it touched, the row's state before and after
(``None``: the row does not exist). Undo writes the "before" states back in one transaction,
redo the "after" states. Each part of the core that makes operations registers an *applier*
for its kinds of rows (:func:`register`): annotations register highlights, tags and categories
(:mod:`models.annotations.history`), proofreading registers corrections, structure edits and
page statuses (:mod:`models.proofreading.rows`). The history itself only keeps the stacks; the
library (:meth:`models.library.service.Library.undo`) replays a command through the appliers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

State = Any  # a row's values (a dict), or None when the row does not exist

#: ``(kind, key, state)``: one row to write back.
Target = tuple[str, int, State]
#: Writes the targets of its kinds (the others are left alone), inside the caller's transaction.
Applier = Callable[[Sequence[Target]], None]


@dataclass(frozen=True)
class Change:
    kind: str  # "highlight", "tag", "category", "correction", "structure_edit", "page_status", ...
    key: int
    before: State
    after: State
    #: The page whose current text or structure this change alters (None: no text changes).
    page: int | None = None


@dataclass
class Command:
    """One undoable operation."""

    label: str
    changes: list[Change] = field(default_factory=list)
    #: ``(kind, key)`` -> the version its last application (the step, an undo, a redo) left:
    #: ``("page", id)`` and ``("highlight", id)``. An undo or redo is checked against it.
    versions: dict[tuple[str, int], int] = field(default_factory=dict)

    def page_ids(self) -> set[int]:
        """Pages the operation concerns (its highlights' pages and the pages whose text it changes)."""
        pages = set()
        for change in self.changes:
            if change.page is not None:
                pages.add(change.page)
            elif change.kind == "highlight":
                for state in (change.before, change.after):
                    if state is not None:
                        pages.add(state["row"]["page"])
            elif change.kind == "page_status":  # a page marked done (or back): its page
                pages.add(change.key)
            elif change.kind == "flag_dismissal":  # a checker flag dismissed on that page
                state = change.after or change.before
                if state is not None:
                    pages.add(state["page"])
        return pages

    def text_page_ids(self) -> set[int]:
        """Pages whose current text or structure the operation changes (they re-derive after undo)."""
        return {c.page for c in self.changes if c.page is not None}

    def status_page_ids(self) -> set[int]:
        """Pages whose proofreading status the operation sets (or an edit set in progress)."""
        return {c.key for c in self.changes if c.kind == "page_status"}

    def kinds(self) -> set[str]:
        return {c.kind for c in self.changes}


@dataclass(frozen=True)
class _Registered:
    kinds: frozenset[str]
    applier: Applier
    #: Lower runs first: rows that others refer to (a category before its highlights).
    order: int


_APPLIERS: list[_Registered] = []


def register(kinds: Sequence[str], applier: Applier, order: int = 50) -> None:
    """Let :func:`apply` write rows of these kinds (called once, when a module is imported)."""
    if any(set(kinds) & r.kinds for r in _APPLIERS if r.applier is not applier):
        raise ValueError(f"kinds {sorted(kinds)} already have an applier")
    if any(r.applier is applier for r in _APPLIERS):
        return
    _APPLIERS.append(_Registered(frozenset(kinds), applier, order))
    _APPLIERS.sort(key=lambda r: r.order)


def apply(command: Command, forward: bool) -> None:
    """Write a command's "after" (forward) or "before" states, inside the caller's transaction."""
    targets = [(c.kind, c.key, c.after if forward else c.before) for c in command.changes]
    known: set[str] = set()
    for registered in _APPLIERS:
        mine = [t for t in targets if t[0] in registered.kinds]
        known |= registered.kinds
        if mine:
            registered.applier(mine)
    unknown = {t[0] for t in targets} - known
    if unknown:
        raise ValueError(f"no applier for {sorted(unknown)}")


class History:
    """The undo and redo stacks of one session (not stored: they end with the window)."""

    def __init__(self, depth: int = 500) -> None:
        self.depth = depth
        self._done: list[Command] = []
        self._undone: list[Command] = []
        #: ``(kind, key)`` -> the versions of pages and highlights this session wrote
        self._wrote: dict[tuple[str, int], set[int]] = {}

    def wrote(self, versions: dict[tuple[str, int], int]) -> None:
        """Note versions this session wrote (a step, an operation, an undo or redo)."""
        for key, version in versions.items():
            self._wrote.setdefault(key, set()).add(version)

    def written_here(self, key: tuple[str, int], version: int) -> bool:
        """Whether this session wrote ``version`` of the page or highlight ``key``."""
        return version in self._wrote.get(key, ())

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

    def drop(self, forward: bool) -> None:
        """Forget the step a refused undo (or redo) was for: it can no longer be taken back."""
        (self._undone if forward else self._done).pop()

    def redone(self) -> None:
        self._done.append(self._undone.pop())

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()


def put_row(model: Any, key: int, state: dict[str, Any]) -> None:
    """Write a row back as a snapshot holds it: updated when its id is there, else inserted with
    that id (inside the caller's transaction). ``model`` is a peewee model class."""
    values = {k: v for k, v in state.items() if k != "id"}
    if model.select().where(model.id == key).exists():
        model.update(values).where(model.id == key).execute()
    else:
        model.insert(id=key, **values).execute()


def rows_applier(model: Any) -> Applier:
    """An applier for rows kept whole by id: a None state deletes the row, any other puts it back."""

    def apply_rows(targets: Sequence[Target]) -> None:
        for _kind, key, state in targets:
            if state is None:
                model.delete().where(model.id == key).execute()
            else:
                put_row(model, key, state)

    return apply_rows
