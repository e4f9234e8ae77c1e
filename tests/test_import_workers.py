"""A large import parses in worker processes and writes as it goes, still all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import shared_path

from models.errors import PageFileError
from models.library import import_pages
from models.library.service import Library

TABLES = ("issue", "page", "section", "paragraph", "search_section", "page_image")


def _dev_issues(tmp_path: Path, issues: int = 2, pages: int = 4) -> list[Path]:
    """Issue folders of dev pages (real page files), ``pages`` each."""
    sources = sorted(shared_path("data", "pages-dev").glob("*.txt"))
    folders = []
    for i in range(issues):
        folder = tmp_path / "archive" / f"人民日报2020-02-{10 + i:02d}"
        folder.mkdir(parents=True)
        for n in range(pages):
            src = sources[(i * pages + n) % len(sources)]
            (folder / f"page-{n + 1:02d}.txt").write_bytes(src.read_bytes())
        folders.append(folder)
    return folders


def _counts(library: Library) -> tuple[int, ...]:
    db = library.database
    return tuple(db.execute_sql(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES)


def _content(library: Library) -> list[tuple]:
    """What a reader sees of every page: issue, number, name, raw text and sections' text."""
    out = []
    for issue in library.issues():
        for info in library.pages(issue.id):
            page = library.page(info.id)
            texts = [[t.text for t in s.all_texts()] for s in page.sections]
            out.append((issue.paper, issue.date, info.number, info.name, page.raw, texts))
    return out


@pytest.fixture
def workers_for_small_imports(monkeypatch: pytest.MonkeyPatch) -> None:
    """Worker processes from the second page on (a real import starts them from 24 pages)."""
    monkeypatch.setattr(import_pages, "POOL_MIN_PAGES", 2)


def test_pages_parsed_in_workers_are_stored_as_an_import_in_process_stores_them(
    tmp_path: Path, workers_for_small_imports: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders = _dev_issues(tmp_path)
    with Library.open(tmp_path / "workers.sqlite3") as pooled:
        report = pooled.import_paths(folders)
        assert (report.pages_added, report.issues_created) == (8, 2)
        pooled_content = _content(pooled)
        pooled_hits = [(h.page_id, h.section, h.start) for h in pooled.search("的", limit=500)]
        raw_hits = [(h.page_id, h.start) for h in pooled.search("发展", raw=True, limit=500)]
    monkeypatch.setattr(import_pages, "POOL_MIN_PAGES", 10_000)
    with Library.open(tmp_path / "serial.sqlite3") as serial:
        serial.import_paths(folders)
        assert _content(serial) == pooled_content
        assert [(h.page_id, h.section, h.start) for h in serial.search("的", limit=500)] == pooled_hits
        assert [(h.page_id, h.start) for h in serial.search("发展", raw=True, limit=500)] == raw_hits
    assert len(pooled_hits) == 500 and raw_hits


def test_a_bad_file_late_in_a_worker_import_leaves_nothing(
    tmp_path: Path, workers_for_small_imports: None
) -> None:
    folders = _dev_issues(tmp_path)
    (folders[-1] / "page-99.txt").write_bytes(b"\x00\x01binary\x00")
    with Library.open(tmp_path / "library.sqlite3") as library:
        with pytest.raises(PageFileError, match="page-99.txt.*binary"):
            library.import_paths(folders)
        assert _counts(library) == (0,) * len(TABLES)
        assert library.search("的") == [] and library.search("的", raw=True) == []
        # The library works on: the good pages import afterwards.
        (folders[-1] / "page-99.txt").unlink()
        assert library.import_paths(folders).pages_added == 8


def test_cancelling_a_worker_import_half_way_leaves_nothing(
    tmp_path: Path, workers_for_small_imports: None
) -> None:
    folders = _dev_issues(tmp_path)
    with Library.open(tmp_path / "library.sqlite3") as library:
        report = library.import_paths(folders, lambda done, total, name: done < 6)
        assert report.cancelled
        assert _counts(library) == (0,) * len(TABLES)
        assert library.search("的", raw=True) == []
