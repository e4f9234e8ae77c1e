"""The machinery under every proofreading step: one transaction, one undo step, highlights kept.

:class:`ProofDesk` is a mixin of :class:`models.library.service.Library`. A step
(:meth:`ProofDesk._step`) snapshots the pages it edits, lets the body write correction and
structure rows, rebuilds the stored sections of pages whose structure changed (the parser's
sections of the raw text, then the structure edits in force, oldest first), moves the pages'
highlights with their words, marks an unchecked (or done) page in progress, calls ``_page_changed``
for each page, all in one transaction; then records the step in the session's history and
tells listeners. Undo and redo (:meth:`ProofDesk.undo`) replay any step of that history,
annotation operations included, and re-derive the pages whose text they touch.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from peewee import SqliteDatabase

import models.proofreading.rows as rows
from models.errors import DubaoError, EditConflict
from models.history import Change, Command, History
from models.library import sections as stored
from models.library.corrections import Edit, check_edit, effective_edits, without_noops
from models.library.records import CorrectionInfo, from_row
from models.library.schema import Correction, EditBatch, Page, StructureEdit, utc_now
from models.proofreading.highlights import Followed, PageSnapshot, follow, put_back, stored_anchors
from models.proofreading.layout import PageLayout, layout_of
from models.proofreading.records import CorrectedMark, EditResult, StructureEditInfo
from models.proofreading.spans import Plan
from models.proofreading.structure import StructureSpec, apply_structure
from models.refusals import Refused
from models.section import ParsedPage

Listener = Callable[[Command], None]


class _StepRecording:
    """What a step touches: row states before it, the pages it edits, the batch it writes under."""

    def __init__(self, author: str, label: str) -> None:
        self.author = author
        self.label = label
        self.before: dict[str, dict[int, Any]] = {kind: {} for kind in rows.KINDS}
        self.pages: dict[int, PageSnapshot] = {}
        self.restructured: set[int] = set()
        self.batch_id: int | None = None
        #: when the batch was made; a row set aside as it is inserted is reverted at this very
        #: time (Page History tells an import's clash from a later revert by equality)
        self.batch_created: datetime | None = None
        self.followed = Followed()
        self.spans: dict[int, dict[int, tuple[tuple[int, int] | None, tuple[int, int] | None]]] = {}
        #: page id -> the page's version this step writes (one more than it was)
        self.versions: dict[int, int] = {}
        #: set when the step kept a conflicting change in the history instead of applying it
        self.conflict: EditConflict | None = None

    def touch(self, kind: str, ids: Iterable[int]) -> None:
        new = [i for i in ids if i not in self.before[kind]]
        if new:
            self.before[kind].update(rows.snapshot(kind, new))

    def made(self, kind: str, key: int) -> None:
        self.before[kind].setdefault(key, None)

    def batch(self) -> int:
        """The step's batch (created on first use)."""
        if self.batch_id is None:
            self.batch_created = utc_now()
            self.batch_id = int(
                EditBatch.insert(label=self.label, author=self.author, created=self.batch_created).execute()
            )
            self.made("edit_batch", self.batch_id)
        return self.batch_id


def resolve_author(
    cli: str | None = None, preference: str | None = None, database_role: str | None = None
) -> str:
    """Who is editing: ``--author``, else the name set in Preferences, else the database role
    (a server library, issue 13), else the system user."""
    for name in (cli, preference, database_role):
        if name and name.strip():
            return name.strip()
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in the environment: stay anonymous
        return ""


class ProofDesk:
    """Steps, undo/redo and listeners (mixed into the Library)."""

    _db: SqliteDatabase
    history: History
    _listeners: list[Listener]

    # --- things the Library provides ---------------------------------------------------------
    def page(self, page_id: int) -> Any:  # pragma: no cover - provided by the Library
        raise NotImplementedError

    def _page_changed(self, page_id: int, content: Any = None) -> None:  # pragma: no cover
        raise NotImplementedError  # provided by the Library

    def _remember_page(self, content: Any) -> None:  # pragma: no cover - provided by the Library
        raise NotImplementedError

    # --- listening ---------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(command)`` after every committed proofreading step, and after every
        undo and redo (of any operation); ``command.page_ids()`` says which pages to refresh."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _notify(self, command: Command) -> None:
        for listener in list(self._listeners):
            listener(command)

    # --- the author --------------------------------------------------------------------------
    def author_name(self, given: str | None = None) -> str:
        """The author recorded for an edit when none is given (see :func:`resolve_author`)."""
        preferred = getattr(self, "preferred_author", None)
        named = (given and given.strip()) or (preferred and preferred.strip())
        return resolve_author(given, preferred, None if named else getattr(self, "database_role", None))

    # --- layouts -----------------------------------------------------------------------------
    def layout(self, page_id: int) -> PageLayout:
        """Where each character of the page's current text comes from (see :mod:`.layout`)."""
        return layout_of(self.page(page_id))

    def corrected_marks(self, page_id: int) -> list[CorrectedMark]:
        """Where the page's current text differs from what the OCR read, section by section,
        with who corrected it and when (deletions are empty spans at the place they were)."""
        content = self.page(page_id)
        layout = layout_of(content)
        by_id = {c.id: c for c in content.corrections}
        marks: list[CorrectedMark] = []
        for s, blocks in enumerate(layout.blocks):
            for block in blocks:
                for position, number in block.placed:
                    edit = layout.effective[number]
                    key = layout.effective_ids[number]
                    info = by_id.get(key) if key is not None else None
                    start = block.start + position
                    marks.append(
                        CorrectedMark(
                            s,
                            start,
                            start + len(edit.replacement),
                            key,
                            content.raw[edit.raw_start : edit.raw_end],
                            edit.replacement,
                            info.author if info else "",
                            info.created if info else None,
                        )
                    )
        return marks

    def raw_span(self, page_id: int, section: int, start: int, end: int) -> tuple[int, int]:
        """The raw-text span under ``section_text[start:end]`` (e.g. a checker flag to dismiss)."""
        layout = self.layout(page_id)
        if not 0 <= section < len(layout.blocks):
            raise Refused("no_section", section)
        sources = [o for o in layout.char_sources(section)[start:end] if o is not None]
        if not sources:
            raise Refused("covers_no_text", start, end, section)
        return min(sources), max(sources) + 1

    def _snapshot(self, page_id: int) -> PageSnapshot:
        content = self.page(page_id)
        return PageSnapshot(layout_of(content), list(content.section_ids), stored_anchors(page_id))

    # --- steps -------------------------------------------------------------------------------
    @contextmanager
    def _step(self, label: str, author: str | None = None) -> Iterator[_StepRecording]:
        """Run the body as one proofreading step (see the module docstring)."""
        rec = _StepRecording(self.author_name(author), label)
        derived: list[Any] = []
        with self._db.atomic():
            yield rec
            if rec.batch_id is None and not any(rec.before[k] for k in ("correction", "structure_edit")):
                command = None
            else:
                for page_id in sorted(rec.pages):
                    followed = Followed()
                    derived.append(
                        self._derive(page_id, rec.pages[page_id], page_id in rec.restructured, followed)
                    )
                    rec.followed.moved.extend(followed.moved)
                    rec.followed.unanchored.extend(followed.unanchored)
                    rec.spans[page_id] = followed.spans
                    status = Page.select(Page.status).where(Page.id == page_id).scalar()
                    # The first edit sets a page in progress; an edit on a page marked done sets
                    # it back (undoing the edit marks it done again).
                    if status in ("unchecked", "done"):
                        rec.touch("page_status", [page_id])
                        Page.update(status="in_progress").where(Page.id == page_id).execute()
                after = {kind: rows.snapshot(kind, before) for kind, before in rec.before.items()}
                changes = _changes(rec.before, after)
                # Where the highlights that moved were, and are: undo and redo put them back exactly.
                changes += [
                    Change("anchor", key, {"page": page, "raw": old}, {"page": page, "raw": new})
                    for page, spans in rec.spans.items()
                    for key, (old, new) in sorted(spans.items())
                ]
                command = Command(label, changes)
        written = {("page", p): v for p, v in rec.versions.items()}
        self.history.wrote(written)  # committed: this session's versions (undo checks skip them)
        for content in derived:  # committed: the pages as they now read serve the next reads
            self._remember_page(content)
        if rec.conflict is not None:
            # Nothing of this step is in force: not an undo step; views refresh its page's history.
            if command is not None:
                self._notify(command)
            raise rec.conflict
        if command is not None:
            command.versions.update(written)
            self.history.push(command)
            self._notify(command)

    def _enter_page(self, rec: _StepRecording, page_id: int) -> PageSnapshot:
        """Note that the step edits this page (snapshot taken once, before any write)."""
        if page_id not in rec.pages:
            # A new version of the page, written first: on a server this locks the page's row
            # until the step commits, so two editors' steps on one page run one after the other
            # and the second sees what the first wrote (a file's write lock does the same).
            Page.update(version=Page.version + 1).where(Page.id == page_id).execute()
            version = Page.select(Page.version).where(Page.id == page_id).scalar()
            if version is None:
                raise DubaoError(f"no page {page_id} in the library")
            rec.versions[page_id] = int(version)
            rec.pages[page_id] = self._snapshot(page_id)
        return rec.pages[page_id]

    def _changed_since(
        self, page_id: int, seen: int, spans: Iterable[tuple[int, int]], below: int
    ) -> list[Any]:
        """Corrections and structure edits of the page written after version ``seen`` (and
        before ``below``, this step's) that touch one of the raw ``spans``, newest first."""
        spans = list(spans)
        if not spans:
            return []
        found: list[Any] = []
        for model in (Correction, StructureEdit):
            rows_ = model.select().where(
                (model.page == page_id) & (model.page_version > seen) & (model.page_version < below)
            )
            for row in rows_:
                if model is StructureEdit and row.kind in ("move", "section_kind"):
                    continue
                end = row.raw_end if model is Correction or row.kind == "role" else row.raw_start
                if any(row.raw_start <= b and a <= end for a, b in spans):
                    found.append(row)
        found.sort(key=lambda r: (r.page_version, r.reverted or r.created), reverse=True)
        return found

    def _keep_conflicting(
        self, rec: _StepRecording, page_id: int, edits: Sequence[Any], clash: Any, raw: str
    ) -> None:
        """Keep the editor's corrections in the history as reverted and note the conflict."""
        kept = tuple(
            self._add_correction(rec, page_id, e.raw_start, e.raw_end, e.replacement, state="reverted")
            for e in edits
        )
        when = (
            clash.reverted if getattr(clash, "state", "") == "reverted" and clash.reverted else clash.created
        )
        what = (
            f"“{raw[clash.raw_start : clash.raw_end]}” → “{clash.replacement}”"
            if isinstance(clash, Correction)
            else f"a {clash.kind} edit"
        )
        mine = ", ".join(f"“{raw[e.raw_start : e.raw_end]}” → “{e.replacement}”" for e in edits)
        rec.conflict = EditConflict(
            f"{clash.author or 'someone'} changed this text at {_when(when)} UTC ({what}) after you "
            f"read the page; your correction ({mine}) was not applied and is kept in the page's "
            "history as reverted (reinstate it there to use it)",
            clash.author,
            when,
            kept,
            f"Theirs: {what}. Yours: {mine}, kept in the page's history as reverted (Reinstate "
            "there puts it in force).",
        )

    def _derive(
        self,
        page_id: int,
        before: PageSnapshot,
        restructured: bool,
        followed: Followed,
        exact: dict[int, tuple[int, int] | None] | None = None,
    ) -> Any:
        """Rebuild what derives from the rows: stored sections, highlights' places, indexes.

        ``exact``: highlights an undo or redo puts back on a raw span (or unanchored).
        Returns the page as it now reads (kept once the step commits)."""
        if restructured:
            self._materialise(page_id)
        content = self.page(page_id)
        after = layout_of(content)
        done = follow(before, after, content.section_ids, rebuilt=restructured)
        if exact:
            put_back(page_id, after, content.section_ids, exact)
        followed.moved.extend(done.moved)
        followed.unanchored.extend(done.unanchored)
        followed.spans.update(done.spans)
        self._page_changed(page_id, content)
        return content

    def _parsed(self, page_id: int, raw: str) -> ParsedPage:
        """The parser's reading of a page's raw text (which never changes), parsed once per page
        and parser version: a structure edit, its undo and a diff at a past moment re-use it."""
        from models.library.service import _parser_version
        from models.parser import parse_page

        cache: dict[int, tuple[str, str, ParsedPage]] = self.__dict__.setdefault("_parses", {})
        version = _parser_version()
        hit = cache.get(page_id)
        if hit is not None and hit[0] == version and hit[1] == raw:
            return hit[2]
        parsed = parse_page(raw)
        cache[page_id] = (version, raw, parsed)
        while len(cache) > 8:  # the pages being proofread, not the library
            cache.pop(next(iter(cache)))
        return parsed

    def _materialise(self, page_id: int, parsed: ParsedPage | None = None) -> list[int]:
        """Store the parser's sections with the structure edits in force applied; return skipped edit ids."""
        from models.library.service import _parser_version

        raw = Page.select(Page.raw_text).where(Page.id == page_id).scalar()
        parsed = parsed or self._parsed(page_id, raw)
        edits = list(
            StructureEdit.select()
            .where((StructureEdit.page == page_id) & (StructureEdit.state == "in_force"))
            .order_by(StructureEdit.created, StructureEdit.id)
        )
        specs = [StructureSpec(e.kind, e.raw_start, e.raw_end, e.value) for e in edits]
        sections, skipped = apply_structure(parsed.sections, specs)
        stored.delete(page_id)
        stored.insert(page_id, stored.to_rows(ParsedPage(raw, sections)))
        Page.update(parser_version=_parser_version()).where(Page.id == page_id).execute()
        return [edits[i].id for i in skipped]

    def _add_correction(
        self,
        rec: _StepRecording,
        page_id: int,
        raw_start: int,
        raw_end: int,
        new: str,
        *,
        uuid: str | None = None,
        author: str | None = None,
        created: datetime | None = None,
        state: str = "in_force",
    ) -> int:
        """Insert one correction under the step's batch (an import keeps its uuid, author and time)."""
        import uuid as uuidlib

        batch = rec.batch()
        row_id = int(
            Correction.insert(
                page=page_id,
                raw_start=raw_start,
                raw_end=raw_end,
                replacement=new,
                author=rec.author if author is None else author,
                created=created or utc_now(),
                batch=batch,
                state=state,
                reverted=rec.batch_created if state == "reverted" else None,
                uuid=uuid or str(uuidlib.uuid4()),
                page_version=rec.versions.get(page_id, 0),
            ).execute()
        )
        rec.made("correction", row_id)
        return row_id

    def _add_structure(
        self,
        rec: _StepRecording,
        page_id: int,
        spec: StructureSpec,
        state: str = "in_force",
        *,
        author: str | None = None,
        created: datetime | None = None,
    ) -> int:
        """Insert one structure edit under the step (``reverted``: kept in the history only; an
        import keeps its author and time)."""
        batch = rec.batch()
        row_id = int(
            StructureEdit.insert(
                page=page_id,
                batch=batch,
                kind=spec.kind,
                raw_start=spec.raw_start,
                raw_end=spec.raw_end,
                value=spec.value,
                author=rec.author if author is None else author,
                created=created or utc_now(),
                state=state,
                reverted=rec.batch_created if state == "reverted" else None,
                page_version=rec.versions.get(page_id, 0),
            ).execute()
        )
        rec.made("structure_edit", row_id)
        if state == "in_force":
            rec.restructured.add(page_id)
        return row_id

    def _write_plan(self, rec: _StepRecording, page_id: int, layout: PageLayout, plan: Plan) -> None:
        """Write a correction plan (see :mod:`.spans`) under the step: corrections, those set
        aside, paragraph joins."""
        raw = layout.raw
        for edit in plan.edits:
            check_edit(raw, edit)
        hidden = self._hidden_behind(page_id, plan)
        for edit in plan.edits:
            self._add_correction(rec, page_id, edit.raw_start, edit.raw_end, edit.replacement)
        self._set_aside(rec, "correction", [*plan.supersede, *hidden])
        for offset in plan.joins:
            self._add_structure(rec, page_id, StructureSpec("break", offset, 0, "no"))

    def _hidden_behind(self, page_id: int, plan: Plan) -> list[int]:
        """Older corrections in force that the plan's set-aside ones hid, and that would be
        shown again once those are set aside: the editor never saw them, and the plan's text is
        what the place reads now (typing x, then y, then two Backspaces read "xy" again, the
        first correction back in force). Found as the effective corrections that change when
        the plan is written, set aside with it."""
        if not plan.supersede:
            return []
        rows_ = [
            (row_id, Edit(start, end, text))
            for row_id, start, end, text in Correction.select(
                Correction.id, Correction.raw_start, Correction.raw_end, Correction.replacement
            )
            .where((Correction.page == page_id) & (Correction.state == "in_force"))
            .order_by(Correction.id)
            .tuples()
        ]

        def shown(gone: set[int]) -> set[int]:
            edits = [(row_id, edit) for row_id, edit in rows_ if row_id not in gone]
            ids = {id(edit): row_id for row_id, edit in edits}
            kept = effective_edits([edit for _, edit in edits] + list(plan.edits))
            return {ids[id(edit)] for edit in kept if id(edit) in ids}

        before = shown(set())
        gone = set(plan.supersede)
        hidden: list[int] = []
        while True:
            back = sorted(shown(gone) - before)
            if not back:
                return hidden
            hidden.extend(back)
            gone.update(back)

    def _set_aside(self, rec: _StepRecording, kind: str, ids: Iterable[int]) -> None:
        """Mark corrections or structure edits reverted (kept in the history)."""
        model = Correction if kind == "correction" else StructureEdit
        ids = sorted(set(ids))
        if not ids:
            return
        rec.touch(kind, ids)
        model.update(state="reverted", reverted=utc_now()).where(model.id.in_(ids)).execute()
        # Each row takes the version of the page whose step set it aside.
        for page_id, version in rec.versions.items():
            model.update(page_version=version).where(model.id.in_(ids) & (model.page == page_id)).execute()

    # --- results -----------------------------------------------------------------------------
    def _result(
        self, rec: _StepRecording, reverted: Sequence[int] = (), reverted_structure: Sequence[int] = ()
    ) -> EditResult:
        made_corrections = [k for k, v in rec.before["correction"].items() if v is None]
        made_structure = [k for k, v in rec.before["structure_edit"].items() if v is None]
        touched = [k for k, v in rec.before["correction"].items() if v is not None]
        touched_structure = [k for k, v in rec.before["structure_edit"].items() if v is not None]
        changed = bool(made_corrections or made_structure or touched or touched_structure)
        # Rows the step set aside (a reinstated row was touched too, but is in force again).
        set_aside = [
            c.id
            for c in Correction.select(Correction.id).where(
                Correction.id.in_(touched) & (Correction.state == "reverted")
            )
        ]
        set_aside_structure = [
            s.id
            for s in StructureEdit.select(StructureEdit.id).where(
                StructureEdit.id.in_(touched_structure) & (StructureEdit.state == "reverted")
            )
        ]
        corrections = [
            from_row(CorrectionInfo, c)
            for c in Correction.select().where(Correction.id.in_(made_corrections)).order_by(Correction.id)
        ]
        structures = [
            from_row(StructureEditInfo, s)
            for s in StructureEdit.select()
            .where(StructureEdit.id.in_(made_structure))
            .order_by(StructureEdit.id)
        ]
        return EditResult(
            batch_id=rec.batch_id if changed else None,
            label=rec.label,
            changed=changed,
            corrections=corrections,
            structure_edits=structures,
            reverted_corrections=sorted(set(set_aside) | set(reverted)),
            reverted_structure_edits=sorted(set(set_aside_structure) | set(reverted_structure)),
            page_ids=sorted(rec.pages),
            moved=sorted(set(rec.followed.moved)),
            unanchored=sorted(set(rec.followed.unanchored)),
        )

    # --- reading corrections -----------------------------------------------------------------
    def corrections_of(self, page_id: int) -> list[CorrectionInfo]:
        """Every correction of a page, oldest first (reverted ones included; none that puts
        back what the OCR read, see :func:`~models.library.corrections.without_noops`)."""
        raw = Page.select(Page.raw_text).where(Page.id == page_id).scalar() or ""
        query = Correction.select().where(Correction.page == page_id).order_by(Correction.id)
        return [from_row(CorrectionInfo, c) for c in without_noops(raw, query)]


def _when(value: object) -> str:
    text = str(value or "")
    return text[:16] if len(text) >= 16 else text


def _changes(before: dict[str, dict[int, Any]], after: dict[str, dict[int, Any]]) -> list[Change]:
    changes = []
    for kind, states in before.items():
        for key in sorted(states):
            if states[key] == after[kind][key]:
                continue
            page = None
            if kind == "page_status":
                page = key
            elif kind in ("correction", "structure_edit"):
                state = after[kind][key] or states[key]
                page = state["page"]
            changes.append(Change(kind, key, states[key], after[kind][key], page))
    return changes
