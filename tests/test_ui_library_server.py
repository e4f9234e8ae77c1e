"""File ▸ Open Library… in the window: a team server or a file, the URL's password never shown."""

from __future__ import annotations

from pathlib import Path

from conftest import fresh_server_url
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog

from ui.common.settings import Settings
from ui.shell.main_window import MainWindow


def _window(qtbot, tmp_path: Path, db: str) -> MainWindow:
    settings = Settings(QSettings(str(tmp_path / "dubao.ini"), QSettings.Format.IniFormat))
    win = MainWindow(settings, db=db)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_open_library_switches_between_a_server_and_a_file_and_keeps_the_old_one_on_failure(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    server = fresh_server_url("ui")
    issue = tmp_path / "issue"
    issue.mkdir()
    (issue / "p1.txt").write_text("北京春耕开始了。\n", encoding="utf-8")
    win = _window(qtbot, tmp_path, str(tmp_path / "library.sqlite3"))
    try:
        assert win.open_library()
        win.library.import_paths([issue])
        assert len(win.library.issues()) == 1
        answers = iter([(server, True), ("postgresql://editor:s3cret@127.0.0.1:1/none", True)])
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: next(answers)))
        shown: list[tuple[str, str]] = []
        monkeypatch.setattr(win, "show_error", lambda title, reason: shown.append((title, reason)))

        assert win.choose_library()  # File ▸ Open Library…: the server
        assert win.library.server_url == server and win.library.issues() == []
        assert win.library_panel is not None and "Library:" in win.status.text()

        assert not win.choose_library()  # a server that cannot be reached: said, old library kept
        assert win.library.server_url == server
        assert shown and "s3cret" not in shown[-1][1] and "***" in shown[-1][1]
        assert "s3cret" not in win.windowTitle() and "s3cret" not in win.status.text()

        assert win.switch_library(str(tmp_path / "library.sqlite3"))
        assert len(win.library.issues()) == 1
    finally:
        win.close()
        if win.library is not None:
            win.library.close()
