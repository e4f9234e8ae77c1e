"""Every export the window writes asks before replacing a file, never writes over the open
library, and replaces a file whole (a temporary file renamed into place) (issue 10, item 1)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from annotation_pages import locate, open_test_issue
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from ui.common.export_paths import save_dialog


@pytest.fixture
def window(library_window, tmp_path: Path):
    win = library_window
    open_test_issue(library_window, tmp_path, sample=False)
    session = win.annotation_session
    section, at, _ = locate(session.page, "𠀀家庄")
    session.annotations.create(session.page, section, at, at + 3, 5)
    return win


def _highlights(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM highlight").fetchone()[0]


def error_box(qtbot, window) -> QMessageBox:
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorBox") is not None)
    return window.findChild(QMessageBox, "errorBox")


def test_the_save_dialog_asks_before_replacing_a_file(qtbot, tmp_path: Path) -> None:
    existing = tmp_path / "marks.csv"
    existing.write_text("keep me", encoding="utf-8")
    dialog = save_dialog(None, "Export", str(tmp_path / "new.csv"), "CSV (*.csv)")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # the question is Qt's own here
    assert not dialog.testOption(QFileDialog.Option.DontConfirmOverwrite)
    asked: list[str] = []

    def answer_no() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.No).click()

    dialog.show()
    dialog.selectFile(str(existing))
    QTimer.singleShot(200, answer_no)
    dialog.accept()
    assert asked and "marks.csv" in asked[0]
    assert dialog.isVisible() and dialog.result() != QFileDialog.DialogCode.Accepted  # not taken
    assert existing.read_text(encoding="utf-8") == "keep me"


def test_an_annotation_export_over_the_open_library_is_refused_with_a_message(qtbot, window) -> None:
    session = window.annotation_session
    library = window.library.path
    for target in (library, Path(f"{library}-wal")):  # the library and its write-ahead log
        session.ask_save_path = lambda t=target: (str(t), "")
        assert session.export_annotations() is None
        box = error_box(qtbot, window)
        assert "library" in box.informativeText() and "exported" in box.text()
        box.done(0)
        box.setObjectName("")
    assert library.read_bytes().startswith(b"SQLite format 3\x00")
    assert _highlights(library) == 1


def test_an_annotation_export_replaces_the_file_whole_through_a_rename(window, tmp_path: Path) -> None:
    session = window.annotation_session
    target = tmp_path / "marks.csv"
    target.write_text("an old export\n", encoding="utf-8")
    old_inode = target.stat().st_ino
    session.ask_save_path = lambda: (str(target), "")
    assert session.export_annotations() == str(target)
    assert "𠀀家庄" in target.read_text(encoding="utf-8-sig")
    assert target.stat().st_ino != old_inode  # a new file renamed into place, not written over
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".marks.csv")) == []


def test_a_vocabulary_export_over_the_library_is_refused(qtbot, window) -> None:
    from models.vocabulary.words import add_word
    from ui.language.vocabulary_window import VocabularyWindow

    add_word(window.library, simplified="银行", pinyin="yín háng")
    table = VocabularyWindow(window.library, window)
    qtbot.addWidget(table)
    table.refresh()
    library = window.library.path
    size = library.stat().st_size
    assert not table.export("csv", f"{library}-wal")
    assert not table.export("tsv", str(library))
    assert library.stat().st_size == size and _highlights(library) == 1
    assert os.path.exists(library)


def test_an_export_opens_in_the_last_export_folder_not_where_dubao_was_started(
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:
    """File ▸ Export Proofread Text… opened in the folder Dubao was started from (on Xvfb: the
    source checkout). It opens in the documents folder (else home) the first time, then where
    the last export went, in this session and the next."""
    from ui.common.export_paths import ask_save_path, save_dialog

    started = tmp_path / "started-here"
    started.mkdir()
    monkeypatch.chdir(started)
    first = save_dialog(window, "Export", "issue.txt", "Plain text (*.txt)")
    opened = Path(first.directory().absolutePath())
    first.deleteLater()
    assert opened != started and opened.is_dir()
    chosen = tmp_path / "exports" / "issue.txt"
    chosen.parent.mkdir()

    def choose() -> None:
        dialog = next(d for d in window.findChildren(QFileDialog, "exportDialog") if d.isVisible())
        dialog.selectFile(str(chosen))
        dialog.accept()

    QTimer.singleShot(200, choose)
    assert ask_save_path(window, "Export", "issue.txt", "Plain text (*.txt)")[0] == str(chosen)
    again = save_dialog(window, "Export", "vocabulary.csv", "CSV (*.csv)")
    assert Path(again.directory().absolutePath()) == chosen.parent
    again.deleteLater()
    assert window.settings.export_folder() == str(chosen.parent)  # kept for the next session


def _choose_in_dialog(window, folder: Path) -> list[Path]:
    """Accept the save dialog about to open with its suggested name in ``folder``; the list
    gets the folder it opened in."""
    opened: list[Path] = []

    def choose() -> None:
        dialog = next(d for d in window.findChildren(QFileDialog, "exportDialog") if d.isVisible())
        opened.append(Path(dialog.directory().absolutePath()))
        dialog.setDirectory(str(folder))
        dialog.accept()

    QTimer.singleShot(200, choose)
    return opened


def test_a_vocabulary_export_is_remembered_as_the_last_export_folder(qtbot, window, tmp_path: Path) -> None:
    """The vocabulary list is a dialog of its own: its exports' folder was never kept, so the
    next export (and the next session) opened elsewhere."""
    from models.vocabulary.words import add_word
    from ui.language.vocabulary_window import VocabularyWindow

    add_word(window.library, simplified="银行", pinyin="yín háng")
    table = VocabularyWindow(window.library, window)
    qtbot.addWidget(table)
    table.refresh()
    chosen = tmp_path / "words" / "vocabulary.csv"
    chosen.parent.mkdir()
    _choose_in_dialog(window, chosen.parent)
    assert table.export("csv")
    assert chosen.is_file()
    assert window.settings.export_folder() == str(chosen.parent)
    again = save_dialog(window, "Export", "issue.txt", "Plain text (*.txt)")
    assert Path(again.directory().absolutePath()) == chosen.parent
    again.deleteLater()


def test_a_backup_does_not_move_where_exports_open(qtbot, window, tmp_path: Path) -> None:
    """Back Up Library… asks through the same dialog; the backup's folder (often a drive of
    its own) is kept for the next backup, not taken as the folder exports open in."""
    exports = tmp_path / "exports"
    exports.mkdir()
    window.settings.set_export_folder(str(exports))
    backups = tmp_path / "backups"
    backups.mkdir()
    backup = next(c for c in window.findChildren(QObject) if type(c).__name__ == "LibraryBackup")
    _choose_in_dialog(window, backups)
    path, _ = backup.ask_path()
    assert Path(path).parent == backups
    dialog = save_dialog(window, "Export", "issue.txt", "Plain text (*.txt)")
    assert Path(dialog.directory().absolutePath()) == exports
    dialog.deleteLater()
    opened = _choose_in_dialog(window, backups)
    assert backup.ask_path()[0] == path
    assert opened == [backups]  # the next backup opens where the last went
