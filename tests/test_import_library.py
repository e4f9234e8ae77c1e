"""Importing pages: folders become issues, nothing is duplicated, bad input writes nothing."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from conftest import shared_path

from models.errors import DubaoError, PageFileError
from models.library.filenames import guess_from_name
from models.library.service import Library

pytestmark = pytest.mark.engines

PAGE = "扎实抓好春季农业生产\n\n立春时节，各地春耕备耕正有序\n开展。\n"


def _write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def _counts(library: Library) -> tuple[int, ...]:
    db = library.database
    return tuple(
        db.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("issue", "page", "section", "paragraph", "search_section")
    )


def test_a_folder_is_one_issue_with_its_pages_in_name_order(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "人民日报2020-02-12"
    for name in ("p10.txt", "p2.txt", "p1.txt"):
        _write(folder, name, f"{name}的内容\n\n{PAGE}")
    _write(folder, "readme.md", "not a page")
    report = library.import_paths([folder])
    assert (report.pages_added, report.issues_created) == (3, 1)
    [issue] = library.issues()
    assert (issue.paper, issue.date, issue.title, issue.pages) == ("人民日报", "2020-02-12", folder.name, 3)
    pages = library.pages(issue.id)
    assert [p.name for p in pages] == ["p1", "p2", "p10"]
    assert [p.number for p in pages] == [1, 2, 10]


def test_the_dev_folder_imports_as_one_issue_of_twenty_pages_in_name_order(library: Library) -> None:
    folder = shared_path("data", "pages-dev")
    library.import_paths([folder])
    [issue] = library.issues()
    names = [p.name for p in library.pages(issue.id)]
    assert names == sorted(p.stem for p in folder.glob("*.txt"))
    assert len(names) == 20


def test_importing_the_same_pages_twice_adds_nothing(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "issue"
    for i in range(3):
        _write(folder, f"page-{i}.txt", f"第{i}版\n\n{PAGE}")
    first = library.import_paths([folder])
    before = _counts(library)
    second = library.import_paths([folder])
    assert (second.pages_added, second.pages_skipped, second.issues_created) == (0, 3, 0)
    # The same text under another name, alone or twice in one call, is the same page.
    copy = _write(tmp_path / "elsewhere", "renamed.txt", f"第1版\n\n{PAGE}")
    third = library.import_paths([copy, copy])
    assert (third.pages_added, third.pages_skipped) == (0, 2)
    # The duplicates point at the page already there, so the window can open it instead.
    [already] = third.skipped_page_ids
    assert library.page(already).raw == f"第1版\n\n{PAGE}"
    assert _counts(library) == before
    assert first.summary() == "imported 3 pages into 1 issue (1 new)"
    assert second.summary() == "imported 0 pages into 0 issues; 3 already in the library"


def test_a_new_file_in_a_folder_imported_before_joins_its_issue(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "issue"
    _write(folder, "b.txt", "乙版\n")
    library.import_paths([folder])
    _write(folder, "a.txt", "甲版\n")
    report = library.import_paths([folder])
    assert (report.pages_added, report.issues_created) == (1, 0)
    [issue] = library.issues()
    assert [p.name for p in library.pages(issue.id)] == ["a", "b"]


def test_loose_files_of_one_paper_and_date_share_an_issue(library: Library, tmp_path: Path) -> None:
    one = _write(tmp_path, "rmrb-2020-02-12-p01.txt", "一版\n")
    two = _write(tmp_path, "rmrb-2020-02-12-p02.txt", "二版\n")
    other = _write(tmp_path, "rmrb-2020-02-13-p01.txt", "次日一版\n")
    library.import_paths([two])
    library.import_paths([other, one])
    issues = library.issues()
    assert [(i.paper, i.date, i.pages) for i in issues] == [
        ("人民日报", "2020-02-12", 2),
        ("人民日报", "2020-02-13", 1),
    ]
    assert [(p.number, p.name) for p in library.pages(issues[0].id)] == [(1, one.stem), (2, two.stem)]


def test_a_bad_file_in_a_folder_leaves_nothing_behind(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "issue"
    _write(folder, "a-good.txt", PAGE)
    (folder / "b-bad.txt").write_bytes(b"\x00\x01\x02binary\x00")
    with pytest.raises(PageFileError, match="b-bad.txt.*binary"):
        library.import_paths([folder])
    assert _counts(library) == (0, 0, 0, 0, 0)
    assert library.issues() == []


def test_a_parser_failure_is_reported_in_one_line_and_writes_nothing(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import models.parser

    def broken(raw: str):
        raise IndexError("list index out of range")

    good = _write(tmp_path, "good.txt", PAGE)
    monkeypatch.setattr(models.parser, "parse_page", broken)
    with pytest.raises(DubaoError, match=r"good.txt: the page could not be parsed \(IndexError") as info:
        library.import_paths([good])
    assert "\n" not in str(info.value)
    assert _counts(library) == (0, 0, 0, 0, 0)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda d: d / "missing.txt", "no such file or folder"),
        (lambda d: (d / "empty").mkdir() or d / "empty", "no page files"),
        (lambda d: _write(d, "zero.txt", ""), "empty"),
    ],
)
def test_bad_paths_are_refused_before_anything_is_written(
    library: Library, tmp_path: Path, make, reason: str
) -> None:
    good = _write(tmp_path / "good", "page.txt", PAGE)
    with pytest.raises(DubaoError, match=reason):
        library.import_paths([good, make(tmp_path)])
    assert _counts(library) == (0, 0, 0, 0, 0)


def test_cancelling_an_import_adds_nothing(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "issue"
    for i in range(5):
        _write(folder, f"{i}.txt", f"第{i}版\n")
    calls: list[tuple[int, int, str]] = []

    def progress(done: int, total: int, name: str) -> bool:
        calls.append((done, total, name))
        return done < 3

    report = library.import_paths([folder], progress)
    assert report.cancelled and report.pages_added == 0
    assert calls[:4] == [(0, 5, "0.txt"), (1, 5, "1.txt"), (2, 5, "2.txt"), (3, 5, "3.txt")]
    assert _counts(library) == (0, 0, 0, 0, 0)
    seen: list[int] = []
    done = library.import_paths([folder], lambda d, t, n: seen.append(d))
    assert done.pages_added == 5 and seen == [0, 1, 2, 3, 4, 5]


def test_legacy_encodings_import_as_the_same_text(library: Library, tmp_path: Path) -> None:
    gbk = _write(
        tmp_path, "gbk.txt", "焦作市城乡一体化示范区召开动员大会，全面贯彻落实市委全会精神。\n" * 3, "gb18030"
    )
    report = library.import_paths([gbk])
    content = library.page(report.page_ids[0])
    assert content.raw == "焦作市城乡一体化示范区召开动员大会，全面贯彻落实市委全会精神。\n" * 3


def test_issue_and_page_metadata_can_be_edited(library: Library, tmp_path: Path) -> None:
    report = library.import_paths([_write(tmp_path, "page.txt", PAGE)])
    issue_id, page_id = report.issue_ids[0], report.page_ids[0]
    changed = library.update_issue(issue_id, paper="人民日报", date="2020-02-12", page_count=20)
    assert (changed.paper, changed.date, changed.page_count, changed.title) == (
        "人民日报",
        "2020-02-12",
        20,
        "page",
    )
    assert library.update_issue(issue_id, date=None).date is None
    with pytest.raises(DubaoError, match="not a date"):
        library.update_issue(issue_id, date="12/02/2020")
    with pytest.raises(DubaoError, match="no issue"):
        library.update_issue(9999, paper="x")
    page = library.update_page(page_id, number=4, name="国际")
    assert (page.number, page.name) == (4, "国际")
    assert library.pages(issue_id) == [page]


def test_the_window_can_read_while_an_import_writes(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "big"
    for i in range(30):
        _write(folder, f"{i:02d}.txt", f"第{i}版\n\n{PAGE * 20}")
    library.import_paths([_write(tmp_path, "first.txt", PAGE)])
    errors: list[BaseException] = []

    def work() -> None:
        try:
            library.import_paths([folder])
        except BaseException as exc:  # noqa: BLE001 - reported to the test below
            errors.append(exc)
        finally:
            library.database.close()

    thread = threading.Thread(target=work)
    thread.start()
    reads = 0
    while thread.is_alive():
        assert library.issues()[0].pages == 1
        reads += 1
    thread.join()
    assert errors == []
    assert reads > 0
    assert sum(i.pages for i in library.issues()) == 31


@pytest.mark.parametrize(
    ("name", "paper", "date", "number"),
    [
        ("人民日报2020年2月12日第3版", "人民日报", "2020-02-12", 3),
        ("rmrb20200212_03", "人民日报", "2020-02-12", 3),
        ("jiaozuo-2016-11-page", "jiaozuo", "2016-11", None),
        ("焦作日报 2016.11.02 04版", "焦作日报", "2016-11-02", 4),
        ("page-007", None, None, 7),
        ("A05", None, None, 5),
        ("2020-02-12", None, "2020-02-12", None),
        ("scans", None, None, None),
        ("2020-13-45", None, None, None),
        ("人民日报第十二版", "人民日报", None, 12),
        ("scan 12", None, None, 12),
    ],
)
def test_names_tell_paper_date_and_page_number(
    name: str, paper: str | None, date: str | None, number: int | None
) -> None:
    guess = guess_from_name(name)
    assert (guess.paper, guess.date, guess.number) == (paper, date, number)


def test_the_seed_page_imports_with_its_date_from_the_file_name(library: Library, tmp_path: Path) -> None:
    seed = shared_path("data", "seed", "jiaozuo-2016-11-page.txt")
    copy = tmp_path / seed.name
    shutil.copy(seed, copy)
    library.import_paths([copy])
    [issue] = library.issues()
    assert issue.date == "2016-11"


def test_a_library_another_program_keeps_locked_fails_in_one_line_and_stays_whole(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str
) -> None:
    import sqlite3

    if engine != "sqlite":
        pytest.skip("SQLite's write lock: a server has no file another program can lock")
    monkeypatch.setattr(library.database, "_timeout", 0.2)
    library.database.close()  # reconnect with the short wait
    page = _write(tmp_path, "page.txt", PAGE)
    shown = library.import_paths([_write(tmp_path, "shown.txt", "已在库中。\n")]).page_ids[0]
    other = sqlite3.connect(library.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DubaoError, match="busy for more than 0.2 s; nothing was saved"):
            library.import_paths([page])
        # Reading is never held up by a writer.
        assert library.page(shown).raw == "已在库中。\n"
        assert library.search("已在库") and library.issues()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _counts(library)[1] == 1
    assert library.import_paths([page]).pages_added == 1


def test_an_import_thread_opening_the_same_library_leaves_the_windows_library_working(
    library: Library, tmp_path: Path
) -> None:
    """The UI's import task opens the library file again in its own thread."""
    folder = tmp_path / "issue"
    for i in range(3):
        _write(folder, f"{i}.txt", f"第{i}版\n\n{PAGE}")
    reports = []

    def work() -> None:
        worker = Library.open(library.path)
        try:
            reports.append(worker.import_paths([folder]))
        finally:
            worker.close()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert reports[0].pages_added == 3
    # Each open is a library object with its own connection; both see the same file's rows.
    with Library.open(library.path) as again:
        assert again.database is not library.database
        assert [i.id for i in again.issues()] == [i.id for i in library.issues()]
    [issue] = library.issues()
    assert library.update_issue(issue.id, paper="人民日报").paper == "人民日报"
    with pytest.raises(DubaoError):
        with library.database.atomic():
            library.update_issue(issue.id, paper="光明日报")
            raise DubaoError("the user cancelled the edit")
    assert library.issue(issue.id).paper == "人民日报"


def test_a_folder_of_issue_folders_imports_one_issue_each(library: Library, tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    _write(archive / "rmrb-2020-02-12", "01.txt", "十二日一版\n")
    _write(archive / "rmrb-2020-02-12", "02.txt", "十二日二版\n")
    _write(archive / "rmrb-2020-02-13", "01.txt", "十三日一版\n")
    (archive / "empty").mkdir()
    report = library.import_paths([archive])
    assert (report.pages_added, report.issues_created) == (3, 2)
    assert [(i.paper, i.date, i.pages) for i in library.issues()] == [
        ("人民日报", "2020-02-12", 2),
        ("人民日报", "2020-02-13", 1),
    ]


def test_two_copies_of_a_new_page_in_one_import_store_it_once(library: Library, tmp_path: Path) -> None:
    one = _write(tmp_path / "a", "one.txt", PAGE)
    two = _write(tmp_path / "b", "two.txt", PAGE)
    report = library.import_paths([one, two])
    assert (report.pages_added, report.pages_skipped) == (1, 1)
    assert report.skipped_page_ids == report.page_ids


def test_a_masthead_names_the_page_and_dates_the_issue(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import models.parser
    from models.section import ParsedPage, Section
    from models.text import MappedText

    def parser(raw: str) -> ParsedPage:
        first, second = raw.split("\n")[:2]
        masthead = Section(
            kind="masthead",
            heading=MappedText.from_raw(raw, 0, len(first)),
            paragraphs=[MappedText.from_raw(raw, len(first) + 1, len(first) + 1 + len(second))],
        )
        return ParsedPage(raw=raw, sections=[masthead])

    monkeypatch.setattr(models.parser, "parse_page", parser)
    page = _write(tmp_path, "scan-0042.txt", "焦作日报\n2016年11月2日 星期三\n正文。\n")
    library.import_paths([page])
    [issue] = library.issues()
    assert (issue.paper, issue.date) == ("焦作日报", "2016-11-02")
    assert [(p.name, p.number) for p in library.pages(issue.id)] == [("焦作日报", 42)]
