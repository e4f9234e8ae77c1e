"""Snapshots of proofreading rows for undo and redo, and writing them back.

Kinds: ``edit_batch``, ``correction``, ``structure_edit`` (rows by id) and ``page_status``
(keyed by page id, state ``{"status": ...}``). Registered with :mod:`models.history`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from models import history
from models.history import State, Target
from models.library.schema import Correction, EditBatch, LibraryModel, Page, StructureEdit

ROW_MODELS: dict[str, type[LibraryModel]] = {
    "edit_batch": EditBatch,
    "correction": Correction,
    "structure_edit": StructureEdit,
}
KINDS = (*ROW_MODELS, "page_status")


def snapshot(kind: str, ids: Iterable[int]) -> dict[int, State]:
    """The rows' values now (None for ids that do not exist)."""
    wanted = sorted(set(ids))
    states: dict[int, State] = {i: None for i in wanted}
    for chunk in range(0, len(wanted), 500):
        part = wanted[chunk : chunk + 500]
        if kind == "page_status":
            for page_id, status in Page.select(Page.id, Page.status).where(Page.id.in_(part)).tuples():
                states[page_id] = {"status": status}
        else:
            model = ROW_MODELS[kind]
            for row in model.select().where(model.id.in_(part)).dicts():
                states[row["id"]] = row
    return states


def _apply(targets: Sequence[Target]) -> None:
    """Batches before the corrections that refer to them; removals in the reverse order."""
    for kind, key, state in targets:
        if kind == "page_status" and state is not None:
            Page.update(status=state["status"]).where(Page.id == key).execute()
    for kind in ("edit_batch", "correction", "structure_edit"):
        for k, key, state in targets:
            if k == kind and state is not None:
                history.put_row(ROW_MODELS[kind], key, state)
    for kind in ("structure_edit", "correction", "edit_batch"):
        for k, key, state in targets:
            if k == kind and state is None:
                model = ROW_MODELS[kind]
                model.delete().where(model.id == key).execute()


def _anchors(targets: Sequence[Target]) -> None:
    """Highlights' places are put back after the page re-derives (see ``ProofDesk._replay``)."""


history.register(KINDS, _apply, order=5)
history.register(("anchor",), _anchors, order=90)
