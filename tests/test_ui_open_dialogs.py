"""File ▸ Open Page…, Open Folder…, Import into Library… and Annotate ▸ Import Annotations…
open where the last pages came from, not in the folder Dubao was started from."""

from __future__ import annotations

from pathlib import Path

from annotation_pages import ASTRAL_PAGE
from PySide6.QtCore import QSettings, QStandardPaths, QTimer
from PySide6.QtWidgets import QFileDialog, QLineEdit


def _documents() -> Path:
    """Where a user expects a first dialog: the documents folder, else home."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def test_open_and_import_dialogs_open_where_the_last_pages_came_from(
    qtbot, library_window, tmp_path: Path, monkeypatch
) -> None:
    win = library_window
    started = tmp_path / "started-here"
    started.mkdir()
    monkeypatch.chdir(started)
    issue = tmp_path / "papers" / "2024-05-01"
    issue.mkdir(parents=True)
    page = issue / "p1.txt"
    page.write_text(ASTRAL_PAGE, encoding="utf-8")
    chosen: list[list[Path]] = []
    monkeypatch.setattr(win, "open_paths", lambda paths, import_first=True: chosen.append(paths))
    monkeypatch.setattr(win, "import_paths", lambda paths, open_first=True: chosen.append(paths) or True)
    opened_in: list[Path] = []

    def choose(path: Path) -> None:
        def go() -> None:
            dialog = next(d for d in win.findChildren(QFileDialog) if d.isVisible())
            opened_in.append(Path(dialog.directory().absolutePath()))
            dialog.findChild(QLineEdit, "fileNameEdit").setText(str(path))  # typed, as a user may
            dialog.accept()
            if dialog.isVisible():  # (not accepted: the test fails below, it does not hang)
                dialog.reject()

        QTimer.singleShot(200, go)

    choose(page)
    win.choose_file()  # File ▸ Open Page…, the first time
    assert opened_in[0] != started and opened_in[0] == _documents()
    assert chosen[-1] == [page]
    choose(page)
    win.choose_import()  # File ▸ Import into Library…: where the page just opened came from
    assert opened_in[1] == issue and chosen[-1] == [page]
    choose(issue)
    win.choose_folder()  # File ▸ Open Folder…: the folder that holds the issue's folder
    assert opened_in[2] == issue and chosen[-1] == [issue]
    choose(page)
    win.choose_file()
    assert opened_in[3] == issue.parent  # beside the issue just opened: the next one is a click away

    from ui.common.settings import Settings  # the next session opens there too

    again = Settings(QSettings(win.settings.store.fileName(), QSettings.Format.IniFormat))
    assert again.open_folder() == str(issue)


def test_import_annotations_opens_where_the_last_file_was_opened(
    qtbot, library_window, tmp_path: Path, monkeypatch
) -> None:
    """A colleague's file sits where the pages came from more often than where Dubao started."""
    win = library_window
    monkeypatch.chdir(tmp_path)
    shared = tmp_path / "from-colleague"
    shared.mkdir()
    page = shared / "p1.txt"
    page.write_text(ASTRAL_PAGE, encoding="utf-8")
    monkeypatch.setattr(win, "open_paths", lambda paths, import_first=True: None)
    opened_in: list[Path] = []

    def answer(typed: str) -> None:
        dialog = next(d for d in win.findChildren(QFileDialog) if d.isVisible())
        opened_in.append(Path(dialog.directory().absolutePath()))
        if typed:
            dialog.findChild(QLineEdit, "fileNameEdit").setText(typed)
            dialog.accept()
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(200, lambda: answer(str(page)))
    win.choose_file()
    QTimer.singleShot(200, lambda: answer(""))
    assert win.annotation_session.ask_open_path()[0] == ""
    assert opened_in[1] == shared
