"""Importing page files into the library.

A folder is one issue and its ``*.txt`` files its pages, in name order (a folder of such
folders is one issue per folder); an image (or PDF) of the same name beside a page file is its
scan (``page-001.txt`` + ``page-001.png``), stored with it; files given on
their own are pages of the issue their names point to (same paper and date), or of an
issue of their own. A file whose text is already in the library (same SHA-256) is
skipped, so importing twice never duplicates.

All or nothing: every file is read and parsed before anything is written, so a bad
file refuses the whole import with its one-line reason; the writing then happens in a
single transaction. Cancelling (the progress callback returns ``False``) also leaves the
library as it was.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from peewee import SqliteDatabase

from models.errors import DubaoError
from models.input_files import check_input
from models.library import page_images, search_index
from models.library import sections as stored
from models.library.filenames import NameGuess, find_date, guess_from_name, natural_key
from models.library.schema import Issue, Page
from models.scan_file import ScanImage, read_scan, scan_beside
from models.section import ParsedPage

#: ``progress(done, total, name)``: called before each file; return ``False`` to cancel.
Progress = Callable[[int, int, str], "bool | None"]

PAGE_SUFFIX = ".txt"
_MAX_NAME = 40


class ImportFailed(DubaoError):
    """An import refused because of one of its files or paths."""


@dataclass(frozen=True)
class ImportReport:
    """What an import did; nothing at all when ``cancelled``."""

    pages_added: int = 0
    pages_skipped: int = 0
    issues_created: int = 0
    issue_ids: tuple[int, ...] = ()
    page_ids: tuple[int, ...] = ()
    #: Pages already in the library that files of this import duplicate (open these instead).
    skipped_page_ids: tuple[int, ...] = ()
    cancelled: bool = False

    def summary(self) -> str:
        """One line for the CLI and the status bar."""
        if self.cancelled:
            return "import cancelled; nothing was added"
        pages = f"{self.pages_added} page{'s' if self.pages_added != 1 else ''}"
        issues = len(self.issue_ids)
        text = f"imported {pages} into {issues} issue{'s' if issues != 1 else ''}"
        if self.issues_created:
            text += f" ({self.issues_created} new)"
        if self.pages_skipped:
            text += f"; {self.pages_skipped} already in the library"
        return text


@dataclass
class _Group:
    """Files that belong together: a folder's pages, or one loose file."""

    files: list[Path]
    folder: Path | None = None


@dataclass
class _PreparedPage:
    """A read and parsed file, reduced to the rows it will become (source maps compacted)."""

    path: Path
    raw: str
    sha256: str
    encoding: str
    guess: NameGuess
    sections: list[stored.StoredSection] = field(default_factory=list)
    #: The sections as the search index keeps them (a new page has no corrections).
    search_entries: list[search_index.SectionEntry] = field(default_factory=list)
    #: All the masthead's text (a date printed there dates the issue) and its title.
    masthead: str | None = None
    masthead_title: str | None = None
    #: The scan beside the file (same name, .png/.jpg/.tif/.pdf), read and checked.
    scan: ScanImage | None = None


def _page_files(folder: Path) -> list[Path]:
    """A folder's page files in name order (``p2`` before ``p10``), hidden files left out."""
    try:
        entries = list(folder.iterdir())
    except OSError as exc:
        raise ImportFailed(f"{folder}: cannot be read ({exc.strerror or exc})") from None
    pages = [
        p for p in entries if p.is_file() and p.suffix.lower() == PAGE_SUFFIX and not p.name.startswith(".")
    ]
    return sorted(pages, key=lambda p: natural_key(p.name))


def collect(paths: Sequence[str | os.PathLike[str]]) -> list[_Group]:
    """Group the paths to import: a folder of pages is one group (an issue), a file one group.

    A folder that holds no pages but folders of pages (an archive of issues, one folder
    each) gives one group per such folder.
    """
    if not paths:
        raise ImportFailed("nothing to import: give page files or folders")
    groups: list[_Group] = []
    for item in paths:
        path = Path(item)
        info = check_input(path, folder_ok=True)  # names a loop, a FIFO, a dangling link
        if stat.S_ISDIR(info.st_mode):
            files = _page_files(path)
            if files:
                groups.append(_Group(files=files, folder=path))
                continue
            subfolders = sorted(
                (p for p in path.iterdir() if p.is_dir() and not p.name.startswith(".")),
                key=lambda p: natural_key(p.name),
            )
            issues = [_Group(files=f, folder=sub) for sub in subfolders if (f := _page_files(sub))]
            if not issues:
                raise ImportFailed(f"{path}: no page files (*{PAGE_SUFFIX}) in this folder")
            groups.extend(issues)
        else:
            groups.append(_Group(files=[path]))
    return groups


def _prepare(path: Path, parse: Callable[[str], ParsedPage]) -> _PreparedPage:
    from models.page_file import read_page_file

    page_file = read_page_file(path)
    try:
        parsed = parse(page_file.raw)
    except DubaoError:
        raise
    except Exception as exc:  # a parser bug must not leave a traceback or half an import
        raise ImportFailed(f"{path}: the page could not be parsed ({type(exc).__name__}: {exc})") from exc
    prepared = _PreparedPage(
        path=path,
        raw=page_file.raw,
        sha256=page_file.sha256,
        encoding=page_file.encoding,
        guess=guess_from_name(path.stem),
    )
    prepared.sections = stored.to_rows(parsed)
    beside = scan_beside(path)
    if beside is not None:
        prepared.scan = read_scan(beside)  # a broken scan refuses the import, like a broken page
    prepared.search_entries = search_index.section_entries(parsed.sections)
    for section in parsed.sections:
        if section.kind == "masthead":
            texts = section.all_texts()
            prepared.masthead = " ".join(t.text for t in texts)
            title = section.heading or (texts[0] if texts else None)
            prepared.masthead_title = title.text.strip() if title is not None else None
            break
    return prepared


def import_paths(
    db: SqliteDatabase,
    paths: Sequence[str | os.PathLike[str]],
    progress: Progress | None = None,
    parse: Callable[[str], ParsedPage] | None = None,
) -> ImportReport:
    """Import files and folders; all or nothing. Raises ImportFailed/PageFileError on bad input."""
    import models.parser

    parse = parse or models.parser.parse_page
    version = str(getattr(models.parser, "PARSER_VERSION", ""))
    groups = collect(paths)
    total = sum(len(g.files) for g in groups)
    done = 0
    prepared: list[list[_PreparedPage]] = []
    for group in groups:
        pages = []
        for path in group.files:
            if progress is not None and progress(done, total, path.name) is False:
                return ImportReport(cancelled=True)
            pages.append(_prepare(path, parse))
            done += 1
        prepared.append(pages)
    if progress is not None and progress(done, total, "") is False:
        return ImportReport(cancelled=True)
    # A lock held past the busy timeout, a full disk, a read-only file: the transaction is rolled
    # back whole and the library's atomic() raises a LibraryWriteError that says which.
    with db.atomic():
        return _write(groups, prepared, version)


def _write(groups: list[_Group], prepared: list[list[_PreparedPage]], version: str) -> ImportReport:
    all_hashes = {p.sha256 for pages in prepared for p in pages}
    existing: dict[str, int] = {}
    for sha, page_id in Page.select(Page.sha256, Page.id).where(Page.sha256.in_(list(all_hashes))).tuples():
        existing.setdefault(sha, page_id)
    seen = set(existing)
    added: list[int] = []
    skipped: list[str] = []
    created = 0
    touched: dict[int, None] = {}
    loose_issues: dict[tuple[str | None, str | None], int] = {}
    for group, pages in zip(groups, prepared, strict=True):
        fresh = []
        for page in pages:
            if page.sha256 in seen:
                skipped.append(page.sha256)
                if (
                    page.scan is not None
                    and page.sha256 in existing
                    and not page_images.has_scan(existing[page.sha256])
                ):
                    page_images.put(existing[page.sha256], page.scan)  # a scan added beside it since
            else:
                seen.add(page.sha256)
                fresh.append(page)
        if not fresh:
            continue
        if group.folder is not None:
            issue_id, new = _folder_issue(group.folder, pages)
        else:
            key = (pages[0].guess.paper, pages[0].guess.date)
            if key != (None, None) and key in loose_issues:
                issue_id, new = loose_issues[key], False
            else:
                issue_id, new = _file_issue(pages[0])
                loose_issues[key] = issue_id
        created += new
        touched[issue_id] = None
        for page in fresh:
            fallback = group.files.index(page.path) + 1 if group.folder is not None else None
            added.append(_insert_page(issue_id, page, version, fallback))
            existing[page.sha256] = added[-1]
    for issue_id in touched:
        _fill_issue_date(issue_id, [p for pages in prepared for p in pages])
        _order_pages(issue_id)
    return ImportReport(
        pages_added=len(added),
        pages_skipped=len(skipped),
        issues_created=created,
        issue_ids=tuple(touched),
        page_ids=tuple(added),
        skipped_page_ids=tuple(dict.fromkeys(existing[sha] for sha in skipped)),
    )


def _folder_issue(folder: Path, pages: list[_PreparedPage]) -> tuple[int, bool]:
    """The issue a folder imports into: the one imported from it before, or a new one."""
    where = str(folder.resolve())
    existing = Issue.select(Issue.id).where(Issue.source_path == where).first()
    if existing is not None:
        return existing.id, False
    guess = guess_from_name(folder.name)
    paper, date = guess.paper, guess.date
    # Folders named only by date ("2020-02-12") take the paper from the files, and vice versa.
    papers = {p.guess.paper for p in pages}
    dates = {p.guess.date for p in pages}
    if paper is None and len(papers) == 1:
        paper = papers.pop()
    if date is None and len(dates) == 1:
        date = dates.pop()
    paper = paper or _paper_from_masthead(pages)
    issue = Issue.create(paper=paper or "", date=date, title=folder.name, source_path=where)
    return issue.id, True


def _file_issue(page: _PreparedPage) -> tuple[int, bool]:
    """The issue of a loose file: an existing one with its paper and date, or a new one."""
    paper, date = page.guess.paper, page.guess.date
    if paper is not None or date is not None:
        query = Issue.select(Issue.id).where(Issue.paper == (paper or ""))
        query = query.where(Issue.date.is_null() if date is None else Issue.date == date)
        existing = query.order_by(Issue.id).first()
        if existing is not None:
            return existing.id, False
    paper = paper or _paper_from_masthead([page])
    title = " ".join(x for x in (paper, date) if x) or page.path.stem
    issue = Issue.create(paper=paper or "", date=date, title=title)
    return issue.id, True


def _paper_from_masthead(pages: list[_PreparedPage]) -> str | None:
    """A masthead that is a paper's name (人民日报, 焦作晚报) names the issue's paper."""
    for page in pages:
        name = (page.masthead_title or "").split()
        if name and 2 <= len(name[0]) <= 12 and name[0].endswith("报"):
            return name[0]
    return None


def _fill_issue_date(issue_id: int, pages: list[_PreparedPage]) -> None:
    """An issue without a date takes the one printed in a masthead of its pages."""
    issue = Issue.get_by_id(issue_id)
    if issue.date is not None:
        return
    hashes = {sha for (sha,) in Page.select(Page.sha256).where(Page.issue == issue_id).tuples()}
    for page in pages:
        if page.sha256 in hashes and page.masthead:
            found = find_date(page.masthead)
            if found:
                Issue.update(date=found[0]).where(Issue.id == issue_id).execute()
                return


def _insert_page(issue_id: int, page: _PreparedPage, version: str, fallback_number: int | None) -> int:
    name = page.path.stem
    if page.masthead_title and len(page.masthead_title) <= _MAX_NAME:
        name = page.masthead_title
    page_id = Page.insert(
        issue=issue_id,
        number=page.guess.number if page.guess.number is not None else fallback_number,
        name=name,
        source_path=str(page.path.resolve()),
        raw_text=page.raw,
        sha256=page.sha256,
        encoding=page.encoding,
        parser_version=version,
    ).execute()
    stored.insert(int(page_id), page.sections)
    if page.scan is not None:
        page_images.put(int(page_id), page.scan)
    search_index.add_page(
        Page._meta.database.connection(), issue_id, int(page_id), page.raw, page.search_entries
    )
    return int(page_id)


def _order_pages(issue_id: int) -> None:
    """Number the issue's pages in file-name order (the order a folder lists them)."""
    rows = list(Page.select(Page.id, Page.source_path, Page.name).where(Page.issue == issue_id).tuples())
    rows.sort(key=lambda r: natural_key(Path(r[1]).name if r[1] else r[2]))
    for position, (page_id, _, _) in enumerate(rows):
        Page.update(position=position).where(Page.id == page_id).execute()
