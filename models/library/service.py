"""The library as the UI sees it: one object, plain records in and out, no SQL outside.

Every write runs in one transaction. Reads and writes may come from different threads
(an import in the background while the window reads): each thread gets its own SQLite
connection, and WAL lets readers go on while a writer works.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from peewee import SqliteDatabase, fn

from models.errors import DubaoError
from models.history import History
from models.library import search_index
from models.library import sections as stored
from models.library.backup import BackupProgress, BackupReport, back_up
from models.library.database import open_database
from models.library.importer import ImportReport, Progress
from models.library.importer import import_paths as _import_paths
from models.library.records import CorrectionInfo, IssueInfo, PageContent, PageInfo, from_row
from models.library.reparsing import PageReparse
from models.library.schema import Correction, Issue, Page
from models.library.search import SearchHit
from models.library.search import search as _search
from models.proofreading.correcting import CorrectionOps
from models.proofreading.knowledge import KnowledgeOps
from models.proofreading.restructuring import StructureOps
from models.proofreading.review import ReviewOps
from models.proofreading.status import StatusOps
from models.scan_file import ScanImage


class _Unset:
    """Marks an argument that was not given (``None`` is a value: "unknown")."""


UNSET: Any = _Unset()
_ISO_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


class Library(CorrectionOps, StructureOps, ReviewOps, StatusOps, KnowledgeOps):
    """An open library file.

    Proofreading (correct, revert, structure edits, history, diffs, status, the checker's
    knowledge) comes from the mixins in :mod:`models.proofreading`. ``history`` is the
    session's one undo history, shared with annotation operations
    (:class:`models.annotations.service.Annotations` uses it); :meth:`undo` and :meth:`redo`
    replay its steps. ``preferred_author`` is the name set in Preferences (the UI sets it).
    """

    def __init__(self, db: SqliteDatabase, path: Path | None) -> None:
        self._db = db
        self._path = path
        self.history = History()
        self._listeners = []
        self.preferred_author: str | None = None

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, read_only: bool = False) -> Library:
        """Open the library at ``path`` (default: the app-data folder), creating or upgrading it.

        ``read_only``: the caller only reads (an export), so a library in a read-only folder or
        disk is read from an in-memory snapshot instead of being refused.
        """
        db = open_database(path, read_only=read_only)
        source = getattr(db, "source", None)
        if source is not None:
            return cls(db, Path(source))
        library = cls(db, None if str(path) == ":memory:" else Path(db.database))
        library._index_if_folded_differently()
        return library

    @property
    def source_path(self) -> Path | None:
        """The library file read (for a snapshot: the file it was copied from)."""
        return self._path

    @property
    def path(self) -> Path | None:
        """The library file (``None`` for an in-memory library)."""
        return self._path

    @property
    def database(self) -> SqliteDatabase:
        """The peewee database, for other core modules (annotations, vocabulary); not for the UI."""
        return self._db

    def close(self) -> None:
        """Close this thread's connection."""
        if not self._db.is_closed():
            self._db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Backing up

    def backup(
        self,
        dest: str | os.PathLike[str],
        progress: BackupProgress | None = None,
        overwrite: bool = False,
    ) -> BackupReport:
        """Copy the library to ``dest`` (a file, or a folder to put a dated copy in) while it is in use.

        SQLite's online backup API, then ``integrity_check`` before the copy is renamed into place;
        ``progress(done_pages, total_pages)`` may cancel (return False). The library itself is never
        overwritten; an existing ``dest`` only with ``overwrite``. BackupFailed (a DubaoError) else.
        """
        if self._path is None:
            raise DubaoError("an in-memory library has no file to back up")
        return back_up(self._path, dest, progress, overwrite)

    # Scans (a page's image)

    def attach_scan(self, page_id: int, path: str | os.PathLike[str], pdf_page: int = 0) -> ScanImage:
        """Read, check and store a page's scan (replacing one it had); ScanFileError if unusable.

        The file is read and checked before the library is touched: a broken file writes nothing.
        """
        from models.library import page_images
        from models.scan_file import read_scan

        image = read_scan(path, pdf_page)
        page_images.attach(self._db, page_id, image)
        return image

    def store_scan(self, page_id: int, image: ScanImage) -> None:
        """Store a scan read by ``models.scan_file.read_scan`` with its page (checked again: cheap)."""
        from models.library import page_images
        from models.scan_file import check_scan

        page_images.attach(self._db, page_id, check_scan(image))

    def remove_scan(self, page_id: int) -> bool:
        """Remove a page's scan; False if it had none."""
        from models.library import page_images

        return page_images.detach(self._db, page_id)

    def page_scan(self, page_id: int) -> ScanImage | None:
        """A page's stored scan (bytes, media type, size in pixels), or None."""
        from models.library import page_images

        found = page_images.scan_of(page_id)
        return None if found is None else found.image

    # Importing

    def import_paths(
        self, paths: Sequence[str | os.PathLike[str]], progress: Progress | None = None
    ) -> ImportReport:
        """Import page files and folders, all or nothing; ``progress`` may cancel (return False)."""
        return _import_paths(self._db, paths, progress)

    # Issues and pages

    def issues(self) -> list[IssueInfo]:
        """Every issue, by date (undated last), then paper."""
        counts = dict(
            Page.select(Page.issue, fn.COUNT(Page.id)).group_by(Page.issue).tuples()  # type: ignore[arg-type]
        )
        query = Issue.select().order_by(Issue.date.is_null(), Issue.date, Issue.paper, Issue.id)
        return [from_row(IssueInfo, issue, pages=counts.get(issue.id, 0)) for issue in query]

    def issue(self, issue_id: int) -> IssueInfo:
        issue = Issue.get_or_none(Issue.id == issue_id)
        if issue is None:
            raise DubaoError(f"no issue {issue_id} in the library")
        return from_row(IssueInfo, issue, pages=Page.select().where(Page.issue == issue_id).count())

    def update_issue(
        self,
        issue_id: int,
        *,
        paper: str = UNSET,
        date: str | None = UNSET,
        title: str = UNSET,
        page_count: int | None = UNSET,
    ) -> IssueInfo:
        """Change an issue's metadata; arguments not given stay as they are."""
        values: dict[Any, object] = {}
        if paper is not UNSET:
            values[Issue.paper] = paper.strip()
        if title is not UNSET:
            values[Issue.title] = title.strip()
        if date is not UNSET:
            date = (date or "").strip() or None
            if date is not None and not _ISO_DATE.match(date):
                raise DubaoError(f"{date!r} is not a date like 2020-02-12, 2020-02 or 2020")
            values[Issue.date] = date
        if page_count is not UNSET:
            if page_count is not None and page_count < 1:
                raise DubaoError("an issue has at least one page")
            values[Issue.page_count] = page_count
        with self._db.atomic():
            self.issue(issue_id)
            if values:
                Issue.update(values).where(Issue.id == issue_id).execute()
        return self.issue(issue_id)

    def delete_issue(self, issue_id: int) -> None:
        """Remove an issue with its pages and everything on them."""
        with self._db.atomic():
            self.issue(issue_id)
            Issue.delete().where(Issue.id == issue_id).execute()
            search_index.flush_removed(self._db.connection())

    def pages(self, issue_id: int) -> list[PageInfo]:
        """The issue's pages in order."""
        query = Page.select(*_PAGE_INFO_FIELDS).where(Page.issue == issue_id).order_by(Page.position, Page.id)
        return [from_row(PageInfo, p) for p in query]

    def page_info(self, page_id: int) -> PageInfo:
        page = Page.select(*_PAGE_INFO_FIELDS).where(Page.id == page_id).first()
        if page is None:
            raise DubaoError(f"no page {page_id} in the library")
        return from_row(PageInfo, page)

    def update_page(self, page_id: int, *, number: int | None = UNSET, name: str = UNSET) -> PageInfo:
        """Change a page's printed number or name."""
        values: dict[Any, object] = {}
        if number is not UNSET:
            if number is not None and number < 0:
                raise DubaoError("a page number cannot be negative")
            values[Page.number] = number
        if name is not UNSET:
            values[Page.name] = name.strip()
        with self._db.atomic():
            self.page_info(page_id)
            if values:
                Page.update(values).where(Page.id == page_id).execute()
        return self.page_info(page_id)

    def page(self, page_id: int) -> PageContent:
        """A page's raw text, its sections with source maps, and its corrections."""
        # One snapshot for the reads, without the write lock: WAL lets them run beside an import.
        with self._db.atomic(lock_type="DEFERRED"):
            info = self.page_info(page_id)
            raw = Page.select(Page.raw_text).where(Page.id == page_id).scalar()
            sections, section_ids = stored.load(page_id)
            corrections = [
                from_row(CorrectionInfo, c)
                for c in Correction.select().where(Correction.page == page_id).order_by(Correction.id)
            ]
        return PageContent(
            info=info, raw=raw, sections=sections, corrections=corrections, section_ids=section_ids
        )

    def stale_pages(self) -> list[int]:
        """Pages parsed by another version of the parser than the one running now."""
        version = _parser_version()
        query = Page.select(Page.id).where(Page.parser_version != version).order_by(Page.id)
        return [page_id for (page_id,) in query.tuples()]

    def reparse_page(self, page_id: int) -> PageContent:
        """Parse a page's raw text again with the current parser; the page as stored after it.

        See :meth:`reparse`.
        """
        self.reparse(page_id)
        return self.page(page_id)

    def reparse(self, page_id: int) -> PageReparse:
        """Parse a page's raw text again with the current parser and store the new sections.

        One transaction. The raw text and corrections stay; the editors' structure edits in force
        are applied again on top of the new sections (they are keyed by raw offsets); each
        highlight moves to where its raw characters are shown now, those whose characters are
        gone are placed by their quote or marked unanchored (never dropped). The page records
        the parser version. The slow part, parsing, runs before the write lock is taken.
        """
        from models.parser import parse_page
        from models.proofreading.highlights import follow, stored_anchors
        from models.proofreading.layout import build_layout

        raw = Page.select(Page.raw_text).where(Page.id == page_id).scalar()
        if raw is None:
            raise DubaoError(f"no page {page_id} in the library")
        parsed = parse_page(raw)
        with self._db.atomic():
            before = self._snapshot(page_id)
            old_texts = before.layout.texts()
            skipped = self._materialise(page_id, parsed)
            content = self.page(page_id)
            after = build_layout(content.raw, content.sections, content.corrections)
            followed = follow(before, after, content.section_ids, rebuilt=True)
            self._page_changed(page_id)
            # Moved: shown in another place of the page than before (not merely a new section row).
            was = {s: n for n, s in enumerate(before.section_ids)}
            now = {s: n for n, s in enumerate(content.section_ids)}
            places = {a.id: (was.get(a.section_id), a.start, a.end) for a in before.anchors}
            moved = sum(
                1
                for a in stored_anchors(page_id)
                if a.anchored and places.get(a.id) != (now.get(a.section_id), a.start, a.end)
            )
        return PageReparse(
            page_id=page_id,
            moved=moved,
            unanchored=len(followed.unanchored),
            skipped_edits=len(skipped),
            changed=after.texts() != old_texts,
        )

    def announce_reparsed(self, page_ids: Sequence[int]) -> None:
        """Tell this library's listeners that pages were re-parsed (by a worker's own connection):
        views showing them read them again. Not an undoable step."""
        from models.history import Change, Command

        if page_ids:
            self._notify(Command("Re-parse", [Change("reparse", p, None, None, page=p) for p in page_ids]))

    def _page_changed(self, page_id: int) -> None:
        """Bring the search index up to the page's current text; call inside the write's transaction.

        Every write that changes a page's current text or structure (a correction, a structure
        edit, their reverts, undo and redo, a re-parse) calls it, so search never shows text the
        page no longer has.
        """
        issue_id, _, entries = self._indexed_page(page_id)
        search_index.replace_sections(self._db.connection(), issue_id, page_id, entries)

    def _index_if_folded_differently(self) -> None:
        """Re-index the library if it was folded by another version (a new conversion table)."""
        conn = self._db.connection()
        if search_index.is_current(conn):
            return
        with self._db.atomic():
            if not search_index.is_current(conn):
                search_index.rebuild(conn, lambda _conn, page_id: self._indexed_page(page_id))

    def _indexed_page(self, page_id: int) -> tuple[int, str, list[search_index.SectionEntry]]:
        content = self.page(page_id)
        return (
            content.info.issue_id,
            content.raw,
            search_index.current_entries(content.sections, content.current_sections, content.edits),
        )

    # Search

    def search(
        self,
        query: str,
        limit: int = 500,
        raw: bool = False,
        issue: int | None = None,
        offset: int = 0,
    ) -> list[SearchHit]:
        """Hits ``offset`` to ``offset + limit`` of ``query`` in the sections' current text
        (or the pages' raw text), by issue, page, section and place; ``issue`` keeps to one."""
        with self._db.atomic(lock_type="DEFERRED"):
            return _search(self._db, query, limit=limit, raw=raw, issue=issue, offset=offset)


_PAGE_INFO_FIELDS = (
    Page.id,
    Page.issue,
    Page.number,
    Page.name,
    Page.position,
    Page.source_path,
    Page.sha256,
    Page.parser_version,
    Page.status,
)


def parser_version() -> str:
    """The version of the parser that runs now (recorded with each page it makes)."""
    import models.parser

    return str(getattr(models.parser, "PARSER_VERSION", ""))


_parser_version = parser_version
