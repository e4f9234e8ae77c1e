"""File ▸ Back Up Library…: a consistent, verified copy of the library, made in the background.

The copy runs in a QThread through ``Library.backup`` (SQLite's online backup API, then an
integrity check before the copy is renamed into place), so the window goes on painting and the
reader may go on reading and highlighting meanwhile; a progress dialog counts the pages and can
cancel. "Done" is said only once the core has verified the copy; a failure is told in a dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressDialog

from ui.common.export_paths import ask_save_path
from ui.library.library_tasks import LibraryTask, start_task, task_progress

BACKUP_FILTER = "Dubao library (*.sqlite3);;All files (*)"


class BackupTask(LibraryTask):
    """Back the library up to ``dest``; cancellable between steps of the copy. ``succeeded``
    carries the core's BackupReport once the copy is verified and in place; after ``failed`` no
    backup file was left."""

    #: (pages copied, pages in all)
    progressed = Signal(int, int)

    def __init__(self, library: Any, dest: str, overwrite: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.dest = dest
        self.overwrite = overwrite

    def work(self) -> Any:  # the copy opens its own SQLite connection
        def progress(done: int, total: int) -> bool:
            self.progressed.emit(done, total)
            return self.going_on()

        return self.library.backup(self.dest, progress, overwrite=self.overwrite)


class LibraryBackup(QObject):
    """The File menu's Back Up Library… for one main window."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.task: BackupTask | None = None
        self.progress: QProgressDialog | None = None
        self.action = QAction(self.tr("&Back Up Library…"), window)
        self.action.triggered.connect(self.start)
        window.addAction(self.action)
        #: where the copy goes, replaceable in tests: (path or "", chosen filter)
        self.ask_path: Callable[[], tuple[str, str]] = lambda: ask_save_path(
            self.window,
            self.tr("Back Up Library"),
            f"dubao-library-{date.today().isoformat()}.sqlite3",  # where the last backup went
            BACKUP_FILTER,
            kind="backup",  # not the folder exports then open in
        )

    def start(self) -> bool:
        """Ask where, then copy in the background; False when nothing was started."""
        w = self.window
        if self.task is not None:
            w.statusBar().showMessage(self.tr("A backup is already running."), 3000)
            return False
        if not w.open_library():  # type: ignore[attr-defined]
            return False
        path, _chosen = self.ask_path()
        if not path:
            return False
        # The save dialog has asked before replacing an existing file.
        task = BackupTask(w.library, path, overwrite=Path(path).is_file(), parent=self)  # type: ignore[attr-defined]
        dialog = task_progress(
            w,
            task,
            self.tr("Backing up the library…"),
            self.tr("Cancel"),
            self.tr("Back Up Library"),
            "backupProgress",
        )
        start_task(self, task, dialog)
        self.action.setEnabled(False)
        return True

    def stop(self) -> None:
        """Cancel a running backup and wait for it (the window is closing); no file is left."""
        if self.task is not None:
            self.task.cancel()
            self.task.wait(10000)

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None:
            if total <= 0:  # a server's library: rows copied, their number unknown beforehand
                self.progress.setMaximum(0)
                return
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _succeeded(self, report: Any) -> None:
        self.window.statusBar().showMessage(report.summary(), 8000)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Back Up Library"),
            self.tr("The backup is complete and verified."),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setObjectName("backupDone")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(report.summary())  # a path may hold anything: shown plain
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _failed(self, reason: str) -> None:
        self.window.show_error(self.tr("The library was not backed up"), reason)  # type: ignore[attr-defined]

    def _finished(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
        self.progress = None
        if self.task is not None:
            self.task.deleteLater()
        self.task = None
        self.action.setEnabled(True)
