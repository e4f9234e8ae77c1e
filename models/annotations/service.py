"""Annotations as the UI and the CLI see them: one object, plain records, every write undoable.

Every operation is one transaction, committed before the method returns (so a highlight
reported as saved survives a crash: the library runs WAL with ``synchronous=FULL``). Each
operation snapshots the rows it touches before and after (:mod:`models.annotations.history`)
so that Ctrl+Z and Ctrl+Shift+Z can write them back. Listeners hear *what changed*
(:class:`Changed`) after the commit, like Anki's operations, and refresh only if concerned.
"""

from __future__ import annotations

import os
import uuid as uuidlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from models.anchoring import make_anchor
from models.annotations import finder, versions
from models.annotations.categories import check_name
from models.annotations.categorising import CategoryOps
from models.annotations.history import Change, Command, snapshot_highlights, snapshot_rows
from models.annotations.panel_index import PanelIndex
from models.annotations.placing import StoredAnchor, anchor_columns, place_all
from models.annotations.records import Changed, HighlightInfo, PlacingReport
from models.annotations.tagging import TagOps
from models.annotations.texts import section_hashes, section_text
from models.errors import DubaoError
from models.library.binding import binds_library
from models.library.records import PageContent
from models.library.schema import Category, Highlight, HighlightTag, Note, Page, Tag, utc_now
from models.library.service import Library

Listener = Callable[[Changed], None]


@dataclass
class AnnotatedPage:
    """A page opened for annotating: its sections' current texts and its highlights, placed."""

    page_id: int
    content: PageContent
    #: The text of each section (:func:`section_text`), in reading order, corrections applied.
    texts: list[str]
    section_ids: list[int]
    highlights: list[HighlightInfo] = field(default_factory=list)
    placing: PlacingReport = field(default_factory=PlacingReport)

    def section_index(self, section_id: int | None) -> int | None:
        try:
            return self.section_ids.index(section_id) if section_id is not None else None
        except ValueError:
            return None

    def in_section(self, index: int) -> list[HighlightInfo]:
        """The anchored highlights of one section, by position."""
        section_id = self.section_ids[index]
        return [h for h in self.highlights if h.anchored and h.section_id == section_id]

    def unanchored(self) -> list[HighlightInfo]:
        return [h for h in self.highlights if not h.anchored]


class _Discard(Exception):
    """Rolls back the savepoint of a refused (conflicting) change."""


class _Recording:
    """The rows an operation touches, with their state before it touched them."""

    _SNAPSHOT: dict[str, Callable[[Iterable[int]], dict[int, Any]]] = {
        "highlight": snapshot_highlights,
        "tag": lambda ids: snapshot_rows(Tag, ids),
        "category": lambda ids: snapshot_rows(Category, ids),
    }

    def __init__(self) -> None:
        self.before: dict[str, dict[int, Any]] = {"category": {}, "tag": {}, "highlight": {}}

    def touch(self, kind: str, ids: Iterable[int]) -> None:
        """Remember the state of existing rows before the operation changes them."""
        new = [i for i in ids if i not in self.before[kind]]
        if new:
            self.before[kind].update(self._SNAPSHOT[kind](new))

    def made(self, kind: str, key: int) -> None:
        """Note a row the operation created (undo removes it)."""
        self.before[kind].setdefault(key, None)


@binds_library
class Annotations(CategoryOps, TagOps):
    """Highlights, categories, tags and notes of one library, with an undo history."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._db = library.database
        #: The session's one undo history, shared with the library's proofreading steps.
        self.history = library.history
        self._listeners: list[Listener] = []
        self._index: PanelIndex | None = None
        #: highlight id -> the version this object last handed out (see :meth:`_operation`)
        self._seen: dict[int, int] = {}
        self.ensure_default_categories()
        # Undo/redo of any step, and proofreading steps, are heard from the library.
        library.subscribe(self._library_changed)

    def _library_changed(self, command: Command) -> None:
        """Tell this side's listeners about a library step (a correction, an undo or a redo)."""
        changed = _changed(command)
        # An undo or redo of this object's own change makes new versions of its highlights.
        rewritten = [c.key for c in command.changes if c.kind == "highlight" and c.key in self._seen]
        if rewritten:
            for key, (version, _, _) in versions.lock(self._db, rewritten).items():
                self._seen[key] = version
        pages = command.text_page_ids()
        if pages:
            marks = ", ".join("?" * len(pages))
            moved = [
                i
                for (i,) in self._db.execute_sql(
                    f"SELECT id FROM highlight WHERE page_id IN ({marks})", sorted(pages)
                )
            ]
            changed = Changed(
                label=changed.label,
                highlight_ids=changed.highlight_ids | frozenset(moved),
                page_ids=changed.page_ids,
                tags=changed.tags,
                categories=changed.categories,
                text=True,
            )
        self._notify(changed)

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None) -> Annotations:
        return cls(Library.open(path))

    # --- listening ---------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(Changed)`` after every committed operation, undo and redo."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _notify(self, changed: Changed) -> None:
        if self._index is not None:
            self._index.changed(changed)  # before any listener, which may query it
        for listener in list(self._listeners):
            listener(changed)

    def announce_labels_changed(self, highlight_ids: Iterable[int] = ()) -> None:
        """Tell the listeners that categories or tags were changed by another connection (a
        colleague renamed, recoloured or merged them): the page is painted afresh and the
        panels read the names again; ``highlight_ids`` (those shown) are read again. Not a step."""
        self._notify(Changed("Changes by others", frozenset(highlight_ids), tags=True, categories=True))

    def operation(self, label: str) -> Any:
        """A context manager for an undoable operation built elsewhere in the core (an import).

        Rows the body creates or changes must be added to the recording's ``highlights``,
        ``tags`` and ``categories`` sets before they change.
        """
        return self._operation(label)

    @contextmanager
    def _operation(
        self,
        label: str,
        highlights: Iterable[int] = (),
        tags: Iterable[int] = (),
        categories: Iterable[int] = (),
    ) -> Iterator[_Recording]:
        """Run the body in one transaction; record it for undo and tell listeners once committed.

        The highlights it changes are checked against the versions this object last handed
        out (:mod:`models.annotations.versions`): if one changed since, the body's work is
        rolled back, its result kept as a ``conflict`` revision, and EditConflict raised.
        """
        rec = _Recording()
        highlights = list(highlights)
        author = self.library.author_name()
        problem = None
        with self._db.atomic():
            current = versions.lock(self._db, highlights)
            stale = [i for i in current if i in self._seen and self._seen[i] != current[i][0]]
            rec.touch("highlight", highlights)
            rec.touch("tag", tags)
            rec.touch("category", categories)
            if stale:
                attempted: dict[int, Any] = {}
                try:
                    with self._db.atomic():  # a savepoint: what the change would have made, then undone
                        yield rec
                        attempted = versions.describe(snapshot_highlights(stale))
                        raise _Discard
                except _Discard:
                    pass
                kept = versions.record(attempted, "conflict", author)
                problem = versions.conflict(stale, current, kept)
            else:
                yield rec
                after = {kind: rec._SNAPSHOT[kind](before) for kind, before in rec.before.items()}
                self._sign(rec.before["highlight"], after["highlight"], author)
        if problem is not None:
            self._notify(Changed("conflict", frozenset(stale)))  # views read the highlights again
            raise problem
        changes = [
            Change(kind, key, before[key], after[kind][key])
            for kind, before in rec.before.items()
            for key in sorted(before)
            if before[key] != after[kind][key]
        ]
        written = {}
        for change in changes:
            if change.kind == "highlight" and change.after is not None:
                self._seen[change.key] = change.after["row"]["version"]
                written[("highlight", change.key)] = change.after["row"]["version"]
        # The versions this session wrote: an undo or redo is checked against them (takeback).
        self.history.wrote(written)
        command = Command(label, changes, versions=written)
        self.history.push(command)
        self._notify(_changed(command))

    def _sign(self, before: dict[int, Any], after: dict[int, Any], author: str) -> None:
        """New versions for the highlights that changed, signed by ``author``, each kept as a revision."""
        changed = {k: v for k, v in after.items() if v is not None and before.get(k) != v}
        if not changed:
            return
        versions.bump({k: v for k, v in changed.items() if before.get(k) is not None}, author)
        made = sorted(k for k in changed if before.get(k) is None)
        if made:
            versions.set_author(self._db, made, author)
            for key in made:
                changed[key]["row"]["author"] = author
        versions.record(versions.describe(changed), "saved", author, ids=False)

    def _saw(self, records: Sequence[HighlightInfo]) -> Sequence[HighlightInfo]:
        """Remember the versions handed out: a later change is checked against them."""
        for info in records:
            self._seen[info.id] = info.version
        return records

    def revisions(self, highlight_id: int) -> list[dict[str, Any]]:
        """The kept states of a highlight, oldest first: each saved change and each refused one
        (``state`` ``conflict``), with author, time, version, category, note, tags and span."""
        return versions.revisions(highlight_id)

    # --- undo and redo -----------------------------------------------------------------------
    def can_undo(self) -> bool:
        return self.history.undo_label() is not None

    def can_redo(self) -> bool:
        return self.history.redo_label() is not None

    def undo(self) -> Changed | None:
        """Undo the last step of the shared history, an annotation operation or a proofreading
        edit (None when there is nothing to undo). Listeners hear it once."""
        command = self.library.undo()
        return None if command is None else _changed(command)

    def redo(self) -> Changed | None:
        """Redo the last undone step (None when there is nothing to redo)."""
        command = self.library.redo()
        return None if command is None else _changed(command)

    # --- pages -------------------------------------------------------------------------------------
    def open_page(self, page_id: int, content: PageContent | None = None) -> AnnotatedPage:
        """A page's texts and highlights, re-anchoring those whose section text changed.

        ``content`` may be the page the window already loaded. Highlights that moved are saved
        with their new place (one transaction); those that cannot be placed become unanchored.
        """
        content = content or self.library.page(page_id)
        texts = [section_text(s) for s in content.current_sections]
        page = AnnotatedPage(page_id, content, texts, list(content.section_ids))
        page.placing = self._place(page)
        page.highlights = list(self._saw(finder.page_records(self._db, page_id)))
        return page

    def _place(self, page: AnnotatedPage) -> PlacingReport:
        report = PlacingReport()
        hashes = section_hashes(page.texts)
        # Only highlights whose section text changed (or that have no place) come back: the
        # usual page, unchanged since it was marked, costs one indexed query and no rows.
        pairs = list(zip(page.section_ids, hashes, strict=True))
        fits = " OR ".join("(section_id = ? AND text_hash = ?)" for _ in pairs) or "0"
        rows = self._db.execute_sql(
            'SELECT id, section_id, start, "end", exact, prefix, suffix, text_hash, anchor_state FROM highlight '
            f"WHERE page_id = ? AND (anchor_state = 'unanchored' OR section_id IS NULL OR NOT ({fits}))",
            [page.page_id, *(value for pair in pairs for value in pair)],
        ).fetchall()
        stale = [StoredAnchor(*r[:8], r[8] != "unanchored") for r in rows]
        if not stale:
            return report
        placements = place_all(page.texts, hashes, page.section_ids, stale)
        if not placements:
            return report
        was_anchored = {s.id: s.anchored for s in stale}
        with self._db.atomic():
            for p in placements:
                if p.recovered:
                    Highlight.update(anchor_state="anchored").where(Highlight.id == p.id).execute()
                    report.recovered.append(p.id)
                elif p.anchor is None:
                    if was_anchored[p.id]:
                        Highlight.update(anchor_state="unanchored").where(Highlight.id == p.id).execute()
                    report.unanchored.append(p.id)
                else:
                    assert p.section is not None
                    Highlight.update(
                        **anchor_columns(page.section_ids[p.section], p.anchor), anchor_state="anchored"
                    ).where(Highlight.id == p.id).execute()
                    (report.moved if was_anchored[p.id] else report.recovered).append(p.id)
        touched = report.moved + report.recovered + [i for i in report.unanchored if was_anchored[i]]
        if touched:
            self._notify(Changed("re-anchor", frozenset(touched), frozenset({page.page_id})))
        return report

    # --- highlights ----------------------------------------------------------------------------
    def create(
        self,
        page: AnnotatedPage,
        section: int,
        start: int,
        end: int,
        category_id: int,
        tags: Sequence[str] = (),
        note: str = "",
        uuid: str | None = None,
    ) -> HighlightInfo:
        """Highlight ``page.texts[section][start:end]`` (code points) with a category; saved on return."""
        if not 0 <= section < len(page.texts):
            raise DubaoError(f"page {page.page_id} has no section {section}")
        anchor = make_anchor(page.texts[section], start, end)
        with self._operation("highlight") as rec:
            self.category(category_id)
            now = utc_now()
            row = Highlight.create(
                uuid=uuid or str(uuidlib.uuid4()),
                page=page.page_id,
                **anchor_columns(page.section_ids[section], anchor),
                category=category_id,
                created=now,
                updated=now,
            )
            rec.made("highlight", row.id)
            self._link_tags(rec, row.id, tags)
            if note.strip():
                Note.create(highlight=row.id, text=note, created=now, updated=now)
        info = self.highlight(row.id)
        if all(h.id != info.id for h in page.highlights):  # a listener may have reloaded them
            page.highlights.append(info)
        return info

    def highlight(self, highlight_id: int) -> HighlightInfo:
        found = self._saw(finder.load_records(self._db, [highlight_id]))
        if not found:
            raise DubaoError(f"no highlight {highlight_id}")
        return found[0]

    def page_highlights(self, page_id: int, deleted: bool = False) -> list[HighlightInfo]:
        """A page's live (or deleted) highlights in reading order, as stored (no re-anchoring)."""
        return list(self._saw(finder.page_records(self._db, page_id, deleted)))

    def find(self, query: finder.Filter) -> list[int]:
        """Ids of the highlights the panel's filter lets through, in its order."""
        return finder.find_ids(self._db, query)

    def panel_find(self, query: finder.Filter) -> list[int]:
        """What the annotations panel lists for ``query``: one page's highlights are read from
        SQL (an indexed query) until a library-wide filter has built the in-memory index, which
        then answers everything. The index holds every highlight of the library (about 1 KB
        each: 100,000 highlights, ~110 MB), so a reader who never filters the whole library
        never pays for it (issue 11)."""
        if self._index is None and query.page_id is not None:
            return self.find(query)
        return self.panel_index().find(query)

    def reload_panel_index(self) -> None:
        """Read the panel's index again if it was built (rows changed behind the service's back)."""
        if self._index is not None:
            self._index.reload()

    def panel_index(self) -> PanelIndex:
        """The in-memory index the annotations panel filters with (built on first use, kept current)."""
        if self._index is None:
            self._index = PanelIndex(self._db)
        return self._index

    def records(self, ids: Sequence[int]) -> list[HighlightInfo]:
        return list(self._saw(finder.load_records(self._db, ids)))

    def set_category(self, highlight_ids: int | Iterable[int], category_id: int) -> None:
        ids = _ids(highlight_ids)
        with self._operation("change category", highlights=ids):
            self.category(category_id)
            self._existing(ids)
            Highlight.update(category=category_id, updated=utc_now()).where(Highlight.id.in_(ids)).execute()

    def set_note(self, highlight_id: int, text: str) -> None:
        """Set the plain-text note (an empty text removes it)."""
        with self._operation("edit note", highlights=[highlight_id]):
            self._existing([highlight_id])
            now = utc_now()
            if not text.strip():
                Note.delete().where(Note.highlight == highlight_id).execute()
            elif Note.select().where(Note.highlight == highlight_id).exists():
                Note.update(text=text, updated=now).where(Note.highlight == highlight_id).execute()
            else:
                Note.create(highlight=highlight_id, text=text, created=now, updated=now)
            Highlight.update(updated=now).where(Highlight.id == highlight_id).execute()

    def delete(self, highlight_ids: int | Iterable[int]) -> None:
        """Soft-delete highlights (undo, or :meth:`restore`, brings them back)."""
        self._set_deleted(_ids(highlight_ids), True, "delete highlight")

    def restore(self, highlight_ids: int | Iterable[int]) -> None:
        self._set_deleted(_ids(highlight_ids), False, "restore highlight")

    def _set_deleted(self, ids: list[int], deleted: bool, label: str) -> None:
        with self._operation(label, highlights=ids):
            self._existing(ids)
            Highlight.update(deleted=deleted, updated=utc_now()).where(Highlight.id.in_(ids)).execute()

    def _existing(self, ids: Sequence[int]) -> None:
        found = {i for (i,) in Highlight.select(Highlight.id).where(Highlight.id.in_(list(ids))).tuples()}
        missing = [i for i in ids if i not in found]
        if missing:
            raise DubaoError(f"no highlight {missing[0]}")

    def page_of(self, highlight_id: int) -> int:
        page_id = Highlight.select(Highlight.page).where(Highlight.id == highlight_id).scalar()
        if page_id is None:
            raise DubaoError(f"no highlight {highlight_id}")
        return int(page_id)

    def pages_with_highlights(self, issue_id: int | None = None) -> list[int]:
        """Pages that have live highlights (of one issue, or all), in library order."""
        query = (
            Page.select(Page.id)
            .join(Highlight)
            .where(Highlight.deleted == False)  # noqa: E712 (peewee expression)
            .group_by(Page.id)  # not DISTINCT: PostgreSQL wants DISTINCT's ORDER BY in the select list
            .order_by(Page.issue, Page.position, Page.id)
        )
        if issue_id is not None:
            query = query.where(Page.issue == issue_id)
        return [page_id for (page_id,) in query.tuples()]

    def highlight_ids_by_uuid(self, uuids: Iterable[str]) -> dict[str, int]:
        wanted = list(set(uuids))
        out: dict[str, int] = {}
        for i in range(0, len(wanted), 500):
            query = Highlight.select(Highlight.uuid, Highlight.id).where(
                Highlight.uuid.in_(wanted[i : i + 500])
            )
            out.update(dict(query.tuples()))
        return out

    def _link_tags(self, rec: _Recording, highlight_id: int, names: Iterable[str]) -> None:
        for name in dict.fromkeys(check_name(n, "tag") for n in names):
            tag_id = self._tag_id(rec, name)
            HighlightTag.insert(highlight=highlight_id, tag=tag_id).on_conflict_ignore().execute()


def _ids(value: int | Iterable[int]) -> list[int]:
    ids = [value] if isinstance(value, int) else list(dict.fromkeys(value))
    if not ids:
        raise DubaoError("no highlight chosen")
    return ids


def _changed(command: Command) -> Changed:
    kinds = {c.kind for c in command.changes}
    retagged = any(
        c.kind == "highlight" and (c.before or {}).get("tags") != (c.after or {}).get("tags")
        for c in command.changes
    )
    return Changed(
        label=command.label,
        highlight_ids=frozenset(c.key for c in command.changes if c.kind == "highlight"),
        page_ids=frozenset(command.page_ids()),
        tags="tag" in kinds or retagged,
        categories="category" in kinds,
        text=bool(command.text_page_ids()),
    )
