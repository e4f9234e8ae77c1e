"""File ▸ Back Up Library…: a verified copy made in the background; failures in a dialog."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from annotation_pages import locate, open_test_issue
from PySide6.QtWidgets import QMessageBox


@pytest.fixture
def window(library_window, tmp_path: Path):
    win = library_window
    open_test_issue(library_window, tmp_path, sample=False)
    session = win.annotation_session
    section, at, _ = locate(session.page, "𠀀家庄")
    session.annotations.create(session.page, section, at, at + 3, 5)
    return win


def _count(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute("SELECT count(*) FROM highlight").fetchone()[0]


def test_back_up_library_from_the_file_menu_copies_it_in_the_background(
    qtbot, window, tmp_path: Path
) -> None:
    backup = window.library_backup
    assert backup.action in window.file_menu.actions()
    dest = tmp_path / "copies" / "mine.sqlite3"
    dest.parent.mkdir()
    backup.ask_path = lambda: (str(dest), "")
    threads: list[int] = []
    library = window.library
    real = type(library).backup

    def watched(self, *args, **kwargs):
        threads.append(threading.get_ident())
        return real(self, *args, **kwargs)

    type(library).backup = watched
    try:
        assert backup.start()
        assert not backup.action.isEnabled()  # one backup at a time
        qtbot.waitUntil(lambda: window.findChild(QMessageBox, "backupDone") is not None, timeout=20000)
    finally:
        type(library).backup = real
    done = window.findChild(QMessageBox, "backupDone")
    assert "verified" in done.text() and str(dest) in done.informativeText()
    assert threads and threads[0] != threading.get_ident()  # not on the window's thread
    assert _count(dest) == 1
    qtbot.waitUntil(lambda: backup.task is None)
    assert backup.action.isEnabled()


def test_a_backup_over_the_library_itself_is_refused_in_a_dialog(qtbot, window) -> None:
    backup = window.library_backup
    library = window.library.path
    backup.ask_path = lambda: (str(library), "")
    assert backup.start()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorBox") is not None, timeout=20000)
    box = window.findChild(QMessageBox, "errorBox")
    assert "not backed up" in box.text() and "library" in box.informativeText()
    assert _count(library) == 1
    qtbot.waitUntil(lambda: backup.task is None)


def test_a_backup_into_a_missing_folder_says_so_and_leaves_nothing(qtbot, window, tmp_path: Path) -> None:
    backup = window.library_backup
    dest = tmp_path / "no-such-folder" / "copy.sqlite3"
    backup.ask_path = lambda: (str(dest), "")
    assert backup.start()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorBox") is not None, timeout=20000)
    assert "no-such-folder" in window.findChild(QMessageBox, "errorBox").informativeText()
    assert not dest.parent.exists()
    assert window.findChild(QMessageBox, "backupDone") is None
    qtbot.waitUntil(lambda: backup.task is None)
