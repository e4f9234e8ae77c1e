"""The library as the UI sees it: one object, plain records in and out, no SQL outside.

Every write runs in one transaction. Reads and writes may come from different threads
(an import in the background while the window reads): each thread gets its own SQLite
connection, and WAL lets readers go on while a writer works.
"""

from __future__ import annotations

import os
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peewee import DatabaseError, SqliteDatabase, fn

from models.errors import DubaoError
from models.history import History
from models.library import binding, search_index, search_repair
from models.library import sections as stored
from models.library.binding import binds_library
from models.library.corrections import without_noops
from models.library.database import open_database
from models.library.live import LiveOps
from models.library.records import CorrectionInfo, IssueInfo, PageContent, PageInfo, from_row
from models.library.reparsing import PageReparse
from models.library.schema import Correction, Issue, Page
from models.library.search import SearchHit
from models.library.search import search as _search
from models.library.server import is_server_url, masked
from models.proofreading.assignment import AssignmentOps
from models.proofreading.correcting import CorrectionOps
from models.proofreading.knowledge import KnowledgeOps
from models.proofreading.restructuring import StructureOps
from models.proofreading.review import ReviewOps
from models.proofreading.status import StatusOps
from models.proofreading.undoing import UndoOps
from models.proofreading.word_list import WordListOps

if TYPE_CHECKING:  # the importer, backups and scans load when used (start-up reads pages only)
    from models.library.backup import BackupProgress, BackupReport
    from models.library.importer import ImportReport, Progress
    from models.scan_file import ScanImage


#: Pages a library keeps read (per thread), the ones used last.
KEPT_PAGES = 8


class _Unset:
    """Marks an argument that was not given (``None`` is a value: "unknown")."""


UNSET: Any = _Unset()
_ISO_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


@binds_library
class Library(
    LiveOps,
    UndoOps,
    CorrectionOps,
    StructureOps,
    ReviewOps,
    StatusOps,
    KnowledgeOps,
    WordListOps,
    AssignmentOps,
):
    """An open library file.

    Proofreading (correct, revert, structure edits, history, diffs, status, the checker's
    knowledge) comes from the mixins in :mod:`models.proofreading`. ``history`` is the
    session's one undo history, shared with annotation operations
    (:class:`models.annotations.service.Annotations` uses it); :meth:`undo` and :meth:`redo`
    replay its steps. ``preferred_author`` is the name set in Preferences (the UI sets it).

    The object owns its database: every public method runs with it in use
    (:mod:`models.library.binding`), so two libraries open in one process each read their own.
    """

    def __init__(self, db: SqliteDatabase, path: Path | None) -> None:
        self._db = db
        self._path = path
        self.history = History()
        self._listeners = []
        #: per thread (each has its own connection): page id -> (cache token, the page as last
        #: read); see :meth:`page`
        self._local = threading.local()
        self.preferred_author: str | None = None
        self._role: str | None = None
        #: (page id, version) -> the page as this object handed it out (outside a write), the
        #: newest last; and page id -> the version last handed out. A correction's offsets are
        #: read in the version its editor saw (issue 13: several writers).
        self._views: OrderedDict[tuple[int, int], PageContent] = OrderedDict()
        self._seen: dict[int, int] = {}
        self._views_lock = threading.Lock()

    @classmethod
    def open(
        cls, path: str | os.PathLike[str] | None = None, read_only: bool = False, index_now: bool = True
    ) -> Library:
        """Open the library at ``path`` (default: the app-data folder), creating or upgrading it.

        ``read_only``: the caller only reads (an export), so a library in a read-only folder or
        disk is read from an in-memory snapshot instead of being refused.
        ``index_now``: a search index made by another version (another folding table, an
        upgrade) is made again before this returns; with False (the window) only the rebuild is
        started, and :meth:`update_search_index` carries it on (in the background).
        """
        # The last library opened in a thread is the one the models use outside any method.
        db = open_database(path, read_only=read_only)
        source = getattr(db, "source", None)
        if source is not None:
            return cls(db, Path(source))
        on_file = str(path) != ":memory:" and not is_server_url(path)
        library = cls(db, Path(db.database) if on_file else None)
        with binding.using(db):
            library._index_if_folded_differently(index_now)
        return library

    @property
    def source_path(self) -> Path | None:
        """The library file read (for a snapshot: the file it was copied from)."""
        return self._path

    @property
    def path(self) -> Path | None:
        """The library file (``None`` for an in-memory library or one on a server)."""
        return self._path

    @property
    def server_url(self) -> str | None:
        """The server's URL (``postgresql://…``) of a library on a server, else None."""
        return getattr(self._db, "url", None)

    @property
    def database_role(self) -> str | None:
        """The role a server library is used as (recorded as the author when no name is set); None on a file."""
        if not self.server_url:
            return None
        if self._role is None:
            self._role = str(self._db.execute_sql("SELECT current_user").fetchone()[0])
        return self._role

    @property
    def engine(self) -> str:
        """``sqlite`` (a file) or ``postgresql`` (a server)."""
        return "postgresql" if self.server_url else "sqlite"

    @property
    def label(self) -> str:
        """How messages and titles name the library: its file, or its URL with the password masked."""
        if self.server_url:
            return masked(self.server_url)
        return str(self._path) if self._path else ":memory:"

    @property
    def database(self) -> SqliteDatabase:
        """The peewee database, for other core modules (annotations, vocabulary); not for the UI."""
        return self._db

    def close(self) -> None:
        """Close this thread's connection."""
        self._kept_pages().clear()  # a new connection counts its changes afresh
        if not self._db.is_closed():
            self._db.close()
        if binding.is_current(self._db):
            binding.make_current(None)

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

        SQLite's online backup API (a server's library: copied in one snapshot to a library file,
        :mod:`models.library.server_backup`), then ``integrity_check`` before the copy is renamed into place;
        ``progress(done_pages, total_pages)`` may cancel (return False). The library itself is never
        overwritten; an existing ``dest`` only with ``overwrite``. BackupFailed (a DubaoError) else.
        """
        if self.server_url:  # a team library: copied at one moment to a library file
            from models.library.server_backup import back_up_server

            return back_up_server(self.server_url, dest, progress, overwrite)
        if self._path is None:
            raise DubaoError("an in-memory library has no file to back up")
        from models.library.backup import back_up

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
        from models.library.importer import import_paths

        return import_paths(self._db, paths, progress)

    # Issues and pages

    def issues(self) -> list[IssueInfo]:
        """Every issue, by date (undated last), then paper."""
        counts = dict(
            Page.select(Page.issue, fn.COUNT(Page.id)).group_by(Page.issue).tuples()  # type: ignore[arg-type]
        )
        columns = (Issue.id, Issue.paper, Issue.date, Issue.title, Issue.page_count, Issue.created)
        query = Issue.select(*columns).order_by(Issue.date.is_null(), Issue.date, Issue.paper, Issue.id)
        return [IssueInfo(**row, pages=counts.get(row["id"], 0)) for row in query.dicts()]

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

    def page_order(self) -> list[int]:
        """Every page's id in the order the library lists them: issues as :meth:`issues`, then pages."""
        query = (
            Page.select(Page.id)
            .join(Issue)
            .order_by(Issue.date.is_null(), Issue.date, Issue.paper, Issue.id, Page.position, Page.id)
        )
        return [page_id for (page_id,) in query.tuples()]

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
        """A page's raw text, its sections with source maps, and its corrections.

        The same read-only record comes back until the library is written (by this connection
        or another): see :meth:`_cache_token`. A proofreading step stores the page it derived.
        """
        token = self._cache_token()
        kept = self._kept_pages()
        cached = kept.pop(page_id, None)
        if cached is not None and cached[0] == token:
            kept[page_id] = cached  # used last: kept longest
            if not self._db.in_transaction():
                self._saw(cached[1])
            return cached[1]
        content = self._read_page(page_id)
        if not self._db.in_transaction():  # a read inside a write could still be rolled back
            self._keep_page(page_id, (token, content))
            self._saw(content)
        return content

    def seen_version(self, page_id: int) -> int | None:
        """The version of the page this library object last handed out (None: never read)."""
        return self._seen.get(page_id)

    def _saw(self, content: PageContent) -> None:
        key = (content.info.id, content.info.version)
        with self._views_lock:
            self._views[key] = content
            self._views.move_to_end(key)
            while len(self._views) > KEPT_PAGES:
                self._views.popitem(last=False)
            self._seen[key[0]] = key[1]

    def _view(self, page_id: int, version: int | None) -> PageContent | None:
        if version is None:
            return None
        with self._views_lock:
            return self._views.get((page_id, version))

    def _kept_pages(self) -> dict[int, tuple[object, PageContent]]:
        pages = getattr(self._local, "pages", None)
        if pages is None:
            pages = self._local.pages = {}
        return pages

    def _keep_page(self, page_id: int, entry: tuple[object, PageContent]) -> None:
        """Keep a page read, and only the :data:`KEPT_PAGES` used last: a page with its source
        maps holds a few MB, and a reading session goes through many pages."""
        kept = self._kept_pages()
        kept.pop(page_id, None)
        kept[page_id] = entry
        while len(kept) > KEPT_PAGES:
            del kept[next(iter(kept))]

    def _cache_token(self) -> tuple[int, int, int] | object:
        """Changes whenever the library file may read differently: a row written by this
        connection (``total_changes``, which a rollback does not take back) or a commit by
        another connection (``PRAGMA data_version``). A server has no such cheap marker of
        other writers' commits, so each call there gives a token no kept page matches."""
        if self.server_url:
            return object()
        conn = self._db.connection()
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        return id(conn), conn.total_changes, int(version)

    def _remember_page(self, content: PageContent) -> None:
        """Keep a page read inside a write that has now committed (with its page row read again)."""
        if self._db.in_transaction():
            return
        fresh = PageContent(
            info=replace(self.page_info(content.info.id), version=content.info.version),
            raw=content.raw,
            sections=content.sections,
            corrections=content.corrections,
            section_ids=content.section_ids,
            derived=content.derived,
        )
        self._keep_page(content.info.id, (self._cache_token(), fresh))
        self._saw(fresh)

    def _read_page(self, page_id: int) -> PageContent:
        # One snapshot for the reads, without the write lock: WAL lets them run beside an import.
        with self._db.atomic(lock_type="DEFERRED"):
            info = self.page_info(page_id)
            raw = Page.select(Page.raw_text).where(Page.id == page_id).scalar()
            sections, section_ids = stored.load(page_id)
            rows = Correction.select().where(Correction.page == page_id).order_by(Correction.id)
            corrections = [from_row(CorrectionInfo, c) for c in without_noops(raw, rows)]
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

    def _page_changed(self, page_id: int, content: PageContent | None = None) -> None:
        """Bring the search index up to the page's current text; call inside the write's transaction.

        Every write that changes a page's current text or structure (a correction, a structure
        edit, their reverts, undo and redo, a re-parse) calls it, so search never shows text the
        page no longer has.
        """
        issue_id, _, entries = self._indexed_page(page_id, content)
        search_index.replace_sections(self._db.connection(), issue_id, page_id, entries)

    def rebuild_search_index(self) -> None:
        """Index every page afresh, in one transaction (after ``library copy``)."""
        with self._db.atomic():
            search_index.rebuild(self._db.connection(), lambda _conn, page_id: self._indexed_page(page_id))

    def _index_if_folded_differently(self, now: bool = True) -> None:
        """Index the library again if it was folded by another version (a new conversion table)."""
        if self.server_url:  # a server's index is made again at once, in one transaction
            if not search_index.is_current(self._db.connection()):
                self.rebuild_search_index()
            self._clear_noop_marks()
            return
        conn = self._db.connection()
        if search_index.is_current(conn):
            self._clear_noop_marks()
            return
        with self._db.atomic():
            if not search_index.is_current(conn) and not search_index.is_rebuilding(conn):
                search_index.start_rebuild(conn)
        self._clear_noop_marks()
        if now:
            self.update_search_index()

    def _clear_noop_marks(self) -> None:
        """Index again, once, the pages an older version indexed with a no-op correction marked
        (:mod:`models.library.search_repair`); a library that cannot be written now is left
        as it is until it is next opened."""
        conn = self._db.connection()
        if search_repair.is_cleared(conn):
            return
        try:
            with self._db.atomic():
                if not search_repair.is_cleared(conn):
                    search_repair.clear_noop_marks(conn, lambda page_id: self._indexed_page(page_id))
        except DatabaseError:  # locked by another program, a read-only file: next time
            pass

    def search_index_progress(self) -> tuple[int, int] | None:
        """(pages indexed, pages in all) while the search index is being made again, else None."""
        return search_index.rebuild_progress(self._db.connection())

    def update_search_index(self, progress: Any = None, batch: int = 25) -> bool:
        """Carry on making the search index again, ``batch`` pages a transaction; True once whole.

        ``progress(done, total)`` is called after each batch and may stop it (return False): the
        rebuild goes on from there next time. Search finds only the pages indexed so far.
        """
        conn = self._db.connection()
        last = search_index.rebuild_progress(conn)
        while last is not None:
            with self._db.atomic():
                step = search_index.rebuild_step(
                    conn, lambda _conn, page_id: self._indexed_page(page_id), batch
                )
            if step is None:
                if progress is not None:
                    progress(last[1], last[1])
                break
            last = step
            if progress is not None and progress(*step) is False:
                return False
        return True

    def _indexed_page(
        self, page_id: int, content: PageContent | None = None
    ) -> tuple[int, str, list[search_index.SectionEntry]]:
        """``content``: the page as it now reads, when the caller has just read it."""
        content = content or self.page(page_id)
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
    Page.version,
)


def parser_version() -> str:
    """The version of the parser that runs now (recorded with each page it makes)."""
    import models.parser

    return str(getattr(models.parser, "PARSER_VERSION", ""))


_parser_version = parser_version
