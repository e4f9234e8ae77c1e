"""Start-up shows the library's panel and the page read last as the window left them, before the
library (peewee, its modules) is loaded, also after another program wrote the library file (the
page is then read again in place once the library opens; issue 11)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from annotation_pages import open_test_issue
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from models.library import start_view
from models.library.service import Library
from ui.common.settings import Settings
from ui.shell.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def home(tmp_path: Path, monkeypatch) -> Path:
    """The app-data folder the window keeps its view in (this test's own)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data" / "Dubao"


def _window(qtbot, tmp_path: Path) -> MainWindow:
    settings = Settings(QSettings(str(tmp_path / "dubao.ini"), QSettings.Format.IniFormat))
    win = MainWindow(settings, db=str(tmp_path / "library.sqlite3"))
    qtbot.addWidget(win)
    win.firstPainted.disconnect(win._build_soon)  # the test says when they are built
    win.resize(1400, 900)
    with qtbot.waitSignal(win.firstPainted):  # the app shows its start page then (ui.shell.app)
        win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def _tree(win: MainWindow) -> list[tuple[str, list[str]]]:
    tree = win.library_panel.tree
    return [
        (
            tree.topLevelItem(i).text(0),
            [tree.topLevelItem(i).child(j).text(0) for j in range(tree.topLevelItem(i).childCount())],
        )
        for i in range(tree.topLevelItemCount())
    ]


def _columns(win: MainWindow) -> list[str]:
    return [c.plain_text() for c in win.page_view.columns]


def _left(qtbot, tmp_path: Path, correct: bool = True):
    """A window that read the astral page (a correction made on it), then closed as the app exits."""
    win = _window(qtbot, tmp_path)
    assert win.open_library()
    pages = open_test_issue(win, tmp_path)
    page_id = pages["astral.txt"]
    if correct:
        content = win.library.page(page_id)
        section = next(i for i, s in enumerate(content.current_sections) if s.paragraphs)
        win.library.correct(page_id, section, 0, 1, "㐀")
    win.refresh_library()
    assert win.open_library_page(page_id)
    shown = (_tree(win), _columns(win), win.page_title, win.details.line(""))
    win.close()
    assert win.keep_start_view()
    assert win.library is None  # closed, so the file is as the next start finds it
    return page_id, shown


def test_the_next_start_shows_the_page_and_panel_as_left_then_opens_the_library(qtbot, tmp_path, home):
    page_id, shown = _left(qtbot, tmp_path)
    win = _window(qtbot, tmp_path)
    assert win.open_library_page_ref(f"library:{page_id}")
    assert win.library is None  # shown from the kept view: the library is not open yet
    assert (_tree(win), _columns(win), win.page_title, win.details.line("")) == shown
    assert "㐀" in "".join(_columns(win))  # the correction in force, as the reader showed it
    qtbot.waitUntil(lambda: win.library is not None)  # it opens on the next pass of the event loop
    assert win.page_content is not None and win.page_content.info.id == page_id
    assert (_tree(win), _columns(win)) == shown[:2]
    win.close()
    win.library.close()


def test_a_key_before_the_library_opens_opens_it_first(qtbot, tmp_path, home):
    page_id, _ = _left(qtbot, tmp_path)
    win = _window(qtbot, tmp_path)
    assert win.open_library_page_ref(f"library:{page_id}") and win.library is None
    column = win.page_view.columns[0]
    column.setFocus()
    QTest.keyClick(column, Qt.Key.Key_F2)  # proofreading mode: it needs the library's page
    assert win.library is not None and win.page_content is not None
    assert win.proofreading.active
    win.close()
    win.library.close()


def test_a_write_since_the_window_closed_shows_the_kept_view_then_the_library_as_written(
    qtbot, tmp_path, home
):
    page_id, shown = _left(qtbot, tmp_path)
    with Library.open(tmp_path / "library.sqlite3") as other:  # the command line, a colleague's copy…
        other.set_page_status(page_id, "done")
    win = _window(qtbot, tmp_path)
    assert win.open_library_page_ref(f"library:{page_id}")
    assert win.library is None  # the page and panel as left, at once; the library read just after
    assert (_columns(win), win.page_title) == (shown[1], shown[2])
    qtbot.waitUntil(lambda: win.library is not None)
    assert "✓" in "".join(child for _issue, children in _tree(win) for child in children)  # the write shows
    assert _columns(win) == shown[1] and win.page_where == f"library:{page_id}"
    assert win.page_content is not None and win.page_content.info.id == page_id
    win.close()
    win.library.close()


def test_a_page_corrected_elsewhere_since_shows_its_new_text_once_the_library_is_read(qtbot, tmp_path, home):
    page_id, shown = _left(qtbot, tmp_path)
    with Library.open(tmp_path / "library.sqlite3") as other:
        content = other.page(page_id)
        section = next(i for i, s in enumerate(content.current_sections) if s.paragraphs)
        other.correct(page_id, section, 0, 1, "㐁")
        expected = [s.paragraphs[0].text for s in other.page(page_id).current_sections if s.paragraphs][0]
    win = _window(qtbot, tmp_path)
    assert win.open_library_page_ref(f"library:{page_id}")
    assert _columns(win) == shown[1] and "㐁" not in "".join(_columns(win))  # as left, for one pass
    qtbot.waitUntil(lambda: win.library is not None)
    assert "㐁" in "".join(_columns(win)) and expected in "".join(_columns(win))
    win.close()
    win.library.close()


def test_a_page_removed_elsewhere_since_is_told_and_the_sample_page_shown(qtbot, tmp_path, home):
    page_id, _ = _left(qtbot, tmp_path)
    with Library.open(tmp_path / "library.sqlite3") as other:
        other.delete_issue(other.page(page_id).info.issue_id)
    win = _window(qtbot, tmp_path)
    assert win.open_library_page_ref(f"library:{page_id}")
    qtbot.waitUntil(lambda: win.library is not None)
    assert win.findChild(QMessageBox, "errorBox") is not None
    assert win.page_where.startswith("file:") and win.page_where.endswith("sample-page.txt")
    assert win.library_panel.tree.topLevelItemCount() == 0  # the issue is gone from the panel too
    win.close()
    win.library.close()


def test_a_damaged_kept_view_reads_the_library_first(qtbot, tmp_path, home):
    page_id, shown = _left(qtbot, tmp_path)
    (home / start_view.FILE_NAME).write_text('{"format": 1, "library": "', encoding="utf-8")
    win = _window(qtbot, tmp_path)
    assert win.open_library_page_ref(f"library:{page_id}")
    assert win.library is not None  # nothing kept to show: the library read before the page
    assert (_tree(win), _columns(win)) == shown[:2]
    win.close()
    win.library.close()


def test_a_file_page_shows_the_kept_panel_and_another_library_ignores_it(qtbot, tmp_path, home):
    _left(qtbot, tmp_path, correct=False)
    win = _window(qtbot, tmp_path)
    win.open_page_file(ROOT / "resources" / "sample-page.txt")
    assert win.start_library() and win.library is None
    assert win.library_panel.tree.topLevelItemCount() == 1
    qtbot.waitUntil(lambda: win.library is not None)
    win.close()
    win.library.close()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    settings = Settings(QSettings(str(tmp_path / "dubao.ini"), QSettings.Format.IniFormat))
    other = MainWindow(settings, db=str(elsewhere / "library.sqlite3"))
    qtbot.addWidget(other)
    other.start_library()
    assert other.library_panel.tree.topLevelItemCount() == 0  # not the kept library's issue
    other.close()


def test_a_first_start_shows_the_new_librarys_empty_panel_then_makes_the_library(qtbot, tmp_path, home):
    win = _window(qtbot, tmp_path)
    made = tmp_path / "library.sqlite3"
    assert not made.exists()
    win.open_page_file(ROOT / "resources" / "sample-page.txt")
    assert win.start_library() and win.library is None and not made.exists()
    assert win.library_panel.tree.topLevelItemCount() == 0 and win.library_panel.empty.isVisibleTo(win)
    qtbot.waitUntil(lambda: win.library is not None)  # made on the next pass of the event loop
    assert made.exists() and win.library.issues() == []
    assert win.library_panel.tree.topLevelItemCount() == 0
    win.close()
    win.library.close()


def test_the_kept_view_is_refused_when_damaged_or_for_a_server(tmp_path, home):
    db = tmp_path / "library.sqlite3"
    with Library.open(db) as library:
        library.import_paths([ROOT / "resources" / "sample-page.txt"])
        view = start_view.gather(library, library.page_order()[0])
    assert start_view.keep(home, db, view)
    kept = start_view.read(home, db)
    assert kept is not None and kept.page is not None and len(kept.issues) == 1
    assert kept.page.page.raw == (ROOT / "resources" / "sample-page.txt").read_text(encoding="utf-8")
    (home / start_view.FILE_NAME).write_text("{not json", encoding="utf-8")
    assert start_view.read(home, db) is None
    assert start_view.library_file("postgresql://me@host/news") is None
    assert start_view.library_file(":memory:") is None
    assert start_view.library_file(str(db)) == db


def test_reading_the_kept_view_loads_neither_peewee_nor_the_library() -> None:
    code = (
        "import sys; import models.library.start_view; "
        "assert 'peewee' not in sys.modules and 'models.library.service' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_the_window_started_from_the_view_builds_its_capabilities_on_the_library(qtbot, tmp_path, home):
    page_id, _ = _left(qtbot, tmp_path)
    win = _window(qtbot, tmp_path)
    assert win.open_library_page_ref(f"library:{page_id}")
    win.build_capabilities()  # as just after the first paint, before the library's own turn
    assert win.library is not None and win.page_content is not None
    QApplication.processEvents()
    win.close()
    win.library.close()


def test_modules_imported_after_pyside_are_not_read_for_its_feature_switches(tmp_path) -> None:
    # PySide6 reads each new module's source to see whether it names PySide6 (for the
    # ``__feature__`` switches Dubao does not use): start-up spares it (issue 11).
    (tmp_path / "names_pyside_never.py").write_text("VALUE = 1\n", encoding="utf-8")
    code = (
        "import inspect, sys; import PySide6.QtCore; from ui.shell.app import spare_source_reads; "
        "assert spare_source_reads(); "
        "inspect.getsource = lambda _m: (_ for _ in ()).throw(AssertionError('source read')); "
        f"sys.path.insert(0, {str(tmp_path)!r}); import names_pyside_never; "
        "from PySide6.QtCore import QObject; assert QObject().objectName() == ''"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_a_window_built_whole_at_start_reads_the_library_itself(qtbot, tmp_path, home):
    # The scan shown at start builds the capabilities before the page: they read the library's.
    page_id, shown = _left(qtbot, tmp_path)
    win = _window(qtbot, tmp_path)
    win.build_capabilities()
    assert win.open_library_page_ref(f"library:{page_id}")
    assert win.library is not None and win.page_content is not None
    assert _columns(win) == shown[1]
    win.close()
    win.library.close()


def test_a_first_start_shows_the_sample_page_without_loading_the_parser(tmp_path) -> None:
    # Nothing kept yet (a fresh app-data folder): the sample page comes from its shipped parse,
    # the same columns as the parser makes, and neither the parser nor numpy is loaded for it.
    code = (
        "import sys; from PySide6.QtCore import QSettings; from PySide6.QtWidgets import QApplication; "
        "app = QApplication([]); from ui.common.settings import Settings; "
        "from ui.shell.main_window import MainWindow; from models.resources import resource_path; "
        f"s = Settings(QSettings({str(tmp_path / 'd.ini')!r}, QSettings.Format.IniFormat)); "
        f"w = MainWindow(s, db={str(tmp_path / 'library.sqlite3')!r}); "
        "w.open_page_file(resource_path('sample-page.txt')); "
        "loaded = [m for m in ('models.parser', 'numpy') if m in sys.modules]; assert not loaded, loaded; "
        "shown = [c.plain_text() for c in w.page_view.columns]; "
        "from models.parser import parse_page; from ui.reader.section_view import SectionColumn; "
        "fresh = parse_page(resource_path('sample-page.txt').read_text(encoding='utf-8')); "
        "again = [SectionColumn(x, n, w.page_view.style_).plain_text() for n, x in enumerate(fresh.sections)]; "
        "assert shown == again and shown"
    )
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)
