"""The library in the window: panel, background import, drops, search, page details."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent

from models.library.service import Library
from tests.test_ui_pages import RAW_THREE

OTHER_PAGE = "经济日报\n\n冬奥场馆建设进展顺利\n本报记者 李明\n各场馆已进入测试阶段，志愿者培训\n同步展开。\n"


def _issue_folder(root, name: str, pages: int) -> object:
    folder = root / name
    folder.mkdir()
    for n in range(1, pages + 1):
        # Each page differs (the library skips a text it already holds).
        (folder / f"page-{n:02d}.txt").write_text(
            RAW_THREE + f"\n第{n}页备注，编号{n * 7}。\n", encoding="utf-8"
        )
    return folder


@pytest.fixture
def window(library_window):
    return library_window


def _import_and_wait(qtbot, win, paths, open_first=True):
    assert win.import_paths(paths, open_first=open_first)
    qtbot.waitUntil(lambda: win._import_task is None, timeout=20000)


def test_background_import_fills_the_panel_and_keeps_the_window_responsive(qtbot, window, tmp_path):
    folder = _issue_folder(tmp_path, "rmrb-2020-02-12", 6)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    _import_and_wait(qtbot, window, [folder])
    timer.stop()
    assert ticks, "the event loop ran while the import worked"
    tree = window.library_panel.tree
    assert tree.topLevelItemCount() == 1
    issue = tree.topLevelItem(0)
    assert issue.childCount() == 6
    assert "2020-02-12" in issue.text(0)
    # The first imported page is open, from the library.
    assert window.page_where.startswith("library:")
    assert len(window.page_view.columns) >= 2
    # Importing the same folder again adds nothing.
    _import_and_wait(qtbot, window, [folder], open_first=False)
    assert len(window.library_panel.page_ids()) == 6


def test_a_broken_file_is_refused_with_its_reason_and_nothing_half_imported(qtbot, window, tmp_path):
    folder = _issue_folder(tmp_path, "issue", 3)
    (folder / "page-04.txt").write_bytes(b"")
    _import_and_wait(qtbot, window, [folder])
    box = window._error_box
    assert box.isVisible() and "empty" in box.informativeText()
    assert window.library.issues() == []
    assert window.isVisible()


def test_cancelling_an_import_leaves_the_library_as_it_was(qtbot, window, tmp_path):
    folder = _issue_folder(tmp_path, "big", 40)
    assert window.import_paths([folder])
    from PySide6.QtWidgets import QPushButton

    (cancel,) = window._progress.findChildren(QPushButton)
    cancel.click()
    qtbot.waitUntil(lambda: window._import_task is None, timeout=20000)
    assert window.library.issues() == []


def test_dropping_a_folder_imports_it_and_opens_a_page(qtbot, window, tmp_path):
    folder = _issue_folder(tmp_path, "drop-2020-02-13", 2)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: window.page_where.startswith("library:"), timeout=20000)
    assert len(window.library_panel.page_ids()) == 2


def test_library_search_finds_two_and_five_character_queries_and_opens_the_hit(qtbot, window, tmp_path):
    folder = _issue_folder(tmp_path, "rmrb-2020-02-12", 2)
    other = tmp_path / "jjrb-2020-02-14" / "page-01.txt"
    other.parent.mkdir()
    other.write_text(OTHER_PAGE, encoding="utf-8")
    _import_and_wait(qtbot, window, [folder, other.parent], open_first=False)
    hits = window.search_library("春耕")  # two characters: below the trigram index
    assert len(hits) == 6 and window.search_panel.results.count() == 6  # 3 per page, 2 pages
    assert all("春耕" in window.search_panel.results.item(i).text() for i in range(6))
    hits = window.search_library("志愿者培训")  # five characters, on the other issue only
    assert len(hits) == 1
    item = window.search_panel.results.item(0)
    assert "【志愿者培训】" in item.text()
    window.search_panel.results.itemClicked.emit(item)
    assert window.page_title == "page-01.txt"
    view = window.page_view
    hit = view.hits[view.current_hit]
    column = view.columns[hit.column]
    assert column.blocks[hit.block].text.text[hit.start : hit.end] == "志愿者培训"
    assert OTHER_PAGE[column.blocks[hit.block].text.source[hit.start]] == "志"
    assert window.find_bar.isVisible()


def test_page_details_are_shown_and_saved_to_the_library(qtbot, window, tmp_path):
    folder = _issue_folder(tmp_path, "rmrb-2020-02-12", 2)
    _import_and_wait(qtbot, window, [folder])
    assert "2020-02-12" in window.page_view.details.text()
    details = window.details
    details.paper = "人民日报海外版"
    details.page_name = "要闻"
    window.set_details(details)
    window.set_library_details(details)
    assert "要闻" in window.page_view.details.text()
    reopened = Library.open(window.library.path)
    issue = reopened.issues()[0]
    assert issue.paper == "人民日报海外版"
    assert reopened.page_info(window.library_page_id).name == "要闻"
    reopened.close()
    assert "要闻" in window.library_panel.tree.topLevelItem(0).child(0).text(0)


def test_next_and_previous_page_walk_the_issue(qtbot, window, tmp_path):
    folder = _issue_folder(tmp_path, "issue-2020-02-12", 3)
    _import_and_wait(qtbot, window, [folder])
    ids = window.library_panel.page_ids()
    window.open_library_page(ids[0])
    window.next_page_action.trigger()
    assert window.library_page_id == ids[1]
    window.next_page_action.trigger()
    window.next_page_action.trigger()  # the last page stays the last
    assert window.library_page_id == ids[2]
    window.previous_page_action.trigger()
    assert window.library_page_id == ids[1]


def test_ctrl_o_imports_the_chosen_page_opens_it_and_lists_it_as_recent(qtbot, window, tmp_path, monkeypatch):
    import ui.common.open_paths

    page = tmp_path / "jjrb-2020-02-14-page-01.txt"
    page.write_text(OTHER_PAGE, encoding="utf-8")
    monkeypatch.setattr(ui.common.open_paths, "ask_open_paths", lambda *a, **k: [str(page)])
    window.open_action.trigger()
    qtbot.waitUntil(lambda: window.page_where.startswith("library:"), timeout=20000)
    assert window.settings.recent_files()[0] == str(page.resolve())
    assert "冬奥场馆建设进展顺利" in "".join(c.plain_text() for c in window.page_view.columns)
    assert len(window.library_panel.page_ids()) == 1


def test_file_names_in_the_progress_dialog_are_plain_text(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QLabel

    folder = tmp_path / "issue"
    folder.mkdir()
    (folder / '<img src="x">.txt').write_text(OTHER_PAGE, encoding="utf-8")
    assert window.import_paths([folder], open_first=False)
    labels = window._progress.findChildren(QLabel)
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    window._import_progressed(0, 1, '<img src="x">.txt')
    assert any(label.text() == 'Reading <img src="x">.txt' for label in labels)
    qtbot.waitUntil(lambda: window._import_task is None, timeout=20000)


def test_a_page_stored_by_an_older_parser_is_parsed_again_on_opening(qtbot, window, tmp_path, monkeypatch):
    import models.parser

    folder = _issue_folder(tmp_path, "issue-2020-02-12", 1)
    _import_and_wait(qtbot, window, [folder], open_first=False)
    (page_id,) = window.library_panel.page_ids()
    monkeypatch.setattr(models.parser, "PARSER_VERSION", "a newer parser", raising=False)
    assert page_id in window.library.stale_pages()
    assert window.open_library_page(page_id)
    assert page_id not in window.library.stale_pages()
    assert window.library.page_info(page_id).parser_version == "a newer parser"


def test_removing_an_issue_asks_then_empties_the_panel(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    folder = _issue_folder(tmp_path, "issue-2020-02-12", 2)
    _import_and_wait(qtbot, window, [folder])
    issue_id = window.library.issues()[0].id
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.No)
    window.library_panel.removeIssueRequested.emit(issue_id)
    assert len(window.library_panel.page_ids()) == 2
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Yes)
    window.library_panel.removeIssueRequested.emit(issue_id)
    assert window.library.issues() == [] and window.library_panel.page_ids() == []
    assert window.library_panel.empty.isVisible()


def test_the_panel_lists_issues_at_once_and_an_issues_pages_when_it_is_opened(qtbot, window, tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    for day in (12, 13, 14):
        _issue_folder(archive, f"rmrb-2020-02-{day}", 3)
        for page in (archive / f"rmrb-2020-02-{day}").iterdir():
            page.write_text(page.read_text(encoding="utf-8") + f"二月{day}日。\n", encoding="utf-8")
    _import_and_wait(qtbot, window, [archive], open_first=False)
    asked: list[int] = []
    pages_of = window.library.pages

    def counting(issue_id: int):
        asked.append(issue_id)
        return pages_of(issue_id)

    done = {p.issue_id: p.done for p in window.library.progress()}
    panel = window.library_panel
    panel.set_issues(window.library.issues(), counting, done)
    tree = panel.tree
    assert tree.topLevelItemCount() == 3 and asked == []
    assert all("0/3 done" in tree.topLevelItem(i).text(0) for i in range(3))
    last = tree.topLevelItem(2)
    assert last.childCount() == 0 and "2020-02-14" in last.text(0)
    tree.expandItem(last)
    assert last.childCount() == 3 and len(asked) == 1
    # Opening a page shows it in its issue; the next page walks on into the next issue.
    issues = window.library.issues()
    first_pages = window.library.pages(issues[0].id)
    second_pages = window.library.pages(issues[1].id)
    window.open_library_page(first_pages[-1].id)
    assert tree.currentItem().data(0, Qt.ItemDataRole.UserRole) == first_pages[-1].id
    window.next_page_action.trigger()
    assert window.library_page_id == second_pages[0].id
    assert tree.currentItem().data(0, Qt.ItemDataRole.UserRole) == second_pages[0].id
    # Filling the panel again (a status changed) keeps the issues the reader opened open.
    window.refresh_library()
    assert tree.topLevelItem(2).isExpanded() and tree.topLevelItem(2).childCount() == 3
    assert tree.currentItem().data(0, Qt.ItemDataRole.UserRole) == second_pages[0].id


def test_a_search_index_made_again_is_made_in_the_background_with_progress(qtbot, tmp_path):
    import sqlite3

    from PySide6.QtCore import QSettings

    from ui.common.settings import Settings
    from ui.shell.main_window import MainWindow

    db = tmp_path / "library.sqlite3"
    with Library.open(db) as library:
        library.import_paths([_issue_folder(tmp_path, "rmrb-2020-02-12", 4)])
    conn = sqlite3.connect(db)  # as an index folded by another version is left
    conn.execute("UPDATE search_meta SET value = 'another folding' WHERE name = 'tokens'")
    conn.commit()
    conn.close()
    settings = Settings(QSettings(str(tmp_path / "dubao.ini"), QSettings.Format.IniFormat))
    win = MainWindow(settings, db=str(db))
    qtbot.addWidget(win)
    win.show()
    messages: list[str] = []
    win.statusBar().messageChanged.connect(messages.append)
    assert win.open_library()
    assert win.library_panel.tree.topLevelItemCount() == 1  # the panel did not wait for the index
    qtbot.waitUntil(lambda: win._index_task is None, timeout=30000)
    assert win.library.search_index_progress() is None
    assert any("4 of 4 pages" in m for m in messages) and "up to date" in messages[-1]
    assert len(win.search_library("第3页备注")) == 1
    win.close()
    win.library.close()
