"""Pages and libraries for the annotation tests (a helper module, not a test file)."""

from __future__ import annotations

from pathlib import Path

from models.annotations.service import AnnotatedPage, Annotations
from models.library.service import Library

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_PAGE = ROOT / "resources" / "sample-page.txt"

#: A small page with characters outside the BMP (𠀀 is one code point, two UTF-16 units).
ASTRAL_PAGE = """𠀀城日报

𠀀城新闻 示范区召开大会

本报讯 记者𠀀明报道 11月20日，示范区召开城乡一体化工作推进大会。会议指出，要坚持
问题导向，狠抓工作落实，确保各项任务按时完成。会议要求，各部门要加强协作，形成合力。
与会人员还参观了𠀀家庄的新农村建设成果，大家纷纷表示，要学习先进经验，推动示范区
高质量发展。
"""


def library_with(
    folder: Path, *pages: tuple[str, str], db: str = "library.sqlite3"
) -> tuple[Annotations, list[int]]:
    """A library in ``folder`` holding the (file name, text) pages as one issue; page ids in that order."""
    issue = folder / "issue"
    issue.mkdir(parents=True, exist_ok=True)
    for name, text in pages:
        (issue / name).write_text(text, encoding="utf-8")
    library = Library.open(folder / db)
    library.import_paths([issue])
    by_name = {Path(p.source_path or "").name: p.id for i in library.issues() for p in library.pages(i.id)}
    return Annotations(library), [by_name[name] for name, _ in pages]


def sample_text() -> str:
    return SAMPLE_PAGE.read_text(encoding="utf-8")


def locate(page: AnnotatedPage, words: str, nth: int = 0) -> tuple[int, int, int]:
    """(section, start, end) of the nth occurrence of words in the page's section texts."""
    seen = 0
    for index, text in enumerate(page.texts):
        start = text.find(words)
        while start >= 0:
            if seen == nth:
                return index, start, start + len(words)
            seen += 1
            start = text.find(words, start + 1)
    raise AssertionError(f"{words!r} is not on the page")


def mark(annotations: Annotations, page: AnnotatedPage, words: str, category: str = "要点", **kw):
    section, start, end = locate(page, words)
    cat = annotations.category_named(category)
    assert cat is not None
    return annotations.create(page, section, start, end, cat.id, **kw)


def open_test_issue(win, folder: Path, sample: bool = True) -> dict[str, int]:
    """Import an issue of the astral page (and the sample page) into the window's library and
    open the astral page; return page ids by file name (also kept as ``win.test_pages``)."""
    files = {"astral.txt": ASTRAL_PAGE}
    if sample:
        files["sample.txt"] = sample_text()
    import_test_issue(win, folder, files)
    assert win.open_library_page(win.test_pages["astral.txt"])
    return win.test_pages


def import_test_issue(win, folder: Path, files: dict[str, str]) -> dict[str, int]:
    """Import one issue of these pages (file name -> text) into the window's library; return
    page ids by file name (also kept as ``win.test_pages``)."""
    issue = folder / "issue"
    issue.mkdir()
    for name, text in files.items():
        (issue / name).write_text(text, encoding="utf-8")
    win.library.import_paths([issue])
    win.test_pages = {
        Path(p.source_path).name: p.id for i in win.library.issues() for p in win.library.pages(i.id)
    }
    return win.test_pages
