"""Undo and redo: the session's steps taken back and forward, checked like a normal edit.

Methods of :class:`models.library.service.Library` (mixin :class:`UndoOps`). Any step of the
session's history (a correction, a structure edit, an annotation operation) is replayed through
the appliers registered with :mod:`models.history`; pages whose text it touches re-derive and
their highlights follow. Each replay is a new version of its pages and highlights, and is
refused when someone else changed the same words or highlights since (:mod:`.takeback`).
"""

from __future__ import annotations

from typing import Any

from peewee import IntegrityError

from models import history as shared
from models.errors import EditConflict
from models.history import Change, Command
from models.proofreading import takeback
from models.proofreading.desk import ProofDesk
from models.proofreading.highlights import Followed
from models.proofreading.structure import StructureSpec
from models.refusals import Refused


class _Refused(Exception):
    """Rolls back an undo or redo that someone else's change since refuses."""


class UndoOps(ProofDesk):
    """Undo and redo of the session's steps."""

    def can_undo(self) -> bool:
        return self.history.undo_label() is not None

    def can_redo(self) -> bool:
        return self.history.redo_label() is not None

    def undo(self) -> Command | None:
        """Undo the last step of the session (a correction, a structure edit or an annotation
        operation); pages whose text it touched re-derive and their highlights follow. None
        when there is nothing to undo. Refused (:class:`EditConflict`, the step leaves the
        stack) when someone else changed the same words or highlights since (:mod:`.takeback`)."""
        command = self.history.take_undo()
        if command is None:
            return None
        self._replay(command, forward=False)
        self.history.undone()
        self._notify(command)
        return command

    def redo(self) -> Command | None:
        """Redo the last undone step (None when there is nothing to redo); checked as :meth:`undo`."""
        command = self.history.take_redo()
        if command is None:
            return None
        self._replay(command, forward=True)
        self.history.redone()
        self._notify(command)
        return command

    def _replay(self, command: Command, forward: bool) -> None:
        pages = command.text_page_ids()
        restructured = {c.page for c in command.changes if c.kind == "structure_edit"}
        refusal = takeback.Refusal()
        derived: list[Any] = []
        try:
            with self._db.atomic():
                # New versions first: on a server this locks the pages' rows for the check.
                new = takeback.bump_pages(pages)
                refusal = takeback.check(self._db, self.history, command, forward, new)
                if refusal:
                    raise _Refused
                befores = {p: self._snapshot(p) for p in pages}
                shared.apply(command, forward)
                takeback.stamp_rows(command, new)
                exact: dict[int, dict[int, tuple[int, int] | None]] = {}
                for change in command.changes:
                    if change.kind == "anchor":
                        state = change.after if forward else change.before
                        exact.setdefault(state["page"], {})[change.key] = (
                            tuple(state["raw"]) if state["raw"] is not None else None
                        )
                derived = [
                    self._derive(
                        page_id, befores[page_id], page_id in restructured, Followed(), exact.get(page_id)
                    )
                    for page_id in sorted(pages)
                ]
                written = {("page", p): v for p, v in new.items()} | takeback.highlight_versions_now(command)
        except _Refused:
            pass  # nothing written: what the undo would have written is kept below
        except IntegrityError:
            # The rows were changed behind the history's back (a page deleted, an import).
            self.history.clear()
            raise Refused(
                "redo_library_changed" if forward else "undo_library_changed", command.label
            ) from None
        if refusal:
            self.history.drop(forward)
            self._keep_refused(command, forward, refusal)
        command.versions.update(written)
        self.history.wrote(written)
        for content in derived:
            self._remember_page(content)

    def _keep_refused(self, command: Command, forward: bool, refusal: takeback.Refusal) -> None:
        """Keep what a refused undo or redo would have written in the history; raise EditConflict."""
        from models.annotations.history import snapshot_highlights

        doing = "redo" if forward else "undo"
        pages = sorted(
            {
                c.page
                for c in command.changes
                if c.kind in ("correction", "structure_edit") and c.page is not None
            }
        )
        try:
            self._keep_in_step(command, forward, refusal, doing, pages)
        except EditConflict:
            if refusal.highlights:  # views read the highlights as the colleague left them
                now = snapshot_highlights(refusal.highlights)
                self._notify(
                    Command(
                        "conflict", [Change("highlight", k, now[k], now[k]) for k in sorted(now) if now[k]]
                    )
                )
            raise

    def _keep_in_step(
        self, command: Command, forward: bool, refusal: takeback.Refusal, doing: str, pages: list[int]
    ) -> None:
        from models.annotations import versions as highlight_versions

        kept: list[int] = []
        mine: list[str] = []
        with self._step(f"{doing} {command.label}") as rec:
            for page_id in pages:
                raw = self._enter_page(rec, page_id).layout.raw
                for edit in takeback.kept_texts(command, forward, page_id, raw, self.history):
                    kept.append(
                        self._add_correction(
                            rec, page_id, edit.raw_start, edit.raw_end, edit.replacement, state="reverted"
                        )
                    )
                    mine.append(f"“{raw[edit.raw_start : edit.raw_end]}” → “{edit.replacement}”")
                parsed = self._parsed(page_id, raw).sections
                for state in takeback.kept_structure(command, forward, page_id, parsed, self.history):
                    kept.append(
                        self._add_structure(
                            rec,
                            page_id,
                            StructureSpec(
                                state["kind"], state["raw_start"], state["raw_end"], state["value"]
                            ),
                            state="reverted",
                        )
                    )
                    mine.append(f"a {state['kind']} edit")
            states = takeback.kept_highlights(command, forward)
            if states:
                kept += highlight_versions.record(highlight_versions.describe(states), "conflict", rec.author)
            rec.conflict = takeback.conflict(command, doing, refusal, mine, tuple(kept))
